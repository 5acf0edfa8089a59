package ucwa

import (
	"slices"
)

// The JSON encoder: AppendJSON of inputs, resources, event-channel responses
// and error bodies, and what they are made of: strings, values, links, the
// "_links" and "_embedded" objects, resources. What JSON cannot carry
// (invalid UTF-8, NUL, a value with XML attributes, a repeated name) is an
// *EncodeError that names it, and the body is not written. Event-channel
// responses and error bodies are written in json_encode_events.go.

// AppendJSON appends the JSON form of in to dst: an object with the properties
// in order and, when there are links, "_links" after them (with the rels read
// as empty arrays after the others). It allocates nothing when dst has room.
func (in *Input) AppendJSON(dst []byte) ([]byte, error) {
	n := len(dst)
	if err := checkReserved(in.Properties); err != nil {
		return dst, err
	}
	dst = append(dst, '{')
	dst, err := appendJSONMembers(dst, in.Properties)
	if err == nil && len(in.Links)+len(in.emptyLinks) > 0 {
		if len(in.Properties) > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `"_links":`...)
		dst, err = appendJSONLinkSet(dst, in.Links, in.emptyLinks)
	}
	if err != nil {
		return dst[:n], err
	}
	return append(dst, '}'), nil
}

// AppendJSON appends the JSON form of r to dst. The self link and the others
// go in "_links", embedded resources in "_embedded"; a resource decoded from
// JSON is written back byte for byte the same but for white space, member
// order inside link objects (href, title, then the rest), escapes (written
// in the shortest form) and empty arrays under "_links" or "_embedded"
// (written after the other rels). A JSON resource carries its rel in its "rel"
// member: when r.Rel is set and r has no "rel" property (as a resource read
// from XML may not), "rel" is written first. It allocates nothing when dst
// has room.
func (r *Resource) AppendJSON(dst []byte) ([]byte, error) {
	n := len(dst)
	rel := r.Rel
	if _, ok := r.Get("rel"); ok {
		rel = ""
	}
	dst, err := appendJSONResource(dst, r, rel)
	if err != nil {
		return dst[:n], err
	}
	return dst, nil
}

// AppendJSON appends the JSON form of ev to dst.
func (ev *Events) AppendJSON(dst []byte) ([]byte, error) {
	n := len(dst)
	dst, err := appendJSONEvents(dst, ev)
	if err != nil {
		return dst[:n], err
	}
	return dst, nil
}

// AppendJSON appends the JSON error body of e to dst. Status and Cause are not
// part of a body and are not written.
func (e *Error) AppendJSON(dst []byte) ([]byte, error) {
	n := len(dst)
	dst, err := appendJSONError(dst, e, true)
	if err != nil {
		return dst[:n], err
	}
	return dst, nil
}

func appendJSONValue(dst []byte, v Value) ([]byte, *EncodeError) {
	if v.kids != nil && v.kids.kind&hasAttrs != 0 {
		return dst, &EncodeError{Format: JSON, Err: ErrInvalidValue, Msg: "a value with XML attributes (" +
			quoteCut(v.kids.attrs()[0].Name) + ") has no JSON form"}
	}
	switch v.Kind() {
	case KindString:
		// appendJSONString, written out: the call costs as much as a short
		// string.
		d, _, _, plain := appendJSONQuoted(dst, v.text)
		if !plain {
			var ok bool
			if d, ok = appendJSONEscaped(dst, v.text); !ok {
				return d, jsonStringError("", v.text)
			}
		}
		return d, nil
	case KindBool:
		if b, _ := v.Bool(); b {
			return append(dst, "true"...), nil
		}
		return append(dst, "false"...), nil
	case KindNumber:
		return append(dst, v.text...), nil
	case KindNull:
		return append(dst, "null"...), nil
	case KindDate:
		dst = append(dst, '"')
		dst, ok := appendDateJSON(dst, v.text)
		if !ok {
			return dst, &EncodeError{Format: JSON, Err: ErrInvalidValue, Msg: "invalid date " + quoteCut(v.text)}
		}
		return append(dst, '"'), nil
	case KindList:
		dst = append(dst, '[')
		for i, item := range v.List() {
			if i > 0 {
				dst = append(dst, ',')
			}
			var err *EncodeError
			if dst, err = appendJSONValue(dst, item); err != nil {
				err.Path = "/" + itoa(i) + err.Path
				return dst, err
			}
		}
		return append(dst, ']'), nil
	case KindBag:
		dst = append(dst, '{')
		dst, err := appendJSONMembers(dst, v.Bag())
		if err != nil {
			return dst, err
		}
		return append(dst, '}'), nil
	}
	return dst, &EncodeError{Format: JSON, Err: ErrInvalidValue, Msg: "zero Value"}
}

