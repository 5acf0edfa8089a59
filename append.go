package ucwa

import "time"

// The encoders' building blocks, for typed encoders outside this package
// (package api is one): each writes a value exactly as the encoders of
// [Input] and [Resource] write it, and allocates nothing when dst has room.

// AppendJSONString appends s to dst as a JSON string, quoted and escaped as
// the encoders write strings. It reports false, and returns dst unchanged,
// when s holds invalid UTF-8 or NUL, which the decoders refuse.
func AppendJSONString(dst []byte, s string) ([]byte, bool) {
	n := len(dst)
	d, ok := appendJSONString(dst, s)
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
	n := len(dst)
	d, ok := appendXMLEscaped(dst, s, attr)
	if !ok {
		return d[:n], false
	}
	return d, true
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
