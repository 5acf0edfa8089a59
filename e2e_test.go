package ucwa_test

import (
	"bytes"
	"context"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit"
	"github.com/ucwa-go/ucwa/ucwatest"
)

// The end-to-end test runs walkthrough, the client of example_client_test.go,
// against the fake server in both formats, with the server's own resources
// and with the reference's examples, and checks what went over the wire.
// TestClientNeedsNoWire checks that the client writes no wire handling of
// its own.

func TestEndToEnd(t *testing.T) {
	for _, o := range []ucwatest.Options{{}, {Precise: true}, {TLS: true}} {
		for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
			t.Run(f.String()+optionsName(o), func(t *testing.T) {
				srv := ucwatest.NewServer(o)
				defer srv.Close()
				var out bytes.Buffer
				if err := walkthrough(context.Background(), srv.Client(), srv.URL, f, &out); err != nil {
					t.Fatalf("%v\nafter:\n%s", err, out.String())
				}
				want := `autodiscovery: user on another origin, applications on the pool
application 192 created
me: Test User <sip:user@ucwatest.invalid>, user@ucwatest.invalid
startMessaging: 201 Created, messagingInvitations 1
events (next): started messagingInvitation Connecting, added conversation
events (next): completed messagingInvitation Success
startMessaging again: 409 Conflict/ThreadIdAlreadyExists
batch: me 200 me, presence 200 Online, note 200 Testing
`
				if out.String() != want {
					t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
				}
				checkWire(t, srv.Requests(), f)
			})
		}
	}
}

func optionsName(o ucwatest.Options) string {
	switch {
	case o.Precise:
		return "-precise"
	case o.TLS:
		return "-tls"
	}
	return ""
}

// checkWire checks what the client sent: Accept on every request,
// Content-Type on every body, in format f, and nothing of its own beyond
// what net/http adds; a batch of three GETs; two P-GETs, the first with the
// channel's parameters.
func checkWire(t *testing.T, reqs []ucwatest.Request, f ucwa.Format) {
	t.Helper()
	var pgets []string
	inBatch := 0
	for i, r := range reqs {
		where := "request " + strconv.Itoa(i+1) + " " + r.Method + " " + r.Target
		accept := r.Header.Get("Accept")
		switch {
		case strings.HasSuffix(r.Target, "/batch"):
			ct := r.Header.Get("Content-Type")
			if accept != ucwa.MediaTypeBatch || !strings.HasPrefix(ct, ucwa.MediaTypeBatch+"; boundary=") {
				t.Errorf("%s: Accept %q, Content-Type %q", where, accept, r.Header.Get("Content-Type"))
			}
			continue
		case accept != f.Accept():
			t.Errorf("%s: Accept %q", where, accept)
		}
		if r.InBatch {
			inBatch++
			if r.Method != "GET" || r.Header.Get("Host") == "" {
				t.Errorf("%s: in a batch, %v", where, r.Header)
			}
			continue
		}
		if ct := r.Header.Get("Content-Type"); (len(r.Body) > 0) != (ct != "") || ct != "" && ct != f.MediaType() {
			t.Errorf("%s: Content-Type %q for %d bytes", where, ct, len(r.Body))
		}
		for k := range r.Header {
			if !slices.Contains([]string{"Accept", "Content-Type", "Content-Length", "Accept-Encoding", "User-Agent"}, k) {
				t.Errorf("%s: header %s", where, k)
			}
		}
		if strings.Contains(r.Target, "/events?") {
			pgets = append(pgets, r.Target)
		}
	}
	if inBatch != 3 {
		t.Errorf("%d requests in batches, want 3", inBatch)
	}
	want := []string{
		ucwatest.ApplicationsPath + "/192/events?ack=1&timeout=180",
		ucwatest.ApplicationsPath + "/192/events?ack=2",
	}
	if !slices.Equal(pgets, want) {
		t.Errorf("P-GETs %q, want %q", pgets, want)
	}
}

