package bench

import (
	"bytes"
	stdjson "encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	gojson "github.com/goccy/go-json"
	"github.com/google/go-cmp/cmp"

	"github.com/ucwa-go/ucwa"
)

// resSummary is what a decoded application resource must say, whoever
// decoded it. Scalars are compared by text, booleans in lower case (XML
// writes "False").
type resSummary struct {
	Rel      string
	Self     string
	Embedded []string // rels of the embedded resources, sorted
	Links    int      // links in the whole tree, self links included
	Props    int      // properties in the whole tree; -1 for a typed struct, which has no such count
	Values   map[string]string
}

// wantApp is the summary of testdata/application.{json,xml}, written out by
// hand from the bodies.
var wantApp = resSummary{
	Rel:      "application",
	Self:     "/ucwa/v1/applications/192",
	Embedded: []string{"communication", "me", "onlineMeetings", "people"},
	Links:    5 + 18 + 9 + 8 + 10,
	Props:    7 + 11 + 13 + 1 + 1,
	Values: map[string]string{
		"userAgent":                             "ContosoApp/1.0",
		"culture":                               "en-us",
		"communication.phoneNumber":             "tel:+14255552222",
		"communication.publishEndpointLocation": "false",
		"communication.supportedModalities":     "PhoneAudio,Messaging",
		"me.name":                               "John Doe",
		"me.emailAddresses":                     "johndoe@contoso.com",
		"me.officeLocation":                     "5/1380",
		"people.rel":                            "people",
		"link:batch":                            "/ucwa/v1/applications/192/batch",
		"link:me.presence":                      "/ucwa/v1/applications/192/me/presence",
		"link:people.myGroups":                  "/ucwa/v1/applications/192/groups",
	},
}

// valueKeys are the keys of wantApp.Values: "name" is a property of the
// resource, "rel.name" one of its embedded resource rel, "link:[rel.]name" a
// link's href.
var valueKeys = func() []string {
	var ks []string
	for k := range wantApp.Values {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}()

// splitKey splits a value key into link or property, embedded rel and name.
func splitKey(k string) (isLink bool, rel, name string) {
	k, isLink = strings.CutPrefix(k, "link:")
	rel, name, ok := strings.Cut(k, ".")
	if !ok {
		return isLink, "", k
	}
	return isLink, rel, name
}

func checkSummary(who string, got, want resSummary) error {
	if got.Props == -1 {
		got.Props = want.Props
	}
	if d := cmp.Diff(want, got); d != "" {
		return fmt.Errorf("%s: summary differs (-want +got):\n%s", who, d)
	}
	return nil
}

func normScalar(s string) string {
	if s == "True" || s == "False" {
		return strings.ToLower(s)
	}
	return s
}

// ucwaText is the comparable text of a ucwa value.
func ucwaText(v ucwa.Value) string {
	switch v.Kind() {
	case ucwa.KindList:
		var ss []string
		for _, item := range v.List() {
			ss = append(ss, ucwaText(item))
		}
		return strings.Join(ss, ",")
	case ucwa.KindNull:
		return "null"
	}
	return normScalar(v.Text())
}

// ucwaSummary summarizes a ucwa resource.
func ucwaSummary(r *ucwa.Resource) resSummary {
	s := resSummary{Rel: r.Rel, Self: r.Href(), Values: map[string]string{}}
	var count func(r *ucwa.Resource)
	count = func(r *ucwa.Resource) {
		s.Links += len(r.Links)
		s.Props += len(r.Properties)
		for i := range r.Embedded {
			count(&r.Embedded[i])
		}
	}
	count(r)
	for i := range r.Embedded {
		s.Embedded = append(s.Embedded, r.Embedded[i].Rel)
	}
	slices.Sort(s.Embedded)
	for _, k := range valueKeys {
		isLink, rel, name := splitKey(k)
		at := r
		if rel != "" {
			if at = r.Embed(rel); at == nil {
				continue
			}
		}
		if isLink {
			if l, ok := at.Link(name); ok {
				s.Values[k] = l.Href
			}
		} else if v, ok := at.Get(name); ok {
			s.Values[k] = ucwaText(v)
		}
	}
	return s
}

// --- goccy/go-json and encoding/json into map[string]any ---

// anyText is the comparable text of a value decoded into any.
func anyText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case nil:
		return "null"
	case []any:
		var ss []string
		for _, item := range v {
			ss = append(ss, anyText(item))
		}
		return strings.Join(ss, ",")
	}
	return fmt.Sprint(v)
}

