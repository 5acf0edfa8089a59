package fuzz

import (
	stdjson "encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// This file fuzzes the response reader, and DetectKind against a
// classifier built on encoding/json.

var responseBase = &url.URL{Scheme: "https", Host: "fe1.contoso.com", Path: "/ucwa/v1/applications/192/x"}

// FuzzParseResponse: ParseResponse never panics; it refuses with one of the
// documented error types, each wrapping a sentinel; it gives back the body
// it was given, and a kind that matches what it decoded, which the decoder
// of that kind reads again after an encoding; Read of the same response
// from an *http.Response agrees.
func FuzzParseResponse(f *testing.F) {
	for _, b := range testkit.ReferenceBodies("json") {
		f.Add(200, "application/json", "", "", b, uint8(0))
	}
	for _, b := range testkit.ReferenceBodies("xml") {
		f.Add(200, "application/xml; charset=utf-8", "", "", b, uint8(0))
	}
	note := []byte(`{"rel":"note","_links":{"self":{"href":"/n"}}}`)
	f.Add(201, "", "", "//v1/applications/833/communication/invitations/596", []byte(nil), uint8(0))
	f.Add(201, "application/json", "46", "https://evil.example/x", note, uint8(0))
	f.Add(409, "application/json", "", "", []byte(`{"code":"Conflict","subcode":"AlreadyExists"}`), uint8(0))
	f.Add(502, "text/html", "", "", []byte("<html>Bad Gateway</html>"), uint8(0))
	f.Add(200, "application/vnd.microsoft.com.ucwa.events+json", "", "", []byte(`{"_links":{"next":{"href":"/e"}}}`),
		uint8(3))
	f.Add(200, "application/json; charset=iso-8859-1", "", "", note, uint8(2))
	f.Add(200, "image/jpeg", "4", "", []byte("\xff\xd8\xff\xe0"), uint8(0))
	f.Add(204, "", "0", "", []byte(nil), uint8(0))
	f.Add(200, "application/json", "10", "", note, uint8(0))
	f.Fuzz(func(t *testing.T, status int, ct, cl, location string, body []byte, kind uint8) {
		h := http.Header{}
		for k, v := range map[string]string{"Content-Type": ct, "Content-Length": cl, "Location": location} {
			if v != "" {
				h.Set(k, v)
			}
		}
		o := ucwa.ResponseOptions{Kind: ucwa.BodyKind(kind % 5)}
		r, err := o.Parse(responseBase, status, h, body)
		checkResponse(t, status, body, r, err)

		// The same from an *http.Response, where net/http would have framed
		// the body by its length.
		if status < 100 || status > 599 || cl != "" {
			return
		}
		resp := &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(strings.NewReader(string(body))),
			ContentLength: int64(len(body)), Request: &http.Request{Method: "POST", URL: responseBase}}
		r2, err2 := o.Read(resp)
		checkResponse(t, status, body, r2, err2)
		if (err == nil) != (err2 == nil) || r != nil && r2 != nil && (r.Kind != r2.Kind || r.Format != r2.Format) {
			t.Fatalf("Parse: %+v, %v; Read: %+v, %v", r, err, r2, err2)
		}
	})
}

