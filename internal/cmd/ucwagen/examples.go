package main

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ucwa-go/ucwa"
)

// evidence gathers what the JSON examples show of one property or
// parameter: the types of its values and the strings it holds. XML examples
// carry no types and are not read.
type evidence struct {
	types   map[string]int // "String", "Array of Int64", …
	strings []string
}

// inferFromExamples reads the JSON examples of every page: the rel of the
// resource each response holds (an alias when it is another page's), the
// types of the properties and parameters the tables leave untyped, and which
// links come several at a time.
func (x *extractor) inferFromExamples() {
	props := map[*Resource]map[string]*evidence{}
	params := map[*Operation]map[string]*evidence{}
	note := func(m map[string]*evidence, name string, v ucwa.Value) {
		e := m[name]
		if e == nil {
			e = &evidence{types: map[string]int{}}
			m[name] = e
		}
		t, strs := valueType(v)
		if t != "" {
			e.types[t]++
		}
		e.strings = append(e.strings, strs...)
	}
	var walk func(r *ucwa.Resource, res *Resource)
	walk = func(r *ucwa.Resource, res *Resource) {
		if res == nil {
			return
		}
		if props[res] == nil {
			props[res] = map[string]*evidence{}
		}
		for _, p := range r.Properties {
			if p.Name != "rel" {
				note(props[res], p.Name, p.Value)
			}
		}
		counts := map[string]int{}
		for _, l := range r.Links {
			if field(res.Properties, l.Rel) != nil && !hasLink(res.Links, l.Rel) {
				// A property the table lists that the example writes as a
				// link: a link-valued property, such as an invitation's
				// message.
				note(props[res], l.Rel, ucwa.String("href:"+l.Href))
			}
			counts[l.Rel]++
			if l.InArray {
				counts[l.Rel]++
			}
		}
		for i := range r.Embedded {
			e := &r.Embedded[i]
			counts[e.Rel]++
			if e.InArray {
				counts[e.Rel]++
			}
			walk(e, x.relPage(e.Rel, res))
		}
		for _, l := range res.Links {
			if counts[l.Rel] > 1 {
				l.Many = true
			}
		}
	}
	for _, name := range x.names {
		res := x.c.resource(name)
		if res == nil {
			continue
		}
		for _, e := range x.examples[name] {
			if e.format != "json" || e.body == "" {
				continue
			}
			body := []byte(e.body)
			switch {
			case e.direction == "request" && e.op.Method == "POST":
				in, err := ucwa.DecodeInput(body, ucwa.JSON)
				if err != nil {
					continue
				}
				if params[e.op] == nil {
					params[e.op] = map[string]*evidence{}
				}
				for _, p := range in.Properties {
					note(params[e.op], p.Name, p.Value)
				}
				for _, l := range in.Links {
					note(params[e.op], l.Rel, ucwa.String("href:"+l.Href))
				}
			case e.direction == "response" && strings.Contains(e.body, `"sender"`):
				ev, err := ucwa.DecodeEvents(body, ucwa.JSON)
				if err != nil {
					continue
				}
				for _, s := range ev.Senders {
					for _, event := range s.Events {
						if event.Resource != nil {
							walk(event.Resource, x.relPage(event.Link.Rel, res))
						}
					}
				}
			case e.direction == "response" || e.op.Method == "PUT":
				r, err := ucwa.DecodeResource(body, ucwa.JSON)
				if err != nil || r.Rel == "" {
					continue
				}
				for _, top := range x.topPage(res, e.op, r.Rel) {
					walk(&r, top)
				}
			}
		}
	}
	for _, res := range x.c.Resources {
		x.putTypes(res)
		x.settleFields(res.Name, res.Properties, props[res], false)
		for _, op := range res.Operations {
			var body []*Field
			for _, f := range op.Params {
				if f.In == "body" {
					body = append(body, f)
				}
			}
			x.settleFields(res.Name+"."+op.Method, body, params[op], true)
		}
	}
}

// topPage returns the resources a response (or PUT body) of res's operation
// op shows when its rel is rel: res itself when rel is its rel; the page of
// the operation's response when that has rel; else the page named rel (and
// res too when its page lists properties), and for a GET on res, res is
// then an alias of that page.
func (x *extractor) topPage(res *Resource, op *Operation, rel string) []*Resource {
	if res.Rel == rel {
		return []*Resource{res}
	}
	if r := x.c.resource(op.Response); r != nil && r.Rel == rel {
		return []*Resource{r}
	}
	target := x.relPage(rel, res)
	if target == nil {
		x.issue("rel "+res.Name, "an example of %s %s holds a resource of rel %q, which has no page", res.Name,
			op.Method, rel)
		return nil
	}
	if op.Method == "GET" && res.AliasOf == "" {
		res.AliasOf = target.Name
	}
	if len(res.Properties) > 0 {
		// The page lists the properties itself: the example shows them
		// both as its own and as target's.
		return []*Resource{res, target}
	}
	return []*Resource{target}
}

// relPage returns the page of the rel rel seen inside the page from: the
// page named rel at from's revision when there is one, else the page named
// rel.
func (x *extractor) relPage(rel string, from *Resource) *Resource {
	if from != nil && from.Revision > 0 {
		if r := x.c.resource(rel + strconv.Itoa(from.Revision)); r != nil {
			return r
		}
	}
	return x.c.resource(rel)
}

