package main

import (
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

func TestLocation(t *testing.T) {
	const base = "https://fe1.contoso.com:443//v1/applications/833/communication/conversationLogs/conversationLog/continuePhoneAudio"
	tests := []struct {
		at     string
		args   []string
		code   int
		stdout string // when code is 0, exactly, without the final newline
		stderr string // when code is not 0, a part of it
	}{
		// The Location of the continuePhoneAudio example.
		{testkit.Where(), []string{"location", "-base", base, "//v1/applications/833/communication/invitations/596"}, 0,
			`{"url":"https://fe1.contoso.com:443//v1/applications/833/communication/invitations/596",` +
				`"path":"/.//v1/applications/833/communication/invitations/596","application":"833","resource":"invitations","id":"596"}`, ""},
		{testkit.Where(), []string{"location", "/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1", "-base", "https://fe1.contoso.com/ucwa"}, 0,
			`{"url":"https://fe1.contoso.com/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1",` +
				`"path":"/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1","application":"23","resource":"onlineMeetingInvitations","id":"i1"}`, ""},
		// An absolute URL is its own base.
		{testkit.Where(), []string{"location", "https://fe1.contoso.com/ucwa/v1/applications/833/communication/invitations/596"}, 0,
			`{"url":"https://fe1.contoso.com/ucwa/v1/applications/833/communication/invitations/596",` +
				`"path":"/ucwa/v1/applications/833/communication/invitations/596","application":"833","resource":"invitations","id":"596"}`, ""},
		{testkit.Where(), []string{"location", "HTTP://Host:8080/a?q=1"}, 0,
			`{"url":"http://Host:8080/a?q=1","path":"/a","application":"","resource":"","id":"a"}`, ""},
		// On the base's origin, the URL has the base's scheme and host.
		{testkit.Where(), []string{"location", "-base", "https://fe1.contoso.com/", "https://FE1.contoso.com:443/x/y"}, 0,
			`{"url":"https://fe1.contoso.com/x/y","path":"/x/y","application":"","resource":"x","id":"y"}`, ""},

		// Refusals: exit 1.
		{testkit.Where(), []string{"location", "-base", base, "https://evil.example/ucwa/x"}, 1, "", "is not the request's"},
		{testkit.Where(), []string{"location", "-base", "https://fe1.contoso.com/", "http://fe1.contoso.com/x"}, 1, "", "downgrade from https to http"},
		{testkit.Where(), []string{"location", "-base", base, "/a\r\nSet-Cookie: x=y"}, 1, "", `ucwa: Location "/a\r\nSet-Cookie: x=y": control byte`},
		{testkit.Where(), []string{"location", "-base", base, "/a\nb"}, 1, "", `"/a\nb"`},
		{testkit.Where(), []string{"location", "-base", base, "/\\evil.example/x"}, 1, "", "ucwa: Location"},
		{testkit.Where(), []string{"location", "-base", base, "/a/../b"}, 1, "", "ucwa: Location"},
		{testkit.Where(), []string{"location", "-base", base, "invitations/596"}, 1, "", "not a path from the root"},
		{testkit.Where(), []string{"location", "-base", base, "/caf\xc3\xa9/\xff"}, 1, "", "ucwa: Location"},
		{testkit.Where(), []string{"location", "javascript:alert(1)"}, 1, "", `scheme "javascript"`},
		{testkit.Where(), []string{"location", "invitations/596"}, 1, "", "not a path from the root"},
		{testkit.Where(), []string{"location", "https://user@evil.example/x"}, 1, "", "userinfo"},
		{testkit.Where(), []string{"location", "https:/x"}, 1, "", "without a host"},
		{testkit.Where(), []string{"location", "-base", "", "/x"}, 1, "", "ucwa: "},
		{testkit.Where(), []string{"location", "-base", ":::", "/x"}, 1, "", "ucwa: -base: "},
		{testkit.Where(), []string{"location", "-base", "ftp://h/", "/x"}, 1, "", "ucwa: "},

		// Usage errors.
		{testkit.Where(), []string{"location", "/ucwa/x"}, 2, "", "-base is required"},
		{testkit.Where(), []string{"location", "//v1/applications/833"}, 2, "", "-base is required"},
		{testkit.Where(), []string{"location"}, 2, "", "want one VALUE"},
		{testkit.Where(), []string{"location", "-base", base, "/a", "/b"}, 2, "", "want one VALUE"},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.at, "", tt.args...)
		if r.code != tt.code {
			t.Errorf("%s: %q: exit %d, want %d (stderr %q)", tt.at, tt.args, r.code, tt.code, r.stderr)
			continue
		}
		if tt.code == 0 {
			if r.stdout != tt.stdout+"\n" {
				t.Errorf("%s: %q:\n got %q\nwant %q", tt.at, tt.args, r.stdout, tt.stdout+"\n")
			}
		} else if !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%s: %q: stderr %q does not contain %q", tt.at, tt.args, r.stderr, tt.stderr)
		}
		if strings.Contains(r.stdout+r.stderr, placeholderHost) {
			t.Errorf("%s: %q: the placeholder host shows: %+v", tt.at, tt.args, r)
		}
	}
}
