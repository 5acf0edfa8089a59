package ucwa

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

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

// jsonEscape marks the bytes that need attention when quoting: '"', '\\',
// control characters, and the bytes of multi-byte sequences (to validate).
var jsonEscape = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80
	}
	return t
}()

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// jsonHits has the high bit set of each of the 8 bytes of w (little endian)
// that a JSON string cannot hold as it is: '"', '\\', a control character, a
// byte of a multi-byte sequence (to validate). For a byte below 0x80, x - lsb
// borrows into its high bit only when the byte of x is 0; borrows may also
// mark bytes above a hit, so only the lowest hit is exact.
func jsonHits(w uint64) uint64 { return jsonMarks(w) & msb }

// jsonMarks is jsonHits before the high bits are picked out: a copy ORs the
// marks of all its words and picks them out once.
//
// One test finds both '"' and the control characters: b^2 maps '"' to ' '
// and keeps the bytes below ' ' below it, so b^2 < 0x21 holds for them and
// for no other byte.
func jsonMarks(w uint64) uint64 {
	return ((w ^ 0x02*lsb) - 0x21*lsb) | ((w ^ '\\'*lsb) - lsb) | w
}

// load64 reads the 8 bytes of s, little endian (the compiler makes it one
// load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// jsonPlainPrefix returns the length of the longest prefix of s that a JSON
// string holds as it is, checking eight bytes at a time; the last, partial
// word is read overlapping the one before it.
func jsonPlainPrefix(s string) int {
	n := len(s)
	if n < 8 {
		i := 0
		for i < n && !jsonEscape[s[i]] {
			i++
		}
		return i
	}
	i := 0
	for ; i+8 <= n; i += 8 {
		if hit := jsonHits(load64(s[i : i+8])); hit != 0 {
			return i + bits.TrailingZeros64(hit)/8
		}
	}
	if i == n {
		return n
	}
	// Bytes n-8 … i-1 of the last word are known plain: they borrow nothing.
	if hit := jsonHits(load64(s[n-8:])) &^ (1<<(8*(i-(n-8))) - 1); hit != 0 {
		return n - 8 + bits.TrailingZeros64(hit)/8
	}
	return n
}

const hexDigits = "0123456789abcdef"

