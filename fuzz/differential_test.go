package fuzz

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/beevik/etree"
	json "github.com/goccy/go-json"

	"github.com/ucwa-go/ucwa"
)

// This file compares ucwa's decoders with independent parsers on arbitrary
// bytes. ucwa is stricter than the peers (duplicate names, NUL, unpaired
// surrogates, undeclared namespace prefixes, DTDs, UCWA structure), so only
// one direction holds in general: what a peer rejects as ill-formed, ucwa
// must reject. When both accept, the structure they see must agree.

var bom = []byte("\xef\xbb\xbf")

// peerBody is what the peers are given: the body after any byte-order mark,
// which ucwa skips (RFC 8259 §8.1 lets a JSON parser ignore one; XML 1.0 §4.3.3
// allows one before UTF-8), and which goccy/go-json and encoding/xml do not.
func peerBody(data []byte) []byte { return bytes.TrimPrefix(data, bom) }

func FuzzJSONDifferential(f *testing.F) {
	addSeeds(f, ucwa.JSON)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ucwa.DecodeResource(data, ucwa.JSON)
		if err != nil {
			checkDecodeError(t, err, ucwa.JSON, len(data))
		}
		body := peerBody(data)
		if !json.Valid(body) {
			if err == nil {
				t.Fatalf("goccy/go-json rejects what ucwa accepts: %q", data)
			}
			return
		}
		if err != nil {
			return // ucwa is stricter
		}
		var v any
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("goccy/go-json: Valid, but Decode fails: %v\n%q", err, data)
		}
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("ucwa read a resource where goccy/go-json reads a %T: %q", v, data)
		}
		if d := resourceVsJSON(&r, m, ""); d != "" {
			t.Fatalf("ucwa and goccy/go-json disagree: %s\n%q", d, data)
		}
	})
}

// resourceVsJSON compares a resource decoded by ucwa with the object goccy
// decoded (numbers as json.Number): the same properties with the same values,
// the same links per rel and the same embedded resources per rel.
func resourceVsJSON(r *ucwa.Resource, m map[string]any, path string) string {
	n := len(r.Properties)
	if _, ok := m["_links"]; ok {
		n++
	}
	if _, ok := m["_embedded"]; ok {
		n++
	}
	if n != len(m) {
		return path + ": ucwa has " + itoa(len(r.Properties)) + " properties, goccy " + itoa(len(m)) + " members"
	}
	for _, p := range r.Properties {
		g, ok := m[p.Name]
		if !ok {
			return path + ": goccy has no member " + quote(p.Name)
		}
		if d := valueVsJSON(p.Value, g, path+"/"+p.Name); d != "" {
			return d
		}
	}
	links, _ := m["_links"].(map[string]any)
	total := 0
	for rel, g := range links {
		objs := asObjects(g)
		var mine []ucwa.Link
		for _, l := range r.Links {
			if l.Rel == rel {
				mine = append(mine, l)
			}
		}
		if len(objs) != len(mine) {
			return path + "/_links/" + rel + ": ucwa has " + itoa(len(mine)) + " links, goccy " + itoa(len(objs))
		}
		for i, o := range objs {
			if d := linkVsJSON(&mine[i], o, path+"/_links/"+rel); d != "" {
				return d
			}
		}
		total += len(objs)
	}
	if total != len(r.Links) {
		return path + "/_links: ucwa has " + itoa(len(r.Links)) + " links, goccy " + itoa(total)
	}
	embedded, _ := m["_embedded"].(map[string]any)
	total = 0
	for rel, g := range embedded {
		objs := asObjects(g)
		var mine []*ucwa.Resource
		for i := range r.Embedded {
			if r.Embedded[i].Rel == rel {
				mine = append(mine, &r.Embedded[i])
			}
		}
		if len(objs) != len(mine) {
			return path + "/_embedded/" + rel + ": ucwa has " + itoa(len(mine)) + " resources, goccy " + itoa(len(objs))
		}
		for i, o := range objs {
			if d := resourceVsJSON(mine[i], o, path+"/_embedded/"+rel); d != "" {
				return d
			}
		}
		total += len(objs)
	}
	if total != len(r.Embedded) {
		return path + "/_embedded: ucwa has " + itoa(len(r.Embedded)) + " resources, goccy " + itoa(total)
	}
	return ""
}

