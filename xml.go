package ucwa

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads the XML form: XML 1.0 with namespaces, strictly. There is no
// DTD: a DOCTYPE, and any entity reference but the five predefined ones and
// character references, is refused (ErrDTD), so nothing is ever expanded.
// Characters XML 1.0 forbids (NUL and the other C0 controls but tab, CR and
// LF; U+FFFE, U+FFFF) and invalid UTF-8 are refused, as is anything but white
// space, comments and processing instructions after the root element. The
// root element must be in the UCWA namespace (ErrNamespace), and so must every
// element of the body (ErrStructure).

// xmlDecoder reads one XML body from buf, the caller's input. What the
// decoded value keeps of it (attribute values, text, the names of events and
// of extra attributes and elements) is copied into the slabs' string arena,
// never sliced from buf; the names it only matches stay slices of buf, which
// reset forgets.
type xmlDecoder struct {
	buf      []byte
	pos      int
	depth    int
	maxDepth int
	maxAttrs int         // the limits of Options: MaxAttributes
	maxNS    int         // and MaxNamespaces
	ns       []nsBinding // namespace declarations in scope, innermost last
	path     []xmlStep   // where the decoder is, for errors

	colon int // the index of the first colon of the name just read, or -1

	// The start tag just read.
	tagStart  int    // its offset
	qn, local []byte // its name as written, and its local part
	attrs     []xmlAttr
	empty     bool // <x/>

	text    []byte // the text just read: a slice of buf or of scratch
	scratch []byte

	props    []Property
	propOffs []int // the offset of each of props
	eventStacks
	links []Link
	vals  []Value
	res   []Resource
	slabs

	general bool // for tests: no fast paths (plainLink, plainProperty), to compare
}

// nsBinding is a namespace declaration: its prefix slices buf, and its URI
// is Namespace or a copy.
type nsBinding struct {
	prefix []byte
	uri    string
	depth  int
}

// xmlAttr is an attribute of the start tag just read. Its prefix slices buf;
// its local name is a constant or kept, and its value kept, as the decoded
// value keeps them.
type xmlAttr struct {
	prefix       []byte
	local, value string
	off          int
}

// xmlStep is one element of a path: /resource[@rel='me']/property[@name='x'].
type xmlStep struct{ local, key, val string }

func (d *xmlDecoder) pathString() string {
	var b strings.Builder
	for _, s := range d.path {
		b.WriteByte('/')
		b.WriteString(s.local)
		if s.key != "" {
			b.WriteString("[@" + s.key + "=" + strconv.Quote(s.val) + "]")
		}
	}
	return b.String()
}

func (d *xmlDecoder) fail(sentinel error, off int, msg string) error {
	return &DecodeError{Format: XML, Offset: int64(off), Path: d.pathString(), Err: sentinel, Msg: msg}
}

func (d *xmlDecoder) syntax(msg string) error { return d.fail(ErrSyntax, d.pos, msg) }

