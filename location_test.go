package ucwa

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// caseName names a table row and records where it is, so that a failure
// points at its line (as json/v2's jsontest.Name does).
type caseName struct{ Name, Where string }

func name(s string) caseName {
	_, file, line, _ := runtime.Caller(1)
	return caseName{Name: s, Where: filepath.Base(file) + ":" + strconv.Itoa(line)}
}

// Request URLs the rows resolve against.
const (
	// seedBase is the request URL of UCWA's continuePhoneAudio example,
	// whose 201 Created answers "Location: //v1/applications/833/…".
	seedBase  = "https://fe1.contoso.com:443//v1/applications/833/communication/conversationLogs/conversationLog/continuePhoneAudio"
	plainBase = "https://fe1.contoso.com/ucwa/oauth/v1/applications/102/communication/onlineMeetingInvitations"
	// opBase is the request of the OperationResource.md example.
	opBase = "https://ucwapool0.contoso.com/ucwa/v1/applications/23/communication/onlineMeetingInvitations"
)

// wantLocation is a Location with its URL as a string.
type wantLocation struct {
	URL, Path, Application, Resource, ID string
}

func gotLocation(l *Location) *wantLocation {
	if l == nil {
		return nil
	}
	return &wantLocation{URL: l.URL.String(), Path: l.Path, Application: l.Application, Resource: l.Resource, ID: l.ID}
}

type locationCase struct {
	name  caseName
	opts  LocationOptions
	base  string // "" for a nil base
	value string
	want  *wantLocation // nil when refused
	err   error         // ErrLocation or ErrCrossOrigin when refused
}

