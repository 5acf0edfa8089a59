package ucwa

import (
	"encoding/binary"
	"errors"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// This file reads and writes the JSON form (RFC 8259), strictly: duplicate
// names, trailing data, invalid UTF-8, unpaired surrogates and the escaped NUL
// character (\u0000, which XML cannot carry) are refused.

// jsonDecoder reads one JSON body from buf, the caller's input. What the
// decoded value keeps of it (names, strings, numbers) is copied into the
// slabs' string arena, never sliced from buf.
//
// It keeps no path while it reads: an error computes its JSON Pointer from
// its offset, with jsonPathAt, so that the members and elements of a body
// that decodes cost nothing for the errors it does not have.
type jsonDecoder struct {
	buf      []byte
	pos      int
	depth    int
	maxDepth int
	scratch  []byte     // unescaping
	noPath   bool       // errors need no path: jsonPathAt's own reader
	general  bool       // for tests: no fast paths (linkRun, hrefOnly), to compare
	props    []Property // stack of properties being read
	links    []Link     // the run of links being read: see linkSet
	vals     []Value    // stack of list items being read
	res      []Resource // stack of embedded resources being read
	names    []nameRef  // stack of the member names, not interned, of the objects being read
	known    string     // the interned form of the name nextMember last read, or ""
	codes    []byte     // stack of the member orders out of order: see memberOrder

	// Stacks of the rels of empty arrays under "_links" and "_embedded".
	emptyLinks, emptyEmbedded []string
	eventStacks
	slabs
}

// A nameRef is where a member name stands in the body: its raw text between
// the quotes is buf[off:off+n]. It holds no pointer, so that the stack of
// names costs the garbage collector nothing.
type nameRef struct {
	off int // of the opening quote
	n   int
	esc bool // the raw text has an escape: compare decoded names
}

// nameOf returns the decoded name r refers to, in a new string: it is for
// error messages and the rare names with escapes.
func (d *jsonDecoder) nameOf(r nameRef) string {
	raw := d.buf[r.off+1 : r.off+1+r.n]
	if !r.esc {
		return string(raw)
	}
	t := jsonDecoder{buf: d.buf, pos: r.off, noPath: true}
	s, _, _ := t.str()
	return string(s)
}

// sameName reports whether the names a and b are equal once decoded.
func (d *jsonDecoder) sameName(a, b nameRef) bool {
	if !a.esc && !b.esc {
		return a.n == b.n && string(d.buf[a.off+1:a.off+1+a.n]) == string(d.buf[b.off+1:b.off+1+b.n])
	}
	return d.nameOf(a) == d.nameOf(b)
}

// fail returns the error sentinel at offset off, with the JSON Pointer of
// what the decoder was reading there.
func (d *jsonDecoder) fail(sentinel error, off int, msg string) error {
	if d.noPath {
		return ErrSyntax
	}
	return &DecodeError{Format: JSON, Offset: int64(off), Path: jsonPathAt(d.buf, off), Err: sentinel, Msg: msg}
}

// failMember returns the error sentinel about the member whose name starts
// at off: the path names the member.
func (d *jsonDecoder) failMember(sentinel error, off int, name, msg string) error {
	return &DecodeError{Format: JSON, Offset: int64(off), Path: jsonPathAt(d.buf, off) + "/" + jsonPointerToken(name),
		Err: sentinel, Msg: msg}
}

func (d *jsonDecoder) syntax(msg string) error { return d.fail(ErrSyntax, d.pos, msg) }

func (d *jsonDecoder) unexpected(what string) error {
	at := min(d.pos, len(d.buf))
	return d.syntax(unexpectedMsg(string(d.buf[at:min(at+1, len(d.buf))]), 0, what))
}

// jsonPathAt returns the JSON Pointer of the value that holds offset off of
// buf, whose bytes before off a decoder has read without error. A member's
// name is part of the path from its colon to the end of its value, an
// element's index from the '[' or ',' before it to its end; between values
// (at a name, a comma, a closing bracket) the path is the container's.
func jsonPathAt(buf []byte, off int) string {
	type frame struct {
		obj     bool
		name    string // an object's current member
		idx     int    // an array's current element
		inValue bool   // off is in that member's or element's value
	}
	var st []frame
	valueDone := func() {
		if len(st) > 0 {
			st[len(st)-1].inValue = false
		}
	}
	off = min(off, len(buf))
	for i := 0; i < off; {
		switch c := buf[i]; c {
		case ' ', '\t', '\n', '\r':
			i++
		case '{', '[':
			st = append(st, frame{obj: c == '{', inValue: c == '['})
			i++
		case '}', ']':
			if len(st) > 0 {
				st = st[:len(st)-1]
			}
			valueDone()
			i++
		case ',':
			if n := len(st); n > 0 && !st[n-1].obj {
				st[n-1].idx++
				st[n-1].inValue = true
			}
			i++
		case ':':
			if n := len(st); n > 0 {
				st[n-1].inValue = true
			}
			i++
		default:
			// A scalar: read it as the decoder did, to find its end.
			t := jsonDecoder{buf: buf, pos: i, noPath: true}
			var s []byte
			var err error
			switch {
			case c == '"':
				s, _, err = t.str()
			case c == '-' || '0' <= c && c <= '9':
				_, err = t.number()
			case c == 't':
				err = t.literal("true")
			case c == 'f':
				err = t.literal("false")
			case c == 'n':
				err = t.literal("null")
			default:
				err = ErrSyntax
			}
			if err != nil || t.pos > off {
				i = off // off is inside it
				break
			}
			if n := len(st); c == '"' && n > 0 && st[n-1].obj && !st[n-1].inValue {
				st[n-1].name = string(s)
			} else {
				valueDone()
			}
			i = t.pos
		}
	}
	var b strings.Builder
	for _, f := range st {
		switch {
		case !f.inValue:
			return b.String()
		case f.obj:
			b.WriteByte('/')
			b.WriteString(jsonPointerToken(f.name))
		default:
			b.WriteByte('/')
			b.WriteString(strconv.Itoa(f.idx))
		}
	}
	return b.String()
}

// ws skips white space; runs of spaces (indentation) eight bytes at a time.
func (d *jsonDecoder) ws() {
	buf, i := d.buf, d.pos
	for i < len(buf) {
		switch buf[i] {
		case ' ':
			for i >= 0 && i < len(buf)-7 {
				x := binary.LittleEndian.Uint64(buf[i:]) ^ ' '*lsb
				if x != 0 {
					i += bits.TrailingZeros64(x) / 8
					break
				}
				i += 8
			}
			for i < len(buf) && buf[i] == ' ' {
				i++
			}
		case '\n', '\t', '\r':
			i++
		default:
			d.pos = i
			return
		}
	}
	d.pos = i
}

// load64b reads the 8 bytes of b from i, little endian.
func load64b(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i : i+8]) }

