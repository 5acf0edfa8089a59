package bench

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/beevik/etree"

	"github.com/ucwa-go/ucwa"
)

// --- encoding/xml token loop ---

// xres is what the encoding/xml token loop builds: the same information as a
// ucwa.Resource, with text kept as bytes so that it writes back without
// conversions.
type xres struct {
	rel, href string
	links     []xlink
	props     []xprop
	embedded  []*xres
}

type xlink struct{ rel, href, title string }

type xprop struct {
	name   string
	isList bool
	text   []byte
	items  [][]byte
}

// decodeXMLTokens reads a resource with an encoding/xml Decoder's Token loop,
// which checks well-formedness and resolves namespaces as ucwa does.
func decodeXMLTokens(data []byte) (*xres, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var b xresBuilder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != ucwa.Namespace {
				return nil, fmt.Errorf("element <%s> in namespace %q", t.Name.Local, t.Name.Space)
			}
			if err := b.start(t); err != nil {
				return nil, err
			}
		case xml.CharData:
			b.charData(t)
		case xml.EndElement:
			b.end(t.Name.Local)
		}
	}
	return b.result()
}

// xresBuilder builds an xres from the elements and text of a resource body,
// whichever tokenizer reads them. The tokenizer checks that tags match.
type xresBuilder struct {
	root  *xres
	stack []*xres
	prop  *xprop
	text  []byte
	inTxt bool
}

func (b *xresBuilder) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "resource":
		r := &xres{rel: attrOf(t, "rel"), href: attrOf(t, "href")}
		if len(b.stack) > 0 {
			top := b.stack[len(b.stack)-1]
			top.embedded = append(top.embedded, r)
		} else if b.root == nil {
			b.root = r
		} else {
			return errors.New("two root elements")
		}
		b.stack = append(b.stack, r)
	case "link":
		if len(b.stack) == 0 {
			return errors.New("<link> outside a resource")
		}
		top := b.stack[len(b.stack)-1]
		top.links = append(top.links, xlink{attrOf(t, "rel"), attrOf(t, "href"), attrOf(t, "title")})
	case "property", "propertyList":
		if len(b.stack) == 0 {
			return errors.New("<property> outside a resource")
		}
		b.prop = &xprop{name: attrOf(t, "name"), isList: t.Name.Local == "propertyList"}
		b.text, b.inTxt = b.text[:0], !b.prop.isList
	case "item":
		if b.prop == nil || !b.prop.isList {
			return errors.New("<item> outside a <propertyList>")
		}
		b.text, b.inTxt = b.text[:0], true
	default:
		return fmt.Errorf("unexpected element <%s>", t.Name.Local)
	}
	return nil
}

func (b *xresBuilder) charData(t []byte) {
	if b.inTxt {
		b.text = append(b.text, t...)
	}
}

func (b *xresBuilder) end(local string) {
	switch local {
	case "resource":
		b.stack = b.stack[:len(b.stack)-1]
	case "item":
		b.prop.items = append(b.prop.items, bytes.Clone(b.text))
		b.inTxt = false
	case "property", "propertyList":
		if !b.prop.isList {
			b.prop.text = bytes.Clone(b.text)
		}
		top := b.stack[len(b.stack)-1]
		top.props = append(top.props, *b.prop)
		b.prop, b.inTxt = nil, false
	}
}

func (b *xresBuilder) result() (*xres, error) {
	if b.root == nil {
		return nil, errors.New("no resource")
	}
	return b.root, nil
}

