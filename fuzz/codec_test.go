package fuzz

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit/meaning"
)

// This file fuzzes the codec: every body type decoded, re-encoded in the same
// format and decoded again (a fixed point), and across formats (JSON to XML
// to JSON, and XML to JSON to XML, compared by what the values mean, with
// meaning.Diff). The targets' seeds are in seeds_test.go; the encoder fed
// with arbitrary strings is in encodeinput_test.go.

// ---------------------------------------------------------------------------
// Errors.

var decodeSentinels = []error{
	ucwa.ErrSyntax, ucwa.ErrStructure, ucwa.ErrDuplicateName, ucwa.ErrTrailingData,
	ucwa.ErrTooDeep, ucwa.ErrTooLarge, ucwa.ErrNamespace, ucwa.ErrDTD, ucwa.ErrMediaType,
}

// checkDecodeError checks that err, from decoding n bytes in format f, is a
// *ucwa.DecodeError of that format wrapping a sentinel, at an offset within
// the body.
func checkDecodeError(t *testing.T, err error, f ucwa.Format, n int) {
	t.Helper()
	de, ok := err.(*ucwa.DecodeError)
	if !ok {
		t.Fatalf("decode error is a %T, not a *ucwa.DecodeError: %v", err, err)
	}
	if de.Format != f {
		t.Errorf("decode error has format %v, want %v: %v", de.Format, f, err)
	}
	if !slices.Contains(decodeSentinels, de.Err) {
		t.Errorf("decode error wraps %v, not a sentinel: %v", de.Err, err)
	}
	if de.Offset < 0 || de.Offset > int64(n) {
		t.Errorf("decode error offset %d outside [0, %d]: %v", de.Offset, n, err)
	}
	if !strings.HasPrefix(err.Error(), "ucwa: ") {
		t.Errorf("decode error message lacks the ucwa: prefix: %q", err.Error())
	}
}

// checkEncodeError checks that err is a *ucwa.EncodeError of format f
// wrapping ErrInvalidValue.
func checkEncodeError(t *testing.T, err error, f ucwa.Format) {
	t.Helper()
	ee, ok := err.(*ucwa.EncodeError)
	if !ok {
		t.Fatalf("encode error is a %T, not a *ucwa.EncodeError: %v", err, err)
	}
	if ee.Format != f || ee.Err != ucwa.ErrInvalidValue || !errors.Is(err, ucwa.ErrInvalidValue) {
		t.Errorf("encode error = {Format %v, Err %v}, want {%v, ErrInvalidValue}: %v", ee.Format, ee.Err, f, err)
	}
	if !strings.HasPrefix(err.Error(), "ucwa: ") {
		t.Errorf("encode error message lacks the ucwa: prefix: %q", err.Error())
	}
}

// ---------------------------------------------------------------------------
// Round trips.

// body is what every body type implements.
type body interface {
	AppendJSON(dst []byte) ([]byte, error)
	AppendXML(dst []byte) ([]byte, error)
	Append(dst []byte, f ucwa.Format) ([]byte, error)
	Marshal(f ucwa.Format) ([]byte, error)
}

// encode encodes v in format f and checks the forms agree: Marshal,
// Append(nil) and Append after a prefix, which must be kept, and left alone
// on error. An error is checked to be an *EncodeError wrapping
// ErrInvalidValue.
func encode(t *testing.T, v body, f ucwa.Format) ([]byte, error) {
	t.Helper()
	out, err := v.Append(nil, f)
	var direct []byte
	var derr error
	if f == ucwa.JSON {
		direct, derr = v.AppendJSON(nil)
	} else {
		direct, derr = v.AppendXML(nil)
	}
	m, merr := v.Marshal(f)
	const prefix = "prefix:"
	dst := make([]byte, len(prefix), len(prefix)+8) // room to grow in place
	copy(dst, prefix)
	p, perr := v.Append(dst, f)
	if (err == nil) != (derr == nil) || (err == nil) != (merr == nil) || (err == nil) != (perr == nil) {
		t.Fatalf("Append, Append%v, Marshal and Append after a prefix disagree: %v / %v / %v / %v", f, err, derr,
			merr, perr)
	}
	if err != nil {
		checkEncodeError(t, err, f)
		if string(p) != prefix {
			t.Fatalf("a failed Append changed dst: %q", p)
		}
		return nil, err
	}
	if !bytes.Equal(out, direct) || !bytes.Equal(out, m) || string(p) != prefix+string(out) {
		t.Fatalf("the encoding forms disagree:\nAppend:   %q\nAppend%v: %q\nMarshal:  %q\nprefixed: %q", out, f,
			direct, m, p)
	}
	return out, nil
}

