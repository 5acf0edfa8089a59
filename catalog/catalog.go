// Package catalog is the UCWA 2.0 reference as data: every resource with its
// properties, links, events and operations, every operation with its
// parameters (type, required, maximum length, range, enumeration, query or
// body, link or property), the rel of its response and its errors, and every
// enumeration with its values. It looks them up, validates bodies against
// them, types XML bodies (see [Typer]) and reads a parameter's value from
// text (see [Field.Parse]).
//
// # Where the catalog comes from
//
// The catalog is extracted from the reference by internal/cmd/ucwagen into
// catalog.json, the data file committed beside this package; where the
// reference is inconsistent (a type written only in prose or shown only in
// examples, a parameter listed both in the query and in the body, enum
// values missing from their page), a line of overrides.txt settles it, with
// its reason. The Go tables (zz_catalog.go) and the typed inputs of package
// api are generated from the two files by go generate. Each [Field] says
// where its type came from.
//
// # Names
//
// A resource is named by its page in the reference ("search2"), which is
// also the rel of the link to it, but for revisions: search2 is the
// resource of rel "search" at revision 2. An operation is named by its
// resource, for a POST ("startMessaging"), or by its resource and method
// otherwise ("myOnlineMeeting:PUT", "contact:GET").
//
// The values this package returns are shared: do not modify them.
package catalog

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Kind is the kind of a type.
type Kind uint8

// The kinds of types the reference uses.
const (
	String   Kind = iota + 1 // text
	Boolean                  // true or false
	Int32                    // an integer of 32 bits
	Int64                    // an integer of 64 bits
	DateTime                 // a date: JSON "\/Date(…)\/", XML ISO 8601
	TimeSpan                 // a duration, written as XML Schema writes one: "PT5M"
	Href                     // a link-valued parameter: its href, in "_links" or a <link>
	Object                   // a nested property bag
	Enum                     // a string among the values of an enumeration
	Byte                     // a byte of a body that is not UCWA's (SDP)
)

var kindNames = [...]string{"", "String", "Boolean", "Int32", "Int64", "DateTime", "TimeSpan", "Href", "Object", "",
	"Byte"}

// A Type is the type of a property or a parameter.
type Type struct {
	Kind  Kind
	Enum  string // the enumeration, for Kind Enum
	Array bool   // a list of values of the type
}

// String returns the type as the reference writes it: "String", "Importance",
// "Array of ModalityType".
func (t Type) String() string {
	s := t.Enum
	if t.Kind != Enum && int(t.Kind) < len(kindNames) {
		s = kindNames[t.Kind]
	}
	if t.Array {
		return "Array of " + s
	}
	return s
}

// A Field is a property of a resource or a parameter of an operation.
type Field struct {
	Name string
	Type Type
	// Source says where the type came from: "table" (the page's property
	// or parameter table), "example" (the page's JSON examples) or
	// "override" (a line of overrides.txt).
	Source string
	// In is "body" or "query", for a parameter; "" for a property.
	In       string
	Required bool
	// Nullable is set where the reference types the parameter Nullable.
	Nullable bool
	// MaxLength is the most characters (as ucwa.TextLength counts them) a
	// string may have; 0 means no limit.
	MaxLength int
	// HasRange is set when Min and Max bound an integer.
	HasRange bool
	Min, Max int64
}

// A Link is a rel a resource may link to or embed.
type Link struct {
	Rel string
	// Many is set when the reference shows several links of the rel at
	// once (a JSON array).
	Many bool
}

// An Event is a kind of event of which a resource is the target.
type Event struct {
	Type     string // "added", "updated", "deleted", "started", "completed"
	Sender   string // the rel of the sender
	Priority string // "High", "Medium", "Low"
}

// A Resource is a resource of the reference.
type Resource struct {
	// Name is the page's name: "search2".
	Name string
	// Rel is the rel the server writes for it: "search" for search2.
	Rel string
	// Revision is the revision of Rel, 2 for search2; 0 for a resource
	// that is not a revision of another.
	Revision int
	// AliasOf names the resource a GET of this rel returns when that is
	// another: organizer returns a contact.
	AliasOf    string
	Properties []Field
	Links      []Link
	Events     []Event
	Operations []Operation
}

// An Operation is an HTTP method on a resource.
type Operation struct {
	Resource string // the resource's name
	Method   string // GET, POST, PUT, DELETE, OPTIONS
	// Params are the query parameters, then the body parameters, in the
	// order of the reference.
	Params []Field
	// Body is what the request carries: "input" (a UCWA input),
	// "resource" (a UCWA resource, for a PUT), "" for no body, or the
	// media type of a body that is not UCWA's ("application/sdp").
	Body string
	// Response is the name of the resource the response holds or its
	// Location points to, "" when there is none.
	Response string
	Errors   []Error
}

// An Error is a synchronous error an operation documents.
type Error struct {
	Status  int    // the HTTP status
	Code    string // "Conflict"
	Subcode string // "AlreadyExists"; "" for none
}

