package ucwa

// The XML model builder of event-channel responses and of error bodies (an
// event's reason is one): elements with fields, each a child element or
// attribute of a known name and form. An element of another name, or of
// another form than its field's, is kept in Extra as it came.

func (d *xmlDecoder) events(ev *Events) error {
	if err := d.root("events"); err != nil {
		return err
	}
	if err := d.selfLink(false); err != nil {
		return err
	}
	var err error
	if !d.empty {
		err = d.children(d.qname(), plainLinks, func(at int) error {
			switch string(d.local) {
			case "link":
				return d.link()
			case "sender":
				var s Sender
				err := d.sender(&s)
				d.endSender(s)
				return err
			case "property", "propertyList":
				return d.property()
			}
			return d.extraElement(at)
		})
	}
	ev.Senders = d.takeSenders(&d.slabs)
	ev.Links = d.takeLinks(0)
	ev.Extra, err = d.takeExtra(0, err)
	if err != nil {
		return err
	}
	return d.end()
}

func (d *xmlDecoder) sender(s *Sender) error {
	var hasRel, hasHref bool
	s.Rel, hasRel = d.attr("rel")
	s.Href, hasHref = d.attr("href")
	if len(d.attrs) > b2i(hasRel)+b2i(hasHref) {
		// Attributes other than rel and href: the sender's extra members.
		pbase := len(d.props)
		if _, err := d.otherAttrs(false, "rel", "href"); err != nil {
			return err
		}
		s.Extra, _ = d.takeProps(pbase) // attribute names are unique already
	}
	d.pushStep("sender", "rel", s.Rel)
	if d.empty {
		d.popStep()
		return nil
	}
	err := d.children(d.qname(), 0, func(at int) error {
		e := Event{Type: d.keepEventType(d.local)}
		d.pushStep(string(e.Type), "", "")
		err := d.event(&e)
		d.popStep()
		d.evs = append(d.evs, e)
		return err
	})
	if err == nil {
		d.popStep()
	}
	return err
}

// event reads the event element just started: <added rel href> with
// optional <resource>, <in/>, <status> and <reason> children.
func (d *xmlDecoder) event(e *Event) error {
	if err := d.linkAttrs(&e.Link, eventLink); err != nil {
		return err
	}
	if d.empty {
		return nil
	}
	qn := d.qname()
	base := len(d.props)
	hasStatus := false
	err := d.children(qn, 0, func(at int) error {
		switch string(d.local) {
		case "resource":
			if e.Resource != nil {
				return d.fail(ErrStructure, at, "an event embeds more than one resource")
			}
			var err error
			e.Resource, err = d.eventResource()
			return err
		case "in":
			if e.In != nil {
				return d.fail(ErrStructure, at, "an event has more than one <in>")
			}
			e.In = d.newLink()
			if err := d.linkAttrs(e.In, eventLink); err != nil {
				return err
			}
			return d.skipEmpty()
		case "status":
			if hasStatus {
				return d.fail(ErrStructure, at, "an event has more than one <status>")
			}
			hasStatus = true
			var err error
			e.Status, _, err = d.textField("status", at)
			return err
		case "reason":
			if e.Reason != nil {
				return d.fail(ErrStructure, at, "an event has more than one <reason>")
			}
			e.Reason = d.newError()
			d.pushStep("reason", "", "")
			if err := d.reason(e.Reason, false); err != nil {
				return err
			}
			d.popStep()
			return nil
		case "property", "propertyList":
			return d.property()
		}
		return d.extraElement(at)
	})
	e.Extra, err = d.takeExtra(base, err)
	return err
}

// extraValue reads the element just started at offset at, an <item> or an
// extra element, as a <property> is read, its attributes included (see
// Value.Attrs): text, <item> children, <property> children, or nothing
// (null).
func (d *xmlDecoder) extraValue(at int) (Value, error) {
	var va valueAttrs
	if len(d.attrs) > 0 {
		var err error
		if va, err = d.valueAttrs(); err != nil {
			return Value{}, err
		}
	}
	v, err := d.elemValue(true)
	if err == nil && (va.isNil || va.attrs != nil) {
		v, err = d.withValueAttrs(v, va, at)
	}
	return v, err
}