// decoder decodes a body type, returning a pointer to it.
type decoder[P body] func(data []byte, f ucwa.Format) (P, error)

var (
	decodeInput decoder[*ucwa.Input] = func(b []byte, f ucwa.Format) (*ucwa.Input, error) {
		v,
			err := ucwa.DecodeInput(b, f)
		return &v, err
	}
	decodeResource decoder[*ucwa.Resource] = func(b []byte, f ucwa.Format) (*ucwa.Resource, error) {
		v, err := ucwa.DecodeResource(b, f)
		return &v, err
	}
	decodeEvents decoder[*ucwa.Events] = func(b []byte, f ucwa.Format) (*ucwa.Events, error) {
		v,
			err := ucwa.DecodeEvents(b, f)
		return &v, err
	}
	decodeError decoder[*ucwa.Error] = ucwa.DecodeErrorBody
)

// deepDiff describes how a and b, which reflect.DeepEqual found different,
// differ. cmp.Diff takes time exponential in the nesting depth (its slice
// diff compares elements more than once), so it is used only on shallow
// values; reflect.DeepEqual, which sees unexported fields too, decides.
func deepDiff(a, b any) string {
	if s := fmt.Sprintf("%+v", a); len(s) < 4000 && strings.Count(s, "[") < 40 {
		return "(-want +got)\n" + cmp.Diff(a, b, deepOpts)
	}
	return fmt.Sprintf("want %+v\ngot  %+v", a, b)
}

// deepOpts compares decoded values field by field, unexported fields
// (Value's text, Resource's member positions, Error's presence flags)
// included.
var deepOpts = cmp.Options{cmp.AllowUnexported(ucwa.Value{}, ucwa.Resource{}, ucwa.Input{}, ucwa.Error{},
	ucwa.Link{}, ucwa.Events{}, ucwa.Sender{}, ucwa.Event{})}

// roundTrip decodes data in format f; what fails is checked and skipped. The
// value is re-encoded in f, which must succeed unless limit says the value
// has no form in f; the encoding is decoded again, which must succeed and give
// the same value (after norm, for what the format documents it moves), and
// encoding that gives the same bytes: encode(decode(encode(x))) == encode(x).
func roundTrip[P body](t *testing.T, data []byte, f ucwa.Format, decode decoder[P], norm func(P) P,
	limit func(P) bool) (P, bool) {
	t.Helper()
	v1, err := decode(data, f)
	if err != nil {
		checkDecodeError(t, err, f, len(data))
		return v1, false
	}
	e1, err := encode(t, v1, f)
	if err != nil {
		if limit != nil && limit(v1) {
			return v1, false
		}
		t.Fatalf("cannot re-encode in %v what was decoded from %v: %v\nbody: %q", f, f, err, data)
	}
	v2, err := decode(e1, f)
	if err != nil {
		t.Fatalf("cannot decode the re-encoding: %v\nbody:       %q\nre-encoded: %q", err, data, e1)
	}
	want := v1
	if norm != nil {
		want = norm(v1)
	}
	if !reflect.DeepEqual(want, v2) {
		t.Fatalf("decode(encode(v)) != v:\n%s\nbody:       %q\nre-encoded: %q", deepDiff(want, v2), data, e1)
	}
	e2, err := encode(t, v2, f)
	if err != nil {
		t.Fatalf("cannot encode what was decoded from an encoding: %v\nre-encoded: %q", err, e1)
	}
	if !bytes.Equal(e1, e2) {
		t.Fatalf("not a fixed point:\nbody: %q\nonce:  %q\ntwice: %q", data, e1, e2)
	}
	return v1, true
}

// crossFormat takes v1, decoded from format from, through the other format and
// back: encode in the other format (an error must be ErrInvalidValue: some
// values have no form there), decode (must succeed), encode in from again
// (must succeed, but for limit), decode (must succeed); the result must mean
// the same as v1 (meaning.Diff).
func crossFormat[P body](t *testing.T, v1 P, from ucwa.Format, decode decoder[P], limit func(P) bool) {
	t.Helper()
	to := ucwa.JSON
	if from == ucwa.JSON {
		to = ucwa.XML
	}
	b1, err := encode(t, v1, to)
	if err != nil {
		return // checked by encode: an *EncodeError wrapping ErrInvalidValue
	}
	v2, err := decode(b1, to)
	if err != nil {
		t.Fatalf("cannot decode the %v encoding of a value decoded from %v: %v\nencoding: %q", to, from, err, b1)
	}
	b2, err := encode(t, v2, from)
	if err != nil {
		if limit != nil && limit(v2) {
			return
		}
		t.Fatalf("cannot encode back in %v: %v\n%v: %q", from, err, to, b1)
	}
	v3, err := decode(b2, from)
	if err != nil {
		t.Fatalf("cannot decode the %v encoding back: %v\n%v: %q\n%v: %q", from, err, to, b1, from, b2)
	}
	if d := meaning.Diff(v1, v3); d != "" {
		t.Fatalf("%v -> %v -> %v changed the meaning: %s\n%v: %q\n%v: %q", from, to, from, d, to, b1, from, b2)
	}
}

