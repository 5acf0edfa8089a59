package ucwa

import "hash/maphash"

// Encoders must not write a name twice in one JSON object or property bag,
// and must group links and embedded resources by rel. strSet tells repeated
// names apart in linear time without allocating, for the sizes bodies have.

var strSetSeed = maphash.MakeSeed()

// strSet is a small open-addressing set of strings. It holds up to
// strSetMax of them; add reports ok false past that.
type strSet struct {
	keys [64]string
	used uint64 // a bit per slot
	n    int
}

const strSetMax = 48

// add adds k and reports whether it was there already. ok is false when the
// set is full and cannot tell.
func (s *strSet) add(k string) (dup, ok bool) {
	if s.n >= strSetMax {
		return false, false
	}
	i := maphash.String(strSetSeed, k) & 63
	for s.used&(1<<i) != 0 {
		if s.keys[i] == k {
			return true, true
		}
		i = (i + 1) & 63
	}
	s.keys[i] = k
	s.used |= 1 << i
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
	var set strSet
	for i := range n {
		dup, ok := set.add(name(i))
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
	var set strSet
	for i := 0; i < n; i++ {
		if i > 0 && rel(i) == rel(i-1) {
			continue
		}
		if dup, ok := set.add(rel(i)); dup || !ok {
			return false
		}
	}
	return true
}

// checkNames refuses a property bag that the decoder would refuse: a repeated
// name.
func checkNames(f Format, ps []Property) *EncodeError {
	if i := firstRepeat(len(ps), func(i int) string { return ps[i].Name }); i >= 0 {
		return &EncodeError{Format: f, Path: "/" + jsonPointerToken(ps[i].Name), Err: ErrInvalidValue, Msg: "duplicate property name"}
	}
	return nil
}

// checkReserved refuses "_links" and "_embedded" as names of the properties
// of a JSON resource or input, where the decoder reads them as links and
// embedded resources. Elsewhere (a nested bag, an error body, a link) they
// are ordinary names.
func checkReserved(ps []Property) *EncodeError {
	for i := range ps {
		if name := ps[i].Name; name == "_links" || name == "_embedded" {
			return &EncodeError{Format: JSON, Path: "/" + name, Err: ErrInvalidValue, Msg: "property name reserved for links"}
		}
	}
	return nil
}
