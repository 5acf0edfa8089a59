// Package testkit holds what the tests of the module's packages share: the
// one reader of the third-party examples kept in ../shared beside the
// module (the UCWA reference's HTTP messages and pages, and the real-world
// bodies), and the helpers of table-driven tests.
//
// Third-party data is never copied into the repository: tests read it here
// at test time. Where ../shared is absent (a user's module cache, a clone on
// its own) the tests that need it skip with a message saying so, and the
// rest run. The environment variable UCWA_SHARED, when set, names the
// directory to use instead.
//
// The package must not import the module's root package, whose own tests
// import it.
package testkit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// modulePath is the path of the module whose root holds ../shared.
const modulePath = "github.com/ucwa-go/ucwa"

// Where returns "file:line" of its caller, so that a table row tells where
// it is.
func Where() string {
	_, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", filepath.Base(file), line)
}

var shared struct {
	once sync.Once
	dir  string
	err  error
}

// SharedDir returns the directory of the third-party data: $UCWA_SHARED, or
// else ../shared beside the root of the module (found by walking up from the
// working directory to the go.mod of github.com/ucwa-go/ucwa). The error
// says why there is none.
func SharedDir() (string, error) {
	shared.once.Do(func() { shared.dir, shared.err = findShared() })
	return shared.dir, shared.err
}

func findShared() (string, error) {
	if dir := os.Getenv("UCWA_SHARED"); dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return "", fmt.Errorf("UCWA_SHARED=%s is not a directory", dir)
		}
		return dir, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if isModuleRoot(dir) {
			s := filepath.Join(filepath.Dir(dir), "shared")
			if fi, err := os.Stat(s); err != nil || !fi.IsDir() {
				return "", fmt.Errorf("no directory %s beside the module (set UCWA_SHARED to use another)", s)
			}
			return s, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside module " + modulePath)
		}
		dir = parent
	}
}

// isModuleRoot reports whether dir holds the go.mod of modulePath.
func isModuleRoot(dir string) bool {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" {
			return f[1] == modulePath
		}
	}
	return false
}

// Shared returns the path of elem inside the third-party data directory,
// and skips tb when the directory or the path is absent.
func Shared(tb testing.TB, elem ...string) string {
	tb.Helper()
	dir, err := SharedDir()
	if err != nil {
		tb.Skipf("third-party examples not available: %v", err)
	}
	p := filepath.Join(append([]string{dir}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("third-party examples not available: %v", err)
	}
	return p
}

// ReadShared returns the contents of the file elem inside the third-party
// data directory, and skips tb when it is absent.
func ReadShared(tb testing.TB, elem ...string) []byte {
	tb.Helper()
	data, err := os.ReadFile(Shared(tb, elem...))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// An Example is one HTTP message of a corpus directory (../shared/corpus,
// the reference's examples, or ../shared/realworld/corpus-2016, those of its
// 2016 edition), as its manifest.json lists it, with the message read.
type Example struct {
	File       string   `json:"file"`      // PAGE.METHOD.FORMAT-DIRECTION[-N].http
	Page       string   `json:"page"`      // the reference page, such as "contact"
	Method     string   `json:"method"`    // GET, POST, PUT or DELETE; "" where the page names none
	Format     string   `json:"format"`    // "json" or "xml"
	Direction  string   `json:"direction"` // "request" or "response"
	Start      string   `json:"start"`     // the start line
	Headers    []string `json:"headers"`   // "Name: value", as written
	BodyBytes  int      `json:"body_bytes"`
	WellFormed *bool    `json:"well_formed"` // whether a strict parser accepts the body; nil without a body

	// Read from the file.
	Header http.Header // the header lines, names canonicalized, values trimmed
	Body   []byte      // the body, without the newline that ends the file
}

// MethodOrStart returns the method of a request in upper case: the
// manifest's, or where the page names none, the start line's ("Put https://…").
func (e *Example) MethodOrStart() string {
	if e.Method != "" {
		return e.Method
	}
	m, _, _ := strings.Cut(e.Start, " ")
	return strings.ToUpper(m)
}

// Reference returns the examples of the UCWA reference that have a body, in
// the order of ../shared/corpus/manifest.json, each read and checked against
// its entry. It skips tb where the corpus is absent.
func Reference(tb testing.TB) []Example {
	tb.Helper()
	return Corpus(tb, "corpus")
}

// Corpus returns the examples with a body of the corpus directory elem
// inside the third-party data (such as "corpus" or "realworld",
// "corpus-2016"), as Reference does.
func Corpus(tb testing.TB, elem ...string) []Example {
	tb.Helper()
	dir := Shared(tb, elem...)
	var m []Example
	if err := json.Unmarshal(ReadShared(tb, append(elem, "manifest.json")...), &m); err != nil {
		tb.Fatalf("%s: %v", filepath.Join(dir, "manifest.json"), err)
	}
	out := m[:0]
	for _, e := range m {
		if e.BodyBytes == 0 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			tb.Fatal(err)
		}
		start, h, body, err := ParseMessage(data)
		if err != nil {
			tb.Fatalf("%s: %v", e.File, err)
		}
		if start != e.Start || len(body) != e.BodyBytes {
			tb.Fatalf("%s: start line %q and %d body bytes; the manifest says %q and %d",
				e.File, start, len(body), e.Start, e.BodyBytes)
		}
		e.Header, e.Body = h, body
		out = append(out, e)
	}
	if len(out) == 0 {
		tb.Fatalf("%s: no example with a body", dir)
	}
	return out
}

// ReferenceBodies returns the bodies of the reference's examples in format
// ("json" or "xml"), or nil where the corpus is absent: for seeding fuzz
// targets, which run on their own seeds without it.
func ReferenceBodies(format string) [][]byte {
	dir, err := SharedDir()
	if err != nil {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(dir, "corpus", "*."+format+"-*.http"))
	var bodies [][]byte
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		if _, _, body, err := ParseMessage(data); err == nil && len(body) > 0 {
			bodies = append(bodies, body)
		}
	}
	return bodies
}

