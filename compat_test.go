package ucwa

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// This file checks the compatibility set, testdata/compat: bodies written
// for this package from what servers send, in both formats, one or more for
// each class of content that the decoders once refused (see compatClasses).
// A file is named CLASS-WHAT.KIND.FORMAT, KIND being input, resource,
// events or error. Each body
//
//   - decodes;
//   - re-encodes in its own format exactly: a JSON body token for token
//     (white space aside), an XML body byte for byte. An XML body written
//     with another spelling than the encoder's (xsi:nil, namespace
//     declarations, white space) has the encoder's beside it, as
//     CLASS-WHAT.KIND.canon.xml, which must decode to the same value and
//     re-encode to itself;
//   - converts to the other format and back with its meaning kept (see
//     crossFormat), unless compatNoForm says which value has no form there,
//     which the encoder must then name in its error.

// compatClasses names the classes of content of the set, by the number each
// file name starts with (the numbered items of the issue that asked for
// them).
var compatClasses = map[string]string{
	"1": "unknown JSON members at every level (envelope, sender, event, link object, error body, reason)",
	"2": "unknown XML attributes at every level (<events>, <sender>, event elements, <link>, <resource>, <property>)",
	"3": "a self link's extra members, attributes of <resource> or <events>",
	"4": "null where the model expects a string (code, subcode, message, title, status)",
	"5": "an error body with an odd optional member (parameters, debugInfo)",
	"6": "nulls: JSON null, xsi:nil, and xmlns:xsi/xmlns:xsd declarations anywhere",
	"7": "a PUT body written as <input> where a resource is expected",
	"8": "dates in both JSON forms and ISO 8601",
}

// compatNoForm gives, for the bodies holding a value that the other format
// cannot carry, the path the encoder's error must name.
var compatNoForm = map[string]string{
	"2-property-attrs.resource.xml":      "/status",         // attributes of a <property>: no JSON form
	"2-item-attrs.input.xml":             "/languages",      // attributes of a <propertyList> and an <item>
	"4-title-null.resource.json":         "/link[1]@title",  // an attribute cannot be null
	"4-sender-rel-null.events.json":      "/sender/0@rel",   // nor a sender's rel
	"1-link-member-object.resource.json": "/link[1]@policy", // nor hold an object
}

// compatFiles returns the bodies of the set, canonical spellings aside.
func compatFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"*.json", "*.xml"} {
		m, err := filepath.Glob(filepath.Join("testdata", "compat", pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			if !strings.HasSuffix(f, ".canon.xml") {
				files = append(files, f)
			}
		}
	}
	sort.Strings(files)
	return files
}

// compatName splits a file name into its class, kind and format.
func compatName(t *testing.T, file string) (class string, k bodyKind, f Format) {
	t.Helper()
	base := filepath.Base(file)
	class, _, _ = strings.Cut(base, "-")
	parts := strings.Split(base, ".")
	if len(parts) != 3 {
		t.Fatalf("%s: not CLASS-WHAT.KIND.FORMAT", base)
	}
	switch parts[1] {
	case "input":
		k = inputBody
	case "resource":
		k = resourceBody
	case "events":
		k = eventsBody
	case "error":
		k = errorBody
	default:
		t.Fatalf("%s: unknown kind %q", base, parts[1])
	}
	if _, ok := compatClasses[class]; !ok {
		t.Fatalf("%s: unknown class %q", base, class)
	}
	return class, k, corpusFormat(parts[2])
}

