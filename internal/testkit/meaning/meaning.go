// Package meaning is the one comparator of decoded bodies across the two
// formats: Diff tells whether two bodies mean the same, and if not where
// they differ. The tests of the root package and of package fuzz use it to
// check that a body taken through the other format and back still says what
// it said.
//
// # The rules
//
// Two bodies mean the same when they are equal but for what one of the
// formats cannot say:
//
//   - Scalars compare by text, as XML has no types: a JSON number means the
//     same as an XML string of the same digits. A boolean matches a
//     boolean's text without regard to case (XML writes True, JSON true),
//     and nothing else. A date matches a date, or a string holding one, at
//     the same instant to the millisecond (JSON dates have milliseconds).
//     Null (JSON null, the XML empty element) matches only null: it is
//     neither the empty string nor an absent member.
//   - Properties, list items and the members of a bag compare in order.
//   - Links compare rel by rel, in order within a rel, by href and
//     attributes (the title among them); the order of the rels is not
//     compared, as JSON groups links by rel and XML carries the self link
//     as the href attribute. Embedded resources compare the same way.
//     InArray, which only JSON says, is not compared.
//   - A resource's rel is its Rel or, when that is "" (an XML resource
//     without a rel attribute), its scalar "rel" property, which a JSON
//     decoder would take for its Rel: a "rel" property that says the
//     resource's rel is ignored when only one side has it. A top-level
//     resource whose Rel and "rel" property differ, which only XML can say,
//     has its rel compared by neither.
//   - A field that is empty while an extra member of its name holds a
//     scalar (JSON's "code": 5, kept in Extra) means that scalar's text
//     (XML's <code>5</code>, which reads back as the field). A null extra
//     member is not folded so: it stays null.
//   - An error body's parameters and debugInfo compare by their properties
//     and by whether the body has them at all, empty ones included.
//
// # Why a package of its own
//
// Diff reads the bodies through the root package's exported API, so that
// it serves fuzz, an external package, as it serves the root's tests. It
// imports the root package, which the root's internal tests (package ucwa)
// cannot import back: they get Diff through a variable that the root's
// external test package sets (see the root's meaning_test.go), as
// export_test.go files hand unexported names the other way.
package meaning

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/ucwa-go/ucwa"
)

// Diff returns "" when a and b, two decoded bodies of the same type
// (ucwa.Input, ucwa.Resource, ucwa.Events or *ucwa.Error; the first three
// by value or by pointer), mean the same under the rules of the package, or
// else the differences, one per line, each with its path.
func Diff(a, b any) string {
	a, b = pointer(a), pointer(b)
	if ta, tb := reflect.TypeOf(a), reflect.TypeOf(b); ta != tb {
		return fmt.Sprintf("types differ: %v and %v", ta, tb)
	}
	var d differ
	switch a := a.(type) {
	case *ucwa.Input:
		d.input("", a, b.(*ucwa.Input))
	case *ucwa.Resource:
		d.resource("", a, b.(*ucwa.Resource), true)
	case *ucwa.Events:
		d.events("", a, b.(*ucwa.Events))
	case *ucwa.Error:
		d.error("", a, b.(*ucwa.Error))
	default:
		return fmt.Sprintf("meaning.Diff: unsupported type %T", a)
	}
	return strings.Join(d.diffs, "\n")
}

// pointer returns a pointer to a body given by value, and anything else as
// it is.
func pointer(v any) any {
	switch v := v.(type) {
	case ucwa.Input:
		return &v
	case ucwa.Resource:
		return &v
	case ucwa.Events:
		return &v
	}
	return v
}

// differ collects the differences found, each prefixed with its path.
type differ struct{ diffs []string }

func (d *differ) addf(path, format string, args ...any) {
	if path == "" {
		path = "/"
	}
	d.diffs = append(d.diffs, path+": "+fmt.Sprintf(format, args...))
}

func (d *differ) input(path string, a, b *ucwa.Input) {
	d.props(path, a.Properties, b.Properties)
	d.links(path+"/_links", a.Links, b.Links)
}

