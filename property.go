package ucwa

import (
	"strconv"
	"time"
)

// Kind says what a [Value] holds.
type Kind uint8

// The kinds of [Value]. The zero Value has kind [KindInvalid] and cannot be
// encoded.
const (
	KindInvalid Kind = iota
	KindString       // a string: JSON string, XML text
	KindBool         // a boolean: JSON true/false, XML True/False
	KindNumber       // a number: JSON number (UCWA sends integers)
	KindDate         // a date: JSON "\/Date(ms[±hhmm])\/", XML ISO 8601
	KindNull         // JSON null; XML an empty element, <property name="…"/>
	KindList         // JSON array; XML <propertyList><item>…</item></propertyList>
	KindBag          // a nested property bag: JSON object; XML child <property> elements
)

var kindNames = [...]string{"invalid", "string", "bool", "number", "date", "null", "list", "bag"}

// String returns the kind's name in lower case, such as "string".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// A Value is one property value: a scalar (string, boolean, number, date,
// null), a list of values, or a nested property bag.
//
// A Value keeps the text it was decoded from, so that a value that is not
// changed re-encodes byte for byte in the same format: a boolean read from XML
// as "True" is written back as "True", a JSON number as its original digits, a
// date in its original form and precision.
//
// XML carries no types, so the XML decoder infers only what is unambiguous:
// "True", "False", "true" and "false" are booleans, an ISO 8601 date-time with
// an offset or "Z" is a date, an empty element (<property name="x"/>) is null,
// as is one with xsi:nil="true", while an element with an end tag (<property
// name="x"></property>) is the empty string, and everything else is a
// string. Numbers stay strings in XML. A JSON string is a date only in the
// ASP.NET AJAX form with escaped slashes, "\/Date(1436925243767)\/"
// (Value.Time reads other forms on the caller's request).
//
// Values are immutable once built; copying a Value is cheap and shares its
// list or bag.
//
// In XML, a <property> or <item> may carry attributes besides name; the
// value keeps them (see [Value.Attrs]), so that the element re-encodes as it
// came. JSON has no place for them: a value with attributes is an
// [*EncodeError] there.
//
// Two Values are equal, for [Value.Equal] and for go-cmp, when they have the
// same kind, text, and equal items or properties.
type Value struct {
	text string // string: the string; bool: its text; number: its digits; date: its raw form
	kids *kids  // the kind, and a list's items or a bag's properties; nil for KindInvalid
}

// kids holds the kind of a value, and the items of a list or the properties
// of a bag. They are apart, so that the scalars that make up most of a body
// stay small: a scalar's kids is its kind's entry in scalarKids, shared, and
// a Value is 24 bytes, not the 32 a kind of its own would make it (a
// Property, allocated by the hundred per body, 40, not 48).
//
// A value whose XML element had attributes of its own (see Value.Attrs) has
// kids of its own, scalar or not, with hasAttrs set in kind, and keeps them
// in the slice its kind does not use: bag, for a scalar or a list; for a
// bag, list, which holds one Value whose kids' bag they are. A field of
// their own would make every kids 80 bytes, not 56, for what nearly no
// body has.
type kids struct {
	kind Kind
	list []Value
	bag  []Property
}

// hasAttrs marks, in kids.kind, a value with XML attributes.
const hasAttrs Kind = 0x80

// attrs returns the XML attributes of the value k belongs to.
func (k *kids) attrs() []Property {
	switch k.kind {
	case KindBag | hasAttrs:
		return k.list[0].kids.bag
	case KindString | hasAttrs, KindBool | hasAttrs, KindNumber | hasAttrs, KindDate | hasAttrs,
		KindNull | hasAttrs, KindList | hasAttrs:
		return k.bag
	}
	return nil
}

// withAttrs returns k with the XML attributes attrs in place of any it has.
func (k kids) withAttrs(attrs []Property) kids {
	if k.kind&hasAttrs != 0 {
		k.kind &^= hasAttrs
		if k.kind == KindBag {
			k.list = nil
		} else {
			k.bag = nil
		}
	}
	if attrs == nil {
		return k
	}
	if k.kind == KindBag {
		k.list = []Value{{kids: &kids{bag: attrs}}}
	} else {
		k.bag = attrs
	}
	k.kind |= hasAttrs
	return k
}

