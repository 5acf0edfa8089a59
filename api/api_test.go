package api_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/api"
	"github.com/ucwa-go/ucwa/catalog"
)

// sampleTime is the date the samples hold.
var sampleTime = time.Date(2016, 9, 26, 16, 20, 29, 55905300, time.FixedZone("", -7*3600))

// sampleValue returns a value of f's type that keeps its rules.
func sampleValue(f *catalog.Field) ucwa.Value {
	item := func(i int) ucwa.Value {
		switch f.Type.Kind {
		case catalog.Enum:
			e := catalog.LookupEnum(f.Type.Enum)
			return ucwa.String(e.Values[i%len(e.Values)])
		case catalog.Boolean:
			return ucwa.Bool(i == 0)
		case catalog.Int32, catalog.Int64:
			if f.HasRange {
				return ucwa.Int(f.Min + int64(i))
			}
			return ucwa.Int(42)
		case catalog.DateTime:
			return ucwa.Date(sampleTime)
		case catalog.TimeSpan:
			return ucwa.String("PT5M")
		}
		return ucwa.String(f.Name + " " + strconv.Itoa(i))
	}
	if f.Type.Array {
		return ucwa.List(item(0), item(1))
	}
	return item(0)
}

// sample returns a generic body of op that sets every body parameter with
// a value that keeps its rules, in the order of the catalog, the links
// after the properties; a PUT's rel comes first.
func sample(op *catalog.Operation) ucwa.Input {
	var in ucwa.Input
	if op.Body == "resource" {
		in.Properties = append(in.Properties, ucwa.Prop("rel", ucwa.String(catalog.Lookup(op.Resource).Rel)))
	}
	for _, f := range op.BodyParams() {
		if f.Type.Kind == catalog.Href {
			in.Links = append(in.Links, ucwa.Link{Rel: f.Name, Href: "data:text/plain;base64,SGVsbG8="})
			continue
		}
		in.Properties = append(in.Properties, ucwa.Prop(f.Name, sampleValue(&f)))
	}
	return in
}

// generic encodes a generic body of op as its request sends it: an input,
// or for a PUT a resource with those properties.
func generic(op *catalog.Operation, in ucwa.Input, f ucwa.Format) ([]byte, error) {
	if op.Body == "resource" {
		r := ucwa.Resource{Properties: in.Properties}
		return r.Append(nil, f)
	}
	return in.Append(nil, f)
}

// typed returns the typed input of op set from in.
func typed(t *testing.T, op *catalog.Operation, in ucwa.Input) api.Operation {
	t.Helper()
	x, ok := api.New(op.Name())
	if !ok {
		t.Fatalf("%s: no typed input", op.Name())
	}
	if err := x.FromInput(&in); err != nil {
		t.Fatalf("%s: FromInput: %v", op.Name(), err)
	}
	return x
}

// TestEveryOperation: every operation of the catalog that takes an input or
// a PUT body has a typed input, and no other; and a typed input set with
// every parameter writes exactly what the generic body writes, reads back
// from it, validates, and allocates nothing.
func TestEveryOperation(t *testing.T) {
	want := map[string]bool{}
	for _, op := range catalog.Ops() {
		if (op.Body == "input" || op.Body == "resource") && len(op.BodyParams()) > 0 {
			want[op.Name()] = true
		}
	}
	names := api.Names()
	if len(names) != len(want) {
		t.Errorf("%d typed inputs, %d operations with a body", len(names), len(want))
	}
	for _, name := range names {
		if !want[name] {
			t.Errorf("typed input %s: no such operation with a body", name)
			continue
		}
		op, _ := catalog.Op(name)
		in := sample(op)
		x := typed(t, op, in)
		if err := x.Validate(); err != nil {
			t.Errorf("%s: the sample does not validate: %v", name, err)
			continue
		}
		if fs := op.ValidateInput(&in, ucwa.JSON); catalog.HasErrors(fs) {
			t.Errorf("%s: the catalog finds %v in the sample", name, fs)
		}
		for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
			want, err := generic(op, in, f)
			if err != nil {
				t.Fatalf("%s: %v: generic: %v", name, f, err)
			}
			got, err := x.Append([]byte("pre"), f)
			if err != nil || string(got) != "pre"+string(want) {
				t.Errorf("%s: %v:\n got %s (%v)\nwant %s", name, f, got, err, want)
				continue
			}
			if b, _ := generic(op, x.Input(), f); string(b) != string(want) {
				t.Errorf("%s: %v: Input() encodes as\n%s\nwant %s", name, f, b, want)
			}
			if m, err := x.Marshal(f); err != nil || string(m) != string(want) {
				t.Errorf("%s: %v: Marshal %s (%v)", name, f, m, err)
			}
			back, err := api.Decode(name, want, f)
			if err != nil {
				t.Errorf("%s: %v: Decode: %v", name, f, err)
				continue
			}
			if again, err := back.Append(nil, f); err != nil || string(again) != string(want) {
				t.Errorf("%s: %v: read back, writes\n%s (%v)\nwant %s", name, f, again, err, want)
			}
		}
		if testing.CoverMode() == "" {
			dst := make([]byte, 0, 4096)
			if n := testing.AllocsPerRun(50, func() {
				dst, _ = x.AppendJSON(dst[:0])
				dst, _ = x.AppendXML(dst[:0])
			}); n != 0 {
				t.Errorf("%s: %v allocations", name, n)
			}
		}
	}
	if _, ok := api.New("contact:GET"); ok {
		t.Error("New(contact:GET) has a typed input")
	}
	if _, err := api.Decode("nothing", []byte("{}"), ucwa.JSON); err == nil {
		t.Error("Decode of no operation succeeded")
	}
}