func (d *xmlDecoder) unexpected(what string) error {
	at := min(d.pos, len(d.buf))
	return d.syntax(unexpectedMsg(string(d.buf[at:min(at+1, len(d.buf))]), 0, what))
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (d *xmlDecoder) ws() {
	for d.pos < len(d.buf) && isXMLSpace(d.buf[d.pos]) {
		d.pos++
	}
}

// indentEnd returns the end of a line feed and the spaces after it (the usual
// indentation) at buf[i:], or i when there is no line feed; it counts the
// spaces eight at a time.
func indentEnd(buf []byte, i int) int {
	if i >= len(buf) || buf[i] != '\n' {
		return i
	}
	i++
	for i >= 0 && i < len(buf)-7 { // bounds as in jsonPlainEnd
		if w := binary.LittleEndian.Uint64(buf[i:]) ^ ' '*lsb; w != 0 {
			return i + bits.TrailingZeros64(w)/8
		}
		i += 8
	}
	return i
}

// spaceEnd returns the end of the white space at buf[i:]. It is indentEnd and
// then a byte loop, in one function to save a call.
func spaceEnd(buf []byte, i int) int {
	if i < len(buf) && buf[i] == '\n' {
		for i++; i >= 0 && i < len(buf)-7; i += 8 {
			if w := binary.LittleEndian.Uint64(buf[i:]) ^ ' '*lsb; w != 0 {
				i += bits.TrailingZeros64(w) / 8
				break
			}
		}
	}
	for i < len(buf) && isXMLSpace(buf[i]) {
		i++
	}
	return i
}

func isSpaceOnly(s []byte) bool {
	for i := 0; i < len(s); i++ {
		if !isXMLSpace(s[i]) {
			return false
		}
	}
	return true
}

// nameByte marks the ASCII bytes that may continue an XML name; nameStart
// those that may start one.
var nameByte, nameStart = func() (c, s [128]bool) {
	for b := 0; b < 128; b++ {
		s[b] = 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b == '_' || b == ':'
		c[b] = s[b] || '0' <= b && b <= '9' || b == '-' || b == '.'
	}
	return
}()

func isNameStartRune(r rune) bool {
	return r >= 0xC0 && r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x2FF ||
		r >= 0x370 && r <= 0x37D || r >= 0x37F && r <= 0x1FFF || r >= 0x200C && r <= 0x200D ||
		r >= 0x2070 && r <= 0x218F || r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF ||
		r >= 0xF900 && r <= 0xFDCF || r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF
}

func isNameRune(r rune) bool {
	return isNameStartRune(r) || r == 0xB7 || r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// name reads an XML name at d.pos.
func (d *xmlDecoder) name() ([]byte, error) {
	start := d.pos
	buf := d.buf
	i := start
	// The common case: an ASCII name.
	if i < len(buf) && nameStart[buf[i]&0x7f] && buf[i] < utf8.RuneSelf {
		i++
		for i < len(buf) && asciiNameByte[buf[i]] && buf[i] != ':' {
			i++
		}
		d.colon = -1
		if i < len(buf) && buf[i] == ':' {
			d.colon = i - start
			for i < len(buf) && asciiNameByte[buf[i]] {
				i++
			}
		}
		if i >= len(buf) || buf[i] < utf8.RuneSelf {
			d.pos = i
			return buf[start:i], nil
		}
		i = start
	}
	for i < len(buf) {
		c := buf[i]
		if c < utf8.RuneSelf {
			if !nameByte[c] || i == start && !nameStart[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError && n == 1 || // invalid UTF-8, not U+FFFD
			i == start && !isNameStartRune(r) || i > start && !isNameRune(r) {
			break
		}
		i += n
	}
	if i == start {
		return nil, d.unexpected("a name")
	}
	d.pos = i
	d.colon = bytes.IndexByte(buf[start:i], ':')
	return buf[start:i], nil
}

// asciiName returns the end of the name at buf[i:], and where its first colon
// is from i (-1 when it has none) as name sets d.colon, when the name is all
// ASCII and followed by an ASCII byte or the end of buf: name's common case,
// without a call or a store to d. Otherwise (no name, or non-ASCII) end is i,
// and name must read it the slow way.
func asciiName(buf []byte, i int) (end, colon int) {
	start := i
	if i >= len(buf) || buf[i] >= utf8.RuneSelf || !nameStart[buf[i]] {
		return start, -1
	}
	i++
	for i < len(buf) && asciiLocalByte[buf[i]] {
		i++
	}
	colon = -1
	if i < len(buf) && buf[i] == ':' {
		colon = i - start
		for i < len(buf) && asciiNameByte[buf[i]] {
			i++
		}
	}
	if i < len(buf) && buf[i] >= utf8.RuneSelf {
		return start, -1
	}
	return i, colon
}

// asciiLocalByte is asciiNameByte without the colon.
var asciiLocalByte = func() (t [256]bool) {
	copy(t[:], nameByte[:])
	t[':'] = false
	return t
}()

// The attributes UCWA writes on nearly every element, with the `="` that
// follows them, as knownAttr reads them: eight bytes, little endian, masked
// to the length of the text.
const (
	attrRel   = 'r' | 'e'<<8 | 'l'<<16 | '='<<24 | '"'<<32
	attrHref  = 'h' | 'r'<<8 | 'e'<<16 | 'f'<<24 | '='<<32 | '"'<<40
	attrName  = 'n' | 'a'<<8 | 'm'<<16 | 'e'<<24 | '='<<32 | '"'<<40
	attrTitle = 't' | 'i'<<8 | 't'<<16 | 'l'<<24 | 'e'<<32 | '='<<40 | '"'<<48
	mask5     = 1<<40 - 1
	mask6     = 1<<48 - 1
	mask7     = 1<<56 - 1
)

// The element names UCWA writes most, as knownElem reads them.
const (
	elemProperty = 'p' | 'r'<<8 | 'o'<<16 | 'p'<<24 | 'e'<<32 | 'r'<<40 | 't'<<48 | 'y'<<56
	elemResource = 'r' | 'e'<<8 | 's'<<16 | 'o'<<24 | 'u'<<32 | 'r'<<40 | 'c'<<48 | 'e'<<56
	elemLink     = 'l' | 'i'<<8 | 'n'<<16 | 'k'<<24
	elemItem     = 'i' | 't'<<8 | 'e'<<16 | 'm'<<24
	mask4        = 1<<32 - 1
)

// knownElem recognizes property, propertyList, resource, link and item at
// buf[i:], followed by white space, '>' or '/' (so that the name is whole),
// with an eight-byte load and a few compares; it returns the name and its
// length, or n = 0 for any other name.
func knownElem(buf []byte, i int) (name string, n int) {
	if i+16 > len(buf) {
		return "", 0
	}
	w := load64b(buf, i)
	switch {
	case w == elemProperty:
		if string(buf[i+8:i+12]) == "List" && nameEnd(buf[i+12]) {
			return "propertyList", 12
		}
		if nameEnd(buf[i+8]) {
			return "property", 8
		}
	case w == elemResource:
		if nameEnd(buf[i+8]) {
			return "resource", 8
		}
	case w&mask4 == elemLink:
		if nameEnd(buf[i+4]) {
			return "link", 4
		}
	case w&mask4 == elemItem:
		if nameEnd(buf[i+4]) {
			return "item", 4
		}
	}
	return "", 0
}

// nameEnd says whether c, after a name, ends it as the start tag goes on.
func nameEnd(c byte) bool {
	return c == ' ' || c == '>' || c == '/' || c == '\n' || c == '\t' || c == '\r'
}

// knownAttr recognizes rel=", href=", name=" and title=" at buf[i:] with one
// eight-byte load and a few compares, and the plain value that follows (as
// quotPlainPrefix finds it, inlined to save a call per attribute): it returns
// the name and the value's bounds, buf[vstart:vend], with buf[vend] the
// closing quote. vend is 0 for any other text, left to the generic reader.
func knownAttr(buf []byte, i int) (name string, vstart, vend int) {
	if i+8 > len(buf) {
		return "", 0, 0
	}
	switch w := load64b(buf, i); {
	case w&mask5 == attrRel:
		name, vstart = "rel", i+5
	case w&mask6 == attrHref:
		name, vstart = "href", i+6
	case w&mask6 == attrName:
		name, vstart = "name", i+6
	case w&mask7 == attrTitle:
		name, vstart = "title", i+7
	default:
		return "", 0, 0
	}
	for j := vstart; j >= 0 && j < len(buf)-7; j += 8 {
		if hit := quotHits(binary.LittleEndian.Uint64(buf[j:])); hit != 0 {
			if j += bits.TrailingZeros64(hit) / 8; buf[j] == '"' {
				return name, vstart, j
			}
			break
		}
	}
	return "", 0, 0
}

// asciiNameByte is nameByte for all 256 bytes: false from 0x80 on.
var asciiNameByte = func() (t [256]bool) {
	copy(t[:], nameByte[:])
	return t
}()

// splitQName splits a qualified name at its first colon, at i (-1 when it
// has none, as name says in d.colon).
func (d *xmlDecoder) splitQName(qn []byte, i, off int) (prefix, local []byte, err error) {
	if i < 0 {
		return nil, qn, nil
	}
	prefix, local = qn[:i], qn[i+1:]
	if len(prefix) == 0 || len(local) == 0 || bytes.IndexByte(local, ':') >= 0 ||
		!nameStart[local[0]&0x7f] && local[0] < utf8.RuneSelf {
		return nil, nil, d.fail(ErrSyntax, off, "malformed qualified name "+quoteCut(string(qn)))
	}
	return prefix, local, nil
}

// defaultNS is lookupNS(""), which nearly every element asks for: it compares
// lengths only, where comparing two variable strings calls the runtime.
func (d *xmlDecoder) defaultNS() string {
	for i := len(d.ns) - 1; i >= 0; i-- {
		if len(d.ns[i].prefix) == 0 {
			return d.ns[i].uri
		}
	}
	return ""
}

// lookupNS resolves a prefix (empty for the default namespace).
func (d *xmlDecoder) lookupNS(prefix []byte) (string, bool) {
	for i := len(d.ns) - 1; i >= 0; i-- {
		if string(d.ns[i].prefix) == string(prefix) {
			return d.ns[i].uri, true
		}
	}
	switch string(prefix) {
	case "":
		return "", true
	case "xml":
		return "http://www.w3.org/XML/1998/namespace", true
	}
	return "", false
}

// checkChars refuses what XML 1.0 forbids in s, which starts at off: invalid
// UTF-8, C0 controls but tab, LF and CR, U+FFFE and U+FFFF.
func (d *xmlDecoder) checkChars(s []byte, off int) error {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x80 {
			i++
			continue
		}
		if c < 0x20 {
			if c == '\t' || c == '\n' || c == '\r' {
				i++
				continue
			}
			return d.fail(ErrSyntax, off+i, "character 0x"+strconv.FormatUint(uint64(c), 16)+" is not allowed in XML")
		}
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n == 1 {
			return d.fail(ErrSyntax, off+i, "invalid UTF-8")
		}
		if r == 0xFFFE || r == 0xFFFF {
			return d.fail(ErrSyntax, off+i, "character "+strconv.QuoteRune(r)+" is not allowed in XML")
		}
		i += n
	}
	return nil
}

func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// ref reads a reference at d.pos (which holds '&') and appends what it stands
// for to b.
func (d *xmlDecoder) ref(b []byte) ([]byte, error) {
	start := d.pos
	end := bytes.IndexByte(d.buf[start:], ';')
	if end < 0 || end > 12 {
		if end < 0 || (start+1 >= len(d.buf) || d.buf[start+1] != '#') {
			return b, d.fail(ErrSyntax, start, "'&' not followed by a reference")
		}
	}
	if end < 0 {
		return b, d.fail(ErrSyntax, start, "unterminated character reference")
	}
	name := d.buf[start+1 : start+end]
	d.pos = start + end + 1
	switch string(name) {
	case "lt":
		return append(b, '<'), nil
	case "gt":
		return append(b, '>'), nil
	case "amp":
		return append(b, '&'), nil
	case "apos":
		return append(b, '\''), nil
	case "quot":
		return append(b, '"'), nil
	}
	if len(name) > 0 && name[0] == '#' {
		digits, base := name[1:], 10
		if len(digits) > 0 && digits[0] == 'x' {
			digits, base = digits[1:], 16
		}
		n, err := strconv.ParseUint(string(digits), base, 32)
		if err != nil || len(digits) == 0 || digits[0] == '+' || digits[0] == '-' || !isXMLChar(rune(n)) {
			return b, d.fail(ErrSyntax, start, "invalid character reference &"+string(name)+";")
		}
		return utf8.AppendRune(b, rune(n)), nil
	}
	if d.pos-start > 64 {
		name = name[:60]
	}
	return b, d.fail(ErrDTD, start, "undeclared entity &"+string(name)+";")
}

// prolog reads the XML declaration, if any, and what may come before the root
// element, leaving d.pos on the root's '<'.
func (d *xmlDecoder) prolog() error {
	if bytes.HasPrefix(d.buf, []byte("<?xml")) && len(d.buf) > 5 && isXMLSpace(d.buf[5]) {
		if err := d.xmlDecl(); err != nil {
			return err
		}
	}
	if err := d.misc(); err != nil {
		return err
	}
	if d.pos >= len(d.buf) {
		return d.fail(ErrSyntax, d.pos, "no root element")
	}
	return nil
}

// xmlDecl reads <?xml version="1.0" encoding="utf-8" standalone="yes"?>.
func (d *xmlDecoder) xmlDecl() error {
	d.pos += 5
	seen := 0
	for {
		hadSpace := d.pos < len(d.buf) && isXMLSpace(d.buf[d.pos])
		d.ws()
		if bytes.HasPrefix(d.buf[d.pos:], []byte("?>")) {
			d.pos += 2
			if seen == 0 {
				return d.syntax("XML declaration without version")
			}
			return nil
		}
		if !hadSpace {
			return d.unexpected("white space")
		}
		n, v, at, err := d.attribute()
		if err != nil {
			return err
		}
		switch {
		case string(n) == "version" && seen == 0:
			if string(v) != "1.0" {
				return d.fail(ErrSyntax, at, "XML version "+quoteCut(string(v))+" is not 1.0")
			}
			seen = 1
		case string(n) == "encoding" && seen == 1:
			if !bytes.EqualFold(v, []byte("utf-8")) && !bytes.EqualFold(v, []byte("utf8")) {
				return d.fail(ErrMediaType, at, "encoding "+quoteCut(string(v))+" is not UTF-8")
			}
			seen = 2
		case string(n) == "standalone" && seen >= 1 && seen < 3:
			if string(v) != "yes" && string(v) != "no" {
				return d.fail(ErrSyntax, at, "standalone must be yes or no")
			}
			seen = 3
		default:
			return d.fail(ErrSyntax, at, "unexpected "+quoteCut(string(n))+" in the XML declaration")
		}
	}
}

// misc skips white space, comments and processing instructions.
func (d *xmlDecoder) misc() error {
	for {
		d.ws()
		rest := d.buf[d.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			if err := d.comment(); err != nil {
				return err
			}
		case bytes.HasPrefix(rest, []byte("<?")):
			if err := d.pi(); err != nil {
				return err
			}
		case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
			return d.fail(ErrDTD, d.pos, "DOCTYPE is not allowed")
		case bytes.HasPrefix(rest, []byte("<!")):
			return d.syntax("unexpected markup declaration")
		default:
			return nil
		}
	}
}

func (d *xmlDecoder) comment() error {
	start := d.pos
	end := bytes.Index(d.buf[start+4:], []byte("--"))
	if end < 0 {
		return d.fail(ErrSyntax, start, "unterminated comment")
	}
	end += start + 4
	if end+2 >= len(d.buf) || d.buf[end+2] != '>' {
		return d.fail(ErrSyntax, end, "'--' inside a comment")
	}
	if err := d.checkChars(d.buf[start+4:end], start+4); err != nil {
		return err
	}
	d.pos = end + 3
	return nil
}

func (d *xmlDecoder) pi() error {
	start := d.pos
	d.pos += 2
	target, err := d.name()
	if err != nil {
		return err
	}
	if bytes.EqualFold(target, []byte("xml")) {
		return d.fail(ErrSyntax, start, "XML declaration not at the start of the body")
	}
	if bytes.IndexByte(target, ':') >= 0 {
		return d.fail(ErrSyntax, start, "colon in a processing instruction target")
	}
	end := bytes.Index(d.buf[d.pos:], []byte("?>"))
	if end < 0 {
		return d.fail(ErrSyntax, start, "unterminated processing instruction")
	}
	if end > 0 && !isXMLSpace(d.buf[d.pos]) {
		return d.unexpected("white space or '?>'")
	}
	if err := d.checkChars(d.buf[d.pos:d.pos+end], d.pos); err != nil {
		return err
	}
	d.pos += end + 2
	return nil
}

// attribute reads name="value" and says where it started. The value may be
// d.scratch, which the next attribute overwrites.
func (d *xmlDecoder) attribute() (name, value []byte, at int, err error) {
	at = d.pos
	if name, err = d.name(); err != nil {
		return nil, nil, at, err
	}
	value, err = d.attrValue()
	return name, value, at, err
}

// attrValue reads ="…" or ='…' and returns the normalized value: a slice of
// buf, or of d.scratch when it had to be normalized.
func (d *xmlDecoder) attrValue() ([]byte, error) {
	d.ws()
	if d.pos >= len(d.buf) || d.buf[d.pos] != '=' {
		return nil, d.unexpected("'='")
	}
	d.pos++
	d.ws()
	if d.pos >= len(d.buf) || d.buf[d.pos] != '"' && d.buf[d.pos] != '\'' {
		return nil, d.unexpected("a quoted value")
	}
	q := d.buf[d.pos]
	d.pos++
	start := d.pos
	buf := d.buf
	i := start
	for {
		i += attrPlainPrefix(buf[i:], q)
		if i >= len(buf) || buf[i] < 0x80 {
			break
		}
		if r, n := utf8.DecodeRune(buf[i:]); r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			break // the slow way says what is wrong
		} else {
			i += n
		}
	}
	if i < len(buf) && buf[i] == q {
		d.pos = i + 1
		return buf[start:i], nil
	}
	// The slow way: references, white space to normalize, UTF-8 to check.
	b := append(d.scratch[:0], buf[start:i]...)
	for {
		if i >= len(buf) {
			d.pos = i
			return nil, d.syntax("unterminated attribute value")
		}
		c := buf[i]
		switch {
		case c == q:
			d.pos = i + 1
			d.scratch = b
			return b, nil
		case c == '<':
			d.pos = i
			return nil, d.syntax("'<' in an attribute value")
		case c == '&':
			d.pos = i
			var err error
			if b, err = d.ref(b); err != nil {
				return nil, err
			}
			i = d.pos
		case c == '\r':
			b = append(b, ' ')
			i++
			if i < len(buf) && buf[i] == '\n' {
				i++
			}
		case c == '\t' || c == '\n':
			b = append(b, ' ')
			i++
		case c < 0x20:
			d.pos = i
			return nil, d.syntax("character 0x" + strconv.FormatUint(uint64(c), 16) + " is not allowed in XML")
		case c < 0x80:
			b = append(b, c)
			i++
		default:
			r, n := utf8.DecodeRune(buf[i:])
			if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
				d.pos = i
				return nil, d.syntax("invalid character in an attribute value")
			}
			b = append(b, buf[i:i+n]...)
			i += n
		}
	}
}

// startTag reads a start tag at d.pos (which holds '<'), declaring the
// namespaces it binds, and checks the element is in the UCWA namespace.
//
// It keeps its place in a local index, i, and stores it in d.pos only to call
// a slower reader or to fail. The common tag, <link rel="…" href="…"/>, costs
// a call for its name (knownElem) and one per attribute (knownAttr, from
// attrList); the general readers (asciiName, name, otherAttr, attribute)
// take the rest.
func (d *xmlDecoder) startTag() error {
	buf := d.buf
	start := d.pos
	d.tagStart = start
	i := start + 1
	var qn []byte
	qnColon := -1
	if _, n := knownElem(buf, i); n > 0 {
		qn, i = buf[i:i+n], i+n
	} else if end, colon := asciiName(buf, i); end > i {
		qn, qnColon, i = buf[i:end], colon, end
	} else {
		d.pos = i
		var err error
		if qn, err = d.name(); err != nil {
			return err
		}
		qnColon, i = d.colon, d.pos
	}
	d.depth++
	if d.depth > d.maxDepth {
		d.pos = i
		return d.fail(ErrTooDeep, start, "nesting deeper than "+strconv.Itoa(d.maxDepth)+" levels")
	}
	i, prefixed, err := d.attrList(i)
	if err != nil {
		return err
	}
	d.pos = i
	p, l := []byte(nil), qn
	if qnColon >= 0 {
		var err error
		if p, l, err = d.splitQName(qn, qnColon, start+1); err != nil {
			return err
		}
	}
	uri, ok := "", true
	if len(p) == 0 {
		uri = d.defaultNS()
	} else {
		uri, ok = d.lookupNS(p)
	}
	if !ok {
		return d.fail(ErrSyntax, start, "undeclared namespace prefix "+quoteCut(string(p)))
	}
	if prefixed {
		if err := d.prefixedAttrs(); err != nil {
			return err
		}
	}
	d.qn, d.local = qn, l
	if uri != Namespace {
		if d.depth == 1 {
			return d.fail(ErrNamespace, start, "root element <"+string(qn)+"> is in namespace "+quoteCut(uri)+", not "+Namespace)
		}
		return d.fail(ErrStructure, start, "element <"+string(qn)+"> is not in the UCWA namespace")
	}
	if d.empty {
		d.leave()
	}
	return nil
}

// attrList reads the attributes of a start tag from buf[i:] to its end ('>'
// or '/>', which sets d.empty): onto d.attrs, or d.ns for namespace
// declarations. It returns where the tag ends and whether an attribute has a
// prefix. It is apart from startTag so that the loop carries few variables:
// Go keeps none in registers across a call, and reloads each one that is
// live at the top of the loop.
func (d *xmlDecoder) attrList(i int) (int, bool, error) {
	buf := d.buf
	d.attrs = d.attrs[:0]
	declared := len(d.ns) // namespace declarations before this tag's
	prefixed := false     // whether an attribute has a prefix, to check below
	for {
		hadSpace := false
		for i < len(buf) && buf[i] <= ' ' && isXMLSpace(buf[i]) {
			i++
			hadSpace = true
		}
		if i >= len(buf) {
			d.pos = i
			return 0, false, d.unexpected("'>'")
		}
		if c := buf[i]; c == '>' {
			d.empty = false
			return i + 1, prefixed, nil
		} else if c == '/' {
			if i+1 >= len(buf) || buf[i+1] != '>' {
				d.pos = i + 1
				return 0, false, d.unexpected("'>'")
			}
			d.empty = true
			return i + 2, prefixed, nil
		}
		if !hadSpace {
			d.pos = i
			return 0, false, d.unexpected("white space, '>' or '/>'")
		}
		if len(d.attrs)+len(d.ns)-declared >= d.maxAttrs {
			return 0, false, d.fail(ErrTooLarge, i, "more than "+strconv.Itoa(d.maxAttrs)+" attributes")
		}
		if name, vs, ve := knownAttr(buf, i); ve > 0 {
			// rel, href, name or title: unprefixed, and no declaration.
			for k := range d.attrs {
				if a := &d.attrs[k]; a.local == name && len(a.prefix) == 0 {
					return 0, false, d.fail(ErrSyntax, i, "duplicate attribute "+quoteCut(name))
				}
			}
			if len(d.attrs) == 0 && len(d.ns) == declared && name == "rel" && ve+1 < len(buf) && buf[ve+1] == ' ' {
				if name2, vs2, ve2 := knownAttr(buf, ve+2); name2 == "href" {
					// rel="…" href="…", the first attributes of nearly every
					// link, resource, sender and event: an interned rel and
					// the href, or one copy for both, with the 8 bytes
					// between, which saves a call to keep. (Neither can
					// repeat an attribute, nor exceed a limit.)
					if rel, ok := internName(buf[vs:ve]); ok {
						d.addAttr(nil, "rel", rel, i)
						d.addAttr(nil, "href", d.keep(buf[vs2:ve2]), ve+2)
					} else {
						s := d.keep(buf[vs:ve2])
						d.addAttr(nil, "rel", s[:ve-vs], i)
						d.addAttr(nil, "href", s[vs2-vs:], ve+2)
					}
					i = ve2 + 1
					continue
				}
			}
			if name == "rel" || name == "name" {
				if v, ok := internName(buf[vs:ve]); ok {
					d.addAttr(nil, name, v, i)
					i = ve + 1
					continue
				}
			}
			d.addAttr(nil, name, d.keep(buf[vs:ve]), i)
			i = ve + 1
			continue
		}
		end, p, err := d.otherAttr(i)
		if err != nil {
			return 0, false, err
		}
		i, prefixed = end, prefixed || p
	}
}

// addAttr appends an attribute to d.attrs a field at a time (see push). The
// value must be kept already.
func (d *xmlDecoder) addAttr(prefix []byte, local, value string, off int) {
	a := push(&d.attrs)
	if len(prefix) != 0 || a.prefix != nil { // nearly always both nil: spare the store
		a.prefix = prefix
	}
	a.local, a.value, a.off = local, value, off
}

// otherAttr reads the attribute at buf[i:] that knownAttr did not, onto
// d.attrs or, if it declares a namespace, d.ns; it returns where it ends and
// whether it has a prefix.
func (d *xmlDecoder) otherAttr(i int) (int, bool, error) {
	buf, at := d.buf, i
	d.pos = i // for attribute, and errors
	// The fast way: an ASCII name, then =" and a plain value in double
	// quotes. Anything else (white space around '=', single quotes,
	// references, non-ASCII, errors) is read again by attribute.
	var an, v []byte
	colon := -1
	if end, c := asciiName(buf, i); end > i && end+1 < len(buf) && buf[end] == '=' && buf[end+1] == '"' {
		vs := end + 2
		if ve := vs + quotPlainPrefix(buf[vs:]); ve < len(buf) && buf[ve] == '"' {
			an, colon, v, i = buf[i:end], c, buf[vs:ve], ve+1
		}
	}
	var err error
	if i == at { // not read the fast way
		if an, v, _, err = d.attribute(); err != nil {
			return 0, false, err
		}
		colon, i = d.colon, d.pos
	}
	p, l := []byte(nil), an
	if colon >= 0 {
		if p, l, err = d.splitQName(an, colon, at); err != nil {
			return 0, false, err
		}
	}
	for k := range d.attrs {
		if a := &d.attrs[k]; a.local == string(l) && string(a.prefix) == string(p) {
			return 0, false, d.fail(ErrSyntax, at, "duplicate attribute "+quoteCut(string(an)))
		}
	}
	switch {
	case len(p) == 0 && string(l) == "xmlns":
		if string(v) == "http://www.w3.org/XML/1998/namespace" || string(v) == "http://www.w3.org/2000/xmlns/" {
			return 0, false, d.fail(ErrSyntax, at, "reserved namespace "+quoteCut(string(v)))
		}
		return i, false, d.declare(nil, v, an, at)
	case string(p) == "xmlns":
		if len(v) == 0 || string(l) == "xmlns" || (string(l) == "xml") != (string(v) == "http://www.w3.org/XML/1998/namespace") ||
			string(v) == "http://www.w3.org/2000/xmlns/" {
			return 0, false, d.fail(ErrSyntax, at, "invalid namespace declaration "+quoteCut(string(an)))
		}
		return i, false, d.declare(l, v, an, at)
	}
	// v may be d.scratch: keep it before the next attribute is read.
	d.addAttr(p, d.attrLocal(l), d.keep(v), at)
	return i, len(p) != 0, nil
}

// declare adds the declaration of prefix (nil: the default namespace) as
// uri, made by the attribute an at offset at of the start tag being read.
// Like any attribute, a declaration may appear once in a tag: the tag's own
// declarations are the last in d.ns, at its depth.
func (d *xmlDecoder) declare(prefix, uri, an []byte, at int) error {
	for k := len(d.ns) - 1; k >= 0 && d.ns[k].depth == d.depth; k-- {
		if string(d.ns[k].prefix) == string(prefix) {
			return d.fail(ErrSyntax, at, "duplicate attribute "+quoteCut(string(an)))
		}
	}
	if len(d.ns) >= d.maxNS {
		return d.fail(ErrTooLarge, at, "more than "+strconv.Itoa(d.maxNS)+" namespace declarations in scope")
	}
	d.ns = append(d.ns, nsBinding{prefix: prefix, uri: canonicalNS(uri), depth: d.depth})
	return nil
}

// attrLocal returns the local name of an attribute as xmlAttr holds it: the
// constant knownAttr gives for the names it knows, or a kept copy.
func (d *xmlDecoder) attrLocal(l []byte) string {
	switch string(l) {
	case "rel":
		return "rel"
	case "href":
		return "href"
	case "name":
		return "name"
	case "title":
		return "title"
	}
	return d.keep(l)
}

// prefixedAttrs checks the prefixed attributes of the start tag just read,
// once its namespace declarations are known: each prefix must be declared,
// and no two attributes may have one expanded name.
func (d *xmlDecoder) prefixedAttrs() error {
	for i := range d.attrs {
		a := &d.attrs[i]
		if len(a.prefix) == 0 {
			continue
		}
		if _, ok := d.lookupNS(a.prefix); !ok {
			return d.fail(ErrSyntax, a.off, "undeclared namespace prefix "+quoteCut(string(a.prefix)))
		}
		// Two attributes with one expanded name under different prefixes.
		for j := range i {
			if b := &d.attrs[j]; len(b.prefix) != 0 && b.local == a.local {
				u1, _ := d.lookupNS(a.prefix)
				if u2, _ := d.lookupNS(b.prefix); u1 == u2 {
					return d.fail(ErrSyntax, a.off, "duplicate attribute "+quoteCut(a.local))
				}
			}
		}
	}
	return nil
}

// canonicalNS returns the package's own copy of the UCWA namespace when uri
// is it, so that the comparison made for every element finds the same
// pointer at once, and a copy of any other: uri may be d.scratch.
func canonicalNS(uri []byte) string {
	if string(uri) == Namespace {
		return Namespace
	}
	return string(uri)
}

// leave ends the scope of the element just closed.
func (d *xmlDecoder) leave() {
	for len(d.ns) > 0 && d.ns[len(d.ns)-1].depth >= d.depth {
		d.ns = d.ns[:len(d.ns)-1]
	}
	d.depth--
}

// Tokens of element content.
const (
	tokStart = iota + 1
	tokEnd
	tokText
)

// next reads the next token of element content: the text up to the next tag
// (in d.text, references resolved, CDATA sections merged, comments and
// processing instructions skipped, line ends normalized), a start tag (in
// d.qn, d.local, d.attrs, d.empty) or an end tag, which it checks matches.
func (d *xmlDecoder) next(openQName []byte) (int, error) {
	buf := d.buf
	if d.pos >= len(buf) || d.pos == len(buf)-1 && buf[d.pos] == '<' {
		// A '<' that ends the body is a cut tag. It must end the body here:
		// readText would read it as empty text, again and again.
		d.pos = len(buf)
		return 0, d.unexpected("</" + string(openQName) + ">")
	}
	if buf[d.pos] == '<' && d.pos+1 < len(buf) {
		switch buf[d.pos+1] {
		case '/':
			start := d.pos
			if d.closes(openQName) {
				return tokEnd, nil
			}
			d.pos += 2
			qn, err := d.name()
			if err != nil {
				return 0, err
			}
			d.ws()
			if d.pos >= len(buf) || buf[d.pos] != '>' {
				return 0, d.unexpected("'>'")
			}
			d.pos++
			if string(qn) != string(openQName) {
				return 0, d.fail(ErrSyntax, start, "</"+string(qn)+"> does not close <"+string(openQName)+">")
			}
			d.leave()
			return tokEnd, nil
		case '!', '?':
		default:
			return tokStart, d.startTag()
		}
	}
	return tokText, d.readText()
}

// closes reports whether </qn> (the end tag of the element open, as written)
// stands at d.pos, and if so reads it and ends the element's scope: next's
// common case, which children and elemValue also take without a token.
func (d *xmlDecoder) closes(qn []byte) bool {
	buf, i := d.buf, d.pos
	if end := i + 2 + len(qn); end < len(buf) && buf[i] == '<' && buf[i+1] == '/' && buf[end] == '>' && string(buf[i+2:end]) == string(qn) {
		d.pos = end + 1
		d.leave()
		return true
	}
	return false
}

// readText reads character data up to the next start or end tag into
// d.text: a slice of buf, or of d.scratch when it had to be normalized.
func (d *xmlDecoder) readText() error {
	buf := d.buf
	start := d.pos
	i := start
	// The commonest text is the white space that indents the next tag. (A
	// CR is not skipped here: it must be normalized.)
	if i < len(buf) && buf[i] == '\n' {
		i = indentEnd(buf, i)
	}
	for i < len(buf) && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\t') {
		i++
	}
	if i+1 < len(buf) && buf[i] == '<' && buf[i+1] != '!' && buf[i+1] != '?' {
		d.pos = i
		d.text = buf[start:i]
		return nil
	}
	for {
		i += textPlainPrefix(buf[i:])
		if i >= len(buf) {
			break
		}
		c := buf[i]
		if c == '\t' || c == '\n' || c == ']' && !bytes.HasPrefix(buf[i:], []byte("]]>")) {
			i++
			continue
		}
		if c < 0x80 {
			break
		}
		if r, n := utf8.DecodeRune(buf[i:]); r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			break // the slow way says what is wrong
		} else {
			i += n
		}
	}
	if i >= len(buf) || buf[i] == '<' && i+1 < len(buf) && buf[i+1] != '!' && buf[i+1] != '?' {
		d.pos = i
		d.text = buf[start:i]
		return nil
	}
	b := append(d.scratch[:0], buf[start:i]...)
	for i < len(buf) {
		c := buf[i]
		switch {
		case c == '<':
			rest := buf[i:]
			switch {
			case bytes.HasPrefix(rest, []byte("<!--")):
				d.pos = i
				if err := d.comment(); err != nil {
					return err
				}
				i = d.pos
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				end := bytes.Index(rest[9:], []byte("]]>"))
				if end < 0 {
					d.pos = i
					return d.syntax("unterminated CDATA section")
				}
				cdata := rest[9 : 9+end]
				if err := d.checkChars(cdata, i+9); err != nil {
					return err
				}
				b = appendNormalized(b, cdata)
				i += 9 + end + 3
			case bytes.HasPrefix(rest, []byte("<?")):
				d.pos = i
				if err := d.pi(); err != nil {
					return err
				}
				i = d.pos
			case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
				d.pos = i
				return d.fail(ErrDTD, i, "DOCTYPE is not allowed")
			case bytes.HasPrefix(rest, []byte("<!")):
				d.pos = i
				return d.syntax("unexpected markup declaration")
			default:
				d.pos = i
				d.scratch = b
				d.text = b
				return nil
			}
		case c == '&':
			d.pos = i
			var err error
			if b, err = d.ref(b); err != nil {
				return err
			}
			i = d.pos
		case c == '\r':
			b = append(b, '\n')
			i++
			if i < len(buf) && buf[i] == '\n' {
				i++
			}
		case c == ']':
			if bytes.HasPrefix(buf[i:], []byte("]]>")) {
				d.pos = i
				return d.syntax("']]>' in text")
			}
			b = append(b, c)
			i++
		case c < 0x20 && c != '\t' && c != '\n':
			d.pos = i
			return d.syntax("character 0x" + strconv.FormatUint(uint64(c), 16) + " is not allowed in XML")
		case c < 0x80:
			b = append(b, c)
			i++
		default:
			r, n := utf8.DecodeRune(buf[i:])
			if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
				d.pos = i
				return d.syntax("invalid character in text")
			}
			b = append(b, buf[i:i+n]...)
			i += n
		}
	}
	d.pos = i
	d.scratch = b
	d.text = b
	return nil
}