// scalarKids are the kids of the scalar kinds, which have no items. They
// are never written.
var scalarKids = [...]kids{
	KindString: {kind: KindString}, KindBool: {kind: KindBool}, KindNumber: {kind: KindNumber},
	KindDate: {kind: KindDate}, KindNull: {kind: KindNull},
}

// scalar returns the Value of scalar kind k with text.
func scalar(k Kind, text string) Value { return Value{text: text, kids: &scalarKids[k]} }

// String returns a Value holding the string s.
func String(s string) Value { return scalar(KindString, s) }

// Bool returns a Value holding b.
func Bool(b bool) Value {
	if b {
		return scalar(KindBool, "true")
	}
	return scalar(KindBool, "false")
}

// Int returns a Value holding the integer i.
func Int(i int64) Value { return scalar(KindNumber, strconv.FormatInt(i, 10)) }

// Date returns a Value holding the instant t in t's location, kept to 100
// nanoseconds (the precision UCWA writes in XML). In JSON it is written to
// the millisecond.
func Date(t time.Time) Value { return scalar(KindDate, formatISODate(t)) }

// Null returns the null Value.
func Null() Value { return scalar(KindNull, "") }

// List returns a Value holding the list of values vs. The Value shares vs.
func List(vs ...Value) Value { return Value{kids: &kids{kind: KindList, list: vs}} }

// Bag returns a Value holding the nested property bag ps. The Value shares ps.
func Bag(ps ...Property) Value { return Value{kids: &kids{kind: KindBag, bag: ps}} }

// Kind returns the kind of v.
func (v Value) Kind() Kind {
	if v.kids == nil {
		return KindInvalid
	}
	return v.kids.kind &^ hasAttrs
}

// Text returns the text of a scalar value as it was decoded or built: the
// string itself, "true" or "True", a number's digits, a date's raw form
// ("/Date(1436925243767)/" or "2015-07-14T20:54:03.7675175-05:00"). It returns
// "" for null, lists and bags.
func (v Value) Text() string { return v.text }

// Str returns the string v holds and whether v is a string.
func (v Value) Str() (string, bool) { return v.text, v.Kind() == KindString }

// Bool returns the boolean v holds and whether v is a boolean.
func (v Value) Bool() (b, ok bool) {
	if v.Kind() != KindBool {
		return false, false
	}
	return v.text == "true" || v.text == "True", true
}

// Int returns the integer v holds and whether v is a number that fits an
// int64. A string of decimal digits, as XML gives, is also read.
func (v Value) Int() (int64, bool) {
	if k := v.Kind(); k != KindNumber && k != KindString {
		return 0, false
	}
	i, err := strconv.ParseInt(v.text, 10, 64)
	return i, err == nil
}

// Time returns the instant v holds and whether it holds one: a date, or a
// string that [ParseDate] reads, such as "/Date(1474932027613)/" (a .NET
// date whose JSON text lacked the escaped slashes, so that the decoder kept
// it a string) or an ISO 8601 date-time. The caller asks for a date, so the
// text is read as one; the decoders infer a date only where the form is
// unambiguous (see Value).
func (v Value) Time() (time.Time, bool) {
	if k := v.Kind(); k != KindDate && k != KindString {
		return time.Time{}, false
	}
	t, err := ParseDate(v.text)
	return t, err == nil
}

// List returns the values of a list, or nil if v is not a list. The slice is
// shared with v and must not be modified.
func (v Value) List() []Value {
	if v.Kind() != KindList {
		return nil
	}
	return v.kids.list
}

// Bag returns the properties of a nested property bag, or nil if v is not a
// bag. The slice is shared with v and must not be modified.
func (v Value) Bag() []Property {
	if v.Kind() != KindBag {
		return nil
	}
	return v.kids.bag
}

// Attrs returns the attributes, other than name, of the XML <property>,
// <propertyList> or <item> element v was read from, in order, or nil. The
// slice is shared with v and must not be modified.
func (v Value) Attrs() []Property {
	if v.kids == nil {
		return nil
	}
	return v.kids.attrs()
}

// WithAttrs returns v with the XML attributes attrs (see [Value.Attrs]),
// which replace any it has. Their values must be scalars, and their names
// XML names other than name and xmlns, for the XML encoder to write them; JSON
// cannot carry them.
func (v Value) WithAttrs(attrs ...Property) Value {
	if v.kids == nil {
		return v
	}
	k := v.kids.withAttrs(attrs)
	return Value{text: v.text, kids: &k}
}

