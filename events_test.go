package ucwa

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// ignoreLayout ignores where "_links" and "_embedded" stood in a JSON object.
var ignoreLayout = cmpopts.IgnoreFields(Resource{}, "linksAt", "embeddedAt", "embeddedFirst")

// TestEventsOptionalParts: an event's in link, status, reason and embedded
// resource, and namespaced rels, survive both formats and the conversion
// between them.
func TestEventsOptionalParts(t *testing.T) {
	ev := Events{
		Links: []Link{{Rel: "self", Href: "/ucwa/v1/applications/23/events?ack=1"}, {Rel: "resume", Href: "/ucwa/v1/applications/23/events?ack=2"}},
		Senders: []Sender{{Rel: "conversation", Href: "/c/1", Events: []Event{
			{Type: Added, Link: Link{Rel: "ms:rtc:saas:message", Href: "/c/1/m/1", Attrs: []Property{Prop("title", String("Jo"))}},
				In: &Link{Rel: "messages", Href: "/c/1/messages"}},
			{Type: Completed, Link: Link{Rel: "onlineMeetingInvitation", Href: "/i/1"}, Status: "Failure",
				Reason: &Error{Code: "Forbidden", Subcode: "ParameterValidationFailure", Message: "No <way> & no"}},
			{Type: "futureType", Link: Link{Rel: "messaging", Href: "/c/1/messaging"},
				Resource: &Resource{Rel: "messaging", Properties: []Property{Prop("state", String("Connecting"))},
					Links: []Link{{Rel: "self", Href: "/c/1/messaging"}}}},
		}}},
	}
	for _, f := range []Format{JSON, XML} {
		b, err := ev.Marshal(f)
		if err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		got, err := DecodeEvents(b, f)
		if err != nil {
			t.Fatalf("%v: %v\n%s", f, err, b)
		}
		if d := cmp.Diff(ev, got, valueCmp, ignoreLayout); d != "" {
			t.Errorf("%v (-want +got):\n%s\n%s", f, d, b)
		}
		// Across formats: encode what the other format decoded.
		other := XML
		if f == XML {
			other = JSON
		}
		b2, err := got.Marshal(other)
		if err != nil {
			t.Fatalf("%v to %v: %v", f, other, err)
		}
		back, err := DecodeEvents(b2, other)
		if err != nil {
			t.Fatalf("%v to %v: %v\n%s", f, other, err, b2)
		}
		if d := cmp.Diff(got, back, valueCmp, ignoreLayout); d != "" {
			t.Errorf("%v to %v (-want +got):\n%s", f, other, d)
		}
	}
}

