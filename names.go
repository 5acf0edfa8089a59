package ucwa

// Encoders must not write a name twice in one JSON object or property bag,
// and must group links and embedded resources by rel. nameSet tells repeated
// names apart in linear time without allocating, for the sizes bodies have.

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
