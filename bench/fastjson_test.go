package bench

import (
	"slices"
	"strings"

	"github.com/valyala/fastjson"
)

// valyala/fastjson parses into a tree of Values that it keeps in its Parser
// and reuses at the next Parse; it checks the syntax and leaves strings
// unescaped until they are read. The summary reads what it must, after the
// timed parse, as a client would.

// fastjsonText is the comparable text of a fastjson value.
func fastjsonText(v *fastjson.Value) string {
	switch v.Type() {
	case fastjson.TypeString:
		return string(v.GetStringBytes())
	case fastjson.TypeArray:
		var ss []string
		for _, item := range v.GetArray() {
			ss = append(ss, fastjsonText(item))
		}
		return strings.Join(ss, ",")
	}
	return string(v.MarshalTo(nil)) // true, false, null, a number
}

// fastjsonCount counts the links and properties of a resource, embedded ones
// included.
func fastjsonCount(v *fastjson.Value) (links, props int) {
	v.GetObject().Visit(func(k []byte, m *fastjson.Value) {
		switch string(k) {
		case "_links":
			m.GetObject().Visit(func(_ []byte, l *fastjson.Value) {
				if l.Type() == fastjson.TypeArray {
					links += len(l.GetArray())
				} else {
					links++
				}
			})
		case "_embedded":
			m.GetObject().Visit(func(_ []byte, e *fastjson.Value) {
				es := []*fastjson.Value{e}
				if e.Type() == fastjson.TypeArray {
					es = e.GetArray()
				}
				for _, e := range es {
					l, p := fastjsonCount(e)
					links, props = links+l, props+p
				}
			})
		default:
			props++
		}
	})
	return links, props
}

// fastjsonSummary summarizes a resource that fastjson parsed.
func fastjsonSummary(v *fastjson.Value) resSummary {
	s := resSummary{Values: map[string]string{}}
	s.Rel = string(v.GetStringBytes("rel"))
	s.Self = string(v.GetStringBytes("_links", "self", "href"))
	s.Links, s.Props = fastjsonCount(v)
	v.GetObject("_embedded").Visit(func(k []byte, _ *fastjson.Value) {
		s.Embedded = append(s.Embedded, string(k))
	})
	slices.Sort(s.Embedded)
	for _, k := range valueKeys {
		isLink, rel, name := splitKey(k)
		at := v
		if rel != "" {
			if at = v.Get("_embedded", rel); at == nil {
				continue
			}
		}
		if isLink {
			if h := at.Get("_links", name, "href"); h != nil {
				s.Values[k] = fastjsonText(h)
			}
		} else if p := at.Get(name); p != nil {
			s.Values[k] = fastjsonText(p)
		}
	}
	return s
}
