package ucwa

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

const responseBase = "https://fe1.contoso.com/ucwa/v1/applications/192/communication/messagingInvitations"

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

const (
	noteJSON = `{"rel":"note","message":"Out of office","_links":{"self":{"href":"/ucwa/v1/applications/192/me/note"}}}`
	noteXML  = `<resource rel="note" href="/ucwa/v1/applications/192/me/note" xmlns="` + Namespace + `">` +
		`<property name="message">Out of office</property></resource>`
	eventsJSON = `{"_links":{"self":{"href":"/ucwa/v1/applications/192/events?ack=1"},` +
		`"next":{"href":"/ucwa/v1/applications/192/events?ack=2"}},"sender":[{"rel":"me",` +
		`"href":"/ucwa/v1/applications/192/me","events":[{"link":{"rel":"note",` +
		`"href":"/ucwa/v1/applications/192/me/note"},"type":"updated"}]}]}`
	emptyEventsJSON = `{"_links":{"self":{"href":"/ucwa/v1/applications/192/events?ack=1"},` +
		`"next":{"href":"/ucwa/v1/applications/192/events?ack=2"}}}`
	eventsXML = `<events href="/ucwa/v1/applications/192/events?ack=1" xmlns="` + Namespace + `">` +
		`<link rel="next" href="/ucwa/v1/applications/192/events?ack=2"/></events>`
	conflictJSON = `{"code":"Conflict","subcode":"AlreadyExists","message":"The requested resource already exists."}`
)

type responseCase struct {
	name   caseName
	opts   ResponseOptions
	status int
	header map[string]string
	body   string

	kind     BodyKind
	format   Format
	location string // the Location's URL
	err      error  // a sentinel, or nil
	errText  string // a part of the message
}

