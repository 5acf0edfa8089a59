package ucwa

import "strconv"

// A MediaType is a parsed Content-Type (or Accept entry) of a UCWA body.
type MediaType struct {
	Format Format // JSON or XML

	// Variant is "" for a resource, input or event-channel body sent as
	// plain JSON or XML, or "error" or "events" for the UCWA-specific
	// types application/vnd.microsoft.com.ucwa.error+json and
	// application/vnd.microsoft.com.ucwa.events+json (and their +xml
	// forms).
	Variant string

	// Type is type "/" subtype in lower case, such as "application/json".
	// It is a constant of this package, so it never shares memory with the
	// parsed text.
	Type string
}

// Media types of UCWA bodies and of the batch exchange, for Content-Type and
// Accept headers. [Format.MediaType] and [Format.Accept] give the ones a
// client sends; ParseMediaType reads all of the UCWA ones.
const (
	// MediaTypeJSON and MediaTypeXML are the generic types servers send
	// for every body, errors and events included.
	MediaTypeJSON = "application/json"
	MediaTypeXML  = "application/xml"
	// MediaTypeUCWAJSON and MediaTypeUCWAXML are the precise types the
	// reference recommends; [Format.MediaType] returns them.
	MediaTypeUCWAJSON = "application/vnd.microsoft.com.ucwa+json"
	MediaTypeUCWAXML  = "application/vnd.microsoft.com.ucwa+xml"
	// The variants for error bodies and event-channel responses.
	MediaTypeErrorJSON  = "application/vnd.microsoft.com.ucwa.error+json"
	MediaTypeErrorXML   = "application/vnd.microsoft.com.ucwa.error+xml"
	MediaTypeEventsJSON = "application/vnd.microsoft.com.ucwa.events+json"
	MediaTypeEventsXML  = "application/vnd.microsoft.com.ucwa.events+xml"
	// MediaTypeBatch is the type of a batch request and of its response,
	// whose Content-Type adds a boundary parameter.
	MediaTypeBatch = "multipart/batching"
	// MediaTypeHTTPRequest and MediaTypeHTTPResponse are the types of the
	// parts of a batch request and of a batch response.
	MediaTypeHTTPRequest  = "application/http; msgtype=request"
	MediaTypeHTTPResponse = "application/http; msgtype=response"
)

// The media types ParseMediaType accepts. Matching is case-insensitive.
//
// Decisions:
//   - text/xml is accepted as XML: RFC 7303 makes it an alias of
//     application/xml, with the same charset rules once the charset is
//     given, and IIS-hosted services have been seen to send it.
//   - application/vnd.microsoft.ucwa+json and +xml (without ".com") are
//     accepted because the UCWA versioning page shows the server sending
//     them. The error and events variants exist only in the ".com" form.
//   - Nothing else is: text/json, application/problem+json, or a generic
//     application/*+json body would not be a UCWA body.
var mediaTypes = [...]MediaType{
	{JSON, "", "application/json"},
	{XML, "", "application/xml"},
	{XML, "", "text/xml"},
	{JSON, "", "application/vnd.microsoft.com.ucwa+json"},
	{XML, "", "application/vnd.microsoft.com.ucwa+xml"},
	{JSON, "error", "application/vnd.microsoft.com.ucwa.error+json"},
	{XML, "error", "application/vnd.microsoft.com.ucwa.error+xml"},
	{JSON, "events", "application/vnd.microsoft.com.ucwa.events+json"},
	{XML, "events", "application/vnd.microsoft.com.ucwa.events+xml"},
	{JSON, "", "application/vnd.microsoft.ucwa+json"},
	{XML, "", "application/vnd.microsoft.ucwa+xml"},
}

