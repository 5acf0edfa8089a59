package ucwa

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// This file holds two comparators of decoded bodies, for tests:
//
//   - exactDiff, for two bodies decoded from the same format: deep equality
//     of every field, unexported ones included.
//   - sameMeaning, for two bodies that may come from different formats: equal
//     but for what one of the formats cannot say.
//
// The cross-format rules (see CONTEXT.md and the Value, Link and Resource
// docs):
//
//   - Scalars are compared by text, since XML carries no types: a JSON number
//     means the same as an XML string of the same digits; a boolean matches
//     its text without regard to case ("True" is true); a date matches
//     another date, or a string holding one, by instant to the millisecond.
//     JSON null and an XML empty element are both Null.
//   - Properties are compared in order. A resource's rel is its rel attribute
//     in XML and its "rel" property in JSON (Resource.Rel, or the "rel"
//     property when Rel is "", as in an XML PUT body without a rel
//     attribute): a "rel" property whose text is that rel is ignored when
//     only one side has it.
//   - Links are compared by rel, href, title (and whether it was present) and
//     other attributes; InArray is ignored, and so is the order of links of
//     different rels (JSON groups links under their rel, and XML carries the
//     self link as the href attribute), but not the order of links of one rel.
//   - Embedded resources are compared recursively, by the same rules; InArray
//     and the order across rels are ignored as for links.

// exactDiff returns "" when a and b are deeply equal, unexported fields
// included (Values by Value.Equal, which cmp uses: same kind, same text,
// same items), or else a diff (-a +b).
func exactDiff(a, b any) string {
	// Every struct type of a body is this package's, and plain data.
	return cmp.Diff(a, b, cmp.Exporter(func(reflect.Type) bool { return true }))
}

// sameMeaning returns "" when a and b, two decoded bodies of the same type
// (Input, Resource, Events or *Error, by value or by pointer), mean the same
// under the cross-format rules above, or else the differences, one per line,
// each with the path where it is.
func sameMeaning(a, b any) string {
	var d differ
	switch a := a.(type) {
	case Input:
		b, ok := b.(Input)
		if !ok {
			return fmt.Sprintf("types differ: %T and %T", a, b)
		}
		d.input("", &a, &b)
	case *Input:
		b, ok := b.(*Input)
		if !ok {
			return fmt.Sprintf("types differ: %T and %T", a, b)
		}
		d.input("", a, b)
	case Resource:
		b, ok := b.(Resource)
		if !ok {
			return fmt.Sprintf("types differ: %T and %T", a, b)
		}
		d.resource("", &a, &b)
	case *Resource:
		b, ok := b.(*Resource)
		if !ok {
			return fmt.Sprintf("types differ: %T and %T", a, b)
		}
		d.resource("", a, b)
	case Events:
		b, ok := b.(Events)
		if !ok {
			return fmt.Sprintf("types differ: %T and %T", a, b)
		}
		d.events("", &a, &b)
	case *Events:
		b, ok := b.(*Events)
		if !ok {
			return fmt.Sprintf("types differ: %T and %T", a, b)
		}
		d.events("", a, b)
	case *Error:
		b, ok := b.(*Error)
		if !ok {
			return fmt.Sprintf("types differ: %T and %T", a, b)
		}
		d.error("", a, b)
	default:
		return fmt.Sprintf("sameMeaning: unsupported type %T", a)
	}
	return strings.Join(d.diffs, "\n")
}

// differ collects the differences found, each prefixed with its path.
type differ struct{ diffs []string }

func (d *differ) addf(path, format string, args ...any) {
	if path == "" {
		path = "/"
	}
	d.diffs = append(d.diffs, path+": "+fmt.Sprintf(format, args...))
}

func (d *differ) input(path string, a, b *Input) {
	d.props(path, a.Properties, b.Properties, "")
	d.links(path+"/_links", a.Links, b.Links)
}

