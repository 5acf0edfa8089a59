package ucwa

// EventType is the type of an event: what happened to its target. It is an
// open set: a type not listed here is kept as it came.
type EventType string

// The event types the reference names.
const (
	Added     EventType = "added"     // a resource was added
	Updated   EventType = "updated"   // a resource or operation changed
	Deleted   EventType = "deleted"   // a resource was removed
	Started   EventType = "started"   // an operation started
	Completed EventType = "completed" // an operation completed
)

// Events is the response to a pending GET on the event channel.
//
// JSON: {"_links": {"self", "next"|"resume"|"resync"}, "sender": [{"rel",
// "href", "events": [{"link", "in", "_embedded", "status", "reason",
// "type"}]}]}.
//
// XML: <events href="…"> with <link rel="next" href="…"/>, then
// <sender rel href> elements, each holding one element per event named by its
// type (<added rel="…" href="…">), which may hold an embedded <resource>.
// The reference shows no XML for the optional parts of an event; this package
// writes and reads them as children of the event element: <in rel="…"
// href="…" title="…"/>, <status>…</status>, and <reason> with the error-body
// children (<code>, <subcode>, <message>, …).
//
// What this package does not know is kept where it was, so that an event a
// newer server sends is read, and nothing of it is dropped: members of the
// envelope, of a sender and of an event in the Extra of each (XML: child
// elements of <events> and of the event element, attributes of <sender>),
// and members of link objects in the link's Attrs (XML: attributes).
type Events struct {
	// Links holds the channel's links in order: "self" (XML: the href
	// attribute of <events>, read back as the first link, with the other
	// attributes of <events> in its Attrs) and "next", "resume" or
	// "resync".
	Links   []Link
	Senders []Sender

	// Extra holds, in order, the members of the envelope (JSON) or the child
	// elements of <events> (XML) this package does not know, such as the
	// "baseuri" a pool adds, and a known member whose value has another
	// form than the field's, as it came ("sender": null).
	Extra []Property

	order string // the JSON members' order as read, when not the encoder's: see jsonSeq
}

// Link returns the first link with rel, such as "next".
func (e *Events) Link(rel string) (Link, bool) { return findLink(e.Links, rel) }

// A Sender is the resource that sent a run of events. A sender can occur more
// than once, since event order is kept.
type Sender struct {
	Rel    string
	Href   string
	Events []Event

	// Extra holds, in order, the members of the sender (JSON) or the
	// attributes of <sender> (XML) this package does not know, and a known
	// member whose value is not a string, as it came ("href": null). In
	// XML they are attributes: only scalars can be written.
	Extra []Property

	order string // the JSON members' order as read, when not the encoder's
}

// An Event is one change in the event channel.
type Event struct {
	Type EventType
	// Link is the target: the resource the event is about.
	Link Link
	// In is the collection the target was added to or removed from, if any.
	In *Link
	// Resource is the target's content, when the server embedded it.
	Resource *Resource
	// Status is the operation's status ("Success", "Failure"), if given.
	Status string
	// Reason says why, for failed operations and server-initiated changes.
	// It has the structure of an error body.
	Reason *Error
	// Extra holds, in order, the members (JSON) or child elements (XML)
	// this package does not know, and a known member whose value has
	// another form than the field's, as it came ("status": null). In XML
	// each is an element named after it, or a <property name="…"> where the
	// name cannot be an element's, with the content of a <property>.
	Extra []Property

	order string // the JSON members' order as read, when not the encoder's
}
