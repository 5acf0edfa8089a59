package ucwatest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/ucwatest"
)

// client talks to a Server with package ucwa.
type client struct {
	t   *testing.T
	srv *ucwatest.Server
	f   ucwa.Format
	app *ucwa.Response // the application created
}

func newClient(t *testing.T, o ucwatest.Options, f ucwa.Format) *client {
	srv := ucwatest.NewServer(o)
	t.Cleanup(srv.Close)
	return &client{t: t, srv: srv, f: f}
}

// do sends method on target (a path on the pool, or a URL) and reads the
// answer with o.
func (c *client) do(method, target string, body ucwa.Body, o ucwa.ResponseOptions) (*ucwa.Response, error) {
	c.t.Helper()
	if strings.HasPrefix(target, "/") {
		target = c.srv.PoolURL + target
	}
	req, err := ucwa.NewRequest(context.Background(), method, target, body, c.f)
	if err != nil {
		c.t.Fatal(err)
	}
	resp, err := c.srv.Client().Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	return o.Read(resp)
}

func appInput() *ucwa.Input {
	return &ucwa.Input{Properties: []ucwa.Property{
		ucwa.Prop("culture", ucwa.String("en-US")), ucwa.Prop("endpointId", ucwa.String("e1")),
		ucwa.Prop("userAgent", ucwa.String("test/1")),
	}}
}

// create creates an application and returns its path.
func (c *client) create() string {
	c.t.Helper()
	r, err := c.do("POST", ucwatest.ApplicationsPath, appInput(), ucwa.ResponseOptions{Kind: ucwa.BodyResource})
	if err != nil || r.Status != 201 {
		c.t.Fatalf("create: %+v, %v", r, err)
	}
	c.app = r
	return r.Resource.Href()
}

// events GETs the event channel at href.
func (c *client) events(href string) (*ucwa.Events, error) {
	c.t.Helper()
	r, err := c.do("GET", href, nil, ucwa.ResponseOptions{Kind: ucwa.BodyEvents})
	if err != nil {
		return nil, err
	}
	return r.Events, nil
}

func TestServerBothFormats(t *testing.T) {
	for _, o := range []ucwatest.Options{{}, {Precise: true}, {TLS: true}} {
		for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
			c := newClient(t, o, f)
			disco, err := c.do("GET", c.srv.URL, nil, ucwa.ResponseOptions{Kind: ucwa.BodyResource})
			if err != nil || disco.Format != f {
				t.Fatalf("%+v %v: root: %+v, %v", o, f, disco, err)
			}
			if l, _ := disco.Resource.Link("user"); l.Href != c.srv.PoolURL+ucwatest.UserPath {
				t.Errorf("user link %q", l.Href)
			}
			app := c.create()
			if app != ucwatest.ApplicationsPath+"/192" || c.app.Format != f {
				t.Errorf("application %q, format %v", app, c.app.Format)
			}
			wantCT := map[ucwa.Format]string{ucwa.JSON: "application/json; charset=utf-8",
				ucwa.XML: "application/xml; charset=utf-8"}[f]
			if o.Precise {
				wantCT = f.MediaType()
			}
			if ct := c.app.Header.Get("Content-Type"); ct != wantCT {
				t.Errorf("%+v %v: Content-Type %q, want %q", o, f, ct, wantCT)
			}
			for _, rel := range []string{"me", "people", "communication"} {
				if c.app.Resource.Embed(rel) == nil {
					t.Errorf("%v: no embedded %s", f, rel)
				}
			}
			me := c.app.Resource.Embed("me")
			if f == ucwa.JSON && me.Type() != "me" {
				t.Errorf("JSON: embedded me without its rel property: %+v", me)
			}
			// A 409, in the format asked, labelled as the options say.
			c.srv.Fail("GET", app+"/me", &ucwa.Error{Status: 409, Code: ucwa.CodeConflict, Subcode: ucwa.SubcodeNone})
			r, err := c.do("GET", app+"/me", nil, ucwa.ResponseOptions{})
			if !errors.Is(err, ucwa.CodeConflict) || r.Format != f || r.Kind != ucwa.BodyError {
				t.Errorf("%+v %v: failure: %+v, %v", o, f, r, err)
			}
			// Used once.
			if _, err := c.do("GET", app+"/me", nil, ucwa.ResponseOptions{Kind: ucwa.BodyResource}); err != nil {
				t.Errorf("after the failure: %v", err)
			}
		}
	}
}

