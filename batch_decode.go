package ucwa

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"slices"
	"strconv"
	"strings"
)

// DecodeBatchRequest decodes the body of a batch request with the default
// [BatchOptions]. See [BatchOptions.DecodeRequests].
func DecodeBatchRequest(contentType string, body []byte) ([]RequestPart, error) {
	return BatchOptions{}.DecodeRequests(contentType, body)
}

// DecodeBatchResponse decodes the body of a batch response with the default
// [BatchOptions]. See [BatchOptions.DecodeResponses].
func DecodeBatchResponse(contentType string, body []byte) ([]ResponsePart, error) {
	return BatchOptions{}.DecodeResponses(contentType, body)
}

// DecodeBatch decodes a batch request or a batch response, whichever body
// is, with the default [BatchOptions]. See [BatchOptions.Decode].
func DecodeBatch(contentType string, body []byte) ([]RequestPart, []ResponsePart, error) {
	return BatchOptions{}.Decode(contentType, body)
}

// DecodeRequests decodes the body of a batch request into its parts, in
// order. See [BatchOptions.Decode] for what it accepts; a part that is a
// response is refused with ErrBatch.
func (o BatchOptions) DecodeRequests(contentType string, body []byte) ([]RequestPart, error) {
	reqs, _, err := o.decode(contentType, body, partRequest)
	return reqs, err
}

// DecodeResponses decodes the body of a batch response into its parts, in
// the order the server sent them: the order of the requests. Each part's
// status, header and body are ready for [ResponsePart.Parse]. See
// [BatchOptions.Decode] for what it accepts; a part that is a request is
// refused with ErrBatch.
func (o BatchOptions) DecodeResponses(contentType string, body []byte) ([]ResponsePart, error) {
	_, resps, err := o.decode(contentType, body, partResponse)
	return resps, err
}

// Decode decodes a batch body, a request or a response, into its parts, in
// order: one of the two results is nil. The first part tells which, by its
// msgtype parameter, or by its start line when it has none ("HTTP/…" is a
// response); every other part must be of the same kind.
//
// contentType is the batch's Content-Type, multipart/batching with the
// boundary, quoted or not. When it is "", as for a batch saved without its
// headers, the boundary is read from the body's first line that is not
// blank, "--" and the boundary.
//
// The framing is mime/multipart's, and each part is read with net/http
// (ReadRequest, ReadResponse). Decode tolerates what real servers and
// proxies send:
//
//   - a preamble (blank lines before the first boundary), an epilogue
//     after the last, and no CRLF after it;
//   - bare LF for CRLF;
//   - spaces before the ':' of a header field, in a part's MIME header or
//     in its HTTP message ("Content-Type : application/http"), as the
//     reference shows (net/textproto refuses a tab there);
//   - a part that ends with its header, without the blank line after it;
//   - a part's MIME header without Content-Type, without msgtype, or with
//     a Content-Length that disagrees with the part (the boundary frames a
//     part); a Content-Transfer-Encoding of binary, 8bit or 7bit;
//   - blank lines before a request line, and after a message's body (the
//     JavaScript helper of the reference puts one after each part);
//   - a request body without Content-Length: the rest of the part, less
//     the line ends that end it.
//
// It refuses, with an error that wraps:
//
//   - ErrTooLarge: a batch over MaxSize, more than MaxParts parts, a part
//     (its HTTP message, headers included) over MaxPartSize;
//   - ErrTruncated: a part without a boundary after it, a batch without
//     its closing boundary, a body shorter than its Content-Length (also
//     ErrContentLength);
//   - ErrContentLength: data after a body that has a Content-Length or is
//     chunked, or on a status that has no body;
//   - ErrBatch: no boundary, a batch with no part, a part whose MIME type
//     is not application/http (a nested multipart among them), a part of
//     the other kind, another Content-Transfer-Encoding, a part or a body
//     that is multipart, a header name that is not a token, a version
//     other than HTTP/1.x, a part that net/http cannot read as an HTTP
//     message; ErrStatus: a status outside 100 to 599.
//
// Header field names are given in canonical form. A part's own MIME header
// is not kept: UCWA gives it nothing but the part's type. Decode never
// panics.
func (o BatchOptions) Decode(contentType string, body []byte) ([]RequestPart, []ResponsePart, error) {
	return o.decode(contentType, body, partEither)
}

// partKind is the kind of message a part holds.
type partKind uint8

const (
	partEither partKind = iota
	partRequest
	partResponse
)

func (k partKind) String() string {
	if k == partRequest {
		return "request"
	}
	return "response"
}

