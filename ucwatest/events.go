package ucwatest

import (
	"net/http"
	"strconv"
	"time"

	"github.com/ucwa-go/ucwa"
)

// A channel is an application's event channel. Its fields are guarded by
// Server.mu.
//
// Each response has a number, the ack of the URL that gets it: the
// application's events link is ack=1, and the response to ack=N links
// ack=N+1 as next. Following it acknowledges response N, which is then
// forgotten; asking for N again (the client lost it) gets it again; any
// other ack gets a resync link to the response not yet acknowledged.
type channel struct {
	next    int             // the number the next new response gets
	last    *ucwa.Events    // response next-1, until it is acknowledged
	queued  [][]ucwa.Sender // responses queued, not yet released
	wake    chan struct{}   // closed when a response is queued
	waiter  chan struct{}   // closed to replace the pending GET
	closing chan struct{}   // closed when the application goes
}

func (ch *channel) init() {
	ch.next = 1
	ch.wake = make(chan struct{})
	ch.closing = make(chan struct{})
}

// unacked returns the ack of the first response not acknowledged.
func (ch *channel) unacked() int {
	if ch.last != nil {
		return ch.next - 1
	}
	return ch.next
}

// queue queues one response holding senders and wakes the pending GET.
func (a *application) queue(senders []ucwa.Sender) {
	a.channel.queued = append(a.channel.queued, senders)
	close(a.channel.wake)
	a.channel.wake = make(chan struct{})
}

// close ends the application's pending GET.
func (a *application) close() {
	select {
	case <-a.channel.closing:
	default:
		close(a.channel.closing)
	}
}

func (a *application) eventsHref(ack int) string {
	return a.path + "/events?ack=" + strconv.Itoa(ack)
}

// events serves a pending GET on the event channel.
func (s *Server) events(c *call, a *application) {
	q := c.r.URL.Query()
	if bad := checkChannelParams(q); bad != nil {
		c.fail(badRequest(ucwa.SubcodeParameterValidationFailure, "A parameter value is not valid.", bad...))
		return
	}
	ack, err := strconv.Atoi(q.Get("ack"))
	s.mu.Lock()
	ch := &a.channel
	switch {
	case err == nil && ch.last != nil && ack == ch.next-1:
		ev := *ch.last
		s.mu.Unlock()
		c.reply(http.StatusOK, &ev)
		return
	case err != nil || ack != ch.next:
		ev := ucwa.Events{Links: []ucwa.Link{link("self", c.r.URL.RequestURI()),
			link("resync", a.eventsHref(ch.unacked()))}}
		s.mu.Unlock()
		c.reply(http.StatusOK, &ev)
		return
	}
	ch.last = nil // following next acknowledges it
	if ch.waiter != nil {
		close(ch.waiter)
	}
	mine := make(chan struct{})
	ch.waiter = mine
	wake, closing := ch.wake, ch.closing
	empty := len(ch.queued) == 0
	s.mu.Unlock()

	if empty {
		t := time.NewTimer(s.opts.Hold)
		defer t.Stop()
		select {
		case <-wake:
		case <-t.C:
		case <-mine:
			c.fail(&ucwa.Error{Status: http.StatusConflict, Code: ucwa.CodeConflict, Subcode: ucwa.SubcodePGetReplaced,
				Message: "The pending GET was replaced by another."})
			return
		case <-closing:
			c.fail(&ucwa.Error{Status: http.StatusNotFound, Code: ucwa.CodeNotFound,
				Subcode: ucwa.SubcodeApplicationNotFound, Message: "The application does not exist."})
			return
		case <-c.r.Context().Done():
			return
		}
	}

	s.mu.Lock()
	if ch.waiter != mine {
		s.mu.Unlock()
		c.fail(&ucwa.Error{Status: http.StatusConflict, Code: ucwa.CodeConflict, Subcode: ucwa.SubcodePGetReplaced,
			Message: "The pending GET was replaced by another."})
		return
	}
	ch.waiter = nil
	rel := "next"
	if a.resume {
		rel, a.resume = "resume", false
	}
	ev := ucwa.Events{Links: []ucwa.Link{link("self", a.eventsHref(ack)), link(rel, a.eventsHref(ack+1))}}
	if len(ch.queued) > 0 {
		ev.Senders = ch.queued[0]
		ch.queued = ch.queued[1:]
	}
	ch.last = &ev
	ch.next = ack + 1
	s.mu.Unlock()
	c.reply(http.StatusOK, &ev)
}

// checkChannelParams checks the event channel's parameters against the
// bounds of the reference, and returns the faulty ones.
func checkChannelParams(q map[string][]string) []ucwa.Property {
	var bad []ucwa.Property
	check := func(name string, lo, hi int) {
		vs, ok := q[name]
		if !ok {
			return
		}
		n, err := strconv.Atoi(vs[0])
		if len(vs) > 1 || err != nil || n < lo || n > hi {
			bad = append(bad, str(name, strconv.Itoa(lo)+" to "+strconv.Itoa(hi)))
		}
	}
	check("timeout", 180, 1800)
	check("medium", 5, 1800)
	check("low", 5, 1800)
	check("priority", 0, 1<<31-1)
	return bad
}

// jsonEvents returns ev with a "rel" property in each embedded resource
// that has none, as jsonRels does for a resource. ev is not changed.
func jsonEvents(ev ucwa.Events) ucwa.Events {
	senders := make([]ucwa.Sender, len(ev.Senders))
	for i, s := range ev.Senders {
		events := make([]ucwa.Event, len(s.Events))
		for j, e := range s.Events {
			if e.Resource != nil {
				r := jsonRels(ucwa.Resource{Embedded: []ucwa.Resource{*e.Resource}}).Embedded[0]
				e.Resource = &r
			}
			events[j] = e
		}
		s.Events = events
		senders[i] = s
	}
	ev.Senders = senders
	return ev
}
