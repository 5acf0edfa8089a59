package ucwa

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode/utf8"
)

const (
	xmlDecl   = `<?xml version="1.0" encoding="utf-8"?>`
	xmlnsAttr = ` xmlns="` + Namespace + `"`
)

// AppendXML appends the XML form of in to dst: the XML declaration, then an
// <input> element in the UCWA namespace holding a <property> (or
// <propertyList>) per property, in order, then a <link> per link. It
// allocates nothing when dst has room.
func (in *Input) AppendXML(dst []byte) ([]byte, error) {
	n := len(dst)
	dst = append(dst, xmlDecl+`<input`+xmlnsAttr+`>`...)
	dst, err := appendXMLProperties(dst, in.Properties)
	if err == nil {
		dst, err = appendXMLLinks(dst, in.Links, false)
	}
	if err != nil {
		return dst[:n], err
	}
	return append(dst, "</input>"...), nil
}

// AppendXML appends the XML form of r to dst: <resource rel="…" href="…">
// with the links, the properties and the embedded resources in that order.
// The rel attribute is written when r.Rel is set, the href attribute from the
// first self link. It allocates nothing when dst has room.
//
// A resource read from an XML <input> (a PUT body, as the reference writes
// some) is written back as one, properties then links, while it has no rel
// and no embedded resources, which an <input> cannot hold.
func (r *Resource) AppendXML(dst []byte) ([]byte, error) {
	n := len(dst)
	dst = append(dst, xmlDecl...)
	var err *EncodeError
	if r.asInput && r.Rel == "" && len(r.Embedded) == 0 {
		dst = append(dst, `<input`+xmlnsAttr+`>`...)
		if dst, err = appendXMLProperties(dst, r.Properties); err == nil {
			dst, err = appendXMLLinks(dst, r.Links, false)
		}
		dst = append(dst, "</input>"...)
	} else {
		dst, err = appendXMLResource(dst, r, true)
	}
	if err != nil {
		return dst[:n], err
	}
	return dst, nil
}

// AppendXML appends the XML form of ev to dst. See [Events] for the form of
// the parts the reference does not show.
func (ev *Events) AppendXML(dst []byte) ([]byte, error) {
	n := len(dst)
	dst, err := appendXMLEvents(dst, ev)
	if err != nil {
		return dst[:n], err
	}
	return dst, nil
}

// AppendXML appends the XML error body of e to dst: a <reason> element.
// Status and Cause are not part of a body and are not written.
func (e *Error) AppendXML(dst []byte) ([]byte, error) {
	n := len(dst)
	dst = append(dst, xmlDecl...)
	dst, err := appendXMLReason(dst, e, true)
	if err != nil {
		return dst[:n], err
	}
	return dst, nil
}

// xmlText marks the bytes that need attention in text and attribute values:
// markup characters, quotes, white space other than space (which attribute
// values would normalize, and CR which text would), control characters, and
// the bytes of multi-byte sequences (to validate).
var xmlText = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"' || c >= 0x80
	}
	return t
}()

// xmlHits is jsonHits for XML: the bytes that need attention in text and
// attribute values. b|2 is '>' for both '<' and '>', b|4 is '&' for both '&'
// and '"', so two tests find four characters.
func xmlHits(w uint64) uint64 { return xmlMarks(w) & msb }

// xmlMarks is xmlHits before the high bits are picked out, as jsonMarks.
func xmlMarks(w uint64) uint64 {
	gt := (w | 0x02*lsb) ^ ('>' * lsb)
	amp := (w | 0x04*lsb) ^ ('&' * lsb)
	return (w - 0x20*lsb) | (gt - lsb) | (amp - lsb) | w
}

// xmlPlainPrefix returns the length of the longest prefix of s that XML text
// and attribute values hold as it is; see jsonPlainPrefix.
func xmlPlainPrefix(s string) int {
	n := len(s)
	if n < 8 {
		i := 0
		for i < n && !xmlText[s[i]] {
			i++
		}
		return i
	}
	i := 0
	for ; i+8 <= n; i += 8 {
		if hit := xmlHits(load64(s[i : i+8])); hit != 0 {
			return i + bits.TrailingZeros64(hit)/8
		}
	}
	if i == n {
		return n
	}
	if hit := xmlHits(load64(s[n-8:])) &^ (1<<(8*(i-(n-8))) - 1); hit != 0 {
		return n - 8 + bits.TrailingZeros64(hit)/8
	}
	return n
}

