package ucwa

import (
	"errors"
	"slices"
	"unicode/utf8"
)

// ErrInvalidInput is wrapped by the [*InputError] of a typed input that
// breaks a rule of the reference: a required parameter missing, a string
// too long, a number out of range, a value outside its enumeration, or
// (when the input is read from an [Input]) a parameter the operation does
// not take or a value not of its type.
var ErrInvalidInput = errors.New("invalid input")

// An InputError reports the parameter of a typed input, such as
// [ContinuePhoneAudio] or those of package api, that breaks a rule of the
// reference. It wraps [ErrInvalidInput].
type InputError struct {
	Op    string // the operation: "continuePhoneAudio"
	Param string // the parameter: "operationId"
	Msg   string // what is wrong: "longer than 50 characters"
}

func (e *InputError) Error() string { return "ucwa: " + e.Op + ": " + e.Param + ": " + e.Msg }

// Unwrap returns ErrInvalidInput.
func (e *InputError) Unwrap() error { return ErrInvalidInput }

// TextLength returns the length of s in the unit the reference's "maximum
// length is N characters" means: UTF-16 code units, as .NET, on which UCWA
// runs, counts a string's characters. A character outside the Basic
// Multilingual Plane (most emoji) counts two, any other character one, and
// a byte that is not valid UTF-8 one.
func TextLength(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n++
		if r > 0xFFFF {
			n++
		}
		i += size
	}
	return n
}

// maxOperationID is the most characters (see [TextLength]) the reference
// allows an operationId, the client's id of an operation.
const maxOperationID = 50

// ContinuePhoneAudio is the input of continuePhoneAudio, which continues the
// phone audio modality of a past conversationLog. It encodes straight to
// bytes, without building an [Input], and allocates nothing when dst has room.
//
// Both parameters are optional: an empty string is a parameter left unset,
// which is not written. The encoders check the rules first (see Validate)
// and refuse an input that breaks one; to send such an input all the same,
// encode its Input.
type ContinuePhoneAudio struct {
	// OperationID is operationId, the client's id for the operation: at
	// most 50 characters.
	OperationID string
	// PhoneNumber is phoneNumber, the number to ring, such as
	// "tel:+14255551234"; unset, the number the application was created
	// with.
	PhoneNumber string
}

// Validate checks c against the rules of the reference: operationId is at
// most 50 characters. The error is an [*InputError].
func (c *ContinuePhoneAudio) Validate() error {
	if s := c.OperationID; len(s) > maxOperationID && TextLength(s) > maxOperationID {
		return &InputError{Op: "continuePhoneAudio", Param: "operationId", Msg: "longer than 50 characters"}
	}
	return nil
}

// FromInput sets c from in, a continuePhoneAudio body read with
// [DecodeInput]. A property other than the two, a value that is not a
// string and a link are an [*InputError]; c is changed only on success. It
// does not check the rules: call Validate.
func (c *ContinuePhoneAudio) FromInput(in *Input) error {
	var v ContinuePhoneAudio
	for _, p := range in.Properties {
		s, ok := p.Value.Str()
		switch {
		case p.Name != "operationId" && p.Name != "phoneNumber":
			return &InputError{Op: "continuePhoneAudio", Param: p.Name, Msg: "not a parameter of the operation"}
		case !ok:
			return &InputError{Op: "continuePhoneAudio", Param: p.Name, Msg: "not a String: a " + p.Value.Kind().String()}
		case p.Name == "operationId":
			v.OperationID = s
		default:
			v.PhoneNumber = s
		}
	}
	if len(in.Links) > 0 {
		return &InputError{Op: "continuePhoneAudio", Param: in.Links[0].Rel, Msg: "not a parameter of the operation"}
	}
	*c = v
	return nil
}

