package ucwa

import "slices"

// The XML model builder: it reads values, properties, links, resources and
// inputs into the model with the tokenizer's steps (xml_scan.go,
// xml_tag.go), and keeps what they hold in the arena (arena.go). Event-channel
// responses and error bodies are read in xml_decode_events.go; the commonest
// links and properties take the fast paths of xml_fast.go.

// children reads the content of the element just started, whose qualified
// name is qn, calling child for each child element (d.local names it) with
// the element's path step pushed; child must read the element to its end.
// Text other than white space is refused. plain says which children child
// reads as d.link, d.property and a list's items are read: plainLink,
// plainProperty and plainItem then read those that they can, without child.
func (d *xmlDecoder) children(qn []byte, plain plainKids, child func(at int) error) error {
	for {
		// The common cases, white space and then a start tag or the end
		// tag, without tokens: the white space is text children would
		// refuse only if it were not white space. Anything else is left to
		// next.
		if buf, i := d.buf, spaceEnd(d.buf, d.pos); i+1 < len(buf) && buf[i] == '<' {
			switch buf[i+1] {
			case '!', '?': // a comment or processing instruction
			case '/':
				d.pos = i
				if d.closes(qn) {
					return nil
				}
			default:
				if plain != 0 && !d.general && (buf[i+1] == 'l' && plain&plainLinks != 0 && d.plainLink(i) ||
					buf[i+1] == 'p' && plain&plainProps != 0 && d.plainProperty(i) ||
					buf[i+1] == 'i' && plain&plainItems != 0 && d.plainItem(i)) {
					continue
				}
				d.pos = i
				if err := d.startTag(); err != nil {
					return err
				}
				if err := child(i); err != nil {
					return err
				}
				continue
			}
		}
		at := d.pos
		tok, err := d.next(qn)
		if err != nil {
			return err
		}
		switch tok {
		case tokEnd:
			return nil
		case tokText:
			if !isSpaceOnly(d.text) {
				return d.fail(ErrStructure, at, "unexpected text in <"+string(qn)+">")
			}
		case tokStart:
			if err := child(at); err != nil {
				return err
			}
		}
	}
}

// attr returns the value of the unprefixed attribute local of the start tag
// just read.
func (d *xmlDecoder) attr(local string) (string, bool) {
	for i := range d.attrs {
		if len(d.attrs[i].prefix) == 0 && d.attrs[i].local == local {
			return d.attrs[i].value, true
		}
	}
	return "", false
}

// onlyAttrs refuses attributes of the start tag just read other than those
// named (namespace declarations aside).
func (d *xmlDecoder) onlyAttrs(names ...string) error {
	for i := range d.attrs {
		a := &d.attrs[i]
		ok := false
		if len(a.prefix) == 0 {
			for _, n := range names {
				ok = ok || a.local == n
			}
		}
		if !ok {
			return d.fail(ErrStructure, a.off, "unexpected attribute "+quoteCut(a.local)+" on <"+string(d.qname())+">")
		}
	}
	return nil
}

// xsiNS is the namespace of the XML Schema instance attributes, of which
// xsi:nil is read.
const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

// otherAttrs pushes onto d.props, as strings, the unprefixed attributes of
// the start tag just read other than those named (namespace declarations
// aside), for the caller to take. A prefixed attribute is refused, but
// xsi:nil where nilOK: it reports whether xsi:nil is "true" (or "1").
func (d *xmlDecoder) otherAttrs(nilOK bool, names ...string) (isNil bool, err error) {
	for i := range d.attrs {
		a := &d.attrs[i]
		if len(a.prefix) != 0 {
			if uri, _ := d.lookupNS(a.prefix); nilOK && uri == xsiNS && a.local == "nil" {
				switch a.value {
				case "true", "1":
					isNil = true
					continue
				case "false", "0":
					continue
				}
			}
			return false, d.fail(ErrStructure, a.off, "unexpected attribute "+quoteCut(string(a.prefix)+":"+a.local)+
				" on <"+string(d.qname())+">")
		}
		if !slices.Contains(names, a.local) {
			d.pushProp(a.local, String(a.value), a.off)
		}
	}
	return isNil, nil
}

// skipEmpty reads the end of an element that must hold nothing but white
// space, such as <link>.
func (d *xmlDecoder) skipEmpty() error {
	if d.empty {
		return nil
	}
	qn := d.qname()
	return d.children(qn, 0, func(at int) error {
		return d.fail(ErrStructure, at, "unexpected element <"+string(d.qname())+"> in <"+string(qn)+">")
	})
}

