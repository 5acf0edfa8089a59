package ucwa

import (
	"encoding/binary"
	"unicode/utf8"
)

// JSON strings, as the encoder writes them: quoted, with the escapes RFC 8259
// requires and no others, in their shortest form. Most strings need none,
// and appendJSONQuoted copies and checks them eight bytes at a time;
// appendJSONEscaped writes the others. A string that is not valid UTF-8, or
// holds NUL, which the decoder refuses, is not written.

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
			dst = append(dst,
				byte(lo), byte(lo>>8), byte(lo>>16), byte(lo>>24),
				byte(lo>>32), byte(lo>>40), byte(lo>>48), byte(lo>>56),
				byte(hi), byte(hi>>8), byte(hi>>16), byte(hi>>24),
				byte(hi>>32), byte(hi>>40), byte(hi>>48), byte(hi>>56))
		}
		// The loop appended i-(n-16) bytes past n-16, which the last two
		// words write again.
		lo := load64(s[n-16:])
		a, b = load64(s), load64(s[n-8:])
		marks |= jsonMarks(lo) | jsonMarks(b)
		dst = dst[:len(dst)-(i-(n-16))]
		dst = append(dst,
			byte(lo), byte(lo>>8), byte(lo>>16), byte(lo>>24),
			byte(lo>>32), byte(lo>>40), byte(lo>>48), byte(lo>>56),
			byte(b), byte(b>>8), byte(b>>16), byte(b>>24),
			byte(b>>32), byte(b>>40), byte(b>>48), byte(b>>56))
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