// ruleCase is one value of one parameter, and whether the rules allow it.
type ruleCase struct {
	name  string
	param string
	value ucwa.Value // the zero Value: the parameter left out
	ok    bool
}

// ruleCases returns the cases of the rules of op's parameters: each
// required parameter left out; each length limit at N and N+1 characters
// (ASCII, two-byte and four-byte characters, which count two); each range
// at its ends and past them; each enum value and one outside it; each type
// with a value of another.
func ruleCases(op *catalog.Operation) []ruleCase {
	var cs []ruleCase
	add := func(f catalog.Field, what string, v ucwa.Value, ok bool) {
		cs = append(cs, ruleCase{f.Name + " " + what, f.Name, v, ok})
	}
	for _, f := range op.BodyParams() {
		if f.Type.Kind == catalog.Href {
			continue
		}
		list := func(v ucwa.Value) ucwa.Value {
			if f.Type.Array {
				return ucwa.List(v)
			}
			return v
		}
		if f.Required {
			add(f, "missing", ucwa.Value{}, false)
		}
		if n := f.MaxLength; n > 0 {
			add(f, "N", list(ucwa.String(strings.Repeat("x", n))), true)
			add(f, "N+1", list(ucwa.String(strings.Repeat("x", n+1))), false)
			add(f, "N é", list(ucwa.String(strings.Repeat("é", n))), true)
			add(f, "N+1 é", list(ucwa.String(strings.Repeat("é", n+1))), false)
			add(f, "N/2 emoji", list(ucwa.String(strings.Repeat("😀", n/2)+strings.Repeat("x", n%2))), true)
			add(f, "N/2 emoji + 1", list(ucwa.String(strings.Repeat("😀", n/2)+strings.Repeat("x", n%2+1))), false)
		}
		switch f.Type.Kind {
		case catalog.Int32, catalog.Int64:
			lo, hi := int64(-1<<31), int64(1<<31-1)
			if f.Type.Kind == catalog.Int64 {
				lo, hi = -1<<63, 1<<63-1
			}
			if f.HasRange {
				lo, hi = f.Min, f.Max
			}
			add(f, "min", list(ucwa.Int(lo)), true)
			add(f, "max", list(ucwa.Int(hi)), true)
			if lo > -1<<63 {
				add(f, "min-1", list(ucwa.Int(lo-1)), false)
			}
			if hi < 1<<63-1 {
				add(f, "max+1", list(ucwa.Int(hi+1)), false)
			}
			add(f, "a string", list(ucwa.String("5")), false)
		case catalog.Enum:
			for _, v := range catalog.LookupEnum(f.Type.Enum).Values {
				add(f, v, list(ucwa.String(v)), true)
			}
			add(f, "outside", list(ucwa.String("Not"+catalog.LookupEnum(f.Type.Enum).Values[0])), false)
			add(f, "a number", list(ucwa.Int(1)), false)
		case catalog.Boolean:
			add(f, "false", list(ucwa.Bool(false)), true)
			add(f, "a string", list(ucwa.String("true")), false)
		case catalog.String:
			add(f, "a bool", list(ucwa.Bool(true)), false)
		case catalog.DateTime:
			add(f, "a string", list(ucwa.String("2016-09-26")), false)
		case catalog.TimeSpan:
			add(f, "PT0S", list(ucwa.String("PT0S")), true)
			add(f, "not a duration", list(ucwa.String("5 minutes")), false)
		}
		if f.Type.Array {
			add(f, "not a list", sampleValue(&catalog.Field{Name: f.Name, Type: catalog.Type{Kind: f.Type.Kind,
				Enum: f.Type.Enum}}), false)
		}
	}
	return cs
}