// extraElement reads the element just started at offset at, a child of
// <events>, of an event element or of <reason> that this package does not
// know, onto d.props: a property named after it (see extraValue).
func (d *xmlDecoder) extraElement(at int) error {
	local := d.local // a slice of buf, which the reads below leave alone
	d.pushStep(string(local), "", "")
	v, err := d.extraValue(at)
	if err != nil {
		return err
	}
	d.popStep()
	d.pushProp(d.keep(local), v, at)
	return nil
}

// textField reads the element just started at offset at, named name, whose
// field holds text (<code>, <status>, …): it returns the text of a scalar
// without attributes. Anything else (null, <code/>, a list, a bag, a value
// with attributes) does not fit the field: it is pushed onto d.props, an
// extra member as it came, and isText is false.
func (d *xmlDecoder) textField(name string, at int) (text string, isText bool, err error) {
	d.pushStep(name, "", "")
	v, err := d.extraValue(at)
	if err != nil {
		return "", false, err
	}
	d.popStep()
	switch v.kids {
	case &scalarKids[KindString], &scalarKids[KindBool], &scalarKids[KindDate]:
		return v.text, true, nil
	}
	d.pushProp(name, v, at)
	return "", false, nil
}

// takeExtra takes the properties extraElement pushed since base, refusing
// a repeated name, and returns them with err, the error of the reading, or
// else that refusal.
func (d *xmlDecoder) takeExtra(base int, err error) ([]Property, error) {
	extra, dupErr := d.takeProps(base)
	if err == nil {
		err = dupErr
	}
	return extra, err
}

func (d *xmlDecoder) errorBody(e *Error) error {
	if err := d.root("reason"); err != nil {
		return err
	}
	if err := d.reason(e, true); err != nil {
		return err
	}
	return d.end()
}

// reason reads the <reason> just started: <code>, <subcode>, <message>,
// <link/>, <parameters>, <debugInfo>, and any other element, kept in Extra
// (see extraElement and textField). An error body needs a <code> (of any
// content), which is what tells it from another element; the reason of an
// event (needCode false) need not have one.
func (d *xmlDecoder) reason(e *Error, needCode bool) error {
	start := d.pos
	if err := d.onlyAttrs(); err != nil {
		return err
	}
	hasCode := false
	pbase := len(d.props)
	var err error
	if !d.empty {
		err = d.children(d.qname(), 0, func(at int) error {
			switch string(d.local) {
			case "code":
				s, _, err := d.textField("code", at)
				e.Code, hasCode = Code(s), true
				return err
			case "subcode":
				s, _, err := d.textField("subcode", at)
				e.Subcode = Subcode(s)
				return err
			case "message":
				var err error
				e.Message, _, err = d.textField("message", at)
				return err
			case "link":
				e.Link = d.newLink()
				if err := d.linkAttrs(e.Link, otherLink); err != nil {
					return err
				}
				return d.skipEmpty()
			case "parameters", "debugInfo":
				return d.errorBag(e, at)
			case "property", "propertyList":
				return d.property()
			}
			return d.extraElement(at)
		})
	}
	e.Extra, err = d.takeExtra(pbase, err)
	if !hasCode {
		// A code that is not text, as JSON's {"code": []}, is written as
		// <propertyList name="code">: an extra named code is a code too.
		_, hasCode = Lookup(e.Extra, "code")
	}
	if err == nil && needCode && !hasCode {
		return d.fail(ErrStructure, start, "<reason> has no <code>")
	}
	return err
}

// errorBag reads the <parameters> or <debugInfo> of an error body just
// started at offset at. Property children, or none (<parameters/>), are the
// field's; anything else (text, items, attributes) does not fit it, and is
// kept in Extra as it came.
func (d *xmlDecoder) errorBag(e *Error, at int) error {
	name := "parameters"
	if string(d.local) == "debugInfo" {
		name = "debugInfo"
	}
	pbase := len(d.props)
	if err := d.extraElement(at); err != nil {
		return err
	}
	v := d.props[pbase].Value
	switch k := v.kids; {
	case k == &scalarKids[KindNull] || k == &scalarKids[KindString] && v.text == "" || k.kind == KindBag:
		ps := v.Bag()
		d.popProps(pbase)
		if name == "parameters" {
			e.Parameters, e.hasParameters = ps, true
		} else {
			e.DebugInfo, e.hasDebugInfo = ps, true
		}
	}
	return nil
}