// ---------------------------------------------------------------------------
// Documented limits and normalizations.

// XML carries a resource's (and an event channel's) self link in the href
// attribute, which the decoder reads back as the first link; so a self link
// read from a <link rel="self"> element moves to the front of Links. The
// functions below make that move on a copy, recursively.

func selfFirst(ls []ucwa.Link) []ucwa.Link {
	i := slices.IndexFunc(ls, func(l ucwa.Link) bool { return l.Rel == "self" })
	if i <= 0 {
		return ls
	}
	out := make([]ucwa.Link, 0, len(ls))
	out = append(out, ls[i])
	out = append(out, ls[:i]...)
	return append(out, ls[i+1:]...)
}

func normResourceXML(r *ucwa.Resource) *ucwa.Resource {
	c := *r
	c.Links = selfFirst(r.Links)
	if len(r.Embedded) > 0 {
		c.Embedded = make([]ucwa.Resource, len(r.Embedded))
		for i := range r.Embedded {
			c.Embedded[i] = *normResourceXML(&r.Embedded[i])
		}
	}
	return &c
}

func normEventsXML(ev *ucwa.Events) *ucwa.Events {
	c := *ev
	c.Links = selfFirst(ev.Links)
	if len(ev.Senders) > 0 {
		c.Senders = slices.Clone(ev.Senders)
		for i := range c.Senders {
			s := &c.Senders[i]
			s.Events = slices.Clone(s.Events)
			for j := range s.Events {
				if e := &s.Events[j]; e.Resource != nil {
					e.Resource = normResourceXML(e.Resource)
				}
			}
		}
	}
	return &c
}

// selfLinkLimit: XML carries a self link as attributes of <resource> or
// <events> (appendXMLSelf), which cannot hold every value an attribute of
// the link may have (null, a list, a bag): a value whose self link has
// attributes may have no XML form.
func selfLinkLimit(ls []ucwa.Link) bool {
	for _, l := range ls {
		if l.Rel == "self" {
			return len(l.Attrs) > 0
		}
	}
	return false
}

func resourceXMLLimit(r *ucwa.Resource) bool {
	if selfLinkLimit(r.Links) {
		return true
	}
	for i := range r.Embedded {
		if resourceXMLLimit(&r.Embedded[i]) {
			return true
		}
	}
	return false
}

func eventsXMLLimit(ev *ucwa.Events) bool {
	if selfLinkLimit(ev.Links) {
		return true
	}
	for _, s := range ev.Senders {
		for _, e := range s.Events {
			if e.Resource != nil && resourceXMLLimit(e.Resource) {
				return true
			}
		}
	}
	return false
}

// isBoolText reports whether s is the text of a boolean, in either format.
func isBoolText(s string) bool {
	return s == "true" || s == "false" || s == "True" || s == "False"
}

func quote(s string) string { return strconv.Quote(s) }

func itoa(i int) string { return strconv.Itoa(i) }

// ---------------------------------------------------------------------------
// Targets: decode, re-encode, decode.

func FuzzInputJSON(f *testing.F) {
	addSeeds(f, ucwa.JSON)
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, data, ucwa.JSON, decodeInput, nil, nil)
	})
}

func FuzzInputXML(f *testing.F) {
	addSeeds(f, ucwa.XML)
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, data, ucwa.XML, decodeInput, nil, nil)
	})
}

func FuzzResourceJSON(f *testing.F) {
	addSeeds(f, ucwa.JSON)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, ok := roundTrip(t, data, ucwa.JSON, decodeResource, nil, nil)
		if ok {
			crossFormat(t, r, ucwa.JSON, decodeResource, nil)
		}
	})
}

func FuzzResourceXML(f *testing.F) {
	addSeeds(f, ucwa.XML)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, ok := roundTrip(t, data, ucwa.XML, decodeResource, normResourceXML, resourceXMLLimit)
		if ok {
			crossFormat(t, r, ucwa.XML, decodeResource, resourceXMLLimit)
		}
	})
}

