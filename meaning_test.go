package ucwa_test

import (
	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit/meaning"
)

// The internal tests compare bodies across the formats with meaning.Diff,
// which they cannot import: see sameMeaning in equivalence_test.go.
func init() { ucwa.SetSameMeaning(meaning.Diff) }
