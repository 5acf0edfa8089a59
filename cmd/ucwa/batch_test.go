package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

// batchOf frames HTTP messages as a batch with the boundary "b", each part
// with the MIME header head.
func batchOf(head string, msgs ...string) string {
	var b strings.Builder
	for _, m := range msgs {
		b.WriteString("--b\r\n" + head + "\r\n" + m + "\r\n")
	}
	b.WriteString("--b--\r\n")
	return b.String()
}

const (
	respHead = "Content-Type: application/http; msgtype=response\r\n"
	reqHead  = "Content-Type: application/http; msgtype=request\r\n"
	noteXML  = `<?xml version="1.0" encoding="utf-8"?><resource rel="note" href="/ucwa/v1/applications/192/me/note" ` +
		`xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="message">Out</property></resource>`
)

func TestBatch(t *testing.T) {
	responses := batchOf(respHead,
		"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n\r\n"+resourceJSON,
		"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n\r\n"+noteXML,
		"HTTP/1.1 200 OK\r\nContent-Type: application/vnd.microsoft.com.ucwa.events+json\r\n\r\n"+eventsJSON,
		"HTTP/1.1 409 Conflict\r\nContent-Type: application/json\r\n\r\n"+errorBodyJSON,
		"HTTP/1.1 201 Created\r\nLocation: /ucwa/v1/applications/192/communication/messagingInvitations/1\r\n\r\n",
		"HTTP/1.1 204 No Content\r\n\r\n",
		"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n\r\n<html>Bad Gateway</html>",
		"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"rel\":",
	)
	noteJSON := `{"rel":"note","message":"Out","_links":{"self":{"href":"/ucwa/v1/applications/192/me/note"}}}`
	wantResponses := `{"status":200,"contentType":"application/json; charset=utf-8","kind":"resource","body":` +
		resourceJSON + `}
{"status":200,"contentType":"application/xml","kind":"resource","body":` + noteJSON + `}
{"status":200,"contentType":"application/vnd.microsoft.com.ucwa.events+json","kind":"events","body":` + eventsJSON + `}
{"status":409,"contentType":"application/json","kind":"error","body":` + errorBodyJSON + `}
{"status":201,"contentType":"","kind":"none","body":null}
{"status":204,"contentType":"","kind":"none","body":null}
{"status":502,"contentType":"text/html","kind":"none","body":"<html>Bad Gateway</html>"}
{"status":200,"contentType":"application/json","kind":"none","body":"{\"rel\":"}
`
	requests := batchOf(reqHead,
		"GET /ucwa/v1/applications/192/me HTTP/1.1\r\nHost: fe1.contoso.com\r\nAccept: application/json\r\n\r\n",
		"POST /ucwa/v1/applications/192/communication/messagingInvitations HTTP/1.1\r\n"+
			"Content-Type: application/json\r\nContent-Length: 83\r\n\r\n"+seedJSON,
		"PUT /ucwa/v1/applications/192/me/note HTTP/1.1\r\nContent-Type: application/xml\r\nIf-Match: \"1\"\r\n\r\n"+noteXML,
	)
	wantRequests := `{"method":"GET","target":"/ucwa/v1/applications/192/me","contentType":"","kind":"none","body":null}
{"method":"POST","target":"/ucwa/v1/applications/192/communication/messagingInvitations",` +
		`"contentType":"application/json","kind":"input","body":` + seedJSON + `}
{"method":"PUT","target":"/ucwa/v1/applications/192/me/note","contentType":"application/xml","kind":"resource",` +
		`"body":` + noteJSON + `}
`
	tests := []struct {
		at    string
		stdin string
		args  []string
		code  int
		out   string // stdout when code is 0, a part of stderr otherwise
	}{
		{testkit.Where(), responses, []string{"batch"}, 0, wantResponses},
		{testkit.Where(), responses, []string{"batch", "-content-type", `multipart/batching; boundary="b"`}, 0,
			wantResponses},
		{testkit.Where(), "\r\n" + requests, []string{"batch", "-"}, 0, wantRequests},
		{testkit.Where(), requests, []string{"batch", "-content-type", "multipart/batching;boundary=b"}, 0, wantRequests},
		{testkit.Where(), responses, []string{"batch", "-content-type", "multipart/batching; boundary=c"}, 1,
			`ucwa: batch: no boundary line "--c"`},
		{testkit.Where(), responses, []string{"batch", "-content-type", "multipart/mixed; boundary=b"}, 1,
			"is not multipart/batching"},
		{testkit.Where(), "not a batch", []string{"batch"}, 1, "does not start with a boundary line"},
		{testkit.Where(), "--b\r\n" + respHead + "\r\nHTTP/1.1 200 OK\r\n\r\n{}", []string{"batch"}, 1,
			"ucwa: batch part 1: no boundary after the part"},
		{testkit.Where(), batchOf("Content-Type: multipart/mixed; boundary=c\r\n", "--c--"), []string{"batch"}, 1,
			"ucwa: batch part 1: nested multipart"},
		{testkit.Where(), batchOf(respHead, strings.Repeat("HTTP/1.1 204 No Content\r\n\r\n\r\n--b\r\n"+respHead+"\r\n", 100)+
			"HTTP/1.1 204 No Content\r\n\r\n"), []string{"batch"}, 1, "ucwa: batch part 101: more than 100 parts"},
		{testkit.Where(), batchOf(reqHead, "GET/ucwa/v1/applications/1/policiesHTTP/1.1\r\n\r\n"), []string{"batch"}, 1,
			"ucwa: batch part 1: not an HTTP request"},
		{testkit.Where(), "", []string{"batch", "a", "b"}, 2, "more than one FILE"},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.at, tt.stdin, tt.args...)
		got := r.stderr
		if tt.code == 0 {
			got = r.stdout
		}
		if r.code != tt.code || tt.code == 0 && got != tt.out || tt.code != 0 && !strings.Contains(got, tt.out) {
			t.Errorf("%s: %q: exit %d\n%s\nwant exit %d\n%s", tt.at, tt.args, r.code, got, tt.code, tt.out)
		}
	}
	// Each body is what convert -to json writes.
	for _, body := range []string{resourceJSON, eventsJSON, errorBodyJSON} {
		if c := runCLI(t, testkit.Where(), body, "convert", "-to", "json"); !strings.Contains(wantResponses,
			c.stdout[:len(c.stdout)-1]) {
			t.Errorf("convert -to json writes %s, batch does not", c.stdout)
		}
	}
}

