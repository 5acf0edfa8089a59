package ucwatest_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/ucwatest"
)

// A test of a client's event handling: queue an event, let the client read
// the channel, then check what the server received.
func ExampleNewServer() {
	srv := ucwatest.NewServer(ucwatest.Options{})
	defer srv.Close()

	// The client under test would do this: create its application...
	in := &ucwa.Input{Properties: []ucwa.Property{ucwa.Prop("culture", ucwa.String("en-US")),
		ucwa.Prop("endpointId", ucwa.String("e1")), ucwa.Prop("userAgent", ucwa.String("client/1.0"))}}
	req, _ := ucwa.NewRequest(context.Background(), http.MethodPost, srv.PoolURL+ucwatest.ApplicationsPath, in, ucwa.XML)
	resp, err := srv.Client().Do(req)
	if err != nil {
		panic(err)
	}
	app, err := ucwa.ReadResponse(resp)
	if err != nil {
		panic(err)
	}

	// ...while the test queues an event for it...
	srv.QueueEvents(ucwa.Sender{Rel: "me", Href: app.Resource.Href() + "/me", Events: []ucwa.Event{
		{Type: ucwa.Updated, Link: ucwa.Link{Rel: "presence", Href: app.Resource.Href() + "/me/presence"}}}})

	// ...which the client reads on its event channel.
	l, _ := app.Resource.Link("events")
	u, _ := app.Resolve(l.Href)
	req, _ = ucwa.NewRequest(context.Background(), http.MethodGet, u.String(), nil, ucwa.XML)
	resp, err = srv.Client().Do(req)
	if err != nil {
		panic(err)
	}
	events, err := ucwa.ResponseOptions{Kind: ucwa.BodyEvents}.Read(resp)
	if err != nil {
		panic(err)
	}
	e := events.Events.Senders[0].Events[0]
	fmt.Println(e.Type, e.Link.Href)

	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Target, r.Header.Get("Accept"))
	}
	// Output:
	// updated /ucwa/v1/applications/192/me/presence
	// POST /ucwa/v1/applications application/vnd.microsoft.com.ucwa+xml
	// GET /ucwa/v1/applications/192/events?ack=1 application/vnd.microsoft.com.ucwa+xml
}