func TestCompat(t *testing.T) {
	files := compatFiles(t)
	perClass := map[string]map[Format]int{}
	seenNoForm := map[string]bool{}
	passed := 0
	for _, file := range files {
		name := filepath.Base(file)
		class, k, f := compatName(t, file)
		if perClass[class] == nil {
			perClass[class] = map[Format]int{}
		}
		perClass[class][f]++
		body, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		a, err := decodeAs(k, body, f)
		if err != nil {
			t.Errorf("%s: decode: %v", name, err)
			continue
		}
		ok := true
		enc, err := a.Marshal(f)
		switch {
		case err != nil:
			t.Errorf("%s: encode: %v", name, err)
			ok = false
		case f == JSON:
			if _, failure := jsonExact(body, enc); failure != "" {
				t.Errorf("%s: JSON re-encoding: %s", name, failure)
				ok = false
			}
		default:
			want := body
			canon := strings.TrimSuffix(file, ".xml") + ".canon.xml"
			if c, err := os.ReadFile(canon); err == nil {
				want = c
				if b, err := decodeAs(k, c, XML); err != nil {
					t.Errorf("%s: %v", canon, err)
				} else if diff := exactDiff(a, b); diff != "" {
					t.Errorf("%s decodes to another value than %s (-body +canon):\n%s", canon, name, diff)
				}
			}
			if !bytes.Equal(enc, want) {
				t.Errorf("%s: XML re-encoding differs:\n got %s\nwant %s", name, enc, want)
				ok = false
			}
		}
		failure := crossFormat(k, f, a)
		if path, noForm := compatNoForm[name]; noForm {
			seenNoForm[name] = true
			var ee *EncodeError
			_, err := a.Marshal(otherFormat(f))
			if !errors.As(err, &ee) || !errors.Is(err, ErrInvalidValue) || ee.Path != path {
				t.Errorf("%s: encoding in %s gives %v, want ErrInvalidValue at %s", name, otherFormat(f), err, path)
				ok = false
			}
		} else if failure != "" {
			t.Errorf("%s: %s", name, failure)
			ok = false
		}
		if ok {
			passed++
		}
	}
	for name := range compatNoForm {
		if !seenNoForm[name] {
			t.Errorf("compatNoForm lists %s, which is not in the set", name)
		}
	}
	classes := make([]string, 0, len(compatClasses))
	for c := range compatClasses {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		n := perClass[c]
		if n[JSON] == 0 || n[XML] == 0 || n[JSON]+n[XML] < 3 {
			t.Errorf("class %s (%s): %d JSON and %d XML bodies, want both formats and three at least",
				c, compatClasses[c], n[JSON], n[XML])
		}
		t.Logf("class %s: %d JSON, %d XML: %s", c, n[JSON], n[XML], compatClasses[c])
	}
	t.Logf("%d of %d bodies pass every check (%d with a value the other format cannot carry, named by the encoder)",
		passed, len(files), len(compatNoForm))
}