var responseCases = []responseCase{
	{name: name("resource, plain JSON type"), status: 200, header: map[string]string{"Content-Type": "application/json"},
		body: noteJSON, kind: BodyResource, format: JSON},
	{name: name("resource, precise type with charset"), status: 200,
		header: map[string]string{"Content-Type": "application/vnd.microsoft.com.ucwa+json; charset=utf-8"},
		body:   noteJSON, kind: BodyResource, format: JSON},
	{name: name("resource, XML"), status: 200, header: map[string]string{"Content-Type": "application/xml"},
		body: noteXML, kind: BodyResource, format: XML},
	{name: name("resource, no Content-Type"), status: 200, body: noteJSON, kind: BodyResource, format: JSON},
	{name: name("events, plain JSON type"), status: 200, header: map[string]string{"Content-Type": "application/json"},
		body: eventsJSON, kind: BodyEvents, format: JSON},
	{name: name("events on a timeout: links alone"), status: 200,
		header: map[string]string{"Content-Type": "application/json"}, body: emptyEventsJSON, kind: BodyEvents, format: JSON},
	{name: name("events, XML"), status: 200, header: map[string]string{"Content-Type": "application/xml"},
		body: eventsXML, kind: BodyEvents, format: XML},
	{name: name("events told by the media type"), status: 200,
		header: map[string]string{"Content-Type": MediaTypeEventsJSON}, body: emptyEventsJSON, kind: BodyEvents,
		format: JSON},
	{name: name("events asked for"), opts: ResponseOptions{Kind: BodyEvents}, status: 200,
		header: map[string]string{"Content-Type": "application/json"}, body: emptyEventsJSON, kind: BodyEvents, format: JSON},
	{name: name("a resource with neither rel nor self is a resource"), status: 200,
		header: map[string]string{"Content-Type": "application/json"},
		body:   `{"_links":{"redirect":{"href":"https://contoso.com/Autodiscover/AutodiscoverService.svc/root"}}}`,
		kind:   BodyResource, format: JSON},
	{name: name("201 with a Location"), status: 201, header: map[string]string{
		"Location": "/ucwa/v1/applications/192/communication/messagingInvitations/602"},
		kind: BodyNone, location: "https://fe1.contoso.com/ucwa/v1/applications/192/communication/messagingInvitations/602"},
	{name: name("201 with the seed's Location"), status: 201, header: map[string]string{
		"Location": "//v1/applications/833/communication/invitations/596"},
		kind: BodyNone, location: "https://fe1.contoso.com//v1/applications/833/communication/invitations/596"},
	{name: name("201 with a body"), status: 201, header: map[string]string{"Content-Type": "application/json"},
		body: noteJSON, kind: BodyResource, format: JSON},
	{name: name("201 with a Location elsewhere"), status: 201,
		header: map[string]string{"Location": "https://evil.example/ucwa/v1/x"}, err: ErrCrossOrigin},
	{name: name("204"), status: 204, kind: BodyNone},
	{name: name("204 with Content-Length 0"), status: 204, header: map[string]string{"Content-Length": "0"},
		kind: BodyNone},
	{name: name("200 without a body to a PUT"), status: 200, kind: BodyNone},
	{name: name("200 without a body when a resource is expected"), opts: ResponseOptions{Kind: BodyResource},
		status: 200, err: ErrNoBody, errText: "200 OK without a body"},
	{name: name("200 with white space when events are expected"), opts: ResponseOptions{Kind: BodyEvents},
		status: 200, body: "\r\n", err: ErrNoBody},
	{name: name("a photo"), status: 200, header: map[string]string{"Content-Type": "image/jpeg"}, body: "\xff\xd8\xff\xe0",
		kind: BodyNone},
	{name: name("a photo when a resource is expected"), opts: ResponseOptions{Kind: BodyResource}, status: 200,
		header: map[string]string{"Content-Type": "image/jpeg"}, body: "\xff\xd8\xff\xe0", err: ErrMediaType},
	{name: name("a proxy's page on a 200"), status: 200, header: map[string]string{"Content-Type": "text/html"},
		body: "<html><body>Sign in</body></html>", kind: BodyNone},
	{name: name("a body neither JSON nor XML, no Content-Type"), status: 200, body: "hello", kind: BodyNone},
	{name: name("3xx: nothing decoded"), status: 302, header: map[string]string{"Location": "https://elsewhere.example/"},
		body: noteJSON, kind: BodyNone},

	// Errors.
	{name: name("409 error body"), status: 409, header: map[string]string{"Content-Type": "application/json"},
		body: conflictJSON, kind: BodyError, format: JSON, err: SubcodeAlreadyExists},
	{name: name("409 error body, precise type"), status: 409,
		header: map[string]string{"Content-Type": MediaTypeErrorJSON},
		body:   conflictJSON, kind: BodyError, format: JSON, err: CodeConflict},
	{name: name("502 from a proxy"), status: 502, header: map[string]string{"Content-Type": "text/html"},
		body: "<html>Bad Gateway</html>", kind: BodyNone, err: ErrNotUCWA},
	{name: name("500 without a body"), status: 500, kind: BodyNone, err: ErrNotUCWA},
	{name: name("409 with a wrong Content-Length: still the *Error"), status: 409,
		header: map[string]string{"Content-Type": "application/json", "Content-Length": "1000"}, body: conflictJSON,
		kind: BodyNone, err: ErrTruncated},
	{name: name("503 compressed: still the *Error"), status: 503,
		header: map[string]string{"Content-Type": "application/json", "Content-Encoding": "gzip"}, body: "\x1f\x8b",
		kind: BodyNone, err: ErrMediaType},
	{name: name("404 truncated error body"), status: 404, header: map[string]string{"Content-Type": "application/json"},
		body: `{"code":"NotFound",`, kind: BodyNone, err: ErrSyntax},

	// Refused.
	{name: name("Content-Length shorter than the body"), status: 200, header: map[string]string{"Content-Length": "10"},
		body: noteJSON, err: ErrContentLength, errText: "Content-Length 10"},
	{name: name("Content-Length longer than the body: truncated"), status: 200,
		header: map[string]string{"Content-Length": "1000"}, body: noteJSON, err: ErrTruncated},
	{name: name("Content-Length not a number"), status: 200, header: map[string]string{"Content-Length": "ten"},
		body: noteJSON, err: ErrContentLength},
	{name: name("Content-Length negative"), status: 200, header: map[string]string{"Content-Length": "-1"},
		body: noteJSON, err: ErrContentLength},
	{name: name("a charset other than UTF-8"), status: 200,
		header: map[string]string{"Content-Type": "application/json; charset=iso-8859-1"}, body: noteJSON,
		err: ErrMediaType, errText: `charset "iso-8859-1" is not UTF-8`},
	{name: name("UTF-16 body"), status: 200, header: map[string]string{"Content-Type": "application/json"},
		body: "\xff\xfe{\x00}\x00", err: ErrSyntax},
	{name: name("a UCWA type that mime cannot read"), status: 200,
		header: map[string]string{"Content-Type": "application/json; charset"}, body: noteJSON, err: ErrMediaType},
	{name: name("compressed"), status: 200, header: map[string]string{"Content-Type": "application/json",
		"Content-Encoding": "gzip"}, body: "\x1f\x8b", err: ErrMediaType, errText: "still encoded"},
	{name: name("truncated resource"), status: 200, header: map[string]string{"Content-Type": "application/json"},
		body: noteJSON[:40], err: ErrSyntax},
	{name: name("an error body on a 200"), status: 200, header: map[string]string{"Content-Type": MediaTypeErrorJSON},
		body: conflictJSON, kind: BodyError, format: JSON},
	{name: name("status 0"), status: 0, err: ErrStatus},
	{name: name("status 600"), status: 600, err: ErrStatus},
	{name: name("body over MaxSize"), opts: ResponseOptions{Options: Options{MaxSize: len(noteJSON) - 1}}, status: 200,
		header: map[string]string{"Content-Type": "application/json"}, body: noteJSON, err: ErrTooLarge},
	{name: name("body at MaxSize"), opts: ResponseOptions{Options: Options{MaxSize: len(noteJSON)}}, status: 200,
		header: map[string]string{"Content-Type": "application/json"}, body: noteJSON, kind: BodyResource, format: JSON},
}