// appendNormalized appends s with CR LF and lone CR made LF.
func appendNormalized(b, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		}
		b = append(b, c)
	}
	return b
}

// qname returns the name of the start tag just read as written.
func (d *xmlDecoder) qname() []byte { return d.qn }

// root reads the prolog and the root start tag, which must be <local>.
func (d *xmlDecoder) root(locals ...string) error {
	if err := d.prolog(); err != nil {
		return err
	}
	if d.buf[d.pos] != '<' {
		return d.unexpected("'<'")
	}
	start := d.pos
	if err := d.startTag(); err != nil {
		return err
	}
	for _, l := range locals {
		if string(d.local) == l {
			d.pushStep(l, "", "")
			return nil
		}
	}
	return d.fail(ErrStructure, start, "root element <"+string(d.qname())+"> is not <"+strings.Join(locals, "> or <")+">")
}

// end checks that only white space, comments and processing instructions
// follow the root element.
func (d *xmlDecoder) end() error {
	if err := d.misc(); err != nil {
		return err
	}
	if d.pos != len(d.buf) {
		d.path = d.path[:0]
		return d.fail(ErrTrailingData, d.pos, "data after the root element")
	}
	return nil
}

// children reads the content of the element just started, whose qualified
// name is qn, calling child for each child element (d.local names it) with
// the element's path step pushed; child must read the element to its end.
// Text other than white space is refused. plain says which children child
// reads with d.link and d.property: plainLink and plainProperty then read
// those that they can, without child.
func (d *xmlDecoder) children(qn []byte, plain plainKids, child func(at int) error) error {
	for {
		// The common cases, white space and then a start tag or the end
		// tag, without tokens: the white space is text children would
		// refuse only if it were not white space. Anything else is left to
		// next.
		if buf, i := d.buf, spaceEnd(d.buf, d.pos); i+1 < len(buf) && buf[i] == '<' {
			switch buf[i+1] {
			case '!', '?': // a comment or processing instruction
			case '/':
				d.pos = i
				if d.closes(qn) {
					return nil
				}
			default:
				if plain != 0 && !d.general && (buf[i+1] == 'l' && plain&plainLinks != 0 && d.plainLink(i) ||
					buf[i+1] == 'p' && plain&plainProps != 0 && d.plainProperty(i)) {
					continue
				}
				d.pos = i
				if err := d.startTag(); err != nil {
					return err
				}
				if err := child(i); err != nil {
					return err
				}
				continue
			}
		}
		at := d.pos
		tok, err := d.next(qn)
		if err != nil {
			return err
		}
		switch tok {
		case tokEnd:
			return nil
		case tokText:
			if !isSpaceOnly(d.text) {
				return d.fail(ErrStructure, at, "unexpected text in <"+string(qn)+">")
			}
		case tokStart:
			if err := child(at); err != nil {
				return err
			}
		}
	}
}