// appendXMLPlain is appendJSONQuoted for XML, without quotes: it appends s
// and reports whether XML text and attribute values hold s as it is. It
// reads s as appendJSONQuoted does, with xmlMarks.
func appendXMLPlain(dst []byte, s string) ([]byte, bool) {
	n := len(s)
	var marks uint64
	switch {
	case n >= 16:
		i := 0
		for ; i < n-16; i += 16 {
			lo, hi := load64(s[i:]), load64(s[i+8:])
			marks |= xmlMarks(lo) | xmlMarks(hi)
			dst = append(dst, byte(lo), byte(lo>>8), byte(lo>>16), byte(lo>>24), byte(lo>>32), byte(lo>>40), byte(lo>>48), byte(lo>>56),
				byte(hi), byte(hi>>8), byte(hi>>16), byte(hi>>24), byte(hi>>32), byte(hi>>40), byte(hi>>48), byte(hi>>56))
		}
		lo, hi := load64(s[n-16:]), load64(s[n-8:])
		marks |= xmlMarks(lo) | xmlMarks(hi)
		dst = dst[:len(dst)-(i-(n-16))]
		dst = append(dst, byte(lo), byte(lo>>8), byte(lo>>16), byte(lo>>24), byte(lo>>32), byte(lo>>40), byte(lo>>48), byte(lo>>56),
			byte(hi), byte(hi>>8), byte(hi>>16), byte(hi>>24), byte(hi>>32), byte(hi>>40), byte(hi>>48), byte(hi>>56))
	case n >= 8:
		lo, hi := load64(s), load64(s[n-8:])
		marks = xmlMarks(lo) | xmlMarks(hi)
		dst = binary.LittleEndian.AppendUint64(dst, lo)
		dst = binary.LittleEndian.AppendUint64(dst[:len(dst)-(16-n)], hi)
	case n >= 4:
		lo, hi := load32(s), load32(s[n-4:])
		marks = xmlMarks(uint64(lo) | uint64(hi)<<32)
		dst = binary.LittleEndian.AppendUint32(dst, lo)
		dst = binary.LittleEndian.AppendUint32(dst[:len(dst)-(8-n)], hi)
	case n > 0:
		marks = xmlMarks(uint64(s[0])|uint64(s[n/2])<<8|uint64(s[n-1])<<16) & 0xFFFFFF
		dst = append(dst, s...)
	}
	return dst, marks&msb == 0
}

// appendXMLEscaped appends s escaped for text (attr false) or for a
// double-quoted attribute value (attr true). It reports false when s holds
// something XML 1.0 cannot carry: invalid UTF-8, a C0 control other than tab,
// LF and CR, U+FFFE or U+FFFF.
//
// Most strings need no escape and take appendXMLPlain; the others
// appendXMLEscapedRuns.
func appendXMLEscaped(dst []byte, s string, attr bool) ([]byte, bool) {
	if d, plain := appendXMLPlain(dst, s); plain {
		return d, true
	}
	return appendXMLEscapedRuns(dst, s, attr)
}

// appendXMLEscapedRuns is appendXMLEscaped for strings that need escapes or
// validation: it copies the runs that need none in bulk.
func appendXMLEscapedRuns(dst []byte, s string, attr bool) ([]byte, bool) {
	for {
		n := xmlPlainPrefix(s)
		dst = append(dst, s[:n]...)
		if n == len(s) {
			return dst, true
		}
		s = s[n:]
		c := s[0]
		var esc string
		switch c {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '"':
			esc = "&quot;"
			if !attr {
				esc = `"`
			}
		case '\r':
			esc = "&#13;"
		case '\n':
			esc = "&#10;"
			if !attr {
				esc = "\n"
			}
		case '\t':
			esc = "&#9;"
			if !attr {
				esc = "\t"
			}
		default:
			if c < 0x20 {
				return dst, false
			}
			r, size := utf8.DecodeRuneInString(s)
			if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
				return dst, false
			}
			dst = append(dst, s[:size]...)
			s = s[size:]
			continue
		}
		dst = append(dst, esc...)
		s = s[1:]
	}
}

func xmlValueError(path, s string) *EncodeError {
	msg := "invalid UTF-8"
	if utf8.ValidString(s) {
		msg = "a character XML 1.0 cannot carry"
	}
	return &EncodeError{Format: XML, Path: path, Err: ErrInvalidValue, Msg: msg}
}

