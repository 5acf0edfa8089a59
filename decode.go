package ucwa

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The decoding entry points. Each takes the whole body: a UTF-8 byte-order
// mark before it is skipped, and byte offsets in errors count from after it.
//
// Decoded strings do not alias data, so data may be reused as soon as the
// call returns. Both decoders copy what the value keeps (JSON names, strings
// and numbers; XML attribute values, text and the few names kept) into a few
// large buffers, a string arena, and nothing else of the body, except the
// names they know (see internName), which they take from a table: the value
// keeps those buffers alive as long as any of its strings is.

// DecodeInput decodes a POST body: a JSON object or an XML <input> element.
// It is Options{}.DecodeInput.
func DecodeInput(data []byte, f Format) (Input, error) { return Options{}.DecodeInput(data, f) }

// DecodeResource decodes a resource: a JSON object, or an XML <resource>
// element (or an <input>, as the reference writes some PUT bodies). With an
// error it returns what it read before the error. It is
// Options{}.DecodeResource.
func DecodeResource(data []byte, f Format) (Resource, error) {
	return Options{}.DecodeResource(data, f)
}

// DecodeEvents decodes an event-channel response. It is
// Options{}.DecodeEvents.
//
// With an error it returns what it read before the error: the links read
// by then (a response whose "_links" comes first, as servers write it,
// gives its "next" link even when a later part is malformed), and the
// senders and events read, the last cut short. An event loop may GET that
// next link to go on; a response whose error came before its links gives
// none.
func DecodeEvents(data []byte, f Format) (Events, error) { return Options{}.DecodeEvents(data, f) }

// DecodeErrorBody decodes a UCWA error body (JSON object or XML <reason>)
// strictly: a body that is not one is an error. Status is left 0. See
// [ResponseError] for the forgiving form a client wants. It is
// Options{}.DecodeErrorBody.
func DecodeErrorBody(data []byte, f Format) (*Error, error) {
	return Options{}.DecodeErrorBody(data, f)
}

// DecodeInput decodes a POST body with the options o.
func (o Options) DecodeInput(data []byte, f Format) (Input, error) {
	var in Input
	err := o.decode(data, f, func(j *jsonDecoder) error { return j.input(&in) },
		func(x *xmlDecoder) error { return x.input(&in) })
	if err == nil && f == XML && o.Types != nil {
		typeInput(&in, o.Types)
	}
	return in, err
}

// DecodeResource decodes a resource with the options o.
func (o Options) DecodeResource(data []byte, f Format) (Resource, error) {
	var r Resource
	err := o.decode(data, f, func(j *jsonDecoder) error { return j.topResource(&r) },
		func(x *xmlDecoder) error { return x.topResource(&r) })
	if err == nil && f == XML && o.Types != nil {
		typeResource(&r, o.Types)
	}
	return r, err
}

// DecodeEvents decodes an event-channel response with the options o.
func (o Options) DecodeEvents(data []byte, f Format) (Events, error) {
	var ev Events
	err := o.decode(data, f, func(j *jsonDecoder) error { return j.events(&ev) },
		func(x *xmlDecoder) error { return x.events(&ev) })
	if err == nil && f == XML && o.Types != nil {
		typeEvents(&ev, o.Types)
	}
	return ev, err
}

// DecodeErrorBody decodes a UCWA error body with the options o.
func (o Options) DecodeErrorBody(data []byte, f Format) (*Error, error) {
	e := new(Error)
	err := o.decode(data, f, func(j *jsonDecoder) error { return j.errorBody(e) },
		func(x *xmlDecoder) error { return x.errorBody(e) })
	if err != nil {
		return nil, err
	}
	return e, nil
}

// DetectFormat tells a body's format from its first byte other than white
// space (after any byte-order mark): '{' is JSON, '<' is XML.
func DetectFormat(data []byte) (Format, bool) {
	data = bytes.TrimLeft(StripBOM(data), " \t\r\n")
	if len(data) == 0 {
		return 0, false
	}
	switch data[0] {
	case '{':
		return JSON, true
	case '<':
		return XML, true
	}
	return 0, false
}

func (o Options) decode(data []byte, f Format, j func(*jsonDecoder) error, x func(*xmlDecoder) error) error {
	data = StripBOM(data)
	if max := o.maxSize(); len(data) > max {
		return &DecodeError{Format: f, Offset: int64(max), Err: ErrTooLarge,
			Msg: "body of " + strconv.Itoa(len(data)) + " bytes is over the limit of " + strconv.Itoa(max)}
	}
	switch f {
	case JSON:
		d := jsonPool.Get().(*jsonDecoder)
		d.buf, d.maxDepth = data, o.maxDepth()
		d.slabs.start(len(data))
		err := j(d)
		d.reset()
		jsonPool.Put(d)
		return err
	case XML:
		d := xmlPool.Get().(*xmlDecoder)
		d.buf, d.maxDepth = data, o.maxDepth()
		d.maxAttrs, d.maxNS = o.maxAttributes(), o.maxNamespaces()
		d.slabs.start(len(data))
		err := x(d)
		d.reset()
		xmlPool.Put(d)
		return err
	}
	return &DecodeError{Format: f, Err: ErrMediaType, Msg: "unknown format"}
}

// Decoders are pooled for their stacks, which every decode needs and no
// decoded value keeps.
var (
	jsonPool = sync.Pool{New: func() any { return new(jsonDecoder) }}
	xmlPool  = sync.Pool{New: func() any { return new(xmlDecoder) }}
)

