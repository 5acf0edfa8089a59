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
)

// Options tune a decoder. The zero Options are the defaults; options are
// values, and there is no global state.
type Options struct {
	// MaxDepth is the deepest nesting accepted: a body nesting deeper is
	// refused with ErrTooDeep. Default (0): DefaultMaxDepth.
	MaxDepth int
	// MaxSize is the longest body accepted, in bytes: a longer one is
	// refused with ErrTooLarge before it is read. Default (0):
	// DefaultMaxSize.
	MaxSize int
}

func (o *Options) maxDepth() int {
	if o == nil || o.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return o.MaxDepth
}

func (o *Options) maxSize() int {
	if o == nil || o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}
