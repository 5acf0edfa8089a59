package ucwa

import (
	"slices"
	"strings"
)

// slabs hands out the slices a decoded body is made of from a few large
// allocations, so that decoding costs a handful of allocations however many
// resources the body holds. A slice handed out has its capacity cut to its
// length, so appending to it never writes into its neighbour.
//
// A slab's first size is learned: a pooled decoder remembers how many items
// of each kind its last body needed per byte, and sizes the next body's
// slabs in proportion. Clients decode the same kinds of bodies again and
// again, so the slabs come out close to the size needed, and decoding
// allocates little more than the body holds. A decoder with no history (or a
// kind the last body did not need) starts from a fixed guess. A slab that
// fills up is followed by one twice as large.
//
// The margin over the estimate is small: 1/64 of it, and what the
// allocator gives for free, as a slab is allocated as append allocates,
// rounded up to the allocator's size class (classes are at most 1/8 apart),
// and all of that room is used. For a body like the last, the common case,
// the estimate is exact; a larger margin would cost every body bytes to
// spare the rare body a little denser a second slab.
type slabs struct {
	props []Property
	links []Link
	vals  []Value
	res   []Resource
	kids  []kids
	strs  strings.Builder // the string arena: see keep
	n     int             // the length of the body being decoded
	used  slabCounts      // the items handed out for it
	last  slabCounts      // those of the last body decoded, and its length in n
}

// slabCounts counts the items of each kind a body needed.
type slabCounts struct{ n, props, links, vals, res, kids, strs int }

// minSlab is the smallest first slab.
const minSlab = 4

// start prepares the slabs for a body of n bytes.
func (s *slabs) start(n int) {
	s.n = n
	s.used = slabCounts{}
}

// finish forgets the slabs, which the decoded value now owns, and keeps the
// counts of the body for the next.
func (s *slabs) finish() {
	s.used.strs += s.strs.Len()
	if s.used.props+s.used.links+s.used.vals+s.used.res+s.used.kids+s.used.strs > 0 {
		s.last, s.last.n = s.used, s.n
	}
	*s = slabs{last: s.last}
}

// firstSize returns the size of the first slab of a kind of which the last
// body needed last items, and of which this one needs at least need now;
// guess is the size when there is no history: the body's length over a
// number of bytes per item that real bodies seldom go under.
//
// The estimate from the last body is capped at twice what that body needed
// (or the guess, if larger): a small, dense body read before a large,
// sparse one must not make the latter allocate in proportion to the former.
// A body that needs more gets further slabs, each twice as large.
func (s *slabs) firstSize(last, need, guess int) int {
	size := guess
	if s.last.n > 0 && last > 0 {
		est := int(int64(last) * int64(s.n) / int64(s.last.n))
		size = min(est+est/64, max(guess, 2*last+2))
	}
	return max(size, need, minSlab)
}

// grow returns the capacity of the next slab, for a kind with capacity c
// now, that must take need more items.
func (s *slabs) grow(c, need, last, guess int) int {
	if c == 0 {
		return s.firstSize(last, need, guess)
	}
	return max(2*c, need)
}

// keep returns a string holding b, copied into the string arena: a few
// large buffers that the decoded strings slice, so that a decoded value
// costs an allocation per buffer, not per string, and holds only the bytes
// it keeps, not the whole body. A strings.Builder never changes what it has
// written and String returns its bytes without a copy; when one is full, the
// next starts afresh, so what was handed out stays where it is. keepNew
// starts a buffer. (The Builder's copy check makes keep too costly for the
// compiler to inline.)
func (s *slabs) keep(b []byte) string {
	if n := s.strs.Len(); len(b) <= s.strs.Cap()-n && len(b) > 0 {
		s.strs.Write(b)
		return s.strs.String()[n:]
	}
	return s.keepNew(b)
}

// keepNew is keep when b is empty or the buffer has no room for it.
func (s *slabs) keepNew(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	s.used.strs += s.strs.Len()
	size := s.grow(s.strs.Cap(), len(b), s.last.strs, s.n/2)
	s.strs = strings.Builder{}
	s.strs.Grow(size)
	s.strs.Write(b)
	return s.strs.String()
}

// keepEventType returns the event type named b: the constant for a type the
// reference names, which costs no copy, or else b kept.
func (s *slabs) keepEventType(b []byte) EventType {
	for _, t := range [...]EventType{Added, Updated, Deleted, Started, Completed} {
		if string(b) == string(t) {
			return t
		}
	}
	return EventType(s.keep(b))
}

// keepIn copies xs into the slab *slab, or a new one when it has no room
// (see grow; last is what the last body needed of this kind, guess the size
// without history), counts them in *used, and returns where they are, with
// the capacity cut to the length. It returns nil for no items.
func keepIn[T any](s *slabs, slab *[]T, xs []T, used *int, last, guess int) []T {
	if len(xs) == 0 {
		return nil
	}
	if cap(*slab)-len(*slab) < len(xs) {
		*slab = slices.Grow([]T(nil), s.grow(cap(*slab), len(xs), last, guess))
	}
	*used += len(xs)
	n := len(*slab)
	*slab = append(*slab, xs...)
	return (*slab)[n:len(*slab):len(*slab)]
}

