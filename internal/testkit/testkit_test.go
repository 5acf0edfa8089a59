package testkit

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseMessage(t *testing.T) {
	for _, tc := range []struct {
		at, msg, start, ct, body string
	}{
		{Where(), "GET /x HTTP/1.1\nContent-Type: a/b\n\n{}\n", "GET /x HTTP/1.1", "a/b", "{}"},
		{Where(), "GET /x HTTP/1.1\r\nContent-Type:  a/b \r\n\r\n{}\r\n", "GET /x HTTP/1.1", "a/b", "{}"},
		// A body's own line ends are kept, but for the one that ends the file.
		{Where(), "HTTP/1.1 200 OK\n\n{\n}\n\n", "HTTP/1.1 200 OK", "", "{\n}\n"},
		{Where(), "HTTP/1.1 200 OK\r\n\r\n{\r\n}", "HTTP/1.1 200 OK", "", "{\r\n}"},
		// A lone "\n" in a CRLF message is body, not a line end.
		{Where(), "HTTP/1.1 204 No Content\r\nA: b\n\r\n\r\n", "HTTP/1.1 204 No Content", "", ""},
	} {
		start, h, body, err := ParseMessage([]byte(tc.msg))
		if tc.at == "" || err != nil || start != tc.start || h.Get("Content-Type") != tc.ct || string(body) != tc.body {
			t.Errorf("%s: ParseMessage(%q) = %q, %v, %q, %v", tc.at, tc.msg, start, h, body, err)
		}
	}
	for _, bad := range []string{"GET / HTTP/1.1\nHost: h\n", "GET / HTTP/1.1\n no colon\n\n", "GET / HTTP/1.1\n:v\n\n"} {
		if _, _, _, err := ParseMessage([]byte(bad)); err == nil {
			t.Errorf("ParseMessage(%q): no error", bad)
		}
	}
}

// TestReference checks the reader on two examples it knows, and that the
// manifest and the directory agree: every file with a body is read once.
func TestReference(t *testing.T) {
	m := Reference(t)
	byName := map[string]*Example{}
	formats := map[string]int{}
	for i := range m {
		e := &m[i]
		if byName[e.File] != nil {
			t.Errorf("%s listed twice", e.File)
		}
		byName[e.File] = e
		formats[e.Format+"-"+e.Direction]++
		if e.WellFormed == nil {
			t.Errorf("%s: a body without well_formed", e.File)
		}
		method := e.Method
		if method == "" {
			method = "NA"
		}
		if want := e.Page + "." + method + "." + e.Format + "-" + e.Direction; !strings.HasPrefix(e.File, want) {
			t.Errorf("%s: name does not match %s", e.File, want)
		}
		n := 0
		for _, vs := range e.Header {
			n += len(vs)
		}
		if n != len(e.Headers) {
			t.Errorf("%s: %d headers read, manifest %d", e.File, n, len(e.Headers))
		}
		for _, line := range e.Headers {
			k, v, _ := strings.Cut(line, ":")
			if !slices.Contains(e.Header.Values(k), strings.TrimSpace(v)) {
				t.Errorf("%s: header %q not read", e.File, line)
			}
		}
	}
	for _, k := range []string{"json-request", "json-response", "xml-request", "xml-response"} {
		if formats[k] == 0 {
			t.Errorf("no %s example", k)
		}
	}
	if len(m) < 400 {
		t.Errorf("%d examples with a body", len(m))
	}

	e := byName["acceptedByContact.GET.xml-response.http"]
	if e == nil || e.Start != "HTTP/1.1 200 OK" || e.Header.Get("Content-Type") != "application/xml" ||
		e.Header.Get("ETag") != "39b3573a-5dae-4258-abd6-fcf24b4439dc" ||
		!bytes.HasPrefix(e.Body, []byte(`<?xml version="1.0" encoding="utf-8"?>`+"\n<resource ")) ||
		!bytes.HasSuffix(e.Body, []byte("</resource>")) {
		t.Errorf("acceptedByContact.GET.xml-response.http read as %+v", e)
	}
	e = byName["acceptWithAnswer.POST.json-request.http"]
	if e == nil || !strings.HasPrefix(e.Start, "Post https://fe1.contoso.com:443/") || e.MethodOrStart() != "POST" ||
		e.Header.Get("Content-Type") != "application/sdp" || len(e.Body) != 241 || !bytes.HasPrefix(e.Body, []byte("v=0")) {
		t.Errorf("acceptWithAnswer.POST.json-request.http read as %+v", e)
	}

	dir := Shared(t, "corpus")
	files, err := filepath.Glob(filepath.Join(dir, "*.http"))
	if err != nil {
		t.Fatal(err)
	}
	withBody := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, body, err := ParseMessage(data); err == nil && len(body) > 0 {
			withBody++
		}
	}
	if withBody != len(m) {
		t.Errorf("%d files of %s have a body, the manifest lists %d", withBody, dir, len(m))
	}
	if got := len(ReferenceBodies("json")) + len(ReferenceBodies("xml")); got != len(m) {
		t.Errorf("ReferenceBodies: %d bodies, want %d", got, len(m))
	}
}

func TestCorpus2016(t *testing.T) {
	if m := Corpus(t, "realworld", "corpus-2016"); len(m) < 100 {
		t.Errorf("%d examples with a body", len(m))
	}
}

func TestReferenceEvents(t *testing.T) {
	evs := ReferenceEvents(t)
	for _, b := range evs {
		if !bytes.Contains(b.Data, []byte("sender")) || bytes.Contains(b.Data, []byte("...")) {
			t.Errorf("%s: %q", b.Name, b.Data)
		}
	}
}

func TestSharedAbsent(t *testing.T) {
	t.Setenv("UCWA_SHARED", filepath.Join(t.TempDir(), "missing"))
	if _, err := findShared(); err == nil || !strings.Contains(err.Error(), "UCWA_SHARED") {
		t.Errorf("findShared with a missing UCWA_SHARED: %v", err)
	}
	t.Setenv("UCWA_SHARED", "")
	t.Chdir(t.TempDir())
	if _, err := findShared(); err == nil {
		t.Error("findShared outside the module: no error")
	}
}
