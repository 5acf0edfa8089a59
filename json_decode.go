package ucwa

// The JSON model builder: it reads values, links, resources and inputs into
// the model with the scanner's steps (json_scan.go), and keeps what they
// hold in the arena (arena.go). Event-channel responses and error bodies are
// read in json_decode_events.go; the commonest link objects take the fast
// paths of json_fast.go.

// value reads any value.
func (d *jsonDecoder) value() (Value, error) {
	var c byte
	if d.pos < len(d.buf) {
		c = d.buf[d.pos]
	}
	if c <= ' ' {
		c = d.skipWS()
	}
	switch c {
	case '"':
		// A string without escapes, the common case, is no date (whose
		// form has "\/"): read it without str.
		if end := jsonPlainEnd(d.buf, d.pos+1); end < len(d.buf) && d.buf[end] == '"' {
			text := d.keep(d.buf[d.pos+1 : end])
			d.pos = end + 1
			return scalar(KindString, text), nil
		}
		s, raw, err := d.str()
		if err != nil {
			return Value{}, err
		}
		text := d.keep(s)
		if len(raw) > 9 && string(raw[:7]) == `\/Date(` && string(raw[len(raw)-3:]) == `)\/` && isJSONDate(text) {
			return scalar(KindDate, text), nil
		}
		return scalar(KindString, text), nil
	case 't':
		return scalar(KindBool, "true"), d.literal("true")
	case 'f':
		return scalar(KindBool, "false"), d.literal("false")
	case 'n':
		return scalar(KindNull, ""), d.literal("null")
	case '[':
		return d.list()
	case '{':
		ps, err := d.bag()
		return Value{kids: d.keepKids(kids{kind: KindBag, bag: ps})}, err
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		n, err := d.number()
		return scalar(KindNumber, d.keep(n)), err
	}
	return Value{}, d.unexpected("a value")
}

// list reads an array as a list value.
func (d *jsonDecoder) list() (Value, error) {
	base := len(d.vals)
	err := d.openArray()
	for i := 0; err == nil; i++ {
		var ok bool
		if ok, err = d.nextElem(i); !ok {
			break
		}
		var v Value
		v, err = d.value()
		d.vals = append(d.vals, v)
	}
	if err != nil {
		return Value{}, err
	}
	list := d.keepValues(d.vals[base:])
	d.vals = d.vals[:base]
	return Value{kids: d.keepKids(kids{kind: KindList, list: list})}, nil
}

// member reads the value of the member name onto d.props.
func (d *jsonDecoder) member(name []byte) error {
	n := d.keepName(name)
	v, err := d.value()
	push(&d.props).set(n, v)
	return err
}

// bag reads an object as a property bag.
func (d *jsonDecoder) bag() ([]Property, error) {
	base := len(d.props)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		err = d.member(name)
	}
	return d.takeProps(base), err
}

// keepName is keep for the name nextMember just returned, a property name or
// a rel: an interned name, found by nextMember, is not copied.
func (d *jsonDecoder) keepName(name []byte) string {
	if d.known != "" {
		return d.known
	}
	return d.keep(name)
}

func (d *jsonDecoder) takeProps(base int) []Property {
	ps := d.keepProps(d.props[base:])
	d.props = d.props[:base]
	return ps
}

// stringAt reads the string at d.pos (which holds '"'), kept.
func (d *jsonDecoder) stringAt() (string, error) {
	s, _, err := d.str()
	return d.keep(s), err
}

// linkPlace is where a link object stands, which says what a "rel" member
// of it is.
type linkPlace uint8

const (
	keyedLink linkPlace = iota // under "_links", whose key is its rel: a "rel" member is an attribute
	eventLink                  // an event's link or in: its rel is a member, marked when absent (noRel)
	otherLink                  // an error body's link: its rel, if any, is a member
)

// link reads a link object {"href", "title", …} at place into l.
func (d *jsonDecoder) link(l *Link, place linkPlace) error {
	if !d.general && d.hrefOnly(l, place) {
		return nil
	}
	return d.linkObject(l, place)
}

// linkObject is link for any object: the general way. A string "href" is
// the link's Href, and a string "rel" its Rel unless the link is keyed (under
// "_links", whose key is the rel: a "rel" member is then kept as an
// attribute). Every other member, and an
// "href" or "rel" that is not a string, is kept in Attrs as it came. A link
// without a string href is marked so (noHref), and an event's link without
// a string rel too (noRel), so that neither is written back.
func (d *jsonDecoder) linkObject(l *Link, place linkPlace) error {
	relAt, hrefAt := 0, 0 // 1 + the members before them, or 0
	base := len(d.props)
	it, err := d.openObject()
	for n := 1; err == nil; n++ {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		c := d.cur() // the value's first byte (see cur)
		if c <= ' ' {
			c = d.skipWS()
		}
		switch {
		case c == '"' && string(name) == "href":
			l.Href, err = d.stringAt()
			hrefAt = n
		case c == '"' && string(name) == "rel" && place != keyedLink:
			l.Rel, err = d.stringAt()
			relAt = n
		default:
			err = d.member(name)
		}
	}
	if base < len(d.props) {
		l.Attrs = d.takeProps(base)
	}
	l.noHref, l.noRel = hrefAt == 0, relAt == 0 && place == eventLink
	// Where the encoder writes them: rel first, then href.
	if canon := min(relAt, 1); relAt != canon || hrefAt != 0 && hrefAt != canon+1 {
		if relAt <= 255 && hrefAt <= 255 {
			l.relAt, l.hrefAt = uint8(relAt), uint8(hrefAt)
		}
	}
	return err
}

