package fuzz

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// This file fuzzes the batch codec: the decoders against a plain reading
// with mime/multipart and net/http (a differential), and decode, encode,
// decode again (a fixed point).

// batchSeeds are hand-written batches with the boundary "b", tolerated and
// refused, and the real captures of shared/realworld/wild when it is there
// (testkit.SharedDir) (with their own boundaries: the fuzzer then reads them without a
// Content-Type, from their first line).
func batchSeeds(tb testing.TB) [][]byte {
	part := func(head, msg string) string { return "--b\r\n" + head + "\r\n" + msg + "\r\n" }
	const (
		resp = "Content-Type: application/http; msgtype=response\r\n"
		req  = "Content-Type: application/http; msgtype=request\r\n"
		note = `{"rel":"note","message":"x","_links":{"self":{"href":"/n"}}}`
	)
	seeds := []string{
		part(resp, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"+note) + "--b--\r\n",
		part(resp, "HTTP/1.1 204 No Content\r\n\r\n\r\n") + part(resp, "HTTP/1.1 409 Conflict\r\n"+
			"Content-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"code\":\"x\"}   ") + "--b--",
		"preamble\r\n" + part("Content-Type : application/http\r\n", "HTTP/1.1 200 OK\r\nA : b\r\n\r\n{}") +
			"--b--\r\nepilogue",
		part(resp, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n") + "--b--",
		part(req, "GET /ucwa/v1/applications/192/me HTTP/1.1\r\nHost: h\r\nAccept: application/json\r\n\r\n\r\n") +
			part(req, "POST /x HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}") + "--b--\r\n",
		part(req, "POST /x HTTP/1.1\r\n\r\n{\"a\":1}\r\n") + "--b--",
		strings.ReplaceAll(part(resp, "HTTP/1.1 200 OK\r\n\r\n{}")+"--b--", "\r\n", "\n"),
		part("Content-Type: multipart/mixed; boundary=c\r\n", "--c--") + "--b--",
		part(resp, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n{}"),
		"--b\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{}",
		"--b--",
	}
	out := make([][]byte, len(seeds))
	for i, s := range seeds {
		out[i] = []byte(s)
	}
	dir, err := testkit.SharedDir()
	if err != nil {
		return out
	}
	files, _ := filepath.Glob(filepath.Join(dir, "realworld", "wild", "*batch*"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			out = append(out, data)
		}
	}
	return out
}

// checkBatchError checks that err is a *WireError of the batch that wraps a
// sentinel of the batch codec.
func checkBatchError(t *testing.T, err error) {
	t.Helper()
	var we *ucwa.WireError
	if !errors.As(err, &we) || we.Op != "batch" || !strings.HasPrefix(err.Error(), "ucwa: batch") {
		t.Fatalf("error %v (%T) is not a *WireError of the batch", err, err)
	}
	for _, s := range []error{ucwa.ErrBatch, ucwa.ErrTruncated, ucwa.ErrTooLarge, ucwa.ErrContentLength, ucwa.ErrStatus} {
		if errors.Is(err, s) {
			return
		}
	}
	t.Fatalf("error %v wraps no sentinel of the batch codec", err)
}

// contentType returns the Content-Type a fuzzed batch is read with: the
// boundary "b", or none (the boundary from the first line) when the body
// does not start with "--b" and a line end.
func contentType(body []byte) string {
	if bytes.HasPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("--b\r")) ||
		bytes.HasPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("--b\n")) || !bytes.Contains(body, []byte("\n--")) {
		return "multipart/batching; boundary=b"
	}
	return ""
}

// plainPart is a part as mime/multipart and net/http read it.
type plainPart struct {
	status int
	body   []byte
	canon  bool // every header name was canonical: net/http saw what the decoder sees
}

// plainResponses reads a batch response with mime/multipart and
// http.ReadResponse alone, with the decoder's two cheap tolerances (blank
// lines before the status line, a header that ends the part), or returns
// an error.
func plainResponses(boundary string, body []byte) ([]plainPart, error) {
	var out []plainPart
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		data = bytes.TrimLeft(data, "\r\n")
		if !bytes.Contains(data, []byte("\n\n")) && !bytes.Contains(data, []byte("\n\r\n")) {
			data = append(bytes.TrimRight(data, "\r\n"), "\r\n\r\n"...)
		}
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(data)), nil)
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		canon := true
		for k := range resp.Header {
			canon = canon && textproto.CanonicalMIMEHeaderKey(k) == k
		}
		for k := range p.Header {
			canon = canon && textproto.CanonicalMIMEHeaderKey(k) == k
		}
		out = append(out, plainPart{resp.StatusCode, b, canon})
	}
}