// attr returns the value of the unprefixed attribute local of the start tag
// just read.
func (d *xmlDecoder) attr(local string) (string, bool) {
	for i := range d.attrs {
		if len(d.attrs[i].prefix) == 0 && d.attrs[i].local == local {
			return d.attrs[i].value, true
		}
	}
	return "", false
}

// onlyAttrs refuses attributes of the start tag just read other than those
// named (namespace declarations aside).
func (d *xmlDecoder) onlyAttrs(names ...string) error {
	for i := range d.attrs {
		a := &d.attrs[i]
		ok := false
		if len(a.prefix) == 0 {
			for _, n := range names {
				ok = ok || a.local == n
			}
		}
		if !ok {
			return d.fail(ErrStructure, a.off, "unexpected attribute "+quoteCut(a.local)+" on <"+string(d.qname())+">")
		}
	}
	return nil
}

// xsiNS is the namespace of the XML Schema instance attributes, of which
// xsi:nil is read.
const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

// otherAttrs pushes onto d.props, as strings, the unprefixed attributes of
// the start tag just read other than those named (namespace declarations
// aside), for the caller to take. A prefixed attribute is refused, but
// xsi:nil where nilOK: it reports whether xsi:nil is "true" (or "1").
func (d *xmlDecoder) otherAttrs(nilOK bool, names ...string) (isNil bool, err error) {
	for i := range d.attrs {
		a := &d.attrs[i]
		if len(a.prefix) != 0 {
			if uri, _ := d.lookupNS(a.prefix); nilOK && uri == xsiNS && a.local == "nil" {
				switch a.value {
				case "true", "1":
					isNil = true
					continue
				case "false", "0":
					continue
				}
			}
			return false, d.fail(ErrStructure, a.off, "unexpected attribute "+quoteCut(string(a.prefix)+":"+a.local)+
				" on <"+string(d.qname())+">")
		}
		if !slices.Contains(names, a.local) {
			d.pushProp(a.local, String(a.value), a.off)
		}
	}
	return isNil, nil
}

