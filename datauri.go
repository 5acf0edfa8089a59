package ucwa

import (
	"encoding/base64"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrDataURI is wrapped by the errors of ParseDataURI and DataURI.Text.
//
// It is declared here, beside the only code that returns it, rather than in
// errors.go, whose sentinels are the decoders' and encoders' causes.
var ErrDataURI = errors.New("invalid data URI")

// A DataURI is a data URI (RFC 2397), as UCWA carries instant messages and
// other content in the href of a link:
//
//	data:text/plain;charset=utf-8,Hello+World
//	data:text/html;charset=utf-8,%3Cb%3EHi%3C%2Fb%3E
//	data:text/plain;base64,SGVsbG8=
//
// The zero DataURI is written "data:,", which reads back with MediaType
// "text/plain".
type DataURI struct {
	// MediaType is type "/" subtype in lower case, such as "text/html".
	// It is "text/plain" when the URI omits it, as RFC 2397 says. An
	// empty MediaType is written omitted.
	MediaType string

	// Charset is the value of the charset parameter as given (after
	// percent-decoding), such as "utf-8" or "utf8" (UCWA writes both), or
	// "" when there is none. It is kept as given, not lower-cased or
	// normalized, so that a URI re-encodes with the label it came with;
	// Text compares it without regard to case.
	Charset string

	// Params holds the other parameters, in order, with names in lower
	// case and values percent-decoded. It must not hold a charset.
	Params []DataURIParam

	// Base64 reports whether the data is (or is to be) written in base64
	// (";base64") rather than URL-encoded.
	Base64 bool

	// Data is the decoded content.
	Data []byte
}

// A DataURIParam is a parameter of a data URI's media type other than
// charset, such as "name=value" in data:text/plain;name=value,….
type DataURIParam struct {
	Name  string // a token in lower case
	Value string // percent-decoded; not empty
}

// ParseDataURI parses a data URI:
//
//	data:[type/subtype][;charset=c][;name=value]…[;base64],data
//
// Decisions, where RFC 2397 and UCWA leave room:
//
//   - The "data:" scheme and ";base64" are matched without regard to
//     case; the media type and parameter names are lower-cased.
//   - Every byte must be one RFC 3986 allows in a URI path or query:
//     unreserved characters, sub-delimiters, ":", "@", "/", "?" and
//     percent escapes. Spaces, control characters, non-ASCII bytes and "#"
//     (which would start a fragment) are refused, as are the documentation's
//     "data : text/plain;base64,\n …" and any white space in base64 data.
//   - The media type and parameter names are taken literally (no percent
//     escapes); parameter values are percent-decoded and must not be empty.
//     A repeated charset is refused. ";base64" may only come last.
//   - URL-encoded data is percent-decoded, and "+" is a space: UCWA encodes
//     data as an HTML form does ("Hello+World"), so a literal plus arrives
//     as %2B. Escapes may use either case of hex digit.
//   - Base64 data is the standard alphabet with padding, strictly (no
//     URL-safe alphabet, no missing padding, no stray bits). Percent
//     escapes in it are decoded first, since some encoders escape "+", "/"
//     and "=", but "+" keeps its base64 meaning.
//
// The error wraps [ErrDataURI] and gives the byte offset of the problem.
// MediaType, Charset and Params may share memory with s; Data does not.
func ParseDataURI(s string) (DataURI, error) {
	var d DataURI
	const scheme = "data:"
	if len(s) < len(scheme) || !equalFoldASCII(s[:len(scheme)], scheme) {
		return d, dataURIError(s, 0, `expected "data:"`)
	}
	for i := len(scheme); i < len(s); i++ {
		if c := s[i]; !uriTable[c] {
			var what string
			switch {
			case c < ' ' || c == 0x7f:
				what = "control character " + strconv.QuoteRune(rune(c))
			case c == ' ':
				what = "space"
			case c >= utf8.RuneSelf:
				what = "non-ASCII byte 0x" + strconv.FormatUint(uint64(c), 16)
			default:
				what = strconv.QuoteRune(rune(c))
			}
			return d, dataURIError(s, i, what+" not allowed in a URI")
		}
	}
	comma := strings.IndexByte(s, ',')
	if comma < 0 {
		return d, dataURIError(s, len(s), `missing ',' before the data`)
	}
	header, data := s[len(scheme):comma], s[comma+1:]

	// The media type.
	seg, params, more := strings.Cut(header, ";")
	if seg == "" {
		d.MediaType = "text/plain"
	} else {
		at := len(scheme)
		typ, r := consumeToken(seg)
		if typ == "" || r == "" || r[0] != '/' {
			return d, dataURIError(s, at+len(typ), "expected type/subtype")
		}
		sub, r := consumeToken(r[1:])
		if sub == "" || r != "" {
			return d, dataURIError(s, at+len(seg)-len(r), "expected type/subtype")
		}
		if i := strings.IndexByte(seg, '%'); i >= 0 {
			return d, dataURIError(s, at+i, "percent escape in the media type")
		}
		d.MediaType = strings.ToLower(seg)
	}

	// The parameters and ";base64".
	hasCharset := false
	for at := len(scheme) + len(seg) + 1; more; at += len(seg) + 1 {
		seg, params, more = strings.Cut(params, ";")
		if !more && equalFoldASCII(seg, "base64") {
			d.Base64 = true
			break
		}
		name, r := consumeToken(seg)
		switch {
		case seg == "":
			return d, dataURIError(s, at, "empty parameter")
		case name == "" || r == "" || r[0] != '=':
			return d, dataURIError(s, at+len(name), "expected name=value")
		case strings.IndexByte(name, '%') >= 0:
			return d, dataURIError(s, at+strings.IndexByte(name, '%'), "percent escape in a parameter name")
		case len(r) == 1:
			return d, dataURIError(s, at+len(seg), "empty parameter value")
		}
		value := r[1:]
		if strings.IndexByte(value, '%') >= 0 {
			b, bad := percentDecode(value, false)
			if bad >= 0 {
				return d, dataURIError(s, at+len(name)+1+bad, "invalid percent escape")
			}
			value = string(b)
		}
		name = strings.ToLower(name)
		if name == "charset" {
			if hasCharset {
				return d, dataURIError(s, at, "repeated charset parameter")
			}
			hasCharset, d.Charset = true, value
			continue
		}
		d.Params = append(d.Params, DataURIParam{Name: name, Value: value})
	}

	// The data.
	if !d.Base64 {
		b, bad := percentDecode(data, true)
		if bad >= 0 {
			return d, dataURIError(s, comma+1+bad, "invalid percent escape")
		}
		d.Data = b
		return d, nil
	}
	enc, bad := percentDecode(data, false)
	if bad >= 0 {
		return d, dataURIError(s, comma+1+bad, "invalid percent escape")
	}
	// The base64 package skips '\r' and '\n'; a URI has none, but an escape
	// could make one.
	for i, c := range enc {
		if c == '\r' || c == '\n' {
			return d, dataURIError(s, comma+1+i, "line break in base64 data")
		}
	}
	if len(enc) == 0 {
		return d, nil
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(enc)))
	n, err := base64.StdEncoding.Strict().Decode(out, enc)
	if err != nil {
		off := comma + 1
		var ce base64.CorruptInputError
		if errors.As(err, &ce) && len(enc) == len(data) {
			off += int(ce) // without escapes, offsets in enc are offsets in data
		}
		return d, dataURIError(s, off, "invalid base64 data")
	}
	d.Data = out[:n]
	return d, nil
}