func (tc *responseCase) httpHeader() http.Header {
	h := http.Header{}
	for k, v := range tc.header {
		h.Set(k, v)
	}
	return h
}

func checkResponse(t *testing.T, where string, tc *responseCase, r *Response, err error) {
	t.Helper()
	if tc.err != nil {
		if !errors.Is(err, tc.err) {
			t.Fatalf("%s: error %v, want %v", where, err, tc.err)
		}
		if !strings.HasPrefix(err.Error(), "ucwa: ") || !strings.Contains(err.Error(), tc.errText) {
			t.Errorf("%s: error %q lacks \"ucwa: \" or %q", where, err, tc.errText)
		}
		if tc.status < 400 || tc.status > 599 {
			if r != nil {
				t.Errorf("%s: a Response beside the error %v", where, err)
			}
			return
		}
		var e *Error
		if !errors.As(err, &e) || r == nil || r.Error != e || e.Status != tc.status {
			t.Fatalf("%s: want the *Error of status %d in the error and the Response; got %v, %+v", where, tc.status, err, r)
		}
	} else if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	if r.Status != tc.status || r.Kind != tc.kind || r.Format != tc.format {
		t.Errorf("%s: status %d kind %v format %v, want %d %v %v", where, r.Status, r.Kind, r.Format,
			tc.status, tc.kind, tc.format)
	}
	if (r.Kind == BodyResource) != (r.Resource != nil) || (r.Kind == BodyEvents) != (r.Events != nil) ||
		r.Kind == BodyError && r.Error == nil {
		t.Errorf("%s: kind %v, Resource %v, Events %v, Error %v", where, r.Kind, r.Resource, r.Events, r.Error)
	}
	if got := ""; r.Location != nil || tc.location != "" {
		if r.Location != nil {
			got = r.Location.URL.String()
		}
		if got != tc.location {
			t.Errorf("%s: Location %q, want %q", where, got, tc.location)
		}
	}
	if r.Kind == BodyResource {
		want, err := DecodeResource([]byte(tc.body), r.Format)
		if err != nil || !sameResource(r.Resource, &want) {
			t.Errorf("%s: resource differs from DecodeResource's (%v)", where, err)
		}
	}
	if string(r.Body) != tc.body {
		t.Errorf("%s: Body %q, want %q", where, r.Body, tc.body)
	}
}

