package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/ucwa-go/ucwa"
)

func setupConvert(fs *flag.FlagSet) func([]string, *env) error {
	var from, to formatFlag
	fs.Var(&from, "from", "input `format`, json or xml (default: told from the first byte)")
	fs.Var(&to, "to", "output `format`, json or xml (required)")
	kind := ""
	fs.Func("kind", "the body's `kind`: input, resource, events or error (default: told from the body)", func(s string) error {
		switch s {
		case kindInput, kindResource, kindEvents, kindError:
			kind = s
			return nil
		}
		return errors.New("not input, resource, events or error")
	})
	var typed typedFlag
	fs.Var(&typed, "typed", "type an XML body's values as the reference does; `=OP` for the input of the operation OP")
	return func(args []string, c *env) error {
		if to.f == 0 {
			return usagef("-to is required")
		}
		data, err := readBody(args, c)
		if err != nil {
			return err
		}
		f := from.f
		if f == 0 {
			var ok bool
			if f, ok = ucwa.DetectFormat(data); !ok {
				return fmt.Errorf("%s: not JSON nor XML: the body does not start with '{' or '<'", nameOf(args))
			}
		}
		k := kind
		if k == "" {
			k = detectKind(data, f)
		}
		opts, err := typed.options()
		if err != nil {
			return err
		}
		out, err := convert(opts, data, f, k, to.f)
		if err != nil {
			return err
		}
		return write(c, out)
	}
}

// convert decodes data, a body of kind k in format from, with the options
// o, and encodes it in format to.
func convert(o ucwa.Options, data []byte, from ucwa.Format, k string, to ucwa.Format) ([]byte, error) {
	switch k {
	case kindResource:
		r, err := o.DecodeResource(data, from)
		if err != nil {
			return nil, err
		}
		return r.Append(nil, to)
	case kindEvents:
		ev, err := o.DecodeEvents(data, from)
		if err != nil {
			return nil, err
		}
		return ev.Append(nil, to)
	case kindError:
		e, err := o.DecodeErrorBody(data, from)
		if err != nil {
			return nil, err
		}
		return e.Append(nil, to)
	}
	in, err := o.DecodeInput(data, from)
	if err != nil {
		return nil, err
	}
	return in.Append(nil, to)
}