// appendXMLAttr appends ` name="value"`.
func appendXMLAttr(dst []byte, name, value string) ([]byte, *EncodeError) {
	dst = append(dst, ' ')
	dst = append(dst, name...)
	dst = append(dst, '=', '"')
	dst, ok := appendXMLEscaped(dst, value, true)
	if !ok {
		return dst, xmlValueError("@"+name, value)
	}
	return append(dst, '"'), nil
}

// isNCName reports whether s can name an element or attribute without a
// namespace prefix. Names starting with "xml" are reserved for future use but
// well-formed, and the decoder reads them, so they are written; the one that
// would declare a namespace, the attribute "xmlns", is refused where
// attributes are written.
func isNCName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r < utf8.RuneSelf {
			c := byte(r)
			if c == ':' || !nameByte[c] || i == 0 && !nameStart[c] {
				return false
			}
		} else if r == utf8.RuneError || i == 0 && !isNameStartRune(r) || !isNameRune(r) {
			return false
		}
	}
	return true
}

// appendXMLScalar appends the text of a scalar value.
func appendXMLScalar(dst []byte, v Value) ([]byte, *EncodeError) {
	switch v.Kind() {
	case KindString, KindBool, KindNumber:
		dst, ok := appendXMLEscaped(dst, v.text, false)
		if !ok {
			return dst, xmlValueError("", v.text)
		}
		return dst, nil
	case KindDate:
		dst, ok := appendDateXML(dst, v.text)
		if !ok {
			return dst, &EncodeError{Format: XML, Err: ErrInvalidValue, Msg: "invalid date " + quoteCut(v.text)}
		}
		return dst, nil
	}
	return dst, &EncodeError{Format: XML, Err: ErrInvalidValue, Msg: "a " + v.Kind().String() + " value is not a scalar"}
}

// appendXMLContent appends the content of a <property> or <item> that holds v
// and closes it with end; a null closes the start tag as an empty element.
func appendXMLContent(dst []byte, v Value, end string) ([]byte, *EncodeError) {
	var err *EncodeError
	switch v.Kind() {
	case KindNull:
		return append(dst, "/>"...), nil
	case KindList:
		if len(v.List()) == 0 {
			return dst, &EncodeError{Format: XML, Err: ErrInvalidValue, Msg: "an empty list inside a list has no XML form"}
		}
		dst = append(dst, '>')
		for i, item := range v.List() {
			dst = append(dst, "<item"...)
			if dst, err = appendXMLValueAttrs(dst, item); err != nil {
				err.Path = "/" + itoa(i) + err.Path
				return dst, err
			}
			if dst, err = appendXMLContent(dst, item, "</item>"); err != nil {
				err.Path = "/" + itoa(i) + err.Path
				return dst, err
			}
		}
	case KindBag:
		if len(v.Bag()) == 0 {
			return dst, &EncodeError{Format: XML, Err: ErrInvalidValue, Msg: "an empty property bag has no XML form"}
		}
		dst = append(dst, '>')
		if dst, err = appendXMLProperties(dst, v.Bag()); err != nil {
			return dst, err
		}
	default:
		dst = append(dst, '>')
		if dst, err = appendXMLScalar(dst, v); err != nil {
			return dst, err
		}
	}
	return append(dst, end...), nil
}

