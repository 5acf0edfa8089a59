package ucwa

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// The JSON scanner: the jsonDecoder and the steps the model builder
// (json_decode.go) reads a body with: white space, objects and their member
// names, arrays, strings, numbers and literals. It reads RFC 8259 strictly:
// duplicate names, trailing data, invalid UTF-8, unpaired surrogates and the
// escaped NUL character (\u0000, which XML cannot carry) are refused.

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

// ws skips white space; runs of spaces (indentation) eight bytes at a time.
func (d *jsonDecoder) ws() {
	buf, i := d.buf, d.pos
	for i < len(buf) {
		switch buf[i] {
		case ' ':
			i = skipIndent(buf, i)
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
		if len(d.names)-it.names < pairwiseNames {
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

// closeObject reads the '}' of an object and forgets its names. nextMember
// compared the first pairwiseNames of those not interned as they came; in a
// larger object, firstRepeat looks for a repeat among all of them here.
func (d *jsonDecoder) closeObject(it *objectIter) error {
	d.pos++
	d.depth--
	names := d.names[it.names:]
	d.names = d.names[:it.names]
	if len(names) > pairwiseNames {
		k := firstRepeat(len(names), func(i int) uint64 { return d.nameKey(names[i]) },
			func(i, j int) bool { return d.sameName(names[i], names[j]) })
		if k >= 0 {
			return d.fail(ErrDuplicateName, names[k].off, "duplicate name "+quoteCut(d.nameOf(names[k])))
		}
	}
	return nil
}

// nameKey returns the key of the name r refers to (see repeat.go): of its
// raw text, or of the decoded name when the raw text has an escape.
func (d *jsonDecoder) nameKey(r nameRef) uint64 {
	if r.esc {
		return nameKey(d.nameOf(r))
	}
	return nameKey(d.buf[r.off+1 : r.off+1+r.n])
}

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

// jsonMark is a place in the body to come back to: see mark.
type jsonMark struct{ pos, depth, names int }

// mark returns the decoder's place, for rewind.
func (d *jsonDecoder) mark() jsonMark { return jsonMark{d.pos, d.depth, len(d.names)} }

// rewind goes back to m, to read a value again another way. What was read
// since is dropped: the caller pops its own stacks.
func (d *jsonDecoder) rewind(m jsonMark) { d.pos, d.depth, d.names = m.pos, m.depth, d.names[:m.names] }