func sameResource(a, b *Resource) bool {
	x, err1 := a.AppendJSON(nil)
	y, err2 := b.AppendJSON(nil)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

func TestParseResponse(t *testing.T) {
	base := mustURL(t, responseBase)
	for _, tc := range responseCases {
		t.Run(tc.name.Name, func(t *testing.T) {
			r, err := tc.opts.Parse(base, tc.status, tc.httpHeader(), []byte(tc.body))
			checkResponse(t, tc.name.Where, &tc, r, err)
			if r != nil && r.URL != base {
				t.Errorf("%s: URL %v, want the base", tc.name.Where, r.URL)
			}
		})
	}
}

// TestReadResponse reads the same rows from an *http.Response, as a client
// gets them, with Content-Length set as net/http sets it.
func TestReadResponse(t *testing.T) {
	base := mustURL(t, responseBase)
	for _, tc := range responseCases {
		if tc.status < 100 || tc.status > 599 {
			continue
		}
		t.Run(tc.name.Name, func(t *testing.T) {
			h := tc.httpHeader()
			cl := int64(len(tc.body))
			if v := h.Get("Content-Length"); v != "" {
				if cl, _ = strconv.ParseInt(v, 10, 64); cl < 0 || cl > int64(len(tc.body)) {
					// net/http refuses a malformed value, and reports a
					// body shorter than its length as cut.
					return
				}
			}
			closed := false
			resp := &http.Response{StatusCode: tc.status, Header: h, ContentLength: cl,
				Body:    closeNotifier{strings.NewReader(tc.body), &closed},
				Request: &http.Request{Method: http.MethodPost, URL: base}}
			r, err := tc.opts.Read(resp)
			if !closed {
				t.Errorf("%s: body not closed", tc.name.Where)
			}
			if cl < int64(len(tc.body)) {
				if !errors.Is(err, ErrContentLength) {
					t.Errorf("%s: %d bytes for Content-Length %d: %v", tc.name.Where, len(tc.body), cl, err)
				}
				return
			}
			checkResponse(t, tc.name.Where, &tc, r, err)
		})
	}
}

type closeNotifier struct {
	io.Reader
	closed *bool
}

func (c closeNotifier) Close() error { *c.closed = true; return nil }

func TestReadResponseHostile(t *testing.T) {
	base := mustURL(t, responseBase)
	get := &http.Request{Method: http.MethodGet, URL: base}
	resp := func(status int, body io.Reader, cl int64) *http.Response {
		var rc io.ReadCloser
		if body != nil {
			rc = io.NopCloser(body)
		}
		return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"application/json"}},
			Body: rc, ContentLength: cl, Request: get}
	}
	tests := []struct {
		name caseName
		opts ResponseOptions
		resp *http.Response
		err  error
	}{
		{name("nil response"), ResponseOptions{}, nil, ErrNoBody},
		{name("nil body on a GET 200"), ResponseOptions{}, resp(200, nil, -1), ErrNoBody},
		{name("empty body on a GET 200"), ResponseOptions{}, resp(200, strings.NewReader(""), 0), ErrNoBody},
		{name("connection cut"), ResponseOptions{}, resp(200, io.MultiReader(strings.NewReader(noteJSON[:20]),
			iotest.ErrReader(io.ErrUnexpectedEOF)), int64(len(noteJSON))), ErrTruncated},
		{name("body shorter than ContentLength"), ResponseOptions{}, resp(200, strings.NewReader(noteJSON[:20]),
			int64(len(noteJSON))), ErrTruncated},
		{name("ContentLength over MaxSize, refused unread"), ResponseOptions{Options: Options{MaxSize: 10}},
			resp(200, iotest.ErrReader(errors.New("read")), 11), ErrTooLarge},
		{name("body over MaxSize, unknown length"), ResponseOptions{Options: Options{MaxSize: 10}},
			resp(200, strings.NewReader(noteJSON), -1), ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name.Name, func(t *testing.T) {
			r, err := tc.opts.Read(tc.resp)
			if r != nil || !errors.Is(err, tc.err) {
				t.Fatalf("%s: %+v, %v; want %v", tc.name.Where, r, err, tc.err)
			}
			var we *WireError
			if !errors.As(err, &we) || !strings.HasPrefix(err.Error(), "ucwa: response: ") {
				t.Errorf("%s: %v is not a *WireError of the response", tc.name.Where, err)
			}
		})
	}
	// A 4xx or 5xx whose body cannot be read is still the *Error of its
	// status, with the reason as its Cause.
	cut := resp(503, io.MultiReader(strings.NewReader("<html>"), iotest.ErrReader(io.ErrUnexpectedEOF)), -1)
	r, err := ReadResponse(cut)
	var e *Error
	if !errors.As(err, &e) || e.Status != 503 || e.Code != CodeServiceUnavailable || !errors.Is(err, ErrTruncated) ||
		!errors.Is(err, ErrNotUCWA) || r == nil || r.Error != e || r.Status != 503 {
		t.Errorf("cut 503: %+v, %v", r, err)
	}
	big := resp(429, strings.NewReader(noteJSON), int64(len(noteJSON)))
	if r, err := (ResponseOptions{Options: Options{MaxSize: 10}}).Read(big); !errors.Is(err, ErrTooLarge) ||
		!errors.Is(err, CodeTooManyRequests) || r == nil {
		t.Errorf("large 429: %+v, %v", r, err)
	}
	// The connection's own error stays visible under ErrTruncated.
	_, err = ReadResponse(resp(200, iotest.ErrReader(io.ErrUnexpectedEOF), -1))
	if !errors.Is(err, io.ErrUnexpectedEOF) || !errors.Is(err, ErrTruncated) {
		t.Errorf("cut connection: %v", err)
	}
	// Without a base, a 201's Location is left in the header.
	if r, err := ParseResponse(nil, 201, http.Header{"Location": {"/x/1"}}, nil); err != nil || r.Location != nil {
		t.Errorf("201 without a base: %+v, %v", r, err)
	}
	// A HEAD has no body to read, whatever Content-Length says.
	head := resp(200, strings.NewReader(""), 120)
	head.Request = &http.Request{Method: http.MethodHead, URL: base}
	if r, err := ReadResponse(head); err != nil || r.Kind != BodyNone {
		t.Errorf("HEAD: %+v, %v", r, err)
	}
}

