package bench

import (
	"fmt"
	"sync"

	gojson "github.com/goccy/go-json"
	"github.com/google/go-cmp/cmp"
	"github.com/valyala/fastjson"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/bench/internal/bodies"
)

// The size sweep reads the application resource scaled to 1 KB … 1 MB of
// compact JSON (bodies.Scaled: the resource with copies of its embedded
// resources, each rel's copies in an array) with ucwa and the fastest peers,
// one series per decoder. Sub-benchmarks are named format/size/series
// ("json/64KB/fastjson-reused"); each size runs every series in turn, so that
// the series of one size run close together. scripts/bench.sh plots time per
// op against the body's size, one line per series found in the results.
var sweepSizes = []struct {
	name   string
	target int
}{
	{"1KB", 1 << 10},
	{"4KB", 4 << 10},
	{"16KB", 16 << 10},
	{"64KB", 64 << 10},
	{"256KB", 256 << 10},
	{"1MB", 1 << 20},
}

// A sizeSeries is one decoder of the sweep. setup returns the op that decodes
// body and a summary of its last result.
type sizeSeries struct {
	name  string
	setup func(body []byte) (op func() error, summary func() sizeSummary)
}

// The series of the sweep, by format. A decoder joins the sweep, and the plot,
// with one line here.
var (
	sizeSeriesJSON = []sizeSeries{
		ucwaSizeSeries("ucwa", ucwa.JSON, oneShot),
		ucwaSizeSeries("ucwa-reused", ucwa.JSON, newReused),
		{"goccy-struct", func(body []byte) (func() error, func() sizeSummary) {
			var a scaledResource
			return func() error { a = scaledResource{}; return gojson.Unmarshal(body, &a) },
				func() sizeSummary { return a.summary() }
		}},
		{"fastjson-reused", func(body []byte) (func() error, func() sizeSummary) {
			var p fastjson.Parser
			var v *fastjson.Value
			return func() (err error) { v, err = p.ParseBytes(body); return err },
				func() sizeSummary { return fastjsonSizeSummary(v) }
		}},
	}
	sizeSeriesXML = []sizeSeries{
		ucwaSizeSeries("ucwa", ucwa.XML, oneShot),
		ucwaSizeSeries("ucwa-reused", ucwa.XML, newReused),
		{"gosax", gosaxSizeSeries},
	}
)

// ucwaSizeSeries is the series of a ucwa decoder (see ucwaCase).
func ucwaSizeSeries(name string, f ucwa.Format, newDecode func() decodeFunc) sizeSeries {
	return sizeSeries{name, func(body []byte) (func() error, func() sizeSummary) {
		decode := newDecode()
		var r ucwa.Resource
		return func() (err error) { r, err = decode(body, f); return err },
			func() sizeSummary { return ucwaSizeSummary(&r) }
	}}
}

// sizeSummary is what a decoded scaled body must say: its self link, how
// many resources it embeds under each rel, and its links in all (self links
// included).
type sizeSummary struct {
	Self   string
	PerRel map[string]int
	Links  int
}

func ucwaSizeSummary(r *ucwa.Resource) sizeSummary {
	s := sizeSummary{Self: r.Href(), PerRel: map[string]int{}, Links: len(r.Links)}
	for i := range r.Embedded {
		s.PerRel[r.Embedded[i].Rel]++
		s.Links += len(r.Embedded[i].Links)
	}
	return s
}

// scaledResource is the scaled application resource as a client of a
// reflection-based codec types it: the embedded resources in slices.
type scaledResource struct {
	Rel        string             `json:"rel"`
	Type       string             `json:"type"`
	Culture    string             `json:"culture"`
	EndpointID string             `json:"endpointId"`
	ID         string             `json:"id"`
	InstanceID string             `json:"instanceId"`
	UserAgent  string             `json:"userAgent"`
	Links      map[string]appLink `json:"_links"`
	Embedded   struct {
		Communication  []appCommunication `json:"communication"`
		Me             []appMe            `json:"me"`
		OnlineMeetings []appLinksOnly     `json:"onlineMeetings"`
		People         []appLinksOnly     `json:"people"`
	} `json:"_embedded"`
}

