package fuzz

import (
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/beevik/etree"
	json "github.com/goccy/go-json"
	"github.com/google/go-cmp/cmp"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit/meaning"
)

// FuzzEncodeInput feeds the encoders arbitrary strings, and checks what they
// write with independent parsers (goccy/go-json, beevik/etree).

// xmlCarries reports whether XML 1.0 can carry s: valid UTF-8 without C0
// controls other than tab, LF and CR, and without U+FFFE and U+FFFF.
func xmlCarries(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}

// jsonCarries reports whether ucwa's JSON can carry s: valid UTF-8 without
// NUL (which the decoder refuses, since XML cannot carry it).
func jsonCarries(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// fuzzedInput builds an Input from fuzzed strings: a string property, a list
// property (string, bool, null, string), a bag holding one property, and a
// link, with a title when title is not empty.
func fuzzedInput(n1, v1, n2, v2, item string, b bool, rel, href, title string) ucwa.Input {
	link := ucwa.Link{Rel: rel, Href: href}
	if title != "" {
		link.Attrs = []ucwa.Property{ucwa.Prop("title", ucwa.String(title))}
	}
	return ucwa.Input{
		Properties: []ucwa.Property{
			ucwa.Prop(n1, ucwa.String(v1)),
			ucwa.Prop(n2, ucwa.List(ucwa.String(v2), ucwa.Bool(b), ucwa.Null(), ucwa.String(item))),
			ucwa.Prop("nested", ucwa.Bag(ucwa.Prop(item, ucwa.String(v1)))),
		},
		Links: []ucwa.Link{link},
	}
}

// representable reports whether format f can carry the input fuzzedInput
// builds from these strings, and if not, why.
func representable(f ucwa.Format, n1, n2 string, strs ...string) (bool, string) {
	carries := jsonCarries
	if f == ucwa.XML {
		carries = xmlCarries
	}
	for _, s := range strs {
		if !carries(s) {
			return false, "string " + quote(s)
		}
	}
	if n1 == n2 || n1 == "nested" || n2 == "nested" {
		return false, "duplicate name"
	}
	if f == ucwa.JSON && (n1 == "_links" || n1 == "_embedded" || n2 == "_links" || n2 == "_embedded") {
		return false, "reserved name"
	}
	return true, ""
}

var encodeInputSeeds = []struct {
	n1, v1, n2, v2, item string
	b                    bool
	rel, href, title     string
}{
	{"operationId", "74cb7404e0a247d5a2d4eb0376a47dbf", "to", "sip:john@contoso.com", "x", true, "message",
		"data:text/plain,hi", ""},
	{"x", `</property><property name="admin">`, "l", `"><item>`, `]]>`, false, `"/><link rel="x`, "&amp;<>", `'"`},
	{"a\tb\nc\rd", "line\r\nend\r", "é", "\U0001F600", "\uFFFD", true, " ", "", " "},
	{"a", "\x00", "b", "", "", false, "", "", ""},
	{"a", "\xff", "b", "", "", false, "", "", ""},
	{"a", "\x01", "b", "\uFFFE", "\uFFFF", false, "", "", ""},
	{"a", "", "a", "", "", false, "", "", ""},
	{"_links", "", "b", "", "", false, "", "", ""},
	{"nested", "", "b", "", "", false, "", "", ""},
	{"a", "True", "b", "2015-07-14T20:54:03.7675175-05:00", "false", true, "self", "/", "t"},
	{"", "", "b", "", "", false, "", "", ""},
	{"a", `\/Date(1436925243767)\/`, "b", "/Date(1)/", "\u2028\u2029", false, "", "", ""},
}

func FuzzEncodeInput(f *testing.F) {
	for _, s := range encodeInputSeeds {
		f.Add(s.n1, s.v1, s.n2, s.v2, s.item, s.b, s.rel, s.href, s.title)
	}
	f.Fuzz(func(t *testing.T, n1, v1, n2, v2, item string, b bool, rel, href, title string) {
		in := fuzzedInput(n1, v1, n2, v2, item, b, rel, href, title)
		for _, format := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
			ok, why := representable(format, n1, n2, n1, v1, n2, v2, item, rel, href, title)
			out, err := encode(t, &in, format)
			if err != nil {
				if ok {
					t.Fatalf("%v: cannot encode an input it can carry: %v", format, err)
				}
				continue
			}
			if !ok {
				t.Fatalf("%v: encoded an input it cannot carry (%s): %q", format, why, out)
			}
			if format == ucwa.JSON {
				checkInputJSON(t, out, in, n1, v1, n2, v2, item, b, rel, href, title)
			} else {
				checkInputXML(t, out, n1, v1, n2, v2, item, b, rel, href, title)
			}
		}
	})
}

