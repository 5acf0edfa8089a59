package ucwa

import "math/bits"

// Repeated names. A name must not repeat in a JSON object, in a property bag
// or among the attributes of an XML element: the decoders refuse it and the
// encoders do not write it. And the JSON encoder writes the links (or the
// embedded resources) of one rel together, which needs to know whether a rel
// repeats. One mechanism serves them all:
//
//   - a name's key, nameKey: the one hash of a name, 64 bits of its length
//     and its first and last eight bytes, which equal names share and
//     unequal names of one body almost never do;
//   - firstRepeat, which finds the first name of a list that repeats an
//     earlier one: it compares up to pairwiseNames names pairwise, and puts
//     more in a nameSet, a table of their keys in which only the names of
//     one key are compared;
//   - where no repeat is the common case, the keys alone, compared pairwise
//     or in a keyTable: a key seen twice means only that a name may repeat,
//     and sends the caller to firstRepeat (namesMayRepeat, the JSON
//     encoder's fast paths, which have the keys of the names they write from
//     appendJSONQuoted);
//   - for the names of the intern table (intern.go), their index in it: the
//     JSON decoder keeps an internSet per object, and needs no key for most
//     member names.

// The thresholds of the mechanism.
const (
	// pairwiseNames is how many names are compared pairwise, a name with
	// each before it: for so few, a table costs more than the comparisons.
	pairwiseNames = 8
	// keyedNames is how many keys a keyTable holds: past it, a list is
	// taken to have a repeat, and goes to firstRepeat.
	keyedNames = 32
	// tableNames is how many names a nameSet holds on the stack, at most
	// half full; a longer list allocates its table.
	tableNames = 64
)

// nameKey returns the key of the name s: its length, and its first and last
// eight bytes (all of a shorter name, read as appendJSONQuoted reads it),
// mixed by mixKey. appendJSONQuoted computes it too, from the words it
// copies.
func nameKey[S string | []byte](s S) uint64 {
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
// name of n bytes. The multiplication mixes every bit it is given into the
// top bits, by which the tables are addressed.
func mixKey(a, b uint64, n int) uint64 {
	return (a ^ bits.RotateLeft64(b, 31) ^ uint64(n)<<56) * 0x9E3779B97F4A7C15
}

// firstRepeat returns the index of the first of n names that repeats an
// earlier one, or -1. key(i) gives the key of name i, and same(i, j)
// reports whether names i and j are equal.
func firstRepeat(n int, key func(int) uint64, same func(i, j int) bool) int {
	if n <= pairwiseNames {
		for i := 1; i < n; i++ {
			for j := range i {
				if same(i, j) {
					return i
				}
			}
		}
		return -1
	}
	var stack [2 * tableNames]uint32
	s := newNameSet(&stack, n)
	for i := range n {
		if s.add(i, key(i), same) {
			return i
		}
	}
	return -1
}

// A nameSet holds names of a list by their indexes, in an open-addressed
// table addressed by the top bits of their keys and at most half full: a
// name is compared only with those whose slot its search passes. Each slot
// holds the index+1 of its name, or 0.
type nameSet []uint32

// newNameSet returns a nameSet with room for n names: stack, the caller's,
// when it has the room.
func newNameSet(stack *[2 * tableNames]uint32, n int) nameSet {
	if 2*n <= len(stack) {
		return stack[:]
	}
	return make(nameSet, 1<<bits.Len(uint(2*n-1)))
}

// add adds name i, whose key is k, and reports whether an equal name was
// there already; same is firstRepeat's.
func (s nameSet) add(i int, k uint64, same func(i, j int) bool) (dup bool) {
	mask := len(s) - 1
	for h := int(k >> (64 - bits.Len(uint(mask)))); ; h = (h + 1) & mask {
		j := int(s[h]) - 1
		if j < 0 {
			s[h] = uint32(i + 1)
			return false
		}
		if same(i, j) {
			return true
		}
	}
}

// runsAreGroups reports whether the items with one rel (rel(i) gives them)
// stand together, as a decoder leaves them, so that each run of one rel is
// the whole group: whether no run's rel repeats an earlier run's.
func runsAreGroups(n int, rel func(int) string) bool {
	same := func(i, j int) bool { return rel(i) == rel(j) }
	var stack [2 * tableNames]uint32
	s := newNameSet(&stack, n)
	for i := 0; i < n; i++ {
		if i > 0 && rel(i) == rel(i-1) {
			continue
		}
		if s.add(i, nameKey(rel(i)), same) {
			return false
		}
	}
	return true
}

// firstRepeatedName returns the index of the first property of ps whose
// name repeats an earlier one's, or -1: namesMayRepeat rules repeats out
// cheaply, and only when it cannot does firstRepeat look for the name.
func firstRepeatedName(ps []Property) int {
	if len(ps) < 2 || !namesMayRepeat(ps) {
		return -1
	}
	return firstRepeat(len(ps), func(i int) uint64 { return nameKey(ps[i].Name) },
		func(i, j int) bool { return ps[i].Name == ps[j].Name })
}

// checkNames refuses a property bag that the decoder would refuse: a
// repeated name.
func checkNames(f Format, ps []Property) *EncodeError {
	if i := firstRepeatedName(ps); i >= 0 {
		return &EncodeError{Format: f, Path: "/" + jsonPointerToken(ps[i].Name), Err: ErrInvalidValue,
			Msg: "duplicate property name"}
	}
	return nil
}

// namesMayRepeat reports whether two properties of ps may have one name:
// false means surely not. It compares their keys, pairwise or in a
// keyTable; past keyedNames properties it answers true.
func namesMayRepeat(ps []Property) bool {
	switch {
	case len(ps) <= pairwiseNames:
		var keys [pairwiseNames]uint64
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
	case len(ps) <= keyedNames:
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

// keyTable is a set of up to keyedNames keys, open-addressed by their top
// bits. used marks the slots in use, as any key, 0 too, may be in one.
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

// An internSet is a set of interned names, by index: the JSON decoder keeps
// one per object to find repeated names among those it knows.
type internSet [(len(internEntries) + 63) / 64]uint64

// has reports whether the name of index i is in s.
func (s *internSet) has(i int) bool { return s[i/64]&(1<<(uint(i)%64)) != 0 }

// add adds the name of index i and reports whether it was there already.
func (s *internSet) add(i int) (had bool) {
	bit := uint64(1) << (uint(i) % 64)
	had = s[i/64]&bit != 0
	s[i/64] |= bit
	return had
}