func (o BatchOptions) decode(contentType string, body []byte, want partKind) ([]RequestPart, []ResponsePart, error) {
	const op = "batch"
	if len(body) > o.maxSize() {
		return nil, nil, wireErr(op, 0, ErrTooLarge, "batch of "+strconv.Itoa(len(body))+
			" bytes is over the limit of "+strconv.Itoa(o.maxSize()))
	}
	boundary, msg := batchBoundary(contentType, body)
	if msg != "" {
		return nil, nil, wireErr(op, 0, ErrBatch, msg)
	}
	var reqs []RequestPart
	var resps []ResponsePart
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for n := 1; ; n++ {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			if n == 1 {
				return nil, nil, wireErr(op, 0, ErrBatch, "no part before the closing boundary")
			}
			return reqs, resps, nil
		}
		if err != nil {
			return nil, nil, nextPartError(err, n, boundary)
		}
		if n > o.maxParts() {
			return nil, nil, wireErr(op, n, ErrTooLarge, "more than "+strconv.Itoa(o.maxParts())+" parts")
		}
		mh := normalizeHeader(http.Header(p.Header))
		kind, msg := partMIMEType(mh)
		if msg == "" {
			msg = checkHeaderNames(mh)
		}
		if msg != "" {
			return nil, nil, wireErr(op, n, ErrBatch, msg)
		}
		data, err := io.ReadAll(io.LimitReader(p, int64(o.maxPartSize())+1))
		if err != nil {
			return nil, nil, &WireError{Op: op, Part: n, Msg: "no boundary after the part (" + err.Error() + ")",
				Err: &causeError{ErrTruncated, err}}
		}
		if len(data) > o.maxPartSize() {
			return nil, nil, wireErr(op, n, ErrTooLarge, "part over the limit of "+
				strconv.Itoa(o.maxPartSize())+" bytes")
		}
		data = bytes.TrimLeft(data, "\r\n")
		if kind == partEither {
			kind = partRequest
			if bytes.HasPrefix(data, []byte("HTTP/")) {
				kind = partResponse
			}
		}
		if want == partEither {
			want = kind
		}
		if kind != want {
			return nil, nil, wireErr(op, n, ErrBatch, "a "+kind.String()+" in a batch of "+want.String()+"s")
		}
		if kind == partRequest {
			r, err := readRequestPart(data, n)
			if err != nil {
				return nil, nil, err
			}
			reqs = append(reqs, r)
		} else {
			r, err := readResponsePart(data, n)
			if err != nil {
				return nil, nil, err
			}
			resps = append(resps, r)
		}
	}
}

// nextPartError says why mime/multipart could not find part n.
func nextPartError(err error, n int, boundary string) error {
	const op = "batch"
	var pe textproto.ProtocolError
	switch {
	case errors.As(err, &pe):
		return &WireError{Op: op, Part: n, Msg: "MIME header: " + err.Error(), Err: &causeError{ErrBatch, err}}
	case n == 1:
		return &WireError{Op: op, Msg: "no boundary line " + quoteCut("--"+boundary) + " (" + err.Error() + ")",
			Err: &causeError{ErrBatch, err}}
	}
	return &WireError{Op: op, Part: n, Msg: "no closing boundary " + quoteCut("--"+boundary+"--") +
		" (" + err.Error() + ")", Err: &causeError{ErrTruncated, err}}
}

// batchBoundary returns the boundary of the batch: the boundary parameter of
// contentType, or when contentType is "", the first line of body that is
// not blank, less its "--". It returns why when there is none.
func batchBoundary(contentType string, body []byte) (string, string) {
	var b string
	if strings.TrimSpace(contentType) == "" {
		line := bytes.TrimLeft(body, " \t\r\n")
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		line = bytes.TrimRight(line, " \t\r")
		if !bytes.HasPrefix(line, []byte("--")) {
			return "", "no Content-Type, and the body does not start with a boundary line"
		}
		b = string(line[2:])
	} else {
		typ, params, err := mime.ParseMediaType(contentType)
		switch {
		case err != nil:
			return "", "Content-Type " + quoteCut(contentType) + ": " + err.Error()
		case typ != MediaTypeBatch:
			return "", "Content-Type " + quoteCut(typ) + " is not " + MediaTypeBatch
		}
		b = params["boundary"]
	}
	switch {
	case b == "":
		return "", "no boundary"
	case len(b) > maxBoundary:
		return "", "boundary longer than " + strconv.Itoa(maxBoundary) + " characters"
	}
	for i := 0; i < len(b); i++ {
		if c := b[i]; c < ' ' || c >= 0x7f {
			return "", "control or non-ASCII byte in the boundary"
		}
	}
	return b, ""
}