func TestServerChecksRequests(t *testing.T) {
	c := newClient(t, ucwatest.Options{}, ucwa.JSON)
	app := c.create()
	post := func(target, ct, accept, body string) (*ucwa.Response, error) {
		req, _ := http.NewRequest("POST", c.srv.PoolURL+target, strings.NewReader(body))
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		req.Header.Set("Accept", accept)
		resp, err := c.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return ucwa.ReadResponse(resp)
	}
	for _, tc := range []struct {
		name, target, ct, accept, body string
		want                           error
	}{
		{"no Content-Type", ucwatest.ApplicationsPath, "", "application/json", `{}`, ucwa.CodeUnsupportedMediaType},
		{"Content-Type not UCWA's", ucwatest.ApplicationsPath, "text/plain", "application/json", `{}`,
			ucwa.SubcodeUnsupportedMediaType},
		{"malformed body", ucwatest.ApplicationsPath, "application/json", "application/json", `{"a":`,
			ucwa.SubcodeDeserializationFailure},
		{"duplicate names", ucwatest.ApplicationsPath, "application/json", "application/json", `{"a":1,"a":2}`,
			ucwa.SubcodeDeserializationFailure},
		{"required properties missing", ucwatest.ApplicationsPath, "application/json", "application/json",
			`{"culture":"en-US"}`, ucwa.SubcodeParameterValidationFailure},
		{"Accept not UCWA's", ucwatest.ApplicationsPath, "application/json", "text/html", `{}`, ucwa.CodeNotAcceptable},
		{"startMessaging without to", app + "/communication/messagingInvitations", "application/json",
			"application/json", `{"operationId":"1"}`, ucwa.SubcodeParameterValidationFailure},
		{"an unknown application", ucwatest.ApplicationsPath + "/7/me", "application/json", "application/json", `{}`,
			ucwa.SubcodeApplicationNotFound},
		{"an unknown path", "/x", "application/json", "application/json", `{}`, ucwa.CodeNotFound},
		{"POST on me", app + "/me", "application/json", "application/json", `{}`, ucwa.CodeMethodNotAllowed},
	} {
		r, err := post(tc.target, tc.ct, tc.accept, tc.body)
		if !errors.Is(err, tc.want) || r == nil || r.Kind != ucwa.BodyError {
			t.Errorf("%s: %+v, %v; want %v", tc.name, r, err, tc.want)
		}
	}
	_, err := post(ucwatest.ApplicationsPath, "application/json", "application/json", `{"culture":"en-US"}`)
	var e *ucwa.Error
	if !errors.As(err, &e) {
		t.Fatalf("ParameterValidationFailure: %v", err)
	}
	if _, ok := e.Parameter("endpointId"); !ok {
		t.Errorf("ParameterValidationFailure without the parameter: %+v", e)
	}
	// Everything was recorded, in order, with its body.
	reqs := c.srv.Requests()
	if len(reqs) != 12 || reqs[0].Method != "POST" || reqs[0].Target != ucwatest.ApplicationsPath ||
		!strings.Contains(string(reqs[0].Body), "endpointId") || reqs[0].InBatch {
		t.Errorf("%d requests recorded; the first: %+v", len(reqs), reqs[0])
	}
}

