package ucwa

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// The XML tokenizer's start tags: the element's name, its attributes and
// the namespaces they declare. The names and attributes UCWA writes on
// nearly every element (knownElem, knownAttr) are recognized with a word
// load and a few compares; the general readers take the rest.

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
	// Two words a pass while sixteen bytes remain, as jsonPlainEnd reads
	// (most hrefs are longer), then one.
	j := vstart
	for ; j >= 0 && j < len(buf)-15; j += 16 {
		if hit := quotHits(binary.LittleEndian.Uint64(buf[j:])); hit != 0 {
			j += bits.TrailingZeros64(hit) / 8
			goto found
		}
		if hit := quotHits(binary.LittleEndian.Uint64(buf[j+8:])); hit != 0 {
			j += 8 + bits.TrailingZeros64(hit)/8
			goto found
		}
	}
	for ; j >= 0 && j < len(buf)-7; j += 8 {
		if hit := quotHits(binary.LittleEndian.Uint64(buf[j:])); hit != 0 {
			j += bits.TrailingZeros64(hit) / 8
			goto found
		}
	}
	return "", 0, 0
found: // the first byte the value cannot hold as it is, at j
	if buf[j] == '"' {
		return name, vstart, j
	}
	return "", 0, 0
}

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

// canonicalNS returns the package's own copy of the UCWA namespace, ucwaNS,
// when uri is it, so that the comparison made for every element is of
// pointers (see isUCWA), and a copy of any other: uri may be d.scratch.
func canonicalNS(uri []byte) string {
	if string(uri) == Namespace {
		return ucwaNS
	}
	return string(uri)
}

// ucwaNS is the one copy of Namespace that the bindings of d.ns hold.
var ucwaNS = Namespace

// isUCWA reports whether uri, a namespace d.ns holds, is UCWA's: as
// canonicalNS gives every binding of it ucwaNS, by its pointer, without the
// call a comparison of the bytes costs.
func isUCWA(uri string) bool {
	return unsafe.StringData(uri) == unsafe.StringData(ucwaNS) && len(uri) == len(ucwaNS)
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
	if !isUCWA(uri) {
		if d.depth == 1 {
			return d.fail(ErrNamespace, start, "root element <"+string(qn)+"> is in namespace "+quoteCut(uri)+
				", not "+Namespace)
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
		if len(v) == 0 || string(l) == "xmlns" ||
			(string(l) == "xml") != (string(v) == "http://www.w3.org/XML/1998/namespace") ||
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

// leave ends the scope of the element just closed.
func (d *xmlDecoder) leave() {
	for len(d.ns) > 0 && d.ns[len(d.ns)-1].depth >= d.depth {
		d.ns = d.ns[:len(d.ns)-1]
	}
	d.depth--
}