// skipEmpty reads the end of an element that must hold nothing but white
// space, such as <link>.
func (d *xmlDecoder) skipEmpty() error {
	if d.empty {
		return nil
	}
	qn := d.qname()
	return d.children(qn, 0, func(at int) error {
		return d.fail(ErrStructure, at, "unexpected element <"+string(d.qname())+"> in <"+string(qn)+">")
	})
}

// plainKids says which children of an element children's fast paths may
// read: those that the element reads with d.link or d.property.
type plainKids uint8

const (
	plainLinks plainKids = 1 << iota // <link> children, read by plainLink
	plainProps                       // <property> children, read by plainProperty
)

// plainLink is the fast path of children for a <link> child (see plainKids) at buf[i:] that is as nearly all links are: <link rel="…"
// href="…"/>, written so, with a rel in the intern table and an href of
// plain ASCII (as knownAttr reads them), in the UCWA namespace. It reads it
// onto d.links as d.link would, and reports true; for any other element it
// reads nothing and reports false, and the general path reads it (and finds
// any error).
func (d *xmlDecoder) plainLink(i int) bool {
	const tag = '<' | 'l'<<8 | 'i'<<16 | 'n'<<24 | 'k'<<32 | ' '<<40 // "<link "
	buf := d.buf
	if i+64 > len(buf) || load64b(buf, i)&mask6 != tag || d.depth >= d.maxDepth {
		return false
	}
	name, vs, ve := knownAttr(buf, i+6)
	if name != "rel" || ve+1 >= len(buf) || buf[ve+1] != ' ' {
		return false
	}
	name, hs, he := knownAttr(buf, ve+2)
	if name != "href" {
		return false
	}
	j := he + 1
	if j+3 <= len(buf) && buf[j] == ' ' {
		j++
	}
	if j+2 > len(buf) || buf[j] != '/' || buf[j+1] != '>' {
		return false
	}
	rel := internIndex(buf[vs:ve])
	if rel < 0 || d.defaultNS() != Namespace {
		return false
	}
	l := push(&d.links) // zero, as in link
	l.Rel, l.Href = internEntries[rel].name, d.keep(buf[hs:he])
	d.pos = j + 2
	return true
}

