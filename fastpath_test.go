package ucwa

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// The fast paths of the decoders (JSON: hrefOnly, linkRun; XML: plainLink,
// plainProperty) read the common shapes of a body without the general
// paths' machinery, and give up, having read nothing, on anything else. The
// field general of both decoders turns them off, and the tests here and in
// json_fast_test.go and xml_fast_test.go compare the two ways.

// decodeBothWays decodes data as a resource, an input and an event-channel
// response, each with the fast paths and without, and fails the test where
// the two ways differ in the value or the error.
func decodeBothWays(t *testing.T, name string, data []byte, f Format, maxDepth int) {
	t.Helper()
	for _, kind := range []string{"resource", "input", "events"} {
		var got [2]any
		var errs [2]string
		for i, general := range []bool{false, true} {
			v, err := decodeWay(data, f, kind, maxDepth, general)
			if err != nil {
				v, errs[i] = nil, err.Error()
			}
			got[i] = v
		}
		if errs[0] != errs[1] {
			t.Errorf("%s as %s %v: error %q with the fast paths, %q without", name, f, kind, errs[0], errs[1])
		} else if diff := cmp.Diff(got[1], got[0], cmp.Exporter(func(reflect.Type) bool { return true })); diff != "" {
			t.Errorf("%s as %s %v: (-general +fast):\n%s", name, f, kind, diff)
		}
	}
}

// bodyDecoder is what the two decoders have in common for the three kinds
// of body decodeWay reads.
type bodyDecoder interface {
	topResource(*Resource) error
	input(*Input) error
	events(*Events) error
}

// decodeWay decodes data as kind, with the fast paths unless general.
func decodeWay(data []byte, f Format, kind string, maxDepth int, general bool) (any, error) {
	var d bodyDecoder
	if f == JSON {
		j := &jsonDecoder{buf: data, maxDepth: maxDepth, general: general}
		j.slabs.start(len(data))
		d = j
	} else {
		x := &xmlDecoder{buf: data, maxDepth: maxDepth, maxAttrs: DefaultMaxAttributes, maxNS: DefaultMaxNamespaces, general: general}
		x.slabs.start(len(data))
		d = x
	}
	switch kind {
	case "resource":
		var r Resource
		err := d.topResource(&r)
		return r, err
	case "input":
		var in Input
		err := d.input(&in)
		return in, err
	}
	var ev Events
	err := d.events(&ev)
	return ev, err
}

// TestFastPathsOnExamples: the fast paths change nothing a decode gives on
// the reference's examples, and on its application resource (the body the
// benchmarks are shaped after) and its event examples cut at every byte.
func TestFastPathsOnExamples(t *testing.T) {
	for _, e := range testkit.Reference(t) {
		decodeBothWays(t, e.File, e.Body, corpusFormat(e.Format), DefaultMaxDepth)
	}
	bodies := testkit.ReferenceEvents(t)
	for _, name := range []string{"application.GET.json-response.http", "application.GET.xml-response.http"} {
		e := referenceExample(t, name)
		bodies = append(bodies, testkit.Body{Name: name, Format: e.Format, Data: e.Body})
	}
	for _, b := range bodies {
		f, body := corpusFormat(b.Format), b.Data
		for cut := 0; cut <= len(body); cut++ { // every prefix: the body may end anywhere
			decodeBothWays(t, b.Name+" cut at "+strconv.Itoa(cut), body[:cut], f, DefaultMaxDepth)
		}
	}
}

// TestFastPathsAtBodyEnd: the fast paths read eight bytes at a time and
// look past what they read; a name or value of any length that ends at the
// body's last byte, or a byte or two before it, must not make them read
// past the end. The bodies are cut there, in the middle of a member.
func TestFastPathsAtBodyEnd(t *testing.T) {
	const ns = `xmlns="` + Namespace + `" rel="x">`
	for n := 1; n < 100; n++ {
		a := strings.Repeat("a", n)
		for _, c := range []struct {
			f    Format
			body string
		}{
			{XML, `<resource ` + ns + `<link rel="` + a + `"`},
			{XML, `<resource ` + ns + `<link rel="self" href="` + a + `"`},
			{XML, `<resource ` + ns + `<link rel="self" href="` + a + `" /`},
			{XML, `<resource ` + ns + `<property name="` + a + `"`},
			{XML, `<resource ` + ns + `<property name="type">` + a},
			{XML, `<resource ` + ns + `<property name="type">` + a + `</property`},
			{JSON, `{"_links":{"self":{"href":"` + a + `"`},
			{JSON, `{"_links":{"self":{"href":"` + a + `"}`},
			{JSON, `{"_links":{"self":{"href":"/x"},"` + a + `"`},
			{JSON, `{"rel":"` + a + `"`},
			{JSON, `{"rel":"x",` + "\n" + strings.Repeat(" ", n)},
		} {
			for cut := max(0, len(c.body)-2); cut <= len(c.body); cut++ {
				decodeBothWays(t, strconv.Quote(c.body[:cut]), []byte(c.body[:cut]), c.f, DefaultMaxDepth)
			}
		}
	}
}

// TestEndAfterLongValue: the decoders read names and values eight bytes at a
// time and look at the bytes after them; a body that ends right after a long
// one must get an error, not a panic. Each corpus body is cut after one of
// its first quotes or '>', and a run of bytes and a closing byte or two are
// appended, at lengths around the eight-byte words and the 64-byte room of
// the fast paths. (This found the panic of plainLink and plainProperty.)
func TestEndAfterLongValue(t *testing.T) {
	for _, e := range testkit.Reference(t) {
		f, s, cuts := corpusFormat(e.Format), string(e.Body), 0
		for q := 0; q < len(s) && cuts < 20; q++ {
			if s[q] != '"' && s[q] != '>' {
				continue
			}
			cuts++
			for _, n := range []int{7, 8, 31, 55, 56, 63, 64} {
				for _, end := range []string{`"`, `">`, `":`, ""} {
					b := []byte(s[:q+1] + strings.Repeat("a", n) + end)
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Fatalf("%s cut at %d, %d bytes and %q: panic: %v", e.File, q+1, n, end, r)
							}
						}()
						DecodeResource(b, f)
						DecodeInput(b, f)
						DecodeEvents(b, f)
					}()
				}
			}
		}
	}
}
