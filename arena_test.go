package ucwa

import (
	"slices"
	"testing"
)

// TestSlabsLearn: a pooled decoder sizes its first slabs from the last body
// it read, in proportion to the lengths; a body needing more than that gets
// a further slab twice as large, and one with no history the fixed guess.
// Every slab is rounded up to the allocator's size class (roundCap).
func TestSlabsLearn(t *testing.T) {
	var s slabs
	s.start(960)
	if got := s.keepProps(make([]Property, 1)); cap(got) != 1 || cap(s.props.buf) != roundCap[Property](960/96) {
		t.Fatalf("no history: slab of %d, want %d", cap(s.props.buf), roundCap[Property](960/96))
	}
	s.keepProps(make([]Property, cap(s.props.buf)-1)) // the slab is full
	first := cap(s.props.buf)
	s.keepProps(make([]Property, 1))
	if cap(s.props.buf) != roundCap[Property](2*first) {
		t.Fatalf("second slab of %d, want %d", cap(s.props.buf), roundCap[Property](2*first))
	}
	s.keepLinks(make([]Link, 3))
	s.keep([]byte("abcdef"))
	s.finish()
	if s.props.buf != nil || s.links.buf != nil || len(s.strs.buf) != 0 {
		t.Fatal("finish kept the slabs")
	}
	s.start(1920) // twice as long: 22 properties, 6 links, 12 string bytes expected
	s.keepProps(make([]Property, 1))
	s.keepLinks(make([]Link, 1))
	s.keep([]byte("x"))
	lastProps := first + 1
	if want := roundCap[Property](2 * lastProps); cap(s.props.buf) != want { // in proportion: the margin of 1/64 is 0 here
		t.Errorf("learned props slab of %d, want %d", cap(s.props.buf), want)
	}
	if want := roundCap[Link](6); cap(s.links.buf) != want { // 6 + 6/64
		t.Errorf("learned links slab of %d, want %d", cap(s.links.buf), want)
	}
	if want := 12; cap(s.strs.buf) < want || cap(s.strs.buf) > 2*want {
		t.Errorf("learned string arena of %d bytes, want about %d", cap(s.strs.buf), want)
	}
	s.keepResources(make([]Resource, 1))
	if want := roundCap[Resource](max(1920/384, minSlab)); cap(s.res.buf) != want {
		t.Errorf("a kind the last body did not need: slab of %d, want the guess %d", cap(s.res.buf), want)
	}

	// A small body dense with list items, then a large sparse one: the
	// large one's first slab is the guess, not 10,000 times the small one's.
	s.finish()
	s.start(100)
	s.keepValues(make([]Value, 50))
	s.finish()
	s.start(1 << 20)
	s.keepValues(make([]Value, 1))
	if want := roundCap[Value]((1 << 20) / 768); cap(s.vals.buf) != want {
		t.Errorf("after a dense small body: slab of %d values, want the guess %d", cap(s.vals.buf), want)
	}
}

// roundCap is the capacity append gives a slice grown from nil to n items:
// n rounded up to the allocator's size class.
func roundCap[T any](n int) int { return cap(slices.Grow([]T(nil), n)) }

// TestKeep: keep copies strings of every length into the arena, whole, and
// leaves those it handed out before as they were, in a pooled decoder's
// slabs and in reused ones.
func TestKeep(t *testing.T) {
	src := make([]byte, 64)
	for i := range src {
		src[i] = byte('a' + i%26)
	}
	for _, reuse := range []bool{false, true} {
		s := slabs{reuse: reuse}
		for range 3 {
			s.start(256)
			var kept []string
			for n := 0; n <= 40; n++ {
				b := src[n%7 : n%7+n]
				kept = append(kept, s.keep(b))
				for m, k := range kept {
					if want := string(src[m%7 : m%7+m]); k != want {
						t.Fatalf("reuse %v: keep of %d bytes gave %q, want %q (after %d)", reuse, m, k, want, n)
					}
				}
			}
			s.finish()
		}
	}
}
