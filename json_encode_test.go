package ucwa

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestLinkSetFastPath checks appendJSONLinkSet, whose fast path writes links
// as they stand and checks them as it goes, against appendJSONGroups in
// groupOrder's order on random link sets: rels
// that repeat together or apart, links in arrays, titles, attributes, empty
// rels, strings that need escapes or cannot be written, and more runs than a
// keyTable holds.
func TestLinkSetFastPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	rels := []string{"self", "a", "b", "startAudio", "startAudioVideo", "x\"y", "é", "bad\xff", "_links", ""}
	hrefs := []string{"/x", "/ucwa/v1/applications/192/communication", "/é", "/bad\xff", "/nul\x00", ""}
	for _, n := range []int{0, 1, 2, 3, 5, 8, 20, keyedNames + 1, 70} {
		for range 300 {
			ls := make([]Link, n)
			for i := range ls {
				l := &ls[i]
				if n > keyedNames && rng.IntN(4) > 0 {
					l.Rel = fmt.Sprint("r", i) // many distinct rels
				} else {
					l.Rel = rels[rng.IntN(len(rels))]
				}
				l.Href = hrefs[rng.IntN(len(hrefs))]
				if rng.IntN(8) == 0 {
					l.InArray = true
				}
				if rng.IntN(8) == 0 {
					l.Attrs = append(l.Attrs, Prop("title", String("T")))
				}
				if rng.IntN(10) == 0 {
					l.Attrs = append(l.Attrs, Prop("etag", String("1")))
				}
			}
			var empty []string
			if rng.IntN(4) == 0 {
				empty = []string{rels[rng.IntN(len(rels))], "z"}
			}
			got, gotErr := appendJSONLinkSet([]byte("x"), ls, empty)
			set := relItems{links: ls}
			set.order = groupOrder(&set)
			want, wantErr := appendJSONGroups([]byte("x"), &set, empty)
			if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
				t.Fatalf("links %v: error %v, want %v", ls, gotErr, wantErr)
			}
			if gotErr == nil && !bytes.Equal(got, want) {
				t.Fatalf("links %v:\n got %s\nwant %s", ls, got, want)
			}
		}
	}
}

// TestResourceFastPath checks appendJSONResource, whose fast path checks
// names as it writes them, against appendJSONResourceChecked, which checks
// them first, and appendJSONEmbeddedSet against appendJSONGroups in
// groupOrder's order, on
// random resources: repeated and reserved names, names and values that need
// escapes or cannot be written, links and embedded resources placed among
// the properties.
func TestResourceFastPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	names := []string{"a", "b", "rel", "name", "_links", "_embedded", "é", "x\"y", "bad\xff", "", "startAudioVideo",
		"startAudioVideX"}
	values := []Value{String("v"), String("é"), String("bad\xff"), String("nul\x00"), Int(1), Bool(true), Null(), {}}
	var gen func(depth int) Resource
	gen = func(depth int) Resource {
		var r Resource
		for range rng.IntN(6) {
			r.Properties = append(r.Properties, Prop(names[rng.IntN(len(names))], values[rng.IntN(len(values))]))
		}
		for range rng.IntN(3) {
			r.Links = append(r.Links, Link{Rel: names[rng.IntN(len(names))], Href: "/h"})
		}
		if depth < 2 {
			for range rng.IntN(4) {
				e := gen(depth + 1)
				e.Rel = names[rng.IntN(3)]
				e.InArray = rng.IntN(4) == 0
				r.Embedded = append(r.Embedded, e)
			}
			if rng.IntN(4) == 0 {
				r.empty = &emptyRels{Embedded: []string{names[rng.IntN(3)], "z"}}
			}
		}
		if len(r.Links) > 0 {
			r.linksAt = int32(rng.IntN(len(r.Properties) + 2))
		}
		if len(r.Embedded) > 0 {
			r.embeddedAt = int32(rng.IntN(len(r.Properties) + 2))
		}
		r.embeddedFirst = rng.IntN(2) == 0
		return r
	}
	written := 0
	for range 20000 {
		r := gen(0)
		rel := names[rng.IntN(4)]
		got, gotErr := appendJSONResource([]byte("x"), &r, rel)
		want, wantErr := appendJSONResourceChecked([]byte("x"), &r, rel)
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Fatalf("resource %+v: error %v, want %v", r, gotErr, wantErr)
		}
		if gotErr == nil && !bytes.Equal(got, want) {
			t.Fatalf("resource %+v:\n got %s\nwant %s", r, got, want)
		}
		if gotErr == nil {
			written++
		}
		got, gotErr = appendJSONEmbeddedSet([]byte("x"), r.Embedded, r.emptyEmbedded())
		set := relItems{res: r.Embedded}
		set.order = groupOrder(&set)
		want, wantErr = appendJSONGroups([]byte("x"), &set, r.emptyEmbedded())
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Fatalf("embedded %+v: error %v, want %v", r.Embedded, gotErr, wantErr)
		}
		if gotErr == nil && !bytes.Equal(got, want) {
			t.Fatalf("embedded %+v:\n got %s\nwant %s", r.Embedded, got, want)
		}
	}
	if written < 1000 {
		t.Errorf("only %d of the resources could be written; the test saw too little", written)
	}
}

