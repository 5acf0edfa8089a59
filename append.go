package ucwa

import "time"

// The encoders' building blocks, for typed encoders outside this package
// (package api is one): each writes a value exactly as the encoders of
// [Input] and [Resource] write it, and allocates nothing when dst has room.

// AppendJSONString appends s to dst as a JSON string, quoted and escaped as
// the encoders write strings. It reports false, and returns dst unchanged,
// when s holds invalid UTF-8 or NUL, which the decoders refuse.
func AppendJSONString(dst []byte, s string) ([]byte, bool) {
	if len(s) < longString {
		if d, _, _, plain := appendJSONQuoted(dst, s); plain {
			return d, true
		}
	} else if jsonPlainLong(s) {
		dst = append(dst, '"')
		dst = append(dst, s...)
		return append(dst, '"'), true
	}
	return appendJSONSlow(dst, s)
}

// appendJSONSlow is AppendJSONString for a string that needs escapes or
// cannot be written.
func appendJSONSlow(dst []byte, s string) ([]byte, bool) {
	n := len(dst)
	d, ok := appendJSONEscaped(dst, s)
	if !ok {
		return d[:n], false
	}
	return d, true
}

// AppendXMLText appends s escaped as the text of an element (attr false) or
// as the content of a double-quoted attribute value (attr true), as the
// encoders write property values and hrefs. It reports false, and returns
// dst unchanged, when s holds what XML 1.0 cannot carry: invalid UTF-8, a
// control character other than tab, LF and CR, U+FFFE or U+FFFF.
func AppendXMLText(dst []byte, s string, attr bool) ([]byte, bool) {
	if len(s) < longString {
		if d, plain := appendXMLPlain(dst, s); plain {
			return d, true
		}
	} else if xmlPlainLong(s) {
		return append(dst, s...), true
	}
	return appendXMLSlow(dst, s, attr)
}

// appendXMLSlow is AppendXMLText for a string that needs escapes or cannot
// be written.
func appendXMLSlow(dst []byte, s string, attr bool) ([]byte, bool) {
	n := len(dst)
	d, ok := appendXMLEscapedRuns(dst, s, attr)
	if !ok {
		return d[:n], false
	}
	return d, true
}

// longString is the length from which AppendJSONString and AppendXMLText
// check a string whole before they copy it with one call to memmove: the
// check reads four words a pass and stores nothing, and past this length the
// call costs less than the stores of the one-pass copy (appendJSONQuoted),
// which suits the short strings most values are.
const longString = 64

// jsonPlainLong reports whether a JSON string holds s, of at least 8 bytes,
// as it is. The marks of all its words are ORed and tested once, as
// appendJSONQuoted does; the last word is read overlapping the others, for
// the bytes past the last whole one.
func jsonPlainLong(s string) bool {
	var m uint64
	last := load64(s[len(s)-8:])
	for len(s) >= 32 {
		w := s[:32]
		m |= jsonMarks(load64(w[:8])) | jsonMarks(load64(w[8:16])) | jsonMarks(load64(w[16:24])) | jsonMarks(load64(w[24:32]))
		s = s[32:]
	}
	for len(s) >= 8 {
		m |= jsonMarks(load64(s[:8]))
		s = s[8:]
	}
	return (m|jsonMarks(last))&msb == 0
}

// xmlPlainLong is jsonPlainLong for XML text and attribute values.
func xmlPlainLong(s string) bool {
	var m uint64
	last := load64(s[len(s)-8:])
	for len(s) >= 32 {
		w := s[:32]
		m |= xmlMarks(load64(w[:8])) | xmlMarks(load64(w[8:16])) | xmlMarks(load64(w[16:24])) | xmlMarks(load64(w[24:32]))
		s = s[32:]
	}
	for len(s) >= 8 {
		m |= xmlMarks(load64(s[:8]))
		s = s[8:]
	}
	return (m|xmlMarks(last))&msb == 0
}

// AppendDate appends the date t as the encoders write [Date](t) in format
// f: in JSON the quoted string "\/Date(1436925243767-0500)\/" (to the
// millisecond), in XML the text 2015-07-14T20:54:03.7675175-05:00 (to 100
// nanoseconds). It reports false, and returns dst unchanged, when t cannot
// be written: its offset is beyond ±23:59 or its year in that offset
// outside 0001 to 9999, or f is not a format.
func AppendDate(dst []byte, t time.Time, f Format) ([]byte, bool) {
	p, ok := datePartsOf(t)
	if !ok {
		return dst, false
	}
	switch f {
	case JSON:
		dst = append(dst, '"')
		return append(appendJSONParts(dst, p), '"'), true
	case XML:
		return appendISOParts(dst, p, 7), true
	}
	return dst, false
}
