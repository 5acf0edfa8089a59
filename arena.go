package ucwa

import (
	"encoding/binary"
	"slices"
	"unsafe"
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
//
// The slabs of a pooled decoder are the decoded value's: finish forgets
// them. Those of a [Decoder] (reuse set) are kept for the next body, which
// writes over them: see finish.
type slabs struct {
	props   slab[Property]
	links   slab[Link]
	lone    slab[Link] // links held by pointer: Event.In, Error.Link
	vals    slab[Value]
	res     slab[Resource]
	kids    slab[kids]
	events  slab[Event]
	senders slab[Sender]
	errs    slab[Error]
	empties slab[emptyRels]
	rels    slab[string] // the rels of empty arrays
	strs    slab[byte]   // the string arena: see keep

	n     int  // the length of the body being decoded
	lastN int  // that of the last body decoded, or 0 when none
	reuse bool // the slabs are kept from body to body
	// zeroLinks: the links slab's free end must be zero (JSON's decoder
	// writes its links there in place, see openLinks), so a reused slab is
	// cleared over what the last body wrote.
	zeroLinks bool
	stale     bool // reuse: a slab was replaced, and the others may point into it
}

// A slab is the buffer of one kind of item, and its counts.
type slab[T any] struct {
	buf   []T
	spent int // the items handed out for this body from buffers before buf
	last  int // the items the last body needed
	dirty int // reuse: the items of buf the last body wrote, to clear
}

// need returns the items handed out for this body.
func (s *slab[T]) need() int { return s.spent + len(s.buf) }

// minSlab is the smallest first slab.
const minSlab = 4

// Bounds of what a reused decoder keeps between bodies (see finish).
const (
	// maxKeptArena is the most bytes of slabs a Decoder keeps for the next
	// body: one that needed more leaves them all to its value, and the next
	// body starts afresh, so that one huge body does not pin its memory.
	maxKeptArena = 8 << 20
	// shrinkRatio and shrinkFloor: a slab more than shrinkRatio times as
	// large as the last body needed, and over shrinkFloor bytes, is
	// replaced by one of the size needed: small bodies after a large one do
	// not keep its memory either.
	shrinkRatio = 8
	shrinkFloor = 64 << 10
)

// start prepares the slabs for a body of n bytes. A reused slab is cleared
// over what the last body wrote in it, where the decoder needs zeroed memory
// (see zeroLinks), and everywhere once a slab was replaced: the items left
// there would keep its memory alive.
func (s *slabs) start(n int) {
	s.n = n
	if !s.reuse {
		return
	}
	if s.zeroLinks {
		s.links.clearDirty()
	}
	if s.stale {
		s.props.clearDirty()
		s.links.clearDirty()
		s.lone.clearDirty()
		s.vals.clearDirty()
		s.res.clearDirty()
		s.kids.clearDirty()
		s.events.clearDirty()
		s.senders.clearDirty()
		s.errs.clearDirty()
		s.empties.clearDirty()
		s.rels.clearDirty()
		s.stale = false
	}
}

func (s *slab[T]) clearDirty() {
	clear(s.buf[:s.dirty])
	s.dirty = 0
}

// finish ends a body. A pooled decoder's slabs, which the decoded value now
// owns, are forgotten, and the counts of the body kept for the next. A
// Decoder's are kept, emptied, to be written over by the next body, each
// sized to hold what this one needed with a margin (see slab.keepFor),
// unless they hold more than maxKeptArena bytes in all.
func (s *slabs) finish() {
	record := s.props.need()+s.links.need()+s.lone.need()+s.vals.need()+s.res.need()+s.kids.need()+
		s.events.need()+s.senders.need()+s.errs.need()+s.empties.need()+s.rels.need()+s.strs.need() > 0
	if record {
		s.lastN = s.n
	}
	keep := s.reuse && s.props.bytes()+s.links.bytes()+s.lone.bytes()+s.vals.bytes()+s.res.bytes()+
		s.kids.bytes()+s.events.bytes()+s.senders.bytes()+s.errs.bytes()+s.empties.bytes()+s.rels.bytes()+
		s.strs.bytes() <= maxKeptArena
	st := s.props.finish(record, keep)
	st = s.links.finish(record, keep) || st
	st = s.lone.finish(record, keep) || st
	st = s.vals.finish(record, keep) || st
	st = s.res.finish(record, keep) || st
	st = s.kids.finish(record, keep) || st
	st = s.events.finish(record, keep) || st
	st = s.senders.finish(record, keep) || st
	st = s.errs.finish(record, keep) || st
	st = s.empties.finish(record, keep) || st
	st = s.rels.finish(record, keep) || st
	st = s.strs.finish(record, keep) || st
	s.stale = s.reuse && (st || !keep)
}

// bytes returns the bytes this body needed of the slab, or that its buffer
// holds, whichever is more.
func (s *slab[T]) bytes() int {
	return max(s.need(), cap(s.buf)) * int(unsafe.Sizeof(*new(T)))
}

// finish ends a body for the slab (see slabs.finish): it records what the
// body needed when record is set, and keeps a buffer for the next when keep
// is. It reports whether it replaced the buffer, or the body had more than
// one: the items written before may point into those.
func (s *slab[T]) finish(record, keep bool) (replaced bool) {
	need := s.need()
	if record {
		s.last = need
	}
	replaced = s.spent > 0
	s.spent = 0
	if !keep {
		s.buf, s.dirty = nil, 0
		return replaced
	}
	size := int(unsafe.Sizeof(*new(T)))
	switch c := cap(s.buf); {
	case c < need, c > shrinkRatio*need && c*size > shrinkFloor:
		// Too small for a body like this one, or far too large.
		s.buf, s.dirty = nil, 0
		if need > 0 {
			s.buf = slices.Grow([]T(nil), need+need/8)
		}
		return true
	}
	s.buf, s.dirty = s.buf[:0], len(s.buf)
	return replaced
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
	if s.lastN > 0 && last > 0 {
		est := int(int64(last) * int64(s.n) / int64(s.lastN))
		size = min(est+est/64, max(guess, 2*last+2))
	}
	return max(size, need, minSlab)
}

// grow starts a new buffer for the slab, that must take need more items
// (see firstSize for guess): the first of the body, or one twice as large
// as the last. The items handed out stay where they are.
func (s *slab[T]) grow(a *slabs, need, guess int) {
	size := max(2*cap(s.buf), need)
	if cap(s.buf) == 0 {
		size = a.firstSize(s.last, need, guess)
	}
	s.spent += len(s.buf)
	s.buf = slices.Grow([]T(nil), size)
}

// take copies xs into the slab, or a new buffer when it has no room (see
// grow), and returns where they are, with the capacity cut to the length.
// It returns nil for no items.
func (s *slab[T]) take(a *slabs, xs []T, guess int) []T {
	if len(xs) == 0 {
		return nil
	}
	if cap(s.buf)-len(s.buf) < len(xs) {
		s.grow(a, len(xs), guess)
	}
	n := len(s.buf)
	s.buf = append(s.buf, xs...)
	return s.buf[n:len(s.buf):len(s.buf)]
}

// one returns a zeroed item of the slab, for the caller to fill.
func (s *slab[T]) one(a *slabs) *T {
	if len(s.buf) == cap(s.buf) {
		s.grow(a, 1, minSlab)
	}
	s.buf = s.buf[:len(s.buf)+1]
	p := &s.buf[len(s.buf)-1]
	*p = *new(T) // a reused slab holds the last body's items
	return p
}

// keep returns a string holding b, copied into the string arena: a few
// large buffers that the decoded strings slice, so that a decoded value
// costs an allocation per buffer, not per string, and holds only the bytes
// it keeps, not the whole body.
//
// The strings are made with unsafe.String, which is sound as long as their
// bytes do not change while they are in use. A buffer is only appended to,
// never moved (when one is full, keepNew starts another, and what was handed
// out stays where it is), so the bytes of a string never change during the
// decode that made it. A pooled decoder then forgets the buffers, which the
// value owns. A Decoder writes over them in its next decode, which its
// documentation forbids while the values of the previous one are in use.
func (s *slabs) keep(b []byte) string {
	n := len(s.strs.buf)
	if len(b) > cap(s.strs.buf)-n || len(b) == 0 {
		return s.keepNew(b)
	}
	s.strs.buf = s.strs.buf[:n+len(b)]
	dst := s.strs.buf[n:]
	if len(b) >= 8 && len(b) <= 16 {
		// Two words that overlap, where a call to copy costs more.
		lo, hi := load64b(b, 0), load64b(b, len(b)-8)
		binary.LittleEndian.PutUint64(dst, lo)
		binary.LittleEndian.PutUint64(dst[len(b)-8:], hi)
	} else {
		copy(dst, b)
	}
	return unsafe.String(unsafe.SliceData(dst), len(b))
}

// keepNew is keep when b is empty or the buffer has no room for it.
func (s *slabs) keepNew(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	s.strs.grow(s, len(b), s.n/2)
	s.strs.buf = append(s.strs.buf, b...)
	return unsafe.String(&s.strs.buf[0], len(b))
}

// keepString is keep for a string.
func (s *slabs) keepString(str string) string {
	return s.keep(unsafe.Slice(unsafe.StringData(str), len(str)))
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

func (s *slabs) keepProps(ps []Property) []Property { return s.props.take(s, ps, s.n/96) }

func (s *slabs) keepLinks(ls []Link) []Link { return s.links.take(s, ls, s.n/96) }

func (s *slabs) keepValues(vs []Value) []Value { return s.vals.take(s, vs, s.n/768) }

func (s *slabs) keepResources(rs []Resource) []Resource { return s.res.take(s, rs, s.n/384) }

// keepResource keeps r in the slab and returns where.
func (s *slabs) keepResource(r Resource) *Resource {
	rs := s.keepResources([]Resource{r})
	return &rs[0]
}

func (s *slabs) keepKids(k kids) *kids {
	p := s.kids.one(s)
	*p = k
	return p
}

// newLink returns a zeroed Link held by pointer (Event.In, Error.Link).
func (s *slabs) newLink() *Link { return s.lone.one(s) }

// newError returns a zeroed Error (Event.Reason, an error body).
func (s *slabs) newError() *Error { return s.errs.one(s) }

// keepEmpty keeps the rels of a resource's empty arrays.
func (s *slabs) keepEmpty(e emptyRels) *emptyRels {
	p := s.empties.one(s)
	*p = e
	return p
}

// takeEmpty pops the rels of empty arrays above base off *stack and returns
// them kept, or nil: rare, and free when there are none.
func (s *slabs) takeEmpty(stack *[]string, base int) []string {
	if len(*stack) == base {
		return nil
	}
	rels := s.rels.take(s, (*stack)[base:], minSlab)
	*stack = (*stack)[:base]
	return rels
}

// openLinks returns the free end of the links slab, empty, with room for
// at least one link. A decoder whose links come in runs, one for each
// resource (JSON's), appends a run to it and hands it to closeLinks: each
// link is written once, where the decoded value keeps it. The free end is
// zero: fresh memory, or cleared by start.
func (s *slabs) openLinks() []Link {
	l := &s.links
	if len(l.buf) == cap(l.buf) {
		l.grow(s, 1, s.n/96)
	}
	return l.buf[len(l.buf):]
}

// closeLinks takes into the links slab a run appended to what openLinks
// returned, and returns it with its capacity cut to its length, or nil for
// no links. A run that outgrew the slab's room was moved by append into an
// array of its own, which becomes the slab.
func (s *slabs) closeLinks(run []Link) []Link {
	if len(run) == 0 {
		return nil
	}
	l := &s.links
	if n := len(l.buf); n < cap(l.buf) && &run[0] == &l.buf[:n+1][n] {
		l.buf = l.buf[:n+len(run)]
	} else {
		l.spent += len(l.buf)
		l.buf = run
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

// takeSenders returns the senders gathered, each with its events, kept in
// the slabs s.
func (st *eventStacks) takeSenders(s *slabs) []Sender {
	if len(st.snd) == 0 {
		return nil
	}
	all := s.events.take(s, st.evs, s.n/512)
	out := s.senders.take(s, st.snd, s.n/2048)
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
