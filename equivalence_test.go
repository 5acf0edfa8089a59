package ucwa

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The two comparators of decoded bodies the tests use:
//
//   - exactDiff, for two bodies decoded from the same format: deep equality
//     of every field, unexported ones included.
//   - sameMeaning, for two bodies that may come from different formats:
//     equal but for what one of the formats cannot say. It is the one
//     comparator of package internal/testkit/meaning, which package fuzz
//     uses too.

// exactDiff returns "" when a and b are deeply equal, unexported fields
// included (Values by Value.Equal, which cmp uses: same kind, same text,
// same items), or else a diff (-a +b).
func exactDiff(a, b any) string {
	// Every struct type of a body is this package's, and plain data.
	return cmp.Diff(a, b, cmp.Exporter(func(reflect.Type) bool { return true }))
}

// sameMeaning is meaning.Diff: it returns "" when a and b, two decoded
// bodies of the same type, mean the same across the formats, or else the
// differences (see package internal/testkit/meaning). That package imports
// this one, so these tests, which are of this package, cannot import it: the
// external test package sets sameMeaning with SetSameMeaning, in an init
// function of meaning_test.go, before any test runs.
var sameMeaning func(a, b any) string

// SetSameMeaning sets sameMeaning. It is exported for the external test
// package alone, and exists only in the test binary.
func SetSameMeaning(diff func(a, b any) string) { sameMeaning = diff }

func TestExactDiff(t *testing.T) {
	a, err := DecodeResource([]byte(`{"rel":"me","_links":{"self":{"href":"/me"}},"x":true}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	b, err := DecodeResource([]byte(`{"rel":"me","x":true,"_links":{"self":{"href":"/me"}}}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	if d := exactDiff(&a, &a); d != "" {
		t.Errorf("exactDiff of a resource with itself:\n%s", d)
	}
	// Only the unexported place of "_links" differs.
	if d := exactDiff(&a, &b); d == "" {
		t.Error("exactDiff sees no difference in where _links stood")
	}
	if d := sameMeaning(&a, &b); d != "" {
		t.Errorf("sameMeaning sees a difference in where _links stood:\n%s", d)
	}
	if d := exactDiff(Bool(true), scalar(KindBool, "True")); d == "" {
		t.Error(`exactDiff sees no difference between true and "True"`)
	}
}