// appendXMLProperties appends a <property> or <propertyList> per property.
func appendXMLProperties(dst []byte, ps []Property) ([]byte, *EncodeError) {
	if err := checkNames(XML, ps); err != nil {
		return dst, err
	}
	for i := range ps {
		p := &ps[i]
		var err *EncodeError
		if p.Value.Kind() == KindList {
			dst = append(dst, `<propertyList name="`...)
			var ok bool
			dst, ok = appendXMLEscaped(dst, p.Name, true)
			if !ok {
				return dst, xmlValueError("/"+jsonPointerToken(p.Name), p.Name)
			}
			dst = append(dst, '"')
			if k := p.Value.kids; k.kind&hasAttrs != 0 {
				if dst, err = appendXMLAttrs(dst, k.attrs(), "name"); err != nil {
					err.Path = "/" + jsonPointerToken(p.Name) + err.Path
					return dst, err
				}
			}
			dst = append(dst, '>')
			for j, item := range p.Value.List() {
				dst = append(dst, "<item"...)
				if dst, err = appendXMLValueAttrs(dst, item); err != nil {
					err.Path = "/" + jsonPointerToken(p.Name) + "/" + itoa(j) + err.Path
					return dst, err
				}
				if dst, err = appendXMLContent(dst, item, "</item>"); err != nil {
					err.Path = "/" + jsonPointerToken(p.Name) + "/" + itoa(j) + err.Path
					return dst, err
				}
			}
			dst = append(dst, "</propertyList>"...)
			continue
		}
		dst = append(dst, `<property name="`...)
		var ok bool
		dst, ok = appendXMLEscaped(dst, p.Name, true)
		if !ok {
			return dst, xmlValueError("/"+jsonPointerToken(p.Name), p.Name)
		}
		dst = append(dst, '"')
		if k := p.Value.kids; k != nil && k.kind&hasAttrs != 0 {
			if dst, err = appendXMLAttrs(dst, k.attrs(), "name"); err != nil {
				err.Path = "/" + jsonPointerToken(p.Name) + err.Path
				return dst, err
			}
		}
		if dst, err = appendXMLContent(dst, p.Value, "</property>"); err != nil {
			err.Path = "/" + jsonPointerToken(p.Name) + err.Path
			return dst, err
		}
	}
	return dst, nil
}

// appendXMLLinkAttrs appends the attributes of a link: rel, href (unless the
// link has none) and Attrs (title among them).
func appendXMLLinkAttrs(dst []byte, l *Link, withRel bool) ([]byte, *EncodeError) {
	var err *EncodeError
	if withRel {
		if dst, err = appendXMLAttr(dst, "rel", l.Rel); err != nil {
			return dst, err
		}
	}
	if !l.noHref {
		if dst, err = appendXMLAttr(dst, "href", l.Href); err != nil {
			return dst, err
		}
	}
	return appendXMLAttrs(dst, l.Attrs, "rel", "href")
}

// appendXMLAttrs appends attrs as attributes of an element whose own
// attributes are named fields: the names must be XML names that repeat
// neither one another nor a field (nor xmlns, a declaration), the values
// scalars (an attribute holds text: null, a list or a bag has no form).
func appendXMLAttrs(dst []byte, attrs []Property, fields ...string) ([]byte, *EncodeError) {
	if len(attrs) == 0 {
		return dst, nil
	}
	if err := checkNames(XML, attrs); err != nil {
		return dst, err
	}
	for i := range attrs {
		a := &attrs[i]
		switch {
		case a.Name == "xmlns" || slices.Contains(fields, a.Name):
			return dst, &EncodeError{Format: XML, Path: "@" + a.Name, Err: ErrInvalidValue, Msg: "attribute repeats a field"}
		case !isNCName(a.Name):
			return dst, &EncodeError{Format: XML, Path: "@" + a.Name, Err: ErrInvalidValue, Msg: "not an XML attribute name"}
		}
		dst = append(dst, ' ')
		dst = append(dst, a.Name...)
		dst = append(dst, '=', '"')
		switch a.Value.Kind() {
		case KindString, KindBool, KindNumber:
			var ok bool
			if dst, ok = appendXMLEscaped(dst, a.Value.text, true); !ok {
				return dst, xmlValueError("@"+a.Name, a.Value.text)
			}
		case KindDate:
			var ok bool
			if dst, ok = appendDateXML(dst, a.Value.text); !ok {
				return dst, &EncodeError{Format: XML, Path: "@" + a.Name, Err: ErrInvalidValue, Msg: "invalid date"}
			}
		default:
			return dst, &EncodeError{Format: XML, Path: "@" + a.Name, Err: ErrInvalidValue, Msg: "a " + a.Value.Kind().String() + " attribute has no XML form"}
		}
		dst = append(dst, '"')
	}
	return dst, nil
}

// appendXMLLinks appends a <link/> per link; skipSelf leaves out the first
// self link, which a <resource> carries as its href.
func appendXMLLinks(dst []byte, ls []Link, skipSelf bool) ([]byte, *EncodeError) {
	for i := range ls {
		if skipSelf && ls[i].Rel == "self" {
			skipSelf = false
			if selfInAttrs(&ls[i]) {
				continue
			}
		}
		dst = append(dst, "<link"...)
		var err *EncodeError
		if dst, err = appendXMLLinkAttrs(dst, &ls[i], true); err != nil {
			err.Path = "/link[" + itoa(i) + "]" + err.Path
			return dst, err
		}
		dst = append(dst, "/>"...)
	}
	return dst, nil
}

