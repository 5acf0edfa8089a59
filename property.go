package ucwa

// A Property is one named value of a property bag.
type Property struct {
	Name  string
	Value Value
}

// Prop returns the Property name=v. It reads well in literals:
//
//	ucwa.Input{Properties: []ucwa.Property{ucwa.Prop("operationId", ucwa.String("74cb…"))}}
func Prop(name string, v Value) Property { return Property{Name: name, Value: v} }

// Lookup returns the value of the first property named name in ps.
func Lookup(ps []Property, name string) (Value, bool) {
	for i := range ps {
		if ps[i].Name == name {
			return ps[i].Value, true
		}
	}
	return Value{}, false
}

// A Link points to another resource: JSON {"href":…,"title":…} under its rel
// in "_links"; XML <link rel="…" href="…" title="…"/>.
type Link struct {
	Rel string

	// Href is the link's target. It is "" too for a link that had none (a
	// JSON link object without "href", an XML <resource> or <events> with
	// attributes but no href attribute): the decoders keep that apart, so
	// that such a link re-encodes without one.
	Href string

	// Attrs holds the link's other attributes (JSON members) in order:
	// "title" (see Title), "etag", "revision" and any other. Their values
	// are kept as decoded: in JSON any value (null, a list or an object
	// too), in XML strings. An "href" or "rel" member whose value is not a
	// string is kept here too, as it came, with the field left "". The
	// title is one of them, not a field of its own, so that a Link is 64
	// bytes (on 64-bit platforms), not 80: links are most of what a decoded
	// body holds, and every byte a decode allocates costs garbage
	// collection.
	Attrs []Property

	// InArray reports whether, in JSON, the link sat in an array under its
	// rel ("rel": [{…}]) rather than alone ("rel": {…}). The docs promise a
	// rel is always one or always the other, so it is kept; the JSON encoder
	// writes an array when any link of a rel has InArray set or when the rel
	// has several links. XML cannot tell the two apart.
	InArray bool

	// noHref: the link had no href (see Href); noRel: an event's link or
	// in had no rel, which the encoders then do not write. They sit in the padding after InArray, so that
	// the Link stays 64 bytes, as do relAt and hrefAt.
	noHref, noRel bool

	// Where the "rel" (of an event's link) and "href" members stood in a
	// JSON link object, 1 + the number of members before them, when not
	// where the encoder writes them (rel, href, then Attrs): else 0.
	relAt, hrefAt uint8
}

// Title returns the link's "title" attribute when it is a string, and
// whether it is one: a link may have an empty title (the docs show "title":
// ""), and a JSON title may be null or of another type, which Attrs keeps as
// it came.
func (l Link) Title() (string, bool) {
	v, ok := Lookup(l.Attrs, "title")
	return v.Text(), ok && v.Kind() == KindString
}

func setProp(ps []Property, name string, v Value) []Property {
	for i := range ps {
		if ps[i].Name == name {
			ps[i].Value = v
			return ps
		}
	}
	return append(ps, Property{Name: name, Value: v})
}

func findLink(ls []Link, rel string) (Link, bool) {
	for i := range ls {
		if ls[i].Rel == rel {
			return ls[i], true
		}
	}
	return Link{}, false
}
