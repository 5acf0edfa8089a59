package ucwa

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