func load32b(b []byte, i int) uint32 { return binary.LittleEndian.Uint32(b[i : i+4]) }

// peek skips white space and returns the next byte, or 0 at the end. White
// space goes to skipWS. The compiler finds peek just too big to inline, so
// the hottest callers (nextMember, nextElem, value) repeat its three lines.
func (d *jsonDecoder) peek() (c byte) {
	if d.pos < len(d.buf) {
		c = d.buf[d.pos]
	}
	if c <= ' ' {
		c = d.skipWS()
	}
	return c
}

// skipWS is peek's path when white space comes first. The white space of
// an indented body, a line break and spaces or a single space around a
// colon, is skipped eight bytes at a time; the rest goes to ws.
func (d *jsonDecoder) skipWS() byte {
	buf := d.buf
	i := skipIndent(buf, d.pos)
	if i < len(buf) && buf[i] > ' ' {
		d.pos = i
		return buf[i]
	}
	d.pos = i
	d.ws()
	if d.pos < len(d.buf) {
		return d.buf[d.pos]
	}
	return 0
}

// skipIndent returns the index in buf past a line break at i, if any, and
// the spaces after it, read eight bytes at a time: the white space of an
// indented body, or a single space, or none. It stops at other white space,
// and may stop at spaces within the last eight bytes of buf.
func skipIndent(buf []byte, i int) int {
	if uint(i) < uint(len(buf)) && buf[i] == '\n' {
		i++
	}
	for ; i >= 0 && i < len(buf)-7; i += 8 {
		if x := binary.LittleEndian.Uint64(buf[i:]) ^ ' '*lsb; x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	return i
}

func (d *jsonDecoder) expect(c byte, what string) error {
	if d.peek() != c {
		return d.unexpected(what)
	}
	d.pos++
	return nil
}

// enter counts a level of nesting whose '{' or '[' was just read.
func (d *jsonDecoder) enter() error {
	d.depth++
	if d.depth > d.maxDepth {
		return d.fail(ErrTooDeep, d.pos-1, "nesting deeper than "+strconv.Itoa(d.maxDepth)+" levels")
	}
	return nil
}

func (d *jsonDecoder) end() error {
	d.ws()
	if d.pos != len(d.buf) {
		return d.fail(ErrTrailingData, d.pos, "data after the body")
	}
	return nil
}

// object reads the members of an object, calling member for each with the
// decoder just past the colon; at is the offset of the member's name. It
// refuses duplicate names. The hot paths use openObject and nextMember
// instead, which need no closure.
func (d *jsonDecoder) object(member func(name []byte, at int) error) error {
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var at int
		var ok bool
		if name, at, ok, err = d.nextMember(&it); !ok {
			break
		}
		err = member(name, at)
	}
	return err
}

// An objectIter walks the members of one object: openObject, then
// nextMember until it reports no more.
type objectIter struct {
	n     int       // the members read
	names int       // the names not interned are d.names[names:]
	known internSet // the interned names
}

// openObject reads the '{' of an object.
func (d *jsonDecoder) openObject() (objectIter, error) {
	if err := d.expect('{', "'{'"); err != nil {
		return objectIter{}, err
	}
	return objectIter{names: len(d.names)}, d.enter()
}

// nextMember reads the next member's name and colon, leaving the decoder on
// its value, or the closing '}' (ok is then false). The name is valid until
// the next string is read: d.keepName keeps it, and takes an interned name
// (see internName) from d.known, which nextMember sets.
//
// It refuses repeated names. An interned name is looked up once, for
// d.known, and its index in the table tells a repeat from the set it.known:
// most names are known, so the names of an object seldom need comparing.
// The other names go on d.names: the first few are compared as they come,
// the rest at the end (see closeObject).
func (d *jsonDecoder) nextMember(it *objectIter) (name []byte, at int, ok bool, err error) {
	var c byte
	if d.pos < len(d.buf) {
		c = d.buf[d.pos]
	}
	if c <= ' ' {
		c = d.skipWS()
	}
	if it.n > 0 {
		switch c {
		case ',':
			// The indentation of the next name, inline (skipWS's first
			// step); anything else goes to skipWS.
			d.pos = skipIndent(d.buf, d.pos+1)
			if c = 0; d.pos < len(d.buf) {
				c = d.buf[d.pos]
			}
			if c <= ' ' {
				c = d.skipWS()
			}
		case '}':
			return nil, 0, false, d.closeObject(it)
		default:
			return nil, 0, false, d.unexpected("',' or '}'")
		}
	} else if c == '}' {
		return nil, 0, false, d.closeObject(it)
	}
	if c != '"' {
		return nil, 0, false, d.unexpected("a member name")
	}
	at = d.pos
	ref := nameRef{off: at}
	// Most names are short and plain: when the first 32 bytes after the
	// quote hold the closing quote and nothing before it needs a look, the
	// name is read here, eight bytes at a time, without str.
	if i := at + 1; i+32 <= len(d.buf) {
		if k := shortName(d.buf, i); k >= 0 {
			name = d.buf[i : i+k]
			d.pos = i + k + 1
			ref.n = k
		}
	}
	if d.pos == at {
		var raw []byte
		if name, raw, err = d.str(); err != nil {
			return nil, 0, false, err
		}
		ref.n, ref.esc = len(raw), len(raw) != len(name)
	}
	it.n++
	if k := internIndex(name); k >= 0 {
		d.known = internEntries[k].name
		if it.known.add(k) {
			return nil, 0, false, d.fail(ErrDuplicateName, at, "duplicate name "+quoteCut(string(name)))
		}
	} else {
		d.known = ""
		if len(d.names)-it.names < smallObject {
			for _, r := range d.names[it.names:] {
				if (r.n == ref.n || r.esc || ref.esc) && d.sameName(r, ref) {
					return nil, 0, false, d.fail(ErrDuplicateName, at, "duplicate name "+quoteCut(string(name)))
				}
			}
		}
		d.names = append(d.names, ref)
	}
	// The colon, and the single spaces around it that indented bodies have,
	// read inline; any other white space goes the general way.
	i := d.pos
	if i < len(d.buf) && d.buf[i] == ' ' {
		i++
	}
	if i < len(d.buf) && d.buf[i] == ':' {
		if i++; i+1 < len(d.buf) && d.buf[i] == ' ' && d.buf[i+1] > ' ' {
			i++
		}
		d.pos = i
		return name, at, true, nil
	}
	if c = 0; d.pos < len(d.buf) {
		c = d.buf[d.pos]
	}
	if c <= ' ' {
		c = d.skipWS()
	}
	if c != ':' {
		return nil, 0, false, d.unexpected("':'")
	}
	d.pos++
	return name, at, true, nil
}