// PropertyKind makes c the [Typer] of its own parameters, both strings, for
// reading an XML body, in which text such as "True" would otherwise be read
// as a boolean: Options{Types: &ContinuePhoneAudio{}}.DecodeInput(body, XML).
func (*ContinuePhoneAudio) PropertyKind(rel, name string) (Kind, bool) {
	return KindString, rel == "" && (name == "operationId" || name == "phoneNumber")
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

// AppendJSON appends {"operationId":…,"phoneNumber":…} to dst, leaving out
// a parameter that is unset. It refuses an input Validate refuses.
func (c *ContinuePhoneAudio) AppendJSON(dst []byte) ([]byte, error) {
	op, ph := c.OperationID, c.PhoneNumber
	if len(op) > maxOperationID {
		if err := c.Validate(); err != nil {
			return dst, err
		}
	}
	if op == "" || ph == "" {
		return c.appendJSONSome(dst)
	}
	// The common case, nothing to escape, in one pass: appendJSONQuoted
	// appends the values and tells whether they need escapes.
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

// appendJSONSome is AppendJSON when a parameter is unset.
func (c *ContinuePhoneAudio) appendJSONSome(dst []byte) ([]byte, error) {
	n := len(dst)
	dst = append(dst, '{')
	var ok bool
	switch {
	case c.OperationID != "":
		dst = append(dst, cpaJSONOperationID[1:]...)
		if dst, ok = appendJSONString(dst, c.OperationID); !ok {
			return dst[:n], jsonStringError("/operationId", c.OperationID)
		}
	case c.PhoneNumber != "":
		dst = append(dst, cpaJSONPhoneNumber[1:]...)
		if dst, ok = appendJSONString(dst, c.PhoneNumber); !ok {
			return dst[:n], jsonStringError("/phoneNumber", c.PhoneNumber)
		}
	}
	return append(dst, '}'), nil
}

// cpaXMLHead is the start of the XML form as an array: appended as a
// string, its 130 bytes would cost a call to memmove; copied as an array,
// the compiler writes them inline.
var cpaXMLHead = [len(cpaXMLOperationID)]byte([]byte(cpaXMLOperationID))

// AppendXML appends the <input> element with the parameters that are set
// to dst. It refuses an input Validate refuses.
func (c *ContinuePhoneAudio) AppendXML(dst []byte) ([]byte, error) {
	// As AppendJSON, with appendXMLPlain. The start, too long to append in
	// pieces, is copied as an array into dst grown once; the other constant
	// parts are appended in pieces.
	op, ph := c.OperationID, c.PhoneNumber
	if len(op) > maxOperationID {
		if err := c.Validate(); err != nil {
			return dst, err
		}
	}
	if op == "" || ph == "" {
		return c.appendXMLSome(dst)
	}
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

// appendXMLSome is AppendXML when a parameter is unset.
func (c *ContinuePhoneAudio) appendXMLSome(dst []byte) ([]byte, error) {
	const start = xmlDecl + `<input` + xmlnsAttr + `>`
	n := len(dst)
	dst = append(dst, start...)
	var ok bool
	switch {
	case c.OperationID != "":
		dst = append(dst, cpaXMLOperationID[len(start):]...)
		if dst, ok = appendXMLEscaped(dst, c.OperationID, false); !ok {
			return dst[:n], xmlValueError("/operationId", c.OperationID)
		}
		dst = append(dst, cpaXMLEnd1...)
	case c.PhoneNumber != "":
		dst = append(dst, cpaXMLPhoneNumber[len(cpaXMLEnd1):]...)
		if dst, ok = appendXMLEscaped(dst, c.PhoneNumber, false); !ok {
			return dst[:n], xmlValueError("/phoneNumber", c.PhoneNumber)
		}
		dst = append(dst, cpaXMLEnd1...)
	}
	return append(dst, cpaXMLEnd2...), nil
}

// Append appends the body in format f to dst.
func (c *ContinuePhoneAudio) Append(dst []byte, f Format) ([]byte, error) {
	return appendFormat(dst, f, c)
}

// Marshal returns the body in format f.
func (c *ContinuePhoneAudio) Marshal(f Format) ([]byte, error) { return appendFormat(nil, f, c) }

// Input returns c as a generic [Input], which encodes to the same bytes
// (without the checks of Validate).
func (c *ContinuePhoneAudio) Input() Input {
	var in Input
	if c.OperationID != "" {
		in.Properties = append(in.Properties, Property{Name: "operationId", Value: String(c.OperationID)})
	}
	if c.PhoneNumber != "" {
		in.Properties = append(in.Properties, Property{Name: "phoneNumber", Value: String(c.PhoneNumber)})
	}
	return in
}