// plainProperty is the fast path of children for a <property> child (see
// plainKids) at buf[i:] that is as most properties are: <property
// name="…">text</property>, written so, with a name in the intern table and
// text of plain ASCII, in the UCWA namespace. It reads it onto
// d.props as d.property would, and reports true; for any other element it
// reads nothing and reports false, and the general path reads it (and finds
// any error).
func (d *xmlDecoder) plainProperty(i int) bool {
	const tag = '<' | 'p'<<8 | 'r'<<16 | 'o'<<24 | 'p'<<32 | 'e'<<40 | 'r'<<48 | 't'<<56 // "<propert"
	const end = '<' | '/'<<8 | 'p'<<16 | 'r'<<24 | 'o'<<32 | 'p'<<40 | 'e'<<48 | 'r'<<56 // "</proper"
	buf := d.buf
	if i+64 > len(buf) || load64b(buf, i) != tag || buf[i+8] != 'y' || buf[i+9] != ' ' || d.depth >= d.maxDepth {
		return false
	}
	name, vs, ve := knownAttr(buf, i+10)
	if name != "name" || ve+1 >= len(buf) || buf[ve+1] != '>' {
		return false
	}
	ts := ve + 2
	te := ts + textPlainPrefix(buf[ts:])
	if te+11 > len(buf) || load64b(buf, te) != end || buf[te+8] != 't' || buf[te+9] != 'y' || buf[te+10] != '>' {
		return false
	}
	k := internIndex(buf[vs:ve])
	if k < 0 || d.defaultNS() != Namespace {
		return false
	}
	d.pushProp(internEntries[k].name, d.inferXML(buf[ts:te]), i)
	d.pos = te + 11
	return true
}

// linkAttrs reads the attributes of <link rel href title …/> (or of an event
// element, or of <in>) into l, without reading its content: an element
// without rel has Rel "", one without href is marked so (noHref).
func (d *xmlDecoder) linkAttrs(l *Link) error {
	if a := d.attrs; len(a) == 2 && a[0].local == "rel" && a[1].local == "href" && len(a[0].prefix) == 0 && len(a[1].prefix) == 0 {
		l.Rel, l.Href = a[0].value, a[1].value // the usual link, as the loop below reads it
		return nil
	}
	pbase := len(d.props)
	if _, err := d.otherAttrs(false, "rel", "href"); err != nil {
		d.popProps(pbase)
		return err
	}
	l.Rel, _ = d.attr("rel")
	var hasHref bool
	l.Href, hasHref = d.attr("href")
	l.noHref = !hasHref
	l.Attrs, _ = d.takeProps(pbase) // attribute names are unique already
	return nil
}

// link reads the <link> just started onto d.links. It reads the attributes
// into their slot there, which is zero (takeLinks clears what it pops), rather
// than into a Link to copy in, a copy with a bulk write barrier while the
// garbage collector runs.
func (d *xmlDecoder) link() error {
	l := push(&d.links)
	if err := d.linkAttrs(l); err != nil {
		*l = Link{}
		d.links = d.links[:len(d.links)-1]
		return err
	}
	return d.skipEmpty()
}

// inferXML gives the value an XML text, b, stands for (see Value), with the
// text kept: a boolean's needs no copy.
func (d *xmlDecoder) inferXML(b []byte) Value {
	switch string(b) {
	case "true":
		return scalar(KindBool, "true")
	case "false":
		return scalar(KindBool, "false")
	case "True":
		return scalar(KindBool, "True")
	case "False":
		return scalar(KindBool, "False")
	}
	s := d.keep(b)
	if len(s) >= 20 && s[4] == '-' && isISODate(s) {
		return scalar(KindDate, s)
	}
	return scalar(KindString, s)
}

// elemValue reads the content of the <property> or <item> just started. Text
// is a scalar; child <property> and <propertyList> elements make a bag; child
// <item> elements (in an <item>) make a list. An empty element is null.
func (d *xmlDecoder) elemValue(allowItems bool) (Value, error) {
	if d.empty {
		return scalar(KindNull, ""), nil
	}
	qn := d.qname()
	// text may be d.scratch, which a start tag may overwrite: whether it is
	// white space only, which elements after it need, is known at once.
	var text []byte
	mixed, kind := false, KindInvalid
	pbase, vbase := len(d.props), len(d.vals)
	if d.pos < len(d.buf) && d.buf[d.pos] != '<' {
		// The common case, text and the end tag, without tokens; next
		// would read the text the same way.
		if err := d.readText(); err != nil {
			return Value{}, err
		}
		if d.closes(qn) {
			return d.inferXML(d.text), nil
		}
		text = d.text
		mixed = !isSpaceOnly(text)
	}
	for {
		at := d.pos
		tok, err := d.next(qn)
		if err != nil {
			return Value{}, err
		}
		switch tok {
		case tokText:
			// Text comes whole between two tags (next merges it across
			// comments); once elements have come, it must be white space.
			if kind != KindInvalid {
				if !isSpaceOnly(d.text) {
					return Value{}, d.fail(ErrStructure, at, "text mixed with elements in <"+string(qn)+">")
				}
				continue
			}
			text = d.text
			mixed = !isSpaceOnly(text)
		case tokStart:
			if mixed {
				return Value{}, d.fail(ErrStructure, at, "text mixed with elements in <"+string(qn)+">")
			}
			switch {
			case string(d.local) == "item" && allowItems && kind != KindBag:
				kind = KindList
				d.pushStep("item", "", "")
				v, err := d.extraValue(at)
				if err != nil {
					return Value{}, err
				}
				d.vals = append(d.vals, v)
				d.path = d.path[:len(d.path)-1]
			case (string(d.local) == "property" || string(d.local) == "propertyList") && kind != KindList:
				kind = KindBag
				if err := d.property(); err != nil {
					return Value{}, err
				}
			default:
				return Value{}, d.fail(ErrStructure, at, "unexpected element <"+string(d.qname())+"> in <"+string(qn)+">")
			}
		case tokEnd:
			switch kind {
			case KindList:
				list := d.keepValues(d.vals[vbase:])
				clear(d.vals[vbase:])
				d.vals = d.vals[:vbase]
				return Value{kids: d.keepKids(kids{kind: KindList, list: list})}, nil
			case KindBag:
				bag, err := d.takeProps(pbase)
				return Value{kids: d.keepKids(kids{kind: KindBag, bag: bag})}, err
			}
			return d.inferXML(text), nil
		}
	}
}

// takeProps returns d.props[base:], checked for repeated names, and pops
// them.
func (d *xmlDecoder) takeProps(base int) ([]Property, error) {
	if len(d.props) == base { // most links and many resources have none
		return nil, nil
	}
	err := d.dupProps(base)
	ps := d.keepProps(d.props[base:])
	clear(d.props[base:])
	d.props = d.props[:base]
	d.propOffs = d.propOffs[:base]
	return ps, err
}

func (d *xmlDecoder) takeLinks(base int) []Link {
	ls := d.keepLinks(d.links[base:])
	clear(d.links[base:])
	d.links = d.links[:base]
	return ls
}

// property reads the <property> or <propertyList> just started and appends it
// to d.props, refusing a name already in d.props[base:].
func (d *xmlDecoder) property() error {
	local, at := "propertyList", d.tagStart
	if string(d.local) == "property" {
		local = "property"
	}
	var name string
	var va valueAttrs
	if a := d.attrs; len(a) == 1 && a[0].local == "name" && len(a[0].prefix) == 0 {
		name = a[0].value // the usual case, which the checks below accept
	} else {
		var ok bool
		if name, ok = d.attr("name"); !ok {
			return d.fail(ErrStructure, d.tagStart, "<"+string(d.qname())+"> has no name")
		}
		var err error
		if va, err = d.valueAttrs("name"); err != nil {
			return err
		}
	}
	d.pushStep(local, "name", name)
	var v Value
	var err error
	if local == "property" {
		v, err = d.elemValue(false)
	} else {
		vbase := len(d.vals)
		if !d.empty {
			qn := d.qname()
			err = d.children(qn, 0, func(at int) error {
				if string(d.local) != "item" {
					return d.fail(ErrStructure, at, "unexpected element <"+string(d.qname())+"> in <"+string(qn)+">")
				}
				d.pushStep("item", "", "")
				iv, err := d.extraValue(at)
				d.vals = append(d.vals, iv)
				d.path = d.path[:len(d.path)-1]
				return err
			})
		}
		list := d.keepValues(d.vals[vbase:])
		clear(d.vals[vbase:])
		d.vals = d.vals[:vbase]
		v = Value{kids: d.keepKids(kids{kind: KindList, list: list})}
	}
	if err == nil && (va.isNil || va.attrs != nil) {
		v, err = d.withValueAttrs(v, va, at)
	}
	if err != nil {
		return err
	}
	d.path = d.path[:len(d.path)-1]
	d.pushProp(name, v, at)
	return nil
}