// TestBatchWild reads the batches captured from real deployments
// (../shared/realworld/wild): one JSON line per part, each body read.
func TestBatchWild(t *testing.T) {
	var manifest []struct{ File, Kind, Direction string }
	if err := json.Unmarshal(testkit.ReadShared(t, "realworld", "wild", "manifest.json"), &manifest); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range manifest {
		if e.Kind != "batch" {
			continue
		}
		file := testkit.Shared(t, "realworld", "wild", e.File)
		r := runCLI(t, testkit.Where(), "", "batch", file)
		if r.code != 0 {
			t.Errorf("%s: exit %d: %s", e.File, r.code, r.stderr)
			continue
		}
		for _, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
			var part map[string]any
			if err := json.Unmarshal([]byte(line), &part); err != nil {
				t.Fatalf("%s: %q: %v", e.File, line, err)
			}
			_, isResp := part["status"]
			kind := part["kind"]
			switch {
			case isResp != (e.Direction == "response"):
				t.Errorf("%s: a %s with the part %s", e.File, e.Direction, line)
			case isResp && part["status"] == 200.0 && kind != kindResource,
				isResp && part["status"] == 204.0 && (kind != kindNone || part["body"] != nil),
				!isResp && part["method"] == "GET" && kind != kindNone,
				!isResp && part["method"] == "POST" && kind != kindInput:
				t.Errorf("%s: %s", e.File, line)
			}
			n++
		}
	}
	if n < 15 {
		t.Errorf("%d parts in the real batches, want 15 or more", n)
	}
}

func TestBatchFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "batch.txt")
	body := batchOf(respHead, "HTTP/1.1 204 No Content\r\n\r\n")
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	fromFile := runCLI(t, testkit.Where(), "", "batch", file)
	fromStdin := runCLI(t, testkit.Where(), body, "batch")
	want := `{"status":204,"contentType":"","kind":"none","body":null}` + "\n"
	if fromFile.code != 0 || fromFile != fromStdin || fromFile.stdout != want {
		t.Errorf("file %+v, stdin %+v", fromFile, fromStdin)
	}
}
