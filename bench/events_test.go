package bench

import (
	"fmt"

	"github.com/beevik/etree"
	gojson "github.com/goccy/go-json"
	"github.com/google/go-cmp/cmp"

	"github.com/ucwa-go/ucwa"
)

// evSummary is what a decoded event-channel response must say, whoever
// decoded it.
type evSummary struct {
	Self, Next string
	Senders    []string // "rel href" of each sender, in order
	Events     []string // one line per event, in order: type, target rel, embedded rel, state, status
	Links      int      // links of the embedded resources, self links included
	Props      int      // properties of the embedded resources
}

// wantEvents is the summary of the events body (testdata/events.*), written
// out by hand from the bodies, not computed by the code that builds them.
var wantEvents = evSummary{
	Self: "/ucwa/oauth/v1/applications/415/events?ack=7",
	Next: "/ucwa/oauth/v1/applications/415/events?ack=8",
	Senders: []string{
		"communication /ucwa/oauth/v1/applications/415/communication",
		"me /ucwa/oauth/v1/applications/415/me",
		"conversation /ucwa/oauth/v1/applications/415/communication/conversations/7c3e",
		"communication /ucwa/oauth/v1/applications/415/communication",
	},
	Events: []string{
		"updated communication embeds=communication state= status=",
		"updated me embeds= state= status=",
		"added presence embeds= state= status=",
		"added note embeds= state= status=",
		"added location embeds= state= status=",
		"added localParticipant embeds=localParticipant state= status=",
		"updated messaging embeds=messaging state=Connecting status=",
		"started onlineMeetingInvitation embeds=onlineMeetingInvitation state=Connecting status=",
		"completed onlineMeetingInvitation embeds=onlineMeetingInvitation state=Connected status=Success",
	},
	Links: 5 + 3 + 2 + 3 + 3,
	Props: 5 + 5 + 2 + 6 + 6,
}

func eventLine(typ, rel, embeds, state, status string) string {
	return fmt.Sprintf("%s %s embeds=%s state=%s status=%s", typ, rel, embeds, state, status)
}

func checkEvents(who string, got evSummary) error {
	if d := cmp.Diff(wantEvents, got); d != "" {
		return fmt.Errorf("%s: events summary differs (-want +got):\n%s", who, d)
	}
	return nil
}

// ucwaEventsSummary summarizes ucwa's Events.
func ucwaEventsSummary(ev *ucwa.Events) evSummary {
	var s evSummary
	self, _ := ev.Link("self")
	next, _ := ev.Link("next")
	s.Self, s.Next = self.Href, next.Href
	for _, sn := range ev.Senders {
		s.Senders = append(s.Senders, sn.Rel+" "+sn.Href)
		for _, e := range sn.Events {
			var embeds, state string
			if r := e.Resource; r != nil {
				embeds = r.Rel
				if v, ok := r.Get("state"); ok {
					state = v.Text()
				}
				s.Links += len(r.Links)
				s.Props += len(r.Properties)
			}
			s.Events = append(s.Events, eventLine(string(e.Type), e.Link.Rel, embeds, state, e.Status))
		}
	}
	return s
}

// mapEventsSummary summarizes events decoded into a map.
func mapEventsSummary(m map[string]any) evSummary {
	var s evSummary
	s.Self, s.Next = mapHref(m, "self"), mapHref(m, "next")
	senders, _ := m["sender"].([]any)
	for _, sn := range senders {
		sm := asMap(sn)
		rel, _ := sm["rel"].(string)
		href, _ := sm["href"].(string)
		s.Senders = append(s.Senders, rel+" "+href)
		events, _ := sm["events"].([]any)
		for _, e := range events {
			em := asMap(e)
			typ, _ := em["type"].(string)
			target, _ := asMap(em["link"])["rel"].(string)
			status, _ := em["status"].(string)
			var embeds, state string
			for rel, r := range asMap(em["_embedded"]) {
				embeds = rel
				state, _ = asMap(r)["state"].(string)
				l, p := mapCount(asMap(r))
				s.Links, s.Props = s.Links+l, s.Props+p
			}
			s.Events = append(s.Events, eventLine(typ, target, embeds, state, status))
		}
	}
	return s
}