// closeObject reads the '}' of an object and forgets its names.
func (d *jsonDecoder) closeObject(it *objectIter) error {
	d.pos++
	d.depth--
	names := d.names[it.names:]
	d.names = d.names[:it.names]
	if len(names) > smallObject {
		if k := d.firstRepeat(names); k >= 0 {
			return d.fail(ErrDuplicateName, names[k].off, "duplicate name "+quoteCut(d.nameOf(names[k])))
		}
	}
	return nil
}

// firstRepeat returns the index of the first of names that repeats an
// earlier one, or -1. Up to maxPairwise names, none escaped, it keeps an
// 8-bit hash of each (of its length and three of its bytes) and a bitmap
// of the hashes seen, and compares a name with the earlier ones only when
// its hash was seen; past that it uses a map.
func (d *jsonDecoder) firstRepeat(names []nameRef) int {
	esc := false
	for _, r := range names {
		esc = esc || r.esc
	}
	if len(names) <= maxPairwise && !esc {
		var hashes [maxPairwise]uint8
		var seen [4]uint64
		for i, r := range names {
			raw := d.buf[r.off+1 : r.off+1+r.n]
			h := uint(len(raw))
			if len(raw) > 0 {
				h = h*0x9E + uint(raw[0])*0x3B + uint(raw[len(raw)-1])*0x1F + uint(raw[len(raw)/2])
			}
			h = (h ^ h>>8) & 255
			if seen[h/64]&(1<<(h%64)) != 0 {
				for j := range i {
					if hashes[j] == uint8(h) && d.sameName(names[j], r) {
						return i
					}
				}
			}
			seen[h/64] |= 1 << (h % 64)
			hashes[i] = uint8(h)
		}
		return -1
	}
	seen := make(map[string]struct{}, len(names))
	for i, r := range names {
		s := d.nameOf(r)
		if _, dup := seen[s]; dup {
			return i
		}
		seen[s] = struct{}{}
	}
	return -1
}

// maxPairwise is how many names firstRepeat checks with its hashes, past
// which it uses a map.
const maxPairwise = 64

// smallObject is how many names of an object, of those not interned, are
// checked for repeats as they come, one by one.
const smallObject = 8

// openArray reads the '[' of an array.
func (d *jsonDecoder) openArray() error {
	if err := d.expect('[', "'['"); err != nil {
		return err
	}
	return d.enter()
}

// nextElem moves to element i of an array whose elements before i were
// read, or past its closing ']' (ok is then false).
func (d *jsonDecoder) nextElem(i int) (ok bool, err error) {
	var c byte
	if d.pos < len(d.buf) {
		c = d.buf[d.pos]
	}
	if c <= ' ' {
		c = d.skipWS()
	}
	switch {
	case i > 0 && c == ',':
		d.pos++
		return true, nil
	case c == ']':
		d.pos++
		d.depth--
		return false, nil
	case i == 0:
		return true, nil
	}
	return false, d.unexpected("',' or ']'")
}

// str reads a string at d.pos (which holds '"'). It returns the string and
// its raw text between the quotes. The string slices d.buf when the raw text
// has no escapes, else d.scratch: either way it is valid until the next
// string is read.
//
// The scan reads eight bytes at a time until one needs a look ('"', '\\', a
// control character or a non-ASCII byte, see jsonHits): within the body, the
// closing quote stops it, so it needs no care for the string's end, and only
// the body's last seven bytes are read one at a time.
func (d *jsonDecoder) str() (s, raw []byte, err error) {
	buf := d.buf
	start := d.pos + 1
	i := start
	for {
		if i = jsonPlainEnd(buf, i); i >= len(buf) {
			d.pos = i
			return nil, nil, d.syntax("unterminated string")
		}
		switch c := buf[i]; {
		case c == '"':
			raw = buf[start:i]
			d.pos = i + 1
			return raw, raw, nil
		case c == '\\':
			return d.strEscaped(start, i)
		case c < 0x20:
			d.pos = i
			return nil, nil, d.syntax("control character 0x" + strconv.FormatUint(uint64(c), 16) + " in a string")
		}
		// A multi-byte sequence: it must be valid UTF-8.
		r, n := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError && n <= 1 {
			d.pos = i
			return nil, nil, d.syntax("invalid UTF-8")
		}
		i += n
	}
}

// jsonPlainEnd returns the index of the first byte of buf from i on that a
// string's plain run cannot hold ('"', '\\', a control byte or a byte of a
// multi-byte sequence), or len(buf). It is apart from str so that its loop,
// eight bytes at a time, keeps everything in registers: about 22
// instructions a word, where inside str it took about 35. It reads two words
// a pass while sixteen bytes remain, then one: the pass's count and test cost
// once for both, which spares about 3% of the instructions of the benchmark's
// resource decode (its hrefs are 25 to 77 bytes, 50 in the middle).
//
// The loops' condition, i >= 0 && i < len(buf)-7 (-15), is what lets the
// compiler prove that buf[i:] holds eight bytes (sixteen), so that the loop
// checks no bounds; written as i+8 <= len(buf) it costs two instructions a
// word more. The other loops over words (skipIndent, ws) are written so too.
func jsonPlainEnd(buf []byte, i int) int {
	for ; i >= 0 && i < len(buf)-15; i += 16 {
		if hit := jsonHits(binary.LittleEndian.Uint64(buf[i:])); hit != 0 {
			return i + bits.TrailingZeros64(hit)/8
		}
		if hit := jsonHits(binary.LittleEndian.Uint64(buf[i+8:])); hit != 0 {
			return i + 8 + bits.TrailingZeros64(hit)/8
		}
	}
	for ; i >= 0 && i < len(buf)-7; i += 8 {
		if hit := jsonHits(binary.LittleEndian.Uint64(buf[i:])); hit != 0 {
			return i + bits.TrailingZeros64(hit)/8
		}
	}
	for i < len(buf) && !jsonEscape[buf[i]] {
		i++
	}
	return i
}

