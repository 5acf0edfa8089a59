package ucwa

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

func batchRequests(t testing.TB) []RequestPart {
	t.Helper()
	note := &Resource{Rel: "note", Properties: []Property{Prop("message", String("Out of office"))}}
	var parts []RequestPart
	for _, c := range []struct {
		method, target string
		body           Body
		f              Format
	}{
		{"GET", "https://fe1.contoso.com/ucwa/v1/applications/192/me", nil, JSON},
		{"GET", "/ucwa/v1/applications/192/people/contacts?x=1", nil, XML},
		{"POST", "https://fe1.contoso.com/ucwa/v1/applications/192/me/note", &Input{Properties: []Property{
			Prop("message", String("hello ucwa"))}}, JSON},
		{"PUT", "https://fe1.contoso.com/ucwa/v1/applications/192/me/note", note, XML},
		{"POST", "https://fe1.contoso.com/ucwa/v1/applications/192/communication/makeMeAvailable", nil, JSON},
		{"DELETE", "https://fe1.contoso.com//v1/applications/833", nil, JSON},
	} {
		p, err := NewRequestPart(c.method, c.target, c.body, c.f)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, p)
	}
	parts[3].Header.Set("If-Match", `"4062011640"`)
	return parts
}

func batchResponses() []ResponsePart {
	return []ResponsePart{
		{Status: 200, Header: http.Header{"Content-Type": {"application/json; charset=utf-8"},
			"Cache-Control": {"no-cache"}}, Body: []byte(noteJSON)},
		{Status: 201, Header: http.Header{"Location": {"/ucwa/v1/applications/192/communication/messagingInvitations/1"}}},
		{Status: 204, Header: http.Header{}},
		{Status: 409, Header: http.Header{"Content-Type": {MediaTypeErrorJSON}}, Body: []byte(conflictJSON)},
		{Status: 200, Header: http.Header{"Content-Type": {"application/xml"}}, Body: []byte(noteXML)},
		{Status: 299, Header: http.Header{}},
	}
}

// withLength returns the parts as the decoder gives them back: with the
// Content-Length the encoder wrote.
func withLength[P RequestPart | ResponsePart](parts []P) []P {
	out := make([]P, len(parts))
	for i, p := range parts {
		switch p := any(&p).(type) {
		case *RequestPart:
			p.Header = p.Header.Clone()
			switch {
			case len(p.Body) > 0, p.Method == "POST", p.Method == "PUT":
				p.Header.Set("Content-Length", strconv.Itoa(len(p.Body)))
			}
		case *ResponsePart:
			p.Header = p.Header.Clone()
			if p.Status >= 200 && p.Status != 204 && p.Status != 304 {
				p.Header.Set("Content-Length", strconv.Itoa(len(p.Body)))
			}
		}
		out[i] = p
	}
	return out
}

