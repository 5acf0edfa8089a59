package ucwa

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// An Error is a UCWA error: the body of a 4xx or 5xx response, or the reason
// of an event, with the HTTP status it came with.
//
// JSON: {"code", "subcode", "message", "link", "parameters", "debugInfo"}.
// XML: <reason> with <code>, <subcode>, <message>, <link/>, <parameters> and
// <debugInfo> children; the latter two hold <property> elements.
//
// # Matching
//
// An *Error answers [errors.Is] for three kinds of target:
//
//   - a [Code]: whether the error's Code is that code;
//   - a [Subcode]: whether the error's Subcode is that subcode;
//   - an *Error: whether every non-empty field among Code and Subcode, and
//     Status when it is not 0, equals the error's. An empty field matches
//     anything: errors.Is(err, &Error{Code: CodeConflict, Subcode:
//     SubcodeAlreadyExists}) matches both, errors.Is(err, &Error{Status: 409})
//     any 409. Message, Link, Parameters and DebugInfo take no part: the
//     message is localized and the rest is diagnostic.
//
// Codes and subcodes are compared without regard to ASCII case, because the
// documentation spells some of them two ways ("PreConditionFailed" in its
// table of HTTP errors, "PreconditionFailed" in the ErrorCode enumeration);
// the fields themselves keep the spelling that came. A code is never matched
// by a [Subcode] target, nor a subcode by a [Code] target, even when they are
// the same word (see [Code]).
//
// errors.Is(err, [ErrNotUCWA]) reports whether the response body was not a
// UCWA error body (Cause is not nil). [Error.Unwrap] returns Cause, so
// errors.Is(err, ErrSyntax) and errors.As(err, &decodeErr) see why.
type Error struct {
	// Status is the HTTP status code, or 0 for an event's reason.
	Status int

	Code    Code    // required in a UCWA body
	Subcode Subcode // "" when absent
	Message string  // "" when absent
	Link    *Link   // where to read more, if given

	// Parameters lists, for 400 Bad Request, the invalid input properties.
	Parameters []Property
	// DebugInfo holds diagnostic properties; their names may change.
	DebugInfo []Property
	// Extra holds, in order, the members (JSON) or child elements (XML)
	// this package does not know, and a known member whose value has
	// another form than the field's, as it came: "message": null, or
	// "parameters": [] (Parameters is then nil), so that nothing is
	// dropped. The field of such a member is left empty. In XML, a null is
	// an empty element (<message/>, against <message></message> for "").
	Extra []Property

	// Cause is nil for a UCWA error body. For a body that is not one (an
	// HTML page from a proxy, an empty or truncated body) it says why the
	// body could not be read; Code is then derived from Status
	// ([CodeForStatus]). Cause is ErrNotUCWA, an error that wraps it, or a
	// [*DecodeError].
	Cause error

	// Which of the optional members were present, even empty, so that an
	// unchanged body re-encodes as it came: <debugInfo/> and <parameters/>.
	hasParameters, hasDebugInfo bool

	order string // the JSON members' order as read, when not the encoder's: see jsonSeq
}

// ErrNotUCWA is the Cause of an [Error] built for a response whose body is not
// a UCWA error body: empty, or of a Content-Type that is not UCWA's, such as
// a proxy's HTML page. errors.Is(err, ErrNotUCWA) is true for every Error
// whose Cause is set, including one whose Cause is a [*DecodeError] for a
// truncated or malformed body.
var ErrNotUCWA = errors.New("not a UCWA error body")

// newUnreadableError returns the Error for a response of HTTP status whose
// body is not a UCWA error body: Code is CodeForStatus(status) and Cause is
// why, or ErrNotUCWA when why is nil.
func newUnreadableError(status int, why error) *Error {
	if why == nil {
		why = ErrNotUCWA
	}
	return &Error{Status: status, Code: CodeForStatus(status), Cause: why}
}