// referenceResponse is a response of the reference, with or without a body.
type referenceResponse struct {
	File       string
	WellFormed *bool
	Status     int
	Header     http.Header
	Body       []byte
}

// referenceResponses returns every response of the reference's corpus, those
// without a body included (testkit.Reference gives those with one), or skips
// the test.
func referenceResponses(t *testing.T) []referenceResponse {
	t.Helper()
	var m []testkit.Example
	if err := json.Unmarshal(testkit.ReadShared(t, "corpus", "manifest.json"), &m); err != nil {
		t.Fatal(err)
	}
	var out []referenceResponse
	for _, e := range m {
		if e.Direction != "response" {
			continue
		}
		start, h, body, err := testkit.ParseMessage(testkit.ReadShared(t, "corpus", e.File))
		if err != nil {
			t.Fatalf("%s: %v", e.File, err)
		}
		r := referenceResponse{File: e.File, WellFormed: e.WellFormed, Header: h, Body: body}
		if rest, ok := strings.CutPrefix(start, "HTTP/1.1 "); ok {
			code, _, _ := strings.Cut(rest, " ")
			r.Status, _ = strconv.Atoi(code)
		}
		out = append(out, r)
	}
	return out
}

// corpusNotUCWAResponses are the responses of the reference with a UCWA
// media type whose body is not a UCWA body.
var corpusNotUCWAResponses = map[string]string{
	"anonApplications.POST.xml-response-2.http": "OPTIONS metadata outside the UCWA namespace",
	"applications.POST.xml-response-2.http":     "OPTIONS metadata outside the UCWA namespace",
	"makeMeAvailable2.POST.xml-response.http":   "operationsQueued outside the UCWA namespace",
}

