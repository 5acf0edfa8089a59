package ucwa

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

// TestResolveLocationCases runs the rows of TestParseLocation through
// Resolve: the same URL or the same refusal, in the words of an href; and
// checks that Location.Path cannot be read as a host and resolves, as a
// reference, to the URL's path.
func TestResolveLocationCases(t *testing.T) {
	for _, tc := range locationCases {
		var base *url.URL
		if tc.base != "" {
			base = mustURL(t, tc.base)
		}
		u, err := tc.opts.Resolve(base, tc.value)
		loc, perr := tc.opts.Parse(base, tc.value)
		if (err == nil) != (perr == nil) {
			t.Errorf("%s: Resolve %v, Parse %v", tc.name.Where, err, perr)
			continue
		}
		if err != nil {
			checkLocationError(t, tc.name.Where, tc.value, err, tc.err)
			if u != nil || !strings.HasPrefix(err.Error(), "ucwa: href ") {
				t.Errorf("%s: Resolve refused with %v and %v", tc.name.Where, u, err)
			}
			continue
		}
		if u.String() != loc.URL.String() {
			t.Errorf("%s: Resolve %s, Parse %s", tc.name.Where, u, loc.URL)
		}
		if strings.HasPrefix(loc.Path, "//") {
			t.Errorf("%s: Path %q begins with //", tc.name.Where, loc.Path)
		}
		ref, err := url.Parse(loc.Path)
		if err != nil || ref.Host != "" {
			t.Errorf("%s: Path %q parses as %v, %v", tc.name.Where, loc.Path, ref, err)
			continue
		}
		if got := base.ResolveReference(ref); got.Host != base.Host || got.EscapedPath() != u.EscapedPath() {
			t.Errorf("%s: Path %q resolves to %s, not to the path of %s", tc.name.Where, loc.Path, got, u)
		}
	}
}

func TestResolveHref(t *testing.T) {
	base := mustURL(t, "https://fe1.contoso.com/ucwa/v1/applications/192/events?ack=1")
	for _, tc := range []struct {
		name caseName
		href string
		want string // "" when refused
		err  error
	}{
		{name("a path"), "/ucwa/v1/applications/192/me", "https://fe1.contoso.com/ucwa/v1/applications/192/me", nil},
		{name("the next link, query kept"), "/ucwa/v1/applications/192/events?ack=2",
			"https://fe1.contoso.com/ucwa/v1/applications/192/events?ack=2", nil},
		{name("the seed's //"), "//v1/applications/833/me", "https://fe1.contoso.com//v1/applications/833/me", nil},
		{name("an absolute URL on the origin"), "https://FE1.contoso.com:443/ucwa/x", "https://fe1.contoso.com/ucwa/x", nil},
		{name("a participant with @ in the path"),
			"/ucwa/v1/applications/192/communication/conversations/7c5c/participants/johndoe@contoso.com",
			"https://fe1.contoso.com/ucwa/v1/applications/192/communication/conversations/7c5c/participants/johndoe@contoso.com",
			nil},
		{name("a message's data URI"), "data:text/plain;base64,SGVsbG8=", "", ErrLocation},
		{name("a relative reference"), "invitations/596", "", ErrLocation},
		{name("another host"), "https://evil.example/ucwa", "", ErrCrossOrigin},
		{name("a downgrade"), "http://fe1.contoso.com/ucwa", "", ErrCrossOrigin},
		{name("a dot segment"), "/ucwa/../admin", "", ErrLocation},
		{name("CRLF"), "/ucwa\r\nX: 1", "", ErrLocation},
	} {
		u, err := ResolveHref(base, tc.href)
		if tc.err != nil {
			if !errors.Is(err, tc.err) || u != nil {
				t.Errorf("%s: %s: %v, %v; want %v", tc.name.Where, tc.name.Name, u, err, tc.err)
			}
			continue
		}
		if err != nil || u.String() != tc.want {
			t.Errorf("%s: %s: %v, %v; want %s", tc.name.Where, tc.name.Name, u, err, tc.want)
		}
	}
}

// TestResolveAutodiscovery follows the autodiscovery of a real SfB Online
// tenant (the replies in ../shared/realworld/wild): lyncdiscover redirects
// to a webdir host, whose user link leads to the user's pool. Each hop is
// cross-origin, which the default refuses and AllowCrossOrigin accepts;
// a downgrade to http is refused even so.
func TestResolveAutodiscovery(t *testing.T) {
	hop := LocationOptions{AllowCrossOrigin: true}
	steps := []struct {
		file, base, rel, want string
		cross                 bool
	}{
		{"001-lyncdiscover-redirect-o365.json", "https://lyncdiscover.domain.com/", "redirect",
			"https://webdir1A.online.lync.com/Autodiscover/AutodiscoverService.svc/root?originalDomain=domain.com", true},
		// The redirect's host is webdir1A; the body it answers names
		// webdir1a: the same origin, whatever the case.
		{"002-autodiscover-root-o365.json",
			"https://webdir1A.online.lync.com/Autodiscover/AutodiscoverService.svc/root?originalDomain=domain.com", "user",
			"https://webdir1A.online.lync.com/Autodiscover/AutodiscoverService.svc/root/oauth/user?originalDomain=domain.com",
			false},
		{"003-autodiscover-user-o365.json",
			"https://webdir1a.online.lync.com/Autodiscover/AutodiscoverService.svc/root/oauth/user", "applications",
			"https://webpoolbn11a01.infra.lync.com/ucwa/oauth/v1/applications", true},
		{"010-lyncdiscover-redirect-webdir1E.json", "https://lyncdiscover.ondrejvalenta.com/", "redirect",
			"https://webdir1E.online.lync.com/Autodiscover/AutodiscoverService.svc/root?originalDomain=ondrejvalenta.com",
			true},
		{"048-mock-user-resource-mattermost.json", "https://dc2.testcompany.com/Autodiscover/user", "applications",
			"https://dc2.testcompany.com/ucwa/oauth/v1/applications", false},
	}
	for _, s := range steps {
		base := mustURL(t, s.base)
		r, err := ParseResponse(base, http.StatusOK, http.Header{"Content-Type": {"application/json"}},
			testkit.ReadShared(t, "realworld", "wild", s.file))
		if err != nil || r.Kind != BodyResource {
			t.Fatalf("%s: %+v, %v", s.file, r, err)
		}
		l, ok := r.Resource.Link(s.rel)
		if !ok {
			t.Fatalf("%s: no %s link", s.file, s.rel)
		}
		u, err := r.Resolve(l.Href)
		if s.cross != errors.Is(err, ErrCrossOrigin) {
			t.Errorf("%s: ResolveHref(%s): %v, %v", s.file, l.Href, u, err)
		}
		if u, err = hop.Resolve(r.URL, l.Href); err != nil || u.String() != s.want {
			t.Errorf("%s: cross-origin Resolve(%s) = %v, %v; want %s", s.file, l.Href, u, err, s.want)
		}
		// The same hop from http to https is an upgrade, accepted; from
		// https to http a downgrade, refused.
		plain := *base
		plain.Scheme = "http"
		if _, err := hop.Resolve(&plain, l.Href); err != nil {
			t.Errorf("%s: upgrade from %s: %v", s.file, &plain, err)
		}
		down := strings.Replace(l.Href, "https:", "http:", 1)
		if _, err := hop.Resolve(base, down); !errors.Is(err, ErrCrossOrigin) {
			t.Errorf("%s: downgrade to %s: %v", s.file, down, err)
		}
	}
}
