package api

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/ucwa-go/ucwa"
)

// The writers the generated encoders call, a method per kind of value. Each
// appends one parameter with its name already written by the caller as a
// constant (`,"subject":` or `<property name="subject">`); the first failure
// is kept and the rest do nothing, so that a generated encoder is a straight
// run of calls with one check at its end.

// jsonWriter writes a JSON body. Every member is written with a comma
// before it; end turns the first comma into the opening brace, so that no
// member needs to know whether another came before it. The links go the
// same way into "_links".
type jsonWriter struct {
	dst   []byte
	start int // where the body starts in dst
	links int // where the "_links" object starts, -1 before the first link
	err   *ucwa.EncodeError
}

func newJSON(dst []byte) jsonWriter { return jsonWriter{dst: dst, start: len(dst), links: -1} }

// end closes the body and returns it, or dst as given and the error.
func (w *jsonWriter) end() ([]byte, error) {
	if w.err != nil {
		return w.dst[:w.start], w.err
	}
	if w.links >= 0 {
		w.dst[w.links] = '{'
		w.dst = append(w.dst, '}')
	}
	if len(w.dst) == w.start {
		return append(w.dst, "{}"...), nil
	}
	w.dst[w.start] = '{'
	return append(w.dst, '}'), nil
}

// head starts the body of a PUT with its rel: {"rel":"…" (the brace
// written as the comma end turns into one).
func (w *jsonWriter) head(rel string) {
	w.dst = append(w.dst, `,"rel":"`...)
	w.dst = append(w.dst, rel...)
	w.dst = append(w.dst, '"')
}

func (w *jsonWriter) str(name, key, s string) {
	if w.err != nil {
		return
	}
	w.dst = append(w.dst, key...)
	var ok bool
	if w.dst, ok = ucwa.AppendJSONString(w.dst, s); !ok {
		w.err = jsonError("/"+name, s)
	}
}

// jsonStrs writes a list of strings or enum values; key is `,"attendees":`.
func jsonStrs[S ~string](w *jsonWriter, name, key string, ss []S) {
	if w.err != nil {
		return
	}
	w.dst = append(w.dst, key...)
	w.dst = append(w.dst, '[')
	for i, s := range ss {
		if i > 0 {
			w.dst = append(w.dst, ',')
		}
		var ok bool
		if w.dst, ok = ucwa.AppendJSONString(w.dst, string(s)); !ok {
			w.err = jsonError("/"+name+"/"+strconv.Itoa(i), string(s))
			return
		}
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

func (w *jsonWriter) date(name, key string, t time.Time) {
	if w.err != nil {
		return
	}
	w.dst = append(w.dst, key...)
	var ok bool
	if w.dst, ok = ucwa.AppendDate(w.dst, t, ucwa.JSON); !ok {
		w.err = dateError(ucwa.JSON, "/"+name, t)
	}
}

func (w *jsonWriter) duration(key string, d time.Duration) {
	w.dst = append(w.dst, key...)
	w.dst = append(w.dst, '"')
	w.dst = appendDuration(w.dst, d)
	w.dst = append(w.dst, '"')
}

// link writes a link-valued parameter; key is `"message":{"href":`.
func (w *jsonWriter) link(name, key, href string) {
	if w.err != nil {
		return
	}
	if w.links < 0 {
		w.dst = append(w.dst, `,"_links":`...)
		w.links = len(w.dst)
	}
	w.dst = append(w.dst, ',')
	w.dst = append(w.dst, key...)
	var ok bool
	if w.dst, ok = ucwa.AppendJSONString(w.dst, href); !ok {
		w.err = jsonError("/_links/"+name+"/href", href)
		return
	}
	w.dst = append(w.dst, '}')
}

func jsonError(path, s string) *ucwa.EncodeError {
	msg := "invalid UTF-8"
	if utf8.ValidString(s) {
		msg = "NUL character"
	}
	return &ucwa.EncodeError{Format: ucwa.JSON, Path: path, Err: ucwa.ErrInvalidValue, Msg: msg}
}

func xmlError(path, s string) *ucwa.EncodeError {
	msg := "invalid UTF-8"
	if utf8.ValidString(s) {
		msg = "a character XML 1.0 cannot carry"
	}
	return &ucwa.EncodeError{Format: ucwa.XML, Path: path, Err: ucwa.ErrInvalidValue, Msg: msg}
}

func dateError(f ucwa.Format, path string, t time.Time) *ucwa.EncodeError {
	return &ucwa.EncodeError{Format: f, Path: path, Err: ucwa.ErrInvalidValue,
		Msg: "date " + t.String() + " cannot be written: the year in its offset is not 0001 to 9999"}
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
	err   *ucwa.EncodeError
}

func newXML(dst []byte) xmlWriter {
	return xmlWriter{dst: append(dst, xmlInputOpen...), start: len(dst)}
}

// newXMLPut starts the body of a PUT, with its rel as the first property.
func newXMLPut(dst []byte, rel string) xmlWriter {
	w := xmlWriter{dst: append(dst, xmlResOpen...), start: len(dst), put: true}
	w.dst = append(w.dst, `<property name="rel">`...)
	w.dst = append(w.dst, rel...)
	w.dst = append(w.dst, xmlPropEnd...)
	return w
}

func (w *xmlWriter) end() ([]byte, error) {
	if w.err != nil {
		return w.dst[:w.start], w.err
	}
	if w.put {
		return append(w.dst, xmlResClose...), nil
	}
	return append(w.dst, xmlInputClose...), nil
}

// str writes a property; key is `<property name="subject">`.
func (w *xmlWriter) str(name, key, s string) {
	if w.err != nil {
		return
	}
	w.dst = append(w.dst, key...)
	var ok bool
	if w.dst, ok = ucwa.AppendXMLText(w.dst, s, false); !ok {
		w.err = xmlError("/"+name, s)
		return
	}
	w.dst = append(w.dst, xmlPropEnd...)
}

// xmlStrs writes a list; key is `<propertyList name="attendees">`.
func xmlStrs[S ~string](w *xmlWriter, name, key string, ss []S) {
	if w.err != nil {
		return
	}
	w.dst = append(w.dst, key...)
	for i, s := range ss {
		w.dst = append(w.dst, "<item>"...)
		var ok bool
		if w.dst, ok = ucwa.AppendXMLText(w.dst, string(s), false); !ok {
			w.err = xmlError("/"+name+"/"+strconv.Itoa(i), string(s))
			return
		}
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

func (w *xmlWriter) date(name, key string, t time.Time) {
	if w.err != nil {
		return
	}
	w.dst = append(w.dst, key...)
	var ok bool
	if w.dst, ok = ucwa.AppendDate(w.dst, t, ucwa.XML); !ok {
		w.err = dateError(ucwa.XML, "/"+name, t)
		return
	}
	w.dst = append(w.dst, xmlPropEnd...)
}

func (w *xmlWriter) duration(key string, d time.Duration) {
	w.dst = append(w.dst, key...)
	w.dst = appendDuration(w.dst, d)
	w.dst = append(w.dst, xmlPropEnd...)
}

// link writes a link-valued parameter; key is `<link rel="message" href="`.
func (w *xmlWriter) link(name, key, href string) {
	if w.err != nil {
		return
	}
	w.dst = append(w.dst, key...)
	var ok bool
	if w.dst, ok = ucwa.AppendXMLText(w.dst, href, true); !ok {
		w.err = xmlError("/link[@rel='"+name+"']/@href", href)
		return
	}
	w.dst = append(w.dst, `"/>`...)
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
