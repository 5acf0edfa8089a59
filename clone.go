package ucwa

// Deep copies of values, to keep what a [Decoder] decoded past its next
// decode. A copy shares no memory with the value copied (but the scalar kinds'
// shared kids, which are never written, and an Error's Cause): every string,
// slice and pointer is copied, into a few buffers of its own, as a one-shot
// decode would have made them.

// Clone returns a deep copy of r that shares no memory with it.
func (r *Resource) Clone() Resource { return cloneWith(*r, (*cloner).resource) }

// Clone returns a deep copy of ev that shares no memory with it.
func (ev *Events) Clone() Events { return cloneWith(*ev, (*cloner).events) }

// Clone returns a deep copy of in that shares no memory with it.
func (in *Input) Clone() Input { return cloneWith(*in, (*cloner).input) }

// Clone returns a deep copy of e that shares no memory with it, but its
// Cause, the same error value. It returns nil for a nil e.
func (e *Error) Clone() *Error { return cloneWith(e, (*cloner).errorPtr) }

// Clone returns a deep copy of v that shares no memory with it.
func (v Value) Clone() Value { return cloneWith(v, (*cloner).value) }

// Clone returns a deep copy of l that shares no memory with it.
func (l Link) Clone() Link { return cloneWith(l, (*cloner).link) }

// A cloner copies a value in two passes: the first (count set) counts the
// items of each kind and the bytes of the strings into the slabs' counts,
// and writes nothing; the second copies into slabs of exactly that size.
type cloner struct {
	s     slabs
	count bool
}

// cloneWith copies x with f, in the two passes of a cloner.
func cloneWith[T any](x T, f func(*cloner, T) T) T {
	c := cloner{count: true}
	f(&c, x)
	c.s.sized()
	c.count = false
	return f(&c, x)
}

// sized turns the counts of the counting pass into the history firstSize
// reads, so that each kind's first slab holds all its items.
func (s *slabs) sized() {
	s.n, s.lastN = 1, 1
	s.props.counted()
	s.links.counted()
	s.lone.counted()
	s.vals.counted()
	s.res.counted()
	s.kids.counted()
	s.events.counted()
	s.senders.counted()
	s.errs.counted()
	s.empties.counted()
	s.rels.counted()
	s.strs.counted()
}

func (s *slab[T]) counted() { s.last, s.spent = s.spent, 0 }

// str copies s.
func (c *cloner) str(s string) string {
	if c.count {
		c.s.strs.spent += len(s)
		return s
	}
	return c.s.keepString(s)
}

// cloneSlice copies xs into the slab sl, shallow: the caller copies what
// each item points to. In the counting pass it counts them and returns xs,
// which the caller must not write. An empty slice stays empty, not nil.
func cloneSlice[T any](c *cloner, sl *slab[T], xs []T) []T {
	switch {
	case c.count:
		sl.spent += len(xs)
		return xs
	case xs != nil && len(xs) == 0:
		return []T{}
	}
	return sl.take(&c.s, xs, 0)
}

// cloneEach copies xs into the slab sl, each item with f (see cloneSlice).
func cloneEach[T any](c *cloner, sl *slab[T], xs []T, f func(*cloner, T) T) []T {
	out := cloneSlice(c, sl, xs)
	for i := range xs {
		if x := f(c, xs[i]); !c.count {
			out[i] = x
		}
	}
	return out
}

func (c *cloner) props(ps []Property) []Property { return cloneEach(c, &c.s.props, ps, (*cloner).prop) }

func (c *cloner) prop(p Property) Property {
	p.Name, p.Value = c.str(p.Name), c.value(p.Value)
	return p
}

func (c *cloner) values(vs []Value) []Value { return cloneEach(c, &c.s.vals, vs, (*cloner).value) }

func (c *cloner) value(v Value) Value {
	text := c.str(v.text)
	k := v.kids
	if k == nil || int(k.kind) < len(scalarKids) && k == &scalarKids[k.kind] {
		return Value{text: text, kids: k}
	}
	nk := kids{kind: k.kind, list: c.values(k.list), bag: c.props(k.bag)}
	if c.count {
		c.s.kids.spent++
		return v
	}
	return Value{text: text, kids: c.s.keepKids(nk)}
}

func (c *cloner) link(l Link) Link {
	l.Rel, l.Href, l.Attrs = c.str(l.Rel), c.str(l.Href), c.props(l.Attrs)
	return l
}

func (c *cloner) links(ls []Link) []Link { return cloneEach(c, &c.s.links, ls, (*cloner).link) }

// linkPtr copies the link p points to, if any.
func (c *cloner) linkPtr(p *Link) *Link {
	if p == nil {
		return nil
	}
	l := c.link(*p)
	if c.count {
		c.s.lone.spent++
		return p
	}
	q := c.s.newLink()
	*q = l
	return q
}

func (c *cloner) strs(ss []string) []string { return cloneEach(c, &c.s.rels, ss, (*cloner).str) }

func (c *cloner) resource(r Resource) Resource {
	r.Rel = c.str(r.Rel)
	r.Properties, r.Links, r.Embedded = c.props(r.Properties), c.links(r.Links), c.resources(r.Embedded)
	if r.empty != nil {
		e := emptyRels{c.strs(r.empty.Links), c.strs(r.empty.Embedded)}
		if c.count {
			c.s.empties.spent++
		} else {
			r.empty = c.s.keepEmpty(e)
		}
	}
	return r
}

func (c *cloner) resources(rs []Resource) []Resource {
	return cloneEach(c, &c.s.res, rs, (*cloner).resource)
}

func (c *cloner) input(in Input) Input {
	in.Properties, in.Links, in.emptyLinks = c.props(in.Properties), c.links(in.Links), c.strs(in.emptyLinks)
	return in
}

func (c *cloner) error(e Error) Error {
	e.Code, e.Subcode, e.Message = Code(c.str(string(e.Code))), Subcode(c.str(string(e.Subcode))), c.str(e.Message)
	e.Link = c.linkPtr(e.Link)
	e.Parameters, e.DebugInfo, e.Extra = c.props(e.Parameters), c.props(e.DebugInfo), c.props(e.Extra)
	e.order = c.str(e.order)
	return e
}

// errorPtr copies the error p points to, if any.
func (c *cloner) errorPtr(p *Error) *Error {
	if p == nil {
		return nil
	}
	e := c.error(*p)
	if c.count {
		c.s.errs.spent++
		return p
	}
	q := c.s.newError()
	*q = e
	return q
}

func (c *cloner) events(ev Events) Events {
	ev.Links, ev.Extra, ev.order = c.links(ev.Links), c.props(ev.Extra), c.str(ev.order)
	ev.Senders = cloneEach(c, &c.s.senders, ev.Senders, (*cloner).sender)
	return ev
}

func (c *cloner) sender(s Sender) Sender {
	s.Rel, s.Href, s.Extra, s.order = c.str(s.Rel), c.str(s.Href), c.props(s.Extra), c.str(s.order)
	s.Events = cloneEach(c, &c.s.events, s.Events, (*cloner).event)
	return s
}

func (c *cloner) event(e Event) Event {
	e.Type, e.Link, e.In = EventType(c.str(string(e.Type))), c.link(e.Link), c.linkPtr(e.In)
	e.Status, e.Extra, e.order = c.str(e.Status), c.props(e.Extra), c.str(e.order)
	if e.Resource != nil {
		r := c.resource(*e.Resource)
		if c.count {
			c.s.res.spent++
		} else {
			e.Resource = c.s.keepResource(r)
		}
	}
	e.Reason = c.errorPtr(e.Reason)
	return e
}