// checkInputJSON checks the JSON encoding of fuzzedInput(…) with goccy/go-json
// (member names in order from the token stream, values from a map) and with
// ucwa (decoding gives the input back exactly).
func checkInputJSON(t *testing.T, out []byte, in ucwa.Input, n1, v1, n2, v2, item string, b bool, rel, href,
	title string) {
	t.Helper()
	if !json.Valid(out) {
		t.Fatalf("goccy/go-json: invalid JSON: %q", out)
	}
	// Member names of the top-level object, in order, from the token stream.
	dec := json.NewDecoder(bytes.NewReader(out))
	type frame struct{ obj, name bool } // an object expecting a name next
	var stack []frame
	var order []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("goccy/go-json token: %v\n%q", err, out)
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			continue
		}
		if n := len(stack); n > 0 && stack[n-1].obj {
			if stack[n-1].name {
				if n == 1 {
					order = append(order, tok.(string))
				}
				stack[n-1].name = false
				continue
			}
			stack[n-1].name = true
		}
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, frame{obj: d == '{', name: d == '{'})
		}
	}
	if want := []string{n1, n2, "nested", "_links"}; !slices.Equal(order, want) {
		t.Fatalf("goccy/go-json: member names %q, want %q\n%q", order, want, out)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("goccy/go-json: %v\n%q", err, out)
	}
	link := map[string]any{"href": href}
	if title != "" {
		link["title"] = title
	}
	want := map[string]any{
		n1:       v1,
		n2:       []any{v2, b, nil, item},
		"nested": map[string]any{item: v1},
		"_links": map[string]any{rel: link},
	}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Fatalf("goccy/go-json reads other values (-want +got):\n%s\n%q", diff, out)
	}
	got, err := ucwa.DecodeInput(out, ucwa.JSON)
	if err != nil {
		t.Fatalf("ucwa cannot decode its own JSON: %v\n%q", err, out)
	}
	if !reflect.DeepEqual(in, got) {
		t.Fatalf("JSON round trip changed the input: %s\n%q", deepDiff(in, got), out)
	}
}