// valueType returns the catalog type of a JSON value and the strings it
// holds.
func valueType(v ucwa.Value) (string, []string) {
	switch v.Kind() {
	case ucwa.KindString:
		s, _ := v.Str()
		if h, ok := strings.CutPrefix(s, "href:"); ok {
			return "Href", []string{h}
		}
		return "String", []string{s}
	case ucwa.KindDate:
		return "DateTime", nil
	case ucwa.KindBool:
		return "Boolean", nil
	case ucwa.KindNumber:
		if _, ok := v.Int(); ok {
			return "Int64", nil
		}
		return "Number", nil
	case ucwa.KindBag:
		return "Object", nil
	case ucwa.KindList:
		var item string
		var strs []string
		for _, it := range v.List() {
			t, s := valueType(it)
			strs = append(strs, s...)
			if t == "" {
				continue
			}
			if item != "" && item != t {
				return "Array of mixed", strs
			}
			item = t
		}
		if item == "" {
			return "", strs
		}
		return "Array of " + item, strs
	}
	return "", nil
}

// settleFields types the fields fs of key (a resource, or a resource and a
// method) from the evidence of the examples, where their table does not,
// and reports what stays unsettled: a field with no type, examples that
// disagree, enum values outside the enum. params says the fields are body
// parameters, whose tables state a type, rather than properties, whose
// tables state none but an enum's.
func (x *extractor) settleFields(key string, fs []*Field, ev map[string]*evidence, params bool) {
	for _, f := range fs {
		fkey := key + "." + f.Name
		e := ev[f.Name]
		var types []string
		if e != nil {
			for t := range e.types {
				types = append(types, t)
			}
			sort.Strings(types)
		}
		if f.Type != "" {
			x.checkAgainst(fkey, f, types, e)
			continue
		}
		switch len(types) {
		case 0:
			if !params {
				x.issue("type "+fkey, "neither the table nor any JSON example types the property")
			}
		case 1:
			t := types[0]
			f.Array = strings.HasPrefix(t, "Array of ")
			f.Type, f.Source = strings.TrimPrefix(t, "Array of "), "example"
			if f.Type == "mixed" || f.Type == "Number" {
				f.Type, f.Source = "", ""
				x.issue("type "+fkey, "the JSON examples show %s", t)
			}
			if f.MaxLength > 0 && f.Type != "String" {
				f.Type, f.Source = "", ""
				x.issue("type "+fkey, "the JSON examples show %s, but the table gives a length in characters", t)
			}
			if en := x.enumNamed(f.Name); en != nil && f.Type == "String" {
				x.issue("type "+fkey, "the JSON examples show a string, and the name is that of the enum %s", en.Name)
			}
		default:
			x.issue("type "+fkey, "the JSON examples disagree: %s", strings.Join(types, ", "))
		}
	}
}

// checkAgainst reports where the examples contradict a type the table gives.
func (x *extractor) checkAgainst(fkey string, f *Field, types []string, e *evidence) {
	en := x.c.enum(f.Type)
	for _, t := range types {
		want := f.Type
		if en != nil {
			want = "String"
		}
		if f.Type == "Href" || f.Type == "Byte" {
			continue
		}
		switch t {
		case want:
		case "Array of " + want:
			if en != nil && !f.Array {
				// The table names the enum; the examples say it is a list.
				f.Array = true
			} else if !f.Array {
				x.issue("type "+fkey, "the table says %s, a JSON example shows %s", f.Type, t)
			}
		default:
			if f.Type == "Int32" && t == "Int64" {
				continue
			}
			x.issue("type "+fkey, "the table says %s, a JSON example shows %s", describeType(f), t)
		}
	}
	if en != nil && e != nil {
		for _, s := range e.strings {
			if !slices.Contains(en.Values, s) {
				x.issue("value "+en.Name+"."+s, "an example of %s holds %q, which the page of %s does not list", fkey,
					s, en.Name)
			}
		}
	}
}

func describeType(f *Field) string {
	if f.Array {
		return "Array of " + f.Type
	}
	return f.Type
}

// String returns the issue as the generator reports it.
func (is *Issue) String() string { return fmt.Sprintf("%s: %s", is.Key, is.Msg) }

// putTypes types the properties of res that its PUT's request body table
// types: a PUT body is the resource, so its parameters are the resource's
// properties.
func (x *extractor) putTypes(res *Resource) {
	put := res.op("PUT")
	if put == nil {
		return
	}
	for _, f := range res.Properties {
		if f.Type != "" {
			continue
		}
		for _, p := range put.Params {
			if p.In == "body" && p.Name == f.Name && p.Source == "table" {
				f.Type, f.Array, f.Source = p.Type, p.Array, "table"
			}
		}
	}
}

// enumNamed returns the enum whose name is name but for the case of its
// first letter ("importance": Importance), or nil.
func (x *extractor) enumNamed(name string) *Enum {
	for _, e := range x.c.Enums {
		if strings.EqualFold(e.Name, name) {
			return e
		}
	}
	return nil
}
