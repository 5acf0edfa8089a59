package ucwa

import (
	"bytes"
	"strings"
)

// The JSON encoder of event-channel responses and of error bodies: objects
// with fields, whose members jsonSeq puts in order, the encoder's own or, for
// a value decoded from JSON, the order the decoder recorded (see
// memberOrder).

// The members an object of each kind has fields for, as codes in the order
// the encoder writes them (see jsonSeq), and their names.
const (
	eventsCanon = "ls"     // _links, sender
	senderCanon = "rhe"    // rel, href, events
	eventCanon  = "liesrt" // link, in, _embedded, status, reason, type
	errorCanon  = "csmlpd" // code, subcode, message, link, parameters, debugInfo
)

var (
	eventsNames = [...]string{"_links", "sender"}
	senderNames = [...]string{"rel", "href", "events"}
	eventNames  = [...]string{"link", "in", "_embedded", "status", "reason", "type"}
	errorNames  = [...]string{"code", "subcode", "message", "link", "parameters", "debugInfo"}
)

// jsonSeq appends to buf the members to write of an object whose fields
// have the codes of canon, and which has nExtra extra members ('x'), in the
// order to write them.
//
// Without a record of the order the object was read in, it is the
// encoder's own: the fields canonWrite marks (bit k for canon[k]), then the
// extra members. With one (record: "j" and the codes of the members as
// read, which a decoder keeps when they came in another order, or with
// members the encoder would leave out, such as "status": ""), it is the
// record's, keeping the fields canWrite marks (those a value can still
// write: a pointer field that is now nil cannot) and as many extra members
// as there are; then the fields the record lacks that nonZero marks, in
// canon's order, and the extra members it lacks. So a body decoded from
// JSON re-encodes token for token, and a value changed since writes what it
// now holds.
//
// An empty field whose member an extra member has (shadow: "code": null is
// kept in Extra, with Code "") is not written: the extra member is.
func jsonSeq(buf []byte, record, canon string, canonWrite, canWrite, nonZero, shadow uint16, nExtra int) []byte {
	x := 0
	canonWrite &^= shadow &^ nonZero
	canWrite &^= shadow &^ nonZero
	if record == "" {
		for k := 0; k < len(canon); k++ {
			if canonWrite&(1<<k) != 0 {
				buf = append(buf, canon[k])
			}
		}
	} else {
		var done uint16
		for i := 1; i < len(record); i++ {
			c := record[i]
			if c == 'x' {
				if x < nExtra {
					buf = append(buf, 'x')
					x++
				}
				continue
			}
			k := strings.IndexByte(canon, c)
			if k < 0 || done&(1<<k) != 0 || canWrite&(1<<k) == 0 {
				continue
			}
			done |= 1 << k
			buf = append(buf, c)
		}
		for k := 0; k < len(canon); k++ {
			if done&(1<<k) == 0 && nonZero&(1<<k) != 0 {
				buf = append(buf, canon[k])
			}
		}
	}
	for ; x < nExtra; x++ {
		buf = append(buf, 'x')
	}
	return buf
}

// checkExtra refuses extra members that repeat one another, or a field's
// member that seq writes (names[k] is the member of canon[k]).
func checkExtra(f Format, seq []byte, canon string, names []string, extra []Property) *EncodeError {
	if len(extra) == 0 {
		return nil
	}
	if err := checkNames(f, extra); err != nil {
		return err
	}
	for i := range extra {
		for k, n := range names {
			if extra[i].Name == n && bytes.IndexByte(seq, canon[k]) >= 0 {
				return &EncodeError{Format: f, Path: "/" + jsonPointerToken(n), Err: ErrInvalidValue,
					Msg: "extra member repeats a field"}
			}
		}
	}
	return nil
}

// shadowOf returns the mask of the fields (names[k] is the member of bit k)
// whose member an extra member has.
func shadowOf(names []string, extra []Property) uint16 {
	var m uint16
	for i := range extra {
		for k, n := range names {
			if extra[i].Name == n {
				m |= 1 << k
			}
		}
	}
	return m
}

// bit returns 1<<k when b is true, for the masks of jsonSeq.
func bit(k int, b bool) uint16 {
	if b {
		return 1 << k
	}
	return 0
}

// The masks of jsonSeq for each kind of object: jsonCanonWrite is
// canonWrite; jsonMasks gives canWrite and nonZero.
func (ev *Events) jsonCanonWrite() uint16 { return 3 }

