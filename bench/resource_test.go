package bench

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/bytedance/sonic"
	sonicenc "github.com/bytedance/sonic/encoder"
	gojson "github.com/goccy/go-json"
	"github.com/google/go-cmp/cmp"
	"github.com/valyala/fastjson"

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

// wantApp is the summary of the application body (testdata/application.*),
// written out by hand from the bodies, not computed by the code that builds
// them.
var wantApp = resSummary{
	Rel:      "application",
	Self:     "/ucwa/v1/applications/318",
	Embedded: []string{"communication", "me", "onlineMeetings", "people"},
	Links:    5 + 18 + 9 + 8 + 10,
	Props:    7 + 11 + 13 + 1 + 1,
	Values: map[string]string{
		"userAgent":                             "BenchAgent/1.0",
		"culture":                               "en-gb",
		"communication.phoneNumber":             "tel:+14255550177",
		"communication.publishEndpointLocation": "true",
		"communication.supportedModalities":     "Messaging,PhoneAudio",
		"me.name":                               "Ana Silva",
		"me.emailAddresses":                     "asilva@example.com",
		"me.officeLocation":                     "7/2210",
		"people.rel":                            "people",
		"link:batch":                            "/ucwa/v1/applications/318/batch",
		"link:me.presence":                      "/ucwa/v1/applications/318/me/presence",
		"link:people.myGroups":                  "/ucwa/v1/applications/318/people/myGroups",
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

// --- goccy/go-json, bytedance/sonic and encoding/json/v2 into a typed struct ---

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

// --- the workloads ---

// decoderCase builds an impl whose op decodes data into a fresh value each
// time and whose summary of the last result is checked against want.
func decoderCase(name string, data []byte, want resSummary,
	setup func() (op func() error, summary func() resSummary)) impl {
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

// decodeFunc decodes a resource as ucwa.DecodeResource does.
type decodeFunc func(data []byte, f ucwa.Format) (ucwa.Resource, error)

// oneShot gives ucwa's one-shot decoder, which allocates every value anew.
func oneShot() decodeFunc { return ucwa.DecodeResource }

// newReused gives a new ucwa.Decoder, which reads every body in the memory of
// the last: each value is valid until its next decode, as fastjson's are.
func newReused() decodeFunc {
	d := new(ucwa.Decoder)
	return d.DecodeResource
}

// ucwaCase builds the impl of a ucwa decoder for the resource workloads:
// newDecode is called once per case and its decodeFunc once per op, so that a
// decoder keeping its memory between bodies (newReused) enters every
// workload with a line of its own.
func ucwaCase(name string, data []byte, f ucwa.Format, newDecode func() decodeFunc) impl {
	return decoderCase(name, data, wantApp, func() (func() error, func() resSummary) {
		decode := newDecode()
		var r ucwa.Resource
		return func() (err error) { r, err = decode(data, f); return err },
			func() resSummary { return ucwaSummary(&r) }
	})
}

// optionalResourceJSON holds the decoders of files built only under a
// GOEXPERIMENT (jsonv2_test.go); they append themselves in init.
var optionalResourceJSON []impl

// decodeResourceJSONImpls: every decoder but the reused parser builds a fresh
// value per op, as a client reading responses does. sonic.Unmarshal, as
// goccy's, copies the body first; fastjson reuses its Parser, whose values
// stay valid until its next Parse.
func decodeResourceJSONImpls() []impl {
	impls := []impl{
		ucwaCase("ucwa", appJSON, ucwa.JSON, oneShot),
		ucwaCase("ucwa-reused", appJSON, ucwa.JSON, newReused),
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
		sonicCase(decoderCase("sonic-struct", appJSON, wantApp, func() (func() error, func() resSummary) {
			var a appResource
			return func() error { a = appResource{}; return sonic.Unmarshal(appJSON, &a) },
				func() resSummary { return structSummary(&a) }
		})),
		decoderCase("fastjson-reused", appJSON, wantApp, func() (func() error, func() resSummary) {
			var p fastjson.Parser
			var v *fastjson.Value
			return func() (err error) { v, err = p.ParseBytes(appJSON); return err },
				func() resSummary { return fastjsonSummary(v) }
		}),
		decoderCase("encoding-json-map", appJSON, wantApp, func() (func() error, func() resSummary) {
			var m map[string]any
			return func() error { m = nil; return stdjson.Unmarshal(appJSON, &m) },
				func() resSummary { return mapSummary(m) }
		}),
	}
	return append(impls, optionalResourceJSON...)
}

// sonicCase guards the impl of a sonic case: on a platform or toolchain its
// just-in-time compiler does not support, sonic runs encoding/json instead,
// and timing that under sonic's name would mislead, so the case is skipped.
func sonicCase(c impl) impl {
	return impl{c.name, func() (prepared, error) {
		if sonic.APIKind != sonic.UseSonicJSON {
			return prepared{}, fmt.Errorf("%s: sonic falls back to encoding/json on %s/%s with %s: %w",
				c.name, runtime.GOOS, runtime.GOARCH, runtime.Version(), errUnavailable)
		}
		return c.prepare()
	}}
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
// buffer (no HTML escaping), its fastest use; sonic encodes the same struct
// with EncodeInto, which appends to a reused slice, with its default options
// (no HTML escaping). copy appends ucwa's output bytes to a reused buffer: no
// encoder can write them faster.
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
		sonicCase(reencodedCase("sonic", ucwa.JSON, wantApp, func() (func() ([]byte, error), error) {
			var a appResource
			err := sonic.Unmarshal(appJSON, &a)
			dst := make([]byte, 0, 2*len(appJSON))
			return func() ([]byte, error) {
				dst = dst[:0]
				err := sonicenc.EncodeInto(&dst, &a, 0)
				return dst, err
			}, err
		})),
		copyCase(),
	}
}

// copyCase is the floor of the resource encoders: it appends the bytes ucwa
// writes for the resource to a reused buffer, and checks that they are those
// bytes.
func copyCase() impl {
	return impl{"copy", func() (prepared, error) {
		r, err := ucwa.DecodeResource(appJSON, ucwa.JSON)
		if err != nil {
			return prepared{}, err
		}
		want, err := r.AppendJSON(nil)
		if err != nil {
			return prepared{}, err
		}
		// The op is called once per iteration, as the other encoders'
		// are, so that the ratio compares the work alone.
		dst := make([]byte, 0, 2*len(want))
		op := func() error { dst = append(dst[:0], want...); return nil }
		if err := op(); err != nil || !bytes.Equal(dst, want) {
			return prepared{}, fmt.Errorf("copy: wrote %d bytes, not the %d of ucwa's output", len(dst), len(want))
		}
		return prepared{ops: repeat(op), size: len(want)}, nil
	}}
}
