package ucwa

import (
	"errors"
	"math"
)

// The JSON model builder of event-channel responses and of error bodies (an
// event's reason is one): objects with fields, each field a member of a
// known name and form. A member of another name, or of another form than
// its field's, is kept in Extra; memberOrder records the order the members
// came in where the encoder would not write them so.

// memberOrder follows the order of the members of an object with fields (an
// envelope, a sender, an event, an error body), for the record jsonSeq
// writes them back in. While the fields come in the order of canon, each
// before any extra member, the order is the encoder's so far and nothing is
// stored: the locals are enough to tell. Once a member comes out of that
// order, the codes of the members so far are pushed onto d.codes ('j', then
// a code each, 'x' for an extra member), and every member's after them.
type memberOrder struct {
	canon string
	base  int    // where its codes start on d.codes; -1 while in order
	seen  uint16 // the fields read, bit k for canon[k]
	// A field of an index up to last is out of order: last is the index of
	// the last field read (-1 before any), len(canon) once an extra
	// member came, and more once out of order.
	last   int
	extras int // the extra members read
}

func newOrder(canon string) memberOrder { return memberOrder{canon: canon, base: -1, last: -1} }

// field records that the member just named is the field canon[k]. The
// common case, in order, is small enough to inline.
func (o *memberOrder) field(d *jsonDecoder, k int) {
	if k <= o.last {
		o.fieldOut(d, k)
		return
	}
	o.seen |= 1 << k
	o.last = k
}

// fieldOut is field for a field out of order, or after one.
func (o *memberOrder) fieldOut(d *jsonDecoder, k int) {
	if o.base < 0 {
		o.spill(d)
	}
	d.codes = append(d.codes, o.canon[k])
	o.seen |= 1 << k
}

// extra records an extra member.
func (o *memberOrder) extra(d *jsonDecoder) {
	o.extras++
	if o.base >= 0 {
		d.codes = append(d.codes, 'x')
	} else {
		o.last = max(o.last, len(o.canon))
	}
}

// spill pushes the codes of the members read so far, which came in order:
// the fields seen, then the extra members.
func (o *memberOrder) spill(d *jsonDecoder) {
	o.base, o.last = len(d.codes), math.MaxInt
	d.codes = append(d.codes, 'j')
	for k := 0; k < len(o.canon); k++ {
		if o.seen&(1<<k) != 0 {
			d.codes = append(d.codes, o.canon[k])
		}
	}
	for range o.extras {
		d.codes = append(d.codes, 'x')
	}
}

// takeOrder returns the record of o, kept, and pops it; or "" when the
// members came as the encoder writes them: in order, and the fields
// canonWrite marks (see jsonSeq), no more and no fewer.
func (d *jsonDecoder) takeOrder(o *memberOrder, canonWrite uint16) string {
	if o.base < 0 {
		if o.seen == canonWrite {
			return ""
		}
		o.spill(d)
	}
	rec := d.keep(d.codes[o.base:])
	d.codes = d.codes[:o.base]
	return rec
}

// extraMember reads the value of the member name onto d.props, as an extra
// member of the object whose order o follows.
func (d *jsonDecoder) extraMember(o *memberOrder, name []byte) error {
	o.extra(d)
	return d.member(name)
}

func (d *jsonDecoder) events(ev *Events) error {
	base, o := len(d.props), newOrder(eventsCanon)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		c := d.cur() // the value's first byte (see cur)
		if c <= ' ' {
			c = d.skipWS()
		}
		// A member of a known name whose value has another form than the
		// field's falls to the extra members.
		known := true
		switch string(name) {
		case "_links":
			if known = c == '{'; known {
				o.field(d, 0)
				ev.Links, err = d.linkSet()
			}
		case "sender":
			if known = c == '['; known {
				o.field(d, 1)
				err = d.senders()
			}
		default:
			known = false
		}
		if !known {
			err = d.extraMember(&o, name)
		}
	}
	ev.Senders = d.takeSenders(&d.slabs)
	ev.Extra = d.takeProps(base)
	ev.order = d.takeOrder(&o, ev.jsonCanonWrite())
	if err != nil {
		return err
	}
	return d.end()
}

// senders reads the array of "sender".
func (d *jsonDecoder) senders() error {
	err := d.openArray()
	for i := 0; err == nil; i++ {
		var ok bool
		if ok, err = d.nextElem(i); !ok {
			break
		}
		if d.peek() != '{' {
			return d.fail(ErrStructure, d.pos, "expecting a sender object")
		}
		var s Sender
		err = d.sender(&s)
		d.endSender(s)
	}
	return err
}

func (d *jsonDecoder) sender(s *Sender) error {
	base, o := len(d.props), newOrder(senderCanon)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		c := d.cur() // the value's first byte (see cur)
		if c <= ' ' {
			c = d.skipWS()
		}
		known := true // see events
		switch string(name) {
		case "rel":
			if known = c == '"'; known {
				o.field(d, 0)
				s.Rel, err = d.stringAt()
			}
		case "href":
			if known = c == '"'; known {
				o.field(d, 1)
				s.Href, err = d.stringAt()
			}
		case "events":
			if known = c == '['; known {
				o.field(d, 2)
				err = d.events1()
			}
		default:
			known = false
		}
		if !known {
			err = d.extraMember(&o, name)
		}
	}
	s.Extra = d.takeProps(base)
	s.order = d.takeOrder(&o, s.jsonCanonWrite())
	return err
}

