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
// an offset or "Z" is a date, an empty element (<property name="x"/>) is null
// while an element with an end tag (<property name="x"></property>) is the
// empty string, and everything else is a string. Numbers stay strings in XML. A JSON string is a date only in
// the ASP.NET AJAX form with escaped slashes, "\/Date(1436925243767)\/".
//
// Values are immutable once built; copying a Value is cheap and shares its
// list or bag.
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
type kids struct {
	kind Kind
	list []Value
	bag  []Property
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
	return v.kids.kind
}

// Text returns the text of a scalar value as it was decoded or built: the
// string itself, "true" or "True", a number's digits, a date's raw form
// ("/Date(1436925243767)/" or "2015-07-14T20:54:03.7675175-05:00"). It returns
// "" for null, lists and bags.
func (v Value) Text() string { return v.text }

// Str returns the string v holds and whether v is a string.
func (v Value) Str() (string, bool) { return v.text, v.kids == &scalarKids[KindString] }

// Bool returns the boolean v holds and whether v is a boolean.
func (v Value) Bool() (b, ok bool) {
	if v.kids != &scalarKids[KindBool] {
		return false, false
	}
	return v.text == "true" || v.text == "True", true
}

// Int returns the integer v holds and whether v is a number that fits an
// int64. A string of decimal digits, as XML gives, is also read.
func (v Value) Int() (int64, bool) {
	if v.kids != &scalarKids[KindNumber] && v.kids != &scalarKids[KindString] {
		return 0, false
	}
	i, err := strconv.ParseInt(v.text, 10, 64)
	return i, err == nil
}

// Time returns the instant v holds and whether v is a date.
func (v Value) Time() (time.Time, bool) {
	if v.kids != &scalarKids[KindDate] {
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
// and equal items or properties in the same order. Values equal as JSON may
// differ in text ("1" and "1.0"), and are then not Equal.
func (v Value) Equal(w Value) bool {
	if v.Kind() != w.Kind() || v.text != w.text {
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
		a, b := v.Bag(), w.Bag()
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if a[i].Name != b[i].Name || !a[i].Value.Equal(b[i].Value) {
				return false
			}
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
	Rel  string
	Href string

	// Attrs holds the link's other attributes in order: "title" (see
	// Title), "etag", "revision" and any other. Their values are kept as
	// decoded: in JSON any scalar, in XML strings. The title is one of
	// them, not a field of its own, so that a Link is 64 bytes (on 64-bit
	// platforms), not 80: links are most of what a decoded body holds, and
	// every byte a decode allocates costs garbage collection.
	Attrs []Property

	// InArray reports whether, in JSON, the link sat in an array under its
	// rel ("rel": [{…}]) rather than alone ("rel": {…}). The docs promise a
	// rel is always one or always the other, so it is kept; the JSON encoder
	// writes an array when any link of a rel has InArray set or when the rel
	// has several links. XML cannot tell the two apart.
	InArray bool
}

// Title returns the text of the link's "title" attribute, and whether it has
// one: a link may have an empty title (the docs show "title": "").
func (l Link) Title() (string, bool) {
	v, ok := Lookup(l.Attrs, "title")
	return v.Text(), ok
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