// resource compares two resources; top says they are bodies of their own,
// not embedded.
func (d *differ) resource(path string, a, b *ucwa.Resource, top bool) {
	ra, rb := effectiveRel(a), effectiveRel(b)
	if !(top && relConflict(a)) && !sameScalar(ra, rb) {
		d.addf(path, "rel %q, %q", ra.Text(), rb.Text())
	}
	pa, pb := a.Properties, b.Properties
	if _, inA := a.Get("rel"); inA != hasProp(pb, "rel") {
		pa, pb = withoutRel(pa, ra), withoutRel(pb, rb)
	}
	d.props(path, pa, pb)
	d.links(path+"/_links", a.Links, b.Links)
	ga, gb := byRel(a.Embedded, resourceRel), byRel(b.Embedded, resourceRel)
	for _, rel := range unionKeys(ga.order, gb.order) {
		xs, ys := ga.by[rel], gb.by[rel]
		p := path + "/_embedded/" + rel
		if len(xs) != len(ys) {
			d.addf(p, "%d and %d embedded resources", len(xs), len(ys))
			continue
		}
		for i := range xs {
			d.resource(fmt.Sprintf("%s/%d", p, i), xs[i], ys[i], false)
		}
	}
}

// effectiveRel is the rel of r: its Rel or, when that is "", its scalar
// "rel" property, which a JSON decoder takes for its Rel.
func effectiveRel(r *ucwa.Resource) ucwa.Value {
	if r.Rel != "" {
		return ucwa.String(r.Rel)
	}
	if v, ok := r.Get("rel"); ok && isScalar(v.Kind()) {
		return v
	}
	return ucwa.String("")
}

// relConflict reports whether r has a rel and a "rel" property that says
// another: only XML can say so, and JSON, which has one "rel" member for
// both, keeps the property.
func relConflict(r *ucwa.Resource) bool {
	v, ok := r.Get("rel")
	return r.Rel != "" && ok && !sameScalar(v, ucwa.String(r.Rel))
}

// withoutRel drops from ps a scalar "rel" property that says rel.
func withoutRel(ps []ucwa.Property, rel ucwa.Value) []ucwa.Property {
	i := slices.IndexFunc(ps, func(p ucwa.Property) bool { return p.Name == "rel" })
	if i < 0 || !isScalar(ps[i].Value.Kind()) || !sameScalar(ps[i].Value, rel) {
		return ps
	}
	return slices.Delete(slices.Clone(ps), i, i+1)
}

func (d *differ) events(path string, a, b *ucwa.Events) {
	d.links(path+"/_links", a.Links, b.Links)
	d.props(path, a.Extra, b.Extra)
	if len(a.Senders) != len(b.Senders) {
		d.addf(path+"/sender", "%d and %d senders", len(a.Senders), len(b.Senders))
		return
	}
	for i := range a.Senders {
		sa, sb := a.Senders[i], b.Senders[i]
		for _, s := range []*ucwa.Sender{&sa, &sb} {
			s.Rel, s.Extra = foldExtra(s.Rel, s.Extra, "rel")
			s.Href, s.Extra = foldExtra(s.Href, s.Extra, "href")
		}
		p := fmt.Sprintf("%s/sender/%d", path, i)
		if sa.Rel != sb.Rel || sa.Href != sb.Href {
			d.addf(p, "sender %q %q, %q %q", sa.Rel, sa.Href, sb.Rel, sb.Href)
		}
		d.props(p, sa.Extra, sb.Extra)
		if len(sa.Events) != len(sb.Events) {
			d.addf(p+"/events", "%d and %d events", len(sa.Events), len(sb.Events))
			continue
		}
		for j := range sa.Events {
			d.event(fmt.Sprintf("%s/events/%d", p, j), &sa.Events[j], &sb.Events[j])
		}
	}
}

// foldExtra returns field, or when it is "" the text of the scalar member
// name of extra, and extra without that member: XML carries no types, so a
// JSON "code": 5, which Extra keeps as it came, is <code>5</code> in XML,
// which reads back as the field. The two mean the same. A null member is not
// a scalar: it stays in extra.
func foldExtra(field string, extra []ucwa.Property, name string) (string, []ucwa.Property) {
	i := slices.IndexFunc(extra, func(p ucwa.Property) bool { return p.Name == name })
	if field != "" || i < 0 || !isScalar(extra[i].Value.Kind()) {
		return field, extra
	}
	return extra[i].Value.Text(), slices.Delete(slices.Clone(extra), i, i+1)
}

