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
	cpaXMLPhoneNumber  = cpaXMLPhone1 + cpaXMLPhone2 + cpaXMLPhone3
	cpaXMLEnd          = cpaXMLEnd1 + cpaXMLEnd2

	// The parts above in pieces of at most 16 bytes, which the compiler
	// appends inline (longer constants cost a call to memmove).
	cpaXMLPhone1 = `</property><prop`
	cpaXMLPhone2 = `erty name="phone`
	cpaXMLPhone3 = `Number">`
	cpaXMLEnd1   = `</property>`
	cpaXMLEnd2   = `</input>`
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

// cpaXMLHead is the start of the XML form as an array: appended as a
// string, its 130 bytes would cost a call to memmove; copied as an array,
// the compiler writes them inline.
var cpaXMLHead = [len(cpaXMLOperationID)]byte([]byte(cpaXMLOperationID))

// AppendXML appends the <input> element with the two properties to dst.
func (c *ContinuePhoneAudio) AppendXML(dst []byte) ([]byte, error) {
	// As AppendJSON, with appendXMLPlain. The start, too long to append in
	// pieces, is copied as an array into dst grown once; the other constant
	// parts are appended in pieces.
	op, ph := c.OperationID, c.PhoneNumber
	n := len(dst)
	dst = slices.Grow(dst, len(cpaXMLHead)+len(op)+len(cpaXMLPhoneNumber)+len(ph)+len(cpaXMLEnd))
	dst = dst[:n+len(cpaXMLHead)]
	*(*[len(cpaXMLHead)]byte)(dst[n:]) = cpaXMLHead
	dst, plainOp := appendXMLPlain(dst, op)
	dst = append(dst, cpaXMLPhone1...)
	dst = append(dst, cpaXMLPhone2...)
	dst, plainPh := appendXMLPlain(append(dst, cpaXMLPhone3...), ph)
	if plainOp && plainPh {
		dst = append(dst, cpaXMLEnd1...)
		return append(dst, cpaXMLEnd2...), nil
	}
	dst = append(dst[:n], cpaXMLOperationID...)
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