// linkAttrs reads the attributes of <link rel href title …/> (or of an event
// element, or of <in>: eventLink) into l, without reading its content: an
// element without rel has Rel "", and is marked so at an event (noRel); one
// without href is marked so (noHref).
func (d *xmlDecoder) linkAttrs(l *Link, place linkPlace) error {
	if a := d.attrs; len(a) == 2 && a[0].local == "rel" && a[1].local == "href" && len(a[0].prefix) == 0 &&
		len(a[1].prefix) == 0 {
		l.Rel, l.Href = a[0].value, a[1].value // the usual link, as the loop below reads it
		return nil
	}
	pbase := len(d.props)
	if _, err := d.otherAttrs(false, "rel", "href"); err != nil {
		d.popProps(pbase)
		return err
	}
	var hasRel, hasHref bool
	l.Rel, hasRel = d.attr("rel")
	l.Href, hasHref = d.attr("href")
	l.noRel, l.noHref = !hasRel && place == eventLink, !hasHref
	l.Attrs, _ = d.takeProps(pbase) // attribute names are unique already
	return nil
}

// link reads the <link> just started onto d.links. It reads the attributes
// into their slot there, which is zero (takeLinks clears what it pops), rather
// than into a Link to copy in, a copy with a bulk write barrier while the
// garbage collector runs.
func (d *xmlDecoder) link() error {
	l := push(&d.links)
	if err := d.linkAttrs(l, keyedLink); err != nil {
		*l = Link{}
		d.links = d.links[:len(d.links)-1]
		return err
	}
	return d.skipEmpty()
}

// inferXML gives the value an XML text, b, stands for (see Value), with the
// text kept: a boolean's needs no copy.
func (d *xmlDecoder) inferXML(b []byte) Value {
	switch string(b) {
	case "true":
		return scalar(KindBool, "true")
	case "false":
		return scalar(KindBool, "false")
	case "True":
		return scalar(KindBool, "True")
	case "False":
		return scalar(KindBool, "False")
	}
	s := d.keep(b)
	if len(s) >= 20 && s[4] == '-' && isISODate(s) {
		return scalar(KindDate, s)
	}
	return scalar(KindString, s)
}

// elemValue reads the content of the <property> or <item> just started. Text
// is a scalar; child <property> and <propertyList> elements make a bag; child
// <item> elements (in an <item>) make a list. An empty element is null.
func (d *xmlDecoder) elemValue(allowItems bool) (Value, error) {
	if d.empty {
		return scalar(KindNull, ""), nil
	}
	qn := d.qname()
	// text may be d.scratch, which a start tag may overwrite: whether it is
	// white space only, which elements after it need, is known at once.
	var text []byte
	mixed, kind := false, KindInvalid
	pbase, vbase := len(d.props), len(d.vals)
	if d.pos < len(d.buf) && d.buf[d.pos] != '<' {
		// The common case, text and the end tag, without tokens; next
		// would read the text the same way.
		if err := d.readText(); err != nil {
			return Value{}, err
		}
		if d.closes(qn) {
			return d.inferXML(d.text), nil
		}
		text = d.text
		mixed = !isSpaceOnly(text)
	}
	for {
		at := d.pos
		tok, err := d.next(qn)
		if err != nil {
			return Value{}, err
		}
		switch tok {
		case tokText:
			// Text comes whole between two tags (next merges it across
			// comments); once elements have come, it must be white space.
			if kind != KindInvalid {
				if !isSpaceOnly(d.text) {
					return Value{}, d.fail(ErrStructure, at, "text mixed with elements in <"+string(qn)+">")
				}
				continue
			}
			text = d.text
			mixed = !isSpaceOnly(text)
		case tokStart:
			if mixed {
				return Value{}, d.fail(ErrStructure, at, "text mixed with elements in <"+string(qn)+">")
			}
			switch {
			case string(d.local) == "item" && allowItems && kind != KindBag:
				kind = KindList
				d.pushStep("item", "", "")
				v, err := d.extraValue(at)
				if err != nil {
					return Value{}, err
				}
				d.vals = append(d.vals, v)
				d.popStep()
			case (string(d.local) == "property" || string(d.local) == "propertyList") && kind != KindList:
				kind = KindBag
				if err := d.property(); err != nil {
					return Value{}, err
				}
			default:
				return Value{}, d.fail(ErrStructure, at,
					"unexpected element <"+string(d.qname())+"> in <"+string(qn)+">")
			}
		case tokEnd:
			switch kind {
			case KindList:
				list := d.keepValues(d.vals[vbase:])
				clear(d.vals[vbase:])
				d.vals = d.vals[:vbase]
				return Value{kids: d.keepKids(kids{kind: KindList, list: list})}, nil
			case KindBag:
				bag, err := d.takeProps(pbase)
				return Value{kids: d.keepKids(kids{kind: KindBag, bag: bag})}, err
			}
			return d.inferXML(text), nil
		}
	}
}