func (d *differ) event(path string, a, b *ucwa.Event) {
	ac, bc := *a, *b
	a, b = &ac, &bc
	a.Status, a.Extra = foldExtra(a.Status, a.Extra, "status")
	b.Status, b.Extra = foldExtra(b.Status, b.Extra, "status")
	if a.Type != b.Type {
		d.addf(path+"/type", "%q, %q", a.Type, b.Type)
	}
	d.link(path+"/link", &a.Link, &b.Link)
	switch {
	case (a.In == nil) != (b.In == nil):
		d.addf(path+"/in", "present %t, %t", a.In != nil, b.In != nil)
	case a.In != nil:
		d.link(path+"/in", a.In, b.In)
	}
	switch {
	case (a.Resource == nil) != (b.Resource == nil):
		d.addf(path+"/_embedded", "present %t, %t", a.Resource != nil, b.Resource != nil)
	case a.Resource != nil:
		d.resource(path+"/_embedded/"+a.Resource.Rel, a.Resource, b.Resource, false)
	}
	if a.Status != b.Status {
		d.addf(path+"/status", "%q, %q", a.Status, b.Status)
	}
	switch {
	case (a.Reason == nil) != (b.Reason == nil):
		d.addf(path+"/reason", "present %t, %t", a.Reason != nil, b.Reason != nil)
	case a.Reason != nil:
		d.error(path+"/reason", a.Reason, b.Reason)
	}
	d.props(path, a.Extra, b.Extra)
}

func (d *differ) error(path string, a, b *ucwa.Error) {
	paramsA, debugA := bags(a)
	paramsB, debugB := bags(b)
	ac, bc := *a, *b
	a, b = &ac, &bc
	for _, e := range []*ucwa.Error{a, b} {
		var s string
		s, e.Extra = foldExtra(string(e.Code), e.Extra, "code")
		e.Code = ucwa.Code(s)
		s, e.Extra = foldExtra(string(e.Subcode), e.Extra, "subcode")
		e.Subcode = ucwa.Subcode(s)
		e.Message, e.Extra = foldExtra(e.Message, e.Extra, "message")
	}
	if a.Status != b.Status {
		d.addf(path, "status %d, %d", a.Status, b.Status)
	}
	if a.Code != b.Code {
		d.addf(path+"/code", "%q, %q", a.Code, b.Code)
	}
	if a.Subcode != b.Subcode {
		d.addf(path+"/subcode", "%q, %q", a.Subcode, b.Subcode)
	}
	if a.Message != b.Message {
		d.addf(path+"/message", "%q, %q", a.Message, b.Message)
	}
	switch {
	case (a.Link == nil) != (b.Link == nil):
		d.addf(path+"/link", "present %t, %t", a.Link != nil, b.Link != nil)
	case a.Link != nil:
		d.link(path+"/link", a.Link, b.Link)
	}
	if paramsA != paramsB {
		d.addf(path+"/parameters", "present %t, %t", paramsA, paramsB)
	}
	d.props(path+"/parameters", a.Parameters, b.Parameters)
	if debugA != debugB {
		d.addf(path+"/debugInfo", "present %t, %t", debugA, debugB)
	}
	d.props(path+"/debugInfo", a.DebugInfo, b.DebugInfo)
	d.props(path, a.Extra, b.Extra)
	if (a.Cause == nil) != (b.Cause == nil) {
		d.addf(path, "cause %v, %v", a.Cause, b.Cause)
	}
}

// bags reports whether the error body e has its parameters and its
// debugInfo, empty ones included. The model keeps an empty bag apart from
// none ("parameters": {} against no member) without exporting it; the
// encoder writes it, so bags reads it from the JSON encoding of e with
// everything else emptied, where nothing but those members can be named so.
func bags(e *ucwa.Error) (params, debug bool) {
	c := *e
	c.Code, c.Subcode, c.Message, c.Link, c.Parameters, c.DebugInfo, c.Extra = "c", "", "", nil, nil, nil, nil
	b, err := c.Marshal(ucwa.JSON)
	if err != nil {
		panic("meaning: an error with nothing in it cannot be encoded: " + err.Error())
	}
	return len(e.Parameters) > 0 || bytes.Contains(b, []byte(`"parameters":`)),
		len(e.DebugInfo) > 0 || bytes.Contains(b, []byte(`"debugInfo":`))
}

// props compares two property lists in order.
func (d *differ) props(path string, a, b []ucwa.Property) {
	n := min(len(a), len(b))
	for i := range n {
		if a[i].Name != b[i].Name {
			d.addf(path, "property %d is %q, %q", i, a[i].Name, b[i].Name)
			return
		}
		d.value(path+"/"+a[i].Name, a[i].Value, b[i].Value)
	}
	for _, p := range a[n:] {
		d.addf(path+"/"+p.Name, "only in the first")
	}
	for _, p := range b[n:] {
		d.addf(path+"/"+p.Name, "only in the second")
	}
}

func hasProp(ps []ucwa.Property, name string) bool {
	_, ok := ucwa.Lookup(ps, name)
	return ok
}

// isScalar reports whether a value of kind k is a string, a boolean, a
// number or a date: null is not.
func isScalar(k ucwa.Kind) bool {
	return k == ucwa.KindString || k == ucwa.KindBool || k == ucwa.KindNumber || k == ucwa.KindDate
}

