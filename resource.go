package ucwa

import "time"

// A Resource is a UCWA resource: its rel, its properties in order, its links
// (the self link among them) and its embedded resources, to any depth.
//
// JSON: an object whose members are the properties, with "_links" and
// "_embedded" objects. XML: <resource rel="…" href="…"> with <link>,
// <property>, <propertyList> and nested <resource> children.
//
// The "rel" property that both formats repeat inside the resource stays an
// ordinary property in Properties. Unknown properties, such as the PUT marker
// (a random name whose value is "please pass this in a PUT request"), stay in
// place, so a resource read with GET, changed and sent back with PUT loses
// nothing.
type Resource struct {
	// Rel is the resource's rel: the rel attribute of an XML <resource>,
	// the key under "_embedded" of an embedded JSON resource, or the "rel"
	// property of a top-level JSON resource. "" when absent (some XML PUT
	// bodies have no rel attribute).
	Rel string

	Properties []Property

	// Links in order. The self link, when present, is among them with Rel
	// "self": JSON keeps it in "_links", XML in the href attribute, where the
	// XML decoder reads it back as the first link, with the other attributes
	// of <resource> but rel (such as the revision of a revised resource) in
	// its Attrs.
	Links []Link

	// Embedded resources in order, each with its Rel.
	Embedded []Resource

	// InArray reports whether, in JSON, this embedded resource sat in an array
	// under its rel. See Link.InArray.
	InArray bool

	// Where "_links" and "_embedded" stood among the JSON members: 1 + the
	// number of properties before them; 0 means "absent", and the encoder
	// then writes them after the properties when there is anything to write.
	linksAt, embeddedAt int32
	embeddedFirst       bool // "_embedded" came before "_links" at the same place

	// asInput: the resource was read from an XML <input>, as the reference
	// writes some PUT bodies; the XML encoder writes it back as one while
	// it has nothing an <input> cannot hold (a rel, embedded resources).
	// It sits in padding: a Resource stays 112 bytes.
	asInput bool

	// The rels whose JSON array under "_links" or "_embedded" was empty
	// ("rel": []): no Link or Resource carries them, so they are kept here
	// and written back after the other rels. XML has no form for an empty
	// collection but its absence, which means the same. Apart, and nil when
	// there are none, as for nearly every resource: Resources are
	// allocated by the hundred, and this keeps one at 112 bytes, not 152.
	empty *emptyRels
}

// emptyRels holds the rels of a resource's empty arrays (see
// Resource.empty). Its fields are exported for go-cmp, which compares
// Resources in the tests of other packages.
type emptyRels struct{ Links, Embedded []string }

// emptyLinks returns the rels of r's empty arrays under "_links".
func (r *Resource) emptyLinks() []string {
	if r.empty == nil {
		return nil
	}
	return r.empty.Links
}

// emptyEmbedded returns the rels of r's empty arrays under "_embedded".
func (r *Resource) emptyEmbedded() []string {
	if r.empty == nil {
		return nil
	}
	return r.empty.Embedded
}

// Get returns the value of the first property named name.
func (r *Resource) Get(name string) (Value, bool) { return Lookup(r.Properties, name) }

// String returns the string property name, and whether it is a string.
func (r *Resource) String(name string) (string, bool) {
	v, ok := r.Get(name)
	if !ok {
		return "", false
	}
	return v.Str()
}

// Strings returns the list of strings property name, such as
// "emailAddresses" or "supportedModalities", and whether it is one (see
// [Value.Strings]).
func (r *Resource) Strings(name string) ([]string, bool) {
	v, ok := r.Get(name)
	if !ok {
		return nil, false
	}
	return v.Strings()
}

// Type returns the resource's own type: its "rel" property when that is a
// string, else Rel. The two differ for an embedded resource, filed under
// the rel of its link to the resource that embeds it: a participant
// embedded as "acceptedByParticipant" has Rel "acceptedByParticipant" and
// Type "participant". XML carries no "rel" property, so an XML resource's
// Type is its Rel.
func (r *Resource) Type() string {
	if v, ok := r.Get("rel"); ok {
		if s, ok := v.Str(); ok {
			return s
		}
	}
	return r.Rel
}

// Bool returns the boolean property name, and whether it is a boolean.
func (r *Resource) Bool(name string) (b, ok bool) {
	v, ok := r.Get(name)
	if !ok {
		return false, false
	}
	return v.Bool()
}

// Int returns the integer property name, and whether it is one (a JSON number
// or, as XML gives it, a string of decimal digits).
func (r *Resource) Int(name string) (int64, bool) {
	v, ok := r.Get(name)
	if !ok {
		return 0, false
	}
	return v.Int()
}

// Time returns the date property name, and whether it is a date.
func (r *Resource) Time(name string) (time.Time, bool) {
	v, ok := r.Get(name)
	if !ok {
		return time.Time{}, false
	}
	return v.Time()
}

// Link returns the first link with rel.
func (r *Resource) Link(rel string) (Link, bool) { return findLink(r.Links, rel) }

// LinksOf returns the links with rel, in order, as a new slice.
func (r *Resource) LinksOf(rel string) []Link {
	var ls []Link
	for i := range r.Links {
		if r.Links[i].Rel == rel {
			ls = append(ls, r.Links[i])
		}
	}
	return ls
}

// Href returns the href of the self link, or "".
func (r *Resource) Href() string {
	l, _ := r.Link("self")
	return l.Href
}

// Embed returns the first embedded resource with rel, or nil. The pointer
// points into r.Embedded.
func (r *Resource) Embed(rel string) *Resource {
	for i := range r.Embedded {
		if r.Embedded[i].Rel == rel {
			return &r.Embedded[i]
		}
	}
	return nil
}

// EmbeddedOf returns pointers to the embedded resources with rel, in order.
// They point into r.Embedded.
func (r *Resource) EmbeddedOf(rel string) []*Resource {
	var rs []*Resource
	for i := range r.Embedded {
		if r.Embedded[i].Rel == rel {
			rs = append(rs, &r.Embedded[i])
		}
	}
	return rs
}

// Set sets the first property named name to v, or appends it if there is none.
// It keeps the property's place, as a PUT after a GET needs.
func (r *Resource) Set(name string, v Value) { r.Properties = setProp(r.Properties, name, v) }