// compatBody reads a body of the set.
func compatBody(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "compat", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCompatContent checks where the set's content is kept: in which field,
// Extra or Attrs, with which value.
func TestCompatContent(t *testing.T) {
	prop := func(ps []Property, name string) Value {
		t.Helper()
		v, ok := Lookup(ps, name)
		if !ok {
			t.Errorf("no %q in %v", name, ps)
		}
		return v
	}
	same := func(what string, got, want Value) {
		t.Helper()
		if !got.Equal(want) {
			t.Errorf("%s = %v %q, want %v %q", what, got.Kind(), got.Text(), want.Kind(), want.Text())
		}
	}

	// 1: the envelope's, a sender's, an event's and an error body's members.
	ev, err := DecodeEvents(compatBody(t, "1-envelope-baseuri.events.json"), JSON)
	if err != nil {
		t.Fatal(err)
	}
	same("baseuri", prop(ev.Extra, "baseuri"), String("https://pool.example.com/platformservice/v1/applications"))
	if next, ok := ev.Link("next"); !ok || next.Href != "/platformservice/v1/applications/7/events?ack=4" {
		t.Errorf("next = %v, %v", next, ok)
	}
	ev, err = DecodeEvents(compatBody(t, "1-sender-extras.events.json"), JSON)
	if err != nil {
		t.Fatal(err)
	}
	same("sequence", prop(ev.Senders[0].Extra, "sequence"), scalar(KindNumber, "42"))
	same("primary", prop(ev.Senders[0].Extra, "primary"), Bool(false))
	same("id", prop(ev.Senders[1].Extra, "id"), String("s2"))
	ev, err = DecodeEvents(compatBody(t, "1-event-elements.events.xml"), XML)
	if err != nil {
		t.Fatal(err)
	}
	e := ev.Senders[0].Events[0]
	same("previous", prop(e.Extra, "previous"), Null())
	same("empty", prop(e.Extra, "empty"), String(""))
	same("silent", prop(e.Extra, "silent"), scalar(KindBool, "True"))
	if l := prop(e.Extra, "labels").List(); len(l) != 2 {
		t.Errorf("labels = %v", l)
	}
	err = ResponseError(400, "application/json", compatBody(t, "1-error-extras.error.json"))
	var ue *Error
	if !errors.As(err, &ue) || ue.Cause != nil || !errors.Is(err, SubcodeParameterValidationFailure) {
		t.Fatalf("ResponseError = %v", err)
	}
	same("errorId", prop(ue.Extra, "errorId"), scalar(KindNumber, "4242"))
	same("trace", prop(ue.Extra, "trace"), Null())

	// 2 and 3: attributes, and the self link's members.
	r, err := DecodeResource(compatBody(t, "2-resource-attrs.resource.xml"), XML)
	if err != nil {
		t.Fatal(err)
	}
	self, _ := r.Link("self")
	same("self etag", prop(self.Attrs, "etag"), String("3112"))
	note := r.Embed("contactNote")
	if self, ok := note.Link("self"); !ok || !self.noHref || note.Href() != "" {
		t.Errorf("contactNote's self link = %+v, %v; want one without href", self, ok)
	} else {
		same("contactNote source", prop(self.Attrs, "source"), String("calendar"))
	}
	if j, err := note.Marshal(JSON); err != nil || strings.Contains(string(j), "href") {
		t.Errorf("contactNote in JSON = %s, %v; want no href", j, err)
	}
	r, err = DecodeResource(compatBody(t, "2-property-attrs.resource.xml"), XML)
	if err != nil {
		t.Fatal(err)
	}
	status := prop(r.Properties, "status")
	same("status", status, String("Available").WithAttrs(
		Prop("since", String("2016-09-26T16:20:23Z")), Prop("source", String("device"))))
	if s, ok := status.Str(); !ok || s != "Available" {
		t.Errorf("status.Str() = %q, %v", s, ok)
	}
	r, err = DecodeResource(compatBody(t, "3-search2-revision.resource.json"), JSON)
	if err != nil {
		t.Fatal(err)
	}
	self, _ = r.Link("self")
	same("search revision", prop(self.Attrs, "revision"), String("2"))
	x, err := r.Marshal(XML)
	const searchXML = `<resource rel="search" href="/ucwa/v1/applications/7/search" revision="2" xmlns=`
	if err != nil || !strings.Contains(string(x), searchXML) {
		t.Errorf("search in XML = %s, %v", x, err)
	}

	// 4 and 5: nulls and odd members are kept in Extra, the error stays
	// UCWA's.
	ev, err = DecodeEvents(compatBody(t, "4-reason-message-null.events.json"), JSON)
	if err != nil {
		t.Fatal(err)
	}
	reason := ev.Senders[0].Events[0].Reason
	if reason.Code != CodeInformational || reason.Subcode != "PromptsStopped" || reason.Message != "" {
		t.Errorf("reason = %+v", reason)
	}
	same("message", prop(reason.Extra, "message"), Null())
	if j, _ := ev.Marshal(JSON); !strings.Contains(string(j), `"message":null`) {
		t.Errorf("the null message is not written back: %s", j)
	}
	for _, name := range []string{
		"5-parameters-array.error.json", "5-debuginfo-text.error.json", "5-debuginfo-text.error.xml",
	} {
		f := JSON
		if strings.HasSuffix(name, ".xml") {
			f = XML
		}
		ct := "application/json"
		if f == XML {
			ct = "application/xml"
		}
		e := ResponseError(500, ct, compatBody(t, name))
		if e.Cause != nil || errors.Is(e, ErrNotUCWA) || e.Code == "" || len(e.Extra) != 1 ||
			e.Parameters != nil || e.DebugInfo != nil {
			t.Errorf("%s: ResponseError = %v, Extra %v", name, e, e.Extra)
		}
	}

	// 6: xsi:nil.
	r, err = DecodeResource(compatBody(t, "6-xsi-nil.resource.xml"), XML)
	if err != nil {
		t.Fatal(err)
	}
	same("message", prop(r.Properties, "message"), Null())
	same("history/0", prop(r.Properties, "history").List()[0], Null())
	same("history/1", prop(r.Properties, "history").List()[1], String("Out of office"))

	// 7: a PUT body in <input>.
	r, err = DecodeResource(compatBody(t, "7-put-input-links.resource.xml"), XML)
	if err != nil || r.Rel != "" || len(r.Properties) != 4 ||
		r.Href() != "/ucwa/v1/applications/7/onlineMeetings/myAssignedOnlineMeeting" {
		t.Errorf("PUT body = %+v, %v", r, err)
	}

	// 8: every date form reads as the same instant when asked for.
	r, err = DecodeResource(compatBody(t, "8-dates.resource.json"), JSON)
	if err != nil {
		t.Fatal(err)
	}
	want := time.UnixMilli(1474932027613)
	for _, name := range []string{"timeStamp", "receivedAt", "sentAt", "expires"} {
		if got, ok := r.Time(name); !ok || !got.Equal(want) {
			t.Errorf("Time(%q) = %v, %v; want %v", name, got, ok, want)
		}
	}
	if k := prop(r.Properties, "receivedAt").Kind(); k != KindString {
		t.Errorf("receivedAt is a %v: a date without escaped slashes must stay a string", k)
	}
	if got, ok := r.Time("rel"); ok {
		t.Errorf("Time(rel) = %v, true", got)
	}
}
