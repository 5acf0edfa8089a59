package ucwa

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
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

// TestRepeatedNames: repeated names are refused whatever the size of the bag
// (see the thresholds in repeat.go).
func TestRepeatedNames(t *testing.T) {
	for _, n := range []int{2, 9, keyedNames, keyedNames + 1, tableNames, tableNames + 1, 200} {
		ps := make([]Property, n)
		for i := range ps {
			ps[i] = Prop(fmt.Sprint("p", i), Int(int64(i)))
		}
		in := Input{Properties: ps}
		for _, f := range []Format{JSON, XML} {
			if _, err := in.Marshal(f); err != nil {
				t.Errorf("%d distinct names, %v: %v", n, f, err)
			}
		}
		ps[n-1].Name = "p0"
		for _, f := range []Format{JSON, XML} {
			if _, err := in.Marshal(f); !errors.Is(err, ErrInvalidValue) {
				t.Errorf("%d names with a repeat, %v: got %v", n, f, err)
			}
		}
	}
}

// TestDuplicateNamesLarge: repeats are found in objects of any size, at the
// offset of the repeated name.
func TestDuplicateNamesLarge(t *testing.T) {
	for _, n := range []int{pairwiseNames, pairwiseNames + 1, 100} {
		var b strings.Builder
		b.WriteString(`{`)
		for i := range n {
			fmt.Fprintf(&b, `"p%d":%d,`, i, i)
		}
		at := b.Len()
		b.WriteString(`"p0":0}`)
		_, err := DecodeInput([]byte(b.String()), JSON)
		var de *DecodeError
		if !errors.As(err, &de) || !errors.Is(err, ErrDuplicateName) || de.Offset != int64(at) {
			t.Errorf("%d members then a repeat: got %v, want ErrDuplicateName at %d", n, err, at)
		}
	}
}

// TestDuplicateNamesInterned: a repeat is found whether the names are in the
// intern table (found by index) or not (compared), plain or escaped, in
// objects of any size; the same names in nested and sibling objects are not
// repeats.
func TestDuplicateNamesInterned(t *testing.T) {
	escape := func(s string) string { return `\u00` + strconv.FormatInt(int64(s[0]), 16) + s[1:] }
	for _, n := range []int{1, pairwiseNames - 1, pairwiseNames, pairwiseNames + 1, 100} {
		for _, k := range []int{0, n / 2, n - 1} {
			for _, interned := range []bool{true, false} {
				names := make([]string, n)
				for i := range names {
					names[i] = "p" + strconv.Itoa(i)
					if interned == (i%3 != 1) { // a mix, mostly of the kind
						names[i] = internedNames[i*4]
					}
				}
				for _, esc := range []string{"", "first", "repeat"} {
					var b strings.Builder
					b.WriteString(`{`)
					for i, name := range names {
						if esc == "first" && i == k {
							name = escape(name)
						}
						fmt.Fprintf(&b, `"%s":{"%s":%d,"q":[{"%s":1}]},`, name, name, i, name)
					}
					at, repeat := b.Len(), names[k]
					if esc == "repeat" {
						repeat = escape(repeat)
					}
					body := b.String()
					_, err := DecodeInput([]byte(body[:len(body)-1]+"}"), JSON)
					if err != nil {
						t.Fatalf("%d names, no repeat: %v", n, err)
					}
					body += `"` + repeat + `":0}`
					_, err = DecodeInput([]byte(body), JSON)
					var de *DecodeError
					if !errors.As(err, &de) || !errors.Is(err, ErrDuplicateName) || de.Offset != int64(at) {
						t.Errorf("%d names (interned %v, escaped %q), then %q: got %v, want ErrDuplicateName at %d",
							n, interned, esc, repeat, err, at)
					}
				}
			}
		}
	}
}