// mapCount counts the links and properties of a resource decoded into a map,
// embedded ones included.
func mapCount(m map[string]any) (links, props int) {
	for k, v := range m {
		switch k {
		case "_links":
			for _, l := range asMap(v) {
				if arr, ok := l.([]any); ok {
					links += len(arr)
				} else {
					links++
				}
			}
		case "_embedded":
			for _, e := range asMap(v) {
				es, ok := e.([]any)
				if !ok {
					es = []any{e}
				}
				for _, e := range es {
					l, p := mapCount(asMap(e))
					links, props = links+l, props+p
				}
			}
		default:
			props++
		}
	}
	return links, props
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }

func mapHref(m map[string]any, rel string) string {
	h, _ := asMap(asMap(m["_links"])[rel])["href"].(string)
	return h
}

// mapSummary summarizes a resource decoded into a map.
func mapSummary(m map[string]any) resSummary {
	s := resSummary{Values: map[string]string{}}
	s.Rel, _ = m["rel"].(string)
	s.Self = mapHref(m, "self")
	s.Links, s.Props = mapCount(m)
	emb := asMap(m["_embedded"])
	for rel := range emb {
		s.Embedded = append(s.Embedded, rel)
	}
	slices.Sort(s.Embedded)
	for _, k := range valueKeys {
		isLink, rel, name := splitKey(k)
		at := m
		if rel != "" {
			at = asMap(emb[rel])
		}
		if isLink {
			if h := mapHref(at, name); h != "" {
				s.Values[k] = h
			}
		} else if v, ok := at[name]; ok {
			s.Values[k] = anyText(v)
		}
	}
	return s
}

// --- goccy/go-json into a typed struct ---

// appLink is a link as a typed client declares it.
type appLink struct {
	Href  string `json:"href"`
	Title string `json:"title,omitempty"`
}

// appResource is the application resource as a client using a
// reflection-based codec would type it: every property the reference lists,
// links as a map by rel, each embedded resource typed.
type appResource struct {
	Rel        string             `json:"rel"`
	Type       string             `json:"type"`
	Culture    string             `json:"culture"`
	EndpointID string             `json:"endpointId"`
	ID         string             `json:"id"`
	InstanceID string             `json:"instanceId"`
	UserAgent  string             `json:"userAgent"`
	Links      map[string]appLink `json:"_links"`
	Embedded   struct {
		Communication  *appCommunication `json:"communication,omitempty"`
		Me             *appMe            `json:"me,omitempty"`
		OnlineMeetings *appLinksOnly     `json:"onlineMeetings,omitempty"`
		People         *appLinksOnly     `json:"people,omitempty"`
	} `json:"_embedded"`
}

type appCommunication struct {
	SimultaneousRingNumberMatch string             `json:"simultaneousRingNumberMatch"`
	VideoBasedScreenSharing     string             `json:"videoBasedScreenSharing"`
	Rel                         string             `json:"rel"`
	AudioPreference             string             `json:"audioPreference"`
	ConversationHistory         string             `json:"conversationHistory"`
	LisLocation                 string             `json:"lisLocation"`
	LisQueryResult              string             `json:"lisQueryResult"`
	PhoneNumber                 string             `json:"phoneNumber"`
	PublishEndpointLocation     bool               `json:"publishEndpointLocation"`
	SupportedMessageFormats     []string           `json:"supportedMessageFormats"`
	SupportedModalities         []string           `json:"supportedModalities"`
	Links                       map[string]appLink `json:"_links"`
}

type appMe struct {
	Rel               string             `json:"rel"`
	Company           string             `json:"company"`
	Department        string             `json:"department"`
	EmailAddresses    []string           `json:"emailAddresses"`
	EndpointURI       string             `json:"endpointUri"`
	HomePhoneNumber   string             `json:"homePhoneNumber"`
	MobilePhoneNumber string             `json:"mobilePhoneNumber"`
	Name              string             `json:"name"`
	OfficeLocation    string             `json:"officeLocation"`
	OtherPhoneNumber  string             `json:"otherPhoneNumber"`
	Title             string             `json:"title"`
	URI               string             `json:"uri"`
	WorkPhoneNumber   string             `json:"workPhoneNumber"`
	Links             map[string]appLink `json:"_links"`
}

