package api

import (
	"strconv"
	"time"

	"github.com/ucwa-go/ucwa"
)

// The writers the generated encoders call, a method per kind of value but
// strings, which they write inline. Each appends one parameter after its
// name, which the caller gives as a constant (`,"subject":` or
// `<property name="subject">`). A value the
// format cannot carry clears ok, and the rest is written all the same: the
// generated encoder checks ok once, at the end, and on failure drops what it
// wrote and asks the generic Input for the error, which names the value.
// The common case, every value written, so costs one test.

// jsonWriter writes a JSON body. Every member is written with a comma
// before it; end turns the first comma into the opening brace, so that no
// member needs to know whether another came before it. The links go the
// same way into "_links".
type jsonWriter struct {
	dst   []byte
	start int  // where the body starts in dst
	links int  // where the "_links" object starts, -1 before the first link
	ok    bool // every value written could be
}

func newJSON(dst []byte) jsonWriter {
	return jsonWriter{dst: dst, start: len(dst), links: -1, ok: true}
}

// end closes the body and returns it, and false when a value could not be
// written.
func (w *jsonWriter) end() ([]byte, bool) {
	if !w.ok {
		return w.dst[:w.start], false
	}
	if w.links >= 0 {
		w.dst[w.links] = '{'
		w.dst = append(w.dst, '}')
	}
	if len(w.dst) == w.start {
		return append(w.dst, "{}"...), true
	}
	w.dst[w.start] = '{'
	return append(w.dst, '}'), true
}

// head starts the body of a PUT with its rel: {"rel":"…" (the brace
// written as the comma end turns into one). A rel is a plain name.
func (w *jsonWriter) head(rel string) {
	w.dst = append(w.dst, `,"rel":"`...)
	w.dst = append(w.dst, rel...)
	w.dst = append(w.dst, '"')
}

// jsonStrs writes a list of strings or enum values; key is `,"attendees":`.
func jsonStrs[S ~string](w *jsonWriter, key string, ss []S) {
	w.dst = append(w.dst, key...)
	w.dst = append(w.dst, '[')
	for i, s := range ss {
		if i > 0 {
			w.dst = append(w.dst, ',')
		}
		var ok bool
		w.dst, ok = ucwa.AppendJSONString(w.dst, string(s))
		w.ok = w.ok && ok
	}
	w.dst = append(w.dst, ']')
}

func (w *jsonWriter) boolean(key string, b bool) {
	w.dst = append(w.dst, key...)
	w.dst = strconv.AppendBool(w.dst, b)
}

func (w *jsonWriter) integer(key string, i int64) {
	w.dst = append(w.dst, key...)
	w.dst = strconv.AppendInt(w.dst, i, 10)
}

func (w *jsonWriter) date(key string, t time.Time) {
	w.dst = append(w.dst, key...)
	var ok bool
	w.dst, ok = ucwa.AppendDate(w.dst, t, ucwa.JSON)
	w.ok = w.ok && ok
}

func (w *jsonWriter) duration(key string, d time.Duration) {
	w.dst = append(w.dst, key...)
	w.dst = append(w.dst, '"')
	w.dst = appendDuration(w.dst, d)
	w.dst = append(w.dst, '"')
}

// openLink starts "_links" before the first link-valued parameter, which
// the generated encoder writes with a comma before it, as a member.
func (w *jsonWriter) openLink() {
	if w.links < 0 {
		w.dst = append(w.dst, `,"_links":`...)
		w.links = len(w.dst)
	}
}

const (
	xmlDecl       = `<?xml version="1.0" encoding="utf-8"?>`
	xmlInputOpen  = xmlDecl + `<input xmlns="` + ucwa.Namespace + `">`
	xmlInputClose = `</input>`
	xmlResOpen    = xmlDecl + `<resource xmlns="` + ucwa.Namespace + `">`
	xmlResClose   = `</resource>`
	xmlPropEnd    = `</property>`
)

// xmlWriter writes an XML body: an <input> or, for a PUT, a <resource>
// element with a <property> or <propertyList> per parameter, then a <link>
// per link-valued one.
type xmlWriter struct {
	dst   []byte
	start int
	put   bool
	ok    bool
}

func newXML(dst []byte) xmlWriter {
	return xmlWriter{dst: append(dst, xmlInputOpen...), start: len(dst), ok: true}
}

// newXMLPut starts the body of a PUT, with its rel as the first property.
func newXMLPut(dst []byte, rel string) xmlWriter {
	w := xmlWriter{dst: append(dst, xmlResOpen...), start: len(dst), put: true, ok: true}
	w.dst = append(w.dst, `<property name="rel">`...)
	w.dst = append(w.dst, rel...)
	w.dst = append(w.dst, xmlPropEnd...)
	return w
}

func (w *xmlWriter) end() ([]byte, bool) {
	if !w.ok {
		return w.dst[:w.start], false
	}
	if w.put {
		return append(w.dst, xmlResClose...), true
	}
	return append(w.dst, xmlInputClose...), true
}

// xmlStrs writes a list; key is `<propertyList name="attendees">`.
func xmlStrs[S ~string](w *xmlWriter, key string, ss []S) {
	w.dst = append(w.dst, key...)
	for _, s := range ss {
		w.dst = append(w.dst, "<item>"...)
		var ok bool
		w.dst, ok = ucwa.AppendXMLText(w.dst, string(s), false)
		w.ok = w.ok && ok
		w.dst = append(w.dst, "</item>"...)
	}
	w.dst = append(w.dst, "</propertyList>"...)
}

func (w *xmlWriter) boolean(key string, b bool) {
	w.dst = append(w.dst, key...)
	w.dst = strconv.AppendBool(w.dst, b)
	w.dst = append(w.dst, xmlPropEnd...)
}

func (w *xmlWriter) integer(key string, i int64) {
	w.dst = append(w.dst, key...)
	w.dst = strconv.AppendInt(w.dst, i, 10)
	w.dst = append(w.dst, xmlPropEnd...)
}

func (w *xmlWriter) date(key string, t time.Time) {
	w.dst = append(w.dst, key...)
	var ok bool
	w.dst, ok = ucwa.AppendDate(w.dst, t, ucwa.XML)
	w.ok = w.ok && ok
	w.dst = append(w.dst, xmlPropEnd...)
}

func (w *xmlWriter) duration(key string, d time.Duration) {
	w.dst = append(w.dst, key...)
	w.dst = appendDuration(w.dst, d)
	w.dst = append(w.dst, xmlPropEnd...)
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
