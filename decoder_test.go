package ucwa

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

// A sample is a body to decode as a kind, for the tests of the Decoder.
type sample struct {
	name string
	k    bodyKind
	f    Format
	data []byte
}

// decodeWith is decodeAs with the Decoder d.
func decodeWith(d *Decoder, k bodyKind, data []byte, f Format) (decoded, error) {
	switch k {
	case inputBody:
		in, err := d.DecodeInput(data, f)
		return &in, err
	case resourceBody:
		r, err := d.DecodeResource(data, f)
		return &r, err
	case eventsBody:
		ev, err := d.DecodeEvents(data, f)
		return &ev, err
	case errorBody:
		return d.DecodeErrorBody(data, f)
	}
	panic("decodeWith " + k.String())
}

// cloneDecoded returns a Clone of v.
func cloneDecoded(v decoded) decoded {
	switch v := v.(type) {
	case *Input:
		c := v.Clone()
		return &c
	case *Resource:
		c := v.Clone()
		return &c
	case *Events:
		c := v.Clone()
		return &c
	case *Error:
		return v.Clone()
	}
	panic("cloneDecoded")
}

// allSamples returns every body the tests know: the reference's examples,
// well-formed or not (as the kind of body they are, or the kind a malformed
// one would be read as), its event-channel examples, the real-world bodies
// and the compatibility set. Each is also to be read as a resource, the
// commonest decode, so that bodies of every kind follow each other.
func allSamples(t *testing.T) []sample {
	var out []sample
	add := func(name string, k bodyKind, f Format, data []byte) {
		out = append(out, sample{name, k, f, data})
		if k != resourceBody {
			out = append(out, sample{name + " as a resource", resourceBody, f, data})
		}
	}
	for _, e := range testkit.Reference(t) {
		f, method := corpusFormat(e.Format), e.MethodOrStart()
		k := rejectKind(method, e.Direction)
		if *e.WellFormed {
			if k, _ = classifyBody(method, e.Direction, f, e.Body); k == notUCWA {
				k = resourceBody
			}
		}
		add(e.File, k, f, e.Body)
	}
	for _, b := range testkit.ReferenceEvents(t) {
		add("events/"+b.Name, eventsBody, corpusFormat(b.Format), b.Data)
	}
	for _, e := range readRealworld(t) {
		f := corpusFormat(e.Format)
		k, _ := realworldKind(e, f, e.Body)
		if k == notUCWA {
			k = resourceBody
		}
		add(e.Source+"/"+e.File, k, f, e.Body)
	}
	for _, file := range compatFiles(t) {
		_, k, f := compatName(t, file)
		add(file, k, f, compatBody(t, filepath.Base(file)))
	}
	return out
}

// sameError reports whether a and b are the same decoding error, or both nil.
func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	var da, db *DecodeError
	if errors.As(a, &da) != errors.As(b, &db) {
		return false
	}
	return a.Error() == b.Error() && (da == nil || da.Err == db.Err && da.Offset == db.Offset && da.Path == db.Path)
}

// TestDecoderMatchesOneShot decodes every body the tests know in sequence
// with one Decoder, forwards and then backwards (so that small bodies follow
// large ones and each kind follows every other), and checks that each result
// is exactly the one-shot decode's, errors included: anything a body left in
// the Decoder would show in the next. A Clone of each result is compared
// again once the Decoder has gone on to other bodies: it must share nothing
// with the Decoder.
func TestDecoderMatchesOneShot(t *testing.T) {
	samples := allSamples(t)
	if len(samples) < 1000 {
		t.Fatalf("%d samples, want the reference, the real-world bodies and the compatibility set", len(samples))
	}
	type kept struct {
		name        string
		clone, want decoded
	}
	var d Decoder
	var clones []kept
	run := func(s sample) {
		want, wantErr := decodeAs(s.k, s.data, s.f)
		got, err := decodeWith(&d, s.k, s.data, s.f)
		if !sameError(err, wantErr) {
			t.Errorf("%s (%s, %v): Decoder error %v, one-shot %v", s.name, s.k, s.f, err, wantErr)
			return
		}
		if err != nil && s.k == errorBody {
			return // both nil
		}
		if diff := exactDiff(want, got); diff != "" {
			t.Errorf("%s (%s, %v): Decoder and one-shot differ (-one-shot +Decoder):\n%s", s.name, s.k, s.f, diff)
			return
		}
		c := cloneDecoded(got)
		if diff := exactDiff(want, c); diff != "" {
			t.Errorf("%s (%s, %v): Clone differs (-value +clone):\n%s", s.name, s.k, s.f, diff)
		}
		clones = append(clones, kept{s.name, c, want})
	}
	for _, s := range samples {
		run(s)
	}
	for i := len(samples) - 1; i >= 0; i-- {
		run(samples[i])
	}
	for _, c := range clones {
		if diff := exactDiff(c.want, c.clone); diff != "" {
			t.Errorf("%s: the Clone changed as the Decoder read other bodies (-want +clone):\n%s", c.name, diff)
		}
	}
	t.Logf("%d bodies, each decoded twice", len(samples))
}