// asObjects returns an object, or the objects of an array, as goccy decoded
// them (nil for anything else, which ucwa refuses).
func asObjects(g any) []map[string]any {
	switch g := g.(type) {
	case map[string]any:
		return []map[string]any{g}
	case []any:
		var out []map[string]any
		for _, e := range g {
			m, ok := e.(map[string]any)
			if !ok {
				return nil
			}
			out = append(out, m)
		}
		return out
	}
	return nil
}

// linkVsJSON compares a link under "_links" as ucwa decoded it with the
// object goccy decoded: a string href is Href, and every other member
// ("rel" and an href that is not a string among them) an attribute.
func linkVsJSON(l *ucwa.Link, m map[string]any, path string) string {
	h, hasHref := m["href"].(string)
	if h != l.Href {
		return path + ": href " + quote(l.Href) + " vs goccy " + quote(h)
	}
	n := len(l.Attrs)
	if hasHref {
		n++
	}
	if n != len(m) {
		return path + ": ucwa has " + itoa(n) + " members, goccy " + itoa(len(m))
	}
	for _, a := range l.Attrs {
		if d := valueVsJSON(a.Value, m[a.Name], path+"/"+a.Name); d != "" {
			return d
		}
	}
	return ""
}

func valueVsJSON(v ucwa.Value, g any, path string) string {
	bad := func() string {
		return path + ": ucwa " + v.Kind().String() + " " + quote(v.Text()) + ", goccy " + fmt.Sprintf("%#v", g)
	}
	switch v.Kind() {
	case ucwa.KindString, ucwa.KindDate:
		if s, ok := g.(string); !ok || s != v.Text() {
			return bad()
		}
	case ucwa.KindNumber:
		if n, ok := g.(json.Number); !ok || n.String() != v.Text() {
			return bad()
		}
	case ucwa.KindBool:
		b, _ := v.Bool()
		if gb, ok := g.(bool); !ok || gb != b {
			return bad()
		}
	case ucwa.KindNull:
		if g != nil {
			return bad()
		}
	case ucwa.KindList:
		gl, ok := g.([]any)
		if !ok || len(gl) != len(v.List()) {
			return bad()
		}
		for i, item := range v.List() {
			if d := valueVsJSON(item, gl[i], path+"/"+itoa(i)); d != "" {
				return d
			}
		}
	case ucwa.KindBag:
		gm, ok := g.(map[string]any)
		if !ok || len(gm) != len(v.Bag()) {
			return bad()
		}
		for _, p := range v.Bag() {
			gv, ok := gm[p.Name]
			if !ok {
				return path + ": goccy has no member " + quote(p.Name)
			}
			if d := valueVsJSON(p.Value, gv, path+"/"+p.Name); d != "" {
				return d
			}
		}
	default:
		return bad()
	}
	return ""
}

// stdXMLCheck reads every token of body with encoding/xml, strictly. Its
// CharsetReader accepts the label "utf8", which ucwa takes as UTF-8:
// encoding/xml refuses it only for want of a charset reader, not because the
// body is ill-formed (XML 1.0 §4.3.3 lets a processor recognize other names).
func stdXMLCheck(body []byte) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = true
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf8") {
			return r, nil
		}
		return nil, io.ErrUnexpectedEOF
	}
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// encoding/xml (and etree, which uses it) check names against the tables of
// XML 1.0 fourth edition, Appendix B; the fifth edition (2008), which ucwa
// follows, allows many more characters in names, such as U+10000 and up or
// U+2C00. On such a name encoding/xml fails with "invalid XML name: …".
// peerXMLBody takes those names out of the peers' way: while encoding/xml
// fails on a name that is a name under the fifth edition, every occurrence of
// that name in body is rewritten with its non-ASCII characters spelled as
// ASCII name characters ("_U10000_"), which changes neither well-formedness
// nor structure, and the body is checked again. It returns the body the peers
// are to read and encoding/xml's verdict on it.
func peerXMLBody(body []byte) ([]byte, error) {
	for range 16 {
		err := stdXMLCheck(body)
		if err == nil {
			return body, nil
		}
		msg := err.Error()
		i := strings.Index(msg, "invalid XML name: ")
		if i < 0 {
			return body, err
		}
		name := msg[i+len("invalid XML name: "):]
		if !isName5(name) || !bytes.Contains(body, []byte(name)) {
			return body, err
		}
		var ascii strings.Builder
		for _, r := range name {
			if r < utf8.RuneSelf {
				ascii.WriteRune(r)
			} else {
				ascii.WriteString("_U" + strconv.FormatInt(int64(r), 16) + "_")
			}
		}
		if ascii.String() == name {
			return body, err
		}
		body = bytes.ReplaceAll(body, []byte(name), []byte(ascii.String()))
	}
	return body, stdXMLCheck(body)
}