// valueAttrs are the attributes of a <property>, <propertyList>, <item> or
// extra element besides its name: the others, and xsi:nil="true".
type valueAttrs struct {
	attrs []Property
	isNil bool
}

// valueAttrs reads the attributes of the start tag just read, but those
// named: see otherAttrs.
func (d *xmlDecoder) valueAttrs(names ...string) (valueAttrs, error) {
	pbase := len(d.props)
	isNil, err := d.otherAttrs(true, names...)
	if err != nil {
		d.popProps(pbase)
		return valueAttrs{}, err
	}
	attrs, _ := d.takeProps(pbase) // attribute names are unique already
	return valueAttrs{attrs, isNil}, nil
}

// withValueAttrs gives v, the value of the element that started at offset
// at, its attributes va: xsi:nil="true" makes it null (it must be empty),
// and the others are kept in its kids.
func (d *xmlDecoder) withValueAttrs(v Value, va valueAttrs, at int) (Value, error) {
	if va.isNil {
		if k := v.Kind(); k != KindNull && !(k == KindString && v.text == "") && !(k == KindList && len(v.List()) == 0) {
			return Value{}, d.fail(ErrStructure, at, "an element with xsi:nil=\"true\" has content")
		}
		v = scalar(KindNull, "")
	}
	if va.attrs == nil {
		return v, nil
	}
	return Value{text: v.text, kids: d.keepKids(v.kids.withAttrs(va.attrs))}, nil
}

// popProps pops d.props (and their offsets) down to base.
func (d *xmlDecoder) popProps(base int) {
	clear(d.props[base:])
	d.props, d.propOffs = d.props[:base], d.propOffs[:base]
}

// pushProp appends the property name: v, which starts at at, to d.props, a
// field at a time (see push).
func (d *xmlDecoder) pushProp(name string, v Value, at int) {
	push(&d.props).set(name, v)
	d.propOffs = append(d.propOffs, at)
}

// pushStep appends a step to d.path, a field at a time (see push).
func (d *xmlDecoder) pushStep(local, key, val string) {
	s := push(&d.path)
	s.local, s.key, s.val = local, key, val
}

// dupProps refuses a property bag, d.props[base:], that repeats a name, as
// JSON would.
func (d *xmlDecoder) dupProps(base int) error {
	ps := d.props[base:]
	if len(ps) <= 32 {
		for i := 1; i < len(ps); i++ {
			for j := range i {
				if ps[i].Name == ps[j].Name {
					return d.fail(ErrDuplicateName, d.propOffs[base+i], "duplicate property "+quoteCut(ps[i].Name))
				}
			}
		}
		return nil
	}
	seen := make(map[string]struct{}, len(ps))
	for i, p := range ps {
		if _, dup := seen[p.Name]; dup {
			return d.fail(ErrDuplicateName, d.propOffs[base+i], "duplicate property "+quoteCut(p.Name))
		}
		seen[p.Name] = struct{}{}
	}
	return nil
}

// resource reads the <resource> just started into r.
func (d *xmlDecoder) resource(r *Resource) error {
	var hasRel bool
	r.Rel, hasRel = d.attr("rel")
	pbase, lbase, rbase := len(d.props), len(d.links), len(d.res)
	if err := d.selfLink(hasRel); err != nil {
		return err
	}
	var err error
	if !d.empty {
		qn := d.qname()
		err = d.children(qn, plainLinks|plainProps, func(at int) error {
			switch string(d.local) {
			case "property", "propertyList":
				return d.property()
			case "link":
				return d.link()
			case "resource":
				return d.embedded()
			}
			return d.fail(ErrStructure, at, "unexpected element <"+string(d.qname())+"> in <"+string(qn)+">")
		})
	}
	ps, dupErr := d.takeProps(pbase)
	r.Properties = ps
	if err == nil {
		err = dupErr
	}
	r.Links = d.takeLinks(lbase)
	r.Embedded = d.keepResources(d.res[rbase:])
	clear(d.res[rbase:])
	d.res = d.res[:rbase]
	return err
}

// b2i returns 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// selfLink pushes onto d.links the self link that the href attribute of
// the <resource> or <events> just started carries, with its other
// attributes (but rel, which hasRel says it has) in Attrs: a self link
// without an href when there are attributes but no href.
func (d *xmlDecoder) selfLink(hasRel bool) error {
	href, hasHref := d.attr("href")
	if len(d.attrs) == b2i(hasRel)+b2i(hasHref) {
		if hasHref {
			l := push(&d.links) // zero: takeLinks clears what it pops
			l.Rel, l.Href = "self", href
		}
		return nil
	}
	pbase := len(d.props)
	if _, err := d.otherAttrs(false, "rel", "href"); err != nil {
		return err
	}
	attrs, _ := d.takeProps(pbase) // attribute names are unique already
	if attrs != nil || hasHref {
		l := push(&d.links)
		l.Rel, l.Href, l.Attrs, l.noHref = "self", href, attrs, !hasHref
	}
	return nil
}

// embedded reads the <resource> just started inside another onto d.res.
func (d *xmlDecoder) embedded() error {
	rel, _ := d.attr("rel")
	d.pushStep("resource", "rel", rel)
	var e Resource
	err := d.resource(&e)
	d.res = append(d.res, e)
	d.path = d.path[:len(d.path)-1]
	return err
}

// eventResource reads the <resource> an event element embeds.
func (d *xmlDecoder) eventResource() (*Resource, error) {
	rel, _ := d.attr("rel")
	d.pushStep("resource", "rel", rel)
	var r Resource
	if err := d.resource(&r); err != nil {
		return nil, err
	}
	d.path = d.path[:len(d.path)-1]
	return d.keepResource(r), nil
}

// topResource reads a resource body: a <resource>, or an <input>, which is
// how the reference writes some PUT bodies in XML. A resource read from an
// <input> is marked so (asInput), to be written back as one.
func (d *xmlDecoder) topResource(r *Resource) error {
	if err := d.root("resource", "input"); err != nil {
		return err
	}
	r.asInput = string(d.local) == "input"
	if err := d.resource(r); err != nil {
		return err
	}
	return d.end()
}

func (d *xmlDecoder) input(in *Input) error {
	if err := d.root("input"); err != nil {
		return err
	}
	if err := d.onlyAttrs(); err != nil {
		return err
	}
	var err error
	if !d.empty {
		err = d.children(d.qname(), plainLinks|plainProps, func(at int) error {
			switch string(d.local) {
			case "property", "propertyList":
				return d.property()
			case "link":
				return d.link()
			}
			return d.fail(ErrStructure, at, "unexpected element <"+string(d.qname())+"> in <input>")
		})
	}
	ps, dupErr := d.takeProps(0)
	in.Properties = ps
	if err == nil {
		err = dupErr
	}
	in.Links = d.takeLinks(0)
	if err != nil {
		return err
	}
	return d.end()
}

func (d *xmlDecoder) events(ev *Events) error {
	if err := d.root("events"); err != nil {
		return err
	}
	if err := d.selfLink(false); err != nil {
		return err
	}
	var err error
	if !d.empty {
		err = d.children(d.qname(), plainLinks, func(at int) error {
			switch string(d.local) {
			case "link":
				return d.link()
			case "sender":
				var s Sender
				err := d.sender(&s)
				d.endSender(s)
				return err
			case "property", "propertyList":
				return d.property()
			}
			return d.extraElement(at)
		})
	}
	ev.Senders = d.takeSenders()
	ev.Links = d.takeLinks(0)
	ev.Extra, err = d.takeExtra(0, err)
	if err != nil {
		return err
	}
	return d.end()
}

func (d *xmlDecoder) sender(s *Sender) error {
	var hasRel, hasHref bool
	s.Rel, hasRel = d.attr("rel")
	s.Href, hasHref = d.attr("href")
	if len(d.attrs) > b2i(hasRel)+b2i(hasHref) {
		// Attributes other than rel and href: the sender's extra members.
		pbase := len(d.props)
		if _, err := d.otherAttrs(false, "rel", "href"); err != nil {
			return err
		}
		s.Extra, _ = d.takeProps(pbase) // attribute names are unique already
	}
	d.pushStep("sender", "rel", s.Rel)
	if d.empty {
		d.path = d.path[:len(d.path)-1]
		return nil
	}
	err := d.children(d.qname(), 0, func(at int) error {
		e := Event{Type: d.keepEventType(d.local)}
		d.pushStep(string(e.Type), "", "")
		err := d.event(&e)
		d.path = d.path[:len(d.path)-1]
		d.evs = append(d.evs, e)
		return err
	})
	if err == nil {
		d.path = d.path[:len(d.path)-1]
	}
	return err
}