func FuzzEventsJSON(f *testing.F) {
	addSeeds(f, ucwa.JSON)
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, ok := roundTrip(t, data, ucwa.JSON, decodeEvents, nil, nil)
		if ok {
			crossFormat(t, ev, ucwa.JSON, decodeEvents, nil)
		}
	})
}

func FuzzEventsXML(f *testing.F) {
	addSeeds(f, ucwa.XML)
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, ok := roundTrip(t, data, ucwa.XML, decodeEvents, normEventsXML, eventsXMLLimit)
		if ok {
			crossFormat(t, ev, ucwa.XML, decodeEvents, eventsXMLLimit)
		}
	})
}

func FuzzErrorBodyJSON(f *testing.F) {
	addSeeds(f, ucwa.JSON)
	f.Fuzz(func(t *testing.T, data []byte) {
		e, ok := roundTrip(t, data, ucwa.JSON, decodeError, nil, nil)
		if ok {
			crossFormat(t, e, ucwa.JSON, decodeError, nil)
		}
	})
}

func FuzzErrorBodyXML(f *testing.F) {
	addSeeds(f, ucwa.XML)
	f.Fuzz(func(t *testing.T, data []byte) {
		e, ok := roundTrip(t, data, ucwa.XML, decodeError, nil, nil)
		if ok {
			crossFormat(t, e, ucwa.XML, decodeError, nil)
		}
	})
}

