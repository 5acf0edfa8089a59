package ucwa_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/api"
	"github.com/ucwa-go/ucwa/ucwatest"
)

// A client, written with this package only, against the fake server of
// package ucwatest: autodiscovery, an application, me, a conversation, the
// event channel, an error and a batch. The client sees no Content-Type,
// Accept, boundary or query string: the package writes and reads them all.
func Example_client() {
	srv := ucwatest.NewServer(ucwatest.Options{})
	defer srv.Close()

	err := walkthrough(context.Background(), srv.Client(), srv.URL, ucwa.JSON, nil)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// autodiscovery: user on another origin, applications on the pool
	// application 192 created
	// me: Test User <sip:user@ucwatest.invalid>, user@ucwatest.invalid
	// startMessaging: 201 Created, messagingInvitations 1
	// events (next): started messagingInvitation Connecting, added conversation
	// events (next): completed messagingInvitation Success
	// startMessaging again: 409 Conflict/ThreadIdAlreadyExists
	// batch: me 200 me, presence 200 Online, note 200 Testing
}

// walkthrough is the client. It starts at root, the autodiscovery URL of a
// deployment, asks for bodies in format f, and writes what it does to w
// when w is not nil.
func walkthrough(ctx context.Context, client *http.Client, root string, f ucwa.Format, w io.Writer) error {
	say := func(format string, a ...any) {
		if w != nil {
			fmt.Fprintf(w, format+"\n", a...)
		} else {
			fmt.Printf(format+"\n", a...)
		}
	}
	do := func(method, target string, body ucwa.Body, o ucwa.ResponseOptions) (*ucwa.Response, error) {
		req, err := ucwa.NewRequest(ctx, method, target, body, f)
		if err != nil {
			return nil, err
		}
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		return o.Read(resp)
	}
	get := func(target string) (*ucwa.Response, error) {
		return do(http.MethodGet, target, nil, ucwa.ResponseOptions{Kind: ucwa.BodyResource})
	}
	// follow resolves the link rel of res, a resource of the response r.
	follow := func(r *ucwa.Response, res *ucwa.Resource, rel string, o ucwa.LocationOptions) (string, error) {
		l, ok := res.Link(rel)
		if !ok {
			return "", fmt.Errorf("%s has no %s link", res.Type(), rel)
		}
		u, err := o.Resolve(r.URL, l.Href)
		if err != nil {
			return "", err
		}
		return u.String(), nil
	}
	sameOrigin := ucwa.LocationOptions{}

	// Autodiscovery hops from the lyncdiscover host to the pool: only
	// these links may lead to another origin.
	hop := ucwa.LocationOptions{AllowCrossOrigin: true}
	disco, err := get(root)
	if err != nil {
		return err
	}
	userURL, err := follow(disco, disco.Resource, "user", hop)
	if err != nil {
		return err
	}
	if _, err := follow(disco, disco.Resource, "user", sameOrigin); errors.Is(err, ucwa.ErrCrossOrigin) {
		say("autodiscovery: user on another origin, applications on the pool")
	}
	user, err := get(userURL)
	if err != nil {
		return err
	}
	appsURL, err := follow(user, user.Resource, "applications", hop)
	if err != nil {
		return err
	}

	// Create the application.
	created, err := do(http.MethodPost, appsURL, &api.Applications{
		UserAgent:  "walkthrough/1.0",
		EndpointID: "a917c6f4-976c-4cf3-847d-cdfffa28ccdf",
		Culture:    "en-US",
	}, ucwa.ResponseOptions{Kind: ucwa.BodyResource})
	if err != nil {
		return err
	}
	app := created.Resource
	id, _ := app.String("id")
	say("application %s created", id)

	// Read me, from the link of the embedded me.
	meURL, err := follow(created, app.Embed("me"), "self", sameOrigin)
	if err != nil {
		return err
	}
	me, err := get(meURL)
	if err != nil {
		return err
	}
	name, _ := me.Resource.String("name")
	uri, _ := me.Resource.String("uri")
	emails, _ := me.Resource.Strings("emailAddresses")
	say("me: %s <%s>, %s", name, uri, strings.Join(emails, ", "))

	// Start a conversation, with the typed input of startMessaging: its
	// encoder refuses a body the reference says the server refuses.
	startURL, err := follow(created, app.Embed("communication"), "startMessaging", sameOrigin)
	if err != nil {
		return err
	}
	start := &api.StartMessaging{
		OperationID: "74cb7404e0a247d5a2d4eb0376a47dbf",
		To:          "sip:john@contoso.com",
		Subject:     "Walkthrough",
		ThreadID:    "292e0aaef36c426a97757f43dda19d06",
	}
	started, err := do(http.MethodPost, startURL, start, ucwa.ResponseOptions{})
	if err != nil {
		return err
	}
	if started.Location == nil {
		return errors.New("startMessaging: no Location")
	}
	say("startMessaging: %d %s, %s %s", started.Status, http.StatusText(started.Status),
		started.Location.Resource, started.Location.ID)

	// Read two event-channel responses in a row. The channel's parameters
	// go on the first P-GET, and again only after a resume, which makes
	// the server forget them.
	events, ok := app.Link("events")
	if !ok {
		return errors.New("application has no events link")
	}
	next, err := created.Resolve(events.Href)
	if err != nil {
		return err
	}
	params := &ucwa.ChannelParams{Timeout: ucwa.MinChannelTimeout}
	send := params
	for range 2 {
		if send != nil {
			if next, err = send.Apply(next); err != nil {
				return err
			}
		}
		resp, err := do(http.MethodGet, next.String(), nil, ucwa.ResponseOptions{Kind: ucwa.BodyEvents})
		if err != nil {
			return err
		}
		step, ok := resp.Events.Step()
		if !ok {
			return errors.New("the event channel ended")
		}
		var seen []string
		for _, s := range resp.Events.Senders {
			for _, e := range s.Events {
				what := string(e.Type) + " " + e.Link.Rel
				if e.Resource != nil {
					state, _ := e.Resource.String("state")
					what += " " + state
				}
				if e.Status != "" {
					what += " " + e.Status
				}
				seen = append(seen, what)
			}
		}
		say("events (%s): %s", step.Action, strings.Join(seen, ", "))
		send = nil
		if step.Action == ucwa.ChannelResume {
			send = params
		}
		if next, err = step.URL(resp.URL, nil); err != nil {
			return err
		}
	}

	// The same thread again is a conflict.
	_, err = do(http.MethodPost, startURL, start, ucwa.ResponseOptions{})
	var uerr *ucwa.Error
	if !errors.As(err, &uerr) || !errors.Is(err, ucwa.SubcodeThreadIdAlreadyExists) {
		return fmt.Errorf("startMessaging again: %v, want a conflict", err)
	}
	say("startMessaging again: %d %s/%s", uerr.Status, uerr.Code, uerr.Subcode)

	// One batch of three GETs: me, presence and note.
	batchURL, err := follow(created, app, "batch", sameOrigin)
	if err != nil {
		return err
	}
	var parts []ucwa.RequestPart
	var bases []string
	for _, rel := range []string{"self", "presence", "note"} {
		target, err := follow(me, me.Resource, rel, sameOrigin)
		if err != nil {
			return err
		}
		p, err := ucwa.NewRequestPart(http.MethodGet, target, nil, f)
		if err != nil {
			return err
		}
		parts, bases = append(parts, p), append(bases, target)
	}
	req, err := ucwa.NewBatchRequest(ctx, batchURL, parts)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	answers, err := ucwa.ReadBatchResponse(resp)
	if err != nil {
		return err
	}
	var got []string
	for i, a := range answers {
		r, err := a.Parse(nil)
		if err != nil {
			return fmt.Errorf("batch part %d (%s): %w", i+1, bases[i], err)
		}
		if r.Resource == nil {
			return fmt.Errorf("batch part %d: no resource", i+1)
		}
		detail := r.Resource.Type()
		for _, p := range []string{"availability", "message"} {
			if v, ok := r.Resource.Get(p); ok {
				detail = v.String()
			}
		}
		got = append(got, fmt.Sprintf("%s %d %s", r.Resource.Type(), r.Status, detail))
	}
	say("batch: %s", strings.Join(got, ", "))
	return nil
}