func (d *differ) value(path string, a, b ucwa.Value) {
	if diff := valueDiff(a, b); diff != "" {
		d.addf(path, "%s", diff)
		return
	}
	switch a.Kind() {
	case ucwa.KindList:
		for i := range a.List() {
			d.value(fmt.Sprintf("%s/%d", path, i), a.List()[i], b.List()[i])
		}
	case ucwa.KindBag:
		d.props(path, a.Bag(), b.Bag())
	}
}

// valueDiff compares a and b at the top: their kinds, scalars by the rules
// of the package, and the lengths of lists and bags. It returns "" when
// they match so far.
func valueDiff(a, b ucwa.Value) string {
	switch {
	case isScalar(a.Kind()) && isScalar(b.Kind()):
		if sameScalar(a, b) {
			return ""
		}
		return fmt.Sprintf("%s %q, %s %q", a.Kind(), a.Text(), b.Kind(), b.Text())
	case a.Kind() != b.Kind():
		return fmt.Sprintf("kind %s %q, %s %q", a.Kind(), a.Text(), b.Kind(), b.Text())
	case a.Kind() == ucwa.KindList && len(a.List()) != len(b.List()):
		return fmt.Sprintf("lists of %d and %d items", len(a.List()), len(b.List()))
	case a.Kind() == ucwa.KindBag && len(a.Bag()) != len(b.Bag()):
		return fmt.Sprintf("bags of %d and %d properties", len(a.Bag()), len(b.Bag()))
	}
	return ""
}

// sameScalar compares two scalars by the rules of the package.
func sameScalar(a, b ucwa.Value) bool {
	ka, kb := a.Kind(), b.Kind()
	switch {
	case ka == ucwa.KindDate || kb == ucwa.KindDate:
		if a.Text() == b.Text() {
			return true
		}
		ta, okA := scalarTime(a)
		tb, okB := scalarTime(b)
		return okA && okB && ta.UnixMilli() == tb.UnixMilli()
	case ka == ucwa.KindBool || kb == ucwa.KindBool:
		return isBoolText(a.Text()) && isBoolText(b.Text()) && strings.EqualFold(a.Text(), b.Text())
	}
	return a.Text() == b.Text()
}

func isBoolText(s string) bool {
	return s == "true" || s == "false" || s == "True" || s == "False"
}

// scalarTime reads a date, or a string holding one (as a JSON string holding
// an ISO 8601 date, which XML reads back as a date).
func scalarTime(v ucwa.Value) (time.Time, bool) {
	switch v.Kind() {
	case ucwa.KindDate:
		return v.Time()
	case ucwa.KindString:
		t, err := ucwa.ParseDate(v.Text())
		return t, err == nil
	}
	return time.Time{}, false
}

func (d *differ) link(path string, a, b *ucwa.Link) {
	if a.Rel != b.Rel {
		d.addf(path, "rel %q, %q", a.Rel, b.Rel)
	}
	if a.Href != b.Href {
		d.addf(path, "href %q, %q", a.Href, b.Href)
	}
	d.props(path, a.Attrs, b.Attrs)
}

// links compares two link lists rel by rel.
func (d *differ) links(path string, a, b []ucwa.Link) {
	ga, gb := byRel(a, linkRel), byRel(b, linkRel)
	for _, rel := range unionKeys(ga.order, gb.order) {
		xs, ys := ga.by[rel], gb.by[rel]
		p := path + "/" + rel
		if len(xs) != len(ys) {
			d.addf(p, "%d and %d links", len(xs), len(ys))
			continue
		}
		for i := range xs {
			q := p
			if len(xs) > 1 {
				q = fmt.Sprintf("%s/%d", p, i)
			}
			d.link(q, xs[i], ys[i])
		}
	}
}

func linkRel(l *ucwa.Link) string         { return l.Rel }
func resourceRel(r *ucwa.Resource) string { return r.Rel }

// grouped is a list of links or resources grouped by rel, the rels in the
// order each first appears.
type grouped[T any] struct {
	order []string
	by    map[string][]*T
}

func byRel[T any](items []T, rel func(*T) string) grouped[T] {
	g := grouped[T]{by: map[string][]*T{}}
	for i := range items {
		r := rel(&items[i])
		if _, ok := g.by[r]; !ok {
			g.order = append(g.order, r)
		}
		g.by[r] = append(g.by[r], &items[i])
	}
	return g
}

// unionKeys returns the keys of a in order, then those of b not in a.
func unionKeys(a, b []string) []string {
	out := slices.Clone(a)
	for _, k := range b {
		if !slices.Contains(a, k) {
			out = append(out, k)
		}
	}
	return out
}
