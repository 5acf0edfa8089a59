package ucwa

// The XML encoder of event-channel responses and of error bodies: elements
// with fields, then their extra members as child elements (appendXMLExtra),
// in a form the decoder reads back into Extra.

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
		return dst, &EncodeError{Format: XML, Path: "/type", Err: ErrInvalidValue, Msg: "event type " + quoteCut(t) +
			" cannot name an element"}
	}
	dst = append(dst, '<')
	dst = append(dst, t...)
	dst, err := appendXMLLinkAttrs(dst, &e.Link, !e.Link.noRel)
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
				return dst, &EncodeError{Format: XML, Path: "/" + jsonPointerToken(p.Name), Err: ErrInvalidValue,
					Msg: "extra element repeats a field"}
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
