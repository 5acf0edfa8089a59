package ucwa

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// A batch (BatchingRequests and batch in the reference) is one POST to the
// application's batch link whose body is a multipart/batching message: each
// part an application/http message, a request in the POST and the response
// to it, in the same place, in the server's answer. This file holds the
// types and the HTTP exchange; batch_encode.go and batch_decode.go the
// codec, built on mime/multipart, net/textproto and net/http.

// A RequestPart is one request of a batch: an application/http;
// msgtype=request part.
type RequestPart struct {
	Method string // "GET", "POST", …
	// Target is the request target of the part's request line: a path from
	// the root with its query, as UCWA clients send
	// ("/ucwa/v1/applications/192/me"), or an absolute URL.
	Target string
	// Header holds the request's header fields: Host, Accept,
	// Content-Type, If-Match and any other. The encoder writes
	// Content-Length from Body itself; a Content-Length here must agree
	// with it, and Transfer-Encoding is refused. The decoder gives the
	// fields as net/http reads them, names in canonical form.
	Header http.Header
	// Body is the request's body, or nil.
	Body []byte
}

// A ResponsePart is one response of a batch: an application/http;
// msgtype=response part.
type ResponsePart struct {
	Status int
	// Header holds the response's header fields, such as Content-Type and
	// Location, as RequestPart.Header does.
	Header http.Header
	// Body is the response's body, or nil.
	Body []byte
}

// Parse reads the part as [ParseResponse] reads a response: base is the URL
// of the part's request, for a 201's Location header (nil when there is
// none).
func (p *ResponsePart) Parse(base *url.URL) (*Response, error) {
	return ParseResponse(base, p.Status, p.Header, p.Body)
}

// Limits of the batch codec unless its [BatchOptions] say otherwise.
const (
	// DefaultMaxBatchParts is the most parts a batch may have by default:
	// the server's own limit of outstanding requests for one user, which a
	// larger batch exceeds (429 Too Many Requests).
	DefaultMaxBatchParts = 100
	// DefaultMaxPartSize is the longest part, in bytes, headers included:
	// the longest body a decoder accepts (DefaultMaxSize).
	DefaultMaxPartSize = DefaultMaxSize
	// DefaultMaxBatchSize is the longest batch body, in bytes (64 MiB).
	DefaultMaxBatchSize = 64 << 20
	// maxBoundary is the longest boundary RFC 2046 allows.
	maxBoundary = 70
)

// BatchOptions tune the batch codec. The zero BatchOptions are the
// defaults; options are values, and there is no global state.
type BatchOptions struct {
	// MaxParts is the most parts accepted, by the decoders and the
	// encoders: one more is refused with ErrTooLarge. Default (0):
	// DefaultMaxBatchParts.
	MaxParts int
	// MaxPartSize is the longest part accepted, in bytes, its headers
	// included: a longer one is refused with ErrTooLarge. Default (0):
	// DefaultMaxPartSize.
	MaxPartSize int
	// MaxSize is the longest batch body accepted, in bytes: a longer one
	// is refused with ErrTooLarge, unread beyond the limit. Default (0):
	// DefaultMaxBatchSize.
	MaxSize int
	// Boundary is the boundary the encoders write, 1 to 70 characters of
	// RFC 2046. Default (""): a random one. A boundary found in a part is
	// refused with ErrBatch; a random one is drawn again.
	Boundary string
}

func (o *BatchOptions) maxParts() int {
	if o.MaxParts <= 0 {
		return DefaultMaxBatchParts
	}
	return o.MaxParts
}

func (o *BatchOptions) maxPartSize() int {
	if o.MaxPartSize <= 0 {
		return DefaultMaxPartSize
	}
	return o.MaxPartSize
}

func (o *BatchOptions) maxSize() int {
	if o.MaxSize <= 0 {
		return DefaultMaxBatchSize
	}
	return o.MaxSize
}

