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

// The constant parts of the common case, as arrays.
var (
	cpaJSONHead = [len(cpaJSONOperationID) + 1]byte([]byte(cpaJSONOperationID + `"`))
	cpaJSONMid  = [len(cpaJSONPhoneNumber) + 2]byte([]byte(`"` + cpaJSONPhoneNumber + `"`))
	cpaJSONEnd  = [2]byte([]byte(`"}`))
	cpaXMLHead  = [len(cpaXMLOperationID)]byte([]byte(cpaXMLOperationID))
	cpaXMLMid   = [len(cpaXMLPhoneNumber)]byte([]byte(cpaXMLPhoneNumber))
	cpaXMLTail  = [len(cpaXMLEnd)]byte([]byte(cpaXMLEnd))
)

// AppendJSON appends {"operationId":…,"phoneNumber":…} to dst.
func (c *ContinuePhoneAudio) AppendJSON(dst []byte) ([]byte, error) {
	op, ph := c.OperationID, c.PhoneNumber
	if jsonPlainPrefix(op) == len(op) && jsonPlainPrefix(ph) == len(ph) {
		// The common case: nothing to escape, so grow once and copy, the
		// constant parts as arrays (a copy the compiler writes inline).
		n := len(dst)
		dst = slices.Grow(dst, len(cpaJSONHead)+len(op)+len(cpaJSONMid)+len(ph)+len(cpaJSONEnd))
		dst = dst[:n+len(cpaJSONHead)+len(op)+len(cpaJSONMid)+len(ph)+len(cpaJSONEnd)]
		*(*[len(cpaJSONHead)]byte)(dst[n:]) = cpaJSONHead
		n += len(cpaJSONHead)
		n += copy(dst[n:], op)
		*(*[len(cpaJSONMid)]byte)(dst[n:]) = cpaJSONMid
		n += len(cpaJSONMid)
		n += copy(dst[n:], ph)
		*(*[len(cpaJSONEnd)]byte)(dst[n:]) = cpaJSONEnd
		return dst, nil
	}
	n := len(dst)
	dst = append(dst, cpaJSONOperationID...)
	dst, ok := appendJSONString(dst, c.OperationID)
	if !ok {
		return dst[:n], jsonStringError("/operationId", c.OperationID)
	}
	dst = append(dst, cpaJSONPhoneNumber...)
	if dst, ok = appendJSONString(dst, c.PhoneNumber); !ok {
		return dst[:n], jsonStringError("/phoneNumber", c.PhoneNumber)
	}
	return append(dst, '}'), nil
}

// AppendXML appends the <input> element with the two properties to dst.
func (c *ContinuePhoneAudio) AppendXML(dst []byte) ([]byte, error) {
	op, ph := c.OperationID, c.PhoneNumber
	if xmlPlainPrefix(op) == len(op) && xmlPlainPrefix(ph) == len(ph) {
		n := len(dst)
		dst = slices.Grow(dst, len(cpaXMLHead)+len(op)+len(cpaXMLMid)+len(ph)+len(cpaXMLTail))
		dst = dst[:n+len(cpaXMLHead)+len(op)+len(cpaXMLMid)+len(ph)+len(cpaXMLTail)]
		*(*[len(cpaXMLHead)]byte)(dst[n:]) = cpaXMLHead
		n += len(cpaXMLHead)
		n += copy(dst[n:], op)
		*(*[len(cpaXMLMid)]byte)(dst[n:]) = cpaXMLMid
		n += len(cpaXMLMid)
		n += copy(dst[n:], ph)
		*(*[len(cpaXMLTail)]byte)(dst[n:]) = cpaXMLTail
		return dst, nil
	}
	n := len(dst)
	dst = append(dst, cpaXMLOperationID...)
	dst, ok := appendXMLEscaped(dst, c.OperationID, false)
	if !ok {
		return dst[:n], xmlValueError("/operationId", c.OperationID)
	}
	dst = append(dst, cpaXMLPhoneNumber...)
	if dst, ok = appendXMLEscaped(dst, c.PhoneNumber, false); !ok {
		return dst[:n], xmlValueError("/phoneNumber", c.PhoneNumber)
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
