package ucwa

import (
	"errors"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

// TestPartialDecode pins what a value returned with an error holds: what was
// read before the error, so that an event loop still finds the "next" link
// of a response whose "_links" came before the malformed part, and none when
// the error comes first.
func TestPartialDecode(t *testing.T) {
	const ns = `xmlns="` + Namespace + `"`
	for _, tc := range []struct {
		at       string
		f        Format
		body     string
		next     string // "" for no next link
		senders  int
		sentinel error
	}{
		{testkit.Where(), JSON,
			`{"_links":{"self":{"href":"/e?ack=1"},"next":{"href":"/e?ack=2"}},"sender":[{"rel":"me","href":"/me",` +
				`"events":[` +
				`{"link":{"rel":"note","href":"/me/note"},"type":"updated"}]},{"rel":"x","href":"/x",` +
				`"events":[{"link":{"href":"\x01"}}]}]}`,
			"/e?ack=2", 2, ErrSyntax},
		{testkit.Where(), JSON,
			`{"_links":{"next":{"href":"/e?ack=2"}},"sender":[{"rel":"me","href":"/me","events":[{"link":{}}]}]}`,
			"/e?ack=2", 1, ErrStructure}, // an event without a type
		{testkit.Where(), JSON, `{"_links":{"next":{"href":"/e?ack=2"}},"sender":[]} trailing`, "/e?ack=2", 0,
			ErrTrailingData},
		{testkit.Where(), JSON,
			`{"sender":[{"rel":"me","href":"/me","events":[1]}],"_links":{"next":{"href":"/e?ack=2"}}}`, "", 1,
			ErrStructure},
		// cut short in the link
		{testkit.Where(), JSON, `{"_links":{"next":{"href":"/e?ack=2","title":[}}}`, "/e?ack=2", 0, ErrSyntax},
		{testkit.Where(), JSON, `{"_links":{"self":{"href":"/e"},"next":"/e?ack=2"}}`, "", 0, ErrStructure},
		{testkit.Where(), XML, `<events href="/e?ack=1" ` + ns +
			`><link rel="next" href="/e?ack=2"/><sender rel="me" href="/me">` +
			`<updated rel="note" href="/me/note"/><bogus>text<b/></bogus></sender></events>`, "/e?ack=2", 1,
			ErrStructure},
		{testkit.Where(), XML, `<events href="/e?ack=1" ` + ns +
			`><link rel="next" href="/e?ack=2"/><sender rel="me" href="/me">&bad;</sender></events>`,
			"/e?ack=2", 1, ErrDTD},
		{testkit.Where(), XML, `<events href="/e?ack=1" ` + ns +
			`><sender rel="me" href="/me"><x:y xmlns:x="urn:x"/></sender><link rel="next" href="/e?ack=2"/></events>`,
			"", 1, ErrStructure},
	} {
		ev, err := DecodeEvents([]byte(tc.body), tc.f)
		var de *DecodeError
		if !errors.As(err, &de) || !errors.Is(err, tc.sentinel) {
			t.Errorf("%s: err = %v, want %v", tc.at, err, tc.sentinel)
			continue
		}
		next, ok := ev.Link("next")
		switch {
		case tc.next == "" && ok:
			t.Errorf("%s: a next link %q, read after the error", tc.at, next.Href)
		case tc.next != "" && (!ok || next.Href != tc.next):
			t.Errorf("%s: next link = %q, %v; want %q", tc.at, next.Href, ok, tc.next)
		}
		if len(ev.Senders) != tc.senders {
			t.Errorf("%s: %d senders, want %d (the last cut short)", tc.at, len(ev.Senders), tc.senders)
		}
	}

	// A resource keeps what was read before the error, an error body
	// nothing.
	r, err := DecodeResource([]byte(`{"rel":"me","name":"Ann","_links":{"self":{"href":"/me"}},"x":[1,}`), JSON)
	if err == nil || r.Rel != "" || r.Href() != "/me" || len(r.Properties) != 3 {
		t.Errorf("partial resource: %+v, %v", r, err)
	}
	if e, err := DecodeErrorBody([]byte(`{"code":"Conflict","message":`), JSON); e != nil || err == nil {
		t.Errorf("partial error body: %v, %v", e, err)
	}
}

// TestOrderRecord: a JSON object of the event channel or an error body read
// in another order than the encoder's, or with members it would leave out,
// is written back in its own order; a value changed since writes what it
// holds.
func TestOrderRecord(t *testing.T) {
	body := `{"sender":[{"events":[{"type":"added","status":"","link":{"title":"t","href":"/r","rel":"r"},"x":1}],` +
		`"href":"/s","rel":"s"}],` +
		`"z":null,"_links":{"self":{"href":"/e"}}}`
	ev, err := DecodeEvents([]byte(body), JSON)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := ev.Marshal(JSON); err != nil || string(out) != body {
		t.Errorf("re-encoded as\n%s, %v\nwant\n%s", out, err, body)
	}
	e := &ev.Senders[0].Events[0]
	e.In = &Link{Rel: "in", Href: "/in"}
	e.Status = "Success"
	ev.Senders[0].Extra = []Property{Prop("n", Int(1))}
	ev.Extra = nil
	want := `{"sender":[{"events":[{"type":"added","status":"Success","link":{"title":"t","href":"/r","rel":"r"},` +
		`"x":1,"in":{"rel":"in","href":"/in"}}],` +
		`"href":"/s","rel":"s","n":1}],"_links":{"self":{"href":"/e"}}}`
	if out, err := ev.Marshal(JSON); err != nil || string(out) != want {
		t.Errorf("changed, re-encoded as\n%s, %v\nwant\n%s", out, err, want)
	}
	// A link that lost the attribute before its href: the fields take the
	// places left, in order.
	l := ev.Senders[0].Events[0].Link
	l.Attrs = nil
	if out, err := appendJSONLink(nil, &l, true); err != nil || string(out) != `{"href":"/r","rel":"r"}` {
		t.Errorf("link without its attribute: %s, %v", out, err)
	}
	l.Attrs = []Property{Prop("a", Int(1)), Prop("b", Int(2)), Prop("c", Int(3))}
	if out, err := appendJSONLink(nil, &l, true); err != nil ||
		string(out) != `{"a":1,"href":"/r","rel":"r","b":2,"c":3}` {
		t.Errorf("link with more attributes: %s, %v", out, err)
	}

	// XML has no order of its own to keep: the encoder's.
	x, err := ev.Marshal(XML)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeEvents(x, XML)
	if err != nil {
		t.Fatal(err)
	}
	if out, _ := back.Marshal(JSON); !strings.HasPrefix(string(out),
		`{"_links":{"self":{"href":"/e"}},"sender":[{"rel":"s","href":"/s","events":[{"link":`) {
		t.Errorf("from XML: %s", out)
	}

	// An error body's null code takes the code's place; a code set since
	// is written, and the extra member is refused then.
	eb, err := DecodeErrorBody([]byte(`{"message":"m","code":null}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := eb.Marshal(JSON); err != nil || string(out) != `{"message":"m","code":null}` {
		t.Errorf("null code: %s, %v", out, err)
	}
	if out, err := eb.Marshal(XML); err != nil || !strings.Contains(string(out),
		`<message>m</message><code/></reason>`) {
		t.Errorf("null code in XML: %s, %v", out, err)
	}
	eb.Code = CodeConflict
	for _, f := range []Format{JSON, XML} {
		var ee *EncodeError
		if _, err := eb.Marshal(f); !errors.As(err, &ee) || ee.Path != "/code" {
			t.Errorf("%v: a code and an extra code: %v", f, err)
		}
	}
}

// TestEventEmbeddedOdd: an event's "_embedded" that does not hold exactly
// one resource is kept in Extra, as it came, in both formats.
func TestEventEmbeddedOdd(t *testing.T) {
	for _, emb := range []string{
		`{}`, `{"a":1}`, `{"a":{"x":1},"b":{"y":2}}`, `{"a":{"_links":[]}}`, `{"a":{"x":1},"b":null}`,
		`{"a\u0062":{"_links":{"self":"/x"}}}`,
	} {
		body := `{"sender":[{"rel":"s","href":"/s","events":[{"link":{"rel":"r","href":"/r"},"_embedded":` + emb +
			`,"type":"added"}]}],"_links":{"self":{"href":"/e"}}}`
		ev, err := DecodeEvents([]byte(body), JSON)
		if err != nil {
			t.Errorf("%s: %v", emb, err)
			continue
		}
		e := ev.Senders[0].Events[0]
		if e.Resource != nil || len(e.Extra) != 1 || e.Extra[0].Name != "_embedded" {
			t.Errorf("%s: Resource %v, Extra %v", emb, e.Resource, e.Extra)
		}
		if _, failure := jsonExact([]byte(body), mustMarshal(t, &ev, JSON)); failure != "" {
			t.Errorf("%s: %s", emb, failure)
		}
		if emb == `{}` {
			continue // an empty bag has no XML form
		}
		if failure := crossFormat(eventsBody, JSON, &ev); failure != "" {
			t.Errorf("%s: %s", emb, failure)
		}
	}
	// Well-formed content is read again; ill-formed content is refused
	// still, at its offset.
	body := `{"sender":[{"events":[{"type":"added","_embedded":{"a":{"_links":[]},"b":[1,]}}]}]}`
	var de *DecodeError
	if _, err := DecodeEvents([]byte(body), JSON); !errors.As(err, &de) ||
		de.Offset != int64(strings.Index(body, "]}}")) {
		t.Errorf("ill-formed _embedded: %v", err)
	}
}

func mustMarshal(t *testing.T, d decoded, f Format) []byte {
	t.Helper()
	b, err := d.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTolerantLimits: what the decoders now keep is read under the same
// limits as the rest.
func TestTolerantLimits(t *testing.T) {
	const ns = `xmlns="` + Namespace + `"`
	var attrs strings.Builder
	for i := range DefaultMaxAttributes {
		attrs.WriteString(` a` + itoa(i) + `="x"`)
	}
	deepJSON := strings.Repeat(`[`, DefaultMaxDepth) + strings.Repeat(`]`, DefaultMaxDepth)
	deepXML := strings.Repeat(`<item>`, DefaultMaxDepth) + strings.Repeat(`</item>`, DefaultMaxDepth)
	for _, tc := range []struct {
		at   string
		f    Format
		body string
		want error
	}{
		{testkit.Where(), XML, `<events href="/e"` + attrs.String() + ` ` + ns + `/>`, ErrTooLarge},
		{testkit.Where(), XML, `<events ` + ns + `><sender rel="s"` + attrs.String() + `/></events>`, ErrTooLarge},
		{testkit.Where(), XML, `<events ` + ns + `><x>` + deepXML + `</x></events>`, ErrTooDeep},
		{testkit.Where(), XML, `<events ` + ns + `><x a="1" a="2"/></events>`, ErrSyntax},
		{testkit.Where(), XML, `<events ` + ns + `><x>1</x><x>2</x></events>`, ErrDuplicateName},
		{testkit.Where(), XML, `<events ` + ns + `><x>&ent;</x></events>`, ErrDTD},
		{testkit.Where(), JSON, `{"baseuri":` + deepJSON + `}`, ErrTooDeep},
		{testkit.Where(), JSON, `{"sender":[{"x":` + deepJSON + `}]}`, ErrTooDeep},
		{testkit.Where(), JSON, `{"sender":[{"events":[{"type":"a","_embedded":{"r":{"x":` + deepJSON + `}}}]}]}`,
			ErrTooDeep},
		{testkit.Where(), JSON, `{"sender":[{"events":[{"type":"a","_embedded":{"r":{},"s":{"x":1,"x":2}}}]}]}`,
			ErrDuplicateName},
		{testkit.Where(), JSON, `{"baseuri":"a","baseuri":"b"}`, ErrDuplicateName},
		{testkit.Where(), JSON, `{"code":null,"code":"x"}`, ErrDuplicateName},
		{testkit.Where(), JSON, "{\"code\":\"c\",\"message\":\"\\u0000\"}", ErrSyntax},
	} {
		var err error
		if strings.Contains(tc.body, `"code"`) {
			_, err = DecodeErrorBody([]byte(tc.body), tc.f)
		} else {
			_, err = DecodeEvents([]byte(tc.body), tc.f)
		}
		var de *DecodeError
		if !errors.As(err, &de) || !errors.Is(err, tc.want) || de.Offset < 0 || de.Offset > int64(len(tc.body)) {
			t.Errorf("%s: %v, want %v", tc.at, err, tc.want)
		}
	}
}

// TestBareSelfLink: a self link with neither href nor attributes
// ({"self": {}}) has nothing for the attributes of <resource> or <events>
// to carry; it is written as a <link rel="self"/> child and reads back.
func TestBareSelfLink(t *testing.T) {
	for _, tc := range []struct {
		at      string
		kind    bodyKind
		json    string
		wantXML string
	}{
		{testkit.Where(), resourceBody, `{"_links":{"self":{}}}`,
			`<resource ` + xmlnsAttr[1:] + `><link rel="self"/></resource>`},
		{testkit.Where(), resourceBody, `{"_links":{"self":{},"self":{"href":"/b"}}}`, ""}, // refused: duplicate
		{testkit.Where(), resourceBody, `{"_links":{"self":[{},{"href":"/b"}]}}`,
			`<resource ` + xmlnsAttr[1:] + `><link rel="self"/><link rel="self" href="/b"/></resource>`},
		{testkit.Where(), eventsBody, `{"_links":{"self":{},"next":{"href":"/n"}},"sender":[]}`,
			`<events ` + xmlnsAttr[1:] + `><link rel="self"/><link rel="next" href="/n"/></events>`},
	} {
		a, err := decodeAs(tc.kind, []byte(tc.json), JSON)
		if tc.wantXML == "" {
			if err == nil {
				t.Errorf("%s: %s decoded", tc.at, tc.json)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.at, err)
		}
		x, err := a.Marshal(XML)
		if err != nil || string(x) != xmlDecl+tc.wantXML {
			t.Errorf("%s: XML = %s, %v; want %s", tc.at, x, err, tc.wantXML)
			continue
		}
		b, err := decodeAs(tc.kind, x, XML)
		if err != nil {
			t.Fatalf("%s: %v", tc.at, err)
		}
		if j, err := b.Marshal(JSON); err != nil || string(j) != tc.json {
			t.Errorf("%s: back in JSON = %s, %v; want %s", tc.at, j, err, tc.json)
		}
	}
}

// TestEventLinkWithoutRel: an event's link or in without a rel is written
// back without one, in both formats, rather than with an empty rel.
func TestEventLinkWithoutRel(t *testing.T) {
	const j = `{"_links":{"next":{"href":"/n"}},"sender":[{"rel":"r","href":"/h","events":[` +
		`{"link":{"href":"/x"},"in":{"title":"t","href":"/y"},"type":"added"},` +
		`{"link":{"title":"","href":"/z"},"type":"updated"}]}]}`
	x := `<events ` + xmlnsAttr[1:] + `><link rel="next" href="/n"/><sender rel="r" href="/h">` +
		`<added href="/x"><in href="/y" title="t"/></added><updated href="/z" title=""/></sender></events>`
	ev, err := DecodeEvents([]byte(j), JSON)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := ev.Marshal(JSON); err != nil || string(got) != j {
		t.Errorf("JSON:\n got %s, %v\nwant %s", got, err, j)
	}
	got, err := ev.Marshal(XML)
	if err != nil || string(got) != xmlDecl+x {
		t.Errorf("XML:\n got %s, %v\nwant %s", got, err, xmlDecl+x)
	}
	back, err := DecodeEvents(got, XML)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := back.Marshal(XML); err != nil || string(again) != xmlDecl+x {
		t.Errorf("XML again:\n got %s, %v", again, err)
	}
	if d := sameMeaning(&ev, &back); d != "" {
		t.Errorf("JSON -> XML changes the meaning:\n%s", d)
	}
}
