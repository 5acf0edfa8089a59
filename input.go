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
	op, ph := c.OperationID, c.PhoneNumber
	if jsonPlainPrefix(op) == len(op) && jsonPlainPrefix(ph) == len(ph) {
		// The common case: nothing to escape, so grow once and copy.
		dst = slices.Grow(dst, len(cpaJSONOperationID)+len(cpaJSONPhoneNumber)+len(op)+len(ph)+5)
		dst = append(dst, cpaJSONOperationID+`"`...)
		dst = append(dst, op...)
		dst = append(dst, `"`+cpaJSONPhoneNumber+`"`...)
		dst = append(dst, ph...)
		return append(dst, `"}`...), nil
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
		dst = slices.Grow(dst, len(cpaXMLOperationID)+len(cpaXMLPhoneNumber)+len(cpaXMLEnd)+len(op)+len(ph))
		dst = append(dst, cpaXMLOperationID...)
		dst = append(dst, op...)
		dst = append(dst, cpaXMLPhoneNumber...)
		dst = append(dst, ph...)
		return append(dst, cpaXMLEnd...), nil
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