// String returns v for people, and for fmt: a string as it is, the text of
// a boolean, number or date as it came ("True", "/Date(1436925243767)/"),
// "null", and a list or bag in JSON's notation with its strings quoted as
// Go quotes them (["Messaging","Plain"], {"k":"v"}). The zero Value is
// "<invalid>". Use Text, Str and the other accessors to read a value.
func (v Value) String() string {
	switch v.Kind() {
	case KindString, KindBool, KindNumber, KindDate:
		return v.text
	case KindList, KindBag:
		return string(v.appendDisplay(nil))
	case KindNull:
		return "null"
	}
	return "<invalid>"
}

// appendDisplay appends v as String shows it inside a list or bag.
func (v Value) appendDisplay(b []byte) []byte {
	switch v.Kind() {
	case KindString, KindDate:
		return strconv.AppendQuote(b, v.text)
	case KindList:
		b = append(b, '[')
		for i, item := range v.List() {
			if i > 0 {
				b = append(b, ',')
			}
			b = item.appendDisplay(b)
		}
		return append(b, ']')
	case KindBag:
		b = append(b, '{')
		for i, p := range v.Bag() {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendQuote(b, p.Name)
			b = append(b, ':')
			b = p.Value.appendDisplay(b)
		}
		return append(b, '}')
	}
	return append(b, v.String()...)
}

// Strings returns the items of a list of strings, and whether v is one: a
// list whose items are all strings (an empty list is one). The slice is
// new.
func (v Value) Strings() ([]string, bool) {
	if v.Kind() != KindList {
		return nil, false
	}
	ss := make([]string, len(v.kids.list))
	for i, item := range v.kids.list {
		s, ok := item.Str()
		if !ok {
			return nil, false
		}
		ss[i] = s
	}
	return ss, true
}

// Equal reports whether v and w are the same value: the same kind and text,
// equal items or properties in the same order, and equal attributes. Values
// equal as JSON may differ in text ("1" and "1.0"), and are then not Equal.
func (v Value) Equal(w Value) bool {
	if v.Kind() != w.Kind() || v.text != w.text || !equalProps(v.Attrs(), w.Attrs()) {
		return false
	}
	switch v.Kind() {
	case KindList:
		a, b := v.List(), w.List()
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if !a[i].Equal(b[i]) {
				return false
			}
		}
	case KindBag:
		return equalProps(v.Bag(), w.Bag())
	}
	return true
}

// equalProps reports whether a and b hold equal properties in the same
// order.
func equalProps(a, b []Property) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || !a[i].Value.Equal(b[i].Value) {
			return false
		}
	}
	return true
}

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

	// noHref: the link had no href (see Href). It sits in the padding after
	// InArray, so that the Link stays 64 bytes, as do relAt and hrefAt.
	noHref bool

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

// An Input is the body of a POST request: an ordered property bag and the
// links an input may carry, such as the message of startMessaging
// (JSON "_links": {"message": {"href": "data:…"}}, XML
// <link rel="message" href="data:…"/>). JSON: an object; XML: an <input>
// element in the UCWA namespace.
//
// Order is kept and nothing is dropped: decoding then encoding in the same
// format gives the same properties and links in the same order (in JSON,
// "_links" is written after the properties, and a rel whose array under
// "_links" was empty, "rel": [], after the other rels). A PUT body is a
// [Resource], not an Input.
type Input struct {
	Properties []Property
	Links      []Link

	// The rels whose JSON array under "_links" was empty: no Link carries
	// them (as in Resource).
	emptyLinks []string
}

// Get returns the value of the first property named name.
func (in *Input) Get(name string) (Value, bool) { return Lookup(in.Properties, name) }

// Set sets the first property named name to v, or appends it if there is none.
func (in *Input) Set(name string, v Value) { in.Properties = setProp(in.Properties, name, v) }

func setProp(ps []Property, name string, v Value) []Property {
	for i := range ps {
		if ps[i].Name == name {
			ps[i].Value = v
			return ps
		}
	}
	return append(ps, Property{Name: name, Value: v})
}

// Link returns the first link with rel.
func (in *Input) Link(rel string) (Link, bool) { return findLink(in.Links, rel) }

func findLink(ls []Link, rel string) (Link, bool) {
	for i := range ls {
		if ls[i].Rel == rel {
			return ls[i], true
		}
	}
	return Link{}, false
}