func TestServerEventChannel(t *testing.T) {
	c := newClient(t, ucwatest.Options{Hold: 20 * time.Millisecond}, ucwa.XML)
	c.srv.QueueEvents(ucwa.Sender{Rel: "me", Href: "/me", Events: []ucwa.Event{
		{Type: ucwa.Updated, Link: ucwa.Link{Rel: "note", Href: "/me/note"}}}})
	app := c.create()
	l, _ := c.app.Resource.Link("events")
	if l.Href != app+"/events?ack=1" {
		t.Fatalf("events link %q", l.Href)
	}
	ev, err := c.events(l.Href)
	if err != nil {
		t.Fatal(err)
	}
	step, _ := ev.Step()
	if step.Action != ucwa.ChannelNext || step.Href != app+"/events?ack=2" || len(ev.Senders) != 1 {
		t.Errorf("first: %+v, %+v", step, ev)
	}
	// The same ack again: the same response, not acknowledged.
	again, err := c.events(l.Href)
	if err != nil || len(again.Senders) != 1 {
		t.Errorf("repeated: %+v, %v", again, err)
	}
	// The next: nothing queued, the hold ends with links alone.
	ev, err = c.events(step.Href)
	if err != nil || len(ev.Senders) != 0 {
		t.Errorf("empty: %+v, %v", ev, err)
	}
	// An old ack: resync to the response not yet acknowledged, the second.
	ev, err = c.events(l.Href)
	if s, _ := ev.Step(); err != nil || s.Action != ucwa.ChannelResync || s.Href != app+"/events?ack=2" {
		t.Errorf("old ack: %+v, %v", s, err)
	}
	// The application's link follows the channel.
	me, _ := c.do("GET", app, nil, ucwa.ResponseOptions{})
	if l, _ := me.Resource.Link("events"); l.Href != app+"/events?ack=2" {
		t.Errorf("events link after two responses: %q", l.Href)
	}
	// Suspend: resume instead of next.
	c.srv.Suspend()
	ev, err = c.events(app + "/events?ack=3&timeout=180&priority=2")
	if s, _ := ev.Step(); err != nil || s.Action != ucwa.ChannelResume || s.Href != app+"/events?ack=4" {
		t.Errorf("after Suspend: %+v, %v", s, err)
	}
	// Parameters out of bounds.
	_, err = c.events(app + "/events?ack=4&timeout=60")
	if !errors.Is(err, ucwa.SubcodeParameterValidationFailure) {
		t.Errorf("timeout=60: %v", err)
	}
	// A P-GET replaced by another gets 409 PGetReplaced: whichever of two
	// comes first, as soon as the other comes; the other gets the events.
	long := newClient(t, ucwatest.Options{Hold: 5 * time.Second}, ucwa.JSON)
	app = long.create()
	results := make(chan error, 2)
	for range 2 {
		go func() {
			_, err := long.events(app + "/events?ack=1")
			results <- err
		}()
	}
	replaced := <-results
	if !errors.Is(replaced, ucwa.SubcodePGetReplaced) {
		t.Errorf("replaced P-GET: %v", replaced)
	}
	long.srv.QueueEvents(ucwa.Sender{Rel: "me", Href: "/me"})
	if err := <-results; err != nil {
		t.Errorf("replacing P-GET: %v", err)
	}
	// Deleting the application ends it.
	if r, err := long.do("DELETE", app, nil, ucwa.ResponseOptions{}); err != nil || r.Status != 204 {
		t.Errorf("DELETE: %+v, %v", r, err)
	}
	if _, err := long.events(app + "/events?ack=2"); !errors.Is(err, ucwa.SubcodeApplicationNotFound) {
		t.Errorf("after DELETE: %v", err)
	}
}

