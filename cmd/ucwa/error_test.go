package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

func TestError(t *testing.T) {
	tests := []struct {
		at    string
		stdin string
		args  []string
		code  int
		want  map[string]any // the decoded JSON line, exactly; or, for code 2, "stderr" holds a part of it
	}{
		{testkit.Where(), errorBodyJSON, []string{"error", "-status", "409", "-content-type", "application/json"}, 0, map[string]any{
			"status": 409.0, "code": "Conflict", "subcode": "AlreadyExists",
			"message": "The requested resource already exists.", "parameters": map[string]any{"to": "sip:a@b"}}},
		{testkit.Where(), errorBodyXML, []string{"error", "-status=409", "-content-type", "application/vnd.microsoft.com.ucwa+xml; charset=utf-8"}, 0, map[string]any{
			"status": 409.0, "code": "Conflict", "subcode": "AlreadyExists",
			"message": "The requested resource already exists.", "parameters": map[string]any{"to": "sip:a@b"}}},
		// Without -content-type, the format is told from the body.
		{testkit.Where(), errorBodyXML, []string{"error", "-status", "409"}, 0, map[string]any{
			"status": 409.0, "code": "Conflict", "subcode": "AlreadyExists",
			"message": "The requested resource already exists.", "parameters": map[string]any{"to": "sip:a@b"}}},
		{testkit.Where(), `{"code":"BadRequest","subcode":"ParameterValidationFailure","message":"m","link":{"href":"/help","title":"Help"},` +
			`"parameters":{"to":"x"},"debugInfo":{"diagnostics":"1;reason=\"a\"","n":3},"other":true}`,
			[]string{"error", "-status", "400"}, 0, map[string]any{
				"status": 400.0, "code": "BadRequest", "subcode": "ParameterValidationFailure", "message": "m",
				"link": map[string]any{"href": "/help", "title": "Help"}, "parameters": map[string]any{"to": "x"},
				"debugInfo": map[string]any{"diagnostics": `1;reason="a"`, "n": 3.0}, "extra": map[string]any{"other": true}}},

		// Bodies that are not UCWA error bodies still give an error: exit 0.
		{testkit.Where(), `<html><body><h1>502 Bad Gateway</h1></body></html>`, []string{"error", "-status", "502", "-content-type", "text/html"}, 0, map[string]any{
			"status": 502.0, "code": "", "subcode": "", "message": "",
			"cause": `not a UCWA error body: media type "text/html": "text/html" is not a UCWA JSON or XML media type (offset 0)`}},
		{testkit.Where(), `<html><body>busy</body></html>`, []string{"error", "-status", "503"}, 0, map[string]any{
			"status": 503.0, "code": "ServiceUnavailable", "subcode": "", "message": "",
			"cause": `not a UCWA error body: xml: root element <html> is in namespace "", not http://schemas.microsoft.com/rtc/2012/03/ucwa (offset 0)`}},
		{testkit.Where(), `{"code":"Conf`, []string{"error", "-status", "500", "-content-type", "application/json"}, 0, map[string]any{
			"status": 500.0, "code": "ServiceFailure", "subcode": "", "message": "",
			"cause": "not a UCWA error body: json: unterminated string at /code (offset 13)"}},
		{testkit.Where(), "", []string{"error", "-status", "504"}, 0, map[string]any{
			"status": 504.0, "code": "Timeout", "subcode": "", "message": "", "cause": "not a UCWA error body"}},
		{testkit.Where(), " \r\n", []string{"error", "-status", "404", "-content-type", "application/json"}, 0, map[string]any{
			"status": 404.0, "code": "NotFound", "subcode": "", "message": "", "cause": "not a UCWA error body: the body is empty"}},
		{testkit.Where(), "{\"code\":\"\xff\"}", []string{"error", "-status", "409"}, 0, map[string]any{
			"status": 409.0, "code": "Conflict", "subcode": "", "message": "",
			"cause": "not a UCWA error body: json: invalid UTF-8 at /code (offset 9)"}},
		{testkit.Where(), `<!DOCTYPE reason [<!ENTITY a "b">]><reason xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><code>&a;</code></reason>`,
			[]string{"error", "-status", "409"}, 0, map[string]any{
				"status": 409.0, "code": "Conflict", "subcode": "", "message": "",
				"cause": "not a UCWA error body: xml: DOCTYPE is not allowed (offset 0)"}},
		{testkit.Where(), errorBodyJSON, []string{"error", "-status", "409", "-content-type", "application/xml"}, 0, map[string]any{
			"status": 409.0, "code": "Conflict", "subcode": "", "message": "",
			"cause": "not a UCWA error body: xml: unexpected '{', expecting '<' (offset 0)"}},
		{testkit.Where(), "Bad Gateway", []string{"error", "-status", "502"}, 0, map[string]any{
			"status": 502.0, "code": "", "subcode": "", "message": "", "cause": "not a UCWA error body"}},

		// Usage errors.
		{testkit.Where(), errorBodyJSON, []string{"error"}, 2, map[string]any{"stderr": "-status is required"}},
		{testkit.Where(), errorBodyJSON, []string{"error", "-status", "99"}, 2, map[string]any{"stderr": "not an HTTP status"}},
		{testkit.Where(), errorBodyJSON, []string{"error", "-status", "600"}, 2, map[string]any{"stderr": "not an HTTP status"}},
		{testkit.Where(), errorBodyJSON, []string{"error", "-status", "four"}, 2, map[string]any{"stderr": "-status"}},
		{testkit.Where(), errorBodyJSON, []string{"error", "-status", "409", "a", "b"}, 2, map[string]any{"stderr": "more than one FILE"}},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.at, tt.stdin, tt.args...)
		if r.code != tt.code {
			t.Errorf("%s: %q: exit %d, want %d (stderr %q)", tt.at, tt.args, r.code, tt.code, r.stderr)
			continue
		}
		if tt.code != 0 {
			if s := tt.want["stderr"].(string); !strings.Contains(r.stderr, s) {
				t.Errorf("%s: %q: stderr %q does not contain %q", tt.at, tt.args, r.stderr, s)
			}
			continue
		}
		if strings.Count(r.stdout, "\n") != 1 {
			t.Errorf("%s: %q: stdout is not one line: %q", tt.at, tt.args, r.stdout)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Errorf("%s: %q: %v: %q", tt.at, tt.args, err, r.stdout)
			continue
		}
		if !jsonEqual(got, tt.want) {
			t.Errorf("%s: %q:\n got %v\nwant %v", tt.at, tt.args, got, tt.want)
		}
		if c, _ := got["cause"].(string); strings.Contains(c, "ucwa: ") {
			t.Errorf("%s: %q: cause %q repeats \"ucwa: \"", tt.at, tt.args, c)
		}
	}
}

