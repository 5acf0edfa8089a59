package ucwa

// An Error is a UCWA error: the body of a 4xx or 5xx response, or the reason
// of an event, with the HTTP status it came with.
//
// JSON: {"code", "subcode", "message", "link", "parameters", "debugInfo"}.
// XML: <reason> with <code>, <subcode>, <message>, <link/>, <parameters> and
// <debugInfo> children; the latter two hold <property> elements.
//
// errors.Is(err, c) for a [Code] c reports whether err's code is c, and
// likewise for a [Subcode]; errors.Is(err, &Error{Code: c, Subcode: s})
// matches both (an empty field matches anything).
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
	// Extra holds members or elements this package does not know, in order,
	// so that nothing is dropped.
	Extra []Property

	// Cause is nil for a UCWA error body. For a body that is not one (an
	// HTML page from a proxy, an empty or truncated body) it says why the
	// body could not be read; Code is then derived from Status.
	Cause error

	// Which of the optional members were present, even empty, so that an
	// unchanged body re-encodes as it came: <debugInfo/> and <parameters/>.
	hasParameters, hasDebugInfo bool
}

// Code is the code of a UCWA error. For synchronous errors it names the HTTP
// status (CodeConflict for 409). It is an open set: codes not listed here are
// kept as they came. A Code is an error, so that errors.Is(err, CodeConflict)
// reads well.
type Code string

// Error returns the code itself.
func (c Code) Error() string { return string(c) }

// Subcode further classifies a UCWA error (SubcodeAlreadyExists). It is an
// open set, like Code, and an error for the same reason.
type Subcode string

// Error returns the subcode itself.
func (s Subcode) Error() string { return string(s) }