// TestEndToEndReference serves the reference's me, presence and note, in
// each format, where the fake server's own would be: the client reads them
// as it reads the server's.
func TestEndToEndReference(t *testing.T) {
	for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
		t.Run(f.String(), func(t *testing.T) {
			srv := ucwatest.NewServer(ucwatest.Options{})
			defer srv.Close()
			app := ucwatest.ApplicationsPath + "/" + strconv.Itoa(ucwatest.FirstApplication)
			ref := map[string]*ucwa.Resource{}
			for _, name := range []string{"me", "presence", "note"} {
				r := referenceResource(t, name+".GET."+f.String()+"-response.http", f)
				if r.Href() != "/ucwa/v1/applications/192/"+map[string]string{"me": "me", "presence": "me/presence",
					"note": "me/note"}[name] {
					t.Fatalf("%s: the reference's self link %q does not fit the server's paths", name, r.Href())
				}
				srv.SetResource(r.Href(), *r)
				ref[name] = r
			}
			if !strings.HasPrefix(ref["me"].Href(), app) {
				t.Fatalf("the server's application %s is not the reference's", app)
			}
			var out bytes.Buffer
			if err := walkthrough(context.Background(), srv.Client(), srv.URL, f, &out); err != nil {
				t.Fatalf("%v\nafter:\n%s", err, out.String())
			}
			name, _ := ref["me"].String("name")
			uri, _ := ref["me"].String("uri")
			emails, _ := ref["me"].Strings("emailAddresses")
			availability, _ := ref["presence"].Get("availability")
			message, _ := ref["note"].Get("message")
			for _, line := range []string{
				"me: " + name + " <" + uri + ">, " + strings.Join(emails, ", "),
				"batch: me 200 me, presence 200 " + availability.String() + ", note 200 " + message.String(),
			} {
				if !strings.Contains(out.String(), line+"\n") {
					t.Errorf("no line %q in:\n%s", line, out.String())
				}
			}
			checkWire(t, srv.Requests(), f)
		})
	}
}

// referenceResource decodes the body of a response of the shared corpus.
func referenceResource(t *testing.T, file string, f ucwa.Format) *ucwa.Resource {
	t.Helper()
	_, _, body, err := testkit.ParseMessage(testkit.ReadShared(t, "corpus", file))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	r, err := ucwa.ParseResponse(nil, http.StatusOK, http.Header{"Content-Type": {f.MediaType()}}, body)
	if err != nil || r.Resource == nil {
		t.Fatalf("%s: %+v, %v", file, r, err)
	}
	return r.Resource
}

// TestRequestContext checks that a request of NewRequest ends with its
// context: a P-GET the server holds for a minute ends at the deadline.
func TestRequestContext(t *testing.T) {
	srv := ucwatest.NewServer(ucwatest.Options{Hold: time.Minute})
	defer srv.Close()
	in := &ucwa.Input{Properties: []ucwa.Property{ucwa.Prop("culture", ucwa.String("en-US")),
		ucwa.Prop("endpointId", ucwa.String("1")), ucwa.Prop("userAgent", ucwa.String("t"))}}
	req, _ := ucwa.NewRequest(context.Background(), "POST", srv.PoolURL+ucwatest.ApplicationsPath, in, ucwa.JSON)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	app, err := ucwa.ReadResponse(resp)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := app.Resource.Link("events")
	u, err := app.Resolve(l.Href)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ = ucwa.NewRequest(ctx, "GET", u.String(), nil, ucwa.JSON)
	if _, err := srv.Client().Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("P-GET past its deadline: %v", err)
	}
}

// TestClientNeedsNoWire reads the client's source: it may import nothing
// that handles the wire (net/url, mime, bytes, net/textproto, encoding/…),
// use net/http for its client, methods and status texts only, and write no
// media type, header name, boundary, query or URL of its own.
func TestClientNeedsNoWire(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "example_client_test.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string][]string{
		"context": nil, "errors": nil, "fmt": nil, "io": nil,
		"net/http":                         {"Client", "MethodGet", "MethodPost", "StatusText"},
		"strings":                          {"Join"},
		"github.com/ucwa-go/ucwa":          nil,
		"github.com/ucwa-go/ucwa/api":      nil,
		"github.com/ucwa-go/ucwa/ucwatest": nil,
	}
	names := map[string]string{}
	for _, imp := range file.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if _, ok := allowed[path]; !ok {
			t.Errorf("the client imports %s", path)
		}
		names[path[strings.LastIndex(path, "/")+1:]] = path
	}
	forbidden := []string{"application/", "multipart", "boundary", "Content-", "Accept", "charset", "?", "ack=",
		"://", "HTTP/"}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				for _, f := range forbidden {
					if strings.Contains(n.Value, f) {
						t.Errorf("%s: the client writes %s", fset.Position(n.Pos()), n.Value)
					}
				}
			}
		case *ast.SelectorExpr:
			id, _ := n.X.(*ast.Ident)
			switch n.Sel.Name {
			case "Header", "Body", "RawQuery", "Query", "Path", "ContentLength":
				if id == nil || names[id.Name] != "github.com/ucwa-go/ucwa" {
					t.Errorf("%s: the client reads or writes .%s", fset.Position(n.Pos()), n.Sel.Name)
				}
			}
			if id != nil {
				if path, ok := names[id.Name]; ok && allowed[path] != nil && !slices.Contains(allowed[path], n.Sel.Name) {
					t.Errorf("%s: the client uses %s.%s", fset.Position(n.Pos()), id.Name, n.Sel.Name)
				}
			}
		}
		return true
	})
}