var locationCases = []locationCase{
	// Accepted.
	{
		name:  name("seed: // is a path on the request's host"),
		base:  seedBase,
		value: "//v1/applications/833/communication/invitations/596",
		want: &wantLocation{
			URL:         "https://fe1.contoso.com:443//v1/applications/833/communication/invitations/596",
			Path:        "/.//v1/applications/833/communication/invitations/596",
			Application: "833", Resource: "invitations", ID: "596",
		},
	},
	{
		name:  name("OperationResource.md"),
		base:  opBase,
		value: "/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1",
		want: &wantLocation{
			URL:         "https://ucwapool0.contoso.com/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1",
			Path:        "/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1",
			Application: "23", Resource: "onlineMeetingInvitations", ID: "i1",
		},
	},
	{
		name:  name("oauth path"),
		base:  plainBase,
		value: "/ucwa/oauth/v1/applications/102/communication/onlineMeetingInvitations/i1",
		want: &wantLocation{
			URL:         "https://fe1.contoso.com/ucwa/oauth/v1/applications/102/communication/onlineMeetingInvitations/i1",
			Path:        "/ucwa/oauth/v1/applications/102/communication/onlineMeetingInvitations/i1",
			Application: "102", Resource: "onlineMeetingInvitations", ID: "i1",
		},
	},
	{
		name:  name("absolute, explicit default port, base without"),
		base:  plainBase,
		value: "https://fe1.contoso.com:443/ucwa/v1/applications/833/communication/invitations/596",
		want: &wantLocation{
			URL:         "https://fe1.contoso.com/ucwa/v1/applications/833/communication/invitations/596",
			Path:        "/ucwa/v1/applications/833/communication/invitations/596",
			Application: "833", Resource: "invitations", ID: "596",
		},
	},
	{
		name:  name("absolute, no port, base with default port"),
		base:  seedBase,
		value: "https://fe1.contoso.com/ucwa/v1/applications/833/communication/invitations/596",
		want: &wantLocation{
			URL:         "https://fe1.contoso.com:443/ucwa/v1/applications/833/communication/invitations/596",
			Path:        "/ucwa/v1/applications/833/communication/invitations/596",
			Application: "833", Resource: "invitations", ID: "596",
		},
	},
	{
		name:  name("absolute, scheme and host in another case"),
		base:  plainBase,
		value: "HTTPS://FE1.Contoso.COM/ucwa/v1/applications/833/communication/invitations/596",
		want: &wantLocation{
			URL:         "https://fe1.contoso.com/ucwa/v1/applications/833/communication/invitations/596",
			Path:        "/ucwa/v1/applications/833/communication/invitations/596",
			Application: "833", Resource: "invitations", ID: "596",
		},
	},
	{
		name:  name("absolute, empty port"),
		base:  plainBase,
		value: "https://fe1.contoso.com:/ucwa/x",
		want:  &wantLocation{URL: "https://fe1.contoso.com/ucwa/x", Path: "/ucwa/x", Resource: "ucwa", ID: "x"},
	},
	{
		name:  name("absolute, empty path"),
		base:  plainBase,
		value: "https://fe1.contoso.com",
		want:  &wantLocation{URL: "https://fe1.contoso.com/", Path: "/"},
	},
	{
		name:  name("http, default port 80"),
		base:  "http://localhost:80/ucwa",
		value: "http://LocalHost/ucwa/v1/applications/7/me",
		want:  &wantLocation{URL: "http://localhost:80/ucwa/v1/applications/7/me", Path: "/ucwa/v1/applications/7/me", Application: "7", Resource: "7", ID: "me"},
	},
	{
		name:  name("IPv6 literal"),
		base:  "https://[2001:db8::1]:8443/ucwa",
		value: "https://[2001:DB8::1]:8443/ucwa/v1/applications/9/communication/conversations/c1",
		want: &wantLocation{
			URL:         "https://[2001:db8::1]:8443/ucwa/v1/applications/9/communication/conversations/c1",
			Path:        "/ucwa/v1/applications/9/communication/conversations/c1",
			Application: "9", Resource: "conversations", ID: "c1",
		},
	},
	{
		name:  name("IPv6 base with a zone"),
		base:  "https://[fe80::1%25eth0]:8443/ucwa",
		value: "/ucwa/v1/applications/9/me",
		want:  &wantLocation{URL: "https://[fe80::1%25eth0]:8443/ucwa/v1/applications/9/me", Path: "/ucwa/v1/applications/9/me", Application: "9", Resource: "9", ID: "me"},
	},
	{
		name:  name("query and fragment kept out of Path"),
		base:  plainBase,
		value: "/ucwa/v1/applications/833/communication/invitations/596?ack=2#top",
		want: &wantLocation{
			URL:         "https://fe1.contoso.com/ucwa/v1/applications/833/communication/invitations/596?ack=2#top",
			Path:        "/ucwa/v1/applications/833/communication/invitations/596",
			Application: "833", Resource: "invitations", ID: "596",
		},
	},
	{
		name:  name("//host is a path, not another host"),
		base:  plainBase,
		value: "//evil.com/steal",
		want:  &wantLocation{URL: "https://fe1.contoso.com//evil.com/steal", Path: "/.//evil.com/steal", Resource: "evil.com", ID: "steal"},
	},
	{
		name:  name("///host is a path"),
		base:  plainBase,
		value: "///evil.com",
		want:  &wantLocation{URL: "https://fe1.contoso.com///evil.com", Path: "/.///evil.com", ID: "evil.com"},
	},
	{
		name:  name("// then userinfo-like path"),
		base:  plainBase,
		value: "//user:pw@evil.com:8443/x",
		want:  &wantLocation{URL: "https://fe1.contoso.com//user:pw@evil.com:8443/x", Path: "/.//user:pw@evil.com:8443/x", Resource: "user:pw@evil.com:8443", ID: "x"},
	},
	{
		name:  name("no applications segment"),
		base:  plainBase,
		value: "/ucwa/v1/other/5",
		want:  &wantLocation{URL: "https://fe1.contoso.com/ucwa/v1/other/5", Path: "/ucwa/v1/other/5", Resource: "other", ID: "5"},
	},
	{
		name:  name("applications last"),
		base:  plainBase,
		value: "/ucwa/v1/applications",
		want:  &wantLocation{URL: "https://fe1.contoso.com/ucwa/v1/applications", Path: "/ucwa/v1/applications", Resource: "v1", ID: "applications"},
	},
	{
		name:  name("application itself"),
		base:  plainBase,
		value: "/ucwa/v1/applications/833",
		want:  &wantLocation{URL: "https://fe1.contoso.com/ucwa/v1/applications/833", Path: "/ucwa/v1/applications/833", Application: "833", Resource: "applications", ID: "833"},
	},
	{
		name:  name("first applications segment wins"),
		base:  plainBase,
		value: "/ucwa/v1/applications/833/applications/9",
		want:  &wantLocation{URL: "https://fe1.contoso.com/ucwa/v1/applications/833/applications/9", Path: "/ucwa/v1/applications/833/applications/9", Application: "833", Resource: "applications", ID: "9"},
	},
	{
		name:  name("one segment"),
		base:  plainBase,
		value: "/x",
		want:  &wantLocation{URL: "https://fe1.contoso.com/x", Path: "/x", ID: "x"},
	},
	{
		name:  name("root"),
		base:  plainBase,
		value: "/",
		want:  &wantLocation{URL: "https://fe1.contoso.com/", Path: "/"},
	},
	{
		name:  name("trailing slash skipped"),
		base:  plainBase,
		value: "/ucwa/v1/applications/833/people/",
		want:  &wantLocation{URL: "https://fe1.contoso.com/ucwa/v1/applications/833/people/", Path: "/ucwa/v1/applications/833/people/", Application: "833", Resource: "833", ID: "people"},
	},
	{
		name:  name("escapes stay escaped"),
		base:  plainBase,
		value: "/ucwa/v1/applications/833/people/sip%3Auser%40contoso.com%2Fx",
		want: &wantLocation{
			URL:         "https://fe1.contoso.com/ucwa/v1/applications/833/people/sip%3Auser%40contoso.com%2Fx",
			Path:        "/ucwa/v1/applications/833/people/sip%3Auser%40contoso.com%2Fx",
			Application: "833", Resource: "people", ID: "sip%3Auser%40contoso.com%2Fx",
		},
	},
	{
		name:  name("encoded space and backslash stay encoded"),
		base:  seedBase,
		value: "/ucwa/x%5C%20y?q=%5C%20#%20",
		want:  &wantLocation{URL: "https://fe1.contoso.com:443/ucwa/x%5C%20y?q=%5C%20#%20", Path: "/ucwa/x%5C%20y", Resource: "ucwa", ID: "x%5C%20y"},
	},
	{
		name:  name("fuzz: encoded space"),
		base:  seedBase,
		value: "/0000000000000%200",
		want:  &wantLocation{URL: "https://fe1.contoso.com:443/0000000000000%200", Path: "/0000000000000%200", ID: "0000000000000%200"},
	},
	{
		name:  name("sub-delims, brackets and '@' in the path"),
		base:  plainBase,
		value: "/ucwa/v1/applications/833/people/sip:user@contoso.com;a=(b)*!$&'+,[c]~",
		want: &wantLocation{
			URL:         "https://fe1.contoso.com/ucwa/v1/applications/833/people/sip:user@contoso.com;a=(b)*!$&'+,[c]~",
			Path:        "/ucwa/v1/applications/833/people/sip:user@contoso.com;a=(b)*!$&'+,[c]~",
			Application: "833", Resource: "people", ID: "sip:user@contoso.com;a=(b)*!$&'+,[c]~",
		},
	},
	{
		name:  name("dots that are not dot segments"),
		base:  plainBase,
		value: "/a/.../..b/.c",
		want:  &wantLocation{URL: "https://fe1.contoso.com/a/.../..b/.c", Path: "/a/.../..b/.c", Resource: "..b", ID: ".c"},
	},
	{
		name:  name("AllowCrossOrigin: another host"),
		opts:  LocationOptions{AllowCrossOrigin: true},
		base:  plainBase,
		value: "https://fe2.contoso.com:4443/ucwa/v1/applications/833/communication/invitations/596",
		want: &wantLocation{
			URL:         "https://fe2.contoso.com:4443/ucwa/v1/applications/833/communication/invitations/596",
			Path:        "/ucwa/v1/applications/833/communication/invitations/596",
			Application: "833", Resource: "invitations", ID: "596",
		},
	},
	{
		name:  name("AllowCrossOrigin: http to https"),
		opts:  LocationOptions{AllowCrossOrigin: true},
		base:  "http://fe1.contoso.com/ucwa",
		value: "https://fe1.contoso.com/ucwa/x",
		want:  &wantLocation{URL: "https://fe1.contoso.com/ucwa/x", Path: "/ucwa/x", Resource: "ucwa", ID: "x"},
	},
	{
		name:  name("AllowCrossOrigin: a path stays on the request's host"),
		opts:  LocationOptions{AllowCrossOrigin: true},
		base:  seedBase,
		value: "//v1/applications/833/communication/invitations/596",
		want: &wantLocation{
			URL:         "https://fe1.contoso.com:443//v1/applications/833/communication/invitations/596",
			Path:        "/.//v1/applications/833/communication/invitations/596",
			Application: "833", Resource: "invitations", ID: "596",
		},
	},

	// Another origin.
	{name: name("another host"), base: plainBase, value: "https://evil.com/ucwa/x", err: ErrCrossOrigin},
	{name: name("another port"), base: plainBase, value: "https://fe1.contoso.com:8443/ucwa/x", err: ErrCrossOrigin},
	{name: name("port with leading zero"), base: plainBase, value: "https://fe1.contoso.com:0443/ucwa/x", err: ErrCrossOrigin},
	{name: name("https to http"), base: plainBase, value: "http://fe1.contoso.com/ucwa/x", err: ErrCrossOrigin},
	{name: name("https to http on port 443"), base: plainBase, value: "http://fe1.contoso.com:443/ucwa/x", err: ErrCrossOrigin},
	{name: name("http to https"), base: "http://fe1.contoso.com/", value: "https://fe1.contoso.com/ucwa/x", err: ErrCrossOrigin},
	{name: name("suffix host"), base: plainBase, value: "https://fe1.contoso.com.evil.com/x", err: ErrCrossOrigin},
	{name: name("trailing dot"), base: plainBase, value: "https://fe1.contoso.com./x", err: ErrCrossOrigin},
	{name: name("userinfo hiding the host"), base: plainBase, value: "https://fe1.contoso.com@evil.com/x", err: ErrCrossOrigin},
	{name: name("IP instead of name"), base: plainBase, value: "https://127.0.0.1/x", err: ErrCrossOrigin},
	{name: name("AllowCrossOrigin: https to http"), opts: LocationOptions{AllowCrossOrigin: true}, base: plainBase, value: "http://fe2.contoso.com/x", err: ErrCrossOrigin},
	{name: name("AllowCrossOrigin: same host, http"), opts: LocationOptions{AllowCrossOrigin: true}, base: plainBase, value: "http://fe1.contoso.com/x", err: ErrCrossOrigin},

	// Refused.
	{name: name("empty"), base: plainBase, value: "", err: ErrLocation},
	{name: name("javascript:"), base: plainBase, value: "javascript:alert(1)", err: ErrLocation},
	{name: name("JavaScript: in mixed case"), base: plainBase, value: "JaVaScRiPt:alert(1)", err: ErrLocation},
	{name: name("data:"), base: plainBase, value: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", err: ErrLocation},
	{name: name("file:"), base: plainBase, value: "file:///etc/passwd", err: ErrLocation},
	{name: name("ftp:"), base: plainBase, value: "ftp://fe1.contoso.com/x", err: ErrLocation},
	{name: name("wss:"), base: plainBase, value: "wss://fe1.contoso.com/x", err: ErrLocation},
	{name: name("mailto:"), base: plainBase, value: "mailto:user@contoso.com", err: ErrLocation},
	{name: name("AllowCrossOrigin: javascript:"), opts: LocationOptions{AllowCrossOrigin: true}, base: plainBase, value: "javascript:alert(1)", err: ErrLocation},
	{name: name("https without authority"), base: plainBase, value: "https:/ucwa/x", err: ErrLocation},
	{name: name("https opaque"), base: plainBase, value: "https:fe1.contoso.com/x", err: ErrLocation},
	{name: name("https empty host"), base: plainBase, value: "https:///x", err: ErrLocation},
	{name: name("https port only"), base: plainBase, value: "https://:443/x", err: ErrLocation},
	{name: name("AllowCrossOrigin: port only"), opts: LocationOptions{AllowCrossOrigin: true}, base: plainBase, value: "https://:443/x", err: ErrLocation},
	{name: name("userinfo"), base: plainBase, value: "https://user@fe1.contoso.com/x", err: ErrLocation},
	{name: name("userinfo with password"), base: plainBase, value: "https://user:pw@fe1.contoso.com/x", err: ErrLocation},
	{name: name("empty userinfo"), base: plainBase, value: "https://@fe1.contoso.com/x", err: ErrLocation},
	{name: name("CRLF header injection"), base: plainBase, value: "/ucwa/x\r\nSet-Cookie: a=b", err: ErrLocation},
	{name: name("LF"), base: plainBase, value: "/ucwa/x\n", err: ErrLocation},
	{name: name("leading tab"), base: plainBase, value: "\t/ucwa/x", err: ErrLocation},
	{name: name("NUL"), base: plainBase, value: "/ucwa/x\x00", err: ErrLocation},
	{name: name("DEL"), base: plainBase, value: "/ucwa/\x7fx", err: ErrLocation},
	{name: name("leading space"), base: plainBase, value: " /ucwa/x", err: ErrLocation},
	{name: name("trailing space"), base: plainBase, value: "/ucwa/x ", err: ErrLocation},
	{name: name("inner space"), base: plainBase, value: "/ucwa/a b", err: ErrLocation},
	{name: name("slash backslash"), base: plainBase, value: "/\\evil.com", err: ErrLocation},
	{name: name("backslash backslash"), base: plainBase, value: "\\\\evil.com/x", err: ErrLocation},
	{name: name("https backslashes"), base: plainBase, value: "https:\\\\evil.com/x", err: ErrLocation},
	{name: name("backslash in authority"), base: plainBase, value: "https://fe1.contoso.com\\@evil.com/x", err: ErrLocation},
	{name: name("non-ASCII in path"), base: plainBase, value: "/ucwa/caf\u00e9", err: ErrLocation},
	{name: name("homograph host"), base: plainBase, value: "https://f\u0435\u0031.contoso.com/x", err: ErrLocation},
	{name: name("invalid UTF-8"), base: plainBase, value: "/ucwa/\xff", err: ErrLocation},
	{name: name("angle brackets"), base: plainBase, value: "/<script>", err: ErrLocation},
	{name: name("quote"), base: plainBase, value: "/x\"", err: ErrLocation},
	{name: name("braces"), base: plainBase, value: "/{x}", err: ErrLocation},
	{name: name("pipe"), base: plainBase, value: "/x|y", err: ErrLocation},
	{name: name("caret"), base: plainBase, value: "/x^y", err: ErrLocation},
	{name: name("backquote"), base: plainBase, value: "/x`y", err: ErrLocation},
	{name: name("percent-encoded host"), base: plainBase, value: "https://%65vil.com/x", err: ErrLocation},
	{name: name("percent-encoded dot in host"), base: plainBase, value: "https://fe1%2Econtoso%2Ecom/x", err: ErrLocation},
	{name: name("percent-encoded slash in host"), base: plainBase, value: "https://evil.com%2F@fe1.contoso.com/x", err: ErrLocation},
	{name: name("percent-encoded userinfo"), base: plainBase, value: "https://%40@fe1.contoso.com/x", err: ErrLocation},
	{name: name("IPv6 zone"), base: "https://[fe80::1%25eth0]/", value: "https://[fe80::1%25eth0]/x", err: ErrLocation},
	{name: name("lone percent"), base: plainBase, value: "/ucwa/x%", err: ErrLocation},
	{name: name("percent and one digit"), base: plainBase, value: "/ucwa/x%2", err: ErrLocation},
	{name: name("percent and non-hex"), base: plainBase, value: "/ucwa/x%zz", err: ErrLocation},
	{name: name("percent-encoded CRLF"), base: plainBase, value: "/ucwa/x%0d%0aSet-Cookie:a=b", err: ErrLocation},
	{name: name("percent-encoded NUL in query"), base: plainBase, value: "/ucwa/x?a=%00", err: ErrLocation},
	{name: name("percent-encoded DEL in fragment"), base: plainBase, value: "/ucwa/x#%7F", err: ErrLocation},
	{name: name("relative path"), base: plainBase, value: "invitations/596", err: ErrLocation},
	{name: name("relative dot path"), base: plainBase, value: "./596", err: ErrLocation},
	{name: name("query only"), base: plainBase, value: "?x=1", err: ErrLocation},
	{name: name("fragment only"), base: plainBase, value: "#x", err: ErrLocation},
	{name: name("colon first"), base: plainBase, value: ":x", err: ErrLocation},
	{name: name("scheme-like first segment"), base: plainBase, value: "v1:applications/833", err: ErrLocation},
	{name: name("digit-first scheme"), base: plainBase, value: "1https://fe1.contoso.com/x", err: ErrLocation},
	{name: name("dot-dot segment"), base: plainBase, value: "/ucwa/../admin", err: ErrLocation},
	{name: name("dot segment"), base: plainBase, value: "/ucwa/./x", err: ErrLocation},
	{name: name("trailing dot-dot"), base: plainBase, value: "/ucwa/..", err: ErrLocation},
	{name: name("encoded dot-dot"), base: plainBase, value: "/ucwa/%2e%2E/admin", err: ErrLocation},
	{name: name("half-encoded dot-dot"), base: plainBase, value: "/ucwa/.%2e/admin", err: ErrLocation},
	{name: name("dot-dot in absolute URL"), base: plainBase, value: "https://fe1.contoso.com/ucwa/../x", err: ErrLocation},
	{name: name("dot-dot after //"), base: seedBase, value: "//../x", err: ErrLocation},
	{name: name("unclosed IPv6"), base: plainBase, value: "https://[::1/x", err: ErrLocation},
	{name: name("bad port"), base: plainBase, value: "https://fe1.contoso.com:44a/x", err: ErrLocation},
	{name: name("two colons"), base: plainBase, value: "https://fe1.contoso.com:443:443/x", err: ErrLocation},

	// Bad bases.
	{name: name("nil base"), value: "/x", err: ErrLocation},
	{name: name("relative base"), base: "/ucwa/v1", value: "/x", err: ErrLocation},
	{name: name("ftp base"), base: "ftp://fe1.contoso.com/", value: "/x", err: ErrLocation},
	{name: name("base with userinfo"), base: "https://u:p@fe1.contoso.com/", value: "/x", err: ErrLocation},
	{name: name("opaque base"), base: "https:fe1.contoso.com", value: "/x", err: ErrLocation},
}

func TestParseLocation(t *testing.T) {
	for _, tc := range locationCases {
		t.Run(tc.name.Name, func(t *testing.T) {
			var base *url.URL
			if tc.base != "" {
				var err error
				if base, err = url.Parse(tc.base); err != nil {
					t.Fatalf("%s: url.Parse(%q): %v", tc.name.Where, tc.base, err)
				}
			}
			loc, err := tc.opts.Parse(base, tc.value)
			if diff := cmp.Diff(tc.want, gotLocation(loc)); diff != "" {
				t.Errorf("%s: Parse(%q, %q) mismatch (-want +got):\n%s\nerror: %v", tc.name.Where, tc.base, tc.value, diff, err)
			}
			checkLocationError(t, tc.name.Where, tc.value, err, tc.err)
			if tc.opts == (LocationOptions{}) {
				loc2, err2 := ParseLocation(base, tc.value)
				if diff := cmp.Diff(gotLocation(loc), gotLocation(loc2)); diff != "" || (err == nil) != (err2 == nil) {
					t.Errorf("%s: ParseLocation differs from LocationOptions{}.Parse:\n%s", tc.name.Where, diff)
				}
			}
		})
	}
}

// checkLocationError checks that err is a *LocationError for value that
// matches want, ErrLocation, and ErrCrossOrigin exactly when want is, with a
// message that starts with "ucwa: " and quotes the value.
func checkLocationError(t *testing.T, where, value string, err, want error) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Errorf("%s: unexpected error: %v", where, err)
		}
		return
	}
	if err == nil {
		t.Errorf("%s: got no error, want %v", where, want)
		return
	}
	if !errors.Is(err, want) || !errors.Is(err, ErrLocation) {
		t.Errorf("%s: error %v does not match %v and ErrLocation", where, err, want)
	}
	if cross := errors.Is(err, ErrCrossOrigin); cross != (want == ErrCrossOrigin) {
		t.Errorf("%s: errors.Is(%v, ErrCrossOrigin) = %v", where, err, cross)
	}
	var le *LocationError
	if !errors.As(err, &le) || le.Value != value {
		t.Errorf("%s: error %#v is not a *LocationError with the value", where, err)
	}
	msg := err.Error()
	q := value
	if len(q) > maxQuoted {
		q = q[:maxQuoted]
	}
	if !strings.HasPrefix(msg, "ucwa: ") || !strings.Contains(msg, strconv.Quote(q)) {
		t.Errorf("%s: error message %q lacks the prefix or the quoted value", where, msg)
	}
	if strings.ContainsAny(msg, "\r\n\x00") {
		t.Errorf("%s: error message %q holds control bytes", where, msg)
	}
}