// load32 reads the 4 bytes of s, little endian, as load64 does.
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// appendJSONQuoted appends s in quotes, as it is, and reports whether a JSON
// string holds s so; when not, the caller drops what it appended and takes
// the slow path. It is the fast path of the string appenders: one pass that
// loads eight bytes at a time, appends them as they are and ORs their
// jsonMarks, with one test at the end (exact: without a hit nothing
// borrows). It makes no call to memmove, which costs more than the whole
// copy of a short string:
//
//   - 16 bytes or more: two words a pass from the start, then the last two,
//     read overlapping the pass before them and appended over the bytes
//     they repeat (the constants of the marks are loaded again on each pass,
//     the compiler does not keep them in registers, so a pass over two words
//     costs little more than one);
//   - 8 to 15 bytes: the first and the last word in the same way;
//   - 4 to 7 bytes: the first and the last four bytes so, their marks tested
//     as one word;
//   - 1 to 3 bytes: tested as one word of their first, middle and last
//     bytes, which are all of them.
//
// Having the words at hand, it also returns the first and the last (as
// nameKey reads them), from which mixKey makes the key of s for the checks
// of repeated names.
func appendJSONQuoted(dst []byte, s string) (_ []byte, first, last uint64, plain bool) {
	n := len(s)
	dst = append(dst, '"')
	var marks, a, b uint64
	switch {
	case n >= 16:
		i := 0
		for ; i < n-16; i += 16 {
			// jsonMarks written out: its inline mark would cost an
			// instruction per word.
			lo, hi := load64(s[i:]), load64(s[i+8:])
			marks |= ((lo ^ 0x02*lsb) - 0x21*lsb) | ((lo ^ '\\'*lsb) - lsb) | lo |
				((hi ^ 0x02*lsb) - 0x21*lsb) | ((hi ^ '\\'*lsb) - lsb) | hi
			dst = append(dst, byte(lo), byte(lo>>8), byte(lo>>16), byte(lo>>24), byte(lo>>32), byte(lo>>40), byte(lo>>48), byte(lo>>56),
				byte(hi), byte(hi>>8), byte(hi>>16), byte(hi>>24), byte(hi>>32), byte(hi>>40), byte(hi>>48), byte(hi>>56))
		}
		// The loop appended i-(n-16) bytes past n-16, which the last two
		// words write again.
		lo := load64(s[n-16:])
		a, b = load64(s), load64(s[n-8:])
		marks |= jsonMarks(lo) | jsonMarks(b)
		dst = dst[:len(dst)-(i-(n-16))]
		dst = append(dst, byte(lo), byte(lo>>8), byte(lo>>16), byte(lo>>24), byte(lo>>32), byte(lo>>40), byte(lo>>48), byte(lo>>56),
			byte(b), byte(b>>8), byte(b>>16), byte(b>>24), byte(b>>32), byte(b>>40), byte(b>>48), byte(b>>56))
	case n >= 8:
		a, b = load64(s), load64(s[n-8:])
		marks = jsonMarks(a) | jsonMarks(b)
		dst = binary.LittleEndian.AppendUint64(dst, a)
		dst = binary.LittleEndian.AppendUint64(dst[:len(dst)-(16-n)], b)
	case n >= 4:
		lo, hi := load32(s), load32(s[n-4:])
		a, b = uint64(lo), uint64(hi)
		marks = jsonMarks(a | b<<32)
		dst = binary.LittleEndian.AppendUint32(dst, lo)
		dst = binary.LittleEndian.AppendUint32(dst[:len(dst)-(8-n)], hi)
	case n > 0:
		a = uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16
		// The five high bytes are 0, a control character: not tested.
		marks = jsonMarks(a) & 0xFFFFFF
		dst = append(dst, s...)
	}
	return append(dst, '"'), a, b, marks&msb == 0
}

// appendJSONString appends s as a JSON string. It reports false when s is not
// valid UTF-8 or holds NUL, which the decoder refuses. Most strings need no
// escape and take appendJSONQuoted; the others appendJSONEscaped.
func appendJSONString(dst []byte, s string) ([]byte, bool) {
	if d, _, _, plain := appendJSONQuoted(dst, s); plain {
		return d, true
	}
	return appendJSONEscaped(dst, s)
}

// appendJSONEscaped is appendJSONString for strings that need escapes or
// validation. It copies runs that need no escape in bulk, checking eight bytes
// at a time.
func appendJSONEscaped(dst []byte, s string) ([]byte, bool) {
	dst = append(dst, '"')
	for {
		n := jsonPlainPrefix(s)
		dst = append(dst, s[:n]...)
		if n == len(s) {
			return append(dst, '"'), true
		}
		s = s[n:]
		c := s[0]
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s)
			if r == utf8.RuneError && size == 1 {
				return dst, false
			}
			dst = append(dst, s[:size]...)
			s = s[size:]
			continue
		}
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		case 0:
			return dst, false
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		s = s[1:]
	}
}

func jsonStringError(path, s string) *EncodeError {
	msg := "invalid UTF-8"
	if utf8.ValidString(s) {
		msg = "NUL character"
	}
	return &EncodeError{Format: JSON, Path: path, Err: ErrInvalidValue, Msg: msg}
}

