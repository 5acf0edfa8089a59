// Package refcorpus reads the examples of the UCWA reference for tests:
// the HTTP messages of ../shared/corpus (relative to the module root) and
// their manifest.json. The examples are third-party data and are never
// copied into the repository; where they are absent, Load skips the test.
package refcorpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa"
)

// An Example is one example of the reference.
type Example struct {
	File       string   `json:"file"`      // PAGE.METHOD.FORMAT-DIRECTION[-N].http
	Page       string   `json:"page"`      // the reference page: "startMessaging"
	Method     string   `json:"method"`    // GET, POST…, or "" where the corpus could not tell
	Format     string   `json:"format"`    // json or xml
	Direction  string   `json:"direction"` // request or response
	Start      string   `json:"start"`     // the start line
	Headers    []string `json:"headers"`
	WellFormed *bool    `json:"well_formed"` // whether a strict parser reads the body; nil: no body

	Body []byte `json:"-"`
}

// Fmt returns the example's format.
func (e *Example) Fmt() ucwa.Format {
	if e.Format == "xml" {
		return ucwa.XML
	}
	return ucwa.JSON
}

// RequestMethod returns the method of the example's request: its own, or
// the one its start line names.
func (e *Example) RequestMethod() string {
	if e.Method != "" && e.Method != "NA" {
		return e.Method
	}
	m, _, _ := strings.Cut(e.Start, " ")
	if e.Direction == "request" {
		return strings.ToUpper(m)
	}
	return ""
}

// Dir returns the directory of the shared corpus, ../shared/corpus from the
// module root, found from the working directory.
func Dir() string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "corpus")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load returns the examples of the corpus that have a body, with their
// bodies, in the order of the manifest. It skips the test when the corpus
// is absent, as on a clean clone.
func Load(t testing.TB) []*Example {
	t.Helper()
	dir := Dir()
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Skipf("the reference's examples are not here (%v): they are read from ../shared/corpus, beside the module", err)
	}
	var all []*Example
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	var out []*Example
	for _, e := range all {
		if e.WellFormed == nil {
			continue
		}
		msg, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			t.Fatalf("%s: %v", e.File, err)
		}
		_, body, ok := strings.Cut(string(msg), "\n\n")
		if !ok {
			t.Fatalf("%s: no blank line before the body", e.File)
		}
		e.Body = []byte(strings.TrimSuffix(body, "\n"))
		out = append(out, e)
	}
	return out
}