func (a *scaledResource) summary() sizeSummary {
	s := sizeSummary{Self: a.Links["self"].Href, PerRel: map[string]int{}, Links: len(a.Links)}
	e := &a.Embedded
	for _, c := range e.Communication {
		s.PerRel["communication"]++
		s.Links += len(c.Links)
	}
	for _, m := range e.Me {
		s.PerRel["me"]++
		s.Links += len(m.Links)
	}
	for rel, rs := range map[string][]appLinksOnly{"onlineMeetings": e.OnlineMeetings, "people": e.People} {
		for _, r := range rs {
			s.PerRel[rel]++
			s.Links += len(r.Links)
		}
	}
	return s
}

func fastjsonSizeSummary(v *fastjson.Value) sizeSummary {
	s := sizeSummary{Self: string(v.GetStringBytes("_links", "self", "href")), PerRel: map[string]int{}}
	s.Links = v.GetObject("_links").Len()
	v.GetObject("_embedded").Visit(func(rel []byte, rs *fastjson.Value) {
		for _, r := range rs.GetArray() {
			s.PerRel[string(rel)]++
			s.Links += r.GetObject("_links").Len()
		}
	})
	return s
}

// gosaxSizeSeries tokenizes the body as the gosax resource case does: the
// summary comes from the tree read once, and each op must see as many start
// tags as that tree has.
func gosaxSizeSeries(body []byte) (func() error, func() sizeSummary) {
	t := newGosaxTokenizer(len(body))
	r, starts, err := t.tree(body)
	if err != nil {
		return func() error { return err }, nil
	}
	op := func() error {
		n, err := t.count(body)
		if err == nil && n != starts {
			err = mismatch("start tags", n, starts)
		}
		return err
	}
	return op, func() sizeSummary {
		s := sizeSummary{Self: r.href, PerRel: map[string]int{}, Links: len(r.links) + 1}
		for _, e := range r.embedded {
			s.PerRel[e.rel]++
			s.Links += len(e.links) + 1
		}
		return s
	}
}

// scaled holds the sweep's bodies, built on first use: the 1 MB ones take a
// moment.
var scaled struct {
	sync.Mutex
	bodies map[string][]byte
	want   map[string]sizeSummary
}

// scaledBody returns the body of the sweep for a size, and the summary of the
// resource it was encoded from.
func scaledBody(f ucwa.Format, target int) ([]byte, sizeSummary) {
	scaled.Lock()
	defer scaled.Unlock()
	if scaled.bodies == nil {
		scaled.bodies, scaled.want = map[string][]byte{}, map[string]sizeSummary{}
	}
	key := fmt.Sprint(f, target)
	if b, ok := scaled.bodies[key]; ok {
		return b, scaled.want[key]
	}
	n := bodies.ScaledCount(target)
	app := bodies.Scaled(n)
	b, want := bodies.ScaledBody(f, n), ucwaSizeSummary(&app)
	scaled.bodies[key], scaled.want[key] = b, want
	return b, want
}

// sizeImpls: every series of each format at every size.
func sizeImpls() []impl {
	var impls []impl
	for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
		series := sizeSeriesJSON
		if f == ucwa.XML {
			series = sizeSeriesXML
		}
		for _, sz := range sweepSizes {
			for _, s := range series {
				name := f.String() + "/" + sz.name + "/" + s.name
				impls = append(impls, impl{name, func() (prepared, error) {
					body, want := scaledBody(f, sz.target)
					op, summary := s.setup(body)
					if err := op(); err != nil {
						return prepared{}, fmt.Errorf("%s: %w", name, err)
					}
					if d := cmp.Diff(want, summary()); d != "" {
						return prepared{}, fmt.Errorf("%s: summary differs (-want +got):\n%s", name, d)
					}
					return prepared{ops: repeat(op), size: len(body)}, nil
				}})
			}
		}
	}
	return impls
}