func checkResponse(t *testing.T, status int, body []byte, r *ucwa.Response, err error) {
	t.Helper()
	if err != nil {
		var (
			we *ucwa.WireError
			de *ucwa.DecodeError
			le *ucwa.LocationError
			ue *ucwa.Error
		)
		switch {
		case errors.As(err, &ue):
			if status < 400 || r == nil || r.Error != ue || ue.Status != status || ue.Code == "" && ue.Cause == nil {
				t.Fatalf("status %d: *Error %v with %+v", status, err, r)
			}
			return
		case errors.As(err, &we), errors.As(err, &de), errors.As(err, &le):
		default:
			t.Fatalf("error %v is %T", err, err)
		}
		if r != nil || !strings.HasPrefix(err.Error(), "ucwa: ") {
			t.Fatalf("error %v with %+v", err, r)
		}
		return
	}
	if r.Status != status || string(r.Body) != string(body) && len(body) > 0 {
		t.Fatalf("status %d body %q, given %d %q", r.Status, r.Body, status, body)
	}
	switch r.Kind {
	case ucwa.BodyResource:
		b, err := r.Resource.Marshal(r.Format)
		if err != nil {
			t.Fatalf("the resource read does not encode: %v", err)
		}
		if _, err := ucwa.DecodeResource(b, r.Format); err != nil {
			t.Fatalf("the resource read, encoded, does not decode: %v", err)
		}
	case ucwa.BodyEvents:
		if r.Events == nil || r.Resource != nil {
			t.Fatalf("events: %+v", r)
		}
	case ucwa.BodyError:
		if r.Error == nil {
			t.Fatalf("error kind without an Error: %+v", r)
		}
	case ucwa.BodyNone:
		if r.Resource != nil || r.Events != nil || status >= 400 && r.Error == nil {
			t.Fatalf("kind none: %+v", r)
		}
	default:
		t.Fatalf("kind %v", r.Kind)
	}
	if status == 201 && r.Location != nil && (r.Location.URL.Host != responseBase.Host ||
		strings.HasPrefix(r.Location.Path, "//")) {
		t.Fatalf("Location %+v", r.Location)
	}
}

// FuzzDetectKind compares DetectKind on well-formed JSON objects with the
// rules it documents, applied with encoding/json.
func FuzzDetectKind(f *testing.F) {
	for _, b := range testkit.ReferenceBodies("json") {
		f.Add(b)
	}
	f.Add([]byte(`{"_links":{"self":{"href":"/e"},"next":{"href":"/e?ack=2"}}}`))
	f.Add([]byte(`{"code":"x","message":"y"}`))
	f.Add([]byte(`{"a":{"rel":"x"},"b":["sender"],"_links":[{"self":1}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		got := ucwa.DetectKind(body, ucwa.JSON)
		var obj map[string]stdjson.RawMessage
		if !stdjson.Valid(body) || stdjson.Unmarshal(body, &obj) != nil || hasDuplicateNames(body) {
			return
		}
		has := func(name string) bool { _, ok := obj[name]; return ok }
		var links map[string]stdjson.RawMessage
		stdjson.Unmarshal(obj["_links"], &links)
		link := func(rel string) bool { _, ok := links[rel]; return ok }
		want := ucwa.BodyInput
		switch {
		case has("sender") || (link("next") || link("resume") || link("resync")) && !has("rel"):
			want = ucwa.BodyEvents
		case has("code") && !has("rel") && !has("_links"):
			want = ucwa.BodyError
		case has("rel") || has("_embedded") || link("self"):
			want = ucwa.BodyResource
		}
		if got != want {
			t.Fatalf("DetectKind = %v, encoding/json says %v: %s", got, want, body)
		}
	})
}

// hasDuplicateNames reports whether a top-level name, or a name of the
// "_links" object, is repeated, or is written with escapes: encoding/json
// keeps the last and unescapes, DetectKind sees every name as written.
func hasDuplicateNames(body []byte) bool {
	dec := stdjson.NewDecoder(strings.NewReader(string(body)))
	var walk func(depth int, inLinks bool) bool
	walk = func(depth int, inLinks bool) bool {
		tok, err := dec.Token()
		if err != nil {
			return true
		}
		if d, ok := tok.(stdjson.Delim); ok && (d == '{' || d == '[') {
			seen := map[string]bool{}
			for dec.More() {
				if d == '{' {
					tok, err := dec.Token()
					if err != nil {
						return true
					}
					name := tok.(string)
					if (depth == 0 || inLinks) && (seen[name] || strings.ContainsAny(name, "\\\"")) {
						return true
					}
					seen[name] = true
					if walk(depth+1, depth == 0 && name == "_links") {
						return true
					}
				} else if walk(depth+1, false) {
					return true
				}
			}
			_, err := dec.Token()
			return err != nil
		}
		return false
	}
	if walk(0, false) {
		return true
	}
	// Names written with escapes: compare the raw text with the names.
	return strings.Contains(string(body), `\u`) || strings.Contains(string(body), `\"`) ||
		strings.Contains(string(body), `\\`) || strings.Contains(string(body), `\/`)
}
