package ucwa

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"testing"
)

// TestPlainPrefix checks the word-at-a-time scans, jsonPlainEnd among them,
// against a byte loop, for every special byte at every place of strings of
// every length up to 40.
func TestPlainPrefix(t *testing.T) {
	slow := func(s string, special *[256]bool) int {
		for i := 0; i < len(s); i++ {
			if special[s[i]] {
				return i
			}
		}
		return len(s)
	}
	for n := 0; n <= 40; n++ {
		base := strings.Repeat("abcdefgh", 5)[:n]
		check := func(s string) {
			if got, want := jsonPlainPrefix(s), slow(s, &jsonEscape); got != want {
				t.Fatalf("jsonPlainPrefix(%q) = %d, want %d", s, got, want)
			}
			// jsonPlainEnd from the start and after a byte it must not read.
			if got, want := jsonPlainEnd([]byte(s), 0), slow(s, &jsonEscape); got != want {
				t.Fatalf("jsonPlainEnd(%q, 0) = %d, want %d", s, got, want)
			}
			if got, want := jsonPlainEnd([]byte(`"`+s), 1), 1+slow(s, &jsonEscape); got != want {
				t.Fatalf("jsonPlainEnd(%q, 1) = %d, want %d", `"`+s, got, want)
			}
			if got, want := xmlPlainPrefix(s), slow(s, &xmlText); got != want {
				t.Fatalf("xmlPlainPrefix(%q) = %d, want %d", s, got, want)
			}
			if got, want := textPlainPrefix([]byte(s)), slow(s, &textSpecial); got != want {
				t.Fatalf("textPlainPrefix(%q) = %d, want %d", s, got, want)
			}
			if got, want := attrPlainPrefix([]byte(s), '"'), slow(s, &attrSpecial2); got != want {
				t.Fatalf("attrPlainPrefix(%q, '\"') = %d, want %d", s, got, want)
			}
			if got, want := attrPlainPrefix([]byte(s), '\''), slow(s, &attrSpecial1); got != want {
				t.Fatalf("attrPlainPrefix(%q, '\\'') = %d, want %d", s, got, want)
			}
		}
		check(base)
		for i := 0; i < n; i++ {
			for c := 0; c < 256; c++ {
				b := []byte(base)
				b[i] = byte(c)
				check(string(b))
				if i+1 < n { // a second special byte after the first
					b[i+1] = '"'
					check(string(b))
				}
			}
		}
	}
}

// TestJSONWhitespace: the decoder skips any run of JSON white space, spaces
// counted eight at a time included, and stops at what follows.
func TestJSONWhitespace(t *testing.T) {
	for n := range 40 {
		for _, pre := range []string{"", "\n", " \n", "\t ", "\r\n"} {
			s := pre + strings.Repeat(" ", n) + "x"
			d := jsonDecoder{buf: []byte(s)}
			d.ws()
			if d.pos != len(s)-1 {
				t.Fatalf("%q: stopped at %d", s, d.pos)
			}
		}
	}
}

// TestWordHits checks the word tests against their tables: every byte value
// at every place of a word of plain bytes, alone and with a second special
// byte above it, must give its lowest mark at the first special byte.
func TestWordHits(t *testing.T) {
	tests := []struct {
		name    string
		hits    func(uint64) uint64
		special *[256]bool
	}{
		{"jsonHits", jsonHits, &jsonEscape},
		{"quotHits", quotHits, &attrSpecial2},
	}
	for _, tt := range tests {
		for place := range 8 {
			for c := range 256 {
				for _, above := range []int{-1, '"', 0x00, 0xff} {
					b := []byte("abcdefgh")
					b[place] = byte(c)
					if above >= 0 && place < 7 {
						b[place+1] = byte(above)
					}
					want := 8
					for i, x := range b {
						if tt.special[x] {
							want = i
							break
						}
					}
					got := 8
					if h := tt.hits(binary.LittleEndian.Uint64(b)); h != 0 {
						got = bits.TrailingZeros64(h) / 8
					}
					if got != want {
						t.Fatalf("%s(%q): first mark at %d, want %d", tt.name, b, got, want)
					}
				}
			}
		}
	}
}
