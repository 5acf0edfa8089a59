package ucwa

import "math/bits"

// The JSON decoder's fast paths: link objects as nearly all are written,
// {"href": "…"} under an interned rel, read without the scanner's general
// steps. Each reads only what it fits, and leaves anything else unread to
// the general path (json_decode.go), which also refuses what is wrong.
// jsonDecoder.general turns them off, for the tests that compare the two
// paths.

// hrefOnly reads a link object that holds an href and nothing else, as
// nearly all do: {"href": "…"}, compact or indented (any white space but
// around the colon, where at most a space on each side). For any other object,
// or one too deep, it reports false with nothing read, and link reads it the
// general way, which also finds any error. The object has one name, so it
// needs no duplicate check and nothing on d.names.
func (d *jsonDecoder) hrefOnly(l *Link, place linkPlace) bool {
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
	l.Href, l.noRel = d.keep(s), place == eventLink
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

// linkRun reads, for relSet, the links that come next in a "_links" object
// as nearly all links come: a rel that is an interned name (see internName)
// holding an object with an href and nothing else, {"href": "…"}, whose
// string has no escapes and only ASCII. White space may be a line break and
// spaces before a name or a brace, and a space on each side of a colon. It
// stops, with nothing read of it, before a member that is not so, and
// relSet reads that one the general way, which also finds any error.
//
// It is hrefOnly and nextMember in one loop, without their calls: most of
// a resource's members are links.
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
