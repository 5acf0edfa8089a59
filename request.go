package ucwa

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// A Body is what a request carries: any body type of this package ([Input],
// [Resource], [Events], [Error]) and typed inputs such as
// [ContinuePhoneAudio].
type Body interface {
	AppendJSON(dst []byte) ([]byte, error)
	AppendXML(dst []byte) ([]byte, error)
}

// NewRequest returns a request for method on target, an absolute http or
// https URL (resolve an href from a body with [ResolveHref] first), with
// body encoded in format f, or no body when body is nil.
//
// It sets what the wire needs and nothing else: Accept to f.Accept(), and,
// with a body, Content-Type to f.MediaType() and the request's
// ContentLength (and GetBody, so that a redirect or retry can send the body
// again). The caller's transport adds the bearer token, and the caller adds
// If-Match for a PUT.
//
// Errors wrap [ErrRequest] (an unknown format, a method that is not a
// token, a target that is not an absolute http or https URL or has
// userinfo), or are the body's [*EncodeError].
func NewRequest(ctx context.Context, method, target string, body Body, f Format) (*http.Request, error) {
	const op = "request"
	if f != JSON && f != XML {
		return nil, wireErr(op, 0, ErrRequest, "unknown format "+f.String())
	}
	if msg := checkMethod(method); msg != "" {
		return nil, wireErr(op, 0, ErrRequest, msg)
	}
	u, msg := parseTarget(target)
	if msg != "" {
		return nil, wireErr(op, 0, ErrRequest, msg)
	}
	var rd io.Reader = http.NoBody
	if body != nil {
		data, err := appendFormat(nil, f, body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(data)
	}
	// http.NewRequestWithContext sets ContentLength and GetBody from a
	// *bytes.Reader.
	req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
	if err != nil {
		return nil, wireErr(op, 0, ErrRequest, err.Error())
	}
	req.Header.Set("Accept", f.Accept())
	if body != nil {
		req.Header.Set("Content-Type", f.MediaType())
	}
	return req, nil
}

// checkMethod returns why method is not an HTTP method token, or "".
func checkMethod(method string) string {
	if method == "" {
		return "empty method"
	}
	for i := 0; i < len(method); i++ {
		if !isTokenChar(method[i]) {
			return "method " + quoteCut(method) + " is not a token"
		}
	}
	return ""
}

// parseTarget parses an absolute http or https URL, or returns why it is
// not one.
func parseTarget(target string) (*url.URL, string) {
	if msg := checkLocationBytes(target); msg != "" {
		return nil, "URL " + quoteCut(target) + ": " + msg
	}
	u, err := url.Parse(target)
	if err != nil {
		return nil, "URL " + quoteCut(target) + ": " + urlErrorText(err)
	}
	s := strings.ToLower(u.Scheme)
	switch {
	case s != "http" && s != "https" || u.Host == "" || u.Opaque != "":
		return nil, "URL " + quoteCut(target) + " is not an absolute http or https URL" +
			" (resolve an href with ResolveHref)"
	case u.User != nil:
		return nil, "URL " + quoteCut(target) + " has userinfo"
	}
	return u, ""
}

// checkHeader returns why a header field cannot be written, or "": its name
// must be a token and its value must hold no control character but tab (no
// CR or LF, which would start another field).
func checkHeader(name, value string) string {
	if msg := checkMethod(name); msg != "" {
		return "header name " + quoteCut(name) + " is not a token"
	}
	for i := 0; i < len(value); i++ {
		if c := value[i]; c < ' ' && c != '\t' || c == 0x7f {
			return "header " + name + " holds the control byte " + strconv.QuoteRune(rune(c))
		}
	}
	return ""
}
