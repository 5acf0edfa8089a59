package ucwa

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// TestNamesMayRepeat checks the key test against firstRepeat on bags of
// names from a small alphabet, where repeats are common, of every size
// around pairwiseNames and keyedNames.
func TestNamesMayRepeat(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"", "a", "ab", "abc", "abcd", "abcde", "abcdefgh", "abcdefghi", "abcdefgh-abcdefgh",
		"abcdefgh+abcdefgh", "self", "note", "x\x00y"}
	for n := 0; n <= keyedNames+2; n++ {
		for range 200 {
			ps := make([]Property, n)
			for i := range ps {
				ps[i].Name = names[rng.IntN(len(names))] + fmt.Sprint(rng.IntN(2*n+1))
			}
			exact := firstRepeat(n, func(i int) uint64 { return nameKey(ps[i].Name) },
				func(i, j int) bool { return ps[i].Name == ps[j].Name }) >= 0
			if may := n >= 2 && namesMayRepeat(ps); exact && !may {
				t.Fatalf("namesMayRepeat(%v) = false, but a name repeats", ps)
			}
		}
	}
}

// TestFirstRepeat checks firstRepeat, and runsAreGroups, against a plain
// search on lists of names from a small alphabet, of every size around
// pairwiseNames and tableNames (whose nameSet is on the stack) and past it;
// and with a key that collides for every name, so that only same tells
// names apart.
func TestFirstRepeat(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	sizes := []int{0, 1, 2, pairwiseNames, pairwiseNames + 1, tableNames - 1, tableNames, tableNames + 1, 300}
	for _, n := range sizes {
		for range 100 {
			names := make([]string, n)
			for i := range names {
				names[i] = fmt.Sprint("n", rng.IntN(4*n+1))
			}
			want := -1
		search:
			for i := range names {
				for j := range i {
					if names[i] == names[j] {
						want = i
						break search
					}
				}
			}
			same := func(i, j int) bool { return names[i] == names[j] }
			for _, key := range []func(int) uint64{
				func(i int) uint64 { return nameKey(names[i]) },
				func(int) uint64 { return 42 },
			} {
				if got := firstRepeat(n, key, same); got != want {
					t.Fatalf("firstRepeat(%q) = %d, want %d", names, got, want)
				}
			}
			grouped := true
			for i := 1; i < n && grouped; i++ {
				for j := range i - 1 {
					if names[j] == names[i] && names[i-1] != names[i] {
						grouped = false
						break
					}
				}
			}
			if got := runsAreGroups(n, func(i int) string { return names[i] }); got != grouped {
				t.Fatalf("runsAreGroups(%q) = %v, want %v", names, got, grouped)
			}
		}
	}
}

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
	names := []string{"a", "b", "rel", "name", "_links", "_embedded", "é", "x\"y", "bad\xff", "", "startAudioVideo", "startAudioVideX"}
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
