package ucwa

import (
	"slices"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

// TestInternName: the table is sorted and holds names only, and the
// structure names are apart from it; internName finds every name in both
// and nothing that differs from one by a byte, a byte more or a byte less
// (nameWords must tell them apart, and the string compare past 24 bytes must
// run); and the table covers every property name and rel of the reference's
// examples, so that a corpus refreshed with new names says which to add.
func TestInternName(t *testing.T) {
	if !slices.IsSorted(internedNames[:]) || len(slices.Compact(slices.Clone(internedNames[:]))) != len(internedNames) {
		t.Fatal("internedNames is not sorted or has repeats")
	}
	known := map[string]bool{}
	for _, n := range internedNames {
		if !isIdentifier(n) {
			t.Errorf("internedNames has %q, not a name", n)
		}
		known[n] = true
	}
	for _, n := range structureNames {
		if known[n] {
			t.Errorf("structure name %q is in internedNames too", n)
		}
		known[n] = true
	}
	for _, n := range append(internedNames[:], structureNames[:]...) {
		if got, ok := internName([]byte(n)); !ok || got != n {
			t.Errorf("internName(%q) = %q, %v", n, got, ok)
		}
		variants := []string{n[:len(n)-1], n + "x", "x" + n}
		for _, i := range []int{0, len(n) / 2, len(n) - 1, min(len(n)-1, 20)} {
			b := []byte(n)
			b[i] ^= 0x20 // a letter's case
			variants = append(variants, string(b))
		}
		for _, v := range variants {
			if got, ok := internName([]byte(v)); ok != known[v] || ok && got != v {
				t.Errorf("internName(%q) = %q, %v; known %v", v, got, ok, known[v])
			}
		}
	}
	for _, s := range []string{"", "a", "é", "\x00\x00\x00\x00\x00\x00\x00\x00", "\x00", "in\x00"} {
		if got, ok := internName([]byte(s)); ok {
			t.Errorf("internName(%q) = %q, true", s, got)
		}
	}

	missing := map[string]string{}
	bodies := map[string][]byte{}
	for _, e := range testkit.Reference(t) {
		if *e.WellFormed {
			bodies[e.File] = e.Body
		}
	}
	for _, b := range testkit.ReferenceEvents(t) {
		if b.Format == "json" {
			bodies[b.Name] = b.Data
		}
	}
	for file, body := range bodies {
		f, _ := DetectFormat(body)
		noteName := func(name string) {
			if isIdentifier(name) && !known[name] {
				missing[name] = file
			}
		}
		if r, err := DecodeResource(body, f); err == nil {
			walkDecoded(&r, noteName, func(Value) {})
		}
		if in, err := DecodeInput(body, f); err == nil {
			walkDecoded(&in, noteName, func(Value) {})
		}
		if ev, err := DecodeEvents(body, f); err == nil {
			walkDecoded(&ev, noteName, func(Value) {})
		}
	}
	for name, file := range missing {
		t.Errorf("%s: name %q is not in internedNames", file, name)
	}
}

// isIdentifier reports whether s is a name as UCWA's are: an ASCII letter
// and letters and digits.
func isIdentifier(s string) bool {
	for i, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}