// Regressions: bugs the fuzz targets found, each fixed in the library.
func TestFuzzRegressions(t *testing.T) {
	// Bodies that must decode and re-encode, in their format, to themselves.
	for _, c := range []struct {
		name   string
		f      ucwa.Format
		decode func([]byte, ucwa.Format) (body, error)
		body   string
	}{
		// checkReserved (json_encode.go): "_links" and "_embedded" are
		// plain names but among the members of a resource or an input,
		// and the decoder reads them so; they were refused at every level.
		{"json nested _links", ucwa.JSON, asBody(decodeInput), `{"a":{"_links":{"x":1},"_embedded":[]}}`},
		{"json resource nested _embedded", ucwa.JSON, asBody(decodeResource), `{"a":[{"_embedded":null}]}`},
		{"json error _links", ucwa.JSON, asBody(decodeError),
			`{"code":"Gone","parameters":{"_embedded":1},"_links":{"x":1}}`},
		{"json link attr _links", ucwa.JSON, asBody(decodeResource), `{"_links":{"self":{"href":"/","_links":1}}}`},
		// isNCName (xml_encode.go): names starting with "xml" are
		// well-formed, and decoded; they were refused.
		{"xml extra named xml…", ucwa.XML, asBody(decodeError), `<?xml version="1.0" encoding="utf-8"?><reason ` +
			ns + `><code>Gone</code><xmlThing>x</xmlThing></reason>`},
		{"xml link attr named xml…", ucwa.XML, asBody(decodeResource),
			`<?xml version="1.0" encoding="utf-8"?><resource ` + ns +
				`><link rel="a" href="/a" xmlfoo="1"/></resource>`},
		{"xml event named xml…", ucwa.XML, asBody(decodeEvents), `<?xml version="1.0" encoding="utf-8"?><events ` +
			ns + `><sender rel="me" href="/me"><xmlChanged rel="x" href="/x"/></sender></events>`},
	} {
		v, err := c.decode([]byte(c.body), c.f)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		out, err := v.Marshal(c.f)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(out) != c.body {
			t.Errorf("%s: re-encoded as\n%s\nwant\n%s", c.name, out, c.body)
		}
	}

	// Bodies that must be refused, with this sentinel at this offset.
	for _, c := range []struct {
		name     string
		f        ucwa.Format
		decode   func([]byte, ucwa.Format) (body, error)
		body     string
		sentinel error
		offset   int64
	}{
		// jsonDecoder.str (json_scan.go): the text before a string's first
		// escape was not checked for invalid UTF-8.
		{"json invalid UTF-8 before an escape", ucwa.JSON, asBody(decodeInput), "{\"\":\"\x81\\b\"}", ucwa.ErrSyntax,
			5},
		{"json invalid UTF-8 in a name before an escape", ucwa.JSON, asBody(decodeResource), "{\"a\xff\\n\":1}",
			ucwa.ErrSyntax, 3},
		// xmlDecoder.next (xml_scan.go): a body ending in "<" inside an
		// element looped forever.
		{"xml lone < at the end", ucwa.XML, asBody(decodeInput), `<input ` + ns + `><`, ucwa.ErrSyntax,
			int64(len(`<input ` + ns + `><`))},
		{"xml lone < at the end of a property", ucwa.XML, asBody(decodeResource), `<resource ` + ns +
			`><property name="a">x<`, ucwa.ErrSyntax, int64(len(`<resource ` + ns + `><property name="a">x<`))},
		// xmlDecoder.takeProps (xml_decode.go): duplicate names in a
		// nested bag, an item, <parameters> or <debugInfo> were decoded,
		// and the encoder then refused them.
		{"xml duplicate in a bag", ucwa.XML, asBody(decodeInput), `<input ` + ns +
			`><property name="a"><property name="b">1</property><property name="b">2</property></property></input>`,
			ucwa.ErrDuplicateName, -1},
		{"xml duplicate in an item", ucwa.XML, asBody(decodeResource), `<resource ` + ns +
			`><propertyList name="l"><item><property name="b"/><propertyList name="b"/></item></propertyList>` +
			`</resource>`, ucwa.ErrDuplicateName, -1},
		{"xml duplicate in parameters", ucwa.XML, asBody(decodeError), `<reason ` + ns +
			`><code>BadRequest</code><parameters><property name="p">1</property><property name="p">2</property>` +
			`</parameters></reason>`, ucwa.ErrDuplicateName, -1},
		{"xml duplicate in debugInfo", ucwa.XML, asBody(decodeError), `<reason ` + ns +
			`><code>BadRequest</code><debugInfo><property name="p"/><property name="p"/></debugInfo></reason>`,
			ucwa.ErrDuplicateName, -1},
	} {
		done := make(chan error, 1)
		go func() { _, err := c.decode([]byte(c.body), c.f); done <- err }()
		var err error
		select {
		case err = <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: decoding does not return", c.name)
		}
		de, ok := err.(*ucwa.DecodeError)
		if !ok || de.Err != c.sentinel || c.offset >= 0 && de.Offset != c.offset {
			t.Errorf("%s: err = %v, want %v at offset %d", c.name, err, c.sentinel, c.offset)
		}
	}

	// appendXMLSelf (xml_encode.go): a self link with a title was cut to
	// its href. Its attributes are those of <events> or <resource>, but
	// for a value that no attribute can hold.
	self := ucwa.Link{Rel: "self", Href: "/e", Attrs: []ucwa.Property{ucwa.Prop("title", ucwa.String("t"))}}
	for _, v := range []body{
		&ucwa.Events{Links: []ucwa.Link{self}},
		&ucwa.Resource{Links: []ucwa.Link{self}},
	} {
		if out, err := v.Marshal(ucwa.XML); err != nil || !strings.Contains(string(out), ` href="/e" title="t" `) {
			t.Errorf("%T with a titled self link: XML %q, %v; want the title an attribute", v, out, err)
		}
	}
	nullTitle := ucwa.Link{Rel: "self", Href: "/e", Attrs: []ucwa.Property{ucwa.Prop("title", ucwa.Null())}}
	for _, v := range []body{&ucwa.Events{Links: []ucwa.Link{nullTitle}},
		&ucwa.Resource{Links: []ucwa.Link{nullTitle}}} {
		if out, err := v.Marshal(ucwa.XML); !errors.Is(err, ucwa.ErrInvalidValue) {
			t.Errorf("%T with a null title: XML %q, %v; want ErrInvalidValue", v, out, err)
		}
	}
	// Built values are still checked where the names are reserved.
	for _, v := range []body{
		&ucwa.Input{Properties: []ucwa.Property{ucwa.Prop("_links", ucwa.Null())}},
		&ucwa.Input{Properties: []ucwa.Property{ucwa.Prop("_embedded", ucwa.Null())}},
		&ucwa.Resource{Properties: []ucwa.Property{ucwa.Prop("_links", ucwa.Null())}},
		&ucwa.Resource{Embedded: []ucwa.Resource{{Rel: "e", Properties: []ucwa.Property{ucwa.Prop("_embedded",
			ucwa.Null())}}}},
	} {
		if out, err := v.Marshal(ucwa.JSON); !errors.Is(err, ucwa.ErrInvalidValue) {
			t.Errorf("%T with a reserved name: JSON %q, %v; want ErrInvalidValue", v, out, err)
		}
	}
}

// asBody adapts a decoder to return the body interface.
func asBody[P body](d decoder[P]) func([]byte, ucwa.Format) (body, error) {
	return func(b []byte, f ucwa.Format) (body, error) { return d(b, f) }
}