// maxPooledStack is the longest stack a pooled decoder keeps: a hostile body
// that grew one further does not pin its memory.
const maxPooledStack = 1 << 12

// push extends the stack *s by one element and returns it, for the caller
// to write a field at a time: appending a composite literal builds it on the
// goroutine's stack and then copies it, with a bulk write barrier while the
// garbage collector marks, about ten times the cost of the stores. (Storing
// a pointer has a barrier of its own then, but a cheap one.) The element
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

func (d *jsonDecoder) reset() {
	d.eventStacks.reset()
	d.slabs.finish()
	*d = jsonDecoder{
		eventStacks: d.eventStacks, slabs: d.slabs,
		scratch: d.scratch[:0], codes: d.codes[:0], names: resetStack(d.names),
		props: resetStack(d.props), vals: resetStack(d.vals), res: resetStack(d.res),
		emptyLinks: resetStack(d.emptyLinks), emptyEmbedded: resetStack(d.emptyEmbedded),
	}
	if cap(d.scratch) > maxPooledStack {
		d.scratch = nil
	}
	if cap(d.codes) > maxPooledStack {
		d.codes = nil
	}
}

func (d *xmlDecoder) reset() {
	d.eventStacks.reset()
	d.slabs.finish()
	*d = xmlDecoder{
		eventStacks: d.eventStacks, slabs: d.slabs,
		ns: resetStack(d.ns), path: resetStack(d.path), attrs: resetStack(d.attrs), scratch: d.scratch[:0],
		props: resetStack(d.props), propOffs: resetStack(d.propOffs), links: resetStack(d.links),
		vals: resetStack(d.vals), res: resetStack(d.res),
	}
	if cap(d.scratch) > maxPooledStack {
		d.scratch = nil
	}
}

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
// the estimate is exact; a margin of 1/8 on top cost a tenth of the bytes
// decoded, to spare the rare body a little denser a second slab.
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

func (s *slabs) keepKids(k kids) *kids {
	if len(s.kids) == cap(s.kids) {
		s.kids = slices.Grow([]kids(nil), s.grow(cap(s.kids), 1, s.last.kids, 4))
	}
	s.used.kids++
	s.kids = append(s.kids, k)
	return &s.kids[len(s.kids)-1]
}

// unexpectedMsg says what stands at pos of buf where what was expected.
func unexpectedMsg(buf string, pos int, what string) string {
	if pos >= len(buf) {
		return "unexpected end of body, expecting " + what
	}
	c := buf[pos]
	if c < 0x20 || c >= 0x7f {
		return "unexpected byte 0x" + strconv.FormatUint(uint64(c), 16) + ", expecting " + what
	}
	return "unexpected " + strconv.QuoteRune(rune(c)) + ", expecting " + what
}

// keepResource keeps r in the slab and returns where.
func (s *slabs) keepResource(r Resource) *Resource {
	rs := s.keepResources([]Resource{r})
	return &rs[0]
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

// jsonPointerToken escapes a name for a JSON Pointer (RFC 6901).
func jsonPointerToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

func itoa(i int) string { return strconv.Itoa(i) }

// ResponseError returns the error a failed response stands for, whatever its
// body holds. It never returns nil, and Status is always status.
//
// A UCWA error body (JSON or XML, as contentType says; "" means detect it from
// the body), one with a code, gives its code, subcode, message and the rest,
// whatever else it holds: a member of another form than the model's (a null
// message, "parameters": []) is kept in Extra. Any other body (a
// proxy's HTML page, an empty body, truncated JSON, a Content-Type that is not
// UCWA's) gives an Error whose Code is [CodeForStatus](status) and whose Cause
// says why the body could not be read: errors.Is(err, [ErrNotUCWA]) is then
// true, and a malformed body's [*DecodeError] is in the chain.
func ResponseError(status int, contentType string, body []byte) *Error {
	return Options{}.ResponseError(status, contentType, body)
}

// ResponseError is [ResponseError] with the options o.
func (o Options) ResponseError(status int, contentType string, body []byte) *Error {
	var f Format
	if contentType != "" {
		mt, err := ParseMediaType(contentType)
		if err != nil {
			return newUnreadableError(status, &unreadableBody{err})
		}
		f = mt.Format
	} else {
		var ok bool
		if f, ok = DetectFormat(body); !ok {
			return newUnreadableError(status, nil)
		}
	}
	if len(bytes.TrimLeft(StripBOM(body), " \t\r\n")) == 0 {
		return newUnreadableError(status, fmt.Errorf("%w: the body is empty", ErrNotUCWA))
	}
	e, err := o.DecodeErrorBody(body, f)
	if err != nil {
		return newUnreadableError(status, &unreadableBody{err})
	}
	e.Status = status
	return e
}

// unreadableBody is the Cause ResponseError gives a body it cannot read. It
// wraps both ErrNotUCWA and err, and says "not a UCWA error body: " and why
// without err's own "ucwa: " prefix, so that Error.Error does not repeat it.
type unreadableBody struct{ err error }

func (u *unreadableBody) Error() string {
	return ErrNotUCWA.Error() + ": " + strings.TrimPrefix(u.err.Error(), "ucwa: ")
}

func (u *unreadableBody) Unwrap() []error { return []error{ErrNotUCWA, u.err} }
