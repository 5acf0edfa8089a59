package api_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/api"
	"github.com/ucwa-go/ucwa/catalog"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// garbled lists the request examples of the reference that do not read
// into their typed input or break its rules, each with what the reference
// got wrong. An example listed that passes fails the test, so that the list
// stays true.
var garbled = map[string]string{
	"communication.PUT.json-request.http": "sends simultaneousRingNumberMatch, which neither communication's " +
		"properties nor its PUT table list",
	"communication.PUT.xml-request.http": "sends simultaneousRingNumberMatch, which neither communication's " +
		"properties nor its PUT table list",
}

// TestCorpusRequests: every request example of the reference with a UCWA
// body, for an operation with a typed input, reads into it, validates, and
// writes back the bytes the generic Input writes once normalized (see
// normalize): the typed input loses nothing. How many are written back
// byte for byte as the generic codec writes them is logged. The examples
// the reference broke (not well-formed JSON or XML: "sip : john", line
// breaks inside strings) are refused with a DecodeError; the well-formed
// ones it got wrong are listed in garbled.
func TestCorpusRequests(t *testing.T) {
	examples := testkit.Reference(t)
	tried, exact, broken := 0, 0, 0
	for i := range examples {
		e := &examples[i]
		if e.Direction != "request" {
			continue
		}
		name := e.Page
		if m := e.MethodOrStart(); m != "POST" {
			name += ":" + m
		}
		if _, ok := api.New(name); !ok {
			continue
		}
		if !*e.WellFormed {
			// Broken in the reference itself (the manifest says a strict
			// parser refuses it): it must be refused, as a DecodeError.
			broken++
			var de *ucwa.DecodeError
			if _, err := api.Decode(name, e.Body, format(e)); !errors.As(err, &de) {
				t.Errorf("%s: not well-formed, but Decode gives %v", e.File, err)
			}
			continue
		}
		tried++
		op, _ := catalog.Op(name)
		problem, same := checkRequest(op, e)
		reason, listed := garbled[e.File]
		switch {
		case problem != "" && !listed:
			t.Errorf("%s: %s", e.File, problem)
		case problem == "" && listed:
			t.Errorf("%s: listed as garbled (%s), but reads, validates and writes back", e.File, reason)
		}
		if same {
			exact++
		}
	}
	t.Logf("%d request examples tried, %d written back byte for byte as the generic codec writes them, "+
		"%d garbled; %d not well-formed, refused", tried, exact, len(garbled), broken)
	if tried < 50 {
		t.Errorf("only %d request examples tried", tried)
	}
}

// checkRequest returns what is wrong with the request example e of op, and
// whether its typed input writes exactly what the generic codec does.
func checkRequest(op *catalog.Operation, e *testkit.Example) (problem string, same bool) {
	f := format(e)
	x, err := api.Decode(op.Name(), e.Body, f)
	if err != nil {
		return "does not read: " + err.Error(), false
	}
	if err := x.Validate(); err != nil {
		return "does not validate: " + err.Error(), false
	}
	got, err := x.Append(nil, f)
	if err != nil {
		return "does not write: " + err.Error(), false
	}
	opts := ucwa.Options{Types: x}
	var in ucwa.Input
	if op.Body == "resource" {
		r, err := opts.DecodeResource(e.Body, f)
		if err != nil {
			return "generic: " + err.Error(), false
		}
		in.Properties = r.Properties
	} else if in, err = opts.DecodeInput(e.Body, f); err != nil {
		return "generic: " + err.Error(), false
	}
	plain, _ := generic(op, in, f)
	want, _ := generic(op, normalize(op, in), f)
	if string(got) != string(want) {
		return "writes\n" + string(got) + "\nwant (normalized)\n" + string(want), false
	}
	if fs := op.ValidateInput(&in, f); catalog.HasErrors(fs) {
		return "the catalog finds errors the typed input does not: " + findings(fs), false
	}
	return "", string(got) == string(plain)
}

// normalize returns in as a typed input writes it: the parameters in the
// catalog's order (a PUT's rel first, written when the body has none),
// booleans as ucwa.Bool writes them, dates as ucwa.Date does, without
// nulls.
func normalize(op *catalog.Operation, in ucwa.Input) ucwa.Input {
	order := func(name string) int {
		if name == "rel" {
			return -1
		}
		return slices.IndexFunc(op.BodyParams(), func(f catalog.Field) bool { return f.Name == name })
	}
	var out ucwa.Input
	if _, ok := in.Get("rel"); op.Body == "resource" && !ok {
		out.Properties = append(out.Properties, ucwa.Prop("rel", ucwa.String(catalog.Lookup(op.Resource).Rel)))
	}
	for _, p := range in.Properties {
		v := p.Value
		switch v.Kind() {
		case ucwa.KindNull:
			continue
		case ucwa.KindBool:
			b, _ := v.Bool()
			v = ucwa.Bool(b)
		case ucwa.KindDate:
			tm, _ := v.Time()
			v = ucwa.Date(tm)
		}
		out.Properties = append(out.Properties, ucwa.Prop(p.Name, v))
	}
	slices.SortStableFunc(out.Properties, func(a, b ucwa.Property) int { return order(a.Name) - order(b.Name) })
	out.Links = slices.Clone(in.Links)
	slices.SortStableFunc(out.Links, func(a, b ucwa.Link) int { return order(a.Rel) - order(b.Rel) })
	return out
}

func findings(fs []catalog.Finding) string {
	var s []string
	for _, f := range fs {
		s = append(s, f.String())
	}
	return strings.Join(s, "; ")
}

// format returns the format of an example.
func format(e *testkit.Example) ucwa.Format {
	if e.Format == "xml" {
		return ucwa.XML
	}
	return ucwa.JSON
}
