package ucwa

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

func TestEventsStep(t *testing.T) {
	links := func(rels ...string) *Events {
		ev := &Events{}
		for _, r := range rels {
			ev.Links = append(ev.Links, Link{Rel: r, Href: "/e?" + r})
		}
		return ev
	}
	for _, tc := range []struct {
		name caseName
		ev   *Events
		want ChannelAction
	}{
		{name("next"), links("self", "next"), ChannelNext},
		{name("resume over next"), links("self", "next", "resume"), ChannelResume},
		{name("resync over everything"), links("next", "resume", "resync", "self"), ChannelResync},
		{name("resync alone"), links("resync"), ChannelResync},
		{name("none"), links("self"), ""},
		{name("no links"), &Events{}, ""},
	} {
		step, ok := tc.ev.Step()
		if ok != (tc.want != "") || step.Action != tc.want || ok && step.Href != "/e?"+string(tc.want) {
			t.Errorf("%s: %s: Step = %+v, %v; want %q", tc.name.Where, tc.name.Name, step, ok, tc.want)
		}
	}

	// The reference's own responses say next.
	for _, b := range testkit.ReferenceEvents(t) {
		name := b.Name
		f := JSON
		if b.Format == "xml" {
			f = XML
		}
		ev, err := DecodeEvents(b.Data, f)
		if err != nil {
			t.Fatal(err)
		}
		step, ok := ev.Step()
		if !ok || step.Action != ChannelNext || !strings.HasSuffix(step.Href, "/events?ack=2") &&
			!strings.HasSuffix(step.Href, "/events?ack=3") {
			t.Errorf("%s: Step = %+v, %v", name, step, ok)
		}
	}
}

func TestChannelParamsApply(t *testing.T) {
	for _, tc := range []struct {
		name   caseName
		p      ChannelParams
		in     string
		want   string // "" when refused
		errMsg string
	}{
		{name("nothing to add"), ChannelParams{}, "/e?ack=5", "/e?ack=5", ""},
		{name("no query"), ChannelParams{Timeout: 900 * time.Second}, "/e", "/e?timeout=900", ""},
		{name("the reference's example"), ChannelParams{Medium: 300 * time.Second, Low: 600 * time.Second,
			Timeout: 900 * time.Second}, "/applications/1234/events?ack=5",
			"/applications/1234/events?ack=5&timeout=900&medium=300&low=600", ""},
		{name("ack and the server's parameters keep their bytes and place"), ChannelParams{Priority: 2},
			"/e?ack=5&x=%41%2b&y", "/e?ack=5&x=%41%2b&y&priority=2", ""},
		{name("a parameter set replaces the same name"), ChannelParams{Timeout: 180 * time.Second},
			"/e?timeout=900&ack=5&time%6fut=1", "/e?ack=5&timeout=180", ""},
		{name("a parameter left out stays"), ChannelParams{Low: 5 * time.Second}, "/e?ack=5&timeout=900",
			"/e?ack=5&timeout=900&low=5", ""},
		{name("timeout at its bounds"), ChannelParams{Timeout: MaxChannelTimeout}, "/e?ack=1", "/e?ack=1&timeout=1800", ""},
		{name("timeout at its lower bound"), ChannelParams{Timeout: MinChannelTimeout}, "/e", "/e?timeout=180", ""},
		{name("timeout one second short"), ChannelParams{Timeout: MinChannelTimeout - time.Second}, "/e", "",
			"timeout 2m59s is outside 3m0s to 30m0s"},
		{name("timeout one second over"), ChannelParams{Timeout: MaxChannelTimeout + time.Second}, "/e", "", "outside"},
		{name("medium at 5 s"), ChannelParams{Medium: MinChannelInterval}, "/e", "/e?medium=5", ""},
		{name("medium under 5 s"), ChannelParams{Medium: MinChannelInterval - time.Second}, "/e", "", "medium"},
		{name("low over 1800 s"), ChannelParams{Low: MaxChannelInterval + time.Second}, "/e", "", "low"},
		{name("not whole seconds"), ChannelParams{Timeout: 200*time.Second + time.Millisecond}, "/e", "",
			"whole number of seconds"},
		{name("negative priority"), ChannelParams{Priority: -1}, "/e", "", "negative"},
	} {
		u := mustURL(t, "https://fe1.contoso.com"+tc.in)
		before := u.String()
		got, err := tc.p.Apply(u)
		if u.String() != before {
			t.Errorf("%s: Apply changed its argument", tc.name.Where)
		}
		if tc.want == "" {
			if got != nil || !errors.Is(err, ErrRequest) || !strings.Contains(err.Error(), tc.errMsg) {
				t.Errorf("%s: %s: %v, %v; want an error with %q", tc.name.Where, tc.name.Name, got, err, tc.errMsg)
			}
			continue
		}
		if err != nil || got.RequestURI() != tc.want {
			t.Errorf("%s: %s: %v, %v; want %s", tc.name.Where, tc.name.Name, got, err, tc.want)
		}
		// What Apply writes, net/url reads: ack is still there as it was.
		if q, err := url.ParseQuery(got.RawQuery); err == nil {
			if want, _ := url.ParseQuery(u.RawQuery); q.Get("ack") != want.Get("ack") {
				t.Errorf("%s: ack %q, was %q", tc.name.Where, q.Get("ack"), want.Get("ack"))
			}
		}
	}
}

func TestChannelStepURL(t *testing.T) {
	base := mustURL(t, "https://fe1.contoso.com/ucwa/v1/applications/192/events?ack=1&timeout=900")
	step := ChannelStep{Action: ChannelResume, Href: "/ucwa/v1/applications/192/events?ack=2"}
	u, err := step.URL(base, nil)
	if err != nil || u.String() != "https://fe1.contoso.com/ucwa/v1/applications/192/events?ack=2" {
		t.Errorf("URL(nil) = %v, %v", u, err)
	}
	u, err = step.URL(base, &ChannelParams{Timeout: 900 * time.Second, Priority: 1})
	if err != nil || u.String() != "https://fe1.contoso.com/ucwa/v1/applications/192/events?ack=2&timeout=900&priority=1" {
		t.Errorf("URL(params) = %v, %v", u, err)
	}
	if _, err := (ChannelStep{Href: "https://evil.example/events?ack=2"}).URL(base, nil); !errors.Is(err, ErrCrossOrigin) {
		t.Errorf("another origin: %v", err)
	}
	if _, err := step.URL(base, &ChannelParams{Priority: -1}); !errors.Is(err, ErrRequest) {
		t.Errorf("bad params: %v", err)
	}
}
