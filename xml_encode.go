package ucwa

import (
	"encoding/binary"
	"slices"
	"unicode/utf8"
)

// The XML encoder: AppendXML of inputs, resources, event-channel responses
// and error bodies, and what they are made of: text and attribute values,
// properties and their values, links, resources. What XML cannot carry (a
// character XML 1.0 forbids, an empty bag, a name that is not an XML name)
// is an *EncodeError that names it, and the body is not written.
// Event-channel responses and error bodies are written in
// xml_encode_events.go.

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
			dst = append(dst,
				byte(lo), byte(lo>>8), byte(lo>>16), byte(lo>>24),
				byte(lo>>32), byte(lo>>40), byte(lo>>48), byte(lo>>56),
				byte(hi), byte(hi>>8), byte(hi>>16), byte(hi>>24),
				byte(hi>>32), byte(hi>>40), byte(hi>>48), byte(hi>>56))
		}
		lo, hi := load64(s[n-16:]), load64(s[n-8:])
		marks |= xmlMarks(lo) | xmlMarks(hi)
		dst = dst[:len(dst)-(i-(n-16))]
		dst = append(dst,
			byte(lo), byte(lo>>8), byte(lo>>16), byte(lo>>24),
			byte(lo>>32), byte(lo>>40), byte(lo>>48), byte(lo>>56),
			byte(hi), byte(hi>>8), byte(hi>>16), byte(hi>>24),
			byte(hi>>32), byte(hi>>40), byte(hi>>48), byte(hi>>56))
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
	return dst, &EncodeError{Format: XML, Err: ErrInvalidValue, Msg: "a " + v.Kind().String() +
		" value is not a scalar"}
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
			return dst, &EncodeError{Format: XML, Err: ErrInvalidValue,
				Msg: "an empty list inside a list has no XML form"}
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
			return dst, &EncodeError{Format: XML, Path: "@" + a.Name, Err: ErrInvalidValue,
				Msg: "attribute repeats a field"}
		case !isNCName(a.Name):
			return dst, &EncodeError{Format: XML, Path: "@" + a.Name, Err: ErrInvalidValue,
				Msg: "not an XML attribute name"}
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
			return dst, &EncodeError{Format: XML, Path: "@" + a.Name, Err: ErrInvalidValue,
				Msg: "a " + a.Value.Kind().String() + " attribute has no XML form"}
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

// appendXMLValueAttrs appends the XML attributes of v (see Value.Attrs), on
// the element that holds it, whose name is not an attribute.
func appendXMLValueAttrs(dst []byte, v Value) ([]byte, *EncodeError) {
	if v.kids == nil || v.kids.kind&hasAttrs == 0 {
		return dst, nil
	}
	return appendXMLAttrs(dst, v.kids.attrs())
}
