package ucwa

import (
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
			{Type: Added, Link: Link{Rel: "ms:rtc:saas:message", Href: "/c/1/m/1", Title: "Jo", HasTitle: true},
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
