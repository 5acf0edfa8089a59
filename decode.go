package ucwa

import (
	"bytes"
	"strconv"
	"sync"
)

// The decoding entry points. Each takes the whole body: a UTF-8 byte-order
// mark before it is skipped, and byte offsets in errors count from after it.
//
// Decoded strings do not alias data, so data may be reused as soon as the
// call returns. Each call allocates its value anew; a [Decoder] reads body
// after body in the same memory. Both decoders copy what the value keeps (JSON names, strings
// and numbers; XML attribute values, text and the few names kept) into a few
// large buffers, a string arena, and nothing else of the body, except the
// names they know (see internName), which they take from a table: the value
// keeps those buffers alive as long as any of its strings is.

// DecodeInput decodes a POST body: a JSON object or an XML <input> element.
// It is Options{}.DecodeInput.
func DecodeInput(data []byte, f Format) (Input, error) { return Options{}.DecodeInput(data, f) }

// DecodeResource decodes a resource: a JSON object, or an XML <resource>
// element (or an <input>, as the reference writes some PUT bodies). With an
// error it returns what it read before the error. It is
// Options{}.DecodeResource.
func DecodeResource(data []byte, f Format) (Resource, error) {
	return Options{}.DecodeResource(data, f)
}

// DecodeEvents decodes an event-channel response. It is
// Options{}.DecodeEvents.
//
// With an error it returns what it read before the error: the links read
// by then (a response whose "_links" comes first, as servers write it,
// gives its "next" link even when a later part is malformed), and the
// senders and events read, the last cut short. An event loop may GET that
// next link to go on; a response whose error came before its links gives
// none.
func DecodeEvents(data []byte, f Format) (Events, error) { return Options{}.DecodeEvents(data, f) }

// DecodeErrorBody decodes a UCWA error body (JSON object or XML <reason>)
// strictly: a body that is not one is an error. Status is left 0. See
// [ResponseError] for the forgiving form a client wants. It is
// Options{}.DecodeErrorBody.
func DecodeErrorBody(data []byte, f Format) (*Error, error) {
	return Options{}.DecodeErrorBody(data, f)
}

// DecodeInput decodes a POST body with the options o.
func (o Options) DecodeInput(data []byte, f Format) (Input, error) {
	var in Input
	err := o.decode(data, f, nil, func(j *jsonDecoder) error { return j.input(&in) },
		func(x *xmlDecoder) error { return x.input(&in) })
	if err == nil && f == XML && o.Types != nil {
		typeInput(&in, o.Types)
	}
	return in, err
}

// DecodeResource decodes a resource with the options o.
func (o Options) DecodeResource(data []byte, f Format) (Resource, error) {
	var r Resource
	err := o.decode(data, f, nil, func(j *jsonDecoder) error { return j.topResource(&r) },
		func(x *xmlDecoder) error { return x.topResource(&r) })
	if err == nil && f == XML && o.Types != nil {
		typeResource(&r, o.Types)
	}
	return r, err
}

// DecodeEvents decodes an event-channel response with the options o.
func (o Options) DecodeEvents(data []byte, f Format) (Events, error) {
	var ev Events
	err := o.decode(data, f, nil, func(j *jsonDecoder) error { return j.events(&ev) },
		func(x *xmlDecoder) error { return x.events(&ev) })
	if err == nil && f == XML && o.Types != nil {
		typeEvents(&ev, o.Types)
	}
	return ev, err
}

// DecodeErrorBody decodes a UCWA error body with the options o.
func (o Options) DecodeErrorBody(data []byte, f Format) (*Error, error) {
	e := new(Error)
	err := o.decode(data, f, nil, func(j *jsonDecoder) error { return j.errorBody(e) },
		func(x *xmlDecoder) error { return x.errorBody(e) })
	if err != nil {
		return nil, err
	}
	return e, nil
}

// DetectFormat tells a body's format from its first byte other than white
// space (after any byte-order mark): '{' is JSON, '<' is XML.
func DetectFormat(data []byte) (Format, bool) {
	data = bytes.TrimLeft(StripBOM(data), " \t\r\n")
	if len(data) == 0 {
		return 0, false
	}
	switch data[0] {
	case '{':
		return JSON, true
	case '<':
		return XML, true
	}
	return 0, false
}

// decode reads data in format f with the reader of that format, j or x:
// with dec's decoders when dec is not nil, else with pooled ones.
func (o *Options) decode(data []byte, f Format, dec *Decoder, j func(*jsonDecoder) error,
	x func(*xmlDecoder) error) error {
	data = StripBOM(data)
	if max := o.maxSize(); len(data) > max {
		return &DecodeError{Format: f, Offset: int64(max), Err: ErrTooLarge,
			Msg: "body of " + strconv.Itoa(len(data)) + " bytes is over the limit of " + strconv.Itoa(max)}
	}
	switch f {
	case JSON:
		var d *jsonDecoder
		if dec != nil {
			d = dec.jsonDecoder()
		} else {
			d = jsonPool.Get().(*jsonDecoder)
		}
		d.buf, d.maxDepth = data, o.maxDepth()
		d.slabs.start(len(data))
		err := j(d)
		d.reset()
		if dec == nil {
			jsonPool.Put(d)
		}
		return err
	case XML:
		var d *xmlDecoder
		if dec != nil {
			d = dec.xmlDecoder()
		} else {
			d = xmlPool.Get().(*xmlDecoder)
		}
		d.buf, d.maxDepth = data, o.maxDepth()
		d.maxAttrs, d.maxNS = o.maxAttributes(), o.maxNamespaces()
		d.slabs.start(len(data))
		err := x(d)
		d.reset()
		if dec == nil {
			xmlPool.Put(d)
		}
		return err
	}
	return &DecodeError{Format: f, Err: ErrMediaType, Msg: "unknown format"}
}

// Decoders are pooled for their stacks, which every decode needs and no
// decoded value keeps.
var (
	jsonPool = sync.Pool{New: func() any { return new(jsonDecoder) }}
	xmlPool  = sync.Pool{New: func() any { return new(xmlDecoder) }}
)
