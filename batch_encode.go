package ucwa

import (
	"bytes"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"slices"
	"strconv"
	"strings"
)

// EncodeBatchRequest encodes parts as the body of a batch request with the
// default [BatchOptions]. See [BatchOptions.EncodeRequests].
func EncodeBatchRequest(parts []RequestPart) (body []byte, contentType string, err error) {
	return BatchOptions{}.EncodeRequests(parts)
}

// EncodeBatchResponse encodes parts as the body of a batch response with
// the default [BatchOptions]. See [BatchOptions.EncodeResponses].
func EncodeBatchResponse(parts []ResponsePart) (body []byte, contentType string, err error) {
	return BatchOptions{}.EncodeResponses(parts)
}

// EncodeRequests encodes parts as the body of a batch request and returns it
// with its Content-Type, "multipart/batching; boundary=…". Each part is an
// application/http; msgtype=request part holding the request line
// ("GET /ucwa/v1/applications/192/me HTTP/1.1"), the header fields (Host
// first, then the others in sorted order), a Content-Length when there is a
// body or the method is POST, PUT or PATCH, a blank line and the body.
//
// Errors wrap [ErrRequest] (a method or header name that is not a token, a
// target or header value with a byte a request line or header cannot hold,
// such as CR or LF; a Content-Length in Header that disagrees with Body; a
// Transfer-Encoding), [ErrTooLarge] (more than MaxParts parts, a part over
// MaxPartSize, a batch over MaxSize) or [ErrBatch] (no parts, a boundary
// that is invalid or occurs in a part).
func (o BatchOptions) EncodeRequests(parts []RequestPart) (body []byte, contentType string, err error) {
	msgs := make([][]byte, len(parts))
	for i := range parts {
		if msgs[i], err = encodeRequestPart(&parts[i], i+1); err != nil {
			return nil, "", err
		}
	}
	return o.encode(msgs, MediaTypeHTTPRequest)
}

// EncodeResponses encodes parts as the body of a batch response, as
// EncodeRequests does requests: each part holds the status line
// ("HTTP/1.1 200 OK"), the header fields in sorted order, a Content-Length
// (but for 1xx, 204 and 304, which have no body), a blank line and the
// body. Errors are those of EncodeRequests, and a status outside 100 to
// 599 or a body on a status that has none ([ErrStatus]).
func (o BatchOptions) EncodeResponses(parts []ResponsePart) (body []byte, contentType string, err error) {
	msgs := make([][]byte, len(parts))
	for i := range parts {
		if msgs[i], err = encodeResponsePart(&parts[i], i+1); err != nil {
			return nil, "", err
		}
	}
	return o.encode(msgs, MediaTypeHTTPResponse)
}

// maxBoundaryDraws is how many random boundaries encode draws before it
// gives up: with 60 random hex digits, a second draw never happens.
const maxBoundaryDraws = 4

// encode frames the messages with mime/multipart, each in a part of type
// partType, under a boundary that none of them holds.
func (o BatchOptions) encode(msgs [][]byte, partType string) ([]byte, string, error) {
	const op = "batch"
	switch {
	case len(msgs) == 0:
		return nil, "", wireErr(op, 0, ErrBatch, "no parts")
	case len(msgs) > o.maxParts():
		return nil, "", wireErr(op, o.maxParts()+1, ErrTooLarge,
			"more than "+strconv.Itoa(o.maxParts())+" parts")
	}
	size := 0
	for i, m := range msgs {
		if len(m) > o.maxPartSize() {
			return nil, "", wireErr(op, i+1, ErrTooLarge, "part of "+strconv.Itoa(len(m))+
				" bytes is over the limit of "+strconv.Itoa(o.maxPartSize()))
		}
		size += len(m)
	}
	for draw := 0; ; draw++ {
		var buf bytes.Buffer
		buf.Grow(size + len(msgs)*(len(partType)+160))
		w := multipart.NewWriter(&buf)
		if o.Boundary != "" {
			if err := w.SetBoundary(o.Boundary); err != nil {
				return nil, "", wireErr(op, 0, ErrBatch, "boundary "+quoteCut(o.Boundary)+": "+err.Error())
			}
		}
		delim := []byte("--" + w.Boundary())
		clash := slices.IndexFunc(msgs, func(m []byte) bool { return bytes.Contains(m, delim) })
		if clash >= 0 {
			if o.Boundary != "" || draw+1 == maxBoundaryDraws {
				return nil, "", wireErr(op, clash+1, ErrBatch, "the boundary "+quoteCut(w.Boundary())+
					" occurs in the part")
			}
			continue
		}
		header := textproto.MIMEHeader{"Content-Type": {partType}}
		for _, m := range msgs {
			pw, err := w.CreatePart(header)
			if err != nil {
				return nil, "", wireErr(op, 0, ErrBatch, err.Error())
			}
			pw.Write(m) // a bytes.Buffer does not fail
		}
		w.Close()
		if buf.Len() > o.maxSize() {
			return nil, "", wireErr(op, 0, ErrTooLarge, "batch of "+strconv.Itoa(buf.Len())+
				" bytes is over the limit of "+strconv.Itoa(o.maxSize()))
		}
		ct := mime.FormatMediaType(MediaTypeBatch, map[string]string{"boundary": w.Boundary()})
		return buf.Bytes(), ct, nil
	}
}

