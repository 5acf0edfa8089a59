package ucwa

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// A Response is what a UCWA response holds, read by [ReadResponse] or
// [ParseResponse]: its status and headers, and its body decoded as what it
// is.
type Response struct {
	// URL is the URL of the request the response answers, against which
	// the hrefs of its body are resolved ([Response.Resolve]); nil when
	// unknown.
	URL    *url.URL
	Status int
	Header http.Header

	// Format is the body's format, or 0 when there is no UCWA body.
	Format Format
	// Kind is what the body holds: BodyResource, BodyEvents or BodyError,
	// or BodyNone for no body (204, a 201 with a Location alone) or for a
	// body that is not a UCWA body (a photo, a proxy's page on a 2xx),
	// which Body still holds.
	Kind BodyKind

	Resource *Resource // the body, when Kind is BodyResource
	Events   *Events   // the body, when Kind is BodyEvents
	// Error is the error the response stands for: set for every 4xx and
	// 5xx status, whatever the body (see [ResponseError]), and for a UCWA
	// error body on any other status.
	Error *Error
	// Location is the Location header of a 201 Created, resolved against
	// the request's URL; nil when there is none.
	Location *Location

	// Body is the body as read. ParseResponse does not copy it.
	Body []byte
}

// Resolve resolves an href of the response's body against r.URL, the URL
// of its request, with [ResolveHref]: on that URL's origin only.
func (r *Response) Resolve(href string) (*url.URL, error) { return ResolveHref(r.URL, href) }

// ResponseOptions tune the response reader. The zero ResponseOptions are the
// defaults of [ReadResponse] and [ParseResponse].
type ResponseOptions struct {
	// Options are the decoders' limits. MaxSize also bounds the body read:
	// a longer one is refused with ErrTooLarge, unread beyond the limit.
	Options Options
	// Location is the policy for the Location header of a 201. Default:
	// same-origin only.
	Location LocationOptions
	// Kind is the kind of body the caller expects of a 2xx response, such
	// as BodyEvents for a P-GET on the event channel. It overrides what
	// Content-Type and the body say; a 2xx without a body, or with a body
	// that is not a UCWA body, is then an error (ErrNoBody, ErrMediaType).
	// Default (BodyNone): told from Content-Type, and from the body where
	// that says only application/json or application/xml ([DetectKind]).
	// BodyInput is read as a resource: a response never carries an input.
	Kind BodyKind
}

// ReadResponse reads resp with the default [ResponseOptions]: see
// [ResponseOptions.Read].
func ReadResponse(resp *http.Response) (*Response, error) { return ResponseOptions{}.Read(resp) }

// ParseResponse reads a response whose body the caller already holds, such
// as a part of a batch, with the default [ResponseOptions]: see
// [ResponseOptions.Parse].
func ParseResponse(base *url.URL, status int, header http.Header, body []byte) (*Response, error) {
	return ResponseOptions{}.Parse(base, status, header, body)
}

// Read reads resp's body, at most o.Options.MaxSize bytes, closes it, and
// gives back what it holds, as [ResponseOptions.Parse] does with resp's
// request URL as the base for a Location header.
//
// A body longer than the limit (by its Content-Length, before anything is
// read, or as read) is refused with [ErrTooLarge]; a body cut short (the
// connection closed before Content-Length bytes came, io.ErrUnexpectedEOF)
// with [ErrTruncated]; for a 4xx or 5xx status, that is the Cause of the
// [*Error] the status stands for, returned with the Response. A 200 or 203
// without a body to a GET, which always gets a resource or events, is
// refused with [ErrNoBody], as is a nil resp. The response to a HEAD
// request has no body to read.
func (o ResponseOptions) Read(resp *http.Response) (*Response, error) {
	const op = "response"
	if resp == nil {
		return nil, wireErr(op, 0, ErrNoBody, "no response")
	}
	var base *url.URL
	method := ""
	if resp.Request != nil {
		base, method = resp.Request.URL, resp.Request.Method
	}
	var data []byte
	if resp.Body != nil {
		defer resp.Body.Close()
		var bad *WireError
		if data, bad = o.readBody(resp, method == http.MethodHead); bad != nil {
			return o.refuse(base, resp.StatusCode, resp.Header, data, bad)
		}
	}
	return o.parse(base, method, resp.StatusCode, resp.Header, data)
}