// etreeEventsSummary summarizes an etree document of events.
func etreeEventsSummary(doc *etree.Document) evSummary {
	var s evSummary
	root := doc.Root()
	if root == nil {
		return s
	}
	s.Self = root.SelectAttrValue("href", "")
	if next := root.FindElement("link[@rel='next']"); next != nil {
		s.Next = next.SelectAttrValue("href", "")
	}
	for _, sn := range root.SelectElements("sender") {
		s.Senders = append(s.Senders, sn.SelectAttrValue("rel", "")+" "+sn.SelectAttrValue("href", ""))
		for _, e := range sn.ChildElements() {
			var embeds, state, status string
			if r := e.SelectElement("resource"); r != nil {
				embeds = r.SelectAttrValue("rel", "")
				if p := r.FindElement("property[@name='state']"); p != nil {
					state = p.Text()
				}
				l, p := etreeCount(r)
				s.Links, s.Props = s.Links+l, s.Props+p
			}
			if st := e.SelectElement("status"); st != nil {
				status = st.Text()
			}
			s.Events = append(s.Events, eventLine(e.Tag, e.SelectAttrValue("rel", ""), embeds, state, status))
		}
	}
	return s
}

// eventsCase builds an impl whose op decodes data into a fresh value and whose
// summary of the last result is checked against wantEvents.
func eventsCase(name string, data []byte, setup func() (op func() error, summary func() evSummary)) impl {
	return impl{name, func() (prepared, error) {
		op, summary := setup()
		if err := op(); err != nil {
			return prepared{}, fmt.Errorf("%s: %w", name, err)
		}
		if err := checkEvents(name, summary()); err != nil {
			return prepared{}, err
		}
		return prepared{ops: repeat(op), size: len(data)}, nil
	}}
}

// decodeEventsFunc decodes an event-channel response as ucwa.DecodeEvents
// does.
type decodeEventsFunc func(data []byte, f ucwa.Format) (ucwa.Events, error)

// oneShotEvents gives ucwa's one-shot decoder of events.
func oneShotEvents() decodeEventsFunc { return ucwa.DecodeEvents }

// newReusedEvents gives a new ucwa.Decoder's DecodeEvents (see newReused).
func newReusedEvents() decodeEventsFunc {
	d := new(ucwa.Decoder)
	return d.DecodeEvents
}

// ucwaEventsCase builds the impl of a ucwa decoder for the events workloads,
// as ucwaCase does for the resource ones: newDecode is called once per case,
// its decodeEventsFunc once per op.
func ucwaEventsCase(name string, data []byte, f ucwa.Format, newDecode func() decodeEventsFunc) impl {
	return eventsCase(name, data, func() (func() error, func() evSummary) {
		decode := newDecode()
		var ev ucwa.Events
		return func() (err error) { ev, err = decode(data, f); return err },
			func() evSummary { return ucwaEventsSummary(&ev) }
	})
}

func decodeEventsJSONImpls() []impl {
	return []impl{
		ucwaEventsCase("ucwa", eventsJSON, ucwa.JSON, oneShotEvents),
		ucwaEventsCase("ucwa-reused", eventsJSON, ucwa.JSON, newReusedEvents),
		eventsCase("goccy-map", eventsJSON, func() (func() error, func() evSummary) {
			var m map[string]any
			return func() error { m = nil; return gojson.Unmarshal(eventsJSON, &m) },
				func() evSummary { return mapEventsSummary(m) }
		}),
	}
}

func decodeEventsXMLImpls() []impl {
	return []impl{
		ucwaEventsCase("ucwa", eventsXML, ucwa.XML, oneShotEvents),
		ucwaEventsCase("ucwa-reused", eventsXML, ucwa.XML, newReusedEvents),
		eventsCase("etree", eventsXML, func() (func() error, func() evSummary) {
			var doc *etree.Document
			return func() error { doc = etree.NewDocument(); return doc.ReadFromBytes(eventsXML) },
				func() evSummary { return etreeEventsSummary(doc) }
		}),
	}
}
