package ucwa

// A Decoder decodes bodies one after another in the same memory: the buffers
// a decoded value is made of (see the package's decoding notes), its
// stacks, and the *Error DecodeErrorBody returns are kept from one decode to
// the next and written over. Once it has read a body, a Decoder reads bodies
// of a similar size without allocating, where DecodeResource and the other
// functions allocate each value anew.
//
// The values a Decoder returns, and every string, slice and pointer in them,
// are valid until its next decode, of any kind and either format: that
// decode writes over them. To keep a value longer, copy it out with its
// Clone method (Resource.Clone, Events.Clone, Input.Clone, Error.Clone,
// Value.Clone, Link.Clone), which shares no memory with the Decoder. As with
// the one-shot functions, no decoded string aliases the input, which may be
// reused as soon as a decode returns.
//
// A Decoder keeps what its last body needed, and gives back memory when
// bodies shrink: after a body that needed more than 8 MiB of buffers, or
// buffers far larger than a body needed, the next decode starts with fresh
// buffers, so that one huge body does not pin its memory. Its results are
// those of the one-shot functions with the same Options, errors included.
//
// The zero Decoder is ready to use, with the default Options. A Decoder must
// not be copied after its first decode, nor used by two goroutines at once:
// give each goroutine its own.
type Decoder struct {
	// Options tune the decoding, as for the one-shot functions. They may be
	// changed between decodes.
	Options Options

	json *jsonDecoder
	xml  *xmlDecoder

	_ noCopy
}

// noCopy makes go vet's copylocks check report a Decoder copied by value:
// the copy would share the decoders, and the values of one would be written
// over by the other's decodes.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// DecodeInput decodes a POST body, as [Options.DecodeInput] does. The value
// is valid until d's next decode.
func (d *Decoder) DecodeInput(data []byte, f Format) (Input, error) {
	var in Input
	err := d.Options.decode(data, f, d, func(j *jsonDecoder) error { return j.input(&in) },
		func(x *xmlDecoder) error { return x.input(&in) })
	if err == nil && f == XML && d.Options.Types != nil {
		typeInput(&in, d.Options.Types)
	}
	return in, err
}

// DecodeResource decodes a resource, as [Options.DecodeResource] does. The
// value is valid until d's next decode.
func (d *Decoder) DecodeResource(data []byte, f Format) (Resource, error) {
	var r Resource
	err := d.Options.decode(data, f, d, func(j *jsonDecoder) error { return j.topResource(&r) },
		func(x *xmlDecoder) error { return x.topResource(&r) })
	if err == nil && f == XML && d.Options.Types != nil {
		typeResource(&r, d.Options.Types)
	}
	return r, err
}

// DecodeEvents decodes an event-channel response, as [Options.DecodeEvents]
// does, with what it read before an error. The value is valid until d's next
// decode: take a copy of the next link (Link.Clone) before decoding the
// response to it with d.
func (d *Decoder) DecodeEvents(data []byte, f Format) (Events, error) {
	var ev Events
	err := d.Options.decode(data, f, d, func(j *jsonDecoder) error { return j.events(&ev) },
		func(x *xmlDecoder) error { return x.events(&ev) })
	if err == nil && f == XML && d.Options.Types != nil {
		typeEvents(&ev, d.Options.Types)
	}
	return ev, err
}

// DecodeErrorBody decodes a UCWA error body, as [Options.DecodeErrorBody]
// does. The *Error, which is d's own, is valid until d's next decode: return
// e.Clone() where it must outlive it, as an error usually must.
func (d *Decoder) DecodeErrorBody(data []byte, f Format) (*Error, error) {
	var e *Error
	err := d.Options.decode(data, f, d, func(j *jsonDecoder) error { e = j.newError(); return j.errorBody(e) },
		func(x *xmlDecoder) error { e = x.newError(); return x.errorBody(e) })
	if err != nil {
		return nil, err
	}
	return e, nil
}

// jsonDecoder returns d's JSON decoder, made on first use.
func (d *Decoder) jsonDecoder() *jsonDecoder {
	if d.json == nil {
		d.json = new(jsonDecoder)
		d.json.slabs.reuse, d.json.slabs.zeroLinks = true, true
	}
	return d.json
}

// xmlDecoder returns d's XML decoder, made on first use.
func (d *Decoder) xmlDecoder() *xmlDecoder {
	if d.xml == nil {
		d.xml = new(xmlDecoder)
		d.xml.slabs.reuse = true
	}
	return d.xml
}
