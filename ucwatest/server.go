package ucwatest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/ucwa-go/ucwa"
)

// Paths of the fake deployment.
const (
	// UserPath is the path of the user resource, on the pool.
	UserPath = "/Autodiscover/AutodiscoverService.svc/root/oauth/user"
	// ApplicationsPath is the path of the applications resource, on the
	// pool; an application is ApplicationsPath + "/" + its id.
	ApplicationsPath = "/ucwa/v1/applications"
	// FirstApplication is the id of the first application created.
	FirstApplication = 192
)

// Options configure a Server. The zero Options are the defaults.
type Options struct {
	// TLS serves both addresses over HTTPS with httptest's certificate;
	// [Server.Client] trusts it. Default: plain HTTP.
	TLS bool
	// Precise labels bodies with the precise UCWA media types
	// (application/vnd.microsoft.com.ucwa+json, and its .error and .events
	// variants). Default: application/json and application/xml, as real
	// servers send for every body.
	Precise bool
	// Hold is how long a pending GET on the event channel waits for events
	// before the server answers with the next link alone. Default (0): 50
	// ms. (A real server holds it for the timeout parameter, 180 s by
	// default.)
	Hold time.Duration
}

// A Request is a request the server received, as it came.
type Request struct {
	Method string
	Target string // the request target: path and query
	Header http.Header
	Body   []byte
	// InBatch reports whether the request was a part of a batch. A batch's
	// parts are recorded after the batch's own POST.
	InBatch bool
}

// A Server is a fake UCWA deployment: autodiscovery and a pool.
type Server struct {
	// URL is the autodiscovery root, such as "http://127.0.0.1:41157/",
	// where a client starts.
	URL string
	// PoolURL is the base URL of the pool, such as
	// "http://127.0.0.1:38213".
	PoolURL string

	opts            Options
	discovery, pool *httptest.Server

	mu        sync.Mutex
	requests  []Request
	resources map[string]ucwa.Resource // by path
	failures  []failure
	apps      map[string]*application
	nextApp   int
	lastApp   *application
	early     [][]ucwa.Sender // events queued before any application
}

type failure struct {
	method, path string
	err          *ucwa.Error
}

// NewServer starts a fake deployment with the options o. The caller closes
// it with [Server.Close].
func NewServer(o Options) *Server {
	if o.Hold <= 0 {
		o.Hold = 50 * time.Millisecond
	}
	s := &Server{opts: o, resources: map[string]ucwa.Resource{}, apps: map[string]*application{},
		nextApp: FirstApplication}
	s.discovery = httptest.NewUnstartedServer(http.HandlerFunc(s.serveDiscovery))
	s.pool = httptest.NewUnstartedServer(http.HandlerFunc(s.servePool))
	if o.TLS {
		s.discovery.StartTLS()
		s.pool.StartTLS()
	} else {
		s.discovery.Start()
		s.pool.Start()
	}
	s.URL = s.discovery.URL + "/"
	s.PoolURL = s.pool.URL
	return s
}

// Close shuts both addresses down, ending the pending GETs.
func (s *Server) Close() {
	s.mu.Lock()
	for _, a := range s.apps {
		a.close()
	}
	s.mu.Unlock()
	s.discovery.Close()
	s.pool.Close()
}

// Client returns an HTTP client for the server: with Options.TLS, one that
// trusts its certificate.
func (s *Server) Client() *http.Client { return s.pool.Client() }

// Requests returns the requests the server received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// SetResource makes the server answer a GET on path (a path on the pool,
// such as ApplicationsPath + "/192/me") with r, in the format the request
// asks, instead of its own resource. Set it before the client reads it.
func (s *Server) SetResource(path string, r ucwa.Resource) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.resources[path] = r
}

// Fail makes the next request with method on path (on the pool) fail with
// e, whose Status is the HTTP status (500 when 0), in the format the
// request asks. Failures are used once, in the order they were added.
func (s *Server) Fail(method, path string, e *ucwa.Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, failure{method, path, e})
}