// readBody reads resp's body under the size limit, or says why it cannot,
// with what it read of a body cut short.
func (o ResponseOptions) readBody(resp *http.Response, head bool) ([]byte, *WireError) {
	const op = "response"
	limit := o.Options.maxSize()
	if resp.ContentLength > int64(limit) {
		return nil, wireErr(op, 0, ErrTooLarge, "Content-Length "+strconv.FormatInt(resp.ContentLength, 10)+
			" is over the limit of "+strconv.Itoa(limit)+" bytes")
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, int64(limit)+1))
	if len(data) > limit {
		return nil, wireErr(op, 0, ErrTooLarge, "body over the limit of "+strconv.Itoa(limit)+" bytes")
	}
	if err != nil {
		return data, &WireError{Op: op, Msg: "body cut after " + strconv.Itoa(len(data)) + " bytes: " + err.Error(),
			Err: &causeError{ErrTruncated, err}}
	}
	if !head && resp.ContentLength >= 0 && int64(len(data)) != resp.ContentLength {
		return data, lengthError(op, 0, resp.ContentLength, len(data))
	}
	return data, nil
}

// refuse returns the error of a response whose body cannot be read: for a
// 4xx or 5xx status, the *Error the status stands for, with bad as its Cause,
// and the Response with what there is of body; for any other, bad.
func (o ResponseOptions) refuse(base *url.URL, status int, header http.Header, body []byte,
	bad *WireError) (*Response, error) {
	if status < 400 || status > 599 {
		return nil, bad
	}
	e := newUnreadableError(status, &unreadableBody{bad})
	return &Response{URL: base, Status: status, Header: header, Error: e, Body: body}, e
}

// Parse gives back what a response of status, header and body holds. base
// is the URL of the request, against which a 201's Location header is
// resolved; when base is nil, Location is left nil, and the header is in
// Header.
//
//   - 4xx and 5xx: an [*Error], as [ResponseError] reads it, whatever the
//     body (a UCWA error body, a proxy's HTML page, nothing). Parse returns
//     it as its error too, with the Response, so that errors.Is(err,
//     SubcodeAlreadyExists) reads well and headers such as Retry-After stay
//     at hand.
//   - 2xx: the body decoded as a resource or an event-channel response, in
//     the format Content-Type names (a charset other than UTF-8 is refused
//     with ErrMediaType); where it says only application/json or
//     application/xml, the kind is told from the body with [DetectKind],
//     and read as a resource where DetectKind says input (a response never
//     carries one). A 201's Location header is resolved with o.Location.
//     A body of another media type (a photo) is left undecoded, Kind
//     BodyNone. No body (or white space only) is Kind BodyNone too, as the
//     reference shows for a 201 with a Location or a PUT, unless o.Kind
//     asks for a body: then it is refused with ErrNoBody.
//   - 1xx and 3xx: nothing is decoded.
//
// A Content-Length header that is not a length or disagrees with len(body)
// is refused with ErrContentLength (and ErrTruncated when the body is
// shorter).
// A Content-Encoding other than identity is refused with ErrMediaType: the
// body is still compressed. For a 4xx or 5xx status, each of these is the
// Cause of the *Error the status stands for, which Parse returns with the
// Response as for any 4xx or 5xx. A malformed body is the decoder's
// [*DecodeError]. Parse never panics.
func (o ResponseOptions) Parse(base *url.URL, status int, header http.Header, body []byte) (*Response, error) {
	return o.parse(base, "", status, header, body)
}

// parse is Parse, for a request of method when it is known ("" when not):
// the response to a HEAD has no body whatever its headers say, and the
// response to a GET must have one.
func (o ResponseOptions) parse(base *url.URL, method string, status int, header http.Header,
	body []byte) (*Response, error) {
	head := method == http.MethodHead
	if head {
		body = nil
	}
	const op = "response"
	if status < 100 || status > 599 {
		return nil, wireErr(op, 0, ErrStatus, "status "+strconv.Itoa(status)+" is not 100 to 599")
	}
	if limit := o.Options.maxSize(); len(body) > limit {
		return o.refuse(base, status, header, nil, wireErr(op, 0, ErrTooLarge, "body of "+strconv.Itoa(len(body))+
			" bytes is over the limit of "+strconv.Itoa(limit)))
	}
	r := &Response{URL: base, Status: status, Header: header, Body: body}
	noBody := head || status < 200 || status == 204 || status == 304
	if !noBody {
		if bad := checkContentLength(op, 0, header, len(body)); bad != nil {
			return o.refuse(base, status, header, body, bad)
		}
	}
	if enc := strings.TrimSpace(header.Get("Content-Encoding")); enc != "" && !strings.EqualFold(enc, "identity") {
		return o.refuse(base, status, header, body,
			wireErr(op, 0, ErrMediaType, "Content-Encoding "+quoteCut(enc)+": the body is still encoded"))
	}
	ct := header.Get("Content-Type")

	switch {
	case status >= 400:
		r.Error = o.Options.ResponseError(status, ct, body)
		if r.Error.Cause == nil {
			r.Kind = BodyError
			r.Format = formatOf(ct, body)
		}
		return r, r.Error
	case status < 200 || status >= 300:
		return r, nil
	}

	if status == http.StatusCreated && base != nil {
		if v := header.Get("Location"); v != "" {
			loc, err := o.Location.Parse(base, v)
			if err != nil {
				return nil, err
			}
			r.Location = loc
		}
	}
	if noBody || isBlank(body) {
		mustHave := o.Kind != BodyNone ||
			method == http.MethodGet && (status == http.StatusOK || status == http.StatusNonAuthoritativeInfo)
		if !noBody && mustHave {
			return nil, wireErr(op, 0, ErrNoBody, strconv.Itoa(status)+" "+http.StatusText(status)+" without a body")
		}
		return r, nil
	}

	f, variant, err := bodyMediaType(op, ct, body)
	if err != nil {
		return nil, err
	}
	if f == 0 {
		if o.Kind != BodyNone {
			return nil, wireErr(op, 0, ErrMediaType, "expected a UCWA "+o.Kind.String()+" body, got Content-Type "+
				quoteCut(ct))
		}
		return r, nil
	}
	k := o.Kind
	if k == BodyNone {
		switch variant {
		case "error":
			k = BodyError
		case "events":
			k = BodyEvents
		default:
			k = DetectKind(body, f)
		}
	}
	if err := r.decode(o.Options, k, f); err != nil {
		return nil, err
	}
	return r, nil
}