// ParseMediaType parses a Content-Type header value and reports which UCWA
// format it names. It follows RFC 9110, section 8.3.1:
//
//	media-type = type "/" subtype parameters
//	parameters = *( OWS ";" OWS [ parameter ] )
//	parameter  = parameter-name "=" ( token / quoted-string )
//
// Type, subtype and parameter names are case-insensitive. White space (space
// or tab) is allowed around ";" and at either end, but not around "/" or "=".
// Empty parameters ("application/json;") are allowed, as the grammar says.
//
// The charset parameter, if present, must name UTF-8: "utf-8" in any case,
// token or quoted, or the common alias "utf8". Any other charset, even
// "us-ascii", is refused: the decoders read UTF-8 only, and accepting a label
// they would not honour would hide a mislabelled body. A repeated charset
// is refused as ambiguous. Other parameters are checked for syntax and then
// ignored.
//
// The types accepted are application/json, application/xml, text/xml,
// application/vnd.microsoft.com.ucwa+json and +xml, their ".error" and
// ".events" variants (application/vnd.microsoft.com.ucwa.error+json, …), and
// application/vnd.microsoft.ucwa+json and +xml; see mediaTypes in the source
// for why.
//
// Every error wraps [ErrMediaType]: a malformed value (no subtype, a
// parameter without "=", an unterminated quoted string, a control
// character), a type that is not one of the above, or a charset other than
// UTF-8. The message gives the byte offset of the problem.
//
// ParseMediaType does not allocate unless it returns an error or the charset
// is a quoted string with backslash escapes.
func ParseMediaType(v string) (MediaType, error) {
	for i := 0; i < len(v); i++ {
		if c := v[i]; (c < ' ' && c != '\t') || c == 0x7f {
			return MediaType{}, mediaTypeError(v, i, "control character "+strconv.QuoteRune(rune(c)))
		}
	}
	s, start := trimOWS(v)
	if s == "" {
		return MediaType{}, mediaTypeError(v, 0, "empty media type")
	}
	off := func(rest string) int { return start + len(s) - len(rest) }

	typ, rest := consumeToken(s)
	if typ == "" {
		return MediaType{}, mediaTypeError(v, off(rest), "expected a type")
	}
	if rest == "" || rest[0] != '/' {
		return MediaType{}, mediaTypeError(v, off(rest), "expected '/' and a subtype")
	}
	sub, rest := consumeToken(rest[1:])
	if sub == "" {
		return MediaType{}, mediaTypeError(v, off(rest), "expected a subtype")
	}
	full := s[:len(typ)+1+len(sub)]

	var charset string
	hasCharset := false
	for {
		rest = trimLeftOWS(rest)
		if rest == "" {
			break
		}
		if rest[0] != ';' {
			return MediaType{}, mediaTypeError(v, off(rest), "expected ';' before a parameter")
		}
		rest = trimLeftOWS(rest[1:])
		if rest == "" || rest[0] == ';' {
			continue // an empty parameter
		}
		var name, val string
		name, rest = consumeToken(rest)
		if name == "" {
			return MediaType{}, mediaTypeError(v, off(rest), "expected a parameter name")
		}
		if rest == "" || rest[0] != '=' {
			return MediaType{}, mediaTypeError(v, off(rest), "expected '=' after parameter "+strconv.Quote(name))
		}
		valueAt := off(rest) + 1
		var ok bool
		val, rest, ok = consumeValue(rest[1:])
		if !ok {
			return MediaType{}, mediaTypeError(v, valueAt, "expected a token or quoted string as the value of "+strconv.Quote(name))
		}
		if equalFoldASCII(name, "charset") {
			if hasCharset {
				return MediaType{}, mediaTypeError(v, valueAt, "repeated charset parameter")
			}
			hasCharset, charset = true, val
			if !isUTF8Label(unquote(charset)) {
				return MediaType{}, mediaTypeError(v, valueAt, "charset "+strconv.Quote(unquote(charset))+" is not UTF-8")
			}
		}
	}

	for _, mt := range mediaTypes {
		if equalFoldASCII(full, mt.Type) {
			return mt, nil
		}
	}
	return MediaType{}, mediaTypeError(v, start, strconv.Quote(full)+" is not a UCWA JSON or XML media type")
}

