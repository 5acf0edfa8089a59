package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/ucwa-go/ucwa"
)

func setupEncode(fs *flag.FlagSet) func([]string, *env) error {
	format := formatFlag{ucwa.JSON}
	fs.Var(&format, "f", "output `format`: json or xml")
	op := ""
	fs.StringVar(&op, "op", "", "encode the typed input of the operation `OP`, validated (see doc)")
	var links []ucwa.Link
	fs.Func("link", "add the link `REL=HREF` (repeatable)", func(s string) error {
		rel, href, ok := strings.Cut(s, "=")
		if !ok || rel == "" {
			return errors.New("want REL=HREF")
		}
		links = append(links, ucwa.Link{Rel: rel, Href: href})
		return nil
	})
	return func(args []string, c *env) error {
		if op != "" {
			if len(links) > 0 {
				return usagef("-link with -op: give a link-valued parameter as NAME=HREF")
			}
			b, err := encodeOp(op, args, format.f)
			if err != nil {
				return err
			}
			return write(c, b)
		}
		in := ucwa.Input{Links: links}
		for _, arg := range args {
			p, err := parseProperty(arg)
			if err != nil {
				return err
			}
			in.Properties = append(in.Properties, p)
		}
		b, err := in.Append(nil, format.f)
		if err != nil {
			return err
		}
		return write(c, b)
	}
}

// parseProperty reads NAME=VALUE (a string) or NAME:=JSON (a JSON value).
func parseProperty(arg string) (ucwa.Property, error) {
	name, value, ok := strings.Cut(arg, "=")
	if !ok || name == "" || name == ":" {
		return ucwa.Property{}, usagef("want NAME=VALUE or NAME:=JSON, not %s", strconv.Quote(arg))
	}
	typed, isTyped := strings.CutSuffix(name, ":")
	if !isTyped {
		return ucwa.Prop(name, ucwa.String(value)), nil
	}
	v, err := parseJSONValue(value)
	if err != nil {
		return ucwa.Property{}, fmt.Errorf("%s:=%s: %w", typed, shorten(value), err)
	}
	return ucwa.Prop(typed, v), nil
}

// parseJSONValue reads one JSON value with the library's JSON decoder, as
// the value of a property of a one-property input.
func parseJSONValue(s string) (ucwa.Value, error) {
	// json.Valid makes sure s is one value, so that it cannot add members
	// to the object it is put in.
	if !json.Valid([]byte(s)) {
		return ucwa.Value{}, errors.New("not a JSON value")
	}
	in, err := ucwa.DecodeInput([]byte(`{"v":`+s+`}`), ucwa.JSON)
	if err != nil {
		var de *ucwa.DecodeError
		if errors.As(err, &de) {
			return ucwa.Value{}, errors.New(de.Msg)
		}
		return ucwa.Value{}, err
	}
	if len(in.Properties) != 1 || in.Properties[0].Name != "v" || len(in.Links) != 0 {
		return ucwa.Value{}, errors.New("not a JSON value")
	}
	return in.Properties[0].Value, nil
}

// shorten quotes s for a message, cut after 40 bytes.
func shorten(s string) string {
	if len(s) > 40 {
		return strconv.Quote(s[:40]) + "…"
	}
	return strconv.Quote(s)
}