// locationOfLength returns a valid path of exactly n bytes (n >= 60).
func locationOfLength(n int) string {
	const prefix = "/ucwa/v1/applications/833/communication/invitations/"
	return prefix + strings.Repeat("a", n-len(prefix))
}

func TestParseLocationLimit(t *testing.T) {
	base, _ := url.Parse(plainBase)
	for _, tt := range []struct {
		opts LocationOptions
		max  int
	}{
		{LocationOptions{}, MaxLocationLength},
		{LocationOptions{MaxLength: -1}, MaxLocationLength},
		{LocationOptions{MaxLength: 64}, 64},
		{LocationOptions{MaxLength: 4096}, 4096},
	} {
		t.Run(fmt.Sprint(tt.opts.MaxLength), func(t *testing.T) {
			at := locationOfLength(tt.max)
			loc, err := tt.opts.Parse(base, at)
			if err != nil {
				t.Fatalf("%d bytes: %v", len(at), err)
			}
			if loc.Path != at || loc.ID != at[len(at)-len(loc.ID):] || loc.Resource != "invitations" {
				t.Errorf("%d bytes: got %+v", len(at), loc)
			}
			over := at + "b"
			loc, err = tt.opts.Parse(base, over)
			if loc != nil || !errors.Is(err, ErrLocation) {
				t.Fatalf("%d bytes: got %v, %v; want ErrLocation", len(over), loc, err)
			}
			want := "ucwa: Location " + strconv.Quote(over[:maxQuoted]) + "… (" + strconv.Itoa(len(over)) +
				" bytes): longer than " + strconv.Itoa(tt.max) + " bytes"
			if err.Error() != want {
				t.Errorf("message:\n got %s\nwant %s", err, want)
			}
		})
	}
}

