package ucwa

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ChannelAction is what a client does after an event-channel response: the
// rel of the link it follows.
type ChannelAction string

// The actions of the event channel (EventChannelDetails and EventsInUCWA in
// the reference).
const (
	// ChannelNext: carry on; the href acknowledges the response.
	ChannelNext ChannelAction = "next"
	// ChannelResume: the client was away long enough for the server to
	// drop its transient state (active conversations, presence
	// subscriptions). The href goes on as next does; the client sends its
	// query parameters again, which the server forgot.
	ChannelResume ChannelAction = "resume"
	// ChannelResync: the client sent an ack out of order (an old next
	// link). The href gives the first events not acknowledged; the client
	// clears its caches of transient data first.
	ChannelResync ChannelAction = "resync"
)

// A ChannelStep is the next P-GET on the event channel: what to do and the
// href to GET.
type ChannelStep struct {
	Action ChannelAction
	Href   string
}

// Step tells what the client does after the event-channel response ev: the
// first "resync" link if there is one (the reference says a client must
// expect it in any response), else the first "resume", else the first
// "next". ok is false when ev has none of them: the channel cannot go on,
// and the client GETs its application again for a new events link.
//
// The reference asks a client to send the next P-GET before it processes
// the events of this one, and to process them in order.
func (ev *Events) Step() (step ChannelStep, ok bool) {
	for _, a := range [...]ChannelAction{ChannelResync, ChannelResume, ChannelNext} {
		if l, found := ev.Link(string(a)); found {
			return ChannelStep{Action: a, Href: l.Href}, true
		}
	}
	return ChannelStep{}, false
}

// The bounds of the event channel's query parameters, from the events
// resource of the reference.
const (
	MinChannelTimeout  = 180 * time.Second  // the shortest timeout (and the server's default)
	MaxChannelTimeout  = 1800 * time.Second // the longest timeout
	MinChannelInterval = 5 * time.Second    // the shortest aggregation interval, medium or low
	MaxChannelInterval = 1800 * time.Second // the longest aggregation interval
)

// ChannelParams are the query parameters a client may add to an
// event-channel URL. The zero value adds none. Durations are sent in whole
// seconds.
//
// The server remembers them from one P-GET to the next: send them on the
// first P-GET, when they change, and after a resume, which forgets them.
type ChannelParams struct {
	// Timeout is how long the server holds a P-GET without events before
	// it answers with the next link alone ("timeout"): 180 s to 1800 s, 0
	// to leave it out (the server then uses 180 s).
	Timeout time.Duration
	// Medium and Low are how long medium- and low-priority events are
	// aggregated before the P-GET is released ("medium", "low"): 5 s to
	// 1800 s, 0 to leave them out (the server then uses 5 s and 15 s).
	Medium, Low time.Duration
	// Priority orders replacing P-GETs with the same ack ("priority"): a
	// request replaces one of the same or a lower priority, never a
	// higher. 0 leaves it out (the server's default is 0); negative values
	// are refused.
	Priority int
}

// channelParamNames are the names ChannelParams sets, in the order it
// appends them.
var channelParamNames = [...]string{"timeout", "medium", "low", "priority"}

// values returns the parameters to set, in the order of channelParamNames,
// "" for those left out, or why p is invalid.
func (p *ChannelParams) values() ([len(channelParamNames)]string, string) {
	var vs [len(channelParamNames)]string
	seconds := func(i int, name string, d, lo, hi time.Duration) string {
		switch {
		case d == 0:
			return ""
		case d < lo || d > hi:
			return name + " " + d.String() + " is outside " + lo.String() + " to " + hi.String()
		case d%time.Second != 0:
			return name + " " + d.String() + " is not a whole number of seconds"
		}
		vs[i] = strconv.FormatInt(int64(d/time.Second), 10)
		return ""
	}
	if msg := seconds(0, "timeout", p.Timeout, MinChannelTimeout, MaxChannelTimeout); msg != "" {
		return vs, msg
	}
	if msg := seconds(1, "medium", p.Medium, MinChannelInterval, MaxChannelInterval); msg != "" {
		return vs, msg
	}
	if msg := seconds(2, "low", p.Low, MinChannelInterval, MaxChannelInterval); msg != "" {
		return vs, msg
	}
	switch {
	case p.Priority < 0:
		return vs, "priority " + strconv.Itoa(p.Priority) + " is negative"
	case p.Priority > 0:
		vs[3] = strconv.Itoa(p.Priority)
	}
	return vs, ""
}

// Apply returns a copy of u, an event-channel URL, with the parameters of p
// set in its query. The server's own parameters ("ack" and any other) keep
// their place and their bytes; a parameter p sets replaces any occurrence
// of the same name, and the ones p sets follow them, in the order timeout,
// medium, low, priority. Errors wrap [ErrRequest]: a duration out of its
// bounds or not in whole seconds, a negative priority.
func (p *ChannelParams) Apply(u *url.URL) (*url.URL, error) {
	vs, msg := p.values()
	if msg != "" {
		return nil, wireErr("request", 0, ErrRequest, "event channel: "+msg)
	}
	c := *u
	var q []string
	if c.RawQuery != "" {
		for _, pair := range strings.Split(c.RawQuery, "&") {
			name, _, _ := strings.Cut(pair, "=")
			if n, err := url.QueryUnescape(name); err == nil {
				name = n
			}
			if i := channelParamIndex(name); i >= 0 && vs[i] != "" {
				continue
			}
			q = append(q, pair)
		}
	}
	for i, v := range vs {
		if v != "" {
			q = append(q, channelParamNames[i]+"="+v)
		}
	}
	c.RawQuery = strings.Join(q, "&")
	c.ForceQuery = false
	return &c, nil
}

func channelParamIndex(name string) int {
	for i, n := range channelParamNames {
		if name == n {
			return i
		}
	}
	return -1
}

// URL resolves the step's href against base, the URL of the P-GET that got
// it, with [ResolveHref] (on base's origin only), and sets the parameters
// of p in its query with [ChannelParams.Apply] when p is not nil. Pass p on
// a resume, which makes the server forget them, and when they change.
func (s ChannelStep) URL(base *url.URL, p *ChannelParams) (*url.URL, error) {
	u, err := ResolveHref(base, s.Href)
	if err != nil || p == nil {
		return u, err
	}
	return p.Apply(u)
}