// NewRequestPart returns the part of a batch that does what [NewRequest]
// does: method on target, with body encoded in format f (or no body when
// body is nil), and Accept and Content-Type set. target is an absolute http
// or https URL, written as a path with a Host header, or a path from the
// root, written as it is.
func NewRequestPart(method, target string, body Body, f Format) (RequestPart, error) {
	const op = "batch"
	if f != JSON && f != XML {
		return RequestPart{}, wireErr(op, 0, ErrRequest, "unknown format "+f.String())
	}
	if msg := checkMethod(method); msg != "" {
		return RequestPart{}, wireErr(op, 0, ErrRequest, msg)
	}
	p := RequestPart{Method: method, Header: http.Header{}}
	if strings.HasPrefix(target, "/") {
		if msg := checkLocationBytes(target); msg != "" {
			return RequestPart{}, wireErr(op, 0, ErrRequest, "target "+quoteCut(target)+": "+msg)
		}
		p.Target = target
	} else {
		u, msg := parseTarget(target)
		if msg != "" {
			return RequestPart{}, wireErr(op, 0, ErrRequest, msg)
		}
		p.Target = u.RequestURI()
		p.Header.Set("Host", u.Host)
	}
	p.Header.Set("Accept", f.Accept())
	if body != nil {
		data, err := appendFormat(nil, f, body)
		if err != nil {
			return RequestPart{}, err
		}
		p.Header.Set("Content-Type", f.MediaType())
		p.Body = data
	}
	return p, nil
}

// NewBatchRequest returns the POST of a batch of parts to target, the
// absolute URL of the application's batch link, with the default
// [BatchOptions]. See [BatchOptions.NewRequest].
func NewBatchRequest(ctx context.Context, target string, parts []RequestPart) (*http.Request, error) {
	return BatchOptions{}.NewRequest(ctx, target, parts)
}

// NewRequest returns the POST of a batch of parts to target, the absolute
// http or https URL of the application's batch link: its body is
// [BatchOptions.EncodeRequests] of the parts, its Content-Type
// multipart/batching with the boundary, its Accept multipart/batching. The
// caller's transport adds the bearer token.
func (o BatchOptions) NewRequest(ctx context.Context, target string, parts []RequestPart) (*http.Request, error) {
	u, msg := parseTarget(target)
	if msg != "" {
		return nil, wireErr("request", 0, ErrRequest, msg)
	}
	body, ct, err := o.EncodeRequests(parts)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, wireErr("request", 0, ErrRequest, err.Error())
	}
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Accept", MediaTypeBatch)
	return req, nil
}

// ReadBatchResponse reads the answer to a batch with the default
// [BatchOptions]. See [BatchOptions.ReadResponse].
func ReadBatchResponse(resp *http.Response) ([]ResponsePart, error) {
	return BatchOptions{}.ReadResponse(resp)
}

// ReadResponse reads resp, the answer to a batch, and closes its body. A
// 4xx or 5xx status is the [*Error] it stands for ([ResponseError]), such
// as 429 Too Many Requests when the batch has more requests than the
// server takes at once (none of them was run). Any status but 200 is
// refused with ErrBatch; a 200 gives its parts, decoded with
// [BatchOptions.DecodeResponses], in the order of the requests.
func (o BatchOptions) ReadResponse(resp *http.Response) ([]ResponsePart, error) {
	const op = "batch"
	if resp == nil || resp.Body == nil {
		return nil, wireErr(op, 0, ErrNoBody, "no response body")
	}
	defer resp.Body.Close()
	limit := o.maxSize()
	if resp.ContentLength > int64(limit) {
		return nil, wireErr(op, 0, ErrTooLarge, "Content-Length "+strconv.FormatInt(resp.ContentLength, 10)+
			" is over the limit of "+strconv.Itoa(limit)+" bytes")
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, int64(limit)+1))
	if len(data) > limit {
		return nil, wireErr(op, 0, ErrTooLarge, "batch over the limit of "+strconv.Itoa(limit)+" bytes")
	}
	if err != nil {
		return nil, &WireError{Op: op, Msg: "body cut after " + strconv.Itoa(len(data)) + " bytes: " + err.Error(),
			Err: &causeError{ErrTruncated, err}}
	}
	ct := resp.Header.Get("Content-Type")
	if resp.StatusCode >= 400 {
		return nil, ResponseError(resp.StatusCode, ct, data)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, wireErr(op, 0, ErrBatch, "status "+strconv.Itoa(resp.StatusCode)+", not 200")
	}
	if ct == "" {
		return nil, wireErr(op, 0, ErrBatch, "no Content-Type, so no boundary")
	}
	return o.DecodeResponses(ct, data)
}
