package ucwa

import "slices"

// ContinuePhoneAudio is the input of continuePhoneAudio, which continues the
// phone audio modality of a past conversationLog. It encodes straight to
// bytes, without building an [Input], and allocates nothing when dst has room.
type ContinuePhoneAudio struct {
	OperationID string // operationId: the client's id for the operation
	PhoneNumber string // phoneNumber: a tel: URI, such as "tel:+14255551234"
}

const (
	cpaJSONOperationID = `{"operationId":`
	cpaJSONPhoneNumber = `,"phoneNumber":`
	cpaXMLOperationID  = xmlDecl + `<input` + xmlnsAttr + `><property name="operationId">`
	cpaXMLPhoneNumber  = `</property><property name="phoneNumber">`
	cpaXMLEnd          = `</property></input>`
)

// AppendJSON appends {"operationId":…,"phoneNumber":…} to dst.
func (c *ContinuePhoneAudio) AppendJSON(dst []byte) ([]byte, error) {
	// The common case, nothing to escape, in one pass: appendJSONQuoted
	// appends the values and tells whether they need escapes.
	op, ph := c.OperationID, c.PhoneNumber
	n := len(dst)
	dst, _, _, plainOp := appendJSONQuoted(append(dst, cpaJSONOperationID...), op)
	dst, _, _, plainPh := appendJSONQuoted(append(dst, cpaJSONPhoneNumber...), ph)
	if plainOp && plainPh {
		return append(dst, '}'), nil
	}
	dst = append(dst[:n], cpaJSONOperationID...)
	dst, ok := appendJSONString(dst, op)
	if !ok {
		return dst[:n], jsonStringError("/operationId", op)
	}
	dst = append(dst, cpaJSONPhoneNumber...)
	if dst, ok = appendJSONString(dst, ph); !ok {
		return dst[:n], jsonStringError("/phoneNumber", ph)
	}
	return append(dst, '}'), nil
}

// The constant parts of the XML form as arrays: appended as strings, the
// longer ones would cost a call to memmove each; copied as arrays, the
// compiler writes them inline.
var (
	cpaXMLHead = [len(cpaXMLOperationID)]byte([]byte(cpaXMLOperationID))
	cpaXMLMid  = [len(cpaXMLPhoneNumber)]byte([]byte(cpaXMLPhoneNumber))
	cpaXMLTail = [len(cpaXMLEnd)]byte([]byte(cpaXMLEnd))
)

// AppendXML appends the <input> element with the two properties to dst.
func (c *ContinuePhoneAudio) AppendXML(dst []byte) ([]byte, error) {
	// As AppendJSON: dst grown once, the constant parts copied as arrays,
	// the values with xmlCopy, which tells whether they need escapes.
	op, ph := c.OperationID, c.PhoneNumber
	n := len(dst)
	i := n
	d := slices.Grow(dst, len(cpaXMLHead)+len(op)+len(cpaXMLMid)+len(ph)+len(cpaXMLTail))
	d = d[:n+len(cpaXMLHead)+len(op)+len(cpaXMLMid)+len(ph)+len(cpaXMLTail)]
	*(*[len(cpaXMLHead)]byte)(d[i:]) = cpaXMLHead
	i += len(cpaXMLHead)
	plain := xmlCopy(d[i:i+len(op)], op)
	i += len(op)
	*(*[len(cpaXMLMid)]byte)(d[i:]) = cpaXMLMid
	i += len(cpaXMLMid)
	plain = xmlCopy(d[i:i+len(ph)], ph) && plain
	i += len(ph)
	*(*[len(cpaXMLTail)]byte)(d[i:]) = cpaXMLTail
	if plain {
		return d, nil
	}
	dst = append(d[:n], cpaXMLOperationID...)
	dst, ok := appendXMLEscaped(dst, op, false)
	if !ok {
		return dst[:n], xmlValueError("/operationId", op)
	}
	dst = append(dst, cpaXMLPhoneNumber...)
	if dst, ok = appendXMLEscaped(dst, ph, false); !ok {
		return dst[:n], xmlValueError("/phoneNumber", ph)
	}
	return append(dst, cpaXMLEnd...), nil
}

// Append appends the body in format f to dst.
func (c *ContinuePhoneAudio) Append(dst []byte, f Format) ([]byte, error) {
	return appendFormat(dst, f, c)
}

// Input returns c as a generic [Input], which encodes to the same bytes.
func (c *ContinuePhoneAudio) Input() Input {
	return Input{Properties: []Property{
		{Name: "operationId", Value: String(c.OperationID)},
		{Name: "phoneNumber", Value: String(c.PhoneNumber)},
	}}
}