// appendJSONMembers appends the properties as object members, without braces.
func appendJSONMembers(dst []byte, ps []Property) ([]byte, *EncodeError) {
	if err := checkNames(JSON, ps); err != nil {
		return dst, err
	}
	for i := range ps {
		p := &ps[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		var err *EncodeError
		if dst, err = appendJSONName(dst, p.Name); err != nil {
			return dst, err
		}
		if dst, err = appendJSONValue(dst, p.Value); err != nil {
			err.Path = "/" + jsonPointerToken(p.Name) + err.Path
			return dst, err
		}
	}
	return dst, nil
}

// appendJSONLink appends a link object: "rel" (when withRel, as events
// have it), "href", then Attrs in order, or in the order the link was read
// in (relAt, hrefAt). An attribute may be named "rel" or "href" only where
// that field is not written: a link under "_links" has its rel as its key,
// and a link without an href (see Link.Href) has none.
func appendJSONLink(dst []byte, l *Link, withRel bool) ([]byte, *EncodeError) {
	dst = append(dst, '{')
	if err := checkNames(JSON, l.Attrs); err != nil {
		return dst, err
	}
	writeRel := withRel
	if _, inAttrs := Lookup(l.Attrs, "rel"); inAttrs && l.Rel == "" {
		writeRel = false
	}
	writeHref := !l.noHref
	for i := range l.Attrs {
		if a := &l.Attrs[i]; a.Name == "href" && writeHref || a.Name == "rel" && writeRel {
			return dst, &EncodeError{Format: JSON, Path: "/" + a.Name, Err: ErrInvalidValue,
				Msg: "link attribute repeats a field"}
		}
	}
	relAt, hrefAt := 1, 2 // the members' places, 1 + the members before them
	if !writeRel {
		relAt, hrefAt = 0, 1
	}
	if l.relAt != 0 || l.hrefAt != 0 {
		relAt, hrefAt = int(l.relAt), int(l.hrefAt)
	}
	var ok bool
	a := 0
	for n := 1; writeRel || writeHref || a < len(l.Attrs); n++ {
		if n > 1 {
			dst = append(dst, ',')
		}
		// Where no attribute is left (the value changed since it was
		// read), the fields come in the order of their places.
		last := a == len(l.Attrs)
		switch {
		case writeRel && (n == relAt || last && !(writeHref && hrefAt < relAt)):
			if dst, ok = appendJSONString(append(dst, `"rel":`...), l.Rel); !ok {
				return dst, jsonStringError("/rel", l.Rel)
			}
			writeRel = false
		case writeHref && (n == hrefAt || last):
			if dst, ok = appendJSONString(append(dst, `"href":`...), l.Href); !ok {
				return dst, jsonStringError("/href", l.Href)
			}
			writeHref = false
		default:
			var err *EncodeError
			if dst, err = appendJSONMember(dst, &l.Attrs[a]); err != nil {
				return dst, err
			}
			a++
		}
	}
	return append(dst, '}'), nil
}

// appendJSONLinkSet appends a "_links" object (see appendJSONGroups).
// appendJSONLinksInOrder writes the common set, as decoders leave it; the
// others, and the errors, go to appendJSONGroups in groupOrder's order.
func appendJSONLinkSet(dst []byte, ls []Link, empty []string) ([]byte, *EncodeError) {
	if d, ok := appendJSONLinksInOrder(dst, ls, empty); ok {
		return d, nil
	}
	s := relItems{links: ls}
	s.order = groupOrder(&s)
	return appendJSONGroups(dst, &s, empty)
}

// appendJSONEmbeddedSet appends an "_embedded" object (see
// appendJSONGroups). Whether the resources stand grouped is known before
// anything is written (embeddedInOrder, else groupOrder), so that each is
// written once, whatever it holds: writing a set again, as a link set may
// be, would write again every level below it.
func appendJSONEmbeddedSet(dst []byte, rs []Resource, empty []string) ([]byte, *EncodeError) {
	s := relItems{res: rs}
	if !embeddedInOrder(rs) {
		s.order = groupOrder(&s)
	}
	return appendJSONGroups(dst, &s, empty)
}

// relItems are the items of a rel set, the links of a "_links" object or the
// resources of an "_embedded" one (the other is nil), and the order to write
// them in: order[k] is the index of the k-th, or nil for the order they
// stand in.
type relItems struct {
	links []Link
	res   []Resource
	order []int
}

func (s *relItems) len() int { return len(s.links) + len(s.res) }

// at returns the set's path, for errors.
func (s *relItems) at() string {
	if s.links != nil {
		return "/_links"
	}
	return "/_embedded"
}

// index returns the index of the k-th item to write.
func (s *relItems) index(k int) int {
	if s.order == nil {
		return k
	}
	return s.order[k]
}

// rel returns the rel of item i, and whether it sat in an array under it.
func (s *relItems) rel(i int) (rel string, inArray bool) {
	if s.links != nil {
		return s.links[i].Rel, s.links[i].InArray
	}
	return s.res[i].Rel, s.res[i].InArray
}

// appendJSONGroups is the writer of the rel sets, "_links" and "_embedded":
// it appends an object whose members are the rels of the items of s, in the
// order each rel first appears, each holding its items, alone or in an array
// when the rel has several or one is marked InArray; then the rels in empty
// (read as empty arrays) that have no item now, each as []. The items are
// taken in s's order, each run of one rel as its group.
func appendJSONGroups(dst []byte, s *relItems, empty []string) ([]byte, *EncodeError) {
	n := s.len()
	var err *EncodeError
	dst = append(dst, '{')
	for k := 0; k < n; {
		rel, array := s.rel(s.index(k))
		end := k + 1 // the group is the k-th to the (end-1)-th item
		for ; end < n; end++ {
			r, a := s.rel(s.index(end))
			if r != rel {
				break
			}
			array = array || a
		}
		array = array || end-k > 1
		if k > 0 {
			dst = append(dst, ',')
		}
		if dst, err = appendJSONName(dst, rel); err != nil {
			err.Path = s.at() + err.Path
			return dst, err
		}
		if array {
			dst = append(dst, '[')
		}
		for j := k; j < end; j++ {
			if j > k {
				dst = append(dst, ',')
			}
			if i := s.index(j); s.links != nil {
				dst, err = appendJSONLink(dst, &s.links[i], false)
			} else {
				dst, err = appendJSONResource(dst, &s.res[i], "")
			}
			if err != nil {
				err.Path = s.at() + "/" + jsonPointerToken(rel) + linkIndex(array, j-k) + err.Path
				return dst, err
			}
		}
		if array {
			dst = append(dst, ']')
		}
		k = end
	}
	comma := n > 0
	for _, r := range empty {
		if s.has(r) {
			continue // a rel read empty that has items now
		}
		if comma {
			dst = append(dst, ',')
		}
		comma = true
		if dst, err = appendJSONName(dst, r); err != nil {
			err.Path = s.at() + err.Path
			return dst, err
		}
		dst = append(dst, '[', ']')
	}
	return append(dst, '}'), nil
}

// has reports whether an item of s has the rel r.
func (s *relItems) has(r string) bool {
	for i := range s.len() {
		if rel, _ := s.rel(i); rel == r {
			return true
		}
	}
	return false
}

// appendJSONLinksInOrder is the fast path of appendJSONGroups for a link set
// as decoders leave it: it writes the links as they stand, each run of one
// rel as its group, and checks that as it goes, by the keys of the rels
// appendJSONQuoted gives (see nameKey). It reports false, having appended
// what the caller drops, at a key seen before (a rel that repeats or,
// rarely, a collision), past keyedNames runs, at a rel that needs escapes,
// or on any error. A link with an href and nothing else, the commonest, is
// written without a call.
func appendJSONLinksInOrder(dst []byte, ls []Link, empty []string) ([]byte, bool) {
	var seen keyTable
	runs := 0
	var err *EncodeError
	dst = append(dst, '{')
	for k := 0; k < len(ls); {
		l := &ls[k]
		end, array := k+1, l.InArray // the group is ls[k:end]
		for end < len(ls) && ls[end].Rel == l.Rel {
			array = array || ls[end].InArray
			end++
		}
		array = array || end-k > 1
		if k > 0 {
			dst = append(dst, ',')
		}
		d, first, last, plain := appendJSONQuoted(dst, l.Rel)
		if runs++; !plain || runs > keyedNames || seen.add(mixKey(first, last, len(l.Rel))) {
			return d, false
		}
		if !array && len(l.Attrs) == 0 && !l.noHref {
			// "rel":{"href":…}; an href that needs escapes takes the
			// general case below.
			if h, _, _, plain := appendJSONQuoted(append(d, `:{"href":`...), l.Href); plain {
				dst, k = append(h, '}'), end
				continue
			}
		}
		dst = append(d, ':')
		if array {
			dst = append(dst, '[')
		}
		for j := k; j < end; j++ {
			if j > k {
				dst = append(dst, ',')
			}
			if dst, err = appendJSONLink(dst, &ls[j], false); err != nil {
				return dst, false
			}
		}
		if array {
			dst = append(dst, ']')
		}
		k = end
	}
	comma := len(ls) > 0
	for _, r := range empty {
		if slices.ContainsFunc(ls, func(l Link) bool { return l.Rel == r }) {
			continue // a rel read empty that has links now
		}
		if comma {
			dst = append(dst, ',')
		}
		comma = true
		if dst, err = appendJSONName(dst, r); err != nil {
			return dst, false
		}
		dst = append(dst, '[', ']')
	}
	return append(dst, '}'), true
}

// groupOrder returns the indexes of the items of s reordered so that the
// items of each rel stand together, in the order each rel first appears,
// keeping their order within a rel; or nil when they stand so already, as
// decoders leave them. Only that rare case allocates.
func groupOrder(s *relItems) []int {
	n := s.len()
	rel := func(i int) string { r, _ := s.rel(i); return r }
	if runsAreGroups(n, rel) {
		return nil
	}
	groups := make(map[string][]int)
	var rels []string
	for i := range n {
		r := rel(i)
		if _, ok := groups[r]; !ok {
			rels = append(rels, r)
		}
		groups[r] = append(groups[r], i)
	}
	order := make([]int, 0, n)
	for _, r := range rels {
		order = append(order, groups[r]...)
	}
	return order
}

func linkIndex(array bool, k int) string {
	if !array {
		return ""
	}
	return "/" + itoa(k)
}

// embeddedInOrder reports whether the resources of rs that share a rel all
// stand together, as decoders leave them, so that each run of one rel is its
// group, and whether there are at most keyedNames runs: the rels of the runs
// are told apart by their keys (nameKey), and an equal key, a repeated rel or
// rarely a collision, says no.
func embeddedInOrder(rs []Resource) bool {
	var seen keyTable
	runs := 0
	for k := range rs {
		if k > 0 && rs[k].Rel == rs[k-1].Rel {
			continue
		}
		if runs++; runs > keyedNames || seen.add(nameKey(rs[k].Rel)) {
			return false
		}
	}
	return true
}

// appendJSONResource appends r; rel, when not "", is written first as the
// "rel" member. appendJSONResourceInOrder writes the common case;
// appendJSONResourceChecked the others and the errors.
func appendJSONResource(dst []byte, r *Resource, rel string) ([]byte, *EncodeError) {
	if d, err, ok := appendJSONResourceInOrder(dst, r, rel); ok {
		return d, err
	}
	return appendJSONResourceChecked(dst, r, rel)
}

// The keys of the names the properties of a resource must not have.
var linksKey, embeddedKey = nameKey("_links"), nameKey("_embedded")

// appendJSONResourceInOrder is appendJSONResource for a resource whose
// embedded resources, if any, come after its properties, as decoders and
// the reference have them: it checks the names of the properties as it
// writes them, by the keys appendJSONQuoted gives (see nameKey), rather
// than in a pass of their own first.
//
// It reports ok false, having appended what the caller drops, when it
// cannot tell the first error: on an error, a name that needs escapes, a
// key seen before or the key of "_links" or "_embedded" (a repeated or
// reserved name, or, rarely, a collision). appendJSONResourceChecked then
// finds which, and which error comes first. All of that happens before any
// embedded resource is written: an error inside one, met when every name
// has passed, is the first error, and is returned as it is, so that no
// resource is written twice (with a fallback after them, each level would
// write the levels below it again).
func appendJSONResourceInOrder(dst []byte, r *Resource, rel string) (_ []byte, _ *EncodeError, ok bool) {
	n := len(r.Properties)
	linksAt, embeddedAt := min(int(r.linksAt), n+1), min(int(r.embeddedAt), n+1)
	if linksAt == 0 && len(r.Links)+len(r.emptyLinks()) > 0 {
		linksAt = n + 1
	}
	if embeddedAt == 0 && len(r.Embedded)+len(r.emptyEmbedded()) > 0 {
		embeddedAt = n + 1
	}
	if n > keyedNames || embeddedAt != 0 && embeddedAt <= n {
		return dst, nil, false
	}
	dst = append(dst, '{')
	comma := false
	if rel != "" {
		d, _, _, plain := appendJSONQuoted(append(dst, `"rel":`...), rel)
		if !plain {
			return d, nil, false
		}
		dst, comma = d, true
	}
	var seen keyTable
	var err *EncodeError
	for i := 0; i <= n; i++ {
		if i+1 == linksAt || i+1 == embeddedAt {
			if dst, err = appendJSONSetsAt(dst, r, i+1, linksAt, embeddedAt, comma); err != nil {
				// At n, every name has passed: the error is the first.
				return dst, err, i == n
			}
			comma = true
		}
		if i == n {
			break
		}
		if comma {
			dst = append(dst, ',')
		}
		comma = true
		p := &r.Properties[i]
		d, first, last, plain := appendJSONQuoted(dst, p.Name)
		key := mixKey(first, last, len(p.Name))
		if !plain || key == linksKey || key == embeddedKey || seen.add(key) {
			return d, nil, false
		}
		if p.Value.kids == &scalarKids[KindString] {
			// Most values are plain strings: appendJSONValue's first case,
			// without the call; it takes those that need escapes, and a
			// string with XML attributes, whose kids are its own.
			if v, _, _, plain := appendJSONQuoted(append(d, ':'), p.Value.text); plain {
				dst = v
				continue
			}
		}
		if dst, err = appendJSONValue(append(d, ':'), p.Value); err != nil {
			return dst, nil, false
		}
	}
	return append(dst, '}'), nil, true
}

// appendJSONResourceChecked is appendJSONResource that checks the names of
// the properties before it writes anything, as the exact path for what
// appendJSONResourceInOrder leaves: a repeated or reserved name is the
// error whatever else is wrong.
func appendJSONResourceChecked(dst []byte, r *Resource, rel string) ([]byte, *EncodeError) {
	dst = append(dst, '{')
	comma := false
	if rel != "" {
		dst = append(dst, `"rel":`...)
		var ok bool
		if dst, ok = appendJSONString(dst, rel); !ok {
			return dst, jsonStringError("/rel", rel)
		}
		comma = true
	}
	n := len(r.Properties)
	linksAt, embeddedAt := min(int(r.linksAt), n+1), min(int(r.embeddedAt), n+1)
	if linksAt == 0 && len(r.Links)+len(r.emptyLinks()) > 0 {
		linksAt = n + 1
	}
	if embeddedAt == 0 && len(r.Embedded)+len(r.emptyEmbedded()) > 0 {
		embeddedAt = n + 1
	}
	err := checkNames(JSON, r.Properties)
	if err == nil {
		err = checkReserved(r.Properties)
	}
	if err != nil {
		return dst, err
	}
	for i := 0; i <= n; i++ {
		if i+1 == linksAt || i+1 == embeddedAt {
			if dst, err = appendJSONSetsAt(dst, r, i+1, linksAt, embeddedAt, comma); err != nil {
				return dst, err
			}
			comma = true
		}
		if i == n {
			break
		}
		if comma {
			dst = append(dst, ',')
		}
		comma = true
		p := &r.Properties[i]
		if dst, err = appendJSONName(dst, p.Name); err != nil {
			return dst, err
		}
		if dst, err = appendJSONValue(dst, p.Value); err != nil {
			err.Path = "/" + jsonPointerToken(p.Name) + err.Path
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

// appendJSONSetsAt appends "_links" or "_embedded" or both, as r has them at
// place at (see appendJSONResource), with a comma first when comma is set.
func appendJSONSetsAt(dst []byte, r *Resource, at, linksAt, embeddedAt int, comma bool) ([]byte, *EncodeError) {
	var err *EncodeError
	for pass := range 2 {
		links := (pass == 0) != (r.embeddedFirst && linksAt == embeddedAt)
		if links && linksAt == at {
			if comma {
				dst = append(dst, ',')
			}
			dst = append(dst, `"_links":`...)
			if dst, err = appendJSONLinkSet(dst, r.Links, r.emptyLinks()); err != nil {
				return dst, err
			}
			comma = true
		}
		if !links && embeddedAt == at {
			if comma {
				dst = append(dst, ',')
			}
			dst = append(dst, `"_embedded":`...)
			if dst, err = appendJSONEmbeddedSet(dst, r.Embedded, r.emptyEmbedded()); err != nil {
				return dst, err
			}
			comma = true
		}
	}
	return dst, nil
}

// appendJSONMember appends the member p.
func appendJSONMember(dst []byte, p *Property) ([]byte, *EncodeError) {
	dst, err := appendJSONName(dst, p.Name)
	if err != nil {
		return dst, err
	}
	if dst, err = appendJSONValue(dst, p.Value); err != nil {
		err.Path = "/" + jsonPointerToken(p.Name) + err.Path
	}
	return dst, err
}

// checkReserved refuses "_links" and "_embedded" as names of the properties
// of a JSON resource or input, where the decoder reads them as links and
// embedded resources. Elsewhere (a nested bag, an error body, a link) they
// are ordinary names.
func checkReserved(ps []Property) *EncodeError {
	for i := range ps {
		if name := ps[i].Name; name == "_links" || name == "_embedded" {
			return &EncodeError{Format: JSON, Path: "/" + name, Err: ErrInvalidValue,
				Msg: "property name reserved for links"}
		}
	}
	return nil
}