func appendXMLResource(dst []byte, r *Resource, root bool) ([]byte, *EncodeError) {
	dst = append(dst, "<resource"...)
	var err *EncodeError
	if r.Rel != "" {
		if dst, err = appendXMLAttr(dst, "rel", r.Rel); err != nil {
			return dst, err
		}
	}
	if dst, err = appendXMLSelf(dst, r.Links); err != nil {
		return dst, err
	}
	if root {
		dst = append(dst, xmlnsAttr...)
	}
	dst = append(dst, '>')
	if dst, err = appendXMLLinks(dst, r.Links, true); err != nil {
		return dst, err
	}
	if dst, err = appendXMLProperties(dst, r.Properties); err != nil {
		return dst, err
	}
	for i := range r.Embedded {
		if dst, err = appendXMLResource(dst, &r.Embedded[i], false); err != nil {
			err.Path = "/_embedded/" + jsonPointerToken(r.Embedded[i].Rel) + err.Path
			return dst, err
		}
	}
	return append(dst, "</resource>"...), nil
}

// selfInAttrs reports whether the self link l is carried by the attributes
// of its <resource> or <events>: when it has an href or attributes. A bare
// one (JSON's "self": {}) has nothing to put there, and is written as a
// <link rel="self"/> child, which reads back as the same link.
func selfInAttrs(l *Link) bool { return !l.noHref || len(l.Attrs) > 0 }

// appendXMLSelf appends the attributes of a <resource> or <events> that
// carry the first self link of ls, if any and if they can (see
// selfInAttrs): href (unless the link has none) and the link's Attrs.
func appendXMLSelf(dst []byte, ls []Link) ([]byte, *EncodeError) {
	for i := range ls {
		if self := &ls[i]; self.Rel == "self" {
			if !selfInAttrs(self) {
				return dst, nil
			}
			var err *EncodeError
			if !self.noHref {
				if dst, err = appendXMLAttr(dst, "href", self.Href); err != nil {
					return dst, err
				}
			}
			if dst, err = appendXMLAttrs(dst, self.Attrs, "rel", "href"); err != nil {
				err.Path = "/_links/self" + err.Path
			}
			return dst, err
		}
	}
	return dst, nil
}

func appendXMLEvents(dst []byte, ev *Events) ([]byte, *EncodeError) {
	dst = append(dst, xmlDecl+"<events"...)
	dst, err := appendXMLSelf(dst, ev.Links)
	if err != nil {
		return dst, err
	}
	dst = append(dst, xmlnsAttr+">"...)
	if dst, err = appendXMLLinks(dst, ev.Links, true); err != nil {
		return dst, err
	}
	for i := range ev.Senders {
		if dst, err = appendXMLSender(dst, &ev.Senders[i]); err != nil {
			err.Path = "/sender/" + itoa(i) + err.Path
			return dst, err
		}
	}
	hasLinks := len(ev.Links) > 1 || len(ev.Links) == 1 && ev.Links[0].Rel != "self"
	if dst, err = appendXMLExtra(dst, ev.Extra, eventsElems(hasLinks, len(ev.Senders) > 0)); err != nil {
		return dst, err
	}
	return append(dst, "</events>"...), nil
}

// appendXMLSender appends a <sender>: rel and href attributes, the extra
// members as attributes after them, and an element per event. An extra
// "rel" or "href" (a member that was not a string, kept in Extra) takes
// the place of an empty field.
func appendXMLSender(dst []byte, s *Sender) ([]byte, *EncodeError) {
	dst = append(dst, "<sender"...)
	var fields [2]string // the attributes the fields write
	var err *EncodeError
	for k, f := range [...]struct{ name, val string }{{"rel", s.Rel}, {"href", s.Href}} {
		if f.val == "" && hasProp(s.Extra, f.name) {
			continue
		}
		if dst, err = appendXMLAttr(dst, f.name, f.val); err != nil {
			return dst, err
		}
		fields[k] = f.name
	}
	if dst, err = appendXMLAttrs(dst, s.Extra, fields[0], fields[1]); err != nil {
		return dst, err
	}
	dst = append(dst, '>')
	for j := range s.Events {
		if dst, err = appendXMLEvent(dst, &s.Events[j]); err != nil {
			err.Path = "/events/" + itoa(j) + err.Path
			return dst, err
		}
	}
	return append(dst, "</sender>"...), nil
}