// strEscaped finishes a string that has an escape at i.
func (d *jsonDecoder) strEscaped(start, i int) (s, raw []byte, err error) {
	buf := d.buf
	b := append(d.scratch[:0], buf[start:i]...)
	for {
		if i >= len(buf) {
			d.pos = i
			return nil, nil, d.syntax("unterminated string")
		}
		c := buf[i]
		switch {
		case c == '"':
			raw = buf[start:i]
			d.pos = i + 1
			d.scratch = b
			return b, raw, nil
		case c == '\\':
			if i+1 >= len(buf) {
				d.pos = i
				return nil, nil, d.syntax("unterminated string")
			}
			e := buf[i+1]
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := hex4(buf, i+2)
				if !ok {
					d.pos = i
					return nil, nil, d.syntax("invalid \\u escape")
				}
				n := 6
				if utf16.IsSurrogate(r) {
					r2, ok := rune(-1), false
					if i+7 < len(buf) && buf[i+6] == '\\' && buf[i+7] == 'u' {
						r2, ok = hex4(buf, i+8)
					}
					r = utf16.DecodeRune(r, r2)
					if !ok || r == utf8.RuneError {
						d.pos = i
						return nil, nil, d.syntax("unpaired surrogate in \\u escape")
					}
					n = 12
				}
				if r == 0 {
					d.pos = i
					return nil, nil, d.syntax("NUL character (\\u0000) in a string")
				}
				b = utf8.AppendRune(b, r)
				i += n
				continue
			default:
				d.pos = i
				return nil, nil, d.syntax("invalid escape \\" + string(rune(e)))
			}
			i += 2
		case c < 0x20:
			d.pos = i
			return nil, nil, d.syntax("control character 0x" + strconv.FormatUint(uint64(c), 16) + " in a string")
		case c < 0x80:
			b = append(b, c)
			i++
		default:
			r, n := utf8.DecodeRune(buf[i:])
			if r == utf8.RuneError && n <= 1 {
				d.pos = i
				return nil, nil, d.syntax("invalid UTF-8")
			}
			b = append(b, buf[i:i+n]...)
			i += n
		}
	}
}

func hex4(s []byte, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for j := i; j < i+4; j++ {
		if !isHex(s[j]) {
			return 0, false
		}
		r = r<<4 | rune(unhex(s[j]))
	}
	return r, true
}

// number reads a number and returns its text.
func (d *jsonDecoder) number() ([]byte, error) {
	buf := d.buf
	start := d.pos
	i := start
	if i < len(buf) && buf[i] == '-' {
		i++
	}
	switch {
	case i < len(buf) && buf[i] == '0':
		i++
	case i < len(buf) && '1' <= buf[i] && buf[i] <= '9':
		for i < len(buf) && '0' <= buf[i] && buf[i] <= '9' {
			i++
		}
	default:
		d.pos = i
		return nil, d.unexpected("a digit")
	}
	if i < len(buf) && buf[i] == '.' {
		i++
		j := i
		for i < len(buf) && '0' <= buf[i] && buf[i] <= '9' {
			i++
		}
		if i == j {
			d.pos = i
			return nil, d.unexpected("a digit")
		}
	}
	if i < len(buf) && (buf[i] == 'e' || buf[i] == 'E') {
		i++
		if i < len(buf) && (buf[i] == '+' || buf[i] == '-') {
			i++
		}
		j := i
		for i < len(buf) && '0' <= buf[i] && buf[i] <= '9' {
			i++
		}
		if i == j {
			d.pos = i
			return nil, d.unexpected("a digit")
		}
	}
	d.pos = i
	return buf[start:i], nil
}

func (d *jsonDecoder) literal(lit string) error {
	if len(d.buf)-d.pos < len(lit) || string(d.buf[d.pos:d.pos+len(lit)]) != lit {
		return d.unexpected("a value")
	}
	d.pos += len(lit)
	return nil
}

// value reads any value.
func (d *jsonDecoder) value() (Value, error) {
	var c byte
	if d.pos < len(d.buf) {
		c = d.buf[d.pos]
	}
	if c <= ' ' {
		c = d.skipWS()
	}
	switch c {
	case '"':
		// A string without escapes, the common case, is no date (whose
		// form has "\/"): read it without str.
		if end := jsonPlainEnd(d.buf, d.pos+1); end < len(d.buf) && d.buf[end] == '"' {
			text := d.keep(d.buf[d.pos+1 : end])
			d.pos = end + 1
			return scalar(KindString, text), nil
		}
		s, raw, err := d.str()
		if err != nil {
			return Value{}, err
		}
		text := d.keep(s)
		if len(raw) > 9 && string(raw[:7]) == `\/Date(` && string(raw[len(raw)-3:]) == `)\/` && isJSONDate(text) {
			return scalar(KindDate, text), nil
		}
		return scalar(KindString, text), nil
	case 't':
		return scalar(KindBool, "true"), d.literal("true")
	case 'f':
		return scalar(KindBool, "false"), d.literal("false")
	case 'n':
		return scalar(KindNull, ""), d.literal("null")
	case '[':
		return d.list()
	case '{':
		ps, err := d.bag()
		return Value{kids: d.keepKids(kids{kind: KindBag, bag: ps})}, err
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		n, err := d.number()
		return scalar(KindNumber, d.keep(n)), err
	}
	return Value{}, d.unexpected("a value")
}

// list reads an array as a list value.
func (d *jsonDecoder) list() (Value, error) {
	base := len(d.vals)
	err := d.openArray()
	for i := 0; err == nil; i++ {
		var ok bool
		if ok, err = d.nextElem(i); !ok {
			break
		}
		var v Value
		v, err = d.value()
		d.vals = append(d.vals, v)
	}
	if err != nil {
		return Value{}, err
	}
	list := d.keepValues(d.vals[base:])
	d.vals = d.vals[:base]
	return Value{kids: d.keepKids(kids{kind: KindList, list: list})}, nil
}

