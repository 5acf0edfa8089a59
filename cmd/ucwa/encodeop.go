package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/api"
	"github.com/ucwa-go/ucwa/catalog"
)

// encodeOp encodes the typed input of the operation named op (see
// catalog.Op) from the NAME=VALUE arguments, each VALUE read as its
// parameter's type (catalog.Field.Parse); a list parameter takes one item
// per argument. It refuses an unknown parameter, a value not of its type, a
// scalar given twice, and an input its type's Validate refuses.
func encodeOp(op string, args []string, f ucwa.Format) ([]byte, error) {
	o, err := catalog.Op(op)
	if err != nil {
		return nil, err
	}
	x, ok := api.New(o.Name())
	if !ok {
		return nil, fmt.Errorf("%s takes no input this tool types (its body: %s)", o.Name(), bodyOf(o))
	}
	var in ucwa.Input
	lists := map[string]int{} // where each list property is in in.Properties
	for _, arg := range args {
		name, value, ok := strings.Cut(arg, "=")
		if !ok || name == "" || strings.HasSuffix(name, ":") {
			return nil, usagef("with -op, want NAME=VALUE, not %s", strconv.Quote(arg))
		}
		fd := o.Param(name)
		if fd == nil || fd.In != "body" {
			return nil, &ucwa.InputError{Op: o.Name(), Param: name, Msg: "not a parameter of the operation"}
		}
		v, err := fd.Parse(value)
		if err != nil {
			return nil, &ucwa.InputError{Op: o.Name(), Param: name, Msg: err.Error()}
		}
		_, seen := in.Get(name)
		_, linked := in.Link(name)
		switch {
		case fd.Type.Kind == catalog.Href:
			if linked {
				return nil, &ucwa.InputError{Op: o.Name(), Param: name, Msg: "given twice"}
			}
			in.Links = append(in.Links, ucwa.Link{Rel: name, Href: value})
		case fd.Type.Array && seen:
			i := lists[name]
			items := append(in.Properties[i].Value.List(), v)
			in.Properties[i].Value = ucwa.List(items...)
		case fd.Type.Array:
			lists[name] = len(in.Properties)
			in.Properties = append(in.Properties, ucwa.Prop(name, ucwa.List(v)))
		case seen:
			return nil, &ucwa.InputError{Op: o.Name(), Param: name, Msg: "given twice"}
		default:
			in.Properties = append(in.Properties, ucwa.Prop(name, v))
		}
	}
	if err := x.FromInput(&in); err != nil {
		return nil, err
	}
	return x.Append(nil, f)
}

// bodyOf says what the request of op carries.
func bodyOf(o *catalog.Operation) string {
	switch o.Body {
	case "":
		return "none"
	case "input":
		return "an input with no parameters"
	}
	return o.Body
}