func TestLocationErrorMessage(t *testing.T) {
	base, _ := url.Parse(plainBase)
	for _, tt := range []struct {
		value, want string
	}{
		{"", `ucwa: Location "": empty value`},
		{"/x\r\nSet-Cookie: a", `ucwa: Location "/x\r\nSet-Cookie: a": control byte 0x0d at offset 2`},
		{"/\\evil.com", `ucwa: Location "/\\evil.com": backslash at offset 1 (browsers read it as '/')`},
		{"javascript:alert(1)", `ucwa: Location "javascript:alert(1)": scheme "javascript" is not http or https`},
		{"https://evil.com/x", `ucwa: Location "https://evil.com/x": origin "https://evil.com" is not the request's "https://fe1.contoso.com"`},
		{"http://fe1.contoso.com/x", `ucwa: Location "http://fe1.contoso.com/x": downgrade from https to http`},
		{"/a/%2e%2e/b", `ucwa: Location "/a/%2e%2e/b": dot segment "%2e%2e" in the path`},
	} {
		_, err := ParseLocation(base, tt.value)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseLocation(%q):\n got %v\nwant %s", tt.value, err, tt.want)
		}
	}
}

func TestParseLocationDoesNotAliasBase(t *testing.T) {
	base, _ := url.Parse(seedBase)
	before := *base
	loc, err := ParseLocation(base, "https://FE1.contoso.com/ucwa/x?y#z")
	if err != nil {
		t.Fatal(err)
	}
	if loc.URL == base || *base != before {
		t.Errorf("base was changed or reused: %+v", base)
	}
}

func TestParseLocationAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage changes allocations")
	}
	base, _ := url.Parse(seedBase)
	n := testing.AllocsPerRun(100, func() {
		if _, err := ParseLocation(base, "//v1/applications/833/communication/invitations/596"); err != nil {
			t.Fatal(err)
		}
	})
	// url.Parse's URL and concatenation, the Location: a handful, not per byte.
	if n > 6 {
		t.Errorf("ParseLocation: %v allocations, want at most 6", n)
	}
}

func BenchmarkParseLocation(b *testing.B) {
	base, _ := url.Parse(seedBase)
	const value = "//v1/applications/833/communication/invitations/596"
	b.ReportAllocs()
	b.SetBytes(int64(len(value)))
	for b.Loop() {
		loc, err := ParseLocation(base, value)
		if err != nil || loc.ID != "596" {
			b.Fatal(loc, err)
		}
	}
}
