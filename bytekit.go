package ucwa

import (
	"encoding/binary"
	"math/bits"
)

// The byte kit both formats read and write with: word loads, the masks that
// test the eight bytes of a word at once, the scanners built on them (plain
// runs of string, text and attribute bytes, white space) and hex digits.
//
// A word is eight bytes loaded little endian, so that its lowest byte comes
// first. A marks function sets the high bit of each byte that needs a look:
// for a byte below 0x80, x - lsb borrows into its high bit only when the
// byte of x is 0, so comparing every byte with c is (w ^ c*lsb) - lsb. A
// borrow may also mark the bytes above a marked one, so only the lowest mark
// is exact: a scanner stops there (bits.TrailingZeros64(hit)/8).

// lsb has the lowest bit of each byte of a word set, msb the highest: c*lsb
// is the byte c eight times.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// load64 reads the 8 bytes of s, little endian (the compiler makes it one
// load).
func load64[S string | []byte](s S) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 reads the 4 bytes of s, little endian, as load64 does.
func load32[S string | []byte](s S) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// load64b reads the 8 bytes of b from i, little endian.
func load64b(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i : i+8]) }

func load32b(b []byte, i int) uint32 { return binary.LittleEndian.Uint32(b[i : i+4]) }

// jsonEscape marks the bytes that need attention when quoting: '"', '\\',
// control characters, and the bytes of multi-byte sequences (to validate).
var jsonEscape = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80
	}
	return t
}()

// jsonHits has the high bit set of each of the 8 bytes of w (little endian)
// that a JSON string cannot hold as it is: '"', '\\', a control character, a
// byte of a multi-byte sequence (to validate). For a byte below 0x80, x - lsb
// borrows into its high bit only when the byte of x is 0; borrows may also
// mark bytes above a hit, so only the lowest hit is exact.
func jsonHits(w uint64) uint64 { return jsonMarks(w) & msb }

// jsonMarks is jsonHits before the high bits are picked out: a copy ORs the
// marks of all its words and picks them out once.
//
// One test finds both '"' and the control characters: b^2 maps '"' to ' '
// and keeps the bytes below ' ' below it, so b^2 < 0x21 holds for them and
// for no other byte. The two tests also mark every byte from 0x80 up, with
// no test of their own: b^2 - 0x21 keeps the high bit of b^2 >= 0xA1, and
// the bytes below that, 0x80 to 0xA2, are 0xC0 or more after ^'\\', which
// keeps the high bit of the second test.
func jsonMarks(w uint64) uint64 {
	return ((w ^ 0x02*lsb) - 0x21*lsb) | ((w ^ '\\'*lsb) - lsb)
}

// xmlText marks the bytes that need attention in text and attribute values:
// markup characters, quotes, white space other than space (which attribute
// values would normalize, and CR which text would), control characters, and
// the bytes of multi-byte sequences (to validate).
var xmlText = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"' || c >= 0x80
	}
	return t
}()

// xmlHits is jsonHits for XML: the bytes that need attention in text and
// attribute values. b|2 is '>' for both '<' and '>', b|4 is '&' for both '&'
// and '"', so two tests find four characters.
func xmlHits(w uint64) uint64 { return xmlMarks(w) & msb }

// xmlMarks is xmlHits before the high bits are picked out, as jsonMarks.
func xmlMarks(w uint64) uint64 {
	gt := (w | 0x02*lsb) ^ ('>' * lsb)
	amp := (w | 0x04*lsb) ^ ('&' * lsb)
	return (w - 0x20*lsb) | (gt - lsb) | (amp - lsb) | w
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

// jsonPlainEnd returns the index of the first byte of buf from i on that a
// string's plain run cannot hold ('"', '\\', a control byte or a byte of a
// multi-byte sequence), or len(buf). It is apart from str so that its loop,
// eight bytes at a time, keeps everything in registers. It reads two words a
// pass while sixteen bytes remain, then one: the pass's count and test are
// paid once for both, and most strings (hrefs above all) are longer than
// sixteen bytes.
//
// The loops' condition, i >= 0 && i < len(buf)-7 (-15), is what lets the
// compiler prove that buf[i:] holds eight bytes (sixteen), so that the loop
// checks no bounds. The other loops over words (skipIndent) are written so
// too.
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

// jsonPlainPrefix returns the length of the longest prefix of s that a JSON
// string holds as it is, checking eight bytes at a time; the last, partial
// word is read overlapping the one before it.
func jsonPlainPrefix(s string) int {
	n := len(s)
	if n < 8 {
		i := 0
		for i < n && !jsonEscape[s[i]] {
			i++
		}
		return i
	}
	i := 0
	for ; i+8 <= n; i += 8 {
		if hit := jsonHits(load64(s[i : i+8])); hit != 0 {
			return i + bits.TrailingZeros64(hit)/8
		}
	}
	if i == n {
		return n
	}
	// Bytes n-8 … i-1 of the last word are known plain: they borrow nothing.
	if hit := jsonHits(load64(s[n-8:])) &^ (1<<(8*(i-(n-8))) - 1); hit != 0 {
		return n - 8 + bits.TrailingZeros64(hit)/8
	}
	return n
}

// xmlPlainPrefix returns the length of the longest prefix of s that XML text
// and attribute values hold as it is; see jsonPlainPrefix.
func xmlPlainPrefix(s string) int {
	n := len(s)
	if n < 8 {
		i := 0
		for i < n && !xmlText[s[i]] {
			i++
		}
		return i
	}
	i := 0
	for ; i+8 <= n; i += 8 {
		if hit := xmlHits(load64(s[i : i+8])); hit != 0 {
			return i + bits.TrailingZeros64(hit)/8
		}
	}
	if i == n {
		return n
	}
	if hit := xmlHits(load64(s[n-8:])) &^ (1<<(8*(i-(n-8))) - 1); hit != 0 {
		return n - 8 + bits.TrailingZeros64(hit)/8
	}
	return n
}

// textSpecial, attrSpecial2 and attrSpecial1 mark the bytes that end a plain
// run of text and of an attribute value in double or single quotes.
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

// skipIndent returns the index in buf past a line feed at i, if any, and
// the spaces after it, read eight bytes at a time: the white space of an
// indented body, or a single space, or none. It is the one loop over words
// of white space: the decoders of both formats skip indentation with it, and
// whatever white space is left after it byte by byte. It stops at other
// white space, and may stop at spaces within the last eight bytes of buf.
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

// spaceEnd returns the end of the XML white space at buf[i:]: indentation
// after a line feed (skipIndent), then any white space byte by byte.
func spaceEnd(buf []byte, i int) int {
	if i < len(buf) && buf[i] == '\n' {
		i = skipIndent(buf, i)
	}
	for i < len(buf) && isXMLSpace(buf[i]) {
		i++
	}
	return i
}

const hexDigits = "0123456789abcdef"

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

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