func appendXMLEvent(dst []byte, e *Event) ([]byte, *EncodeError) {
	t := string(e.Type)
	if !isNCName(t) {
		return dst, &EncodeError{Format: XML, Path: "/type", Err: ErrInvalidValue, Msg: "event type " + quoteCut(t) + " cannot name an element"}
	}
	dst = append(dst, '<')
	dst = append(dst, t...)
	dst, err := appendXMLLinkAttrs(dst, &e.Link, true)
	if err != nil {
		err.Path = "/link" + err.Path
		return dst, err
	}
	if e.In == nil && e.Resource == nil && e.Status == "" && e.Reason == nil && len(e.Extra) == 0 {
		return append(dst, "/>"...), nil
	}
	dst = append(dst, '>')
	if e.Resource != nil {
		if dst, err = appendXMLResource(dst, e.Resource, false); err != nil {
			err.Path = "/_embedded" + err.Path
			return dst, err
		}
	}
	if e.In != nil {
		dst = append(dst, "<in"...)
		if dst, err = appendXMLLinkAttrs(dst, e.In, e.In.Rel != ""); err != nil {
			err.Path = "/in" + err.Path
			return dst, err
		}
		dst = append(dst, "/>"...)
	}
	if e.Status != "" {
		dst = append(dst, "<status>"...)
		var ok bool
		if dst, ok = appendXMLEscaped(dst, e.Status, false); !ok {
			return dst, xmlValueError("/status", e.Status)
		}
		dst = append(dst, "</status>"...)
	}
	if e.Reason != nil {
		if dst, err = appendXMLReason(dst, e.Reason, false); err != nil {
			err.Path = "/reason" + err.Path
			return dst, err
		}
	}
	if dst, err = appendXMLExtra(dst, e.Extra, eventElems(e)); err != nil {
		return dst, err
	}
	dst = append(dst, "</"...)
	dst = append(dst, t...)
	return append(dst, '>'), nil
}

// appendXMLElemText appends <name>text</name>.
func appendXMLElemText(dst []byte, name, text string) ([]byte, *EncodeError) {
	dst = append(dst, '<')
	dst = append(dst, name...)
	dst = append(dst, '>')
	dst, ok := appendXMLEscaped(dst, text, false)
	if !ok {
		return dst, xmlValueError("/"+name, text)
	}
	dst = append(dst, "</"...)
	dst = append(dst, name...)
	return append(dst, '>'), nil
}

func appendXMLReason(dst []byte, e *Error, root bool) ([]byte, *EncodeError) {
	dst = append(dst, "<reason"...)
	if root {
		dst = append(dst, xmlnsAttr...)
	}
	dst = append(dst, '>')
	// An error body has a <code>; an event's reason need not, and an
	// extra "code" (a code that was not a string) takes the place of an
	// empty one.
	var err *EncodeError
	writeCode := e.Code != "" || root && !hasProp(e.Extra, "code")
	if writeCode {
		if dst, err = appendXMLElemText(dst, "code", string(e.Code)); err != nil {
			return dst, err
		}
	}
	if e.Subcode != "" {
		if dst, err = appendXMLElemText(dst, "subcode", string(e.Subcode)); err != nil {
			return dst, err
		}
	}
	if e.Message != "" {
		if dst, err = appendXMLElemText(dst, "message", e.Message); err != nil {
			return dst, err
		}
	}
	if e.Link != nil {
		dst = append(dst, "<link"...)
		if dst, err = appendXMLLinkAttrs(dst, e.Link, e.Link.Rel != ""); err != nil {
			err.Path = "/link" + err.Path
			return dst, err
		}
		dst = append(dst, "/>"...)
	}
	for k, ps := range [2][]Property{e.Parameters, e.DebugInfo} {
		name, has := "parameters", e.hasParameters
		if k == 1 {
			name, has = "debugInfo", e.hasDebugInfo
		}
		switch {
		case len(ps) > 0:
			dst = append(dst, '<')
			dst = append(dst, name...)
			dst = append(dst, '>')
			if dst, err = appendXMLProperties(dst, ps); err != nil {
				err.Path = "/" + name + err.Path
				return dst, err
			}
			dst = append(dst, "</"...)
			dst = append(dst, name...)
			dst = append(dst, '>')
		case has:
			dst = append(dst, '<')
			dst = append(dst, name...)
			dst = append(dst, "/>"...)
		}
	}
	if dst, err = appendXMLExtra(dst, e.Extra, reasonElems(e, writeCode)); err != nil {
		return dst, err
	}
	return append(dst, "</reason>"...), nil
}