// StripBOM returns b without a leading UTF-8 byte-order mark (EF BB BF).
// The result shares b's memory.
func StripBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		return b[3:]
	}
	return b
}

// isUTF8Label reports whether a charset name means UTF-8.
func isUTF8Label(s string) bool {
	return equalFoldASCII(s, "utf-8") || equalFoldASCII(s, "utf8")
}

// isTokenChar reports whether c is a tchar of RFC 9110:
// "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" /
// "`" / "|" / "~" / DIGIT / ALPHA.
func isTokenChar(c byte) bool { return tokenTable[c] }

var tokenTable = [256]bool{}

func init() {
	for c := '0'; c <= '9'; c++ {
		tokenTable[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		tokenTable[c] = true
		tokenTable[c-'a'+'A'] = true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		tokenTable[c] = true
	}
}

// consumeToken returns the longest prefix of v made of token characters and
// the rest of v. The token is "" if v does not start with one.
func consumeToken(v string) (token, rest string) {
	i := 0
	for i < len(v) && isTokenChar(v[i]) {
		i++
	}
	return v[:i], v[i:]
}

// consumeValue consumes a parameter value: a token, or a quoted-string
// (returned with its quotes, escapes still in place; see unquote). ok is
// false if v starts with neither, or the quoted string is not terminated or
// holds a control character.
func consumeValue(v string) (value, rest string, ok bool) {
	if v == "" {
		return "", v, false
	}
	if v[0] != '"' {
		value, rest = consumeToken(v)
		return value, rest, value != ""
	}
	for i := 1; i < len(v); i++ {
		switch c := v[i]; {
		case c == '"':
			return v[:i+1], v[i+1:], true
		case c == '\\':
			i++ // quoted-pair: any HTAB, SP, VCHAR or obs-text
			if i == len(v) || (v[i] < ' ' && v[i] != '\t') || v[i] == 0x7f {
				return "", v, false
			}
		case (c < ' ' && c != '\t') || c == 0x7f:
			return "", v, false
		}
	}
	return "", v, false // unterminated
}

// unquote returns the content of a value returned by consumeValue: a token
// as it is, a quoted-string without its quotes and with quoted-pairs
// resolved. It allocates only if there is a backslash.
func unquote(v string) string {
	if len(v) < 2 || v[0] != '"' {
		return v
	}
	v = v[1 : len(v)-1]
	i := 0
	for i < len(v) && v[i] != '\\' {
		i++
	}
	if i == len(v) {
		return v
	}
	b := make([]byte, 0, len(v))
	for i = 0; i < len(v); i++ {
		if v[i] == '\\' {
			i++
		}
		b = append(b, v[i])
	}
	return string(b)
}

func isOWS(c byte) bool { return c == ' ' || c == '\t' }

func trimLeftOWS(s string) string {
	for s != "" && isOWS(s[0]) {
		s = s[1:]
	}
	return s
}

// trimOWS trims white space at both ends and returns where the result
// starts in s.
func trimOWS(s string) (string, int) {
	t := trimLeftOWS(s)
	start := len(s) - len(t)
	for t != "" && isOWS(t[len(t)-1]) {
		t = t[:len(t)-1]
	}
	return t, start
}

// A partError reports a media type, date or data URI that could not be
// parsed. It wraps ErrMediaType, ErrDate or ErrDataURI.
type partError struct {
	what   string // "media type", "date", "data URI"
	input  string
	offset int // byte offset in input; if -1, input is "" and not shown
	msg    string
	err    error
}

func (e *partError) Error() string {
	s := "ucwa: " + e.what
	if in := e.input; e.offset >= 0 || in != "" {
		s += " " + quoteCut(in)
	}
	s += ": " + e.msg
	if e.offset >= 0 {
		s += " (offset " + strconv.Itoa(e.offset) + ")"
	}
	return s
}

func (e *partError) Unwrap() error { return e.err }

func mediaTypeError(v string, offset int, msg string) error {
	return &partError{what: "media type", input: v, offset: offset, msg: msg, err: ErrMediaType}
}
