package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/catalog"
)

// errFindings is returned by validate when the body breaks a rule; the
// findings are already on standard output.
type errFindings struct{ n int }

func (e *errFindings) Error() string {
	if e.n == 1 {
		return "the body breaks 1 rule of the reference"
	}
	return "the body breaks " + strconv.Itoa(e.n) + " rules of the reference"
}

func setupValidate(fs *flag.FlagSet) func([]string, *env) error {
	op := fs.String("op", "", "validate the request body of the operation `OP` (an input, or a PUT's resource)")
	rel := fs.String("rel", "", "validate a resource against the resource `NAME` (default: the one its rel names)")
	return func(args []string, c *env) error {
		if *op != "" && *rel != "" {
			return usagef("-op and -rel together: give one")
		}
		data, err := readBody(args, c)
		if err != nil {
			return err
		}
		f, ok := ucwa.DetectFormat(data)
		if !ok {
			return fmt.Errorf("%s: not JSON nor XML: the body does not start with '{' or '<'", nameOf(args))
		}
		findings, err := validateBody(data, f, *op, *rel)
		if err != nil {
			return err
		}
		errs := 0
		var b strings.Builder
		for _, fd := range findings {
			if fd.Err != nil {
				errs++
			}
			b.WriteString(oneLine(fd.String()) + "\n")
		}
		if _, err := fmt.Fprint(c.stdout, b.String()); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		if errs > 0 {
			return &errFindings{errs}
		}
		return nil
	}
}

// validateBody decodes data and validates it: against the operation op's
// request body, the resource named rel, or else (a resource or an
// event-channel response) the resources its rels name.
func validateBody(data []byte, f ucwa.Format, op, rel string) ([]catalog.Finding, error) {
	if op != "" {
		o, err := catalog.Op(op)
		if err != nil {
			return nil, err
		}
		var in ucwa.Input
		switch o.Body {
		case "resource":
			r, err := ucwa.DecodeResource(data, f)
			if err != nil {
				return nil, err
			}
			in.Properties, in.Links = r.Properties, r.Links
			if self, ok := r.Link("self"); ok && len(r.Links) == 1 && self.Href != "" {
				in.Links = nil
			}
		case "input":
			if in, err = ucwa.DecodeInput(data, f); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("%s takes no UCWA body (its body: %s)", o.Name(), bodyOf(o))
		}
		return o.ValidateInput(&in, f), nil
	}
	k := detectKind(data, f)
	if rel != "" {
		k = kindResource
	}
	switch k {
	case kindResource:
		r, err := ucwa.DecodeResource(data, f)
		if err != nil {
			return nil, err
		}
		if rel == "" {
			return catalog.ValidateResource(&r, f), nil
		}
		res := catalog.Lookup(rel)
		if res == nil {
			return nil, fmt.Errorf("%s is no resource of the catalog", strconv.Quote(rel))
		}
		return res.Validate(&r, f), nil
	case kindEvents:
		ev, err := ucwa.DecodeEvents(data, f)
		if err != nil {
			return nil, err
		}
		return catalog.ValidateEvents(&ev, f), nil
	case kindError:
		return nil, usagef("an error body: the catalog validates resources, inputs and event-channel responses")
	}
	return nil, usagef("an input: give -op, the operation it is the body of")
}