// ParseMessage splits an HTTP message as the corpus files hold it: a start
// line, header lines, a blank line, the body and one line end that is not
// part of the body. A line ends in "\n" or "\r\n", the same end throughout:
// the first line's end says which. A message without a line end after its
// body is read whole. Header names are canonicalized; values are trimmed.
func ParseMessage(data []byte) (start string, h http.Header, body []byte, err error) {
	eol := []byte("\n")
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		eol = []byte("\r\n")
	}
	head, body, ok := bytes.Cut(data, append(bytes.Clone(eol), eol...))
	if !ok {
		return "", nil, nil, errors.New("no blank line after the headers")
	}
	body = bytes.TrimSuffix(body, eol)
	lines := strings.Split(string(head), string(eol))
	h = make(http.Header, len(lines)-1)
	for _, line := range lines[1:] {
		k, v, ok := strings.Cut(line, ":")
		if !ok || k == "" || strings.TrimSpace(k) != k {
			return "", nil, nil, fmt.Errorf("bad header line %q", line)
		}
		h.Add(k, strings.TrimSpace(v))
	}
	return lines[0], h, body, nil
}

// CodeBlocks returns the fenced code blocks (```) of the reference page
// name (such as "EventChannelDetails.md"), in order, each without its fence
// lines. It skips tb where the page is absent.
func CodeBlocks(tb testing.TB, name string) []string {
	tb.Helper()
	var blocks []string
	rest := string(ReadShared(tb, "ucwa-docs", name))
	for {
		_, after, ok := strings.Cut(rest, "```")
		if !ok {
			return blocks
		}
		_, after, ok = strings.Cut(after, "\n") // the rest of the fence line names the language
		if !ok {
			return blocks
		}
		block, next, ok := strings.Cut(after, "```")
		if !ok {
			tb.Fatalf("%s: a code block is not closed", name)
		}
		blocks = append(blocks, block)
		_, rest, _ = strings.Cut(next, "\n")
	}
}

// A Body is a named body of a known format ("json" or "xml").
type Body struct {
	Name   string
	Format string
	Data   []byte
}

// ReferenceEvents returns the event-channel responses of the reference's
// concept pages, which the corpus of HTTP messages does not hold:
//
//   - EventChannelDetails.json and .xml: the two samples of
//     EventChannelDetails.md, one response in two formats;
//   - EventsInUCWA.json: the sample of EventsInUCWA.md, made well-formed by
//     removing what the page elides with "..." (a sender, some links and an
//     event) and adding the comma it then lacks;
//   - OperationResource.json: the body of the event-channel response of
//     OperationResource.md.
//
// It skips tb where the pages are absent.
func ReferenceEvents(tb testing.TB) []Body {
	tb.Helper()
	var out []Body
	for _, b := range CodeBlocks(tb, "EventChannelDetails.md") {
		switch t := strings.TrimSpace(b); {
		case strings.HasPrefix(t, "{") && strings.Contains(t, `"sender"`):
			out = append(out, Body{"EventChannelDetails.json", "json", []byte(b)})
		case strings.HasPrefix(t, "<?xml") && strings.Contains(t, "<events "):
			out = append(out, Body{"EventChannelDetails.xml", "xml", []byte(b)})
		}
	}

	elided := CodeBlocks(tb, "EventsInUCWA.md")[0]
	edited := elided
	for _, cut := range [][2]string{
		{" {\n \"rel\":\"communication\",\n ...\n },\n", ""},
		{"/messaging\"},\n ...\n }\n", "/messaging\"}\n },\n"},
		{" },\n {\n ...\n }\n ]", " }\n ]"},
	} {
		if strings.Count(edited, cut[0]) != 1 {
			tb.Fatalf("EventsInUCWA.md: the sample no longer elides %q once", cut[0])
		}
		edited = strings.Replace(edited, cut[0], cut[1], 1)
	}
	out = append(out, Body{"EventsInUCWA.json", "json", []byte(edited)})

	for _, b := range CodeBlocks(tb, "OperationResource.md") {
		if head, body, ok := strings.Cut(b, "\n\n"); ok && strings.HasPrefix(head, "HTTP/1.1 200") &&
			strings.Contains(body, `"sender"`) {
			out = append(out, Body{"OperationResource.json", "json", []byte(body)})
		}
	}
	if len(out) != 4 {
		tb.Fatalf("found %d of the reference's 4 event-channel samples", len(out))
	}
	return out
}

// ReferenceBody returns the body of the reference's example file (such as
// "application.GET.json-response.http"), or false where the corpus is
// absent: for seeding fuzz targets.
func ReferenceBody(file string) ([]byte, bool) {
	dir, err := SharedDir()
	if err != nil {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(dir, "corpus", file))
	if err != nil {
		return nil, false
	}
	_, _, body, err := ParseMessage(data)
	return body, err == nil
}
