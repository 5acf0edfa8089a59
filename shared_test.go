package ucwa

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The tests of the wire layer read the reference's examples and the
// real-world bodies from ../shared beside the module, at test time: they are
// third-party data, never copied into the repository. Where ../shared is
// absent (a module cache), those tests skip and say so.

// sharedPath returns the path of name under ../shared, or skips the test.
func sharedPath(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join("..", "shared", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is absent (%v): the reference's examples and the real-world bodies live beside the module, "+
			"in ../shared, and are not copied into it", p, err)
	}
	return p
}

// readShared returns the content of name under ../shared, or skips the test.
func readShared(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(sharedPath(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// httpExample is an HTTP message of the shared corpus: a .http file.
type httpExample struct {
	File   string
	Start  string // the start line
	Status int    // for a response
	Header http.Header
	Body   []byte
}

// readHTTPExample splits a .http file of the shared corpus: the start line,
// the header lines, a blank line, the body and one final newline that is
// not part of the body, "\n" ending every line. Header values are kept as
// the page shows them; the Content-Length of the pages is illustrative and
// often wrong.
func readHTTPExample(t testing.TB, file string) httpExample {
	t.Helper()
	data := readShared(t, filepath.Join("corpus", file))
	head, body, _ := bytes.Cut(data, []byte("\n\n"))
	body = bytes.TrimSuffix(body, []byte("\n"))
	lines := strings.Split(string(head), "\n")
	ex := httpExample{File: file, Start: lines[0], Header: http.Header{}, Body: body}
	for _, l := range lines[1:] {
		k, v, ok := strings.Cut(l, ":")
		if ok {
			ex.Header.Add(strings.TrimSpace(k), strings.TrimSpace(v))
		}
	}
	if rest, ok := strings.CutPrefix(ex.Start, "HTTP/1.1 "); ok {
		code, _, _ := strings.Cut(rest, " ")
		ex.Status, _ = strconv.Atoi(code)
	}
	return ex
}

// sharedCorpus returns the shared corpus's manifest (whose entries have the
// shape of testdata/corpus's, corpusEntry), or skips the test.
func sharedCorpus(t testing.TB) []corpusEntry {
	t.Helper()
	var m []corpusEntry
	if err := json.Unmarshal(readShared(t, "corpus/manifest.json"), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// wildEntry is an entry of ../shared/realworld/wild/manifest.json.
type wildEntry struct {
	File      string `json:"file"`
	Format    string `json:"format"`
	Kind      string `json:"kind"`
	Direction string `json:"direction"`
	Note      string `json:"note"`
}

// wildManifest returns the real-world captures' manifest, or skips the test.
func wildManifest(t testing.TB) []wildEntry {
	t.Helper()
	var m []wildEntry
	if err := json.Unmarshal(readShared(t, "realworld/wild/manifest.json"), &m); err != nil {
		t.Fatal(err)
	}
	return m
}
