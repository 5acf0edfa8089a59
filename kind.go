package ucwa

import "bytes"

// BodyKind is the kind of a UCWA body: which of the decoders reads it.
type BodyKind uint8

// The kinds of body.
const (
	BodyNone     BodyKind = iota // no body, or one that is not a UCWA body
	BodyInput                    // an Input: the body of a POST
	BodyResource                 // a Resource: a GET response or a PUT body
	BodyEvents                   // Events: an event-channel response
	BodyError                    // an Error body
)

var kindOfBodyNames = [...]string{"none", "input", "resource", "events", "error"}

// String returns the kind's name: "none", "input", "resource", "events" or
// "error".
func (k BodyKind) String() string {
	if int(k) < len(kindOfBodyNames) {
		return kindOfBodyNames[k]
	}
	return "BodyKind(" + itoa(int(k)) + ")"
}

// DetectKind tells the kind of a body in format f from its first names,
// for the many servers that send application/json or application/xml for
// every kind. It looks, it does not validate: a body it cannot classify is
// BodyInput, the most lenient reading, whose decoder then says what is
// wrong. A body that is empty (white space and a byte-order mark at most)
// is BodyNone. f 0 means "tell the format with [DetectFormat]", and a body
// that is neither JSON nor XML is BodyNone.
//
// XML: the local name of the root element, after the XML declaration,
// comments and processing instructions: <input>, <resource>, <events> or
// <reason> (an error).
//
// JSON: the names of the top-level members, in this order of precedence:
//
//   - "sender", or a "_links" object holding "next", "resume" or "resync"
//     (only the event channel has them) and no "rel": events, so that the
//     empty response a P-GET gets on its timeout, links alone, is events;
//   - "code" without "rel" or "_links": an error;
//   - "rel", "_embedded", or a "_links" object holding "self": a resource;
//   - anything else: an input (an input's own "_links", such as the message
//     of startMessaging, keeps it an input).
//
// A JSON resource with neither "rel" nor a self link, as a few examples of
// the reference and the redirect reply of autodiscovery are, is read as an
// input: [ParseResponse] reads such a body as a resource, since a response
// never carries an input.
func DetectKind(data []byte, f Format) BodyKind {
	data = bytes.TrimLeft(StripBOM(data), " \t\r\n")
	if len(data) == 0 {
		return BodyNone
	}
	if f == 0 {
		var ok bool
		if f, ok = DetectFormat(data); !ok {
			return BodyNone
		}
	}
	if f == XML {
		return xmlRootKind(data)
	}
	return jsonKind(data)
}

// xmlRootKind tells the kind from the local name of the root element.
func xmlRootKind(data []byte) BodyKind {
	for {
		data = bytes.TrimLeft(data, " \t\r\n")
		switch {
		case bytes.HasPrefix(data, []byte("<?")):
			i := bytes.Index(data, []byte("?>"))
			if i < 0 {
				return BodyInput
			}
			data = data[i+2:]
			continue
		case bytes.HasPrefix(data, []byte("<!--")):
			i := bytes.Index(data[4:], []byte("-->"))
			if i < 0 {
				return BodyInput
			}
			data = data[4+i+3:]
			continue
		case !bytes.HasPrefix(data, []byte("<")):
			return BodyInput
		}
		name := data[1:]
		if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
			name = name[:i]
		}
		if i := bytes.LastIndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		switch string(name) {
		case "resource":
			return BodyResource
		case "events":
			return BodyEvents
		case "reason":
			return BodyError
		}
		return BodyInput
	}
}

// jsonNames is what jsonKind saw among the top-level members.
type jsonNames struct {
	code, rel, links, self, channel, embedded, sender bool
}

func (n *jsonNames) kind() BodyKind {
	switch {
	case n.sender || n.channel && !n.rel:
		return BodyEvents
	case n.code && !n.rel && !n.links:
		return BodyError
	case n.rel || n.embedded || n.self:
		return BodyResource
	}
	return BodyInput
}

// jsonKind tells the kind from the names of the top-level members, as far
// as the body is well-formed enough to find them. It skims: values are
// skipped by their brackets and quotes, never decoded, in one pass and
// without recursion.
func jsonKind(data []byte) BodyKind {
	var n jsonNames
	s := jsonSkim{buf: data}
	if !s.next('{') {
		return BodyInput
	}
	for {
		s.space()
		if s.next('}') {
			return n.kind()
		}
		name, ok := s.str()
		if !ok {
			return n.kind()
		}
		s.space()
		if !s.next(':') {
			return n.kind()
		}
		s.space()
		switch string(name) {
		case "code":
			n.code = true
		case "rel":
			n.rel = true
		case "_embedded":
			n.embedded = true
		case "sender":
			n.sender = true
		case "_links":
			n.links = true
		}
		if string(name) == "_links" {
			ok = s.linkNames(&n)
		} else {
			ok = s.skip()
		}
		if !ok {
			return n.kind()
		}
		s.space()
		if !s.next(',') {
			return n.kind()
		}
	}
}

// jsonSkim reads a JSON text loosely, for jsonKind.
type jsonSkim struct {
	buf []byte
	pos int
}

func (s *jsonSkim) space() {
	for s.pos < len(s.buf) {
		switch s.buf[s.pos] {
		case ' ', '\t', '\r', '\n':
			s.pos++
		default:
			return
		}
	}
}

// next consumes c if it comes next.
func (s *jsonSkim) next(c byte) bool {
	if s.pos < len(s.buf) && s.buf[s.pos] == c {
		s.pos++
		return true
	}
	return false
}

// str consumes a string and returns its raw content, escapes unresolved.
func (s *jsonSkim) str() ([]byte, bool) {
	if !s.next('"') {
		return nil, false
	}
	start := s.pos
	for s.pos < len(s.buf) {
		switch s.buf[s.pos] {
		case '\\':
			s.pos += 2
		case '"':
			s.pos++
			return s.buf[start : s.pos-1], true
		default:
			s.pos++
		}
	}
	return nil, false
}

// skip consumes one value: a string, an object or array to its matching
// bracket, or a scalar to the next delimiter.
func (s *jsonSkim) skip() bool {
	if s.pos >= len(s.buf) {
		return false
	}
	switch s.buf[s.pos] {
	case '"':
		_, ok := s.str()
		return ok
	case '{', '[':
		depth := 0
		for s.pos < len(s.buf) {
			switch s.buf[s.pos] {
			case '"':
				if _, ok := s.str(); !ok {
					return false
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					s.pos++
					return true
				}
			}
			s.pos++
		}
		return false
	}
	start := s.pos
	for s.pos < len(s.buf) {
		switch s.buf[s.pos] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			return s.pos > start
		}
		s.pos++
	}
	return s.pos > start
}

// linkNames consumes the value of "_links" and notes the rels jsonKind
// needs: "self", and the event channel's "next", "resume" and "resync". It
// notes them only once the object is read to its end, as a decoder of the
// whole object would.
func (s *jsonSkim) linkNames(n *jsonNames) bool {
	if !s.next('{') {
		return s.skip()
	}
	var self, channel bool
	for {
		s.space()
		if s.next('}') {
			break
		}
		rel, ok := s.str()
		if !ok {
			return false
		}
		switch string(rel) {
		case "self":
			self = true
		case "next", "resume", "resync":
			channel = true
		}
		s.space()
		if !s.next(':') {
			return false
		}
		s.space()
		if !s.skip() {
			return false
		}
		s.space()
		if !s.next(',') {
			if !s.next('}') {
				return false
			}
			break
		}
	}
	n.self, n.channel = n.self || self, n.channel || channel
	return true
}
