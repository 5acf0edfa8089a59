package ucwa

import (
	"errors"
	"strconv"
)

// Sentinel errors of the HTTP layer around the bodies: the response reader
// ([ReadResponse], [ParseResponse]), the request helpers and the batch codec.
// Their errors are [*WireError]s that wrap one of these, or [ErrTooLarge] or
// [ErrMediaType], so callers test the cause with [errors.Is].
var (
	// ErrTruncated: a body is shorter than its Content-Length, or its
	// connection was cut before its end, or a batch ends without its
	// closing boundary.
	ErrTruncated = errors.New("truncated")
	// ErrContentLength: a Content-Length that is not a length, or that
	// disagrees with the body. A body shorter than its Content-Length also
	// matches ErrTruncated.
	ErrContentLength = errors.New("wrong Content-Length")
	// ErrStatus: a status code outside 100 to 599.
	ErrStatus = errors.New("invalid status")
	// ErrNoBody: a response that must carry a body (200 OK, 203) has none.
	ErrNoBody = errors.New("no body")
	// ErrBatch: a batch is malformed: no boundary, a part that is not an
	// HTTP message, a nested multipart body, a part header that cannot be
	// read.
	ErrBatch = errors.New("malformed batch")
	// ErrRequest: a request cannot be built: an unknown format, a URL that
	// is not an absolute http or https URL, a method or header that is not
	// a token or holds CR or LF.
	ErrRequest = errors.New("invalid request")
)

// A WireError reports an HTTP message that cannot be read or written around
// its body: a response, a request, a batch, or one part of a batch. What
// goes wrong inside a body is a [*DecodeError] instead.
type WireError struct {
	// Op says what was read or written: "response", "request" or "batch".
	Op string
	// Part is the 1-based index of the batch part at fault, or 0.
	Part int
	// Msg says what was wrong, for people.
	Msg string
	// Err is the sentinel, such as ErrTruncated or ErrTooLarge. It may be
	// an error that wraps a sentinel and the cause below it, such as an
	// io.ErrUnexpectedEOF from the connection.
	Err error
}

// Error returns "ucwa: ", Op, " part N" when Part is set, ": " and Msg.
func (e *WireError) Error() string {
	s := "ucwa: " + e.Op
	if e.Part > 0 {
		s += " part " + strconv.Itoa(e.Part)
	}
	return s + ": " + e.Msg
}

// Unwrap returns the sentinel.
func (e *WireError) Unwrap() error { return e.Err }

// causeError wraps a sentinel and the error that made it, such as
// io.ErrUnexpectedEOF under ErrTruncated, so that errors.Is sees both.
type causeError struct{ sentinel, cause error }

func (c *causeError) Error() string   { return c.sentinel.Error() + ": " + c.cause.Error() }
func (c *causeError) Unwrap() []error { return []error{c.sentinel, c.cause} }

// bothError matches two sentinels, such as ErrContentLength and
// ErrTruncated for a body shorter than its Content-Length.
type bothError struct{ a, b error }

func (e *bothError) Error() string   { return e.a.Error() + ", " + e.b.Error() }
func (e *bothError) Unwrap() []error { return []error{e.a, e.b} }

func wireErr(op string, part int, sentinel error, msg string) *WireError {
	return &WireError{Op: op, Part: part, Msg: msg, Err: sentinel}
}