// appLinksOnly types the embedded resources that carry only their rel and
// links.
type appLinksOnly struct {
	Rel   string             `json:"rel"`
	Links map[string]appLink `json:"_links"`
}

// structSummary summarizes the typed struct.
func structSummary(a *appResource) resSummary {
	s := resSummary{Rel: a.Rel, Self: a.Links["self"].Href, Links: len(a.Links), Props: -1, Values: map[string]string{
		"userAgent":  a.UserAgent,
		"culture":    a.Culture,
		"link:batch": a.Links["batch"].Href,
	}}
	e := &a.Embedded
	if c := e.Communication; c != nil {
		s.Embedded = append(s.Embedded, "communication")
		s.Links += len(c.Links)
		s.Values["communication.phoneNumber"] = c.PhoneNumber
		s.Values["communication.publishEndpointLocation"] = strconv.FormatBool(c.PublishEndpointLocation)
		s.Values["communication.supportedModalities"] = strings.Join(c.SupportedModalities, ",")
	}
	if me := e.Me; me != nil {
		s.Embedded = append(s.Embedded, "me")
		s.Links += len(me.Links)
		s.Values["me.name"] = me.Name
		s.Values["me.emailAddresses"] = strings.Join(me.EmailAddresses, ",")
		s.Values["me.officeLocation"] = me.OfficeLocation
		s.Values["link:me.presence"] = me.Links["presence"].Href
	}
	if om := e.OnlineMeetings; om != nil {
		s.Embedded = append(s.Embedded, "onlineMeetings")
		s.Links += len(om.Links)
	}
	if p := e.People; p != nil {
		s.Embedded = append(s.Embedded, "people")
		s.Links += len(p.Links)
		s.Values["people.rel"] = p.Rel
		s.Values["link:people.myGroups"] = p.Links["myGroups"].Href
	}
	return s
}

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
	var (
		root  *xres
		stack []*xres
		prop  *xprop
		text  []byte
		inTxt bool
	)
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
			switch t.Name.Local {
			case "resource":
				r := &xres{rel: attrOf(t, "rel"), href: attrOf(t, "href")}
				if len(stack) > 0 {
					top := stack[len(stack)-1]
					top.embedded = append(top.embedded, r)
				} else if root == nil {
					root = r
				} else {
					return nil, errors.New("two root elements")
				}
				stack = append(stack, r)
			case "link":
				if len(stack) == 0 {
					return nil, errors.New("<link> outside a resource")
				}
				top := stack[len(stack)-1]
				top.links = append(top.links, xlink{attrOf(t, "rel"), attrOf(t, "href"), attrOf(t, "title")})
			case "property", "propertyList":
				if len(stack) == 0 {
					return nil, errors.New("<property> outside a resource")
				}
				prop = &xprop{name: attrOf(t, "name"), isList: t.Name.Local == "propertyList"}
				text, inTxt = text[:0], !prop.isList
			case "item":
				if prop == nil || !prop.isList {
					return nil, errors.New("<item> outside a <propertyList>")
				}
				text, inTxt = text[:0], true
			default:
				return nil, fmt.Errorf("unexpected element <%s>", t.Name.Local)
			}
		case xml.CharData:
			if inTxt {
				text = append(text, t...)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "resource":
				stack = stack[:len(stack)-1]
			case "item":
				prop.items = append(prop.items, bytes.Clone(text))
				inTxt = false
			case "property", "propertyList":
				if !prop.isList {
					prop.text = bytes.Clone(text)
				}
				top := stack[len(stack)-1]
				top.props = append(top.props, *prop)
				prop, inTxt = nil, false
			}
		}
	}
	if root == nil {
		return nil, errors.New("no resource")
	}
	return root, nil
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

// --- the workloads ---