func TestBatchRoundTrip(t *testing.T) {
	reqs := batchRequests(t)
	body, ct, err := EncodeBatchRequest(reqs)
	if err != nil {
		t.Fatal(err)
	}
	typ, params, err := mime.ParseMediaType(ct)
	if err != nil || typ != MediaTypeBatch || len(params["boundary"]) != 60 {
		t.Fatalf("Content-Type %q: %v %v", ct, params, err)
	}
	if bytes.Count(body, []byte("--"+params["boundary"])) != len(reqs)+1 {
		t.Errorf("the boundary is in a part:\n%s", body)
	}
	got, err := DecodeBatchRequest(ct, body)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(withLength(reqs), got); diff != "" {
		t.Errorf("requests (-sent +decoded):\n%s", diff)
	}
	// Decoded and encoded again under the same boundary: the same bytes.
	again, _, err := BatchOptions{Boundary: params["boundary"]}.EncodeRequests(got)
	if err != nil || !bytes.Equal(again, body) {
		t.Errorf("re-encoded: %v\n%s\nwant\n%s", err, again, body)
	}
	// Another encoding draws another boundary.
	if _, ct2, _ := EncodeBatchRequest(reqs); ct2 == ct {
		t.Errorf("the same boundary twice: %s", ct)
	}

	resps := batchResponses()
	body, ct, err = BatchOptions{Boundary: "0cac9abd"}.EncodeResponses(resps)
	if err != nil {
		t.Fatal(err)
	}
	if ct != "multipart/batching; boundary=0cac9abd" {
		t.Errorf("Content-Type %q", ct)
	}
	gotResps, err := DecodeBatchResponse(ct, body)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(withLength(resps), gotResps); diff != "" {
		t.Errorf("responses (-sent +decoded):\n%s", diff)
	}
	reqs2, resps2, err := DecodeBatch(ct, body)
	if err != nil || reqs2 != nil || len(resps2) != len(resps) {
		t.Errorf("DecodeBatch: %d requests, %d responses, %v", len(reqs2), len(resps2), err)
	}
	// Each part is ready for the response reader.
	base := mustURL(t, "https://fe1.contoso.com/ucwa/v1/applications/192/communication/messagingInvitations")
	wantKinds := []BodyKind{BodyResource, BodyNone, BodyNone, BodyError, BodyResource, BodyNone}
	for i, p := range gotResps {
		r, err := p.Parse(base)
		if p.Status == 409 {
			if !errors.Is(err, SubcodeAlreadyExists) {
				t.Errorf("part %d: %v", i+1, err)
			}
		} else if err != nil {
			t.Errorf("part %d: %v", i+1, err)
		}
		if r == nil || r.Kind != wantKinds[i] {
			t.Errorf("part %d: %+v, want kind %v", i+1, r, wantKinds[i])
		}
		if p.Status == 201 && (r.Location == nil || r.Location.ID != "1") {
			t.Errorf("part %d: Location %+v", i+1, r.Location)
		}
	}
}

// TestEncodeBatchBytes pins the encoding: what the reference's XML example
// shows, with Content-Length where there is a body.
func TestEncodeBatchBytes(t *testing.T) {
	p1, _ := NewRequestPart("GET", "https://fe1.contoso.com/ucwa/v1/applications/192/policies", nil, XML)
	p2, _ := NewRequestPart("POST", "/ucwa/v1/applications/192/me/note", &Input{Properties: []Property{
		Prop("message", String("hi"))}}, JSON)
	body, ct, err := BatchOptions{Boundary: "EA370946"}.EncodeRequests([]RequestPart{p1, p2})
	if err != nil {
		t.Fatal(err)
	}
	want := "--EA370946\r\n" +
		"Content-Type: application/http; msgtype=request\r\n\r\n" +
		"GET /ucwa/v1/applications/192/policies HTTP/1.1\r\n" +
		"Host: fe1.contoso.com\r\n" +
		"Accept: application/vnd.microsoft.com.ucwa+xml\r\n\r\n" +
		"\r\n--EA370946\r\n" +
		"Content-Type: application/http; msgtype=request\r\n\r\n" +
		"POST /ucwa/v1/applications/192/me/note HTTP/1.1\r\n" +
		"Accept: application/vnd.microsoft.com.ucwa+json\r\n" +
		"Content-Type: application/vnd.microsoft.com.ucwa+json\r\n" +
		"Content-Length: 16\r\n\r\n" +
		`{"message":"hi"}` +
		"\r\n--EA370946--\r\n"
	if ct != "multipart/batching; boundary=EA370946" || string(body) != want {
		t.Errorf("got %q\n%s\nwant\n%s", ct, body, want)
	}
	resp, _, err := BatchOptions{Boundary: "b"}.EncodeResponses([]ResponsePart{{Status: 204}, {Status: 299}})
	wantResp := "--b\r\nContent-Type: application/http; msgtype=response\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n" +
		"\r\n--b\r\nContent-Type: application/http; msgtype=response\r\n\r\nHTTP/1.1 299 \r\nContent-Length: 0\r\n\r\n" +
		"\r\n--b--\r\n"
	if err != nil || string(resp) != wantResp {
		t.Errorf("responses: %v\n%q\nwant\n%q", err, resp, wantResp)
	}
}

