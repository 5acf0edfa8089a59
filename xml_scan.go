package ucwa

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The XML tokenizer: the xmlDecoder and the steps the model builder
// (xml_decode.go) reads a body with: names, character data and references,
// the prolog, comments and processing instructions, and the tokens of
// element content; start tags and their attributes are read in xml_tag.go.
// It reads XML 1.0 with namespaces, strictly. There is no DTD: a DOCTYPE,
// and any entity reference but the five predefined ones and character
// references, is refused (ErrDTD), so nothing is ever expanded. Characters
// XML 1.0 forbids (NUL and the other C0 controls but tab, CR and LF; U+FFFE,
// U+FFFF) and invalid UTF-8 are refused, as is anything but white space,
// comments and processing instructions after the root element. The root
// element must be in the UCWA namespace (ErrNamespace), and so must every
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

// pushStep appends a step to d.path, a field at a time (see push).
func (d *xmlDecoder) pushStep(local, key, val string) {
	s := push(&d.path)
	s.local, s.key, s.val = local, key, val
}

// popStep takes the last step off d.path, once its element is read. A reader
// that fails need not pop: its error has its path already, and reset empties
// the stack.
func (d *xmlDecoder) popStep() { d.path = d.path[:len(d.path)-1] }

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

// asciiNameByte is nameByte for all 256 bytes: false from 0x80 on.
var asciiNameByte = func() (t [256]bool) {
	copy(t[:], nameByte[:])
	return t
}()

// asciiLocalByte is asciiNameByte without the colon.
var asciiLocalByte = func() (t [256]bool) {
	copy(t[:], nameByte[:])
	t[':'] = false
	return t
}()

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
	if end := i + 2 + len(qn); end < len(buf) && buf[i] == '<' && buf[i+1] == '/' && buf[end] == '>' &&
		string(buf[i+2:end]) == string(qn) {
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
		i = skipIndent(buf, i)
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
	return d.fail(ErrStructure, start,
		"root element <"+string(d.qname())+"> is not <"+strings.Join(locals, "> or <")+">")
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