// A childElem is a child element an element reads into a field, and how
// (see appendXMLExtra); written tells whether the field writes it.
type childElem struct {
	name    string
	form    childForm
	written bool
}

// childForm is how an element reads a child into a field.
type childForm uint8

const (
	structChild childForm = iota // link, sender, resource, in, reason: structure
	textChild                    // code, subcode, message, status: a scalar is the field's
	bagChild                     // parameters, debugInfo: properties or nothing are the field's
)

// eventsElems, eventElems and reasonElems are the child elements that
// <events>, an event element and <reason> read into their fields.
func eventsElems(links, senders bool) []childElem {
	return []childElem{{"link", structChild, links}, {"sender", structChild, senders}}
}

func eventElems(e *Event) []childElem {
	return []childElem{{"resource", structChild, e.Resource != nil}, {"in", structChild, e.In != nil},
		{"status", textChild, e.Status != ""}, {"reason", structChild, e.Reason != nil}}
}

func reasonElems(e *Error, code bool) []childElem {
	return []childElem{{"code", textChild, code}, {"subcode", textChild, e.Subcode != ""},
		{"message", textChild, e.Message != ""}, {"link", structChild, e.Link != nil},
		{"parameters", bagChild, e.hasParameters || len(e.Parameters) > 0},
		{"debugInfo", bagChild, e.hasDebugInfo || len(e.DebugInfo) > 0}}
}

// appendXMLExtra appends extra, the Extra of <events>, an event element or
// <reason>, as child elements after the others, with the content of a
// <property> (text, <item> children, <property> children, or nothing for
// null). Each is an element named after it, where the name can name an
// element and the element reads back as it: a field's child (elems) that
// the field does not write, when it is a text field's (<message/>, the
// null of a null message) or a bag field's holding what is not a bag
// (<debugInfo>text</debugInfo>). The others are written as <property
// name="…"> (or <propertyList>), which the decoders read back into Extra
// too, as is an empty list, which an element of its own cannot hold. Names
// must not repeat, nor a field's that is written.
func appendXMLExtra(dst []byte, extra []Property, elems []childElem) ([]byte, *EncodeError) {
	if err := checkNames(XML, extra); err != nil {
		return dst, err
	}
	for i := range extra {
		p := &extra[i]
		asElem := isNCName(p.Name) && p.Name != "property" && p.Name != "propertyList"
		for _, c := range elems {
			if c.name != p.Name {
				continue
			}
			if c.form != structChild && c.written {
				return dst, &EncodeError{Format: XML, Path: "/" + jsonPointerToken(p.Name), Err: ErrInvalidValue, Msg: "extra element repeats a field"}
			}
			switch k := p.Value.Kind(); c.form {
			case structChild:
				asElem = false
			case bagChild:
				asElem = asElem && k != KindNull && k != KindBag && !(k == KindString && p.Value.text == "")
			}
		}
		// An element holding an empty list would read back as the empty
		// string: a <propertyList> has a form for it.
		asElem = asElem && !(p.Value.Kind() == KindList && len(p.Value.List()) == 0)
		var err *EncodeError
		if !asElem {
			if dst, err = appendXMLProperties(dst, extra[i:i+1]); err != nil {
				return dst, err
			}
			continue
		}
		dst = append(dst, '<')
		dst = append(dst, p.Name...)
		if dst, err = appendXMLValueAttrs(dst, p.Value); err != nil {
			err.Path = "/" + jsonPointerToken(p.Name) + err.Path
			return dst, err
		}
		if dst, err = appendXMLContent(dst, p.Value, "</"+p.Name+">"); err != nil {
			err.Path = "/" + jsonPointerToken(p.Name) + err.Path
			return dst, err
		}
	}
	return dst, nil
}

// hasProp reports whether ps has a property named name.
func hasProp(ps []Property, name string) bool {
	_, ok := Lookup(ps, name)
	return ok
}

// appendXMLValueAttrs appends the XML attributes of v (see Value.Attrs), on
// the element that holds it, whose name is not an attribute.
func appendXMLValueAttrs(dst []byte, v Value) ([]byte, *EncodeError) {
	if v.kids == nil || v.kids.kind&hasAttrs == 0 {
		return dst, nil
	}
	return appendXMLAttrs(dst, v.kids.attrs())
}