// TestDeepErrorLinear: whatever makes a fast path give way at every level
// of deeply embedded resources (an error at the bottom, rels that need
// grouping, names that need escapes, embedded resources before a property),
// the time stays in proportion to the resource: no level writes what is
// below it twice.
func TestDeepErrorLinear(t *testing.T) {
	for _, tc := range []struct {
		name   string
		bottom Value
		prop   string // the name of each level's property
		before bool   // each level's embedded resources come before its property
	}{
		{"error at the bottom", String("\xff"), "p", false},
		{"no error", String("ok"), "p", false},
		{"names with escapes", String("\xff"), "é\"", false},
		{"embedded first", String("\xff"), "p", true},
	} {
		r := Resource{Rel: "leaf", Properties: []Property{{Name: "bad", Value: tc.bottom}}}
		for range 60 {
			// Two runs of rel "r": they need grouping, at every level.
			r = Resource{Rel: "r", Properties: []Property{{Name: tc.prop, Value: String("v")}},
				Embedded: []Resource{r, {Rel: "s"}, {Rel: "r"}}}
			if tc.before {
				r.embeddedAt = 1
			}
		}
		done := make(chan error)
		go func() {
			_, err := r.AppendJSON(nil)
			done <- err
		}()
		select {
		case err := <-done:
			if (err != nil) != (tc.bottom.text == "\xff") {
				t.Errorf("%s: error %v", tc.name, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: 60 levels took over 10 s", tc.name)
		}
	}
}

// TestJSONGroupsByRel: links (and embedded resources) of one rel are written
// together, where the rel first appears, whatever their order in the model.
func TestJSONGroupsByRel(t *testing.T) {
	r := Resource{Links: []Link{{Rel: "a", Href: "/1"}, {Rel: "b", Href: "/2"}, {Rel: "a", Href: "/3"},
		{Rel: "c", Href: "/4", InArray: true}},
		Embedded: []Resource{{Rel: "x"}, {Rel: "y"}, {Rel: "x"}}}
	got, err := r.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"_links":{"a":[{"href":"/1"},{"href":"/3"}],"b":{"href":"/2"},"c":[{"href":"/4"}]},"_embedded":{"x":[{}` +
		`,{}],"y":{}}}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestGroupsOfLongLists: grouping by rel holds for long lists with few rels,
// past any small index width.
func TestGroupsOfLongLists(t *testing.T) {
	var r Resource
	for i := range 600 {
		r.Links = append(r.Links, Link{Rel: fmt.Sprint("r", i/100), Href: fmt.Sprint("/", i)})
	}
	r.Links = append(r.Links, Link{Rel: "r0", Href: "/last"}) // r0 again, far from its run
	b, err := r.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeResource(b, JSON)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if n := len(got.LinksOf("r0")); n != 101 {
		t.Errorf("r0 has %d links, want 101", n)
	}
	if len(got.Links) != 601 {
		t.Errorf("%d links, want 601", len(got.Links))
	}
}

// TestHostileLinkOrder: links whose rels alternate (as XML may give them)
// are grouped in linear time, and none is lost.
func TestHostileLinkOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<resource xmlns="` + Namespace + `">`)
	const n = 20000
	for i := range n {
		fmt.Fprintf(&b, `<link rel="r%d" href="/%d"/>`, i%2, i)
	}
	b.WriteString(`</resource>`)
	r, err := DecodeResource([]byte(b.String()), XML)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeResource(out, JSON)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := len(back.LinksOf("r0")), len(back.LinksOf("r1")); a != n/2 || b != n/2 {
		t.Errorf("r0 %d links, r1 %d, want %d each", a, b, n/2)
	}
	if l := back.LinksOf("r1"); l[len(l)-1].Href != fmt.Sprint("/", n-1) {
		t.Errorf("last r1 link is %q", l[len(l)-1].Href)
	}
}

// TestEmptyGroupsKept: a rel read as an empty array under "_links" or
// "_embedded" is written back, and yields to links added under it later.
func TestEmptyGroupsKept(t *testing.T) {
	// Empty arrays are written after the other rels (here they are last).
	body := `{"rel":"x","_links":{"self":{"href":"/x"},"a":[]},"_embedded":{"c":{"rel":"c"},"b":[]}}`
	r, err := DecodeResource([]byte(body), JSON)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.AppendJSON(nil)
	if err != nil || string(out) != body {
		t.Errorf("got %s, %v\nwant %s", out, err, body)
	}
	r.Links = append(r.Links, Link{Rel: "a", Href: "/a", InArray: true})
	out, err = r.AppendJSON(nil)
	want := `{"rel":"x","_links":{"self":{"href":"/x"},"a":[{"href":"/a"}]},"_embedded":{"c":{"rel":"c"},"b":[]}}`
	if err != nil || string(out) != want {
		t.Errorf("got %s, %v\nwant %s", out, err, want)
	}

	// An input keeps them too, "_links" coming after its properties.
	for body, want := range map[string]string{
		`{"a":1,"_links":{"m":{"href":"/m"},"e":[]}}`: `{"a":1,"_links":{"m":{"href":"/m"},"e":[]}}`,
		`{"_links":{"e":[]},"a":1}`:                   `{"a":1,"_links":{"e":[]}}`,
		`{"_links":{"e":[],"f":[]}}`:                  `{"_links":{"e":[],"f":[]}}`,
	} {
		in, err := DecodeInput([]byte(body), JSON)
		if err != nil {
			t.Fatal(err)
		}
		if out, err := in.AppendJSON(nil); err != nil || string(out) != want {
			t.Errorf("input %s: got %s, %v\nwant %s", body, out, err, want)
		}
	}
}

// TestResourceRelInJSON is the regression test of a bug the corpus found: an
// XML resource whose rel is only its rel attribute (no <property
// name="rel">) lost its rel in JSON, which carries a top-level resource's rel
// in its "rel" member only.
func TestResourceRelInJSON(t *testing.T) {
	x := `<?xml version="1.0" encoding="utf-8"?><resource rel="me" href="/me" xmlns="` + Namespace +
		`"><property name="name">Alex</property><resource rel="note" href="/me/note"><property name="message">` +
		`hi</property></resource></resource>`
	r, err := DecodeResource([]byte(x), XML)
	if err != nil {
		t.Fatal(err)
	}
	j, err := r.Marshal(JSON)
	if err != nil {
		t.Fatal(err)
	}
	// "rel" first; the embedded resource's rel stays its key only.
	const want = `{"rel":"me","name":"Alex","_links":{"self":{"href":"/me"}},"_embedded":{"note":{"message":"hi",` +
		`"_links":{"self":{"href":"/me/note"}}}}}`
	if string(j) != want {
		t.Errorf("JSON of an XML resource:\n got %s\nwant %s", j, want)
	}
	back, err := DecodeResource(j, JSON)
	if err != nil {
		t.Fatal(err)
	}
	if back.Rel != "me" {
		t.Errorf("rel after XML -> JSON = %q, want \"me\"", back.Rel)
	}
	if d := sameMeaning(&r, &back); d != "" {
		t.Errorf("XML -> JSON changes the meaning:\n%s", d)
	}

	// A resource that has a "rel" property keeps it where it is, once.
	r = Resource{Rel: "me", Properties: []Property{Prop("name", String("Alex")), Prop("rel", String("me"))}}
	if j, err = r.Marshal(JSON); err != nil || string(j) != `{"name":"Alex","rel":"me"}` {
		t.Errorf("JSON of a resource with a rel property = %s, %v", j, err)
	}
	// And one without a Rel gets none.
	r = Resource{Properties: []Property{Prop("name", String("Alex"))}}
	if j, err = r.Marshal(JSON); err != nil || string(j) != `{"name":"Alex"}` {
		t.Errorf("JSON of a resource without a rel = %s, %v", j, err)
	}
	// Still no allocation when dst has room.
	r = Resource{Rel: "me", Properties: []Property{Prop("name", String("Alex"))}}
	if testing.CoverMode() == "" {
		dst := make([]byte, 0, 256)
		if n := testing.AllocsPerRun(100, func() { _, _ = r.AppendJSON(dst[:0]) }); n != 0 {
			t.Errorf("AppendJSON with a rel to write: %v allocations, want 0", n)
		}
	}
}