// partMIMEType reads the MIME type of a part: application/http, whose
// msgtype says the kind (partEither when it has none), or no Content-Type
// at all. It returns why anything else is refused.
func partMIMEType(h http.Header) (partKind, string) {
	if cte := strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))); cte != "" &&
		cte != "binary" && cte != "8bit" && cte != "7bit" {
		return 0, "Content-Transfer-Encoding " + quoteCut(cte) + " is not binary"
	}
	ct := h.Get("Content-Type")
	if strings.TrimSpace(ct) == "" {
		return partEither, ""
	}
	typ, params, err := mime.ParseMediaType(ct)
	switch {
	case err != nil:
		return 0, "Content-Type " + quoteCut(ct) + ": " + err.Error()
	case strings.HasPrefix(typ, "multipart/"):
		return 0, "nested multipart (" + quoteCut(typ) + ")"
	case typ != "application/http":
		return 0, "Content-Type " + quoteCut(typ) + " is not application/http"
	}
	switch strings.ToLower(params["msgtype"]) {
	case "":
		return partEither, ""
	case "request":
		return partRequest, ""
	case "response":
		return partResponse, ""
	}
	return 0, "msgtype " + quoteCut(params["msgtype"]) + " is not request or response"
}

// readRequestPart reads the HTTP request of part n.
func readRequestPart(data []byte, n int) (RequestPart, error) {
	const op = "batch"
	br, err := normalizedMessage(data)
	if err != nil {
		return RequestPart{}, notHTTPError(n, "request", err)
	}
	req, err := http.ReadRequest(br)
	if err != nil {
		return RequestPart{}, notHTTPError(n, "request", err)
	}
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return RequestPart{}, bodyReadError(n, err)
	}
	rest, _ := io.ReadAll(br)
	if !isBlankLines(rest) {
		if req.ContentLength != 0 || len(req.TransferEncoding) > 0 || req.Header.Get("Content-Length") != "" {
			return RequestPart{}, wireErr(op, n, ErrContentLength, strconv.Itoa(len(rest))+
				" bytes after the body its Content-Length or chunks declare")
		}
		body = bytes.TrimRight(rest, "\r\n")
	}
	h := normalizeHeader(req.Header)
	// net/http takes Host out of the header, without normalizeHeader's trim.
	if host := strings.Trim(req.Host, " \t"); host != "" {
		h["Host"] = []string{host}
	}
	if msg := checkMessage(req.ProtoMajor, h); msg != "" {
		return RequestPart{}, wireErr(op, n, ErrBatch, msg)
	}
	if len(body) == 0 {
		body = nil
	}
	return RequestPart{Method: req.Method, Target: req.RequestURI, Header: h, Body: body}, nil
}

// readResponsePart reads the HTTP response of part n.
func readResponsePart(data []byte, n int) (ResponsePart, error) {
	const op = "batch"
	br, err := normalizedMessage(data)
	if err != nil {
		return ResponsePart{}, notHTTPError(n, "response", err)
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return ResponsePart{}, notHTTPError(n, "response", err)
	}
	if resp.StatusCode < 100 || resp.StatusCode > 599 {
		return ResponsePart{}, wireErr(op, n, ErrStatus, "status "+strconv.Itoa(resp.StatusCode)+" is not 100 to 599")
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return ResponsePart{}, bodyReadError(n, err)
	}
	if rest, _ := io.ReadAll(br); !isBlankLines(rest) {
		return ResponsePart{}, wireErr(op, n, ErrContentLength, strconv.Itoa(len(rest))+
			" bytes after the body its status, Content-Length or chunks allow")
	}
	h := normalizeHeader(resp.Header)
	if msg := checkMessage(resp.ProtoMajor, h); msg != "" {
		return ResponsePart{}, wireErr(op, n, ErrBatch, msg)
	}
	if len(body) == 0 {
		body = nil
	}
	return ResponsePart{Status: resp.StatusCode, Header: h, Body: body}, nil
}

func notHTTPError(n int, what string, err error) error {
	return &WireError{Op: "batch", Part: n, Msg: "not an HTTP " + what + ": " + err.Error(),
		Err: &causeError{ErrBatch, err}}
}