func jsonEqual(a, b map[string]any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
}

// TestResponseErrorPrefix is the regression test of a library fix: the
// Error of a body that is not a UCWA error body said "ucwa: " twice, the
// second time inside the Cause.
func TestResponseErrorPrefix(t *testing.T) {
	for _, tt := range []struct {
		ct, body string
		is       error
	}{
		{"application/json", `{"code":"Conf`, ucwa.ErrSyntax},
		{"text/html", `<html/>`, ucwa.ErrMediaType},
		{"", `<html/>`, ucwa.ErrNamespace},
	} {
		err := ucwa.ResponseError(502, tt.ct, []byte(tt.body))
		if msg := err.Error(); strings.Count(msg, "ucwa: ") != 1 || !strings.HasPrefix(msg, "ucwa: 502: not a UCWA error body: ") {
			t.Errorf("ResponseError(502, %q, %q) = %q", tt.ct, tt.body, msg)
		}
		if !errors.Is(err, ucwa.ErrNotUCWA) || !errors.Is(err, tt.is) {
			t.Errorf("ResponseError(502, %q, %q): not ErrNotUCWA and %v", tt.ct, tt.body, tt.is)
		}
		var de *ucwa.DecodeError
		if tt.is != ucwa.ErrMediaType && !errors.As(err, &de) {
			t.Errorf("ResponseError(502, %q, %q): no *DecodeError in the chain", tt.ct, tt.body)
		}
	}
}