// Error formats e as "ucwa: ", then the status (when not 0), the code and
// "/subcode" (when set), then ": " and the message (when set) and ": " and the
// Cause (when set). For example:
//
//	ucwa: 409 Conflict/AlreadyExists: The requested resource already exists.
//	ucwa: 502: not a UCWA error body: Content-Type "text/html"
//	ucwa: 500 ServiceFailure: not a UCWA error body: json: unexpected end of input (offset 12)
//
// A Cause's own "ucwa: " prefix is dropped, and "not a UCWA error body: " is
// put before a Cause that does not already say so.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("ucwa: ")
	head := b.Len()
	if e.Status != 0 {
		b.WriteString(strconv.Itoa(e.Status))
	}
	if e.Code != "" || e.Subcode != "" {
		if b.Len() > head {
			b.WriteByte(' ')
		}
		b.WriteString(string(e.Code))
		if e.Subcode != "" {
			b.WriteByte('/')
			b.WriteString(string(e.Subcode))
		}
	}
	if b.Len() == head {
		b.WriteString("error")
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Cause != nil {
		b.WriteString(": ")
		if !errors.Is(e.Cause, ErrNotUCWA) {
			b.WriteString(ErrNotUCWA.Error())
			b.WriteString(": ")
		}
		b.WriteString(strings.TrimPrefix(e.Cause.Error(), "ucwa: "))
	}
	return b.String()
}

// Unwrap returns Cause: nil for a UCWA error body.
func (e *Error) Unwrap() error { return e.Cause }

// Is reports whether e matches target, for [errors.Is]: a [Code], a
// [Subcode], an *Error pattern or [ErrNotUCWA], as the [Error] type
// describes.
func (e *Error) Is(target error) bool {
	switch t := target.(type) {
	case Code:
		return equalFoldASCII(string(e.Code), string(t))
	case Subcode:
		return equalFoldASCII(string(e.Subcode), string(t))
	case *Error:
		return t != nil &&
			(t.Status == 0 || t.Status == e.Status) &&
			(t.Code == "" || equalFoldASCII(string(e.Code), string(t.Code))) &&
			(t.Subcode == "" || equalFoldASCII(string(e.Subcode), string(t.Subcode)))
	}
	return target == ErrNotUCWA && e.Cause != nil
}

// Parameter returns the value of the first parameter named name: for a 400
// Bad Request, the input property that was not valid.
func (e *Error) Parameter(name string) (Value, bool) { return Lookup(e.Parameters, name) }

// equalFoldASCII reports whether a and b are equal without regard to ASCII
// case. Unlike strings.EqualFold it folds no other letters (the Kelvin sign
// does not match "k"): codes are ASCII names.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// ResponseError returns the error a failed response stands for, whatever its
// body holds. It never returns nil, and Status is always status.
//
// A UCWA error body (JSON or XML, as contentType says; "" means detect it from
// the body), one with a code, gives its code, subcode, message and the rest,
// whatever else it holds: a member of another form than the model's (a null
// message, "parameters": []) is kept in Extra. Any other body (a
// proxy's HTML page, an empty body, truncated JSON, a Content-Type that is not
// UCWA's) gives an Error whose Code is [CodeForStatus](status) and whose Cause
// says why the body could not be read: errors.Is(err, [ErrNotUCWA]) is then
// true, and a malformed body's [*DecodeError] is in the chain.
func ResponseError(status int, contentType string, body []byte) *Error {
	return Options{}.ResponseError(status, contentType, body)
}

// ResponseError is [ResponseError] with the options o.
func (o Options) ResponseError(status int, contentType string, body []byte) *Error {
	var f Format
	if contentType != "" {
		mt, err := ParseMediaType(contentType)
		if err != nil {
			return newUnreadableError(status, &unreadableBody{err})
		}
		f = mt.Format
	} else {
		var ok bool
		if f, ok = DetectFormat(body); !ok {
			return newUnreadableError(status, nil)
		}
	}
	if len(bytes.TrimLeft(StripBOM(body), " \t\r\n")) == 0 {
		return newUnreadableError(status, fmt.Errorf("%w: the body is empty", ErrNotUCWA))
	}
	e, err := o.DecodeErrorBody(body, f)
	if err != nil {
		return newUnreadableError(status, &unreadableBody{err})
	}
	e.Status = status
	return e
}

// unreadableBody is the Cause ResponseError gives a body it cannot read. It
// wraps both ErrNotUCWA and err, and says "not a UCWA error body: " and why
// without err's own "ucwa: " prefix, so that Error.Error does not repeat it.
type unreadableBody struct{ err error }

func (u *unreadableBody) Error() string {
	return ErrNotUCWA.Error() + ": " + strings.TrimPrefix(u.err.Error(), "ucwa: ")
}

func (u *unreadableBody) Unwrap() []error { return []error{ErrNotUCWA, u.err} }