// takeProps returns d.props[base:], checked for repeated names, and pops
// them.
func (d *xmlDecoder) takeProps(base int) ([]Property, error) {
	if len(d.props) == base { // most links and many resources have none
		return nil, nil
	}
	err := d.dupProps(base)
	ps := d.keepProps(d.props[base:])
	clear(d.props[base:])
	d.props = d.props[:base]
	d.propOffs = d.propOffs[:base]
	return ps, err
}

func (d *xmlDecoder) takeLinks(base int) []Link {
	ls := d.keepLinks(d.links[base:])
	clear(d.links[base:])
	d.links = d.links[:base]
	return ls
}

// property reads the <property> or <propertyList> just started and appends it
// to d.props, refusing a name already in d.props[base:].
func (d *xmlDecoder) property() error {
	local, at := "propertyList", d.tagStart
	if string(d.local) == "property" {
		local = "property"
	}
	var name string
	var va valueAttrs
	if a := d.attrs; len(a) == 1 && a[0].local == "name" && len(a[0].prefix) == 0 {
		name = a[0].value // the usual case, which the checks below accept
	} else {
		var ok bool
		if name, ok = d.attr("name"); !ok {
			return d.fail(ErrStructure, d.tagStart, "<"+string(d.qname())+"> has no name")
		}
		var err error
		if va, err = d.valueAttrs("name"); err != nil {
			return err
		}
	}
	d.pushStep(local, "name", name)
	var v Value
	var err error
	if local == "property" {
		v, err = d.elemValue(false)
	} else {
		vbase := len(d.vals)
		if !d.empty {
			qn := d.qname()
			err = d.children(qn, plainItems, func(at int) error {
				if string(d.local) != "item" {
					return d.fail(ErrStructure, at, "unexpected element <"+string(d.qname())+"> in <"+string(qn)+">")
				}
				d.pushStep("item", "", "")
				iv, err := d.extraValue(at)
				d.vals = append(d.vals, iv)
				d.popStep()
				return err
			})
		}
		list := d.keepValues(d.vals[vbase:])
		clear(d.vals[vbase:])
		d.vals = d.vals[:vbase]
		v = Value{kids: d.keepKids(kids{kind: KindList, list: list})}
	}
	if err == nil && (va.isNil || va.attrs != nil) {
		v, err = d.withValueAttrs(v, va, at)
	}
	if err != nil {
		return err
	}
	d.popStep()
	d.pushProp(name, v, at)
	return nil
}

// valueAttrs are the attributes of a <property>, <propertyList>, <item> or
// extra element besides its name: the others, and xsi:nil="true".
type valueAttrs struct {
	attrs []Property
	isNil bool
}

// valueAttrs reads the attributes of the start tag just read, but those
// named: see otherAttrs.
func (d *xmlDecoder) valueAttrs(names ...string) (valueAttrs, error) {
	pbase := len(d.props)
	isNil, err := d.otherAttrs(true, names...)
	if err != nil {
		d.popProps(pbase)
		return valueAttrs{}, err
	}
	attrs, _ := d.takeProps(pbase) // attribute names are unique already
	return valueAttrs{attrs, isNil}, nil
}

// withValueAttrs gives v, the value of the element that started at offset
// at, its attributes va: xsi:nil="true" makes it null (it must be empty),
// and the others are kept in its kids.
func (d *xmlDecoder) withValueAttrs(v Value, va valueAttrs, at int) (Value, error) {
	if va.isNil {
		if k := v.Kind(); k != KindNull && !(k == KindString && v.text == "") &&
			!(k == KindList && len(v.List()) == 0) {
			return Value{}, d.fail(ErrStructure, at, "an element with xsi:nil=\"true\" has content")
		}
		v = scalar(KindNull, "")
	}
	if va.attrs == nil {
		return v, nil
	}
	return Value{text: v.text, kids: d.keepKids(v.kids.withAttrs(va.attrs))}, nil
}

// popProps pops d.props (and their offsets) down to base.
func (d *xmlDecoder) popProps(base int) {
	clear(d.props[base:])
	d.props, d.propOffs = d.props[:base], d.propOffs[:base]
}