// member reads the value of the member name onto d.props.
func (d *jsonDecoder) member(name []byte) error {
	n := d.keepName(name)
	v, err := d.value()
	push(&d.props).set(n, v)
	return err
}

// bag reads an object as a property bag.
func (d *jsonDecoder) bag() ([]Property, error) {
	base := len(d.props)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		err = d.member(name)
	}
	return d.takeProps(base), err
}

// keepName is keep for the name nextMember just returned, a property name or
// a rel: an interned name, found by nextMember, is not copied.
func (d *jsonDecoder) keepName(name []byte) string {
	if d.known != "" {
		return d.known
	}
	return d.keep(name)
}

func (d *jsonDecoder) takeProps(base int) []Property {
	ps := d.keepProps(d.props[base:])
	d.props = d.props[:base]
	return ps
}

// stringAt reads the string at d.pos (which holds '"'), kept.
func (d *jsonDecoder) stringAt() (string, error) {
	s, _, err := d.str()
	return d.keep(s), err
}

// link reads a link object {"href", "title", …} into l.
func (d *jsonDecoder) link(l *Link) error {
	if !d.general && d.hrefOnly(l) {
		return nil
	}
	return d.linkObject(l, false)
}

// linkObject is link for any object: the general way. A string "href" is
// the link's Href, and a string "rel" its Rel unless the link is keyed (under
// "_links", whose key is the rel: a "rel" member is then kept as an
// attribute). Every other member, and an
// "href" or "rel" that is not a string, is kept in Attrs as it came. A link
// without a string href is marked so (noHref).
func (d *jsonDecoder) linkObject(l *Link, keyed bool) error {
	relAt, hrefAt := 0, 0 // 1 + the members before them, or 0
	base := len(d.props)
	it, err := d.openObject()
	for n := 1; err == nil; n++ {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		c := d.cur() // the value's first byte (see cur)
		if c <= ' ' {
			c = d.skipWS()
		}
		switch {
		case c == '"' && string(name) == "href":
			l.Href, err = d.stringAt()
			hrefAt = n
		case c == '"' && string(name) == "rel" && !keyed:
			l.Rel, err = d.stringAt()
			relAt = n
		default:
			err = d.member(name)
		}
	}
	if base < len(d.props) {
		l.Attrs = d.takeProps(base)
	}
	l.noHref = hrefAt == 0
	// Where the encoder writes them: rel first, then href.
	if canon := min(relAt, 1); relAt != canon || hrefAt != 0 && hrefAt != canon+1 {
		if relAt <= 255 && hrefAt <= 255 {
			l.relAt, l.hrefAt = uint8(relAt), uint8(hrefAt)
		}
	}
	return err
}

// hrefOnly reads a link object that holds an href and nothing else, as
// nearly all do: {"href": "…"}, compact or indented (any white space but
// around the colon, where at most a space on each side). For any other object,
// or one too deep, it reports false with nothing read, and link reads it the
// general way, which also finds any error. The object has one name, so it
// needs no duplicate check and nothing on d.names.
func (d *jsonDecoder) hrefOnly(l *Link) bool {
	buf, start := d.buf, d.pos
	if start+16 > len(buf) || buf[start] != '{' || d.depth >= d.maxDepth {
		return false
	}
	d.pos++
	if buf[d.pos] <= ' ' {
		d.skipWS()
	}
	i := hrefString(buf, d.pos)
	if i < 0 {
		d.pos = start
		return false
	}
	d.pos = i
	s, _, err := d.str()
	if err != nil || d.peek() != '}' {
		d.pos = start
		return false
	}
	d.pos++
	l.Href = d.keep(s)
	return true
}

// shortName returns the length of the name whose opening quote is before
// buf[i] when it is plain (see jsonHits) and its closing quote is among the
// 32 bytes from i, or -1. buf must hold those 32 bytes. nextMember and
// linkRun read most names so.
func shortName(buf []byte, i int) int {
	for k := 0; k < 32; k += 8 {
		if hit := jsonHits(load64b(buf, i+k)); hit != 0 {
			if k += bits.TrailingZeros64(hit) / 8; buf[i+k] == '"' {
				return k
			}
			return -1
		}
	}
	return -1
}

// hrefString returns the index of the opening quote of the string in
// "href":"…" at buf[i:], with a space or none on each side of the colon, or
// -1 for anything else: the fast paths of link objects (hrefOnly, linkRun).
func hrefString(buf []byte, i int) int {
	const key = '"' | 'h'<<8 | 'r'<<16 | 'e'<<24 | 'f'<<32 | '"'<<40 // "href"
	if i+16 > len(buf) || load64b(buf, i)&(1<<48-1) != key {
		return -1
	}
	if i += 6; buf[i] == ' ' {
		i++
	}
	if buf[i] != ':' {
		return -1
	}
	if i++; buf[i] == ' ' {
		i++
	}
	if buf[i] != '"' {
		return -1
	}
	return i
}

// relSet reads an object whose members are rels, each holding one item or
// an array of them, as "_links" and "_embedded" do: links onto d.links
// (embedded false) or resources onto d.res. The rels of empty arrays go onto
// d.emptyLinks or d.emptyEmbedded.
func (d *jsonDecoder) relSet(embedded bool) error {
	it, err := d.openObject()
	for err == nil {
		if !embedded && !d.general {
			d.linkRun(&it)
		}
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		rel := d.keepName(name)
		if d.peek() != '[' {
			err = d.relItem(rel, false, embedded)
			continue
		}
		err = d.openArray()
		n := 0
		for ; err == nil; n++ {
			if ok, err = d.nextElem(n); !ok {
				break
			}
			err = d.relItem(rel, true, embedded)
		}
		if err == nil && n == 0 {
			if embedded {
				d.emptyEmbedded = append(d.emptyEmbedded, rel)
			} else {
				d.emptyLinks = append(d.emptyLinks, rel)
			}
		}
	}
	return err
}

