package ucwa

import (
	"bytes"
	"strings"
	"testing"
)

// copyCases returns strings of every length up to 40 with each byte value at
// each place, a second special byte after it, and multi-byte sequences, whole
// or cut, across every word boundary: what the word-at-a-time copies must
// tell from plain text.
func copyCases() []string {
	var cases []string
	base := strings.Repeat("abcdefgh", 5)
	for n := 0; n <= 40; n++ {
		cases = append(cases, base[:n])
		for i := 0; i < n; i++ {
			for c := 0; c < 256; c++ {
				b := []byte(base[:n])
				b[i] = byte(c)
				cases = append(cases, string(b))
				if i+1 < n {
					b[i+1] = '"'
					cases = append(cases, string(b))
				}
			}
			for _, seq := range []string{"é", "€", "😀", "\uFFFE", "\uFFFF", "\xe2\x82", "\xf0\x9f\x98",
				"\xed\xa0\x80"} {
				if i+len(seq) <= n {
					cases = append(cases, base[:i]+seq+base[i+len(seq):n])
				}
			}
		}
	}
	return cases
}

// TestJSONCopy checks appendJSONString, whose fast path copies words, against
// appendJSONEscaped, the byte-by-byte path, after a prefix and with and
// without room in dst.
func TestJSONCopy(t *testing.T) {
	for _, s := range copyCases() {
		want, wantOK := appendJSONEscaped([]byte("x"), s)
		for _, room := range []int{0, 1, len(s) + 2, 64} {
			dst := append(make([]byte, 0, 1+room), 'x')
			got, ok := appendJSONString(dst, s)
			if ok != wantOK || ok && !bytes.Equal(got, want) {
				t.Fatalf("appendJSONString(%q) = %q, %v; want %q, %v", s, got, ok, want, wantOK)
			}
		}
	}
}

// TestPlainAppenders checks appendJSONQuoted and appendXMLPlain against
// byte loops over jsonEscape and xmlText: what they report, what they append
// when s is plain, and that they write nothing past what they append.
func TestPlainAppenders(t *testing.T) {
	for _, s := range copyCases() {
		plainJSON, plainXML := true, true
		for i := 0; i < len(s); i++ {
			plainJSON = plainJSON && !jsonEscape[s[i]]
			plainXML = plainXML && !xmlText[s[i]]
		}
		for _, tc := range []struct {
			name  string
			fn    func([]byte, string) ([]byte, bool)
			plain bool
			want  string
		}{
			{"appendJSONQuoted", func(dst []byte, s string) ([]byte, bool) {
				dst, first, last, ok := appendJSONQuoted(dst, s)
				if key := mixKey(first, last, len(s)); key != nameKey(s) {
					t.Fatalf("appendJSONQuoted(%q) gives key %#x, nameKey %#x", s, key, nameKey(s))
				}
				return dst, ok
			}, plainJSON, `"` + s + `"`},
			{"appendXMLPlain", appendXMLPlain, plainXML, s},
		} {
			buf := bytes.Repeat([]byte("#"), 3+len(tc.want)+16)
			got, ok := tc.fn(buf[:3:len(buf)], s)
			if ok != tc.plain {
				t.Fatalf("%s(%q) reports %v, want %v", tc.name, s, ok, tc.plain)
			}
			if ok && string(got) != "###"+tc.want {
				t.Fatalf("%s(%q) appended %q", tc.name, s, got[3:])
			}
			if rest := buf[3+len(tc.want):]; strings.Trim(string(rest), "#") != "" {
				t.Fatalf("%s(%q) wrote past the end: %q", tc.name, s, rest)
			}
		}
	}
}