// percentDecode decodes the percent escapes of s, and "+" as a space if
// plus is set. It returns nil for an empty result. If an escape is bad, b
// is nil and bad its offset in s; bad is -1 otherwise.
func percentDecode(s string, plus bool) (b []byte, bad int) {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] == '%' {
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return nil, i
			}
			n -= 2
			i += 2
		}
	}
	if n == 0 {
		return nil, -1
	}
	b = make([]byte, 0, n)
	start := 0 // the start of a run copied whole
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '%':
			b = append(b, s[start:i]...)
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			start = i + 1
		case '+':
			if plus {
				b = append(b, s[start:i]...)
				b = append(b, ' ')
				start = i + 1
			}
		}
	}
	return append(b, s[start:]...), -1
}

// String returns d as a data URI. It is AppendDataURI(nil, d).
func (d DataURI) String() string { return string(AppendDataURI(nil, d)) }

// AppendDataURI appends d as a data URI to dst. The media type and parameter
// names are written as they are; parameter values and URL-encoded data are
// percent-encoded, every byte but the unreserved characters of RFC 3986
// (letters, digits, "-", ".", "_", "~") escaped with upper-case hex digits,
// except that a space in the data is written "+", as UCWA does. Base64 data
// is written in the standard alphabet with padding.
//
// ParseDataURI(d.String()) gives d back (with nil for empty Params or Data)
// for every d it can: MediaType "" or a lower-case type/subtype, parameter
// names lower-case tokens other than "charset", and parameter values not
// empty. An empty MediaType reads back as "text/plain". AppendDataURI grows
// dst once and does not allocate when dst has room.
func AppendDataURI(dst []byte, d DataURI) []byte {
	n := len("data:") + len(d.MediaType) + len(",")
	if d.Charset != "" {
		n += len(";charset=") + percentEncodedLen(d.Charset, false)
	}
	for _, p := range d.Params {
		n += len(";=") + len(p.Name) + percentEncodedLen(p.Value, false)
	}
	if d.Base64 {
		n += len(";base64") + base64.StdEncoding.EncodedLen(len(d.Data))
	} else {
		n += percentEncodedLen(d.Data, true)
	}
	dst = slices.Grow(dst, n)

	dst = append(dst, "data:"...)
	dst = append(dst, d.MediaType...)
	if d.Charset != "" {
		dst = append(dst, ";charset="...)
		dst = appendPercentEncoded(dst, d.Charset, false)
	}
	for _, p := range d.Params {
		dst = append(dst, ';')
		dst = append(dst, p.Name...)
		dst = append(dst, '=')
		dst = appendPercentEncoded(dst, p.Value, false)
	}
	if d.Base64 {
		dst = append(dst, ";base64,"...)
		return base64.StdEncoding.AppendEncode(dst, d.Data)
	}
	dst = append(dst, ',')
	return appendPercentEncoded(dst, d.Data, true)
}