// events1 reads the array of a sender's "events" onto d.evs.
func (d *jsonDecoder) events1() error {
	err := d.openArray()
	for i := 0; err == nil; i++ {
		var ok bool
		if ok, err = d.nextElem(i); !ok {
			break
		}
		if d.peek() != '{' {
			return d.fail(ErrStructure, d.pos, "expecting an event object")
		}
		d.evs = append(d.evs, Event{})
		err = d.event(&d.evs[len(d.evs)-1])
	}
	return err
}

func (d *jsonDecoder) event(e *Event) error {
	start := d.pos
	hasType := false
	base, o := len(d.props), newOrder(eventCanon)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		c := d.cur() // the value's first byte (see cur)
		if c <= ' ' {
			c = d.skipWS()
		}
		known := true // see events
		switch string(name) {
		case "type":
			hasType = true
			if known = c == '"'; known {
				o.field(d, 5)
				e.Type, err = d.eventType()
			}
		case "link":
			if known = c == '{'; known {
				o.field(d, 0)
				err = d.link(&e.Link, eventLink)
			}
		case "in":
			if known = c == '{'; known {
				o.field(d, 1)
				e.In = d.newLink()
				err = d.link(e.In, eventLink)
			}
		case "status":
			if known = c == '"'; known {
				o.field(d, 3)
				e.Status, err = d.stringAt()
			}
		case "reason":
			if known = c == '{'; known {
				o.field(d, 4)
				e.Reason = d.newError()
				err = d.errorObject(e.Reason, false)
			}
		case "_embedded":
			if known = c == '{'; known {
				err = d.eventEmbedded(e, &o)
			}
		default:
			known = false
		}
		if !known {
			err = d.extraMember(&o, name) // kept in Extra
		}
	}
	e.Extra = d.takeProps(base)
	e.order = d.takeOrder(&o, e.jsonCanonWrite())
	if err == nil && !hasType {
		return d.fail(ErrStructure, start, "event has no type")
	}
	return err
}

// eventEmbeddedName is the name eventEmbedded keeps an "_embedded" under
// when it is an extra member: the name read may be in d.scratch, which the
// reads between overwrite.
var eventEmbeddedName = []byte("_embedded")

// eventEmbedded reads an event's "_embedded" object, which holds the one
// resource the event embeds under its rel. Any other object (empty, or with
// more than one member, or a member that is not an object) does not fit
// Event.Resource: it is read again as an extra member, kept as it came.
func (d *jsonDecoder) eventEmbedded(e *Event, o *memberOrder) error {
	m, pbase := d.mark(), len(d.props)
	it, err := d.openObject()
	n, fits := 0, true
	for err == nil {
		var rel []byte
		var ok bool
		if rel, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		if n++; n > 1 || d.peek() != '{' {
			fits = false
			break
		}
		e.Resource, err = d.eventResource(d.keepName(rel))
	}
	switch {
	case err == nil && fits && n == 1:
		o.field(d, 2)
		return nil
	case err != nil && !errors.Is(err, ErrStructure):
		return err
	}
	// The resource read, if any, popped what it pushed on the stacks. The
	// object is read at most twice: an event holds no events.
	e.Resource = nil
	d.props = d.props[:pbase]
	d.rewind(m)
	d.known = "" // nextMember set it for the names read since
	return d.extraMember(o, eventEmbeddedName)
}

// eventType reads an event's type, a string at d.pos: one of the constants
// when it is one, with no copy.
func (d *jsonDecoder) eventType() (EventType, error) {
	s, _, err := d.str()
	if err != nil {
		return "", err
	}
	return d.keepEventType(s), nil
}

// eventResource reads the resource an event embeds under rel.
func (d *jsonDecoder) eventResource(rel string) (*Resource, error) {
	r := Resource{Rel: rel}
	err := d.resource(&r)
	return d.keepResource(r), err
}

func (d *jsonDecoder) errorBody(e *Error) error {
	if d.peek() != '{' {
		return d.unexpected("'{'")
	}
	if err := d.errorObject(e, true); err != nil {
		return err
	}
	return d.end()
}

// errorObject reads an error body: {"code", "subcode", "message", "link",
// "parameters", "debugInfo", …}. An error body needs a "code" member (of
// any value), which is what tells it from another object; the reason of an
// event (needCode false) need not have one.
func (d *jsonDecoder) errorObject(e *Error, needCode bool) error {
	start := d.pos
	hasCode := false
	base, o := len(d.props), newOrder(errorCanon)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		c := d.cur() // the value's first byte (see cur)
		if c <= ' ' {
			c = d.skipWS()
		}
		var s string
		known := true // see events
		switch string(name) {
		case "code":
			hasCode = true
			if known = c == '"'; known {
				o.field(d, 0)
				s, err = d.stringAt()
				e.Code = Code(s)
			}
		case "subcode":
			if known = c == '"'; known {
				o.field(d, 1)
				s, err = d.stringAt()
				e.Subcode = Subcode(s)
			}
		case "message":
			if known = c == '"'; known {
				o.field(d, 2)
				e.Message, err = d.stringAt()
			}
		case "link":
			if known = c == '{'; known {
				o.field(d, 3)
				e.Link = d.newLink()
				err = d.link(e.Link, otherLink)
			}
		case "parameters":
			if known = c == '{'; known {
				o.field(d, 4)
				e.hasParameters = true
				e.Parameters, err = d.bag()
			}
		case "debugInfo":
			if known = c == '{'; known {
				o.field(d, 5)
				e.hasDebugInfo = true
				e.DebugInfo, err = d.bag()
			}
		default:
			known = false
		}
		if !known {
			err = d.extraMember(&o, name)
		}
	}
	e.Extra = d.takeProps(base)
	e.order = d.takeOrder(&o, e.jsonCanonWrite(needCode))
	if err == nil && needCode && !hasCode {
		return d.fail(ErrStructure, start, "error body has no code")
	}
	return err
}