// TestRules: each rule of each parameter is kept by Validate, by the
// encoders and by the catalog's validation alike, and an error names the
// operation and the parameter.
func TestRules(t *testing.T) {
	n := 0
	for _, name := range api.Names() {
		op, _ := catalog.Op(name)
		for _, c := range ruleCases(op) {
			n++
			in := sample(op)
			in.Properties = nil
			if op.Body == "resource" {
				in.Properties = append(in.Properties, ucwa.Prop("rel", ucwa.String(catalog.Lookup(op.Resource).Rel)))
			}
			for _, p := range sample(op).Properties {
				if p.Name == c.param {
					if c.value.Kind() == ucwa.KindInvalid {
						continue
					}
					p.Value = c.value
				}
				if p.Name != "rel" {
					in.Properties = append(in.Properties, p)
				}
			}
			findings := op.ValidateInput(&in, ucwa.JSON)
			if catalog.HasErrors(findings) == c.ok {
				t.Errorf("%s %s: the catalog finds %v", name, c.name, findings)
			}
			x, _ := api.New(name)
			err := x.FromInput(&in)
			if err == nil {
				err = x.Validate()
			}
			if (err == nil) != c.ok {
				t.Errorf("%s %s: typed: %v", name, c.name, err)
				continue
			}
			if err == nil {
				if _, err := x.Marshal(ucwa.JSON); err != nil {
					t.Errorf("%s %s: Marshal: %v", name, c.name, err)
				}
				continue
			}
			var ie *ucwa.InputError
			if !errors.As(err, &ie) || !errors.Is(err, ucwa.ErrInvalidInput) || ie.Op != name || ie.Param != c.param {
				t.Errorf("%s %s: %#v, want an InputError of %s %s", name, c.name, err, name, c.param)
			}
			if !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), c.param) {
				t.Errorf("%s %s: %q does not name the operation and the parameter", name, c.name, err)
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d rule cases", n)
	}
}

// TestRefusedToEncode: an input Validate refuses is not written, and its
// generic Input still is (the explicit way to send it).
func TestRefusedToEncode(t *testing.T) {
	x := api.StartMessaging{To: "sip:john@contoso.com", Importance: "VeryUrgent", Subject: strings.Repeat("s", 1000)}
	for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
		got, err := x.Append([]byte("pre"), f)
		if !errors.Is(err, ucwa.ErrInvalidInput) || string(got) != "pre" {
			t.Errorf("%v: %q, %v", f, got, err)
		}
		in := x.Input()
		if b, err := in.Append(nil, f); err != nil || !strings.Contains(string(b), "VeryUrgent") {
			t.Errorf("%v: Input: %s, %v", f, b, err)
		}
	}
	if err := x.Validate(); err == nil ||
		err.Error() != `ucwa: startMessaging: importance: "VeryUrgent" is not in the enumeration Importance` {
		t.Errorf("Validate: %v", err)
	}
	var none api.StartMessaging
	if err := none.Validate(); err == nil || err.Error() != "ucwa: startMessaging: to: required" {
		t.Errorf("Validate of the zero value: %v", err)
	}
}