// TestEventExtra: members and elements of an event that this package does not
// know are kept in Extra, in order, and written back; what cannot be written
// back is an error that names it.
func TestEventExtra(t *testing.T) {
	const ns = `xmlns="` + Namespace + `"`
	head := `{"_links":{"self":{"href":"/e"}},"sender":[{"rel":"s","href":"/s","events":[`
	tail := `]}]}`
	// JSON: any value, written back after "type".
	jsonBody := head + `{"link":{"rel":"r","href":"/r"},"type":"added","when":"now","n":2,"bag":{"a":[true,null]}}` + tail
	ev, err := DecodeEvents([]byte(jsonBody), JSON)
	if err != nil {
		t.Fatal(err)
	}
	e := ev.Senders[0].Events[0]
	want := []Property{Prop("when", String("now")), Prop("n", Int(2)), Prop("bag", Bag(Prop("a", List(Bool(true), Null()))))}
	if d := cmp.Diff(want, e.Extra, valueCmp); d != "" {
		t.Errorf("JSON Extra (-want +got):\n%s", d)
	}
	if out, err := ev.Marshal(JSON); err != nil || string(out) != jsonBody {
		t.Errorf("JSON: got %s, %v\nwant %s", out, err, jsonBody)
	}
	// XML: elements with text, written back after the known children.
	xmlBody := `<?xml version="1.0" encoding="utf-8"?><events href="/e" ` + ns + `><sender rel="s" href="/s">` +
		`<added rel="r" href="/r"><status>Success</status><when>now</when><note>a &amp; b</note></added></sender></events>`
	ev, err = DecodeEvents([]byte(xmlBody), XML)
	if err != nil {
		t.Fatal(err)
	}
	want = []Property{Prop("when", String("now")), Prop("note", String("a & b"))}
	if d := cmp.Diff(want, ev.Senders[0].Events[0].Extra, valueCmp); d != "" {
		t.Errorf("XML Extra (-want +got):\n%s", d)
	}
	if out, err := ev.Marshal(XML); err != nil || string(out) != xmlBody {
		t.Errorf("XML: got %s, %v\nwant %s", out, err, xmlBody)
	}
	// Across formats, strings go both ways.
	out, err := ev.Marshal(JSON)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeEvents(out, JSON)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if d := cmp.Diff(ev, back, valueCmp, ignoreLayout); d != "" {
		t.Errorf("XML to JSON (-want +got):\n%s", d)
	}

	// Refused when read.
	for _, body := range []string{
		`<added rel="r" href="/r"><when><b>now</b></when></added>`,      // not the content of a property
		`<added rel="r" href="/r"><when>1</when><when>2</when></added>`, // repeated
		`<added rel="r" href="/r"><status>a</status><status>b</status></added>`,
		`<added rel="r" href="/r"><when x:a="1" xmlns:x="urn:x">now</when></added>`, // a namespaced attribute
	} {
		b := `<events ` + ns + ` href="/e"><sender rel="s" href="/s">` + body + `</sender></events>`
		if _, err := DecodeEvents([]byte(b), XML); err == nil {
			t.Errorf("%s: no error", body)
		}
	}
	if _, err := DecodeEvents([]byte(head+`{"type":"added","link":{"rel":"r","href":"/r"},"x":1,"x":2}`+tail), JSON); !errors.Is(err, ErrDuplicateName) {
		t.Errorf("repeated JSON member: %v", err)
	}

	// Refused when written: names that repeat a field written, or one
	// another, and what the format cannot carry.
	for _, tc := range []struct {
		f      Format
		status string
		extra  []Property
		path   string
	}{
		{JSON, "", []Property{Prop("type", String("x"))}, "/type"},
		{JSON, "", []Property{Prop("link", Null())}, "/link"},
		{JSON, "Success", []Property{Prop("status", Null())}, "/status"},
		{JSON, "", []Property{Prop("a", String("1")), Prop("a", String("2"))}, "/a"},
		{JSON, "", []Property{Prop("a", String("\xff"))}, "/a"},
		{JSON, "", []Property{Prop("a", String("x").WithAttrs(Prop("b", String("1"))))}, "/a"},
		{XML, "Success", []Property{Prop("status", Null())}, "/status"},
		{XML, "", []Property{Prop("a", String("1")), Prop("a", String("2"))}, "/a"},
		{XML, "", []Property{Prop("a", String("\x00"))}, "/a"},
		{XML, "", []Property{Prop("a", String("x").WithAttrs(Prop("b", Bag(Prop("c", Null())))))}, "/a@b"},
	} {
		ev := Events{Senders: []Sender{{Rel: "s", Href: "/s", Events: []Event{{Type: Added, Link: Link{Rel: "r", Href: "/r"},
			Status: tc.status, Extra: tc.extra}}}}}
		_, err := ev.Marshal(tc.f)
		var ee *EncodeError
		if !errors.As(err, &ee) || !errors.Is(err, ErrInvalidValue) || ee.Path != "/sender/0/events/0"+tc.path {
			t.Errorf("%v %v: got %v, want ErrInvalidValue at %s", tc.f, tc.extra, err, "/sender/0/events/0"+tc.path)
		}
	}
	// Names of the fields of the other format, or of a child element with
	// structure, and names no element can have, are written as
	// <property name="…"> in XML, and read back.
	ev = Events{Senders: []Sender{{Rel: "s", Href: "/s", Events: []Event{{Type: Added, Link: Link{Rel: "r", Href: "/r"},
		Extra: []Property{Prop("resource", String("x")), Prop("type", String("y")), Prop("link", Int(1)),
			Prop("a b", List(Null())), Prop("property", Bag(Prop("p", String("q")))), Prop("in", Null())}}}}}}
	out, err = ev.Marshal(XML)
	if err != nil {
		t.Fatal(err)
	}
	if back, err = DecodeEvents(out, XML); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if d := sameMeaning(&ev, &back); d != "" {
		t.Errorf("extra elements named like fields, across XML:\n%s\n%s", d, out)
	}
	ev.Senders[0].Events[0].Extra = []Property{Prop("resource", String("x"))}
	if _, err := ev.Marshal(JSON); err != nil {
		t.Errorf("JSON: an extra member named resource: %v", err)
	}
}
