package fuzz

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa"
)

// locationBases are the request URLs each value is resolved against.
var locationBases = []string{
	// The continuePhoneAudio example of the UCWA reference.
	"https://fe1.contoso.com:443//v1/applications/833/communication/conversationLogs/conversationLog/continuePhoneAudio",
	"https://fe1.contoso.com/ucwa/oauth/v1/applications/102/communication/onlineMeetingInvitations",
	"http://localhost:8080/ucwa",
	"https://[2001:db8::1]/ucwa",
}

// locationSeeds are the values of the table in location_test.go, which a
// test of package fuzz cannot import.
var locationSeeds = []string{
	"//v1/applications/833/communication/invitations/596",
	"/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1",
	"/ucwa/oauth/v1/applications/102/communication/onlineMeetingInvitations/i1",
	"https://fe1.contoso.com:443/ucwa/v1/applications/833/communication/invitations/596",
	"https://fe1.contoso.com/ucwa/v1/applications/833/communication/invitations/596",
	"HTTPS://FE1.Contoso.COM/ucwa/v1/applications/833/communication/invitations/596",
	"https://fe1.contoso.com:/ucwa/x",
	"https://fe1.contoso.com",
	"http://LocalHost:8080/ucwa/v1/applications/7/me",
	"https://[2001:DB8::1]:443/ucwa/v1/applications/9/communication/conversations/c1",
	"/ucwa/v1/applications/833/communication/invitations/596?ack=2#top",
	"//evil.com/steal",
	"///evil.com",
	"//user:pw@evil.com:8443/x",
	"/ucwa/v1/other/5",
	"/ucwa/v1/applications",
	"/ucwa/v1/applications/833/applications/9",
	"/x",
	"/",
	"/ucwa/v1/applications/833/people/",
	"/ucwa/v1/applications/833/people/sip%3Auser%40contoso.com%2Fx",
	"/ucwa/v1/applications/833/people/sip:user@contoso.com;a=(b)*!$&'+,[c]~",
	"/a/.../..b/.c",
	"https://evil.com/ucwa/x",
	"https://fe1.contoso.com:8443/ucwa/x",
	"https://fe1.contoso.com:0443/ucwa/x",
	"http://fe1.contoso.com/ucwa/x",
	"http://fe1.contoso.com:443/ucwa/x",
	"https://fe1.contoso.com.evil.com/x",
	"https://fe1.contoso.com./x",
	"https://fe1.contoso.com@evil.com/x",
	"https://127.0.0.1/x",
	"",
	"javascript:alert(1)",
	"JaVaScRiPt:alert(1)",
	"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	"file:///etc/passwd",
	"ftp://fe1.contoso.com/x",
	"wss://fe1.contoso.com/x",
	"mailto:user@contoso.com",
	"https:/ucwa/x",
	"https:fe1.contoso.com/x",
	"https:///x",
	"https://:443/x",
	"https://user@fe1.contoso.com/x",
	"https://user:pw@fe1.contoso.com/x",
	"https://@fe1.contoso.com/x",
	"/ucwa/x\r\nSet-Cookie: a=b",
	"/ucwa/x\n",
	"\t/ucwa/x",
	"/ucwa/x\x00",
	"/ucwa/\x7fx",
	" /ucwa/x",
	"/ucwa/x ",
	"/ucwa/a b",
	"/\\evil.com",
	"\\\\evil.com/x",
	"https:\\\\evil.com/x",
	"https://fe1.contoso.com\\@evil.com/x",
	"/ucwa/caf\u00e9",
	"https://f\u0435\u0031.contoso.com/x",
	"/ucwa/\xff",
	"/<script>",
	"/x\"",
	"/{x}",
	"/x|y",
	"/x^y",
	"/x`y",
	"https://%65vil.com/x",
	"https://fe1%2Econtoso%2Ecom/x",
	"https://evil.com%2F@fe1.contoso.com/x",
	"https://%40@fe1.contoso.com/x",
	"https://[fe80::1%25eth0]/x",
	"/ucwa/x%",
	"/ucwa/x%2",
	"/ucwa/x%zz",
	"/ucwa/x%0d%0aSet-Cookie:a=b",
	"/ucwa/x?a=%00",
	"/ucwa/x#%7F",
	"invitations/596",
	"./596",
	"?x=1",
	"#x",
	":x",
	"v1:applications/833",
	"1https://fe1.contoso.com/x",
	"/ucwa/../admin",
	"/ucwa/./x",
	"/ucwa/..",
	"/ucwa/%2e%2E/admin",
	"/ucwa/.%2e/admin",
	"https://fe1.contoso.com/ucwa/../x",
	"//../x",
	"https://[::1/x",
	"https://fe1.contoso.com:44a/x",
	"https://fe1.contoso.com:443:443/x",
	"https://[2001:db8::1]/x?#",
	"/x?",
	"/0000000000000%200", // found by the fuzzer (a wrong property)
	"/ucwa/x%5C%20y?q=%5C%20#%20",
}

func FuzzParseLocation(f *testing.F) {
	for _, s := range locationSeeds {
		f.Add(s)
	}
	bases := make([]*url.URL, len(locationBases))
	for i, s := range locationBases {
		b, err := url.Parse(s)
		if err != nil {
			f.Fatal(err)
		}
		bases[i] = b
	}
	f.Fuzz(func(t *testing.T, value string) {
		for _, base := range bases {
			checkLocation(t, ucwa.LocationOptions{}, base, value)
			checkLocation(t, ucwa.LocationOptions{AllowCrossOrigin: true}, base, value)
			checkLocation(t, ucwa.LocationOptions{MaxLength: 40}, base, value)
		}
	})
}

