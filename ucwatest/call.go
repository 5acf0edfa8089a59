package ucwatest

import (
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/ucwa-go/ucwa"
)

// A call is one request being served: what came, and how to answer it.
type call struct {
	s       *Server
	w       http.ResponseWriter
	r       *http.Request
	body    []byte
	f       ucwa.Format // the format the request accepts
	inBatch bool
}

// begin reads the request, records it, and tells the format of the answer
// from Accept. It answers a request that fails here and returns nil.
func (s *Server) begin(w http.ResponseWriter, r *http.Request, inBatch bool) *call {
	body, err := io.ReadAll(io.LimitReader(r.Body, ucwa.DefaultMaxSize+1))
	c := &call{s: s, w: w, r: r, body: body, f: ucwa.JSON, inBatch: inBatch}
	failure := s.record(r, body, inBatch)
	switch {
	case err != nil:
		c.fail(badRequest(ucwa.SubcodeDeserializationFailure, "The request body could not be read."))
		return nil
	case len(body) > ucwa.DefaultMaxSize:
		c.fail(&ucwa.Error{Status: http.StatusRequestEntityTooLarge, Code: ucwa.CodeEntityTooLarge,
			Message: "The request is too large."})
		return nil
	}
	f, ok := accepted(r.Header.Get("Accept"))
	if !ok {
		c.fail(&ucwa.Error{Status: http.StatusNotAcceptable, Code: ucwa.CodeNotAcceptable,
			Message: "The Accept header names no UCWA media type."})
		return nil
	}
	c.f = f
	if failure != nil {
		c.fail(failure)
		return nil
	}
	return c
}

// accepted tells the format an Accept header asks for: the first of its
// entries that is a UCWA media type; JSON for none, */* or a batch's
// multipart/batching (the format of the batch's own error bodies); false
// for an Accept that names only other types.
func accepted(accept string) (ucwa.Format, bool) {
	if strings.TrimSpace(accept) == "" {
		return ucwa.JSON, true
	}
	for _, entry := range strings.Split(accept, ",") {
		if mt, err := ucwa.ParseMediaType(entry); err == nil {
			return mt.Format, true
		}
		typ, _, _ := strings.Cut(entry, ";")
		switch strings.ToLower(strings.TrimSpace(typ)) {
		case "*/*", "application/*", ucwa.MediaTypeBatch:
			return ucwa.JSON, true
		}
	}
	return 0, false
}

// contentType returns the Content-Type of a body in the call's format.
func (c *call) contentType(body ucwa.Body) string {
	if !c.s.opts.Precise {
		if c.f == ucwa.XML {
			return ucwa.MediaTypeXML + "; charset=utf-8"
		}
		return ucwa.MediaTypeJSON + "; charset=utf-8"
	}
	xml := c.f == ucwa.XML
	switch body.(type) {
	case *ucwa.Events:
		if xml {
			return ucwa.MediaTypeEventsXML
		}
		return ucwa.MediaTypeEventsJSON
	case *ucwa.Error:
		if xml {
			return ucwa.MediaTypeErrorXML
		}
		return ucwa.MediaTypeErrorJSON
	}
	return c.f.MediaType()
}

// reply answers with status and body in the call's format, or with no body
// when body is nil.
func (c *call) reply(status int, body ucwa.Body) {
	if body == nil {
		c.w.WriteHeader(status)
		return
	}
	if c.f == ucwa.JSON {
		switch b := body.(type) {
		case *ucwa.Resource:
			r := jsonRels(*b)
			body = &r
		case *ucwa.Events:
			ev := jsonEvents(*b)
			body = &ev
		}
	}
	var data []byte
	var err error
	if c.f == ucwa.XML {
		data, err = body.AppendXML(nil)
	} else {
		data, err = body.AppendJSON(nil)
	}
	if err != nil {
		// A resource the server cannot encode is the test's mistake: say so
		// in a body any client reads.
		http.Error(c.w, "ucwatest: cannot encode the answer: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := c.w.Header()
	h.Set("Content-Type", c.contentType(body))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "no-cache")
	c.w.WriteHeader(status)
	c.w.Write(data)
}

// fail answers with the error e.
func (c *call) fail(e *ucwa.Error) {
	status := e.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	c.reply(status, e)
}

// input reads the body of a POST as an input, strictly. It answers a body
// it cannot read (415, 400) and returns false.
func (c *call) input() (ucwa.Input, bool) {
	ct := c.r.Header.Get("Content-Type")
	mt, err := ucwa.ParseMediaType(ct)
	if err != nil {
		c.fail(&ucwa.Error{Status: http.StatusUnsupportedMediaType, Code: ucwa.CodeUnsupportedMediaType,
			Subcode: ucwa.SubcodeUnsupportedMediaType, Message: "The Content-Type " + strconv.Quote(ct) +
				" is not supported."})
		return ucwa.Input{}, false
	}
	in, err := ucwa.DecodeInput(c.body, mt.Format)
	if err != nil {
		c.fail(badRequest(ucwa.SubcodeDeserializationFailure, "The request body could not be deserialized: "+
			err.Error()))
		return ucwa.Input{}, false
	}
	return in, true
}

func badRequest(sub ucwa.Subcode, msg string, params ...ucwa.Property) *ucwa.Error {
	return &ucwa.Error{Status: http.StatusBadRequest, Code: ucwa.CodeBadRequest, Subcode: sub, Message: msg,
		Parameters: params}
}

// required checks that in has the non-empty string properties names, with
// at most max bytes each, and answers 400 ParameterValidationFailure, with
// the faulty ones as parameters, when it does not.
func (c *call) required(in *ucwa.Input, max int, names ...string) bool {
	var bad []ucwa.Property
	for _, n := range names {
		v, _ := in.Get(n)
		if s, ok := v.Str(); !ok || s == "" || len(s) > max {
			bad = append(bad, ucwa.Prop(n, ucwa.String("required, 1 to "+strconv.Itoa(max)+" characters")))
		}
	}
	if bad == nil {
		return true
	}
	c.fail(badRequest(ucwa.SubcodeParameterValidationFailure, "A parameter value is not valid.", bad...))
	return false
}
