package ucwatest

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"

	"github.com/ucwa-go/ucwa"
)

// batch serves POST batch: each part is served as a request of its own, in
// order, and the answers are sent back as a batch.
func (s *Server) batch(c *call) {
	parts, err := ucwa.DecodeBatchRequest(c.r.Header.Get("Content-Type"), c.body)
	if err != nil {
		if errors.Is(err, ucwa.ErrTooLarge) {
			c.fail(&ucwa.Error{Status: http.StatusTooManyRequests, Code: ucwa.CodeTooManyRequests,
				Subcode: ucwa.SubcodeNone, Message: "Too many outstanding HTTP operations: " + err.Error()})
			return
		}
		c.fail(badRequest(ucwa.SubcodeDeserializationFailure, "The batch could not be read: "+err.Error()))
		return
	}
	answers := make([]ucwa.ResponsePart, len(parts))
	for i, p := range parts {
		rec := httptest.NewRecorder()
		u, err := url.ParseRequestURI(p.Target)
		if err != nil {
			answers[i] = ucwa.ResponsePart{Status: http.StatusBadRequest}
			continue
		}
		h := p.Header.Clone()
		if h == nil {
			h = http.Header{}
		}
		req := (&http.Request{Method: p.Method, URL: u, RequestURI: p.Target, Proto: "HTTP/1.1", ProtoMajor: 1,
			ProtoMinor: 1, Header: h, Host: h.Get("Host"), Body: io.NopCloser(bytes.NewReader(p.Body)),
			ContentLength: int64(len(p.Body))}).WithContext(c.r.Context())
		s.serve(rec, req, true)
		answer := rec.Header().Clone()
		answer.Del("Content-Length")
		answers[i] = ucwa.ResponsePart{Status: rec.Code, Header: answer, Body: rec.Body.Bytes()}
	}
	body, ct, err := ucwa.EncodeBatchResponse(answers)
	if err != nil {
		c.fail(&ucwa.Error{Status: http.StatusInternalServerError, Code: ucwa.CodeServiceFailure,
			Message: "The batch answer could not be encoded: " + err.Error()})
		return
	}
	c.w.Header().Set("Content-Type", ct)
	c.w.WriteHeader(http.StatusOK)
	c.w.Write(body)
}