// decoderCase builds an impl whose op decodes data into a fresh value each
// time and whose summary of the last result is checked against want.
func decoderCase(name string, data []byte, want resSummary, setup func() (op func() error, summary func() resSummary)) impl {
	return impl{name, func() (prepared, error) {
		op, summary := setup()
		if err := op(); err != nil {
			return prepared{}, fmt.Errorf("%s: %w", name, err)
		}
		if err := checkSummary(name, summary(), want); err != nil {
			return prepared{}, err
		}
		return prepared{ops: repeat(op), size: len(data)}, nil
	}}
}

// decodeResourceJSONImpls: every decoder builds a fresh value per op, as a
// client reading responses does.
func decodeResourceJSONImpls() []impl {
	return []impl{
		decoderCase("ucwa", appJSON, wantApp, func() (func() error, func() resSummary) {
			var r ucwa.Resource
			return func() (err error) { r, err = ucwa.DecodeResource(appJSON, ucwa.JSON); return err },
				func() resSummary { return ucwaSummary(&r) }
		}),
		decoderCase("goccy-map", appJSON, wantApp, func() (func() error, func() resSummary) {
			var m map[string]any
			return func() error { m = nil; return gojson.Unmarshal(appJSON, &m) },
				func() resSummary { return mapSummary(m) }
		}),
		decoderCase("goccy-struct", appJSON, wantApp, func() (func() error, func() resSummary) {
			var a appResource
			return func() error { a = appResource{}; return gojson.Unmarshal(appJSON, &a) },
				func() resSummary { return structSummary(&a) }
		}),
		decoderCase("encoding-json-map", appJSON, wantApp, func() (func() error, func() resSummary) {
			var m map[string]any
			return func() error { m = nil; return stdjson.Unmarshal(appJSON, &m) },
				func() resSummary { return mapSummary(m) }
		}),
	}
}

// decodeResourceXMLImpls: encoding/xml is a Decoder.Token loop building an
// xres; etree reads a fresh Document with ReadFromBytes, its tree being the
// result.
func decodeResourceXMLImpls() []impl {
	return []impl{
		decoderCase("ucwa", appXML, wantApp, func() (func() error, func() resSummary) {
			var r ucwa.Resource
			return func() (err error) { r, err = ucwa.DecodeResource(appXML, ucwa.XML); return err },
				func() resSummary { return ucwaSummary(&r) }
		}),
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
	}
}

// reencodedCase builds an impl for an encoder that cannot write the same bytes
// as ucwa (member order, empty-element form): its output, decoded with ucwa,
// must have the summary want.
func reencodedCase(name string, f ucwa.Format, want resSummary, setup func() (func() ([]byte, error), error)) impl {
	return impl{name, func() (prepared, error) {
		enc, err := setup()
		if err != nil {
			return prepared{}, fmt.Errorf("%s: %w", name, err)
		}
		out, err := enc()
		if err != nil {
			return prepared{}, fmt.Errorf("%s: %w", name, err)
		}
		r, err := ucwa.DecodeResource(out, f)
		if err != nil {
			return prepared{}, fmt.Errorf("%s: its output does not decode: %w\n%s", name, err, out)
		}
		if err := checkSummary(name+" output", ucwaSummary(&r), want); err != nil {
			return prepared{}, err
		}
		return prepared{ops: repeat(func() error { _, err := enc(); return err }), size: len(out)}, nil
	}}
}

// encodeResourceJSONImpls: ucwa appends the resource decoded once; goccy
// encodes the typed struct decoded once through an Encoder on a reused
// buffer (no HTML escaping), its fastest use.
func encodeResourceJSONImpls() []impl {
	return []impl{
		reencodedCase("ucwa", ucwa.JSON, wantApp, func() (func() ([]byte, error), error) {
			r, err := ucwa.DecodeResource(appJSON, ucwa.JSON)
			dst := make([]byte, 0, 2*len(appJSON))
			return func() ([]byte, error) {
				var err error
				dst, err = r.AppendJSON(dst[:0])
				return dst, err
			}, err
		}),
		reencodedCase("goccy", ucwa.JSON, wantApp, func() (func() ([]byte, error), error) {
			var a appResource
			err := gojson.Unmarshal(appJSON, &a)
			var buf bytes.Buffer
			enc := gojson.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			return func() ([]byte, error) {
				var out []byte
				err := encodeTrimmed(enc, &buf, &a, &out)
				return out, err
			}, err
		}),
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