// linkRun reads, for relSet, the links that come next in a "_links" object
// as nearly all links come: a rel that is an interned name (see internName)
// holding an object with an href and nothing else, {"href": "…"}, whose
// string has no escapes and only ASCII. White space may be a line break and
// spaces before a name or a brace, and a space on each side of a colon. It
// stops, with nothing read of it, before a member that is not so, and
// relSet reads that one the general way, which also finds any error.
//
// It is hrefOnly and nextMember in one loop, without their calls: most of
// a resource's members are links, and they cost a quarter less read here.
func (d *jsonDecoder) linkRun(it *objectIter) {
	buf := d.buf
	if d.depth >= d.maxDepth {
		return
	}
	for {
		i := d.pos
		if it.n > 0 {
			// Indented or not, a comma nearly always follows the '}'
			// at once: spare skipIndent then.
			if i < len(buf) && buf[i] != ',' {
				i = skipIndent(buf, i)
			}
			if i >= len(buf) || buf[i] != ',' {
				return
			}
			i++
		}
		// The rel: a plain name of up to 31 bytes, as nextMember reads it.
		if i = skipIndent(buf, i); i+64 > len(buf) || buf[i] != '"' {
			return
		}
		i++
		n := shortName(buf, i)
		if n < 0 {
			return
		}
		rel := internIndex(buf[i : i+n])
		if rel < 0 || it.known.has(rel) {
			return
		}
		// The colon and the '{', then "href", its colon and its string.
		if i += n + 1; buf[i] == ' ' {
			i++
		}
		if buf[i] != ':' {
			return
		}
		if i++; buf[i] == ' ' { // at most one space, nearly always
			i++
		}
		if buf[i] != '{' {
			if i = skipIndent(buf, i); i+16 > len(buf) || buf[i] != '{' {
				return
			}
		}
		if i = hrefString(buf, skipIndent(buf, i+1)); i < 0 {
			return
		}
		start := i + 1
		end := jsonPlainEnd(buf, start)
		if end >= len(buf) || buf[end] != '"' {
			return
		}
		if i = skipIndent(buf, end+1); i >= len(buf) || buf[i] != '}' {
			return
		}
		d.pos = i + 1
		it.n++
		it.known.add(rel)
		l := push(&d.links) // zero: the run is fresh memory of the slab
		l.Rel, l.Href = internEntries[rel].name, d.keep(buf[start:end])
	}
}

// relItem reads one item of a relSet.
func (d *jsonDecoder) relItem(rel string, inArray, embedded bool) error {
	if embedded {
		return d.embedded(rel, inArray)
	}
	return d.linkOf(rel, inArray)
}

// linkSet reads a "_links" object and returns its links, also on error.
// An object's links are one run in JSON, so they are read straight into the
// links slab (see slabs.openLinks), with d.links its free end, not onto a
// stack to be copied there.
func (d *jsonDecoder) linkSet() ([]Link, error) {
	d.links = d.openLinks()
	err := d.relSet(false)
	ls := d.closeLinks(d.links)
	d.links = nil
	return ls, err
}

// linkOf reads a link object under rel onto d.links. A "rel" member in it
// is kept in Attrs (see linkObject).
func (d *jsonDecoder) linkOf(rel string, inArray bool) error {
	if c := d.cur(); c != '{' && (c > ' ' || d.skipWS() != '{') { // peek, its common case inline
		return d.fail(ErrStructure, d.pos, "expecting a link object")
	}
	l := push(&d.links) // zero, as in linkRun
	l.Rel, l.InArray = rel, inArray
	if !d.general && d.hrefOnly(l) { // link's fast path
		return nil
	}
	return d.linkObject(l, true)
}

// resource reads a resource object into r, whose Rel is already set.
func (d *jsonDecoder) resource(r *Resource) error {
	pbase, rbase := len(d.props), len(d.res)
	elbase, eebase := len(d.emptyLinks), len(d.emptyEmbedded)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		switch string(name) {
		case "_links":
			if c := d.cur(); c != '{' && (c > ' ' || d.skipWS() != '{') { // peek, its common case inline
				err = d.fail(ErrStructure, d.pos, "expecting an object of links")
				break
			}
			r.linksAt = int32(len(d.props) - pbase + 1)
			if r.embeddedAt == r.linksAt {
				r.embeddedFirst = true
			}
			r.Links, err = d.linkSet()
		case "_embedded":
			if c := d.cur(); c != '{' && (c > ' ' || d.skipWS() != '{') {
				err = d.fail(ErrStructure, d.pos, "expecting an object of resources")
				break
			}
			r.embeddedAt = int32(len(d.props) - pbase + 1)
			err = d.embeddedSet()
		default:
			err = d.member(name)
		}
	}
	r.Properties = d.takeProps(pbase)
	r.Embedded = d.keepResources(d.res[rbase:])
	d.res = d.res[:rbase]
	if len(d.emptyLinks) > elbase || len(d.emptyEmbedded) > eebase {
		r.empty = &emptyRels{takeEmpty(&d.emptyLinks, elbase), takeEmpty(&d.emptyEmbedded, eebase)}
	}
	return err
}

// takeEmpty pops the rels of empty arrays above base off *stack and returns
// them, or nil: rare, and free when there are none.
func takeEmpty(stack *[]string, base int) []string {
	if len(*stack) == base {
		return nil
	}
	rels := slices.Clone((*stack)[base:])
	*stack = (*stack)[:base]
	return rels
}

// embeddedSet reads an "_embedded" object, appending to d.res.
func (d *jsonDecoder) embeddedSet() error { return d.relSet(true) }

// embedded reads an embedded resource onto d.res.
func (d *jsonDecoder) embedded(rel string, inArray bool) error {
	if c := d.cur(); c != '{' && (c > ' ' || d.skipWS() != '{') { // peek, its common case inline
		return d.fail(ErrStructure, d.pos, "expecting a resource object")
	}
	r := Resource{Rel: rel, InArray: inArray}
	err := d.resource(&r)
	d.res = append(d.res, r)
	return err
}

func (d *jsonDecoder) topResource(r *Resource) error {
	if err := d.resource(r); err != nil {
		return err
	}
	if s, ok := r.String("rel"); ok {
		r.Rel = s
	}
	return d.end()
}

