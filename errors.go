package ucwa

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every error returned by a decoder is a [*DecodeError] and
// every error returned by an encoder an [*EncodeError]; both wrap one of these,
// so callers test the cause with [errors.Is].
var (
	// ErrSyntax: the body is not well-formed JSON or XML (including invalid
	// UTF-8, NUL and other characters the format forbids).
	ErrSyntax = errors.New("syntax error")
	// ErrStructure: the body is well-formed but is not the UCWA body asked
	// for, such as an unknown element in a <resource> or a non-string href.
	ErrStructure = errors.New("not a UCWA body")
	// ErrDuplicateName: a JSON object repeats a member name.
	ErrDuplicateName = errors.New("duplicate name")
	// ErrTrailingData: something other than white space follows the body.
	ErrTrailingData = errors.New("data after the body")
	// ErrTooDeep: the body nests deeper than the decoder's MaxDepth.
	ErrTooDeep = errors.New("nesting too deep")
	// ErrTooLarge: the body is longer than the decoder's MaxSize.
	ErrTooLarge = errors.New("body too large")
	// ErrNamespace: an XML root element outside the UCWA namespace.
	ErrNamespace = errors.New("not in the UCWA namespace")
	// ErrDTD: an XML DOCTYPE, or an entity reference other than the five
	// predefined ones and character references. Refused so that no entity
	// expansion can happen.
	ErrDTD = errors.New("DTD or undeclared entity")
	// ErrInvalidValue: an encoder was given a value its format cannot carry,
	// such as invalid UTF-8, a character XML 1.0 forbids, or an invalid number
	// or date.
	ErrInvalidValue = errors.New("value cannot be encoded")
	// ErrMediaType: a Content-Type that is not a UCWA JSON or XML type, or a
	// charset other than UTF-8.
	ErrMediaType = errors.New("unsupported media type")
)

// maxQuoted is how many bytes of a rejected value an error message quotes;
// the rest is cut, so that a huge hostile value does not make a huge
// message.
const maxQuoted = 64

// quoteCut quotes s for an error message, cut at maxQuoted bytes and marked
// "…" when longer.
func quoteCut(s string) string {
	if len(s) > maxQuoted {
		return strconv.Quote(s[:maxQuoted]) + "…"
	}
	return strconv.Quote(s)
}

// A DecodeError reports where and why a body could not be decoded.
type DecodeError struct {
	Format Format // JSON or XML
	// Offset is the byte offset in the body (after any byte-order mark)
	// where the problem was found.
	Offset int64
	// Path locates the value: a JSON Pointer (RFC 6901) such as
	// "/_links/self/href", or an XML element path such as
	// "/resource/property[@name='etag']".
	Path string
	Err  error  // a sentinel such as ErrSyntax
	Msg  string // what was wrong, for people
}

func (e *DecodeError) Error() string {
	s := "ucwa: " + e.Format.String() + ": " + e.Msg
	if e.Path != "" {
		s += " at " + e.Path
	}
	return s + " (offset " + strconv.FormatInt(e.Offset, 10) + ")"
}

// Unwrap returns the sentinel error.
func (e *DecodeError) Unwrap() error { return e.Err }

// An EncodeError reports a value that cannot be encoded. Nothing is written
// for a body that fails: the encoder never emits ill-formed JSON or XML.
type EncodeError struct {
	Format Format
	Path   string // where the value is, such as "/phoneNumber" or "/_links/message/href"
	Err    error  // a sentinel such as ErrInvalidValue
	Msg    string
}

func (e *EncodeError) Error() string {
	return "ucwa: " + e.Format.String() + ": cannot encode " + e.Path + ": " + e.Msg
}

// Unwrap returns the sentinel error.
func (e *EncodeError) Unwrap() error { return e.Err }

// unexpectedMsg says what stands at pos of buf where what was expected.
func unexpectedMsg(buf string, pos int, what string) string {
	if pos >= len(buf) {
		return "unexpected end of body, expecting " + what
	}
	c := buf[pos]
	if c < 0x20 || c >= 0x7f {
		return "unexpected byte 0x" + strconv.FormatUint(uint64(c), 16) + ", expecting " + what
	}
	return "unexpected " + strconv.QuoteRune(rune(c)) + ", expecting " + what
}

// jsonPointerToken escapes a name for a JSON Pointer (RFC 6901).
func jsonPointerToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

func itoa(i int) string { return strconv.Itoa(i) }