// TestParseResponseCorpus reads every response of the reference with the
// response reader, the page's illustrative Content-Length set aside: each
// well-formed UCWA body is decoded as its kind, and each 201's Location
// resolved.
func TestParseResponseCorpus(t *testing.T) {
	base := mustURL(t, "https://fe1.contoso.com:443/ucwa/v1/applications/192/communication")
	counts := map[string]int{}
	for _, e := range referenceResponses(t) {
		if e.Status == 0 {
			counts["no status line"]++ // a body the page shows without its start line
			continue
		}
		declared := e.Header.Get("Content-Length")
		e.Header.Del("Content-Length")
		r, err := ResponseOptions{Location: LocationOptions{AllowCrossOrigin: true}}.
			Parse(base, e.Status, e.Header, e.Body)
		ct := e.Header.Get("Content-Type")
		_, mterr := ParseMediaType(ct)
		ucwaType := ct == "" || mterr == nil
		var de *DecodeError
		switch {
		case !ucwaType:
			// An image, an HTML page, a batch: not a UCWA body, read as none.
			if err != nil || r.Kind != BodyNone {
				t.Errorf("%s: Content-Type %q: %+v, %v; want no UCWA body", e.File, ct, r, err)
			}
			counts["not UCWA by its Content-Type"]++
			continue
		case e.WellFormed != nil && !*e.WellFormed:
			if !errors.As(err, &de) {
				t.Errorf("%s: not well-formed, but %v", e.File, err)
			}
			counts["malformed, refused"]++
			continue
		case corpusNotUCWAResponses[e.File] != "":
			if !errors.As(err, &de) || !errors.Is(err, ErrNamespace) {
				t.Errorf("%s: %s, but %v", e.File, corpusNotUCWAResponses[e.File], err)
			}
			counts["not UCWA (namespace), refused"]++
			continue
		case err != nil:
			t.Errorf("%s: %v", e.File, err)
			continue
		case e.WellFormed != nil && r.Kind == BodyNone:
			t.Errorf("%s: a well-formed body, read as none", e.File)
		}
		counts[strconv.Itoa(e.Status)+" "+r.Kind.String()]++
		if r.Location != nil {
			counts["Location"]++
		}
		// With the page's Content-Length, a disagreement is refused.
		if n, perr := strconv.Atoi(declared); perr == nil && n != len(e.Body) {
			e.Header.Set("Content-Length", declared)
			if _, err := ParseResponse(base, e.Status, e.Header, e.Body); !errors.Is(err, ErrContentLength) {
				t.Errorf("%s: Content-Length %d for %d bytes: %v", e.File, n, len(e.Body), err)
			}
			counts["Content-Length wrong on the page, refused"]++
		}
	}
	t.Logf("%v", counts)
	if counts["200 resource"] < 200 || counts["201 none"] < 50 || counts["204 none"] < 100 || counts["Location"] < 50 {
		t.Errorf("fewer examples than the reference has: %v", counts)
	}
}