// isName5 reports whether s is a Name of XML 1.0 fifth edition (§2.3, colons
// allowed), written here from the specification rather than shared with ucwa.
func isName5(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for i, r := range s {
		start := r == ':' || r >= 'A' && r <= 'Z' || r == '_' || r >= 'a' && r <= 'z' ||
			r >= 0xC0 && r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x2FF ||
			r >= 0x370 && r <= 0x37D || r >= 0x37F && r <= 0x1FFF || r >= 0x200C && r <= 0x200D ||
			r >= 0x2070 && r <= 0x218F || r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF ||
			r >= 0xF900 && r <= 0xFDCF || r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF
		if i == 0 && !start {
			return false
		}
		if !start && r != '-' && r != '.' && !(r >= '0' && r <= '9') && r != 0xB7 &&
			!(r >= 0x300 && r <= 0x36F) && !(r >= 0x203F && r <= 0x2040) {
			return false
		}
	}
	return true
}

func FuzzXMLDifferential(f *testing.F) {
	addSeeds(f, ucwa.XML)
	// Resources in every shape the count below distinguishes.
	for _, s := range []string{
		`<resource href="/r" ` + ns + `><link rel="self" href="/s"/><resource rel="e"/><resource rel="f" href="/f"><propertyList name="l"><item/><item><item>1</item></item></propertyList></resource></resource>`,
		`<r:resource xmlns:r="` + ucwa.Namespace + `" href="/r"><r:property name="a"><r:property name="b">1</r:property></r:property></r:resource>`,
		`<resource xmlns:r="urn:x" r:href="/r" ` + ns + `/>`,
	} {
		f.Add([]byte(s))
	}
	// Names XML 1.0 fifth edition allows and encoding/xml refuses.
	f.Add([]byte(`<𐀀:resource xmlns:𐀀="` + ucwa.Namespace + `"><𐀀:property name="a">1</𐀀:property></𐀀:resource>`))
	f.Add([]byte(`<resource ` + ns + ` xmlns:Ⰰ="urn:x"/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ucwa.DecodeResource(data, ucwa.XML)
		if err != nil {
			checkDecodeError(t, err, ucwa.XML, len(data))
		}
		body, stdErr := peerXMLBody(peerBody(data))
		doc := etree.NewDocument()
		etErr := doc.ReadFromBytes(body)
		if stdErr != nil || etErr != nil {
			if err == nil {
				t.Fatalf("a peer rejects what ucwa accepts: encoding/xml: %v; etree: %v\n%q", stdErr, etErr, data)
			}
			return
		}
		if err != nil {
			return // ucwa is stricter
		}
		root := doc.Root()
		if root == nil || root.Tag != "resource" && root.Tag != "input" || root.NamespaceURI() != ucwa.Namespace {
			t.Fatalf("ucwa read a resource where etree has root %v\n%q", root, data)
		}
		if mine, theirs := resourceElems(&r), etreeElems(root); mine != theirs {
			t.Fatalf("ucwa counts %d elements, etree %d\n%q", mine, theirs, data)
		}
	})
}

// resourceElems counts the elements of a resource as ucwa decoded it. The self
// link read from the href attribute counts as an element: see etreeElems.
func resourceElems(r *ucwa.Resource) int {
	n := 1 + len(r.Links)
	for _, p := range r.Properties {
		n += 1 + valueElems(p.Value)
	}
	for i := range r.Embedded {
		n += resourceElems(&r.Embedded[i])
	}
	return n
}

// valueElems counts the elements inside a <property>, <propertyList> or
// <item> holding v.
func valueElems(v ucwa.Value) int {
	n := 0
	for _, item := range v.List() {
		n += 1 + valueElems(item)
	}
	for _, p := range v.Bag() {
		n += 1 + valueElems(p.Value)
	}
	return n
}

// etreeElems counts the elements under and including e, and one more for each
// <resource> (or root <input>) with an href attribute or any other attribute
// but rel and namespace declarations, which ucwa reads as a self link.
func etreeElems(e *etree.Element) int {
	n := 1
	if e.Tag == "resource" || e.Tag == "input" && e.Parent() == nil || e.Tag == "input" && e.Parent().Parent() == nil {
		for _, a := range e.Attr {
			if a.Space == "" && a.Key != "rel" && a.Key != "xmlns" {
				n++
				break
			}
		}
	}
	for _, c := range e.ChildElements() {
		n += etreeElems(c)
	}
	return n
}
