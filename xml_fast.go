package ucwa

import (
	"encoding/binary"
	"math/bits"
)

// The XML decoder's fast paths: <link rel="…" href="…"/>, <property
// name="…">text</property> and <item>text</item> as nearly all are written,
// read straight into the model without tokens. Each reads only what it fits, and leaves anything
// else unread to the general path (xml_decode.go), which also refuses what
// is wrong. xmlDecoder.general turns them off, for the tests that compare
// the two paths.

// plainKids says which children of an element children's fast paths may
// read: those that the element reads with d.link or d.property.
type plainKids uint8

const (
	plainLinks plainKids = 1 << iota // <link> children, read by plainLink
	plainProps                       // <property> children, read by plainProperty
	plainItems                       // <item> children (of a <propertyList>), read by plainItem
)

// plainLink is the fast path of children for a <link> child (see plainKids)
// at buf[i:] that is as nearly all links are: <link rel="…" href="…"/>,
// written so, with a rel in the intern table and an href of plain ASCII (as
// knownAttr reads them), in the UCWA namespace. It reads it onto d.links as
// d.link would, and reports true; for any other element it reads nothing and
// reports false, and the general path reads it (and finds any error).
func (d *xmlDecoder) plainLink(i int) bool {
	const tag = '<' | 'l'<<8 | 'i'<<16 | 'n'<<24 | 'k'<<32 | ' '<<40 // "<link "
	buf := d.buf
	if i+64 > len(buf) || load64b(buf, i)&mask6 != tag || load64b(buf, i+6)&mask5 != attrRel ||
		d.depth >= d.maxDepth {
		return false
	}
	// The rel: up to its quote, and in the intern table, whose names are
	// all plain.
	vs := i + 11
	ve := quoteIn32(buf, vs)
	if ve < 0 || buf[ve+1] != ' ' {
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
	if rel < 0 || !isUCWA(d.defaultNS()) {
		return false
	}
	l := push(&d.links) // zero, as in link
	l.Rel, l.Href = internEntries[rel].name, d.keep(buf[hs:he])
	d.pos = j + 2
	return true
}

// quoteIn32 returns the index of the first '"' among the 32 bytes of buf
// from i, which buf must hold, or -1: the end of a value that the intern
// table must then hold, which tells it is plain, so that the other bytes
// need no look (see quotHits).
func quoteIn32(buf []byte, i int) int {
	b := buf[i : i+32 : i+32] // one bounds check for the four words
	for k := 0; k < 32; k += 8 {
		x := binary.LittleEndian.Uint64(b[k:]) ^ '"'*lsb
		if hit := (x - lsb) &^ x & msb; hit != 0 {
			return i + k + bits.TrailingZeros64(hit)/8
		}
	}
	return -1
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
	// The name: up to its quote, and in the intern table (see plainLink).
	if load64b(buf, i+10)&mask6 != attrName {
		return false
	}
	vs := i + 16
	ve := quoteIn32(buf, vs)
	if ve < 0 || buf[ve+1] != '>' {
		return false
	}
	ts := ve + 2
	te := ts + textPlainPrefix(buf[ts:])
	if te+11 > len(buf) || load64b(buf, te) != end || buf[te+8] != 't' || buf[te+9] != 'y' || buf[te+10] != '>' {
		return false
	}
	k := internIndex(buf[vs:ve])
	if k < 0 || !isUCWA(d.defaultNS()) {
		return false
	}
	d.pushProp(internEntries[k].name, d.inferXML(buf[ts:te]), i)
	d.pos = te + 11
	return true
}

// plainItem is the fast path of children for an <item> child of a
// <propertyList> (see plainKids) at buf[i:] that is as most items are:
// <item>text</item>, written so, with text of plain ASCII, in the UCWA
// namespace. It reads its value onto d.vals as the general path would, and
// reports true; for any other element it reads nothing and reports false.
func (d *xmlDecoder) plainItem(i int) bool {
	const (
		tag = '<' | 'i'<<8 | 't'<<16 | 'e'<<24 | 'm'<<32 | '>'<<40           // "<item>"
		end = '<' | '/'<<8 | 'i'<<16 | 't'<<24 | 'e'<<32 | 'm'<<40 | '>'<<48 // "</item>"
	)
	buf := d.buf
	if i+64 > len(buf) || load64b(buf, i)&mask6 != tag || d.depth >= d.maxDepth {
		return false
	}
	ts := i + 6
	te := ts + textPlainPrefix(buf[ts:])
	if te+8 > len(buf) || load64b(buf, te)&mask7 != end || !isUCWA(d.defaultNS()) {
		return false
	}
	d.vals = append(d.vals, d.inferXML(buf[ts:te]))
	d.pos = te + 7
	return true
}