func (ev *Events) jsonMasks() (canWrite, nonZero uint16) {
	return 3, bit(0, len(ev.Links) > 0) | bit(1, len(ev.Senders) > 0)
}

func (s *Sender) jsonCanonWrite() uint16 { return 7 }

func (s *Sender) jsonMasks() (canWrite, nonZero uint16) {
	return 7, bit(0, s.Rel != "") | bit(1, s.Href != "") | bit(2, len(s.Events) > 0)
}

func (e *Event) jsonCanonWrite() uint16 {
	return 1 | bit(1, e.In != nil) | bit(2, e.Resource != nil) | bit(3, e.Status != "") | bit(4, e.Reason != nil) | 1<<5
}

func (e *Event) jsonMasks() (canWrite, nonZero uint16) {
	l := &e.Link
	ptrs := bit(1, e.In != nil) | bit(2, e.Resource != nil) | bit(4, e.Reason != nil)
	return 1 | ptrs | 1<<3 | 1<<5,
		bit(0, l.Rel != "" || l.Href != "" || len(l.Attrs) > 0) | ptrs | bit(3, e.Status != "") | bit(5, e.Type != "")
}

// jsonCanonWrite is canonWrite for an error body (root) or an event's
// reason, which need not have a code.
func (e *Error) jsonCanonWrite(root bool) uint16 {
	return bit(0, root || e.Code != "") | bit(1, e.Subcode != "") | bit(2, e.Message != "") | bit(3, e.Link != nil) |
		bit(4, e.hasParameters || len(e.Parameters) > 0) | bit(5, e.hasDebugInfo || len(e.DebugInfo) > 0)
}

func (e *Error) jsonMasks() (canWrite, nonZero uint16) {
	return 1<<0 | 1<<1 | 1<<2 | bit(3, e.Link != nil) | 1<<4 | 1<<5, e.jsonCanonWrite(false)
}