// String returns "409 Conflict/AlreadyExists".
func (e Error) String() string {
	s := fmt.Sprintf("%d %s", e.Status, e.Code)
	if e.Subcode != "" {
		s += "/" + e.Subcode
	}
	return s
}

// An Enumeration is an enum type of the reference and its values.
type Enumeration struct {
	Name   string
	Values []string
}

// Has reports whether v is a value of e.
func (e *Enumeration) Has(v string) bool { return slices.Contains(e.Values, v) }

// Resources returns every resource, sorted by name.
func Resources() []*Resource {
	rs := make([]*Resource, len(resources))
	for i := range resources {
		rs[i] = &resources[i]
	}
	return rs
}

// Lookup returns the resource named name ("search2"), or nil.
func Lookup(name string) *Resource {
	i := sort.Search(len(resources), func(i int) bool { return resources[i].Name >= name })
	if i < len(resources) && resources[i].Name == name {
		return &resources[i]
	}
	return nil
}

// ByRel returns the resources whose rel is rel, lowest revision first:
// ByRel("search") returns search and search2.
func ByRel(rel string) []*Resource {
	var rs []*Resource
	for i := range resources {
		if resources[i].Rel == rel {
			rs = append(rs, &resources[i])
		}
	}
	slices.SortStableFunc(rs, func(a, b *Resource) int { return a.Revision - b.Revision })
	return rs
}

// ForRel returns the resource a body of rel rel is checked against: the
// resource named rel, else the lowest revision of rel, else nil.
func ForRel(rel string) *Resource {
	if r := Lookup(rel); r != nil && r.Rel == rel {
		return r
	}
	if rs := ByRel(rel); len(rs) > 0 {
		return rs[0]
	}
	return nil
}

// Enumerations returns every enumeration, sorted by name.
func Enumerations() []*Enumeration {
	es := make([]*Enumeration, len(enums))
	for i := range enums {
		es[i] = &enums[i]
	}
	return es
}

// LookupEnum returns the enumeration named name, or nil.
func LookupEnum(name string) *Enumeration {
	i := sort.Search(len(enums), func(i int) bool { return enums[i].Name >= name })
	if i < len(enums) && enums[i].Name == name {
		return &enums[i]
	}
	return nil
}

// Op returns the operation named name: "startMessaging" (a POST),
// "myOnlineMeeting:PUT", "contact:GET". The method may be written in
// any case.
func Op(name string) (*Operation, error) {
	res, method, ok := strings.Cut(name, ":")
	if !ok {
		method = "POST"
	}
	method = strings.ToUpper(method)
	r := Lookup(res)
	if r == nil {
		return nil, fmt.Errorf("no resource %q in the catalog", res)
	}
	if op := r.Op(method); op != nil {
		return op, nil
	}
	var have []string
	for _, op := range r.Operations {
		have = append(have, op.Name())
	}
	return nil, fmt.Errorf("%s has no %s operation (it has %s)", res, method, strings.Join(have, ", "))
}

// Ops returns every operation, by resource and in the order of the
// reference.
func Ops() []*Operation {
	var ops []*Operation
	for i := range resources {
		for j := range resources[i].Operations {
			ops = append(ops, &resources[i].Operations[j])
		}
	}
	return ops
}

// Op returns r's operation of the method, or nil.
func (r *Resource) Op(method string) *Operation {
	for i := range r.Operations {
		if r.Operations[i].Method == method {
			return &r.Operations[i]
		}
	}
	return nil
}

// Props returns the properties a body of r holds: r's own or, for an alias
// that lists none, those of the resource it is an alias of.
func (r *Resource) Props() []Field {
	if len(r.Properties) == 0 && r.AliasOf != "" {
		if a := Lookup(r.AliasOf); a != nil {
			return a.Properties
		}
	}
	return r.Properties
}

// Property returns the property name of a body of r (see Props), or nil.
func (r *Resource) Property(name string) *Field { return find(r.Props(), name, "") }

// HasLink reports whether r lists the rel among its links.
func (r *Resource) HasLink(rel string) bool {
	for _, l := range r.Links {
		if l.Rel == rel {
			return true
		}
	}
	return false
}

// Name returns the operation's name: the resource's for a POST,
// "resource:METHOD" otherwise.
func (op *Operation) Name() string {
	if op.Method == "POST" {
		return op.Resource
	}
	return op.Resource + ":" + op.Method
}

// Param returns the body parameter name of op or, when op's body has
// none of that name, the query parameter; nil when op has neither.
func (op *Operation) Param(name string) *Field {
	if f := find(op.Params, name, "body"); f != nil {
		return f
	}
	return find(op.Params, name, "query")
}

// BodyParams returns op's body parameters, in order.
func (op *Operation) BodyParams() []Field {
	i := slices.IndexFunc(op.Params, func(f Field) bool { return f.In == "body" })
	if i < 0 {
		return nil
	}
	return op.Params[i:]
}

func find(fs []Field, name, in string) *Field {
	for i := range fs {
		if fs[i].Name == name && (in == "" || fs[i].In == in) {
			return &fs[i]
		}
	}
	return nil
}