// appendJSONName appends "name": .
func appendJSONName(dst []byte, name string) ([]byte, *EncodeError) {
	d, _, _, plain := appendJSONQuoted(dst, name)
	if !plain {
		var ok bool
		if d, ok = appendJSONEscaped(dst, name); !ok {
			return d, jsonStringError("/"+jsonPointerToken(name), name)
		}
	}
	return append(d, ':'), nil
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
			return dst, &EncodeError{Format: JSON, Path: "/" + a.Name, Err: ErrInvalidValue, Msg: "link attribute repeats a field"}
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

// appendJSONLinkSet appends a "_links" object: the links grouped by rel in the
// order each rel first appears, a rel with several links (or marked InArray)
// as an array; then the rels in empty (rels read as empty arrays) that have
// no link now, each as [].
//
// appendJSONLinksInOrder writes the common case; the generic
// appendJSONGroups, with its calls through closures, the others and the
// errors.
func appendJSONLinkSet(dst []byte, ls []Link, empty []string) ([]byte, *EncodeError) {
	if d, ok := appendJSONLinksInOrder(dst, ls, empty); ok {
		return d, nil
	}
	return appendJSONGroups(dst, "/_links", ls, empty, func(l *Link) (string, bool) { return l.Rel, l.InArray },
		func(dst []byte, l *Link) ([]byte, *EncodeError) { return appendJSONLink(dst, l, false) })
}

// appendJSONLinksInOrder is appendJSONLinkSet for links whose rels each
// stand together, as decoders leave them, and that can all be written: it
// writes them in order, each run of one rel as its group. It reports false,
// having appended what the caller drops, when a run starts with a rel seen
// before (the links need grouping) or on an error. The check costs little:
// appendJSONQuoted gives the key of each rel it writes (see nameKey), and a
// key seen before, a repeated rel or (rarely) a collision, sends the links
// to the exact path.
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
		if runs++; !plain || runs > keysMax || seen.add(mixKey(first, last, len(l.Rel))) {
			return d, false
		}
		if !array && len(l.Attrs) == 0 && !l.noHref {
			// Most rels have one link with only an href: "rel":{"href":…}.
			// An href that needs escapes takes the general case below.
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

// appendJSONGroups appends an object whose members are the rels of items,
// in the order each rel first appears, each holding its items: alone, or in
// an array when the rel has several or one is marked InArray. Items of one
// rel usually stand together (decoders leave them so), and are then found
// in linear time.
func appendJSONGroups[T any](dst []byte, at string, items []T, empty []string, relOf func(*T) (rel string, inArray bool),
	appendItem func([]byte, *T) ([]byte, *EncodeError)) ([]byte, *EncodeError) {
	rel := func(i int) string { r, _ := relOf(&items[i]); return r }
	order := groupOrder(len(items), rel)
	idx := func(k int) int {
		if order == nil {
			return k
		}
		return order[k]
	}
	dst = append(dst, '{')
	for k := 0; k < len(items); {
		r := rel(idx(k))
		end := k + 1 // the group is idx(k) … idx(end-1)
		for end < len(items) && rel(idx(end)) == r {
			end++
		}
		if k > 0 {
			dst = append(dst, ',')
		}
		var err *EncodeError
		if dst, err = appendJSONName(dst, r); err != nil {
			err.Path = at + err.Path
			return dst, err
		}
		array := end-k > 1
		for j := k; j < end && !array; j++ {
			_, array = relOf(&items[idx(j)])
		}
		if array {
			dst = append(dst, '[')
		}
		for j := k; j < end; j++ {
			if j > k {
				dst = append(dst, ',')
			}
			if dst, err = appendItem(dst, &items[idx(j)]); err != nil {
				err.Path = at + "/" + jsonPointerToken(r) + linkIndex(array, j-k) + err.Path
				return dst, err
			}
		}
		if array {
			dst = append(dst, ']')
		}
		k = end
	}
	comma := len(items) > 0
	for _, r := range empty {
		if slices.IndexFunc(items, func(t T) bool { tr, _ := relOf(&t); return tr == r }) >= 0 {
			continue // a rel read empty that has items now
		}
		if comma {
			dst = append(dst, ',')
		}
		comma = true
		var err *EncodeError
		if dst, err = appendJSONName(dst, r); err != nil {
			err.Path = at + err.Path
			return dst, err
		}
		dst = append(dst, '[', ']')
	}
	return append(dst, '}'), nil
}

// groupOrder returns the indexes of n items (rel(i) gives their rels)
// reordered so that the items of each rel stand together, in the order each
// rel first appears, keeping their order within a rel; or nil when they stand
// so already, as decoders leave them. Only that rare case allocates.
func groupOrder(n int, rel func(int) string) []int {
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
	if n > keysMax || embeddedAt != 0 && embeddedAt <= n {
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

// appendJSONEmbeddedSet appends an "_embedded" object, as appendJSONLinkSet
// appends "_links": when embeddedInOrder says its resources can be written
// as they stand, appendJSONEmbeddedInOrder writes them; appendJSONGroups the
// others. The choice is made before anything is written, so that each
// embedded resource is written once, whatever it holds: a fallback after
// writing would write the resources below again, at every level.
func appendJSONEmbeddedSet(dst []byte, rs []Resource, empty []string) ([]byte, *EncodeError) {
	if embeddedInOrder(rs) {
		return appendJSONEmbeddedInOrder(dst, rs, empty)
	}
	return appendJSONGroups(dst, "/_embedded", rs, empty, func(r *Resource) (string, bool) { return r.Rel, r.InArray },
		func(dst []byte, r *Resource) ([]byte, *EncodeError) { return appendJSONResource(dst, r, "") })
}

// embeddedInOrder reports whether the resources of rs that share a rel all
// stand together, as decoders leave them, so that each run of one rel is its
// group, and whether there are at most keysMax runs: the rels of the runs are
// told apart by their keys (nameKey), and an equal key, a repeated rel or
// rarely a collision, says no.
func embeddedInOrder(rs []Resource) bool {
	var seen keyTable
	runs := 0
	for k := range rs {
		if k > 0 && rs[k].Rel == rs[k-1].Rel {
			continue
		}
		if runs++; runs > keysMax || seen.add(nameKey(rs[k].Rel)) {
			return false
		}
	}
	return true
}

// appendJSONEmbeddedInOrder is appendJSONGroups for resources that
// embeddedInOrder accepts, without its closures: it writes them in order,
// each run of one rel as its group, with the same bytes and errors.
func appendJSONEmbeddedInOrder(dst []byte, rs []Resource, empty []string) ([]byte, *EncodeError) {
	const at = "/_embedded"
	var err *EncodeError
	dst = append(dst, '{')
	for k := 0; k < len(rs); {
		r := &rs[k]
		end, array := k+1, r.InArray // the group is rs[k:end]
		for end < len(rs) && rs[end].Rel == r.Rel {
			array = array || rs[end].InArray
			end++
		}
		array = array || end-k > 1
		if k > 0 {
			dst = append(dst, ',')
		}
		if dst, err = appendJSONName(dst, r.Rel); err != nil {
			err.Path = at + err.Path
			return dst, err
		}
		if array {
			dst = append(dst, '[')
		}
		for j := k; j < end; j++ {
			if j > k {
				dst = append(dst, ',')
			}
			if dst, err = appendJSONResource(dst, &rs[j], ""); err != nil {
				err.Path = at + "/" + jsonPointerToken(r.Rel) + linkIndex(array, j-k) + err.Path
				return dst, err
			}
		}
		if array {
			dst = append(dst, ']')
		}
		k = end
	}
	comma := len(rs) > 0
	for _, r := range empty {
		if slices.ContainsFunc(rs, func(e Resource) bool { return e.Rel == r }) {
			continue // a rel read empty that has resources now
		}
		if comma {
			dst = append(dst, ',')
		}
		comma = true
		if dst, err = appendJSONName(dst, r); err != nil {
			err.Path = at + err.Path
			return dst, err
		}
		dst = append(dst, '[', ']')
	}
	return append(dst, '}'), nil
}

// The members an object of each kind has fields for, as codes in the order
// the encoder writes them (see jsonSeq), and their names.
const (
	eventsCanon = "ls"     // _links, sender
	senderCanon = "rhe"    // rel, href, events
	eventCanon  = "liesrt" // link, in, _embedded, status, reason, type
	errorCanon  = "csmlpd" // code, subcode, message, link, parameters, debugInfo
)

var (
	eventsNames = [...]string{"_links", "sender"}
	senderNames = [...]string{"rel", "href", "events"}
	eventNames  = [...]string{"link", "in", "_embedded", "status", "reason", "type"}
	errorNames  = [...]string{"code", "subcode", "message", "link", "parameters", "debugInfo"}
)

// jsonSeq appends to buf the members to write of an object whose fields
// have the codes of canon, and which has nExtra extra members ('x'), in the
// order to write them.
//
// Without a record of the order the object was read in, it is the
// encoder's own: the fields canonWrite marks (bit k for canon[k]), then the
// extra members. With one (record: "j" and the codes of the members as
// read, which a decoder keeps when they came in another order, or with
// members the encoder would leave out, such as "status": ""), it is the
// record's, keeping the fields canWrite marks (those a value can still
// write: a pointer field that is now nil cannot) and as many extra members
// as there are; then the fields the record lacks that nonZero marks, in
// canon's order, and the extra members it lacks. So a body decoded from
// JSON re-encodes token for token, and a value changed since writes what it
// now holds.
//
// An empty field whose member an extra member has (shadow: "code": null is
// kept in Extra, with Code "") is not written: the extra member is.
func jsonSeq(buf []byte, record, canon string, canonWrite, canWrite, nonZero, shadow uint16, nExtra int) []byte {
	x := 0
	canonWrite &^= shadow &^ nonZero
	canWrite &^= shadow &^ nonZero
	if record == "" {
		for k := 0; k < len(canon); k++ {
			if canonWrite&(1<<k) != 0 {
				buf = append(buf, canon[k])
			}
		}
	} else {
		var done uint16
		for i := 1; i < len(record); i++ {
			c := record[i]
			if c == 'x' {
				if x < nExtra {
					buf = append(buf, 'x')
					x++
				}
				continue
			}
			k := strings.IndexByte(canon, c)
			if k < 0 || done&(1<<k) != 0 || canWrite&(1<<k) == 0 {
				continue
			}
			done |= 1 << k
			buf = append(buf, c)
		}
		for k := 0; k < len(canon); k++ {
			if done&(1<<k) == 0 && nonZero&(1<<k) != 0 {
				buf = append(buf, canon[k])
			}
		}
	}
	for ; x < nExtra; x++ {
		buf = append(buf, 'x')
	}
	return buf
}

// checkExtra refuses extra members that repeat one another, or a field's
// member that seq writes (names[k] is the member of canon[k]).
func checkExtra(f Format, seq []byte, canon string, names []string, extra []Property) *EncodeError {
	if len(extra) == 0 {
		return nil
	}
	if err := checkNames(f, extra); err != nil {
		return err
	}
	for i := range extra {
		for k, n := range names {
			if extra[i].Name == n && bytes.IndexByte(seq, canon[k]) >= 0 {
				return &EncodeError{Format: f, Path: "/" + jsonPointerToken(n), Err: ErrInvalidValue,
					Msg: "extra member repeats a field"}
			}
		}
	}
	return nil
}

// shadowOf returns the mask of the fields (names[k] is the member of bit k)
// whose member an extra member has.
func shadowOf(names []string, extra []Property) uint16 {
	var m uint16
	for i := range extra {
		for k, n := range names {
			if extra[i].Name == n {
				m |= 1 << k
			}
		}
	}
	return m
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

// bit returns 1<<k when b is true, for the masks of jsonSeq.
func bit(k int, b bool) uint16 {
	if b {
		return 1 << k
	}
	return 0
}

// The masks of jsonSeq for each kind of object: jsonCanonWrite is
// canonWrite; jsonMasks gives canWrite and nonZero.

func (ev *Events) jsonCanonWrite() uint16 { return 3 }

func (ev *Events) jsonMasks() (canWrite, nonZero uint16) {
	return 3, bit(0, len(ev.Links) > 0) | bit(1, len(ev.Senders) > 0)
}

func (s *Sender) jsonCanonWrite() uint16 { return 7 }

func (s *Sender) jsonMasks() (canWrite, nonZero uint16) {
	return 7, bit(0, s.Rel != "") | bit(1, s.Href != "") | bit(2, len(s.Events) > 0)
}

func (e *Event) jsonCanonWrite() uint16 {
	return 1 | bit(1, e.In != nil) | bit(2, e.Resource != nil) | bit(3, e.Status != "") | bit(4, e.Reason != nil) | 1<<5
}

func (e *Event) jsonMasks() (canWrite, nonZero uint16) {
	l := &e.Link
	ptrs := bit(1, e.In != nil) | bit(2, e.Resource != nil) | bit(4, e.Reason != nil)
	return 1 | ptrs | 1<<3 | 1<<5,
		bit(0, l.Rel != "" || l.Href != "" || len(l.Attrs) > 0) | ptrs | bit(3, e.Status != "") | bit(5, e.Type != "")
}

// jsonCanonWrite is canonWrite for an error body (root) or an event's
// reason, which need not have a code.
func (e *Error) jsonCanonWrite(root bool) uint16 {
	return bit(0, root || e.Code != "") | bit(1, e.Subcode != "") | bit(2, e.Message != "") | bit(3, e.Link != nil) |
		bit(4, e.hasParameters || len(e.Parameters) > 0) | bit(5, e.hasDebugInfo || len(e.DebugInfo) > 0)
}

func (e *Error) jsonMasks() (canWrite, nonZero uint16) {
	return 1<<0 | 1<<1 | 1<<2 | bit(3, e.Link != nil) | 1<<4 | 1<<5, e.jsonCanonWrite(false)
}

func appendJSONEvents(dst []byte, ev *Events) ([]byte, *EncodeError) {
	var buf [8]byte
	canWrite, nonZero := ev.jsonMasks()
	seq := jsonSeq(buf[:0], ev.order, eventsCanon, ev.jsonCanonWrite(), canWrite, nonZero,
		shadowOf(eventsNames[:], ev.Extra), len(ev.Extra))
	if err := checkExtra(JSON, seq, eventsCanon, eventsNames[:], ev.Extra); err != nil {
		return dst, err
	}
	dst = append(dst, '{')
	x := 0
	for i, c := range seq {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err *EncodeError
		switch c {
		case 'l':
			dst = append(dst, `"_links":`...)
			dst, err = appendJSONLinkSet(dst, ev.Links, nil)
		case 's':
			dst = append(dst, `"sender":[`...)
			for i := range ev.Senders {
				if i > 0 {
					dst = append(dst, ',')
				}
				if dst, err = appendJSONSender(dst, &ev.Senders[i]); err != nil {
					err.Path = "/sender/" + itoa(i) + err.Path
					return dst, err
				}
			}
			dst = append(dst, ']')
		case 'x':
			dst, err = appendJSONMember(dst, &ev.Extra[x])
			x++
		}
		if err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

func appendJSONSender(dst []byte, s *Sender) ([]byte, *EncodeError) {
	var buf [8]byte
	canWrite, nonZero := s.jsonMasks()
	seq := jsonSeq(buf[:0], s.order, senderCanon, s.jsonCanonWrite(), canWrite, nonZero,
		shadowOf(senderNames[:], s.Extra), len(s.Extra))
	if err := checkExtra(JSON, seq, senderCanon, senderNames[:], s.Extra); err != nil {
		return dst, err
	}
	dst = append(dst, '{')
	x := 0
	for i, c := range seq {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err *EncodeError
		var ok bool
		switch c {
		case 'r':
			if dst, ok = appendJSONString(append(dst, `"rel":`...), s.Rel); !ok {
				return dst, jsonStringError("/rel", s.Rel)
			}
		case 'h':
			if dst, ok = appendJSONString(append(dst, `"href":`...), s.Href); !ok {
				return dst, jsonStringError("/href", s.Href)
			}
		case 'e':
			dst = append(dst, `"events":[`...)
			for j := range s.Events {
				if j > 0 {
					dst = append(dst, ',')
				}
				if dst, err = appendJSONEvent(dst, &s.Events[j]); err != nil {
					err.Path = "/events/" + itoa(j) + err.Path
					return dst, err
				}
			}
			dst = append(dst, ']')
		case 'x':
			dst, err = appendJSONMember(dst, &s.Extra[x])
			x++
		}
		if err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

func appendJSONEvent(dst []byte, e *Event) ([]byte, *EncodeError) {
	var buf [16]byte
	canWrite, nonZero := e.jsonMasks()
	seq := jsonSeq(buf[:0], e.order, eventCanon, e.jsonCanonWrite(), canWrite, nonZero,
		shadowOf(eventNames[:], e.Extra), len(e.Extra))
	if err := checkExtra(JSON, seq, eventCanon, eventNames[:], e.Extra); err != nil {
		return dst, err
	}
	dst = append(dst, '{')
	x := 0
	for i, c := range seq {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err *EncodeError
		var ok bool
		switch c {
		case 'l':
			if dst, err = appendJSONLink(append(dst, `"link":`...), &e.Link, true); err != nil {
				err.Path = "/link" + err.Path
			}
		case 'i':
			if dst, err = appendJSONLink(append(dst, `"in":`...), e.In, true); err != nil {
				err.Path = "/in" + err.Path
			}
		case 'e':
			dst = append(dst, `"_embedded":{`...)
			if dst, err = appendJSONName(dst, e.Resource.Rel); err != nil {
				err.Path = "/_embedded" + err.Path
				return dst, err
			}
			if dst, err = appendJSONResource(dst, e.Resource, ""); err != nil {
				err.Path = "/_embedded/" + jsonPointerToken(e.Resource.Rel) + err.Path
				return dst, err
			}
			dst = append(dst, '}')
		case 's':
			if dst, ok = appendJSONString(append(dst, `"status":`...), e.Status); !ok {
				return dst, jsonStringError("/status", e.Status)
			}
		case 'r':
			if dst, err = appendJSONError(append(dst, `"reason":`...), e.Reason, false); err != nil {
				err.Path = "/reason" + err.Path
			}
		case 't':
			if dst, ok = appendJSONString(append(dst, `"type":`...), string(e.Type)); !ok {
				return dst, jsonStringError("/type", string(e.Type))
			}
		case 'x':
			dst, err = appendJSONMember(dst, &e.Extra[x])
			x++
		}
		if err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

// appendJSONError appends an error body (root) or the reason of an event.
func appendJSONError(dst []byte, e *Error, root bool) ([]byte, *EncodeError) {
	var buf [16]byte
	canWrite, nonZero := e.jsonMasks()
	seq := jsonSeq(buf[:0], e.order, errorCanon, e.jsonCanonWrite(root), canWrite, nonZero,
		shadowOf(errorNames[:], e.Extra), len(e.Extra))
	if err := checkExtra(JSON, seq, errorCanon, errorNames[:], e.Extra); err != nil {
		return dst, err
	}
	dst = append(dst, '{')
	x := 0
	for i, c := range seq {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err *EncodeError
		var ok bool
		switch c {
		case 'c':
			if dst, ok = appendJSONString(append(dst, `"code":`...), string(e.Code)); !ok {
				return dst, jsonStringError("/code", string(e.Code))
			}
		case 's':
			if dst, ok = appendJSONString(append(dst, `"subcode":`...), string(e.Subcode)); !ok {
				return dst, jsonStringError("/subcode", string(e.Subcode))
			}
		case 'm':
			if dst, ok = appendJSONString(append(dst, `"message":`...), e.Message); !ok {
				return dst, jsonStringError("/message", e.Message)
			}
		case 'l':
			if dst, err = appendJSONLink(append(dst, `"link":`...), e.Link, e.Link.Rel != ""); err != nil {
				err.Path = "/link" + err.Path
			}
		case 'p':
			if dst, err = appendJSONMembers(append(dst, `"parameters":{`...), e.Parameters); err != nil {
				err.Path = "/parameters" + err.Path
				return dst, err
			}
			dst = append(dst, '}')
		case 'd':
			if dst, err = appendJSONMembers(append(dst, `"debugInfo":{`...), e.DebugInfo); err != nil {
				err.Path = "/debugInfo" + err.Path
				return dst, err
			}
			dst = append(dst, '}')
		case 'x':
			dst, err = appendJSONMember(dst, &e.Extra[x])
			x++
		}
		if err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}