func appendJSONEvents(dst []byte, ev *Events) ([]byte, *EncodeError) {
	var buf [8]byte
	canWrite, nonZero := ev.jsonMasks()
	seq := jsonSeq(buf[:0], ev.order, eventsCanon, ev.jsonCanonWrite(), canWrite, nonZero,
		shadowOf(eventsNames[:], ev.Extra), len(ev.Extra))
	if err := checkExtra(JSON, seq, eventsCanon, eventsNames[:], ev.Extra); err != nil {
		return dst, err
	}
	dst = append(dst, '{')
	x := 0
	for i, c := range seq {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err *EncodeError
		switch c {
		case 'l':
			dst = append(dst, `"_links":`...)
			dst, err = appendJSONLinkSet(dst, ev.Links, nil)
		case 's':
			dst = append(dst, `"sender":[`...)
			for i := range ev.Senders {
				if i > 0 {
					dst = append(dst, ',')
				}
				if dst, err = appendJSONSender(dst, &ev.Senders[i]); err != nil {
					err.Path = "/sender/" + itoa(i) + err.Path
					return dst, err
				}
			}
			dst = append(dst, ']')
		case 'x':
			dst, err = appendJSONMember(dst, &ev.Extra[x])
			x++
		}
		if err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

func appendJSONSender(dst []byte, s *Sender) ([]byte, *EncodeError) {
	var buf [8]byte
	canWrite, nonZero := s.jsonMasks()
	seq := jsonSeq(buf[:0], s.order, senderCanon, s.jsonCanonWrite(), canWrite, nonZero,
		shadowOf(senderNames[:], s.Extra), len(s.Extra))
	if err := checkExtra(JSON, seq, senderCanon, senderNames[:], s.Extra); err != nil {
		return dst, err
	}
	dst = append(dst, '{')
	x := 0
	for i, c := range seq {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err *EncodeError
		var ok bool
		switch c {
		case 'r':
			if dst, ok = appendJSONString(append(dst, `"rel":`...), s.Rel); !ok {
				return dst, jsonStringError("/rel", s.Rel)
			}
		case 'h':
			if dst, ok = appendJSONString(append(dst, `"href":`...), s.Href); !ok {
				return dst, jsonStringError("/href", s.Href)
			}
		case 'e':
			dst = append(dst, `"events":[`...)
			for j := range s.Events {
				if j > 0 {
					dst = append(dst, ',')
				}
				if dst, err = appendJSONEvent(dst, &s.Events[j]); err != nil {
					err.Path = "/events/" + itoa(j) + err.Path
					return dst, err
				}
			}
			dst = append(dst, ']')
		case 'x':
			dst, err = appendJSONMember(dst, &s.Extra[x])
			x++
		}
		if err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

func appendJSONEvent(dst []byte, e *Event) ([]byte, *EncodeError) {
	var buf [16]byte
	canWrite, nonZero := e.jsonMasks()
	seq := jsonSeq(buf[:0], e.order, eventCanon, e.jsonCanonWrite(), canWrite, nonZero,
		shadowOf(eventNames[:], e.Extra), len(e.Extra))
	if err := checkExtra(JSON, seq, eventCanon, eventNames[:], e.Extra); err != nil {
		return dst, err
	}
	dst = append(dst, '{')
	x := 0
	for i, c := range seq {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err *EncodeError
		var ok bool
		switch c {
		case 'l':
			if dst, err = appendJSONLink(append(dst, `"link":`...), &e.Link, !e.Link.noRel); err != nil {
				err.Path = "/link" + err.Path
			}
		case 'i':
			if dst, err = appendJSONLink(append(dst, `"in":`...), e.In, !e.In.noRel); err != nil {
				err.Path = "/in" + err.Path
			}
		case 'e':
			dst = append(dst, `"_embedded":{`...)
			if dst, err = appendJSONName(dst, e.Resource.Rel); err != nil {
				err.Path = "/_embedded" + err.Path
				return dst, err
			}
			if dst, err = appendJSONResource(dst, e.Resource, ""); err != nil {
				err.Path = "/_embedded/" + jsonPointerToken(e.Resource.Rel) + err.Path
				return dst, err
			}
			dst = append(dst, '}')
		case 's':
			if dst, ok = appendJSONString(append(dst, `"status":`...), e.Status); !ok {
				return dst, jsonStringError("/status", e.Status)
			}
		case 'r':
			if dst, err = appendJSONError(append(dst, `"reason":`...), e.Reason, false); err != nil {
				err.Path = "/reason" + err.Path
			}
		case 't':
			if dst, ok = appendJSONString(append(dst, `"type":`...), string(e.Type)); !ok {
				return dst, jsonStringError("/type", string(e.Type))
			}
		case 'x':
			dst, err = appendJSONMember(dst, &e.Extra[x])
			x++
		}
		if err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

// appendJSONError appends an error body (root) or the reason of an event.
func appendJSONError(dst []byte, e *Error, root bool) ([]byte, *EncodeError) {
	var buf [16]byte
	canWrite, nonZero := e.jsonMasks()
	seq := jsonSeq(buf[:0], e.order, errorCanon, e.jsonCanonWrite(root), canWrite, nonZero,
		shadowOf(errorNames[:], e.Extra), len(e.Extra))
	if err := checkExtra(JSON, seq, errorCanon, errorNames[:], e.Extra); err != nil {
		return dst, err
	}
	dst = append(dst, '{')
	x := 0
	for i, c := range seq {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err *EncodeError
		var ok bool
		switch c {
		case 'c':
			if dst, ok = appendJSONString(append(dst, `"code":`...), string(e.Code)); !ok {
				return dst, jsonStringError("/code", string(e.Code))
			}
		case 's':
			if dst, ok = appendJSONString(append(dst, `"subcode":`...), string(e.Subcode)); !ok {
				return dst, jsonStringError("/subcode", string(e.Subcode))
			}
		case 'm':
			if dst, ok = appendJSONString(append(dst, `"message":`...), e.Message); !ok {
				return dst, jsonStringError("/message", e.Message)
			}
		case 'l':
			if dst, err = appendJSONLink(append(dst, `"link":`...), e.Link, e.Link.Rel != ""); err != nil {
				err.Path = "/link" + err.Path
			}
		case 'p':
			if dst, err = appendJSONMembers(append(dst, `"parameters":{`...), e.Parameters); err != nil {
				err.Path = "/parameters" + err.Path
				return dst, err
			}
			dst = append(dst, '}')
		case 'd':
			if dst, err = appendJSONMembers(append(dst, `"debugInfo":{`...), e.DebugInfo); err != nil {
				err.Path = "/debugInfo" + err.Path
				return dst, err
			}
			dst = append(dst, '}')
		case 'x':
			dst, err = appendJSONMember(dst, &e.Extra[x])
			x++
		}
		if err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}