// decode decodes r.Body as a body of kind k in format f.
func (r *Response) decode(o Options, k BodyKind, f Format) error {
	r.Format = f
	switch k {
	case BodyEvents:
		ev, err := o.DecodeEvents(r.Body, f)
		if err != nil {
			return err
		}
		r.Kind, r.Events = BodyEvents, &ev
	case BodyError:
		e, err := o.DecodeErrorBody(r.Body, f)
		if err != nil {
			return err
		}
		e.Status = r.Status
		r.Kind, r.Error = BodyError, e
	default:
		res, err := o.DecodeResource(r.Body, f)
		if err != nil {
			return err
		}
		r.Kind, r.Resource = BodyResource, &res
	}
	return nil
}

// bodyMediaType tells the format and variant of a body from its
// Content-Type, or from its first byte when there is none. Format 0 means
// the body is not a UCWA body. A UCWA type that ParseMediaType refuses (a
// charset other than UTF-8, a malformed parameter) is an error.
func bodyMediaType(op string, ct string, body []byte) (Format, string, error) {
	if strings.TrimSpace(ct) == "" {
		f, _ := DetectFormat(body)
		return f, "", nil
	}
	mt, err := ParseMediaType(ct)
	if err == nil {
		return mt.Format, mt.Variant, nil
	}
	// Another media type, such as image/jpeg or text/html, is not an
	// error: the body is not UCWA's. A UCWA type ParseMediaType refuses, or
	// a value mime cannot read either, is.
	if typ, _, merr := mime.ParseMediaType(ct); merr == nil && !isUCWAType(typ) {
		return 0, "", nil
	}
	return 0, "", &WireError{Op: op, Msg: strings.TrimPrefix(err.Error(), "ucwa: "), Err: err}
}

// isUCWAType reports whether typ, in lower case, is a media type
// ParseMediaType accepts.
func isUCWAType(typ string) bool {
	for _, mt := range mediaTypes {
		if mt.Type == typ {
			return true
		}
	}
	return false
}

// formatOf tells the format of an error body, as ResponseError read it.
func formatOf(ct string, body []byte) Format {
	if mt, err := ParseMediaType(ct); err == nil {
		return mt.Format
	}
	f, _ := DetectFormat(body)
	return f
}

// checkContentLength compares a Content-Length header, if any, with n.
func checkContentLength(op string, part int, header http.Header, n int) *WireError {
	vs := header.Values("Content-Length")
	if len(vs) == 0 {
		return nil
	}
	v := strings.TrimSpace(vs[0])
	for _, w := range vs[1:] {
		if strings.TrimSpace(w) != v {
			return wireErr(op, part, ErrContentLength, "Content-Length repeated with different values")
		}
	}
	declared, err := strconv.ParseInt(v, 10, 64)
	if err != nil || declared < 0 || v[0] == '+' {
		return wireErr(op, part, ErrContentLength, "Content-Length "+quoteCut(v)+" is not a length")
	}
	if declared != int64(n) {
		return lengthError(op, part, declared, n)
	}
	return nil
}

func lengthError(op string, part int, declared int64, n int) *WireError {
	msg := "body of " + strconv.Itoa(n) + " bytes, Content-Length " + strconv.FormatInt(declared, 10)
	if int64(n) < declared {
		return &WireError{Op: op, Part: part, Msg: msg, Err: &bothError{ErrContentLength, ErrTruncated}}
	}
	return wireErr(op, part, ErrContentLength, msg)
}

// isBlank reports whether b holds nothing but a byte-order mark and white
// space.
func isBlank(b []byte) bool { return len(bytes.TrimLeft(StripBOM(b), " \t\r\n")) == 0 }
