package bench

import (
	"bytes"
	stdjson "encoding/json"
	"encoding/xml"
	"fmt"

	"github.com/beevik/etree"
	gojson "github.com/goccy/go-json"

	"github.com/ucwa-go/ucwa"
)

// The continuePhoneAudio input every encoder writes, and the bytes it must
// write.
var (
	cpa = ucwa.ContinuePhoneAudio{
		OperationID: "74cb7404e0a247d5a2d4eb0376a47dbf",
		PhoneNumber: "tel:+14255551234",
	}
	cpaJSON = []byte(`{"operationId":"74cb7404e0a247d5a2d4eb0376a47dbf","phoneNumber":"tel:+14255551234"}`)
	cpaXML  = []byte(`<?xml version="1.0" encoding="utf-8"?>` +
		`<input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
		`<property name="operationId">74cb7404e0a247d5a2d4eb0376a47dbf</property>` +
		`<property name="phoneNumber">tel:+14255551234</property></input>`)
)

// cpaStruct is how a user of a reflection-based JSON codec writes the input.
type cpaStruct struct {
	OperationID string `json:"operationId"`
	PhoneNumber string `json:"phoneNumber"`
}

// encoderCase builds an impl whose ops encode n times, each op setting *out
// to what it wrote; one op's output is checked against want.
func encoderCase(name string, want []byte, setup func(out *[]byte) func(n int) error) impl {
	return impl{name, func() (prepared, error) {
		var out []byte
		ops := setup(&out)
		if err := ops(1); err != nil {
			return prepared{}, err
		}
		if !bytes.Equal(out, want) {
			return prepared{}, fmt.Errorf("%s wrote\n%s\nwant\n%s", name, out, want)
		}
		return prepared{ops: ops, size: len(out)}, nil
	}}
}

// jsonEncoder is the interface both JSON libraries' Encoder has.
type jsonEncoder interface{ Encode(any) error }

// encodeTrimmed encodes v with enc into buf, reset first, and sets *out to the
// bytes without the newline Encode adds.
func encodeTrimmed(enc jsonEncoder, buf *bytes.Buffer, v any, out *[]byte) error {
	buf.Reset()
	if err := enc.Encode(v); err != nil {
		return err
	}
	b := buf.Bytes()
	*out = b[:len(b)-1]
	return nil
}

// encodeInputJSONImpls: ucwa appends to a reused buffer. The peers encode a
// struct with json tags through an Encoder on a reused bytes.Buffer, with
// HTML escaping off (the input has none to escape) and the trailing newline
// trimmed: of Marshal, MarshalNoEscape and Encoder, the Encoder is the
// fastest use of both libraries (no allocation; Marshal allocates the result).
func encodeInputJSONImpls() []impl {
	return []impl{
		encoderCase("ucwa", cpaJSON, func(out *[]byte) func(n int) error {
			c := cpa
			dst := make([]byte, 0, 256)
			return func(n int) (err error) {
				for range n {
					if dst, err = c.AppendJSON(dst[:0]); err != nil {
						break
					}
				}
				*out = dst
				return err
			}
		}),
		encoderCase("goccy", cpaJSON, func(out *[]byte) func(n int) error {
			v := cpaStruct{cpa.OperationID, cpa.PhoneNumber}
			var buf bytes.Buffer
			enc := gojson.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			return func(n int) error {
				for range n {
					if err := encodeTrimmed(enc, &buf, &v, out); err != nil {
						return err
					}
				}
				return nil
			}
		}),
		encoderCase("encoding-json", cpaJSON, func(out *[]byte) func(n int) error {
			v := cpaStruct{cpa.OperationID, cpa.PhoneNumber}
			var buf bytes.Buffer
			enc := stdjson.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			return func(n int) error {
				for range n {
					if err := encodeTrimmed(enc, &buf, &v, out); err != nil {
						return err
					}
				}
				return nil
			}
		}),
	}
}

// xmlDeclToken is the declaration UCWA writes, which neither encoding/xml's Header
// ("UTF-8", and a newline) nor etree's default matches.
var xmlDeclToken = xml.ProcInst{Target: "xml", Inst: []byte(`version="1.0" encoding="utf-8"`)}

// Element names and attributes the encoding/xml token writers use, built once.
var (
	xnInput        = xml.Name{Local: "input"}
	xnResource     = xml.Name{Local: "resource"}
	xnLink         = xml.Name{Local: "link"}
	xnProperty     = xml.Name{Local: "property"}
	xnPropertyList = xml.Name{Local: "propertyList"}
	xnItem         = xml.Name{Local: "item"}
	xnXmlns        = xml.Name{Local: "xmlns"}
	xnName         = xml.Name{Local: "name"}
	xnRel          = xml.Name{Local: "rel"}
	xnHref         = xml.Name{Local: "href"}
	xnTitle        = xml.Name{Local: "title"}
)

// encodeInputXMLImpls: ucwa appends to a reused buffer. encoding/xml writes
// tokens through an Encoder on a reused bytes.Buffer, with the tokens that do
// not depend on the values built once: that is faster than Encoder.Encode of a tagged struct
// (which also cannot write UCWA's declaration) and much faster than Marshal.
// etree builds the document once; each op sets the two values and writes the
// document to a reused buffer with Document.WriteTo.
func encodeInputXMLImpls() []impl {
	return []impl{
		encoderCase("ucwa", cpaXML, func(out *[]byte) func(n int) error {
			c := cpa
			dst := make([]byte, 0, 512)
			return func(n int) (err error) {
				for range n {
					if dst, err = c.AppendXML(dst[:0]); err != nil {
						break
					}
				}
				*out = dst
				return err
			}
		}),
		encoderCase("encoding-xml", cpaXML, func(out *[]byte) func(n int) error {
			var buf bytes.Buffer
			enc := xml.NewEncoder(&buf)
			// The tokens that do not depend on the values, boxed once.
			start := xml.StartElement{Name: xnInput, Attr: []xml.Attr{{Name: xnXmlns, Value: ucwa.Namespace}}}
			opStart := xml.StartElement{Name: xnProperty, Attr: []xml.Attr{{Name: xnName, Value: "operationId"}}}
			pnStart := xml.StartElement{Name: xnProperty, Attr: []xml.Attr{{Name: xnName, Value: "phoneNumber"}}}
			var decl, in, inEnd, op, pn, propEnd xml.Token = xmlDeclToken, start, start.End(), opStart, pnStart, opStart.End()
			return func(n int) error {
				for range n {
					buf.Reset()
					for _, t := range [...]xml.Token{decl, in, op, xml.CharData(cpa.OperationID), propEnd,
						pn, xml.CharData(cpa.PhoneNumber), propEnd, inEnd} {
						if err := enc.EncodeToken(t); err != nil {
							return err
						}
					}
					if err := enc.Flush(); err != nil {
						return err
					}
					*out = buf.Bytes()
				}
				return nil
			}
		}),
		encoderCase("etree", cpaXML, func(out *[]byte) func(n int) error {
			doc := etree.NewDocument()
			doc.CreateProcInst("xml", `version="1.0" encoding="utf-8"`)
			in := doc.CreateElement("input")
			in.CreateAttr("xmlns", ucwa.Namespace)
			op := in.CreateElement("property")
			op.CreateAttr("name", "operationId")
			pn := in.CreateElement("property")
			pn.CreateAttr("name", "phoneNumber")
			var buf bytes.Buffer
			return func(n int) error {
				for range n {
					op.SetText(cpa.OperationID)
					pn.SetText(cpa.PhoneNumber)
					buf.Reset()
					if _, err := doc.WriteTo(&buf); err != nil {
						return err
					}
					*out = buf.Bytes()
				}
				return nil
			}
		}),
	}
}