func (d *differ) resource(path string, a, b *Resource) {
	rel := effectiveRel(a)
	if relB := effectiveRel(b); rel != relB {
		d.addf(path, "rel %q, %q", rel, relB)
	}
	d.props(path, a.Properties, b.Properties, rel)
	d.links(path+"/_links", a.Links, b.Links)
	ra, rb := groupEmbedded(a.Embedded), groupEmbedded(b.Embedded)
	for _, rel := range unionKeys(ra.order, rb.order) {
		xs, ys := ra.by[rel], rb.by[rel]
		p := path + "/_embedded/" + rel
		if len(xs) != len(ys) {
			d.addf(p, "%d and %d embedded resources", len(xs), len(ys))
			continue
		}
		for i := range xs {
			d.resource(fmt.Sprintf("%s/%d", p, i), xs[i], ys[i])
		}
	}
}

func (d *differ) events(path string, a, b *Events) {
	d.links(path+"/_links", a.Links, b.Links)
	d.props(path, a.Extra, b.Extra, "")
	if len(a.Senders) != len(b.Senders) {
		d.addf(path+"/sender", "%d and %d senders", len(a.Senders), len(b.Senders))
		return
	}
	for i := range a.Senders {
		sa, sb := a.Senders[i], b.Senders[i]
		for _, s := range []*Sender{&sa, &sb} {
			s.Rel, s.Extra = foldExtra(s.Rel, s.Extra, "rel")
			s.Href, s.Extra = foldExtra(s.Href, s.Extra, "href")
		}
		p := fmt.Sprintf("%s/sender/%d", path, i)
		if sa.Rel != sb.Rel || sa.Href != sb.Href {
			d.addf(p, "sender %q %q, %q %q", sa.Rel, sa.Href, sb.Rel, sb.Href)
		}
		d.props(p, sa.Extra, sb.Extra, "")
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
// name of extra, and extra without it: XML carries no types, so a JSON
// "code": 5, which Extra keeps as it came, is <code>5</code> in XML, which
// reads back as the field. The two mean the same.
func foldExtra(field string, extra []Property, name string) (string, []Property) {
	i := slices.IndexFunc(extra, func(p Property) bool { return p.Name == name })
	if field != "" || i < 0 || !isScalar(extra[i].Value.Kind()) {
		return field, extra
	}
	return extra[i].Value.Text(), slices.Delete(slices.Clone(extra), i, i+1)
}

func (d *differ) event(path string, a, b *Event) {
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
		d.resource(path+"/_embedded/"+a.Resource.Rel, a.Resource, b.Resource)
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
	d.props(path, a.Extra, b.Extra, "")
}

func (d *differ) error(path string, a, b *Error) {
	ac, bc := *a, *b
	a, b = &ac, &bc
	for _, e := range []*Error{a, b} {
		var s string
		s, e.Extra = foldExtra(string(e.Code), e.Extra, "code")
		e.Code = Code(s)
		s, e.Extra = foldExtra(string(e.Subcode), e.Extra, "subcode")
		e.Subcode = Subcode(s)
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
	if ha, hb := a.hasParameters || len(a.Parameters) > 0, b.hasParameters || len(b.Parameters) > 0; ha != hb {
		d.addf(path+"/parameters", "present %t, %t", ha, hb)
	}
	d.props(path+"/parameters", a.Parameters, b.Parameters, "")
	if ha, hb := a.hasDebugInfo || len(a.DebugInfo) > 0, b.hasDebugInfo || len(b.DebugInfo) > 0; ha != hb {
		d.addf(path+"/debugInfo", "present %t, %t", ha, hb)
	}
	d.props(path+"/debugInfo", a.DebugInfo, b.DebugInfo, "")
	d.props(path, a.Extra, b.Extra, "")
	if (a.Cause == nil) != (b.Cause == nil) {
		d.addf(path, "cause %v, %v", a.Cause, b.Cause)
	}
}

// props compares two property lists in order. When rel is not "", a "rel"
// property whose text is rel is dropped from a side when the other side has
// no "rel" property.
func (d *differ) props(path string, a, b []Property, rel string) {
	if rel != "" {
		_, inA := Lookup(a, "rel")
		_, inB := Lookup(b, "rel")
		if inA != inB {
			a, b = dropRel(a, rel), dropRel(b, rel)
		}
	}
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

// effectiveRel is the rel of r: its Rel or, when that is "" (an XML
// resource without a rel attribute), its "rel" property, which a JSON
// decoder would have taken as Rel.
func effectiveRel(r *Resource) string {
	if r.Rel != "" {
		return r.Rel
	}
	if v, ok := r.Get("rel"); ok && isScalar(v.Kind()) {
		return v.Text()
	}
	return ""
}

func dropRel(ps []Property, rel string) []Property {
	for i, p := range ps {
		if p.Name == "rel" {
			if p.Value.Text() != rel || !isScalar(p.Value.Kind()) {
				return ps
			}
			out := make([]Property, 0, len(ps)-1)
			out = append(out, ps[:i]...)
			return append(out, ps[i+1:]...)
		}
	}
	return ps
}

func isScalar(k Kind) bool {
	return k == KindString || k == KindBool || k == KindNumber || k == KindDate
}

func (d *differ) value(path string, a, b Value) {
	if diff := valueDiff(a, b); diff != "" {
		d.addf(path, "%s", diff)
		return
	}
	switch a.Kind() {
	case KindList:
		for i := range a.List() {
			d.value(fmt.Sprintf("%s/%d", path, i), a.List()[i], b.List()[i])
		}
	case KindBag:
		d.props(path, a.Bag(), b.Bag(), "")
	}
}

// valueDiff compares a and b at the top: their kinds, scalars by the
// cross-format rules, and the lengths of lists. It returns "" when they
// match so far.
func valueDiff(a, b Value) string {
	switch {
	case isScalar(a.Kind()) && isScalar(b.Kind()):
		if sameScalar(a, b) {
			return ""
		}
		return fmt.Sprintf("%s %q, %s %q", a.Kind(), a.Text(), b.Kind(), b.Text())
	case a.Kind() != b.Kind():
		return fmt.Sprintf("kind %s %q, %s %q", a.Kind(), a.Text(), b.Kind(), b.Text())
	case a.Kind() == KindList && len(a.List()) != len(b.List()):
		return fmt.Sprintf("lists of %d and %d items", len(a.List()), len(b.List()))
	case a.Kind() == KindBag && len(a.Bag()) != len(b.Bag()):
		return fmt.Sprintf("bags of %d and %d properties", len(a.Bag()), len(b.Bag()))
	}
	return ""
}

// sameScalar compares two scalars by the cross-format rules.
func sameScalar(a, b Value) bool {
	if a.Text() == b.Text() {
		return true
	}
	if (a.Kind() == KindBool || b.Kind() == KindBool) && strings.EqualFold(a.Text(), b.Text()) {
		return true
	}
	if a.Kind() == KindDate || b.Kind() == KindDate {
		ta, okA := scalarTime(a)
		tb, okB := scalarTime(b)
		return okA && okB && ta.UnixMilli() == tb.UnixMilli()
	}
	return false
}

// scalarTime reads a date, or a string holding one (as a JSON string holding
// an ISO 8601 date, which XML reads back as a date).
func scalarTime(v Value) (time.Time, bool) {
	switch v.Kind() {
	case KindDate:
		return v.Time()
	case KindString:
		t, err := ParseDate(v.Text())
		return t, err == nil
	}
	return time.Time{}, false
}

func (d *differ) link(path string, a, b *Link) {
	if a.Rel != b.Rel {
		d.addf(path, "rel %q, %q", a.Rel, b.Rel)
	}
	if a.Href != b.Href {
		d.addf(path, "href %q, %q", a.Href, b.Href)
	}
	d.props(path, a.Attrs, b.Attrs, "")
}

// links compares two link lists rel by rel.
func (d *differ) links(path string, a, b []Link) {
	ga, gb := groupLinks(a), groupLinks(b)
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

type grouped[T any] struct {
	order []string
	by    map[string][]*T
}

func groupLinks(ls []Link) grouped[Link] {
	g := grouped[Link]{by: map[string][]*Link{}}
	for i := range ls {
		rel := ls[i].Rel
		if _, ok := g.by[rel]; !ok {
			g.order = append(g.order, rel)
		}
		g.by[rel] = append(g.by[rel], &ls[i])
	}
	return g
}

func groupEmbedded(rs []Resource) grouped[Resource] {
	g := grouped[Resource]{by: map[string][]*Resource{}}
	for i := range rs {
		rel := rs[i].Rel
		if _, ok := g.by[rel]; !ok {
			g.order = append(g.order, rel)
		}
		g.by[rel] = append(g.by[rel], &rs[i])
	}
	return g
}

// unionKeys returns the keys of a in order, then those of b not in a.
func unionKeys(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, k := range b {
		found := false
		for _, k2 := range a {
			if k == k2 {
				found = true
				break
			}
		}
		if !found {
			out = append(out, k)
		}
	}
	return out
}

func TestSameMeaning(t *testing.T) {
	v := scalar
	res := func(rel string, ps ...Property) *Resource { return &Resource{Rel: rel, Properties: ps} }
	in := func(ps ...Property) *Input { return &Input{Properties: ps} }
	inLinks := func(ls ...Link) *Input { return &Input{Links: ls} }
	tests := []struct {
		at   string
		a, b any
		want string // "" for the same meaning, else a part of the diff
	}{
		// Scalars by text.
		{testkit.Where(), in(Prop("n", v(KindNumber, "5"))), in(Prop("n", v(KindString, "5"))), ""},
		{testkit.Where(), in(Prop("n", v(KindNumber, "5"))), in(Prop("n", v(KindString, "05"))), `/n: number "5", string "05"`},
		{testkit.Where(), in(Prop("b", v(KindBool, "True"))), in(Prop("b", v(KindBool, "true"))), ""},
		{testkit.Where(), in(Prop("b", v(KindBool, "False"))), in(Prop("b", v(KindString, "false"))), ""},
		{testkit.Where(), in(Prop("b", v(KindBool, "true"))), in(Prop("b", v(KindString, "yes"))), `/b: bool "true", string "yes"`},
		{testkit.Where(), in(Prop("s", v(KindString, "Abc"))), in(Prop("s", v(KindString, "abc"))), `/s: string`},
		{testkit.Where(), in(Prop("x", Null())), in(Prop("x", Null())), ""},
		{testkit.Where(), in(Prop("x", Null())), in(Prop("x", String(""))), `/x: kind null "", string ""`},
		// Dates by instant to the millisecond.
		{testkit.Where(), in(Prop("d", v(KindDate, "/Date(1436925243767-0500)/"))), in(Prop("d", v(KindDate, "2015-07-14T20:54:03.7675175-05:00"))), ""},
		{testkit.Where(), in(Prop("d", v(KindDate, "/Date(1436925243767)/"))), in(Prop("d", v(KindDate, "2015-07-15T01:54:03.767Z"))), ""},
		{testkit.Where(), in(Prop("d", v(KindDate, "/Date(1436925243767)/"))), in(Prop("d", v(KindString, "2015-07-15T01:54:03.767Z"))), ""},
		{testkit.Where(), in(Prop("d", v(KindDate, "/Date(1436925243767)/"))), in(Prop("d", v(KindDate, "2015-07-15T01:54:03.768Z"))), `/d: date`},
		{testkit.Where(), in(Prop("d", v(KindDate, "/Date(1436925243767)/"))), in(Prop("d", v(KindString, "yesterday"))), `/d: date`},
		// Lists and bags, in order.
		{testkit.Where(), in(Prop("l", List(String("a"), Null()))), in(Prop("l", List(String("a"), Null()))), ""},
		{testkit.Where(), in(Prop("l", List(String("a")))), in(Prop("l", List(String("a"), String("b")))), "lists of 1 and 2 items"},
		{testkit.Where(), in(Prop("l", List(String("a"), String("b")))), in(Prop("l", List(String("b"), String("a")))), `/l/0: string "a", string "b"`},
		{testkit.Where(), in(Prop("g", Bag(Prop("x", v(KindNumber, "1"))))), in(Prop("g", Bag(Prop("x", String("1"))))), ""},
		{testkit.Where(), in(Prop("g", Bag(Prop("x", String("1"))))), in(Prop("g", Bag(Prop("y", String("1"))))), `/g: property 0 is "x", "y"`},
		{testkit.Where(), in(Prop("a", Null()), Prop("b", Null())), in(Prop("b", Null()), Prop("a", Null())), `property 0 is "a", "b"`},
		{testkit.Where(), in(Prop("a", Null())), in(), `/a: only in the first`},
		// Links: by rel, InArray ignored, order within a rel kept.
		{testkit.Where(),
			inLinks(Link{Rel: "self", Href: "/s"}, Link{Rel: "a", Href: "/a", InArray: true}, Link{Rel: "b", Href: "/b"}),
			inLinks(Link{Rel: "a", Href: "/a"}, Link{Rel: "self", Href: "/s"}, Link{Rel: "b", Href: "/b"}), ""},
		{testkit.Where(),
			inLinks(Link{Rel: "a", Href: "/1"}, Link{Rel: "a", Href: "/2"}),
			inLinks(Link{Rel: "a", Href: "/2"}, Link{Rel: "a", Href: "/1"}), `/_links/a/0: href "/1", "/2"`},
		{testkit.Where(), inLinks(Link{Rel: "a", Href: "/a"}), inLinks(Link{Rel: "b", Href: "/a"}), `/_links/a: 1 and 0 links`},
		{testkit.Where(), inLinks(Link{Rel: "a", Href: "/a", Attrs: []Property{Prop("title", String(""))}}), inLinks(Link{Rel: "a", Href: "/a"}), `/_links/a/title: only in the first`},
		{testkit.Where(),
			inLinks(Link{Rel: "a", Href: "/a", Attrs: []Property{Prop("revision", v(KindNumber, "2"))}}),
			inLinks(Link{Rel: "a", Href: "/a", Attrs: []Property{Prop("revision", String("2"))}}), ""},
		{testkit.Where(),
			inLinks(Link{Rel: "a", Href: "/a", Attrs: []Property{Prop("revision", String("2"))}}),
			inLinks(Link{Rel: "a", Href: "/a"}), `/_links/a/revision: only in the first`},
		// A resource's rel: attribute, key or property.
		{testkit.Where(), res("me", Prop("rel", String("me")), Prop("name", String("x"))), res("me", Prop("name", String("x"))), ""},
		{testkit.Where(), res("", Prop("rel", String("me"))), res("me", Prop("rel", String("me"))), ""},
		{testkit.Where(), res("me", Prop("rel", String("you"))), res("me"), `/rel: only in the first`},
		{testkit.Where(), res("me"), res("you"), `/: rel "me", "you"`},
		{testkit.Where(),
			&Resource{Embedded: []Resource{{Rel: "a", InArray: true}, {Rel: "b"}, {Rel: "a", Properties: []Property{Prop("n", String("2"))}}}},
			&Resource{Embedded: []Resource{{Rel: "b"}, {Rel: "a"}, {Rel: "a", Properties: []Property{Prop("n", v(KindNumber, "2"))}}}}, ""},
		{testkit.Where(),
			&Resource{Embedded: []Resource{{Rel: "a", Properties: []Property{Prop("n", String("1"))}}}},
			&Resource{Embedded: []Resource{{Rel: "a", Properties: []Property{Prop("n", String("2"))}}}}, `/_embedded/a/0/n: string "1", string "2"`},
		{testkit.Where(), &Resource{Embedded: []Resource{{Rel: "a"}}}, &Resource{}, `/_embedded/a: 1 and 0 embedded resources`},
		// Events and errors.
		{testkit.Where(),
			&Events{Senders: []Sender{{Rel: "me", Href: "/me", Events: []Event{{Type: Added, Link: Link{Rel: "note", Href: "/n"}}}}}},
			&Events{Senders: []Sender{{Rel: "me", Href: "/me", Events: []Event{{Type: Updated, Link: Link{Rel: "note", Href: "/n"}}}}}},
			`/sender/0/events/0/type: "added", "updated"`},
		{testkit.Where(),
			&Events{Senders: []Sender{{Events: []Event{{Type: Added, Resource: res("note", Prop("message", String("hi")))}}}}},
			&Events{Senders: []Sender{{Events: []Event{{Type: Added, Resource: res("note", Prop("message", String("ho")))}}}}},
			`/sender/0/events/0/_embedded/note/message: string "hi", string "ho"`},
		{testkit.Where(), &Events{Senders: []Sender{{}}}, &Events{}, `/sender: 1 and 0 senders`},
		{testkit.Where(), &Error{Code: "Conflict", hasParameters: true}, &Error{Code: "Conflict"}, `/parameters: present true, false`},
		{testkit.Where(), &Error{Code: "Conflict", DebugInfo: []Property{Prop("x", v(KindNumber, "1"))}}, &Error{Code: "Conflict", hasDebugInfo: true, DebugInfo: []Property{Prop("x", String("1"))}}, ""},
		{testkit.Where(), &Error{Code: "Conflict", Subcode: "AlreadyExists"}, &Error{Code: "Conflict"}, `/subcode: "AlreadyExists", ""`},
		// Types.
		{testkit.Where(), *in(), *in(), ""},
		{testkit.Where(), in(), res(""), "types differ"},
		{testkit.Where(), 1, 1, "unsupported type"},
	}
	for _, tc := range tests {
		got := sameMeaning(tc.a, tc.b)
		switch {
		case tc.want == "" && got != "":
			t.Errorf("%s: sameMeaning differs:\n%s", tc.at, got)
		case tc.want != "" && !strings.Contains(got, tc.want):
			t.Errorf("%s: sameMeaning = %q, want it to contain %q", tc.at, got, tc.want)
		}
		// The relation is symmetric: the same diffs, a and b swapped.
		if back := sameMeaning(tc.b, tc.a); (back == "") != (got == "") {
			t.Errorf("%s: sameMeaning(b, a) = %q, sameMeaning(a, b) = %q", tc.at, back, got)
		}
	}
}

func TestExactDiff(t *testing.T) {
	a, err := DecodeResource([]byte(`{"rel":"me","_links":{"self":{"href":"/me"}},"x":true}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	b, err := DecodeResource([]byte(`{"rel":"me","x":true,"_links":{"self":{"href":"/me"}}}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	if d := exactDiff(&a, &a); d != "" {
		t.Errorf("exactDiff of a resource with itself:\n%s", d)
	}
	// Only the unexported place of "_links" differs.
	if d := exactDiff(&a, &b); d == "" {
		t.Error("exactDiff sees no difference in where _links stood")
	}
	if d := sameMeaning(&a, &b); d != "" {
		t.Errorf("sameMeaning sees a difference in where _links stood:\n%s", d)
	}
	if d := exactDiff(Bool(true), scalar(KindBool, "True")); d == "" {
		t.Error(`exactDiff sees no difference between true and "True"`)
	}
}