// percentEncodedLen returns the length of s percent-encoded.
func percentEncodedLen[S string | []byte](s S, plus bool) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if !unreservedTable[s[i]] && !(plus && s[i] == ' ') {
			n += 2
		}
	}
	return n
}

// appendPercentEncoded appends s percent-encoded, with a space as "+" if plus
// is set. Runs of unreserved bytes are copied whole.
func appendPercentEncoded[S string | []byte](dst []byte, s S, plus bool) []byte {
	const hex = "0123456789ABCDEF"
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreservedTable[c] {
			continue
		}
		dst = append(dst, s[start:i]...)
		if plus && c == ' ' {
			dst = append(dst, '+')
		} else {
			dst = append(dst, '%', hex[c>>4], hex[c&15])
		}
		start = i + 1
	}
	return append(dst, s[start:]...)
}

// unreservedTable holds the unreserved characters of RFC 3986; uriTable
// those allowed in a data URI after "data:" (see ParseDataURI).
var unreservedTable, uriTable [256]bool

func init() {
	for c := 0; c < 256; c++ {
		b := byte(c)
		unreservedTable[c] = 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' ||
			b == '-' || b == '.' || b == '_' || b == '~'
		uriTable[c] = unreservedTable[c] || strings.IndexByte("!$&'()*+,;=:@/?%", b) >= 0
	}
}

// Text returns the data as a string. The charset must be absent, "utf-8" or
// "utf8" (in any case; an absent charset is read as UTF-8, which UCWA uses
// throughout, although RFC 2397 says US-ASCII) and the data valid UTF-8, or
// "us-ascii" and the data ASCII. Otherwise the error wraps [ErrDataURI].
// Text does not look at the media type.
func (d DataURI) Text() (string, error) {
	switch {
	case d.Charset == "" || isUTF8Label(d.Charset):
		if !utf8.Valid(d.Data) {
			return "", textError(d, "data is not valid UTF-8")
		}
	case equalFoldASCII(d.Charset, "us-ascii"):
		for _, c := range d.Data {
			if c >= utf8.RuneSelf {
				return "", textError(d, "data is not ASCII")
			}
		}
	default:
		return "", textError(d, "charset "+strconv.Quote(d.Charset)+" is not UTF-8 or US-ASCII")
	}
	return string(d.Data), nil
}

// TextDataURI returns a DataURI holding text as mediaType (such as
// "text/plain" or "text/html"; "" means "text/plain"), with charset utf-8,
// to be written URL-encoded, as UCWA sends messages.
func TextDataURI(mediaType, text string) DataURI {
	if mediaType == "" {
		mediaType = "text/plain"
	}
	d := DataURI{MediaType: strings.ToLower(mediaType), Charset: "utf-8"}
	if text != "" {
		d.Data = []byte(text)
	}
	return d
}

func dataURIError(s string, offset int, msg string) error {
	return &partError{what: "data URI", input: s, offset: offset, msg: msg, err: ErrDataURI}
}

func textError(d DataURI, msg string) error {
	return &partError{what: "data URI", offset: -1, msg: d.MediaType + " " + msg, err: ErrDataURI}
}