// event reads the event element just started: <added rel href> with
// optional <resource>, <in/>, <status> and <reason> children.
func (d *xmlDecoder) event(e *Event) error {
	if err := d.linkAttrs(&e.Link); err != nil {
		return err
	}
	if d.empty {
		return nil
	}
	qn := d.qname()
	base := len(d.props)
	hasStatus := false
	err := d.children(qn, 0, func(at int) error {
		switch string(d.local) {
		case "resource":
			if e.Resource != nil {
				return d.fail(ErrStructure, at, "an event embeds more than one resource")
			}
			var err error
			e.Resource, err = d.eventResource()
			return err
		case "in":
			if e.In != nil {
				return d.fail(ErrStructure, at, "an event has more than one <in>")
			}
			e.In = new(Link)
			if err := d.linkAttrs(e.In); err != nil {
				return err
			}
			return d.skipEmpty()
		case "status":
			if hasStatus {
				return d.fail(ErrStructure, at, "an event has more than one <status>")
			}
			hasStatus = true
			var err error
			e.Status, _, err = d.textField("status", at)
			return err
		case "reason":
			if e.Reason != nil {
				return d.fail(ErrStructure, at, "an event has more than one <reason>")
			}
			e.Reason = new(Error)
			d.pushStep("reason", "", "")
			if err := d.reason(e.Reason, false); err != nil {
				return err
			}
			d.path = d.path[:len(d.path)-1]
			return nil
		case "property", "propertyList":
			return d.property()
		}
		return d.extraElement(at)
	})
	e.Extra, err = d.takeExtra(base, err)
	return err
}

// extraValue reads the element just started at offset at, an <item> or an
// extra element, as a <property> is read, its attributes included (see
// Value.Attrs): text, <item> children, <property> children, or nothing
// (null).
func (d *xmlDecoder) extraValue(at int) (Value, error) {
	var va valueAttrs
	if len(d.attrs) > 0 {
		var err error
		if va, err = d.valueAttrs(); err != nil {
			return Value{}, err
		}
	}
	v, err := d.elemValue(true)
	if err == nil && (va.isNil || va.attrs != nil) {
		v, err = d.withValueAttrs(v, va, at)
	}
	return v, err
}

// extraElement reads the element just started at offset at, a child of
// <events>, of an event element or of <reason> that this package does not
// know, onto d.props: a property named after it (see extraValue).
func (d *xmlDecoder) extraElement(at int) error {
	local := d.local // a slice of buf, which the reads below leave alone
	d.pushStep(string(local), "", "")
	v, err := d.extraValue(at)
	if err != nil {
		return err
	}
	d.path = d.path[:len(d.path)-1]
	d.pushProp(d.keep(local), v, at)
	return nil
}

// textField reads the element just started at offset at, named name, whose
// field holds text (<code>, <status>, …): it returns the text of a scalar
// without attributes. Anything else (null, <code/>, a list, a bag, a value
// with attributes) does not fit the field: it is pushed onto d.props, an
// extra member as it came, and isText is false.
func (d *xmlDecoder) textField(name string, at int) (text string, isText bool, err error) {
	d.pushStep(name, "", "")
	v, err := d.extraValue(at)
	if err != nil {
		return "", false, err
	}
	d.path = d.path[:len(d.path)-1]
	switch v.kids {
	case &scalarKids[KindString], &scalarKids[KindBool], &scalarKids[KindDate]:
		return v.text, true, nil
	}
	d.pushProp(name, v, at)
	return "", false, nil
}

// takeExtra takes the properties extraElement pushed since base, refusing
// a repeated name, and returns them with err, the error of the reading, or
// else that refusal.
func (d *xmlDecoder) takeExtra(base int, err error) ([]Property, error) {
	extra, dupErr := d.takeProps(base)
	if err == nil {
		err = dupErr
	}
	return extra, err
}

func (d *xmlDecoder) errorBody(e *Error) error {
	if err := d.root("reason"); err != nil {
		return err
	}
	if err := d.reason(e, true); err != nil {
		return err
	}
	return d.end()
}

// reason reads the <reason> just started: <code>, <subcode>, <message>,
// <link/>, <parameters>, <debugInfo>, and any other element, kept in Extra
// (see extraElement and textField). An error body needs a <code> (of any
// content), which is what tells it from another element; the reason of an
// event (needCode false) need not have one.
func (d *xmlDecoder) reason(e *Error, needCode bool) error {
	start := d.pos
	if err := d.onlyAttrs(); err != nil {
		return err
	}
	hasCode := false
	pbase := len(d.props)
	var err error
	if !d.empty {
		err = d.children(d.qname(), 0, func(at int) error {
			switch string(d.local) {
			case "code":
				s, _, err := d.textField("code", at)
				e.Code, hasCode = Code(s), true
				return err
			case "subcode":
				s, _, err := d.textField("subcode", at)
				e.Subcode = Subcode(s)
				return err
			case "message":
				var err error
				e.Message, _, err = d.textField("message", at)
				return err
			case "link":
				e.Link = new(Link)
				if err := d.linkAttrs(e.Link); err != nil {
					return err
				}
				return d.skipEmpty()
			case "parameters", "debugInfo":
				return d.errorBag(e, at)
			case "property", "propertyList":
				return d.property()
			}
			return d.extraElement(at)
		})
	}
	e.Extra, err = d.takeExtra(pbase, err)
	if !hasCode {
		// A code that is not text, as JSON's {"code": []}, is written as
		// <propertyList name="code">: an extra named code is a code too.
		_, hasCode = Lookup(e.Extra, "code")
	}
	if err == nil && needCode && !hasCode {
		return d.fail(ErrStructure, start, "<reason> has no <code>")
	}
	return err
}

// errorBag reads the <parameters> or <debugInfo> of an error body just
// started at offset at. Property children, or none (<parameters/>), are the
// field's; anything else (text, items, attributes) does not fit it, and is
// kept in Extra as it came.
func (d *xmlDecoder) errorBag(e *Error, at int) error {
	name := "parameters"
	if string(d.local) == "debugInfo" {
		name = "debugInfo"
	}
	pbase := len(d.props)
	if err := d.extraElement(at); err != nil {
		return err
	}
	v := d.props[pbase].Value
	switch k := v.kids; {
	case k == &scalarKids[KindNull] || k == &scalarKids[KindString] && v.text == "" || k.kind == KindBag:
		ps := v.Bag()
		d.popProps(pbase)
		if name == "parameters" {
			e.Parameters, e.hasParameters = ps, true
		} else {
			e.DebugInfo, e.hasDebugInfo = ps, true
		}
	}
	return nil
}

// plainHits marks, with the top bit of its byte, each byte of w (eight bytes
// of text) that is a control character, non-ASCII, or one of c1, c2 and c3 (a
// byte repeated eight times, as ('<' * lsb)); see jsonHits for how. A byte
// above a marked one may be marked wrongly (a borrow), so only the lowest mark
// is exact. It is inlined into plainEnd, which the scans below share, with
// their constants passed in registers.
func plainHits(w, c1, c2, c3 uint64) uint64 {
	return ((w - 0x20*lsb) | ((w ^ c1) - lsb) | ((w ^ c2) - lsb) | ((w ^ c3) - lsb) | w) & msb
}

// quotHits is plainHits(w, '"'*lsb, '<'*lsb, '&'*lsb) in fewer operations:
// one test finds both '"' and the control characters, as in jsonMarks.
func quotHits(w uint64) uint64 {
	return (((w ^ 0x02*lsb) - 0x21*lsb) | ((w ^ '<'*lsb) - lsb) | ((w ^ '&'*lsb) - lsb) | w) & msb
}

// textSpecial and attrSpecial mark the bytes that end a plain run of text and
// of an attribute value in double or single quotes.
var textSpecial, attrSpecial2, attrSpecial1 = func() (t, a2, a1 [256]bool) {
	for c := range 256 {
		ctl := c < 0x20 || c >= 0x80
		t[c] = ctl || c == '<' || c == '&' || c == ']'
		a2[c] = ctl || c == '<' || c == '&' || c == '"'
		a1[c] = ctl || c == '<' || c == '&' || c == '\''
	}
	return
}()

// textPlainPrefix: up to '<', '&', ']', a control character (tab and LF
// among them) or a non-ASCII byte.
func textPlainPrefix(s []byte) int { return plainEnd(s, '<'*lsb, '&'*lsb, ']'*lsb, &textSpecial) }

// attrPlainPrefix: up to the quote q, '<', '&', a control character or a
// non-ASCII byte.
func attrPlainPrefix(s []byte, q byte) int {
	if q == '"' {
		return quotPlainPrefix(s)
	}
	return plainEnd(s, '\''*lsb, '<'*lsb, '&'*lsb, &attrSpecial1)
}

// quotPlainPrefix is attrPlainPrefix(s, '"').
func quotPlainPrefix(s []byte) int { return plainEnd(s, '"'*lsb, '<'*lsb, '&'*lsb, &attrSpecial2) }

// plainEnd returns the length of the plain run at the start of s: up to a
// byte that plainHits marks with c1, c2 and c3, eight bytes at a time, and
// then up to a byte that special marks.
func plainEnd(s []byte, c1, c2, c3 uint64, special *[256]bool) int {
	i := 0
	for ; i < len(s)-7; i += 8 {
		if hit := plainHits(binary.LittleEndian.Uint64(s[i:]), c1, c2, c3); hit != 0 {
			return i + bits.TrailingZeros64(hit)/8
		}
	}
	for i < len(s) && !special[s[i]] {
		i++
	}
	return i
}