// TestDecoderAllocs: once a Decoder has read a body, it reads the same body
// again, or another of the kind and of a similar size, without allocating,
// in both formats, resources and event-channel responses alike.
func TestDecoderAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	bodies := map[string][]byte{}
	for _, file := range []string{"application.GET.json-response.http", "application.GET.xml-response.http",
		"me.GET.json-response.http", "me.GET.xml-response.http"} {
		bodies[file] = referenceExample(t, file).Body
	}
	for _, b := range testkit.ReferenceEvents(t) {
		bodies["events/"+b.Name] = b.Data
	}
	for _, tc := range []struct {
		k     bodyKind
		f     Format
		files []string // decoded in turn, with one Decoder
	}{
		{resourceBody, JSON, []string{"application.GET.json-response.http"}},
		{resourceBody, XML, []string{"application.GET.xml-response.http"}},
		{resourceBody, JSON, []string{"application.GET.json-response.http", "me.GET.json-response.http"}},
		{resourceBody, XML, []string{"application.GET.xml-response.http", "me.GET.xml-response.http"}},
		{eventsBody, JSON, []string{"events/EventChannelDetails.json"}},
		{eventsBody, XML, []string{"events/EventChannelDetails.xml"}},
	} {
		var d Decoder
		i := 0
		decode := func() {
			body := bodies[tc.files[i%len(tc.files)]]
			i++
			if body == nil {
				t.Fatalf("no body %s", tc.files[(i-1)%len(tc.files)])
			}
			var err error
			if tc.k == eventsBody {
				_, err = d.DecodeEvents(body, tc.f)
			} else {
				_, err = d.DecodeResource(body, tc.f)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		for range tc.files {
			decode()
		}
		if n := testing.AllocsPerRun(50, decode); n != 0 {
			t.Errorf("%s: %v allocations per decode, want 0", strings.Join(tc.files, ", "), n)
		}
	}
}

// arenaBytes returns the bytes of buffers the slabs s keep.
func arenaBytes(s *slabs) int {
	return s.props.bytes() + s.links.bytes() + s.lone.bytes() + s.vals.bytes() + s.res.bytes() + s.kids.bytes() +
		s.events.bytes() + s.senders.bytes() + s.errs.bytes() + s.empties.bytes() + s.rels.bytes() + s.strs.bytes()
}

// TestDecoderRetention: a Decoder keeps what its last body needed, with a
// margin, but not the buffers of a body that needed more than maxKeptArena,
// and it gives back most of what a large body needed once a small one
// follows it.
func TestDecoderRetention(t *testing.T) {
	small := referenceExample(t, "application.GET.json-response.http").Body
	// A body of n links.
	links := func(n int) []byte {
		var b strings.Builder
		b.WriteString(`{"_links":{`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"l` + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + itoa(i) + `":{"href":"/ucwa/` +
				strings.Repeat("h", 40) + `"}`)
		}
		b.WriteString(`}}`)
		return []byte(b.String())
	}
	var d Decoder
	decode := func(body []byte) int {
		if _, err := d.DecodeResource(body, JSON); err != nil {
			t.Fatal(err)
		}
		return arenaBytes(&d.json.slabs)
	}
	base := decode(small)
	if again := decode(small); again != base {
		t.Errorf("the same body again: %d bytes kept, then %d", base, again)
	}
	large := links(20000) // about 1.3 MB of links and 1 MB of strings: kept
	if n := decode(large); n < 2<<20 || n > maxKeptArena {
		t.Errorf("after a body of %d bytes, %d bytes kept, want its needs, up to %d", len(large), n, maxKeptArena)
	}
	if n := decode(small); n > 2*base+shrinkFloor*12 {
		t.Errorf("a small body after a large one: %d bytes kept, want about %d", n, base)
	}
	huge := links(100000) // over maxKeptArena
	if n := decode(huge); n != 0 {
		t.Errorf("after a body of %d bytes, %d bytes kept, want none", len(huge), n)
	}
	if n := decode(small); n > 2*base {
		t.Errorf("a small body after a huge one: %d bytes kept, want about %d", n, base)
	}
}