// FuzzBatchResponse: DecodeBatchResponse never panics and refuses with a
// *WireError; what it accepts, mime/multipart and net/http read as the
// same parts (status and body); and its parts encode, and decode again to
// the same parts.
func FuzzBatchResponse(f *testing.F) {
	for _, s := range batchSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		ct := contentType(body)
		o := ucwa.BatchOptions{MaxParts: 20, MaxPartSize: 1 << 16}
		parts, err := o.DecodeResponses(ct, body)
		if err != nil {
			checkBatchError(t, err)
			return
		}
		if len(parts) == 0 || len(parts) > 20 {
			t.Fatalf("%d parts", len(parts))
		}
		boundary := "b"
		if ct == "" {
			line, _, _ := bytes.Cut(bytes.TrimLeft(body, " \t\r\n"), []byte("\n"))
			boundary = string(bytes.TrimRight(line, " \t\r")[2:])
		}
		plain, err := plainResponses(boundary, body)
		if err != nil {
			t.Fatalf("decoded %d parts; mime/multipart and net/http refuse: %v", len(parts), err)
		}
		if len(plain) != len(parts) {
			t.Fatalf("%d parts; mime/multipart and net/http read %d", len(parts), len(plain))
		}
		for i, p := range parts {
			if p.Status < 100 || p.Status > 599 {
				t.Fatalf("part %d: status %d", i+1, p.Status)
			}
			if plain[i].canon && (p.Status != plain[i].status || !bytes.Equal(p.Body, plain[i].body)) {
				t.Fatalf("part %d: %d %q; net/http reads %d %q", i+1, p.Status, p.Body, plain[i].status, plain[i].body)
			}
			// Each part is ready for the response reader, which never
			// panics on it.
			if r, err := p.Parse(nil); err == nil && r.Kind == ucwa.BodyNone && r.Resource != nil {
				t.Fatalf("part %d: kind none with a resource", i+1)
			}
		}
		enc, ct2, err := ucwa.BatchOptions{MaxParts: 20}.EncodeResponses(parts)
		if err != nil {
			// A decoded header may hold what a part cannot be written with
			// (a Transfer-Encoding is removed; anything else is a bug).
			t.Fatalf("decoded parts do not encode: %v", err)
		}
		again, err := ucwa.DecodeBatchResponse(ct2, enc)
		if err != nil {
			t.Fatalf("the encoding does not decode: %v\n%q", err, enc)
		}
		if diff := cmp.Diff(withLengths(parts), again); diff != "" {
			t.Fatalf("decode(encode(parts)) differs (-parts +again):\n%s", diff)
		}
	})
}

// FuzzBatchRequest: DecodeBatchRequest never panics and refuses with a
// *WireError; its parts encode, and decode again to the same parts; and
// each part's target is one net/http takes.
func FuzzBatchRequest(f *testing.F) {
	for _, s := range batchSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		o := ucwa.BatchOptions{MaxParts: 20, MaxPartSize: 1 << 16}
		parts, err := o.DecodeRequests(contentType(body), body)
		if err != nil {
			checkBatchError(t, err)
			return
		}
		for i, p := range parts {
			if p.Method == "" || p.Target == "" || strings.ContainsAny(p.Target, " \r\n") {
				t.Fatalf("part %d: %q %q", i+1, p.Method, p.Target)
			}
		}
		enc, ct, err := ucwa.BatchOptions{MaxParts: 20}.EncodeRequests(parts)
		if err != nil {
			// The decoder takes what net/http takes in a request target,
			// which may hold bytes a URI may not ('"', '{', …); the encoder
			// refuses those, as it must.
			if errors.Is(err, ucwa.ErrRequest) && strings.Contains(err.Error(), "target") {
				return
			}
			t.Fatalf("decoded parts do not encode: %v", err)
		}
		again, err := ucwa.DecodeBatchRequest(ct, enc)
		if err != nil {
			t.Fatalf("the encoding does not decode: %v\n%q", err, enc)
		}
		if diff := cmp.Diff(withLengths(parts), again); diff != "" {
			t.Fatalf("decode(encode(parts)) differs (-parts +again):\n%s", diff)
		}
	})
}

// withLengths returns parts with the Content-Length the encoder writes.
func withLengths[P ucwa.RequestPart | ucwa.ResponsePart](parts []P) []P {
	out := make([]P, len(parts))
	for i, p := range parts {
		switch p := any(&p).(type) {
		case *ucwa.RequestPart:
			p.Header = p.Header.Clone()
			if len(p.Body) > 0 || p.Method == "POST" || p.Method == "PUT" || p.Method == "PATCH" {
				p.Header.Set("Content-Length", itoa(len(p.Body)))
			}
		case *ucwa.ResponsePart:
			p.Header = p.Header.Clone()
			if p.Status >= 200 && p.Status != 204 && p.Status != 304 {
				p.Header.Set("Content-Length", itoa(len(p.Body)))
			}
		}
		out[i] = p
	}
	return out
}
