package ucwa

import (
	"bytes"
	"testing"
)

// TestXMLEscaped checks appendXMLEscaped, whose fast path copies words,
// against appendXMLEscapedRuns, in text and in attribute values.
func TestXMLEscaped(t *testing.T) {
	for _, s := range copyCases() {
		for _, attr := range []bool{false, true} {
			want, wantOK := appendXMLEscapedRuns([]byte("x"), s, attr)
			got, ok := appendXMLEscaped([]byte("x"), s, attr)
			if ok != wantOK || ok && !bytes.Equal(got, want) {
				t.Fatalf("appendXMLEscaped(%q, %v) = %q, %v; want %q, %v", s, attr, got, ok, want, wantOK)
			}
		}
	}
}