func checkLocation(t *testing.T, o ucwa.LocationOptions, base *url.URL, value string) {
	loc, err := o.Parse(base, value)
	if err != nil {
		if loc != nil {
			t.Fatalf("Parse(%q, %q): both a Location and %v", base, value, err)
		}
		if !errors.Is(err, ucwa.ErrLocation) || !strings.HasPrefix(err.Error(), "ucwa: Location ") {
			t.Fatalf("Parse(%q, %q): error %v does not wrap ErrLocation or lacks the prefix", base, value, err)
		}
		r, rerr := o.Resolve(base, value)
		if r != nil || rerr == nil || !errors.Is(rerr, ucwa.ErrLocation) ||
			errors.Is(rerr, ucwa.ErrCrossOrigin) != errors.Is(err, ucwa.ErrCrossOrigin) ||
			!strings.HasPrefix(rerr.Error(), "ucwa: href ") {
			t.Fatalf("Parse(%q, %q) refused (%v), but Resolve = %v, %v", base, value, err, r, rerr)
		}
		return
	}
	if limit := o.MaxLength; limit > 0 && len(value) > limit || len(value) > ucwa.MaxLocationLength {
		t.Fatalf("Parse(%q, %q): %d bytes accepted, limit %d", base, value, len(value), limit)
	}
	u := loc.URL
	s := u.String()
	sameOrigin := u.Scheme == base.Scheme && u.Host == base.Host
	switch {
	case !o.AllowCrossOrigin && !sameOrigin:
		t.Fatalf("Parse(%q, %q) = %s: not on the base's origin", base, value, s)
	case base.Scheme == "https" && u.Scheme != "https":
		t.Fatalf("Parse(%q, %q) = %s: downgrade", base, value, s)
	case u.Scheme != "http" && u.Scheme != "https", u.Hostname() == "", u.User != nil, u.Opaque != "":
		t.Fatalf("Parse(%q, %q) = %s: not an http(s) URL with a host and no userinfo", base, value, s)
	case value[0] == '/' && !sameOrigin:
		t.Fatalf("Parse(%q, %q) = %s: a path left the base's origin", base, value, s)
	}
	if strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r >= 0x7f || r == '\\' }) {
		t.Fatalf("Parse(%q, %q) = %q: control byte, space, non-ASCII or backslash", base, value, s)
	}
	// Decoded, the parts may hold a space (%20) or a backslash (%5C), but
	// never a control byte.
	for _, part := range []string{u.Path, u.RawQuery, u.Fragment, u.Host} {
		if strings.ContainsFunc(part, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Fatalf("Parse(%q, %q) = %s: control byte in %q", base, value, s, part)
		}
	}
	// Path is the escaped path, with "/." before one that begins with "//",
	// which a parser would read as a host: as a reference, it names the
	// URL's path again.
	wantPath := u.EscapedPath()
	if strings.HasPrefix(wantPath, "//") {
		wantPath = "/." + wantPath
	}
	if loc.Path != wantPath || !strings.HasPrefix(loc.Path, "/") || strings.HasPrefix(loc.Path, "//") {
		t.Fatalf("Parse(%q, %q): Path %q, EscapedPath %q", base, value, loc.Path, u.EscapedPath())
	}
	if ref, err := url.Parse(loc.Path); err != nil || ref.Host != "" ||
		base.ResolveReference(ref).EscapedPath() != u.EscapedPath() {
		t.Fatalf("Parse(%q, %q): Path %q does not resolve to the path of %s (%v)", base, value, loc.Path, s, err)
	}
	if value[0] == '/' {
		// A path is kept byte for byte in the URL.
		p := value
		if i := strings.IndexAny(p, "?#"); i >= 0 {
			p = p[:i]
		}
		if u.EscapedPath() != p {
			t.Fatalf("Parse(%q, %q): EscapedPath %q, want %q", base, value, u.EscapedPath(), p)
		}
	}
	// Resolve gives the same URL, or the same refusal in its own words.
	r, rerr := o.Resolve(base, value)
	if rerr != nil || r.String() != s {
		t.Fatalf("Parse(%q, %q) = %s, but Resolve = %v, %v", base, value, s, r, rerr)
	}
	for _, seg := range []string{loc.Application, loc.Resource, loc.ID} {
		if strings.Contains(seg, "/") || !strings.Contains(loc.Path, seg) {
			t.Fatalf("Parse(%q, %q) = %+v: segment %q not in the path", base, value, loc, seg)
		}
	}
	// The resolved URL is longer than a path was, by the scheme and host:
	// re-read it under a limit that fits it.
	o.MaxLength = max(len(s), ucwa.MaxLocationLength)
	again, err := o.Parse(base, s)
	if err != nil {
		t.Fatalf("Parse(%q, %q) = %s, which is refused: %v", base, value, s, err)
	}
	if again.URL.String() != s || again.Path != loc.Path || again.Application != loc.Application ||
		again.Resource != loc.Resource || again.ID != loc.ID {
		t.Fatalf("Parse(%q, %q) = %+v (%s); parsed again %+v (%s)", base, value, loc, s, again, again.URL)
	}
}
