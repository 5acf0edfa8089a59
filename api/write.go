package api

import (
	"strconv"
	"time"

	"github.com/ucwa-go/ucwa"
)

// The writers the generated encoders call, a function per kind of value but
// strings, which they write inline. Each appends one parameter after its
// name, which the caller gives as a constant (`,"subject":` or
// `<property name="subject">`), and those that can meet a value the format
// cannot carry report whether they wrote it. The generated encoder ANDs the
// reports and tests them once, at its end: on failure it drops what it wrote
// and asks the generic Input for the error, which names the value. The
// common case, every value written, so costs one test.
//
// In JSON every member is written with a comma before it, and closeJSON
// turns the first comma into the opening brace, so that no member needs to
// know whether another came before it; the link-valued parameters go the
// same way into "_links".

// closeJSON closes the JSON body that starts at start in dst; links is
// where "_links" starts, -1 for none.
func closeJSON(dst []byte, start, links int) []byte {
	if links >= 0 {
		dst[links] = '{'
		dst = append(dst, '}')
	}
	if len(dst) == start {
		return append(dst, "{}"...)
	}
	dst[start] = '{'
	return append(dst, '}')
}

// jsonRel starts the JSON body of a PUT with its rel, a plain name:
// {"rel":"…" (the brace written as a comma, as every member).
func jsonRel(dst []byte, rel string) []byte {
	dst = append(dst, `,"rel":"`...)
	dst = append(dst, rel...)
	return append(dst, '"')
}

// openLinks starts "_links" before the first link-valued parameter, and
// returns where it starts; links is -1 before the first.
func openLinks(dst []byte, links int) ([]byte, int) {
	if links >= 0 {
		return dst, links
	}
	dst = append(dst, `,"_links":`...)
	return dst, len(dst)
}

// jsonStrs writes a list of strings or enum values; key is `,"attendees":`.
func jsonStrs[S ~string](dst []byte, key string, ss []S) ([]byte, bool) {
	ok := true
	dst = append(dst, key...)
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		var o bool
		dst, o = ucwa.AppendJSONString(dst, string(s))
		ok = ok && o
	}
	return append(dst, ']'), ok
}

func jsonBool(dst []byte, key string, b bool) []byte {
	dst = append(dst, key...)
	return strconv.AppendBool(dst, b)
}

func jsonInt(dst []byte, key string, i int64) []byte {
	dst = append(dst, key...)
	return strconv.AppendInt(dst, i, 10)
}

func jsonDate(dst []byte, key string, t time.Time) ([]byte, bool) {
	dst = append(dst, key...)
	return ucwa.AppendDate(dst, t, ucwa.JSON)
}

func jsonDuration(dst []byte, key string, d time.Duration) []byte {
	dst = append(dst, key...)
	dst = append(dst, '"')
	dst = appendDuration(dst, d)
	return append(dst, '"')
}

const (
	xmlDecl       = `<?xml version="1.0" encoding="utf-8"?>`
	xmlInputOpen  = xmlDecl + `<input xmlns="` + ucwa.Namespace + `">`
	xmlInputClose = `</input>`
	xmlResOpen    = xmlDecl + `<resource xmlns="` + ucwa.Namespace + `">`
	xmlResClose   = `</resource>`
	xmlPropEnd    = `</property>`
)

// The XML body is an <input> or, for a PUT, a <resource> element with a
// <property> or <propertyList> per parameter, then a <link> per link-valued
// one.

// xmlPutHead starts the XML body of a PUT, with its rel as the first
// property.
func xmlPutHead(dst []byte, rel string) []byte {
	dst = append(dst, xmlResOpen...)
	dst = append(dst, `<property name="rel">`...)
	dst = append(dst, rel...)
	return append(dst, xmlPropEnd...)
}

// xmlStrs writes a list; key is `<propertyList name="attendees">`.
func xmlStrs[S ~string](dst []byte, key string, ss []S) ([]byte, bool) {
	ok := true
	dst = append(dst, key...)
	for _, s := range ss {
		dst = append(dst, "<item>"...)
		var o bool
		dst, o = ucwa.AppendXMLText(dst, string(s), false)
		ok = ok && o
		dst = append(dst, "</item>"...)
	}
	return append(dst, "</propertyList>"...), ok
}

func xmlBool(dst []byte, key string, b bool) []byte {
	dst = append(dst, key...)
	dst = strconv.AppendBool(dst, b)
	return append(dst, xmlPropEnd...)
}

func xmlInt(dst []byte, key string, i int64) []byte {
	dst = append(dst, key...)
	dst = strconv.AppendInt(dst, i, 10)
	return append(dst, xmlPropEnd...)
}

func xmlDate(dst []byte, key string, t time.Time) ([]byte, bool) {
	dst = append(dst, key...)
	dst, ok := ucwa.AppendDate(dst, t, ucwa.XML)
	return append(dst, xmlPropEnd...), ok
}

func xmlDuration(dst []byte, key string, d time.Duration) []byte {
	dst = append(dst, key...)
	dst = appendDuration(dst, d)
	return append(dst, xmlPropEnd...)
}

// encodeError returns the error of a typed input whose encoder found a
// value it cannot write: the error the generic form gives, which names it.
func encodeError(x Operation, put bool, f ucwa.Format) error {
	in := x.Input()
	var err error
	if put {
		r := ucwa.Resource{Properties: in.Properties}
		_, err = r.Append(nil, f)
	} else {
		_, err = in.Append(nil, f)
	}
	if err == nil {
		// Not reached: the typed encoders refuse what the generic ones
		// refuse, no more (FuzzTypedInput checks it).
		err = &ucwa.EncodeError{Format: f, Err: ucwa.ErrInvalidValue, Msg: "a value cannot be written"}
	}
	return err
}

// appendFormat appends the body of x in format f.
func appendFormat(x Operation, dst []byte, f ucwa.Format) ([]byte, error) {
	switch f {
	case ucwa.JSON:
		return x.AppendJSON(dst)
	case ucwa.XML:
		return x.AppendXML(dst)
	}
	return dst, &ucwa.EncodeError{Format: f, Err: ucwa.ErrInvalidValue, Msg: "unknown format"}
}

// stringList returns ss as a list Value of strings.
func stringList[S ~string](ss []S) ucwa.Value {
	vs := make([]ucwa.Value, len(ss))
	for i, s := range ss {
		vs[i] = ucwa.String(string(s))
	}
	return ucwa.List(vs...)
}