// TestHostile: strings the formats cannot carry are refused with an
// EncodeError and nothing written; markup and quotes are escaped and read
// back as they were.
func TestHostile(t *testing.T) {
	for _, s := range []string{"nul\x00", "bad\xff", "esc\x1b", "\uFFFE"} {
		for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
			for _, x := range []api.Operation{
				&api.StartMessaging{To: s},
				&api.StartMessaging{To: "sip:a@b", Message: s},
				&api.MyOnlineMeetings{Attendees: []string{"sip:a@b", s}},
			} {
				got, err := x.Append([]byte("pre"), f)
				var ee *ucwa.EncodeError
				refused := f == ucwa.XML || s == "nul\x00" || s == "bad\xff"
				if !refused {
					// JSON carries escape and U+FFFE.
					if err != nil {
						t.Errorf("%v %q: %v", f, s, err)
					}
					continue
				}
				if !errors.As(err, &ee) || !errors.Is(err, ucwa.ErrInvalidValue) || string(got) != "pre" {
					t.Errorf("%v %q: %q, %v", f, s, got, err)
				}
			}
		}
	}
	markup := `</property><property name="admin">"&'` + "\t\n\r"
	x := api.StartMessaging{To: markup, Subject: markup, Message: "data:," + `"<&>`}
	for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
		b, err := x.Marshal(f)
		if err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		back, err := api.Decode("startMessaging", b, f)
		if err != nil || *back.(*api.StartMessaging) != x {
			t.Errorf("%v: %s read back as %+v (%v)", f, b, back, err)
		}
	}
}

// TestOpt: an optional boolean, integer or duration is written only when
// set, and its zero value is a value.
func TestOpt(t *testing.T) {
	x := api.AddAudio{To: "sip:a@b"}
	b, _ := x.Marshal(ucwa.JSON)
	if string(b) != `{"to":"sip:a@b"}` {
		t.Errorf("unset: %s", b)
	}
	x.JoinAudioMuted = api.Some(false)
	b, _ = x.Marshal(ucwa.JSON)
	if string(b) != `{"joinAudioMuted":false,"to":"sip:a@b"}` {
		t.Errorf("set to false: %s", b)
	}
	m := api.MakeMeAvailable{InactiveTimeout: api.Some(5 * time.Minute)}
	b, _ = m.Marshal(ucwa.XML)
	if !strings.Contains(string(b), `<property name="inactiveTimeout">PT5M</property>`) {
		t.Errorf("duration: %s", b)
	}
	for _, body := range []string{`{"joinAudioMuted":null,"to":"sip:a@b"}`, `{"to":"sip:a@b"}`} {
		back, err := api.Decode("addAudio", []byte(body), ucwa.JSON)
		if err != nil || back.(*api.AddAudio).JoinAudioMuted.Set {
			t.Errorf("%s: %+v (%v), want unset", body, back, err)
		}
	}
}

// TestFromInputRefuses: what a typed input cannot hold is an InputError
// naming the parameter, and leaves the input as it was.
func TestFromInputRefuses(t *testing.T) {
	for _, tc := range []struct{ body, param string }{
		{`{"to":"a","unknown":1}`, "unknown"},
		{`{"to":3}`, "to"},
		{`{"to":null}`, "to"},
		{`{"to":"a","_links":{"message":[{"href":"data:,a"}]}}`, "message"},
		{`{"to":"a","_links":{"message":{"href":"data:,a","title":"t"}}}`, "message"},
		{`{"to":"a","_links":{"self":{"href":"/x"}}}`, "self"},
		{`{"to":"a","message":"data:,a"}`, "message"},
		{`{"to":"a","importance":["Normal"]}`, "importance"},
	} {
		in, err := ucwa.DecodeInput([]byte(tc.body), ucwa.JSON)
		if err != nil {
			t.Fatal(err)
		}
		x := api.StartMessaging{To: "keep"}
		err = x.FromInput(&in)
		var ie *ucwa.InputError
		if !errors.As(err, &ie) || ie.Param != tc.param {
			t.Errorf("%s: %v, want an InputError for %s", tc.body, err, tc.param)
		}
		if x.To != "keep" {
			t.Errorf("%s: changed on failure", tc.body)
		}
	}
	in, _ := ucwa.DecodeInput([]byte(`{"duration":"15","uris":["a"]}`), ucwa.JSON)
	var ps api.PresenceSubscriptions
	if err := ps.FromInput(&in); err == nil {
		t.Error("a JSON string read as an integer")
	}
}

func TestContinuePhoneAudioIsRoot(t *testing.T) {
	x, ok := api.New("continuePhoneAudio")
	if _, isRoot := x.(*ucwa.ContinuePhoneAudio); !ok || !isRoot {
		t.Fatalf("New(continuePhoneAudio) = %T", x)
	}
}