// batchOf frames HTTP messages as a batch with the boundary "b", each part
// with the MIME header head, lines ending in CRLF.
func batchOf(head string, msgs ...string) string {
	var b strings.Builder
	for _, m := range msgs {
		b.WriteString("--b\r\n" + head + "\r\n" + m + "\r\n")
	}
	b.WriteString("--b--\r\n")
	return b.String()
}

const (
	reqHead  = "Content-Type: application/http; msgtype=request\r\n"
	respHead = "Content-Type: application/http; msgtype=response\r\n"
	getMe    = "GET /ucwa/v1/applications/192/me HTTP/1.1\r\nHost: fe1.contoso.com\r\nAccept: application/json\r\n\r\n"
	okNote   = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + noteJSON
)

func TestDecodeBatchTolerates(t *testing.T) {
	ct := "multipart/batching; boundary=b"
	for _, tc := range []struct {
		name  caseName
		ct    string
		body  string
		reqs  int
		resps int
		check func(t *testing.T, reqs []RequestPart, resps []ResponsePart)
	}{
		{name: name("unquoted boundary"), ct: ct, body: batchOf(respHead, okNote), resps: 1},
		{name: name("quoted boundary, no space"), ct: `multipart/batching;boundary="b"`, body: batchOf(respHead, okNote),
			resps: 1},
		{name: name("no Content-Type: the boundary from the first line"), body: "\r\n\r\n" + batchOf(reqHead, getMe),
			reqs: 1},
		{name: name("upper-case type and parameter"), ct: "Multipart/Batching; BOUNDARY=b", body: batchOf(respHead, okNote),
			resps: 1},
		{name: name("a preamble and an epilogue"), ct: ct,
			body: "This is a preamble.\r\n" + batchOf(respHead, okNote) + "an epilogue\r\n", resps: 1},
		{name: name("no CRLF after the closing boundary"), ct: ct,
			body: strings.TrimSuffix(batchOf(respHead, okNote, okNote), "\r\n"), resps: 2},
		{name: name("white space after a boundary"), ct: ct,
			body: strings.ReplaceAll(batchOf(respHead, okNote), "--b\r\n", "--b \t\r\n"), resps: 1},
		{name: name("bare LF"), ct: ct, body: strings.ReplaceAll(batchOf(reqHead, getMe, getMe), "\r\n", "\n"), reqs: 2},
		{name: name("LWS before ':' in the part's MIME header"), ct: ct,
			body: batchOf("Content-Type : application/http;msgtype=response\r\n", okNote), resps: 1},
		{name: name("LWS before ':' in the HTTP header, Content-Length among them"), ct: ct,
			body: batchOf(reqHead, "POST /x HTTP/1.1\r\nContent-Type  : application/json\r\nContent-Length : 2\r\n\r\n{}\r\n"),
			reqs: 1, check: func(t *testing.T, reqs []RequestPart, _ []ResponsePart) {
				if string(reqs[0].Body) != "{}" || reqs[0].Header.Get("Content-Type") != "application/json" ||
					reqs[0].Header.Get("Content-Length") != "2" {
					t.Errorf("%+v", reqs[0])
				}
			}},
		{name: name("no Content-Type on the parts"), ct: ct, body: batchOf("", getMe, getMe), reqs: 2},
		{name: name("no msgtype: told by the start line"), ct: ct,
			body: batchOf("Content-Type: application/http\r\n", okNote), resps: 1},
		{name: name("a part's Content-Length that disagrees, and its transfer encoding"), ct: ct,
			body: batchOf(reqHead+"Content-Length: 200\r\nContent-Transfer-Encoding: binary\r\n", getMe), reqs: 1},
		{name: name("blank lines before the request line and after the message"), ct: ct,
			body: batchOf(reqHead, "\r\n"+getMe+"\r\n\r\n"), reqs: 1},
		{name: name("a request body without Content-Length"), ct: ct,
			body: batchOf(reqHead, "POST /x HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n\r\n"),
			reqs: 1, check: func(t *testing.T, reqs []RequestPart, _ []ResponsePart) {
				if string(reqs[0].Body) != `{"a":1}` {
					t.Errorf("body %q", reqs[0].Body)
				}
			}},
		{name: name("a chunked response body"), ct: ct,
			body: batchOf(respHead, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"), resps: 1,
			check: func(t *testing.T, _ []RequestPart, resps []ResponsePart) {
				if string(resps[0].Body) != "{}" || resps[0].Header.Get("Transfer-Encoding") != "" {
					t.Errorf("%+v", resps[0])
				}
			}},
		{name: name("a 204 followed by a blank line"), ct: ct, body: batchOf(respHead, "HTTP/1.1 204 No Content\r\n\r\n\r\n"),
			resps: 1},
		{name: name("HTTP/1.0 and a status without a reason"), ct: ct, body: batchOf(respHead, "HTTP/1.0 200\r\n\r\n{}"),
			resps: 1},
	} {
		t.Run(tc.name.Name, func(t *testing.T) {
			reqs, resps, err := DecodeBatch(tc.ct, []byte(tc.body))
			if err != nil || len(reqs) != tc.reqs || len(resps) != tc.resps {
				t.Fatalf("%s: %d requests, %d responses, %v; want %d, %d", tc.name.Where, len(reqs), len(resps), err,
					tc.reqs, tc.resps)
			}
			if tc.check != nil {
				tc.check(t, reqs, resps)
			}
		})
	}
}

func TestDecodeBatchRefuses(t *testing.T) {
	ct := "multipart/batching; boundary=b"
	for _, tc := range []struct {
		name caseName
		ct   string
		body string
		err  error
		part int
		msg  string
	}{
		{name("not multipart/batching"), "multipart/mixed; boundary=b", batchOf(respHead, okNote), ErrBatch, 0,
			"not multipart/batching"},
		{name("no boundary parameter"), "multipart/batching", batchOf(respHead, okNote), ErrBatch, 0, "no boundary"},
		{name("empty boundary"), `multipart/batching; boundary=""`, batchOf(respHead, okNote), ErrBatch, 0, "no boundary"},
		{name("boundary over 70 characters"), "multipart/batching; boundary=" + strings.Repeat("b", 71),
			"--" + strings.Repeat("b", 71) + "--", ErrBatch, 0, "longer than 70"},
		{name("malformed Content-Type"), "multipart/batching; boundary", "", ErrBatch, 0, "Content-Type"},
		{name("no Content-Type and no boundary line"), "", "HTTP/1.1 200 OK\r\n\r\n", ErrBatch, 0, "boundary line"},
		{name("no boundary line in the body"), ct, okNote, ErrBatch, 0, `no boundary line "--b"`},
		{name("no part"), ct, "--b--\r\n", ErrBatch, 0, "no part"},
		{name("a part without a boundary end"), ct, "--b\r\n" + respHead + "\r\n" + okNote, ErrTruncated, 1,
			"no boundary after"},
		{name("no closing boundary"), ct, "--b\r\n" + respHead + "\r\n" + okNote + "\r\n--b", ErrTruncated, 2,
			"closing boundary"},
		{name("a nested multipart part"), ct, batchOf("Content-Type: multipart/mixed; boundary=c\r\n", okNote), ErrBatch, 1,
			"nested multipart"},
		{name("a multipart body"), ct, batchOf(respHead,
			"HTTP/1.1 200 OK\r\nContent-Type: multipart/related; boundary=c\r\n\r\n--c--"), ErrBatch, 1, "nested multipart"},
		{name("a part of another type"), ct, batchOf("Content-Type: text/plain\r\n", okNote), ErrBatch, 1,
			"not application/http"},
		{name("a bogus msgtype"), ct, batchOf("Content-Type: application/http; msgtype=reply\r\n", okNote), ErrBatch, 1,
			"msgtype"},
		{name("base64 parts"), ct, batchOf(respHead+"Content-Transfer-Encoding: base64\r\n", okNote), ErrBatch, 1, "base64"},
		{name("a request among responses"), ct, batchOf("", okNote, getMe), ErrBatch, 2, "a request in a batch of responses"},
		{name("not an HTTP message"), ct, batchOf(respHead, "hello"), ErrBatch, 1, "not an HTTP"},
		{name("the page's request line without spaces"), ct,
			batchOf(reqHead, "GET/ucwa/v1/applications/11540713861/policiesHTTP/1.1\r\n\r\n"), ErrBatch, 1,
			"not an HTTP request"},
		{name("the page's status line without spaces"), ct, batchOf(respHead, "HTTP/1.1200OK\r\n\r\n"), ErrBatch, 1,
			"not an HTTP response"},
		{name("a header line without ':'"), ct, batchOf("Content-Type application/http\r\n", okNote), ErrBatch, 1,
			"MIME header"},
		{name("a body shorter than its Content-Length"), ct,
			batchOf(reqHead, "POST /x HTTP/1.1\r\nContent-Length: 40\r\n\r\n{}"), ErrTruncated, 1, "shorter"},
		{name("data after the body its Content-Length declares"), ct,
			batchOf(reqHead, "POST /x HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}GET /admin HTTP/1.1\r\n\r\n"), ErrContentLength, 1,
			"after the body"},
		{name("a response body after its Content-Length"), ct,
			batchOf(respHead, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}{}"), ErrContentLength, 1, "after the body"},
		{name("a body on a 204"), ct, batchOf(respHead, "HTTP/1.1 204 No Content\r\n\r\n"+noteJSON), ErrContentLength, 1, ""},
		{name("differing Content-Lengths"), ct,
			batchOf(reqHead, "POST /x HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"), ErrBatch, 1, ""},
		{name("a header name with a space"), ct, batchOf(respHead, "HTTP/1.1 200 OK\r\nC 0: x\r\n\r\n"), ErrBatch, 1,
			`header name "C 0" is not a token`},
		{name("a part header name with a space"), ct, batchOf(respHead+"X Y: 1\r\n", okNote), ErrBatch, 1, "not a token"},
		{name("HTTP/0.0"), ct, batchOf(respHead, "HTTP/0.0 200 OK\r\n\r\n"), ErrBatch, 1, "HTTP version 0"},
		{name("status 600"), ct, batchOf(respHead, "HTTP/1.1 600 Odd\r\n\r\n"), ErrStatus, 1, "600"},
		{name("a bad chunk"), ct, batchOf(respHead, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
			ErrBatch, 1, ""},
	} {
		t.Run(tc.name.Name, func(t *testing.T) {
			reqs, resps, err := BatchOptions{}.Decode(tc.ct, []byte(tc.body))
			var we *WireError
			if reqs != nil || resps != nil || !errors.Is(err, tc.err) || !errors.As(err, &we) {
				t.Fatalf("%s: %d requests, %d responses, %v; want %v", tc.name.Where, len(reqs), len(resps), err, tc.err)
			}
			if we.Part != tc.part || we.Op != "batch" || !strings.Contains(err.Error(), tc.msg) ||
				!strings.HasPrefix(err.Error(), "ucwa: batch") {
				t.Errorf("%s: %q (part %d), want part %d and %q", tc.name.Where, err, we.Part, tc.part, tc.msg)
			}
		})
	}
}

func TestDecodeBatchKind(t *testing.T) {
	ct := "multipart/batching; boundary=b"
	if _, err := DecodeBatchResponse(ct, []byte(batchOf(reqHead, getMe))); !errors.Is(err, ErrBatch) ||
		!strings.Contains(err.Error(), "part 1: a request in a batch of responses") {
		t.Errorf("requests as responses: %v", err)
	}
	if _, err := DecodeBatchRequest(ct, []byte(batchOf("", okNote))); !errors.Is(err, ErrBatch) ||
		!strings.Contains(err.Error(), "part 1: a response in a batch of requests") {
		t.Errorf("responses as requests: %v", err)
	}
}

// TestBatchLimits checks each limit at N and N+1, for the decoders and the
// encoders.
func TestBatchLimits(t *testing.T) {
	part := ResponsePart{Status: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: []byte(noteJSON)}
	parts := []ResponsePart{part, part, part}
	body, ct, err := BatchOptions{Boundary: "b"}.EncodeResponses(parts)
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := encodeResponsePart(&part, 1)
	for _, tc := range []struct {
		name caseName
		o    BatchOptions
		ok   bool
	}{
		{name("3 parts, MaxParts 3"), BatchOptions{MaxParts: 3}, true},
		{name("3 parts, MaxParts 2"), BatchOptions{MaxParts: 2}, false},
		{name("parts at MaxPartSize"), BatchOptions{MaxPartSize: len(msg)}, true},
		{name("parts one byte over MaxPartSize"), BatchOptions{MaxPartSize: len(msg) - 1}, false},
		{name("batch at MaxSize"), BatchOptions{MaxSize: len(body)}, true},
		{name("batch one byte over MaxSize"), BatchOptions{MaxSize: len(body) - 1}, false},
	} {
		tc.o.Boundary = "b"
		_, derr := tc.o.DecodeResponses(ct, body)
		_, _, eerr := tc.o.EncodeResponses(parts)
		for what, err := range map[string]error{"decode": derr, "encode": eerr} {
			if tc.ok && err != nil || !tc.ok && !errors.Is(err, ErrTooLarge) {
				t.Errorf("%s: %s: %s: %v", tc.name.Where, tc.name.Name, what, err)
			}
		}
	}
	// The defaults: 100 parts are a batch, 101 are not.
	get, _ := NewRequestPart("GET", "/x", nil, JSON)
	many := make([]RequestPart, DefaultMaxBatchParts+1)
	for i := range many {
		many[i] = get
	}
	if _, _, err := EncodeBatchRequest(many[:DefaultMaxBatchParts]); err != nil {
		t.Errorf("%d parts: %v", DefaultMaxBatchParts, err)
	}
	if _, _, err := EncodeBatchRequest(many); !errors.Is(err, ErrTooLarge) {
		t.Errorf("%d parts: %v", len(many), err)
	}
	body, ct, _ = BatchOptions{MaxParts: len(many)}.EncodeRequests(many)
	if _, err := DecodeBatchRequest(ct, body); !errors.Is(err, ErrTooLarge) {
		t.Errorf("decode %d parts: %v", len(many), err)
	}
}

func TestEncodeBatchRefuses(t *testing.T) {
	ok, _ := NewRequestPart("GET", "/x", nil, JSON)
	for _, tc := range []struct {
		name  caseName
		o     BatchOptions
		parts []RequestPart
		err   error
	}{
		{name("no parts"), BatchOptions{}, nil, ErrBatch},
		{name("CRLF in a header value"), BatchOptions{}, []RequestPart{{Method: "GET", Target: "/x",
			Header: http.Header{"X": {"a\r\nHost: evil"}}}}, ErrRequest},
		{name("a header name with a space"), BatchOptions{}, []RequestPart{{Method: "GET", Target: "/x",
			Header: http.Header{"X Y": {"a"}}}}, ErrRequest},
		{name("a target with a space"), BatchOptions{}, []RequestPart{{Method: "GET", Target: "/x HTTP/1.0\r\n"}},
			ErrRequest},
		{name("an empty target"), BatchOptions{}, []RequestPart{{Method: "GET"}}, ErrRequest},
		{name("a method with a space"), BatchOptions{}, []RequestPart{{Method: "GE T", Target: "/x"}}, ErrRequest},
		{name("a Content-Length that disagrees"), BatchOptions{}, []RequestPart{{Method: "POST", Target: "/x",
			Header: http.Header{"Content-Length": {"5"}}, Body: []byte("{}")}}, ErrRequest},
		{name("a Transfer-Encoding"), BatchOptions{}, []RequestPart{{Method: "POST", Target: "/x",
			Header: http.Header{"Transfer-Encoding": {"chunked"}}, Body: []byte("{}")}}, ErrRequest},
		{name("a boundary in a part"), BatchOptions{Boundary: "note"}, []RequestPart{{Method: "POST", Target: "/x",
			Body: []byte("--note")}}, ErrBatch},
		{name("an invalid boundary"), BatchOptions{Boundary: "a\x00b"}, []RequestPart{ok}, ErrBatch},
		{name("a boundary over 70 characters"), BatchOptions{Boundary: strings.Repeat("b", 71)}, []RequestPart{ok}, ErrBatch},
	} {
		if _, _, err := tc.o.EncodeRequests(tc.parts); !errors.Is(err, tc.err) || !strings.HasPrefix(err.Error(),
			"ucwa: batch") {
			t.Errorf("%s: %s: %v, want %v", tc.name.Where, tc.name.Name, err, tc.err)
		}
	}
	for _, p := range []ResponsePart{{Status: 99}, {Status: 600}, {Status: 204, Body: []byte("{}")}} {
		if _, _, err := EncodeBatchResponse([]ResponsePart{p}); !errors.Is(err, ErrStatus) {
			t.Errorf("status %d, %d bytes: %v", p.Status, len(p.Body), err)
		}
	}
}

// wildEntry is an entry of ../shared/realworld/wild/manifest.json.
type wildEntry struct {
	File      string `json:"file"`
	Kind      string `json:"kind"`
	Direction string `json:"direction"`
}

// wildManifest returns the real-world captures' manifest, or skips the test.
func wildManifest(t testing.TB) []wildEntry {
	t.Helper()
	var m []wildEntry
	if err := json.Unmarshal(testkit.ReadShared(t, "realworld", "wild", "manifest.json"), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// plainParts reads a batch with mime/multipart and net/http and nothing
// else: the independent reading the decoder is compared with.
func plainParts(t *testing.T, boundary string, body []byte, response bool) (bodies [][]byte, statuses []int) {
	t.Helper()
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			return bodies, statuses
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(p)
		br := bufio.NewReader(bytes.NewReader(bytes.TrimLeft(data, "\r\n")))
		var b []byte
		if response {
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatal(err)
			}
			b, _ = io.ReadAll(resp.Body)
			statuses = append(statuses, resp.StatusCode)
		} else {
			req, err := http.ReadRequest(br)
			if err != nil {
				t.Fatal(err)
			}
			b, _ = io.ReadAll(req.Body)
		}
		bodies = append(bodies, b)
	}
}

// TestDecodeBatchWild decodes the batches captured from real deployments
// (../shared/realworld/wild), compares them with plainParts, and reads
// every response part.
func TestDecodeBatchWild(t *testing.T) {
	n := 0
	for _, e := range wildManifest(t) {
		if e.Kind != "batch" {
			continue
		}
		n++
		data := testkit.ReadShared(t, "realworld", "wild", e.File)
		boundary, _ := batchBoundary("", data)
		reqs, resps, err := DecodeBatch("", data)
		if err != nil {
			t.Errorf("%s: %v", e.File, err)
			continue
		}
		// With the Content-Type the server sent, quoted, the same.
		reqs2, resps2, err := DecodeBatch(`multipart/batching; boundary="`+boundary+`"`, data)
		if err != nil || !cmp.Equal(reqs, reqs2) || !cmp.Equal(resps, resps2) {
			t.Errorf("%s: with a Content-Type: %v", e.File, err)
		}
		isResp := e.Direction == "response"
		if isResp != (resps != nil) {
			t.Errorf("%s: a %s, decoded as %d requests, %d responses", e.File, e.Direction, len(reqs), len(resps))
		}
		bodies, statuses := plainParts(t, boundary, data, isResp)
		if len(bodies) != len(reqs)+len(resps) {
			t.Errorf("%s: %d parts, mime/multipart reads %d", e.File, len(reqs)+len(resps), len(bodies))
			continue
		}
		for i, p := range reqs {
			if !bytes.Equal(p.Body, bytes.TrimRight(bodies[i], "\r\n")) || !strings.HasPrefix(p.Target, "/ucwa/oauth/v1/") ||
				p.Header.Get("Host") == "" {
				t.Errorf("%s: part %d: %s %s %q, net/http reads body %q", e.File, i+1, p.Method, p.Target, p.Body, bodies[i])
			}
		}
		for i, p := range resps {
			if p.Status != statuses[i] || !bytes.Equal(p.Body, bodies[i]) {
				t.Errorf("%s: part %d: %d %q, net/http reads %d %q", e.File, i+1, p.Status, p.Body, statuses[i], bodies[i])
			}
			r, err := p.Parse(nil)
			if err != nil || (r.Kind == BodyResource) != (p.Status == 200) {
				t.Errorf("%s: part %d: %+v, %v", e.File, i+1, r, err)
			}
		}
	}
	if n < 8 {
		t.Errorf("%d batches in the manifest, want 8 or more", n)
	}
}

// TestDecodeBatchReference decodes the batches of the reference: the
// examples of batch_ref (the XML ones decode; the JSON ones lost their line
// breaks and spaces to HTML on the page, and are refused) and of
// BatchingRequests.
func TestDecodeBatchReference(t *testing.T) {
	for _, tc := range []struct {
		file  string
		parts int
		err   error
	}{
		{"batch.POST.xml-request.http", 2, nil},
		{"batch.POST.xml-response.http", 2, nil},
		{"batch.POST.json-request.http", 0, ErrBatch},
		{"batch.POST.json-response.http", 0, ErrBatch},
	} {
		_, h, body, err := testkit.ParseMessage(testkit.ReadShared(t, "corpus", tc.file))
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		reqs, resps, err := DecodeBatch(h.Get("Content-Type"), body)
		if !errors.Is(err, tc.err) || len(reqs)+len(resps) != tc.parts {
			t.Errorf("%s: %d requests, %d responses, %v", tc.file, len(reqs), len(resps), err)
		}
		for i, p := range resps {
			if r, err := p.Parse(nil); err != nil || r.Kind != BodyResource || r.Format != XML {
				t.Errorf("%s: part %d: %+v, %v", tc.file, i+1, r, err)
			}
		}
		for _, p := range reqs {
			if p.Method != "GET" || p.Header.Get("Accept") != MediaTypeUCWAXML || p.Header.Get("Host") != "fe1.contoso.com" {
				t.Errorf("%s: %+v", tc.file, p)
			}
		}
	}

	// BatchingRequests.md: the request, and the response, whose bodies the
	// page starts with "?" (a byte-order mark, lost) and elides with "...".
	blocks := testkit.CodeBlocks(t, "BatchingRequests.md")
	if len(blocks) < 2 {
		t.Fatalf("BatchingRequests.md: %d code blocks", len(blocks))
	}
	message := func(block string) (http.Header, []byte) {
		head, body, _ := strings.Cut(block, "\n\n")
		h := http.Header{}
		for _, l := range strings.Split(head, "\n")[1:] {
			k, v, _ := strings.Cut(l, ":")
			h.Add(strings.TrimSpace(k), strings.TrimSpace(v))
		}
		return h, []byte(body)
	}
	h, body := message(blocks[0])
	reqs, err := DecodeBatchRequest(h.Get("Content-Type"), body)
	if err != nil || len(reqs) != 2 || reqs[0].Target != "/ucwa/oauth/v1/applications/103/people/contacts" ||
		reqs[1].Target != "/ucwa/oauth/v1/applications/103/me" {
		t.Errorf("BatchingRequests request: %+v, %v", reqs, err)
	}
	h, body = message(blocks[1])
	resps, err := DecodeBatchResponse(h.Get("Content-Type"), body)
	if err != nil || len(resps) != 2 {
		t.Fatalf("BatchingRequests response: %d parts, %v", len(resps), err)
	}
	for i, p := range resps {
		if _, err := p.Parse(nil); !errors.Is(err, ErrSyntax) {
			t.Errorf("BatchingRequests response part %d: %v, want the page's \"?\" refused", i+1, err)
		}
	}
	// The second body is whole: with its byte-order mark back, it is me.
	p := resps[1]
	p.Body = append([]byte("\xef\xbb\xbf"), bytes.TrimPrefix(p.Body, []byte("?"))...)
	if r, err := p.Parse(nil); err != nil || r.Resource.Type() != "me" {
		t.Errorf("BatchingRequests response part 2 with its BOM: %+v, %v", r, err)
	}
}