func bodyReadError(n int, err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return &WireError{Op: "batch", Part: n, Msg: "body shorter than its Content-Length",
			Err: &bothError{ErrContentLength, ErrTruncated}}
	}
	return &WireError{Op: "batch", Part: n, Msg: "body: " + err.Error(), Err: &causeError{ErrBatch, err}}
}

// checkMessage returns why a part's HTTP message is refused, or "": a
// version other than HTTP/1.x, a header name that is not a token, a
// multipart body.
func checkMessage(major int, h http.Header) string {
	if major != 1 {
		return "HTTP version " + strconv.Itoa(major) + ", not 1"
	}
	if msg := checkHeaderNames(h); msg != "" {
		return msg
	}
	return nestedMultipart(h)
}

// checkHeaderNames returns why a header name is refused, or "": each must
// be a token, which net/textproto does not check of every name.
func checkHeaderNames(h http.Header) string {
	for k := range h {
		if checkMethod(k) != "" {
			return "header name " + quoteCut(k) + " is not a token"
		}
	}
	return ""
}

// nestedMultipart returns why a part's HTTP message is refused for a
// multipart body, or "".
func nestedMultipart(h http.Header) string {
	ct := h.Get("Content-Type")
	if ct == "" {
		return ""
	}
	typ, _, err := mime.ParseMediaType(ct)
	if err == nil && strings.HasPrefix(typ, "multipart/") || err != nil &&
		strings.HasPrefix(strings.ToLower(strings.TrimSpace(ct)), "multipart/") {
		return "nested multipart body (" + quoteCut(ct) + ")"
	}
	return ""
}

// normalizedMessage returns a reader of the HTTP message data in which
// header field names have no spaces before their ':', which textproto keeps
// in the name and net/http then does not recognize. Only a message
// that has such a name is rewritten: its start line and header are read
// with net/textproto and written again, names trimmed, before the rest.
//
// A message that ends with its header, without the blank line that ends a
// header (as the reference's BatchingRequests example shows), gets one.
func normalizedMessage(data []byte) (*bufio.Reader, error) {
	head, ended := data, false
	if i := bytes.Index(head, []byte("\n\r\n")); i >= 0 {
		head, ended = head[:i], true
	}
	if i := bytes.Index(head, []byte("\n\n")); i >= 0 {
		head, ended = head[:i], true
	}
	if !ended {
		data = append(bytes.TrimRight(data, "\r\n"), "\r\n\r\n"...)
	}
	if !bytes.Contains(head, []byte(" :")) {
		return bufio.NewReader(bytes.NewReader(data)), nil
	}
	br := bufio.NewReader(bytes.NewReader(data))
	tp := textproto.NewReader(br)
	line, err := tp.ReadLine()
	if err != nil {
		return nil, err
	}
	mh, err := tp.ReadMIMEHeader()
	if err != nil {
		return nil, err
	}
	rest, _ := io.ReadAll(br)
	h := normalizeHeader(http.Header(mh))
	var b bytes.Buffer
	b.Grow(len(data))
	b.WriteString(line)
	b.WriteString("\r\n")
	for _, k := range slices.Sorted(maps.Keys(h)) {
		for _, v := range h[k] {
			b.WriteString(k)
			b.WriteString(": ")
			b.WriteString(v)
			b.WriteString("\r\n")
		}
	}
	b.WriteString("\r\n")
	b.Write(rest)
	return bufio.NewReader(&b), nil
}

// normalizeHeader returns h with every name trimmed of trailing white space
// and in canonical form, the values of names that then coincide merged in
// the sorted order of their original names, and every value trimmed of the
// white space around it, which is not part of a field value (RFC 9110,
// 5.5) but which a folded line with nothing after it leaves there. It
// returns h itself when nothing needs it.
func normalizeHeader(h http.Header) http.Header {
	clean := true
	for k, vs := range h {
		if textproto.CanonicalMIMEHeaderKey(strings.TrimRight(k, " \t")) != k {
			clean = false
			break
		}
		for _, v := range vs {
			if strings.Trim(v, " \t") != v {
				clean = false
			}
		}
	}
	if clean {
		return h
	}
	out := make(http.Header, len(h))
	for _, k := range slices.Sorted(maps.Keys(h)) {
		nk := textproto.CanonicalMIMEHeaderKey(strings.TrimRight(k, " \t"))
		for _, v := range h[k] {
			out[nk] = append(out[nk], strings.Trim(v, " \t"))
		}
	}
	return out
}

// isBlankLines reports whether b holds nothing but line ends, spaces and
// tabs.
func isBlankLines(b []byte) bool { return len(bytes.TrimLeft(b, " \t\r\n")) == 0 }