// encodeRequestPart writes the HTTP message of a request part.
func encodeRequestPart(p *RequestPart, n int) ([]byte, error) {
	const op = "batch"
	if msg := checkMethod(p.Method); msg != "" {
		return nil, wireErr(op, n, ErrRequest, msg)
	}
	if p.Target == "" {
		return nil, wireErr(op, n, ErrRequest, "empty target")
	}
	if msg := checkLocationBytes(p.Target); msg != "" {
		return nil, wireErr(op, n, ErrRequest, "target "+quoteCut(p.Target)+": "+msg)
	}
	withLength := len(p.Body) > 0
	switch p.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
		withLength = true
	}
	b := make([]byte, 0, len(p.Method)+len(p.Target)+len(p.Body)+256)
	b = append(b, p.Method...)
	b = append(b, ' ')
	b = append(b, p.Target...)
	b = append(b, " HTTP/1.1\r\n"...)
	b, err := appendPartHeader(b, p.Header, len(p.Body), withLength, n)
	if err != nil {
		return nil, err
	}
	return append(b, p.Body...), nil
}

// encodeResponsePart writes the HTTP message of a response part.
func encodeResponsePart(p *ResponsePart, n int) ([]byte, error) {
	const op = "batch"
	if p.Status < 100 || p.Status > 599 {
		return nil, wireErr(op, n, ErrStatus, "status "+strconv.Itoa(p.Status)+" is not 100 to 599")
	}
	noBody := p.Status < 200 || p.Status == http.StatusNoContent || p.Status == http.StatusNotModified
	if noBody && len(p.Body) > 0 {
		return nil, wireErr(op, n, ErrStatus, "a body on status "+strconv.Itoa(p.Status)+", which has none")
	}
	b := make([]byte, 0, len(p.Body)+256)
	b = append(b, "HTTP/1.1 "...)
	b = strconv.AppendInt(b, int64(p.Status), 10)
	b = append(b, ' ')
	b = append(b, http.StatusText(p.Status)...)
	b = append(b, "\r\n"...)
	b, err := appendPartHeader(b, p.Header, len(p.Body), !noBody, n)
	if err != nil {
		return nil, err
	}
	return append(b, p.Body...), nil
}

// appendPartHeader appends the header fields of h, Host first and the
// others in sorted order, then Content-Length: n when withLength, then the
// blank line that ends the header.
func appendPartHeader(b []byte, h http.Header, n int, withLength bool, part int) ([]byte, error) {
	const op = "batch"
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		switch {
		case strings.EqualFold(a, "Host"):
			return -1
		case strings.EqualFold(b, "Host"):
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, k := range keys {
		switch {
		case strings.EqualFold(k, "Content-Length"):
			for _, v := range h[k] {
				if strings.TrimSpace(v) != strconv.Itoa(n) {
					return nil, wireErr(op, part, ErrRequest, "Content-Length "+quoteCut(v)+
						" disagrees with the body of "+strconv.Itoa(n)+" bytes")
				}
			}
			continue
		case strings.EqualFold(k, "Transfer-Encoding"):
			return nil, wireErr(op, part, ErrRequest, "Transfer-Encoding in a part: its body is framed by Content-Length")
		}
		for _, v := range h[k] {
			if msg := checkHeader(k, v); msg != "" {
				return nil, wireErr(op, part, ErrRequest, msg)
			}
			b = append(b, k...)
			b = append(b, ": "...)
			b = append(b, v...)
			b = append(b, "\r\n"...)
		}
	}
	if withLength {
		b = append(b, "Content-Length: "...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, "\r\n"...)
	}
	return append(b, "\r\n"...), nil
}