// QueueEvents queues one event-channel response holding senders, for the
// application created last (or the first one created, if none is yet).
// Each pending GET takes the next response queued, in order.
func (s *Server) QueueEvents(senders ...ucwa.Sender) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lastApp == nil {
		s.early = append(s.early, senders)
		return
	}
	s.lastApp.queue(senders)
}

// Suspend makes the next event-channel response of the application created
// last carry a resume link instead of next, as a server does after it
// dropped a client's transient state.
func (s *Server) Suspend() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lastApp != nil {
		s.lastApp.resume = true
	}
}

// record notes a request and returns the failure queued for it, if any.
func (s *Server) record(r *http.Request, body []byte, inBatch bool) *ucwa.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{Method: r.Method, Target: r.URL.RequestURI(),
		Header: r.Header.Clone(), Body: body, InBatch: inBatch})
	for i, f := range s.failures {
		if f.method == r.Method && f.path == r.URL.Path {
			s.failures = append(s.failures[:i], s.failures[i+1:]...)
			return f.err
		}
	}
	return nil
}

// serveDiscovery serves the autodiscovery root.
func (s *Server) serveDiscovery(w http.ResponseWriter, r *http.Request) {
	c := s.begin(w, r, false)
	if c == nil {
		return
	}
	if r.URL.Path != "/" {
		c.fail(notFound())
		return
	}
	if r.Method != http.MethodGet {
		c.fail(methodNotAllowed())
		return
	}
	c.reply(http.StatusOK, &ucwa.Resource{Links: []ucwa.Link{
		{Rel: "self", Href: s.discovery.URL + "/"},
		{Rel: "user", Href: s.PoolURL + UserPath},
		{Rel: "xframe", Href: s.PoolURL + "/Autodiscover/XFrame/XFrame.html"},
	}})
}

// servePool serves everything on the pool.
func (s *Server) servePool(w http.ResponseWriter, r *http.Request) { s.serve(w, r, false) }

func (s *Server) serve(w http.ResponseWriter, r *http.Request, inBatch bool) {
	c := s.begin(w, r, inBatch)
	if c == nil {
		return
	}
	path := r.URL.Path
	s.mu.Lock()
	res, custom := s.resources[path]
	s.mu.Unlock()
	switch {
	case custom && r.Method == http.MethodGet:
		c.reply(http.StatusOK, &res)
	case path == UserPath:
		if r.Method != http.MethodGet {
			c.fail(methodNotAllowed())
			return
		}
		c.reply(http.StatusOK, &ucwa.Resource{Rel: "user", Properties: []ucwa.Property{
			ucwa.Prop("rel", ucwa.String("user"))}, Links: []ucwa.Link{
			{Rel: "self", Href: UserPath},
			{Rel: "applications", Href: ApplicationsPath},
			{Rel: "xframe", Href: "/Autodiscover/XFrame/XFrame.html"},
		}})
	case path == ApplicationsPath:
		if r.Method != http.MethodPost {
			c.fail(methodNotAllowed())
			return
		}
		s.createApplication(c)
	case strings.HasPrefix(path, ApplicationsPath+"/"):
		id, rest, _ := strings.Cut(path[len(ApplicationsPath)+1:], "/")
		s.mu.Lock()
		a := s.apps[id]
		s.mu.Unlock()
		if a == nil {
			c.fail(&ucwa.Error{Status: http.StatusNotFound, Code: ucwa.CodeNotFound,
				Subcode: ucwa.SubcodeApplicationNotFound, Message: "The application does not exist."})
			return
		}
		s.serveApplication(c, a, rest)
	default:
		c.fail(notFound())
	}
}

func notFound() *ucwa.Error {
	return &ucwa.Error{Status: http.StatusNotFound, Code: ucwa.CodeNotFound,
		Subcode: ucwa.SubcodeResourceNotFound, Message: "The resource does not exist."}
}

func methodNotAllowed() *ucwa.Error {
	return &ucwa.Error{Status: http.StatusMethodNotAllowed, Code: ucwa.CodeMethodNotAllowed,
		Message: "The HTTP method is not supported for this resource."}
}