func TestServerBatch(t *testing.T) {
	c := newClient(t, ucwatest.Options{}, ucwa.XML)
	app := c.create()
	part := func(method, path string) ucwa.RequestPart {
		p, err := ucwa.NewRequestPart(method, c.srv.PoolURL+path, nil, ucwa.XML)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	post := func(parts []ucwa.RequestPart) ([]ucwa.ResponsePart, error) {
		req, err := ucwa.BatchOptions{MaxParts: 200}.NewRequest(context.Background(), c.srv.PoolURL+app+"/batch", parts)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := c.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return ucwa.ReadBatchResponse(resp)
	}
	answers, err := post([]ucwa.RequestPart{part("GET", app+"/me/presence"), part("GET", app+"/events?ack=1"),
		part("GET", app+"/nothing"), part("POST", app+"/batch")})
	if err != nil || len(answers) != 4 {
		t.Fatalf("%d answers, %v", len(answers), err)
	}
	for i, want := range []int{200, 403, 404, 403} {
		if answers[i].Status != want {
			t.Errorf("part %d: %d, want %d", i+1, answers[i].Status, want)
		}
	}
	r, err := answers[0].Parse(nil)
	if err != nil || r.Format != ucwa.XML || r.Resource.Rel != "presence" {
		t.Errorf("presence: %+v, %v", r, err)
	}
	reqs := c.srv.Requests()
	if n := len(reqs); n != 6 || reqs[1].InBatch || !reqs[2].InBatch || reqs[2].Target != app+"/me/presence" {
		t.Errorf("recorded: %+v", reqs)
	}
	// More than 100 parts: 429, none run.
	many := make([]ucwa.RequestPart, 101)
	for i := range many {
		many[i] = part("GET", app+"/me")
	}
	before := len(c.srv.Requests())
	if _, err := post(many); !errors.Is(err, ucwa.CodeTooManyRequests) {
		t.Errorf("101 parts: %v", err)
	}
	if n := len(c.srv.Requests()) - before; n != 1 {
		t.Errorf("101 parts: %d requests run", n)
	}
	// A batch that is not one.
	req, _ := http.NewRequest("POST", c.srv.PoolURL+app+"/batch", strings.NewReader("--x--"))
	req.Header.Set("Content-Type", "multipart/batching; boundary=x")
	resp, err := c.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if e := ucwa.ResponseError(resp.StatusCode, resp.Header.Get("Content-Type"), body); resp.StatusCode != 400 ||
		!errors.Is(e, ucwa.SubcodeDeserializationFailure) {
		t.Errorf("empty batch: %d %v", resp.StatusCode, e)
	}
}

func TestServerSetResource(t *testing.T) {
	c := newClient(t, ucwatest.Options{}, ucwa.XML)
	app := c.create()
	r, _ := ucwa.DecodeResource([]byte(`{"rel":"me","name":"Dana Birkby","_links":{"self":{"href":"/x"}}}`), ucwa.JSON)
	c.srv.SetResource(app+"/me", r)
	got, err := c.do("GET", app+"/me", nil, ucwa.ResponseOptions{Kind: ucwa.BodyResource})
	if name, _ := got.Resource.String("name"); err != nil || name != "Dana Birkby" || got.Format != ucwa.XML {
		t.Errorf("%+v, %v", got, err)
	}
}

func TestServerStartMessaging(t *testing.T) {
	c := newClient(t, ucwatest.Options{}, ucwa.JSON)
	app := c.create()
	in := &ucwa.Input{Properties: []ucwa.Property{ucwa.Prop("to", ucwa.String("sip:a@b")),
		ucwa.Prop("threadId", ucwa.String("t1"))}}
	r, err := c.do("POST", app+"/communication/messagingInvitations", in, ucwa.ResponseOptions{})
	if err != nil || r.Status != 201 || r.Location == nil ||
		r.Location.Path != app+"/communication/messagingInvitations/1" {
		t.Fatalf("%+v, %v", r, err)
	}
	inv, err := c.do("GET", r.Location.URL.String(), nil, ucwa.ResponseOptions{Kind: ucwa.BodyResource})
	if err != nil || inv.Resource.Type() != "messagingInvitation" {
		t.Errorf("invitation: %+v, %v", inv, err)
	}
	l, _ := inv.Resource.Link("conversation")
	if _, err := c.do("GET", l.Href, nil, ucwa.ResponseOptions{Kind: ucwa.BodyResource}); err != nil {
		t.Errorf("conversation: %v", err)
	}
	if _, err := c.do("POST", app+"/communication/messagingInvitations", in, ucwa.ResponseOptions{}); !errors.Is(err,
		ucwa.SubcodeThreadIdAlreadyExists) {
		t.Errorf("same thread: %v", err)
	}
	for _, path := range []string{"/communication/messagingInvitations/2", "/communication/conversations/01"} {
		if _, err := c.do("GET", app+path, nil, ucwa.ResponseOptions{}); !errors.Is(err, ucwa.CodeNotFound) {
			t.Errorf("%s: %v", path, err)
		}
	}
}