// checkInputXML checks the XML encoding of fuzzedInput(…) with encoding/xml
// (strict, every token to EOF), with etree (names, texts and attributes) and
// with ucwa (decoding means the same: XML infers booleans and dates).
func checkInputXML(t *testing.T, out []byte, n1, v1, n2, v2, item string, b bool, rel, href, title string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("encoding/xml: %v\n%q", err, out)
		}
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(out); err != nil {
		t.Fatalf("etree: %v\n%q", err, out)
	}
	root := doc.Root()
	if root == nil || root.Tag != "input" || root.NamespaceURI() != ucwa.Namespace {
		t.Fatalf("etree: root is not <input> in the UCWA namespace\n%q", out)
	}
	kids := root.ChildElements()
	if len(kids) != 4 {
		t.Fatalf("etree: <input> has %d children, want 4\n%q", len(kids), out)
	}
	checkElem(t, out, kids[0], "property", map[string]string{"name": n1}, v1, 0)
	checkElem(t, out, kids[1], "propertyList", map[string]string{"name": n2}, "", 4)
	items := kids[1].ChildElements()
	bs := "false"
	if b {
		bs = "true"
	}
	checkElem(t, out, items[0], "item", nil, v2, 0)
	checkElem(t, out, items[1], "item", nil, bs, 0)
	checkElem(t, out, items[2], "item", nil, "", 0)
	if len(items[2].Child) != 0 {
		t.Fatalf("etree: the null <item> is not empty\n%q", out)
	}
	checkElem(t, out, items[3], "item", nil, item, 0)
	checkElem(t, out, kids[2], "property", map[string]string{"name": "nested"}, "", 1)
	checkElem(t, out, kids[2].ChildElements()[0], "property", map[string]string{"name": item}, v1, 0)
	attrs := map[string]string{"rel": rel, "href": href}
	if title != "" {
		attrs["title"] = title
	}
	checkElem(t, out, kids[3], "link", attrs, "", 0)

	got, err := ucwa.DecodeInput(out, ucwa.XML)
	if err != nil {
		t.Fatalf("ucwa cannot decode its own XML: %v\n%q", err, out)
	}
	in := fuzzedInput(n1, v1, n2, v2, item, b, rel, href, title)
	if d := meaning.Diff(&in, &got); d != "" {
		t.Fatalf("XML round trip changed the input: %s\n%q", d, out)
	}
	// A string XML does not read as a boolean or a date comes back exactly.
	if v, _ := got.Get(n1); !isBoolText(v1) && v.Kind() == ucwa.KindString && v.Text() != v1 {
		t.Fatalf("XML round trip changed %q into %q", v1, v.Text())
	}
}

// checkElem checks an etree element: its tag, namespace, exactly the
// attributes attrs, its text, and its number of child elements.
func checkElem(t *testing.T, out []byte, e *etree.Element, tag string, attrs map[string]string, text string, kids int) {
	t.Helper()
	if e.Tag != tag || e.Space != "" || e.NamespaceURI() != ucwa.Namespace {
		t.Fatalf("etree: element %s:%s in %q, want %s in the UCWA namespace\n%q", e.Space, e.Tag, e.NamespaceURI(),
			tag, out)
	}
	got := map[string]string{}
	for _, a := range e.Attr {
		got[a.FullKey()] = a.Value
	}
	if len(attrs) == 0 {
		attrs = map[string]string{}
	}
	if diff := cmp.Diff(attrs, got); diff != "" {
		t.Fatalf("etree: <%s> attributes (-want +got):\n%s\n%q", tag, diff, out)
	}
	if kids == 0 && e.Text() != text {
		t.Fatalf("etree: <%s> text %q, want %q\n%q", tag, e.Text(), text, out)
	}
	if n := len(e.ChildElements()); n != kids {
		t.Fatalf("etree: <%s> has %d child elements, want %d\n%q", tag, n, kids, out)
	}
}

// Markup in a value is text: it comes back unchanged and adds no property.
func TestMarkupInValueRoundTrips(t *testing.T) {
	for _, v := range []string{
		`</property><property name="admin">`,
		`"/><link rel="x" href="y`,
		`<![CDATA[x]]>`, `]]>`, `&amp;&lt;`, `<!-- -->`, `<?pi?>`,
		`"},"admin":{"x":"`, `\"`, `\u0000`,
	} {
		in := ucwa.Input{Properties: []ucwa.Property{ucwa.Prop("x", ucwa.String(v)), ucwa.Prop(v, ucwa.String("name"))},
			Links: []ucwa.Link{{Rel: v, Href: v, Attrs: []ucwa.Property{ucwa.Prop("title", ucwa.String(v))}}}}
		for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
			out, err := in.Marshal(f)
			if err != nil {
				t.Fatalf("%v: %q: %v", f, v, err)
			}
			got, err := ucwa.DecodeInput(out, f)
			if err != nil {
				t.Fatalf("%v: %q: decoding %q: %v", f, v, out, err)
			}
			if !reflect.DeepEqual(in, got) {
				t.Errorf("%v: %q does not round-trip: %s\n%s", f, v, deepDiff(in, got), out)
			}
		}
	}
}