// pushProp appends the property name: v, which starts at at, to d.props, a
// field at a time (see push).
func (d *xmlDecoder) pushProp(name string, v Value, at int) {
	push(&d.props).set(name, v)
	d.propOffs = append(d.propOffs, at)
}

// dupProps refuses a property bag, d.props[base:], that repeats a name, as
// JSON would.
func (d *xmlDecoder) dupProps(base int) error {
	if i := firstRepeatedName(d.props[base:]); i >= 0 {
		return d.fail(ErrDuplicateName, d.propOffs[base+i], "duplicate property "+quoteCut(d.props[base+i].Name))
	}
	return nil
}

// resource reads the <resource> just started into r.
func (d *xmlDecoder) resource(r *Resource) error {
	var hasRel bool
	r.Rel, hasRel = d.attr("rel")
	pbase, lbase, rbase := len(d.props), len(d.links), len(d.res)
	if err := d.selfLink(hasRel); err != nil {
		return err
	}
	var err error
	if !d.empty {
		qn := d.qname()
		err = d.children(qn, plainLinks|plainProps, func(at int) error {
			switch string(d.local) {
			case "property", "propertyList":
				return d.property()
			case "link":
				return d.link()
			case "resource":
				return d.embedded()
			}
			return d.fail(ErrStructure, at, "unexpected element <"+string(d.qname())+"> in <"+string(qn)+">")
		})
	}
	ps, dupErr := d.takeProps(pbase)
	r.Properties = ps
	if err == nil {
		err = dupErr
	}
	r.Links = d.takeLinks(lbase)
	r.Embedded = d.keepResources(d.res[rbase:])
	clear(d.res[rbase:])
	d.res = d.res[:rbase]
	return err
}

// b2i returns 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// selfLink pushes onto d.links the self link that the href attribute of
// the <resource> or <events> just started carries, with its other
// attributes (but rel, which hasRel says it has) in Attrs: a self link
// without an href when there are attributes but no href.
func (d *xmlDecoder) selfLink(hasRel bool) error {
	href, hasHref := d.attr("href")
	if len(d.attrs) == b2i(hasRel)+b2i(hasHref) {
		if hasHref {
			l := push(&d.links) // zero: takeLinks clears what it pops
			l.Rel, l.Href = "self", href
		}
		return nil
	}
	pbase := len(d.props)
	if _, err := d.otherAttrs(false, "rel", "href"); err != nil {
		return err
	}
	attrs, _ := d.takeProps(pbase) // attribute names are unique already
	if attrs != nil || hasHref {
		l := push(&d.links)
		l.Rel, l.Href, l.Attrs, l.noHref = "self", href, attrs, !hasHref
	}
	return nil
}

// embedded reads the <resource> just started inside another onto d.res.
func (d *xmlDecoder) embedded() error {
	rel, _ := d.attr("rel")
	d.pushStep("resource", "rel", rel)
	var e Resource
	err := d.resource(&e)
	d.res = append(d.res, e)
	d.popStep()
	return err
}

// eventResource reads the <resource> an event element embeds.
func (d *xmlDecoder) eventResource() (*Resource, error) {
	rel, _ := d.attr("rel")
	d.pushStep("resource", "rel", rel)
	var r Resource
	if err := d.resource(&r); err != nil {
		return nil, err
	}
	d.popStep()
	return d.keepResource(r), nil
}

// topResource reads a resource body: a <resource>, or an <input>, which is
// how the reference writes some PUT bodies in XML. A resource read from an
// <input> is marked so (asInput), to be written back as one.
func (d *xmlDecoder) topResource(r *Resource) error {
	if err := d.root("resource", "input"); err != nil {
		return err
	}
	r.asInput = string(d.local) == "input"
	if err := d.resource(r); err != nil {
		return err
	}
	return d.end()
}

func (d *xmlDecoder) input(in *Input) error {
	if err := d.root("input"); err != nil {
		return err
	}
	if err := d.onlyAttrs(); err != nil {
		return err
	}
	var err error
	if !d.empty {
		err = d.children(d.qname(), plainLinks|plainProps, func(at int) error {
			switch string(d.local) {
			case "property", "propertyList":
				return d.property()
			case "link":
				return d.link()
			}
			return d.fail(ErrStructure, at, "unexpected element <"+string(d.qname())+"> in <input>")
		})
	}
	ps, dupErr := d.takeProps(0)
	in.Properties = ps
	if err == nil {
		err = dupErr
	}
	in.Links = d.takeLinks(0)
	if err != nil {
		return err
	}
	return d.end()
}