// relSet reads an object whose members are rels, each holding one item or
// an array of them, as "_links" and "_embedded" do: links onto d.links
// (embedded false) or resources onto d.res. The rels of empty arrays go onto
// d.emptyLinks or d.emptyEmbedded.
func (d *jsonDecoder) relSet(embedded bool) error {
	it, err := d.openObject()
	for err == nil {
		if !embedded && !d.general {
			d.linkRun(&it)
		}
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		rel := d.keepName(name)
		if d.peek() != '[' {
			err = d.relItem(rel, false, embedded)
			continue
		}
		err = d.openArray()
		n := 0
		for ; err == nil; n++ {
			if ok, err = d.nextElem(n); !ok {
				break
			}
			err = d.relItem(rel, true, embedded)
		}
		if err == nil && n == 0 {
			if embedded {
				d.emptyEmbedded = append(d.emptyEmbedded, rel)
			} else {
				d.emptyLinks = append(d.emptyLinks, rel)
			}
		}
	}
	return err
}

// relItem reads one item of a relSet.
func (d *jsonDecoder) relItem(rel string, inArray, embedded bool) error {
	if embedded {
		return d.embedded(rel, inArray)
	}
	return d.linkOf(rel, inArray)
}

// linkSet reads a "_links" object and returns its links, also on error.
// An object's links are one run in JSON, so they are read straight into the
// links slab (see slabs.openLinks), with d.links its free end, not onto a
// stack to be copied there.
func (d *jsonDecoder) linkSet() ([]Link, error) {
	d.links = d.openLinks()
	err := d.relSet(false)
	ls := d.closeLinks(d.links)
	d.links = nil
	return ls, err
}

// linkOf reads a link object under rel onto d.links. A "rel" member in it
// is kept in Attrs (see linkObject).
func (d *jsonDecoder) linkOf(rel string, inArray bool) error {
	if c := d.cur(); c != '{' && (c > ' ' || d.skipWS() != '{') { // peek, its common case inline
		return d.fail(ErrStructure, d.pos, "expecting a link object")
	}
	l := push(&d.links) // zero, as in linkRun
	l.Rel, l.InArray = rel, inArray
	if !d.general && d.hrefOnly(l, keyedLink) { // link's fast path
		return nil
	}
	return d.linkObject(l, keyedLink)
}

// resource reads a resource object into r, whose Rel is already set.
func (d *jsonDecoder) resource(r *Resource) error {
	pbase, rbase := len(d.props), len(d.res)
	elbase, eebase := len(d.emptyLinks), len(d.emptyEmbedded)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		switch string(name) {
		case "_links":
			if c := d.cur(); c != '{' && (c > ' ' || d.skipWS() != '{') { // peek, its common case inline
				err = d.fail(ErrStructure, d.pos, "expecting an object of links")
				break
			}
			r.linksAt = int32(len(d.props) - pbase + 1)
			if r.embeddedAt == r.linksAt {
				r.embeddedFirst = true
			}
			r.Links, err = d.linkSet()
		case "_embedded":
			if c := d.cur(); c != '{' && (c > ' ' || d.skipWS() != '{') {
				err = d.fail(ErrStructure, d.pos, "expecting an object of resources")
				break
			}
			r.embeddedAt = int32(len(d.props) - pbase + 1)
			err = d.embeddedSet()
		default:
			err = d.member(name)
		}
	}
	r.Properties = d.takeProps(pbase)
	r.Embedded = d.keepResources(d.res[rbase:])
	d.res = d.res[:rbase]
	if len(d.emptyLinks) > elbase || len(d.emptyEmbedded) > eebase {
		r.empty = d.keepEmpty(emptyRels{d.takeEmpty(&d.emptyLinks, elbase), d.takeEmpty(&d.emptyEmbedded, eebase)})
	}
	return err
}

// embeddedSet reads an "_embedded" object, appending to d.res.
func (d *jsonDecoder) embeddedSet() error { return d.relSet(true) }

// embedded reads an embedded resource onto d.res.
func (d *jsonDecoder) embedded(rel string, inArray bool) error {
	if c := d.cur(); c != '{' && (c > ' ' || d.skipWS() != '{') { // peek, its common case inline
		return d.fail(ErrStructure, d.pos, "expecting a resource object")
	}
	r := Resource{Rel: rel, InArray: inArray}
	err := d.resource(&r)
	d.res = append(d.res, r)
	return err
}

func (d *jsonDecoder) topResource(r *Resource) error {
	if err := d.resource(r); err != nil {
		return err
	}
	if s, ok := r.String("rel"); ok {
		r.Rel = s
	}
	return d.end()
}

func (d *jsonDecoder) input(in *Input) error {
	pbase := len(d.props)
	err := d.object(func(name []byte, at int) error {
		switch string(name) {
		case "_links":
			if d.peek() != '{' {
				return d.fail(ErrStructure, d.pos, "expecting an object of links")
			}
			var err error
			in.Links, err = d.linkSet()
			return err
		case "_embedded":
			return d.failMember(ErrStructure, at, string(name), "an input has no embedded resources")
		}
		return d.member(name)
	})
	in.Properties = d.takeProps(pbase)
	in.emptyLinks = d.takeEmpty(&d.emptyLinks, 0)
	if err != nil {
		return err
	}
	return d.end()
}
