package ucwa

import "strconv"

// Format is a payload format: JSON or XML.
type Format uint8

// The two payload formats of UCWA.
const (
	JSON Format = iota + 1 // application/json, application/vnd.microsoft.com.ucwa+json
	XML                    // application/xml, application/vnd.microsoft.com.ucwa+xml
)

// String returns "json" or "xml".
func (f Format) String() string {
	switch f {
	case JSON:
		return "json"
	case XML:
		return "xml"
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// MediaType returns the Content-Type of a body in format f:
// [MediaTypeUCWAJSON] or [MediaTypeUCWAXML], the precise types the reference
// recommends, which every UCWA server accepts. It returns "" for an unknown
// format.
func (f Format) MediaType() string {
	switch f {
	case JSON:
		return MediaTypeUCWAJSON
	case XML:
		return MediaTypeUCWAXML
	}
	return ""
}

// Accept returns the Accept header value that asks a server for bodies in
// format f: the same type as [Format.MediaType]. A server answers it in that
// format, error bodies and event-channel responses included, whatever
// Content-Type it labels them with (most send the generic
// application/json or application/xml), which [ParseMediaType] and
// [ReadResponse] read. It returns "" for an unknown format.
func (f Format) Accept() string { return f.MediaType() }

// Namespace is the XML namespace of UCWA bodies.
const Namespace = "http://schemas.microsoft.com/rtc/2012/03/ucwa"

// Limits a decoder applies unless its [Options] say otherwise.
const (
	// DefaultMaxDepth is the deepest nesting a decoder accepts by default:
	// JSON objects and arrays, or XML elements. UCWA itself nests fewer
	// than 16 levels.
	DefaultMaxDepth = 128
	// DefaultMaxSize is the longest body, in bytes, a decoder accepts by
	// default (16 MiB).
	DefaultMaxSize = 16 << 20
	// MaxDepthLimit is the deepest nesting any Options allow (as in
	// encoding/json/v2): deeper recursion could exhaust the stack.
	MaxDepthLimit = 10000

	// DefaultMaxAttributes is the most attributes, namespace declarations
	// included, an XML start tag may have by default, and
	// DefaultMaxNamespaces the most namespace declarations in scope at
	// once. UCWA uses fewer than ten of either; the limits keep the checks
	// that attributes are unique and the lookups of prefixes cheap on
	// hostile input (ErrTooLarge).
	DefaultMaxAttributes = 64
	DefaultMaxNamespaces = 64
)

// Options tune a decoder. The zero Options are the defaults; options are
// values, and there is no global state.
type Options struct {
	// MaxDepth is the deepest nesting accepted: a body nesting deeper is
	// refused with ErrTooDeep. Default (0): DefaultMaxDepth. Values above
	// MaxDepthLimit are taken as MaxDepthLimit, since the decoders recurse
	// once per level.
	MaxDepth int
	// MaxSize is the longest body accepted, in bytes: a longer one is
	// refused with ErrTooLarge before it is read. Default (0):
	// DefaultMaxSize.
	MaxSize int
	// MaxAttributes is the most attributes, namespace declarations
	// included, an XML start tag may have: a tag with more is refused with
	// ErrTooLarge. Default (0): DefaultMaxAttributes. The check that a
	// tag's attributes are unique costs time in the square of their
	// number, so a large limit lets a hostile body cost that much.
	MaxAttributes int
	// MaxNamespaces is the most XML namespace declarations in scope at
	// once: one more is refused with ErrTooLarge. Default (0):
	// DefaultMaxNamespaces. A prefix is looked up among them one by one.
	MaxNamespaces int
	// Types, when set, types the values of an XML body as it knows them
	// (see Typer): XML carries no types, and without it the XML decoder
	// reads a number as a string. It changes the kind of values, and so
	// the JSON a converted body gives, never the text of one: the body
	// re-encodes in XML as it came. It has no effect on JSON, which
	// carries its types. Default (nil): values are as Value describes.
	Types Typer
}

func (o *Options) maxDepth() int {
	if o == nil || o.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return min(o.MaxDepth, MaxDepthLimit)
}

func (o *Options) maxAttributes() int {
	if o == nil || o.MaxAttributes <= 0 {
		return DefaultMaxAttributes
	}
	return o.MaxAttributes
}

func (o *Options) maxNamespaces() int {
	if o == nil || o.MaxNamespaces <= 0 {
		return DefaultMaxNamespaces
	}
	return o.MaxNamespaces
}

func (o *Options) maxSize() int {
	if o == nil || o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

// appender is what every body type implements.
type appender interface {
	AppendJSON(dst []byte) ([]byte, error)
	AppendXML(dst []byte) ([]byte, error)
}

func appendFormat(dst []byte, f Format, a appender) ([]byte, error) {
	switch f {
	case JSON:
		return a.AppendJSON(dst)
	case XML:
		return a.AppendXML(dst)
	}
	return dst, &EncodeError{Format: f, Err: ErrInvalidValue, Msg: "unknown format"}
}

// Append appends the body of in in format f to dst.
func (in *Input) Append(dst []byte, f Format) ([]byte, error) { return appendFormat(dst, f, in) }

// Marshal returns the body of in in format f.
func (in *Input) Marshal(f Format) ([]byte, error) { return appendFormat(nil, f, in) }

// Append appends the body of r in format f to dst.
func (r *Resource) Append(dst []byte, f Format) ([]byte, error) { return appendFormat(dst, f, r) }

// Marshal returns the body of r in format f.
func (r *Resource) Marshal(f Format) ([]byte, error) { return appendFormat(nil, f, r) }

// Append appends the body of ev in format f to dst.
func (ev *Events) Append(dst []byte, f Format) ([]byte, error) { return appendFormat(dst, f, ev) }

// Marshal returns the body of ev in format f.
func (ev *Events) Marshal(f Format) ([]byte, error) { return appendFormat(nil, f, ev) }

// Append appends the error body of e in format f to dst.
func (e *Error) Append(dst []byte, f Format) ([]byte, error) { return appendFormat(dst, f, e) }

// Marshal returns the error body of e in format f.
func (e *Error) Marshal(f Format) ([]byte, error) { return appendFormat(nil, f, e) }