func (d *jsonDecoder) input(in *Input) error {
	pbase := len(d.props)
	err := d.object(func(name []byte, at int) error {
		switch string(name) {
		case "_links":
			if d.peek() != '{' {
				return d.fail(ErrStructure, d.pos, "expecting an object of links")
			}
			var err error
			in.Links, err = d.linkSet()
			return err
		case "_embedded":
			return d.failMember(ErrStructure, at, string(name), "an input has no embedded resources")
		}
		return d.member(name)
	})
	in.Properties = d.takeProps(pbase)
	in.emptyLinks = takeEmpty(&d.emptyLinks, 0)
	if err != nil {
		return err
	}
	return d.end()
}

// memberOrder follows the order of the members of an object with fields (an
// envelope, a sender, an event, an error body), for the record jsonSeq
// writes them back in. While the fields come in the order of canon, each
// before any extra member, the order is the encoder's so far and nothing is
// stored: the locals are enough to tell. Once a member comes out of that
// order, the codes of the members so far are pushed onto d.codes ('j', then
// a code each, 'x' for an extra member), and every member's after them.
type memberOrder struct {
	canon string
	base  int    // where its codes start on d.codes; -1 while in order
	seen  uint16 // the fields read, bit k for canon[k]
	// A field of an index up to last is out of order: last is the index of
	// the last field read (-1 before any), len(canon) once an extra
	// member came, and more once out of order.
	last   int
	extras int // the extra members read
}

func newOrder(canon string) memberOrder { return memberOrder{canon: canon, base: -1, last: -1} }

// field records that the member just named is the field canon[k]. The
// common case, in order, is small enough to inline.
func (o *memberOrder) field(d *jsonDecoder, k int) {
	if k <= o.last {
		o.fieldOut(d, k)
		return
	}
	o.seen |= 1 << k
	o.last = k
}

// fieldOut is field for a field out of order, or after one.
func (o *memberOrder) fieldOut(d *jsonDecoder, k int) {
	if o.base < 0 {
		o.spill(d)
	}
	d.codes = append(d.codes, o.canon[k])
	o.seen |= 1 << k
}

// extra records an extra member.
func (o *memberOrder) extra(d *jsonDecoder) {
	o.extras++
	if o.base >= 0 {
		d.codes = append(d.codes, 'x')
	} else {
		o.last = max(o.last, len(o.canon))
	}
}

// spill pushes the codes of the members read so far, which came in order:
// the fields seen, then the extra members.
func (o *memberOrder) spill(d *jsonDecoder) {
	o.base, o.last = len(d.codes), math.MaxInt
	d.codes = append(d.codes, 'j')
	for k := 0; k < len(o.canon); k++ {
		if o.seen&(1<<k) != 0 {
			d.codes = append(d.codes, o.canon[k])
		}
	}
	for range o.extras {
		d.codes = append(d.codes, 'x')
	}
}

// takeOrder returns the record of o, kept, and pops it; or "" when the
// members came as the encoder writes them: in order, and the fields
// canonWrite marks (see jsonSeq), no more and no fewer.
func (d *jsonDecoder) takeOrder(o *memberOrder, canonWrite uint16) string {
	if o.base < 0 {
		if o.seen == canonWrite {
			return ""
		}
		o.spill(d)
	}
	rec := d.keep(d.codes[o.base:])
	d.codes = d.codes[:o.base]
	return rec
}

// extraMember reads the value of the member name onto d.props, as an extra
// member of the object whose order o follows.
func (d *jsonDecoder) extraMember(o *memberOrder, name []byte) error {
	o.extra(d)
	return d.member(name)
}

// cur returns the byte at d.pos, or 0 at the end. With skipWS, it is peek
// with peek's common case inline (nextMember leaves the decoder on the
// value, but for unusual white space), which the callers write out:
//
//	c := d.cur()
//	if c <= ' ' {
//		c = d.skipWS()
//	}
//
// as a function holding both is just too big for the compiler to inline.
func (d *jsonDecoder) cur() byte {
	if d.pos < len(d.buf) {
		return d.buf[d.pos]
	}
	return 0
}

// jsonMark is a place in the body to come back to: see mark.
type jsonMark struct{ pos, depth, names int }

// mark returns the decoder's place, for rewind.
func (d *jsonDecoder) mark() jsonMark { return jsonMark{d.pos, d.depth, len(d.names)} }

// rewind goes back to m, to read a value again another way. What was read
// since is dropped: the caller pops its own stacks.
func (d *jsonDecoder) rewind(m jsonMark) { d.pos, d.depth, d.names = m.pos, m.depth, d.names[:m.names] }

func (d *jsonDecoder) events(ev *Events) error {
	base, o := len(d.props), newOrder(eventsCanon)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		c := d.cur() // the value's first byte (see cur)
		if c <= ' ' {
			c = d.skipWS()
		}
		// A member of a known name whose value has another form than the
		// field's falls to the extra members.
		known := true
		switch string(name) {
		case "_links":
			if known = c == '{'; known {
				o.field(d, 0)
				ev.Links, err = d.linkSet()
			}
		case "sender":
			if known = c == '['; known {
				o.field(d, 1)
				err = d.senders()
			}
		default:
			known = false
		}
		if !known {
			err = d.extraMember(&o, name)
		}
	}
	ev.Senders = d.takeSenders()
	ev.Extra = d.takeProps(base)
	ev.order = d.takeOrder(&o, ev.jsonCanonWrite())
	if err != nil {
		return err
	}
	return d.end()
}

// senders reads the array of "sender".
func (d *jsonDecoder) senders() error {
	err := d.openArray()
	for i := 0; err == nil; i++ {
		var ok bool
		if ok, err = d.nextElem(i); !ok {
			break
		}
		if d.peek() != '{' {
			return d.fail(ErrStructure, d.pos, "expecting a sender object")
		}
		var s Sender
		err = d.sender(&s)
		d.endSender(s)
	}
	return err
}

func (d *jsonDecoder) sender(s *Sender) error {
	base, o := len(d.props), newOrder(senderCanon)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		c := d.cur() // the value's first byte (see cur)
		if c <= ' ' {
			c = d.skipWS()
		}
		known := true // see events
		switch string(name) {
		case "rel":
			if known = c == '"'; known {
				o.field(d, 0)
				s.Rel, err = d.stringAt()
			}
		case "href":
			if known = c == '"'; known {
				o.field(d, 1)
				s.Href, err = d.stringAt()
			}
		case "events":
			if known = c == '['; known {
				o.field(d, 2)
				err = d.events1()
			}
		default:
			known = false
		}
		if !known {
			err = d.extraMember(&o, name)
		}
	}
	s.Extra = d.takeProps(base)
	s.order = d.takeOrder(&o, s.jsonCanonWrite())
	return err
}

