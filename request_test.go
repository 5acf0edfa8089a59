package ucwa

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestFormatMediaType(t *testing.T) {
	for _, tc := range []struct {
		f            Format
		media, accpt string
	}{
		{JSON, MediaTypeUCWAJSON, MediaTypeUCWAJSON},
		{XML, MediaTypeUCWAXML, MediaTypeUCWAXML},
		{0, "", ""},
		{3, "", ""},
	} {
		if got := tc.f.MediaType(); got != tc.media {
			t.Errorf("%v.MediaType() = %q, want %q", tc.f, got, tc.media)
		}
		if got := tc.f.Accept(); got != tc.accpt {
			t.Errorf("%v.Accept() = %q, want %q", tc.f, got, tc.accpt)
		}
		if tc.media == "" {
			continue
		}
		// What a client sends, the package reads.
		if mt, err := ParseMediaType(tc.media); err != nil || mt.Format != tc.f {
			t.Errorf("ParseMediaType(%q) = %+v, %v", tc.media, mt, err)
		}
	}
	for _, ct := range []string{MediaTypeJSON, MediaTypeXML, MediaTypeErrorJSON, MediaTypeErrorXML,
		MediaTypeEventsJSON, MediaTypeEventsXML} {
		if _, err := ParseMediaType(ct); err != nil {
			t.Errorf("ParseMediaType(%q): %v", ct, err)
		}
	}
}

// markKey marks the context a request is built with.
type markKey struct{}

func TestNewRequest(t *testing.T) {
	ctx := context.WithValue(context.Background(), markKey{}, "mark")
	note := &Resource{Rel: "note", Properties: []Property{Prop("message", String("Out of office"))}}
	for _, f := range []Format{JSON, XML} {
		want, _ := note.Append(nil, f)
		req, err := NewRequest(ctx, http.MethodPut, "https://fe1.contoso.com/ucwa/v1/applications/192/me/note", note, f)
		if err != nil {
			t.Fatal(err)
		}
		if req.Context() != ctx || req.Method != http.MethodPut || req.URL.Host != "fe1.contoso.com" {
			t.Errorf("%v: %s %s", f, req.Method, req.URL)
		}
		if got := req.Header.Get("Content-Type"); got != f.MediaType() {
			t.Errorf("%v: Content-Type %q", f, got)
		}
		if got := req.Header.Get("Accept"); got != f.Accept() {
			t.Errorf("%v: Accept %q", f, got)
		}
		if len(req.Header) != 2 {
			t.Errorf("%v: headers beyond Content-Type and Accept: %v", f, req.Header)
		}
		body, _ := io.ReadAll(req.Body)
		if string(body) != string(want) || req.ContentLength != int64(len(want)) {
			t.Errorf("%v: body %q (ContentLength %d), want %q", f, body, req.ContentLength, want)
		}
		again, err := req.GetBody()
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := io.ReadAll(again); string(b) != string(want) {
			t.Errorf("%v: GetBody gives %q", f, b)
		}
	}

	// No body: Accept alone.
	req, err := NewRequest(ctx, http.MethodGet, "https://fe1.contoso.com//v1/applications/833/me", nil, XML)
	if err != nil {
		t.Fatal(err)
	}
	if req.Header.Get("Content-Type") != "" || req.Header.Get("Accept") != MediaTypeUCWAXML || req.ContentLength != 0 {
		t.Errorf("GET: %v, ContentLength %d", req.Header, req.ContentLength)
	}
	// The seed's "//" path stays a path on the URL's host.
	if req.URL.Host != "fe1.contoso.com" || req.URL.Path != "//v1/applications/833/me" {
		t.Errorf("GET //v1: host %q path %q", req.URL.Host, req.URL.Path)
	}

	refused := []struct {
		name           caseName
		method, target string
		body           Body
		f              Format
		err            error
	}{
		{name("unknown format"), "GET", "https://h/x", nil, 0, ErrRequest},
		{name("empty method"), "", "https://h/x", nil, JSON, ErrRequest},
		{name("method with a space"), "GET X", "https://h/x", nil, JSON, ErrRequest},
		{name("method with CRLF"), "GET\r\n", "https://h/x", nil, JSON, ErrRequest},
		{name("a path, not resolved"), "GET", "/ucwa/v1/applications/192/me", nil, JSON, ErrRequest},
		{name("no scheme"), "GET", "fe1.contoso.com/x", nil, JSON, ErrRequest},
		{name("another scheme"), "GET", "ftp://h/x", nil, JSON, ErrRequest},
		{name("userinfo"), "GET", "https://u:p@h/x", nil, JSON, ErrRequest},
		{name("CRLF in the URL"), "GET", "https://h/x\r\nX-Injected: 1", nil, JSON, ErrRequest},
		{name("space in the URL"), "GET", "https://h/a b", nil, JSON, ErrRequest},
		{name("bad escape"), "GET", "https://h/%zz", nil, JSON, ErrRequest},
		{name("a body that cannot be encoded"), "POST", "https://h/x",
			&Input{Properties: []Property{Prop("x", String("\x00"))}}, JSON, ErrInvalidValue},
	}
	for _, tc := range refused {
		req, err := NewRequest(ctx, tc.method, tc.target, tc.body, tc.f)
		if req != nil || !errors.Is(err, tc.err) || !strings.HasPrefix(err.Error(), "ucwa: ") {
			t.Errorf("%s: %s: %v, %v; want %v", tc.name.Where, tc.name.Name, req, err, tc.err)
		}
	}
}

func TestNewRequestPart(t *testing.T) {
	in := &Input{Properties: []Property{Prop("message", String("hello"))}}
	p, err := NewRequestPart(http.MethodPost, "https://fe1.contoso.com:443/ucwa/v1/applications/192/me/note?x=1", in, JSON)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := in.AppendJSON(nil)
	if p.Method != "POST" || p.Target != "/ucwa/v1/applications/192/me/note?x=1" || string(p.Body) != string(want) ||
		p.Header.Get("Host") != "fe1.contoso.com:443" || p.Header.Get("Content-Type") != MediaTypeUCWAJSON ||
		p.Header.Get("Accept") != MediaTypeUCWAJSON || len(p.Header) != 3 {
		t.Errorf("POST part: %+v", p)
	}
	p, err = NewRequestPart(http.MethodGet, "/ucwa/v1/applications/192/me", nil, XML)
	if err != nil {
		t.Fatal(err)
	}
	if p.Target != "/ucwa/v1/applications/192/me" || p.Body != nil || len(p.Header) != 1 ||
		p.Header.Get("Accept") != MediaTypeUCWAXML {
		t.Errorf("GET part: %+v", p)
	}
	for _, tc := range []struct {
		name           caseName
		method, target string
		f              Format
	}{
		{name("path with CRLF"), "GET", "/x\r\nHost: evil", JSON},
		{name("relative path"), "GET", "x/y", JSON},
		{name("bad method"), "G T", "/x", JSON},
		{name("bad format"), "GET", "/x", 7},
		{name("URL with userinfo"), "GET", "https://u@h/x", JSON},
	} {
		if _, err := NewRequestPart(tc.method, tc.target, nil, tc.f); !errors.Is(err, ErrRequest) {
			t.Errorf("%s: %s: %v, want ErrRequest", tc.name.Where, tc.name.Name, err)
		}
	}
}