func (s *slabs) keepProps(ps []Property) []Property {
	return keepIn(s, &s.props, ps, &s.used.props, s.last.props, s.n/96)
}

func (s *slabs) keepLinks(ls []Link) []Link {
	return keepIn(s, &s.links, ls, &s.used.links, s.last.links, s.n/96)
}

func (s *slabs) keepValues(vs []Value) []Value {
	return keepIn(s, &s.vals, vs, &s.used.vals, s.last.vals, s.n/768)
}

func (s *slabs) keepResources(rs []Resource) []Resource {
	return keepIn(s, &s.res, rs, &s.used.res, s.last.res, s.n/384)
}

// keepResource keeps r in the slab and returns where.
func (s *slabs) keepResource(r Resource) *Resource {
	rs := s.keepResources([]Resource{r})
	return &rs[0]
}

func (s *slabs) keepKids(k kids) *kids {
	if len(s.kids) == cap(s.kids) {
		s.kids = slices.Grow([]kids(nil), s.grow(cap(s.kids), 1, s.last.kids, 4))
	}
	s.used.kids++
	s.kids = append(s.kids, k)
	return &s.kids[len(s.kids)-1]
}

// openLinks returns the free end of the links slab, empty, with room for
// at least one link. A decoder whose links come in runs, one for each
// resource (JSON's), appends a run to it and hands it to closeLinks: each
// link is written once, where the decoded value keeps it.
func (s *slabs) openLinks() []Link {
	if len(s.links) == cap(s.links) {
		s.links = slices.Grow([]Link(nil), s.grow(cap(s.links), 1, s.last.links, s.n/96))
	}
	return s.links[len(s.links):]
}

// closeLinks takes into the links slab a run appended to what openLinks
// returned, and returns it with its capacity cut to its length, or nil for
// no links. A run that outgrew the slab's room was moved by append into an
// array of its own, which becomes the slab.
func (s *slabs) closeLinks(run []Link) []Link {
	if len(run) == 0 {
		return nil
	}
	s.used.links += len(run)
	if n := len(s.links); n < cap(s.links) && &run[0] == &s.links[:n+1][n] {
		s.links = s.links[:n+len(run)]
	} else {
		s.links = run
	}
	return run[:len(run):len(run)]
}

// push extends the stack *s by one element and returns it, for the caller
// to write a field at a time: appending a composite literal builds it on the
// goroutine's stack and then copies it, with a bulk write barrier while the
// garbage collector marks, which costs more than the stores. (Storing a
// pointer has a barrier of its own then, but a cheap one.) The element
// holds what was last popped from there, as stacks are cleared only by
// reset (see resetStack): the caller writes every field, but where the stack
// is fresh memory, as a links run in the slab is, it is zero.
func push[T any](s *[]T) *T {
	n := len(*s)
	if n == cap(*s) {
		*s = append(*s, *new(T))
	}
	*s = (*s)[:n+1]
	return &(*s)[n]
}

// set sets p to name: v, a field at a time (see push).
func (p *Property) set(name string, v Value) {
	p.Name, p.Value.text, p.Value.kids = name, v.text, v.kids
}

// maxPooledStack is the longest stack a pooled decoder keeps: a hostile body
// that grew one further does not pin its memory.
const maxPooledStack = 1 << 12

// resetStack empties s for the next decode, dropping what it points to up to
// its capacity: the decoders pop their stacks without clearing what they
// pop, and clear it all here, once.
func resetStack[T any](s []T) []T {
	if cap(s) > maxPooledStack {
		return nil
	}
	s = s[:cap(s)]
	clear(s)
	return s[:0]
}

// eventStacks gathers the senders and events of an event-channel response,
// to hand them out in two allocations at the end.
type eventStacks struct {
	snd  []Sender
	evs  []Event
	ends []int // where the events of each sender end in evs
}

// endSender adds s, whose events are those added to evs since the last.
func (st *eventStacks) endSender(s Sender) {
	st.snd = append(st.snd, s)
	st.ends = append(st.ends, len(st.evs))
}

// takeSenders returns the senders gathered, each with its events.
func (st *eventStacks) takeSenders() []Sender {
	if len(st.snd) == 0 {
		return nil
	}
	all := make([]Event, len(st.evs))
	copy(all, st.evs)
	out := make([]Sender, len(st.snd))
	copy(out, st.snd)
	start := 0
	for i := range out {
		if end := st.ends[i]; end > start {
			out[i].Events = all[start:end:end]
			start = end
		}
	}
	st.reset()
	return out
}

func (st *eventStacks) reset() {
	st.snd, st.evs, st.ends = resetStack(st.snd), resetStack(st.evs), st.ends[:0]
}