func attrOf(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

func (p *xprop) textOf() string {
	if !p.isList {
		return normScalar(string(p.text))
	}
	var ss []string
	for _, item := range p.items {
		ss = append(ss, normScalar(string(item)))
	}
	return strings.Join(ss, ",")
}

// xresSummary summarizes what the token loop built.
func xresSummary(r *xres) resSummary {
	s := resSummary{Rel: r.rel, Self: r.href, Values: map[string]string{}}
	var count func(r *xres)
	count = func(r *xres) {
		s.Links += len(r.links)
		if r.href != "" {
			s.Links++
		}
		s.Props += len(r.props)
		for _, e := range r.embedded {
			count(e)
		}
	}
	count(r)
	for _, e := range r.embedded {
		s.Embedded = append(s.Embedded, e.rel)
	}
	slices.Sort(s.Embedded)
	for _, k := range valueKeys {
		isLink, rel, name := splitKey(k)
		at := r
		if rel != "" {
			at = nil
			for _, e := range r.embedded {
				if e.rel == rel {
					at = e
					break
				}
			}
			if at == nil {
				continue
			}
		}
		if isLink {
			for _, l := range at.links {
				if l.rel == name {
					s.Values[k] = l.href
					break
				}
			}
			continue
		}
		for i := range at.props {
			if at.props[i].name == name {
				s.Values[k] = at.props[i].textOf()
				break
			}
		}
	}
	return s
}

// xmlTokenWriter writes an xres with an encoding/xml Encoder's EncodeToken
// into a reused buffer, reusing one attribute slice.
type xmlTokenWriter struct {
	buf   bytes.Buffer
	enc   *xml.Encoder
	attrs []xml.Attr
}

func newXMLTokenWriter() *xmlTokenWriter {
	w := new(xmlTokenWriter)
	w.enc = xml.NewEncoder(&w.buf)
	return w
}

func (w *xmlTokenWriter) write(r *xres) ([]byte, error) {
	w.buf.Reset()
	if err := w.enc.EncodeToken(xmlDeclToken); err != nil {
		return nil, err
	}
	if err := w.resource(r, true); err != nil {
		return nil, err
	}
	err := w.enc.Flush()
	return w.buf.Bytes(), err
}

func (w *xmlTokenWriter) element(name xml.Name, attrs []xml.Attr, text []byte) error {
	start := xml.StartElement{Name: name, Attr: attrs}
	if err := w.enc.EncodeToken(start); err != nil {
		return err
	}
	if len(text) > 0 {
		if err := w.enc.EncodeToken(xml.CharData(text)); err != nil {
			return err
		}
	}
	return w.enc.EncodeToken(start.End())
}

func (w *xmlTokenWriter) resource(r *xres, root bool) error {
	w.attrs = append(w.attrs[:0], xml.Attr{Name: xnRel, Value: r.rel}, xml.Attr{Name: xnHref, Value: r.href})
	if root {
		w.attrs = append(w.attrs, xml.Attr{Name: xnXmlns, Value: ucwa.Namespace})
	}
	start := xml.StartElement{Name: xnResource, Attr: w.attrs}
	if err := w.enc.EncodeToken(start); err != nil {
		return err
	}
	for _, l := range r.links {
		w.attrs = append(w.attrs[:0], xml.Attr{Name: xnRel, Value: l.rel}, xml.Attr{Name: xnHref, Value: l.href})
		if l.title != "" {
			w.attrs = append(w.attrs, xml.Attr{Name: xnTitle, Value: l.title})
		}
		if err := w.element(xnLink, w.attrs, nil); err != nil {
			return err
		}
	}
	for i := range r.props {
		p := &r.props[i]
		w.attrs = append(w.attrs[:0], xml.Attr{Name: xnName, Value: p.name})
		if !p.isList {
			if err := w.element(xnProperty, w.attrs, p.text); err != nil {
				return err
			}
			continue
		}
		list := xml.StartElement{Name: xnPropertyList, Attr: w.attrs}
		if err := w.enc.EncodeToken(list); err != nil {
			return err
		}
		for _, item := range p.items {
			if err := w.element(xnItem, nil, item); err != nil {
				return err
			}
		}
		if err := w.enc.EncodeToken(list.End()); err != nil {
			return err
		}
	}
	for _, e := range r.embedded {
		if err := w.resource(e, false); err != nil {
			return err
		}
	}
	return w.enc.EncodeToken(start.End())
}

// --- beevik/etree ---

// etreeSummary summarizes an etree document of a resource.
func etreeSummary(doc *etree.Document) resSummary {
	root := doc.Root()
	s := resSummary{Values: map[string]string{}}
	if root == nil {
		return s
	}
	s.Rel, s.Self = root.SelectAttrValue("rel", ""), root.SelectAttrValue("href", "")
	s.Links, s.Props = etreeCount(root)
	for _, e := range root.SelectElements("resource") {
		s.Embedded = append(s.Embedded, e.SelectAttrValue("rel", ""))
	}
	slices.Sort(s.Embedded)
	for _, k := range valueKeys {
		isLink, rel, name := splitKey(k)
		at := root
		if rel != "" {
			if at = root.FindElement("resource[@rel='" + rel + "']"); at == nil {
				continue
			}
		}
		if isLink {
			if l := at.FindElement("link[@rel='" + name + "']"); l != nil {
				s.Values[k] = l.SelectAttrValue("href", "")
			}
			continue
		}
		for _, p := range at.ChildElements() {
			if (p.Tag == "property" || p.Tag == "propertyList") && p.SelectAttrValue("name", "") == name {
				s.Values[k] = etreeText(p)
				break
			}
		}
	}
	return s
}

// etreeCount counts the links (the href attribute included) and properties of
// a <resource> element, embedded ones included.
func etreeCount(e *etree.Element) (links, props int) {
	if e.SelectAttr("href") != nil {
		links++
	}
	for _, c := range e.ChildElements() {
		switch c.Tag {
		case "link":
			links++
		case "property", "propertyList":
			props++
		case "resource":
			l, p := etreeCount(c)
			links, props = links+l, props+p
		}
	}
	return links, props
}

func etreeText(p *etree.Element) string {
	if p.Tag == "property" {
		return normScalar(p.Text())
	}
	var ss []string
	for _, item := range p.SelectElements("item") {
		ss = append(ss, normScalar(item.Text()))
	}
	return strings.Join(ss, ",")
}

// decodeResourceXMLImpls: encoding/xml is a Decoder.Token loop building an
// xres; etree reads a fresh Document with ReadFromBytes, its tree being the
// result; gosax tokenizes the body with a reused Reader (gosax_test.go).
func decodeResourceXMLImpls() []impl {
	return []impl{
		ucwaCase("ucwa", appXML, ucwa.XML, oneShot),
		ucwaCase("ucwa-reused", appXML, ucwa.XML, newReused),
		decoderCase("encoding-xml", appXML, wantApp, func() (func() error, func() resSummary) {
			var r *xres
			return func() (err error) { r, err = decodeXMLTokens(appXML); return err },
				func() resSummary { return xresSummary(r) }
		}),
		decoderCase("etree", appXML, wantApp, func() (func() error, func() resSummary) {
			var doc *etree.Document
			return func() error { doc = etree.NewDocument(); return doc.ReadFromBytes(appXML) },
				func() resSummary { return etreeSummary(doc) }
		}),
		gosaxCase("gosax", appXML, wantApp),
	}
}

// encodeResourceXMLImpls: ucwa appends the resource decoded once;
// encoding/xml writes the tokens of the xres the token loop decoded once;
// etree writes the document it read once, with the indentation removed
// (Unindent) so that it writes no more than the others, to a reused buffer.
func encodeResourceXMLImpls() []impl {
	return []impl{
		reencodedCase("ucwa", ucwa.XML, wantApp, func() (func() ([]byte, error), error) {
			r, err := ucwa.DecodeResource(appXML, ucwa.XML)
			dst := make([]byte, 0, 2*len(appXML))
			return func() ([]byte, error) {
				var err error
				dst, err = r.AppendXML(dst[:0])
				return dst, err
			}, err
		}),
		reencodedCase("encoding-xml", ucwa.XML, wantApp, func() (func() ([]byte, error), error) {
			r, err := decodeXMLTokens(appXML)
			w := newXMLTokenWriter()
			return func() ([]byte, error) { return w.write(r) }, err
		}),
		reencodedCase("etree", ucwa.XML, wantApp, func() (func() ([]byte, error), error) {
			doc := etree.NewDocument()
			err := doc.ReadFromBytes(appXML)
			doc.Unindent()
			var buf bytes.Buffer
			return func() ([]byte, error) {
				buf.Reset()
				_, err := doc.WriteTo(&buf)
				return buf.Bytes(), err
			}, err
		}),
	}
}