// events1 reads the array of a sender's "events" onto d.evs.
func (d *jsonDecoder) events1() error {
	err := d.openArray()
	for i := 0; err == nil; i++ {
		var ok bool
		if ok, err = d.nextElem(i); !ok {
			break
		}
		if d.peek() != '{' {
			return d.fail(ErrStructure, d.pos, "expecting an event object")
		}
		d.evs = append(d.evs, Event{})
		err = d.event(&d.evs[len(d.evs)-1])
	}
	return err
}

func (d *jsonDecoder) event(e *Event) error {
	start := d.pos
	hasType := false
	base, o := len(d.props), newOrder(eventCanon)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		c := d.cur() // the value's first byte (see cur)
		if c <= ' ' {
			c = d.skipWS()
		}
		known := true // see events
		switch string(name) {
		case "type":
			hasType = true
			if known = c == '"'; known {
				o.field(d, 5)
				e.Type, err = d.eventType()
			}
		case "link":
			if known = c == '{'; known {
				o.field(d, 0)
				err = d.link(&e.Link)
			}
		case "in":
			if known = c == '{'; known {
				o.field(d, 1)
				e.In = new(Link)
				err = d.link(e.In)
			}
		case "status":
			if known = c == '"'; known {
				o.field(d, 3)
				e.Status, err = d.stringAt()
			}
		case "reason":
			if known = c == '{'; known {
				o.field(d, 4)
				e.Reason = new(Error)
				err = d.errorObject(e.Reason, false)
			}
		case "_embedded":
			if known = c == '{'; known {
				err = d.eventEmbedded(e, &o)
			}
		default:
			known = false
		}
		if !known {
			err = d.extraMember(&o, name) // kept in Extra
		}
	}
	e.Extra = d.takeProps(base)
	e.order = d.takeOrder(&o, e.jsonCanonWrite())
	if err == nil && !hasType {
		return d.fail(ErrStructure, start, "event has no type")
	}
	return err
}

// eventEmbeddedName is the name eventEmbedded keeps an "_embedded" under
// when it is an extra member: the name read may be in d.scratch, which the
// reads between overwrite.
var eventEmbeddedName = []byte("_embedded")

// eventEmbedded reads an event's "_embedded" object, which holds the one
// resource the event embeds under its rel. Any other object (empty, or with
// more than one member, or a member that is not an object) does not fit
// Event.Resource: it is read again as an extra member, kept as it came.
func (d *jsonDecoder) eventEmbedded(e *Event, o *memberOrder) error {
	m, pbase := d.mark(), len(d.props)
	it, err := d.openObject()
	n, fits := 0, true
	for err == nil {
		var rel []byte
		var ok bool
		if rel, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		if n++; n > 1 || d.peek() != '{' {
			fits = false
			break
		}
		e.Resource, err = d.eventResource(d.keepName(rel))
	}
	switch {
	case err == nil && fits && n == 1:
		o.field(d, 2)
		return nil
	case err != nil && !errors.Is(err, ErrStructure):
		return err
	}
	// The resource read, if any, popped what it pushed on the stacks. The
	// object is read at most twice: an event holds no events.
	e.Resource = nil
	d.props = d.props[:pbase]
	d.rewind(m)
	d.known = "" // nextMember set it for the names read since
	return d.extraMember(o, eventEmbeddedName)
}

// eventType reads an event's type, a string at d.pos: one of the constants
// when it is one, with no copy.
func (d *jsonDecoder) eventType() (EventType, error) {
	s, _, err := d.str()
	if err != nil {
		return "", err
	}
	return d.keepEventType(s), nil
}

// eventResource reads the resource an event embeds under rel.
func (d *jsonDecoder) eventResource(rel string) (*Resource, error) {
	r := Resource{Rel: rel}
	err := d.resource(&r)
	return d.keepResource(r), err
}

func (d *jsonDecoder) errorBody(e *Error) error {
	if d.peek() != '{' {
		return d.unexpected("'{'")
	}
	if err := d.errorObject(e, true); err != nil {
		return err
	}
	return d.end()
}

// errorObject reads an error body: {"code", "subcode", "message", "link",
// "parameters", "debugInfo", …}. An error body needs a "code" member (of
// any value), which is what tells it from another object; the reason of an
// event (needCode false) need not have one.
func (d *jsonDecoder) errorObject(e *Error, needCode bool) error {
	start := d.pos
	hasCode := false
	base, o := len(d.props), newOrder(errorCanon)
	it, err := d.openObject()
	for err == nil {
		var name []byte
		var ok bool
		if name, _, ok, err = d.nextMember(&it); !ok {
			break
		}
		c := d.cur() // the value's first byte (see cur)
		if c <= ' ' {
			c = d.skipWS()
		}
		var s string
		known := true // see events
		switch string(name) {
		case "code":
			hasCode = true
			if known = c == '"'; known {
				o.field(d, 0)
				s, err = d.stringAt()
				e.Code = Code(s)
			}
		case "subcode":
			if known = c == '"'; known {
				o.field(d, 1)
				s, err = d.stringAt()
				e.Subcode = Subcode(s)
			}
		case "message":
			if known = c == '"'; known {
				o.field(d, 2)
				e.Message, err = d.stringAt()
			}
		case "link":
			if known = c == '{'; known {
				o.field(d, 3)
				e.Link = new(Link)
				err = d.link(e.Link)
			}
		case "parameters":
			if known = c == '{'; known {
				o.field(d, 4)
				e.hasParameters = true
				e.Parameters, err = d.bag()
			}
		case "debugInfo":
			if known = c == '{'; known {
				o.field(d, 5)
				e.hasDebugInfo = true
				e.DebugInfo, err = d.bag()
			}
		default:
			known = false
		}
		if !known {
			err = d.extraMember(&o, name)
		}
	}
	e.Extra = d.takeProps(base)
	e.order = d.takeOrder(&o, e.jsonCanonWrite(needCode))
	if err == nil && needCode && !hasCode {
		return d.fail(ErrStructure, start, "error body has no code")
	}
	return err
}
