package ucwatest

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ucwa-go/ucwa"
)

// An application is one application a client created, and its state.
// Its fields are guarded by Server.mu.
type application struct {
	id, path                  string
	culture, endpointID, user string

	channel channel

	invitations int
	threads     map[string]bool // the threadIds of its conversations
	resume      bool            // the next event-channel response says resume
}

// createApplication serves POST applications.
func (s *Server) createApplication(c *call) {
	in, ok := c.input()
	if !ok || !c.required(&in, 100, "culture", "endpointId", "userAgent") {
		return
	}
	str := func(n string) string { v, _ := in.Get(n); s, _ := v.Str(); return s }
	s.mu.Lock()
	a := &application{id: strconv.Itoa(s.nextApp), culture: str("culture"), endpointID: str("endpointId"),
		user: str("userAgent"), threads: map[string]bool{}}
	a.path = ApplicationsPath + "/" + a.id
	a.channel.init()
	s.nextApp++
	s.apps[a.id] = a
	if s.lastApp == nil {
		for _, senders := range s.early {
			a.queue(senders)
		}
		s.early = nil
	}
	s.lastApp = a
	r := a.resource()
	s.mu.Unlock()
	c.reply(http.StatusCreated, &r)
}

// serveApplication serves the resources of application a; rest is the path
// after its id.
func (s *Server) serveApplication(c *call, a *application, rest string) {
	method := c.r.Method
	get := func(build func() ucwa.Resource) {
		if method != http.MethodGet {
			c.fail(methodNotAllowed())
			return
		}
		s.mu.Lock()
		r := build()
		s.mu.Unlock()
		c.reply(http.StatusOK, &r)
	}
	switch {
	case rest == "" && method == http.MethodDelete:
		s.mu.Lock()
		delete(s.apps, a.id)
		a.close()
		s.mu.Unlock()
		c.reply(http.StatusNoContent, nil)
	case rest == "":
		get(a.resource)
	case rest == "me":
		get(a.me)
	case rest == "me/presence":
		get(a.presence)
	case rest == "me/note":
		get(a.note)
	case rest == "people":
		get(a.people)
	case rest == "policies":
		get(a.policies)
	case rest == "communication":
		get(a.communication)
	case rest == "communication/messagingInvitations" && method == http.MethodPost:
		s.startMessaging(c, a)
	case strings.HasPrefix(rest, "communication/messagingInvitations/"):
		n, ok := a.known(rest[len("communication/messagingInvitations/"):])
		if !ok {
			c.fail(notFound())
			return
		}
		get(func() ucwa.Resource { return a.invitation(n, "Connected") })
	case strings.HasPrefix(rest, "communication/conversations/"):
		n, ok := a.known(rest[len("communication/conversations/"):])
		if !ok {
			c.fail(notFound())
			return
		}
		get(func() ucwa.Resource { return a.conversation(n) })
	case rest == "events":
		if method != http.MethodGet {
			c.fail(methodNotAllowed())
			return
		}
		if c.inBatch {
			c.fail(notInBatch())
			return
		}
		s.events(c, a)
	case rest == "batch":
		if method != http.MethodPost {
			c.fail(methodNotAllowed())
			return
		}
		if c.inBatch {
			c.fail(notInBatch())
			return
		}
		s.batch(c)
	default:
		c.fail(notFound())
	}
}

func notInBatch() *ucwa.Error {
	return &ucwa.Error{Status: http.StatusForbidden, Code: ucwa.CodeForbidden,
		Subcode: ucwa.SubcodeOperationNotSupported, Message: "A batch cannot hold a batch or an events request."}
}

// known reads the number of an invitation or conversation of a, and
// whether a has it.
func (a *application) known(seg string) (int, bool) {
	n, err := strconv.Atoi(seg)
	return n, err == nil && n >= 1 && n <= a.invitations && strconv.Itoa(n) == seg
}

// startMessaging serves POST communication/messagingInvitations: 201 with
// the invitation's Location, and two event-channel responses queued.
func (s *Server) startMessaging(c *call, a *application) {
	in, ok := c.input()
	if !ok || !c.required(&in, 250, "to") {
		return
	}
	str := func(n string) string { v, _ := in.Get(n); s, _ := v.Str(); return s }
	if op := str("operationId"); len(op) > 50 {
		c.fail(badRequest(ucwa.SubcodeParameterValidationFailure, "A parameter value is not valid.",
			ucwa.Prop("operationId", ucwa.String("at most 50 characters"))))
		return
	}
	s.mu.Lock()
	thread := str("threadId")
	if thread != "" && a.threads[thread] {
		s.mu.Unlock()
		c.fail(&ucwa.Error{Status: http.StatusConflict, Code: ucwa.CodeConflict,
			Subcode: ucwa.SubcodeThreadIdAlreadyExists, Message: "A conversation already exists with the same thread id."})
		return
	}
	a.invitations++
	n := a.invitations
	if thread == "" {
		thread = "thread" + strconv.Itoa(n)
	}
	a.threads[thread] = true
	inv := a.invitation(n, "Connecting")
	inv.Set("operationId", ucwa.String(str("operationId")))
	inv.Set("to", ucwa.String(str("to")))
	comm := ucwa.Link{Rel: "communication", Href: a.path + "/communication"}
	a.queue([]ucwa.Sender{{Rel: comm.Rel, Href: comm.Href, Events: []ucwa.Event{
		{Type: ucwa.Started, Link: ucwa.Link{Rel: "messagingInvitation", Href: inv.Href()}, Resource: &inv},
		{Type: ucwa.Added, Link: ucwa.Link{Rel: "conversation", Href: a.conversationHref(n)}},
	}}})
	a.queue([]ucwa.Sender{{Rel: comm.Rel, Href: comm.Href, Events: []ucwa.Event{
		{Type: ucwa.Completed, Link: ucwa.Link{Rel: "messagingInvitation", Href: inv.Href()}, Status: "Success"},
	}}})
	s.mu.Unlock()
	c.w.Header().Set("Location", inv.Href())
	c.reply(http.StatusCreated, nil)
}
