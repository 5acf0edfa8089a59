package ucwa

import "math/bits"

// Encoders must not write a name twice in one JSON object or property bag,
// and must group links and embedded resources by rel. nameSet tells repeated
// names apart in linear time without allocating, for the sizes bodies have;
// the encoders' fast paths first try cheaper 64-bit keys (nameKey, keyTable)
// and come here only when those cannot rule a repeat out.

// nameSet is a small open-addressing set of the names of a list, held as
// indexes (name(i) gives name i). It holds up to nameSetMax of them; add
// reports ok false past that. The hash is cheap and weak: a collision costs
// a string comparison, and there are at most nameSetMax names to compare.
type nameSet struct {
	slots [64]uint16 // index+1 of the name in the slot, or 0
	n     int
}

const nameSetMax = 48

func nameHash(s string) uint {
	if s == "" {
		return 0
	}
	return uint(len(s))*0x9E + uint(s[0])*0x3B + uint(s[len(s)-1])*0x1F + uint(s[len(s)/2])
}

// add adds name i and reports whether an equal name was there already. ok is
// false when the set is full and cannot tell.
func (s *nameSet) add(i int, name func(int) string) (dup, ok bool) {
	if s.n >= nameSetMax || i >= 1<<16-1 {
		return false, false
	}
	k := name(i)
	h := nameHash(k) & 63
	for s.slots[h] != 0 {
		if name(int(s.slots[h])-1) == k {
			return true, true
		}
		h = (h + 1) & 63
	}
	s.slots[h] = uint16(i + 1)
	s.n++
	return false, true
}

// firstRepeat returns the index of the first name of n (name(i) gives them)
// that repeats an earlier one, or -1.
func firstRepeat(n int, name func(int) string) int {
	if n <= 8 {
		for i := 1; i < n; i++ {
			for j := range i {
				if name(i) == name(j) {
					return i
				}
			}
		}
		return -1
	}
	var set nameSet
	for i := range n {
		dup, ok := set.add(i, name)
		if dup {
			return i
		}
		if !ok {
			seen := make(map[string]struct{}, n)
			for j := range n {
				if _, dup := seen[name(j)]; dup {
					return j
				}
				seen[name(j)] = struct{}{}
			}
			return -1
		}
	}
	return -1
}

// runsAreGroups reports whether the items with one rel (rel(i) gives them)
// stand together, as a decoder leaves them, so that each run of one rel is
// the whole group.
func runsAreGroups(n int, rel func(int) string) bool {
	var set nameSet
	var seen map[string]struct{} // past what set holds
	for i := 0; i < n; i++ {
		if i > 0 && rel(i) == rel(i-1) {
			continue
		}
		if seen == nil {
			dup, ok := set.add(i, rel)
			if dup {
				return false
			}
			if ok {
				continue
			}
			seen = make(map[string]struct{}, n)
			for j := range i {
				seen[rel(j)] = struct{}{}
			}
		}
		if _, dup := seen[rel(i)]; dup {
			return false
		}
		seen[rel(i)] = struct{}{}
	}
	return true
}

// checkNames refuses a property bag that the decoder would refuse: a repeated
// name. namesMayRepeat rules repeats out cheaply; only when it cannot does
// firstRepeat look for the name.
func checkNames(f Format, ps []Property) *EncodeError {
	if len(ps) < 2 || !namesMayRepeat(ps) {
		return nil
	}
	if i := firstRepeat(len(ps), func(i int) string { return ps[i].Name }); i >= 0 {
		return &EncodeError{Format: f, Path: "/" + jsonPointerToken(ps[i].Name), Err: ErrInvalidValue, Msg: "duplicate property name"}
	}
	return nil
}

// The encoders check every object and every link set for repeated names, so
// the check is made cheap for the common case, where nothing repeats: the
// names are compared by a 64-bit key (nameKey), and an equal key, which a
// real repeat gives but a collision rarely does, sends the caller to the
// exact check (firstRepeat, or appendJSONGroups for rels). Up to
// keysPairwise names, keys are compared pairwise; up to keysMax, looked up
// in a keyTable; past that, the exact check runs.
const (
	keysPairwise = 8
	keysMax      = 32
)

// nameKey mixes the length and the first and last eight bytes of s (or all
// of a shorter s, read as appendJSONQuoted reads it) into a key: equal names
// have equal keys, and unequal names of one body almost never do.
// appendJSONQuoted computes it too, from the words it copies.
func nameKey(s string) uint64 {
	n := len(s)
	var a, b uint64
	switch {
	case n >= 8:
		a, b = load64(s), load64(s[n-8:])
	case n >= 4:
		a, b = uint64(load32(s)), uint64(load32(s[n-4:]))
	case n > 0:
		a = uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16
	}
	return mixKey(a, b, n)
}

// mixKey is the end of nameKey: a and b are the first and last words of a
// name of n bytes.
func mixKey(a, b uint64, n int) uint64 {
	return (a ^ bits.RotateLeft64(b, 31) ^ uint64(n)<<56) * 0x9E3779B97F4A7C15
}

// keyTable is a set of up to keysMax keys, open-addressed by their top bits
// (the multiplication in mixKey mixes every byte it was given into them).
// used marks the slots in use, as any key, 0 too, may be in one.
type keyTable struct {
	used  uint64
	slots [64]uint64
}

// add adds k and reports whether it was there already.
func (t *keyTable) add(k uint64) (seen bool) {
	h := k >> 58
	for t.used&(1<<h) != 0 {
		if t.slots[h] == k {
			return true
		}
		h = (h + 1) & 63
	}
	t.used |= 1 << h
	t.slots[h] = k
	return false
}

// namesMayRepeat reports whether two properties of ps may have one name:
// false means surely not.
func namesMayRepeat(ps []Property) bool {
	switch {
	case len(ps) <= keysPairwise:
		var keys [keysPairwise]uint64
		for i := range ps {
			k := nameKey(ps[i].Name)
			for _, o := range keys[:i] {
				if o == k {
					return true
				}
			}
			keys[i] = k
		}
		return false
	case len(ps) <= keysMax:
		var t keyTable
		for i := range ps {
			if t.add(nameKey(ps[i].Name)) {
				return true
			}
		}
		return false
	}
	return true
}
