package bench

import (
	"bytes"
	stdjson "encoding/json"
	"testing"

	gojson "github.com/goccy/go-json"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/api"
)

// The startMessaging input every encoder writes, with its message as a
// data URI link, and the bytes it must write.
var (
	smMessage = ucwa.DataURI{MediaType: "text/plain", Charset: "utf-8", Base64: true,
		Data: []byte("Hi John, are we still on for the review of the quarterly numbers at three? I have the slides.")}
	sm = api.StartMessaging{
		OperationID: "74cb7404e0a247d5a2d4eb0376a47dbf",
		To:          "sip:john@contoso.com",
		Importance:  api.ImportanceUrgent,
		Subject:     "Quarterly sales numbers",
		ThreadID:    "292e0aaef36c426a97757f43dda19d06",
		Message:     smMessage.String(),
	}
	smJSON = []byte(`{"operationId":"74cb7404e0a247d5a2d4eb0376a47dbf","to":"sip:john@contoso.com",` +
		`"importance":"Urgent","subject":"Quarterly sales numbers","threadId":"292e0aaef36c426a97757f43dda19d06",` +
		`"_links":{"message":{"href":"` + smMessage.String() + `"}}}`)
)

// smStruct is how a user of a reflection-based JSON codec writes the
// input: the optional parameters omitted when empty, the link a pointer.
type smStruct struct {
	OperationID string  `json:"operationId,omitempty"`
	To          string  `json:"to"`
	Importance  string  `json:"importance,omitempty"`
	Subject     string  `json:"subject,omitempty"`
	ThreadID    string  `json:"threadId,omitempty"`
	Links       smLinks `json:"_links"`
}

type smLinks struct {
	Message *smHref `json:"message,omitempty"`
}

type smHref struct {
	Href string `json:"href"`
}

func smValue() smStruct {
	return smStruct{sm.OperationID, sm.To, string(sm.Importance), sm.Subject, sm.ThreadID, smLinks{&smHref{sm.Message}}}
}

func init() {
	workloads = append(workloads, struct {
		name  string
		impls func() []impl
	}{"EncodeTypedInputJSON", encodeTypedInputJSONImpls})
}

// encodeTypedInputJSONImpls: api's typed input appends to a reused buffer
// (validating it first, as it always does); ucwa-input is the generic
// Input of the same parameters, built once; the peers encode a tagged
// struct as in EncodeInputJSON.
func encodeTypedInputJSONImpls() []impl {
	peer := func(name string, newEnc func(*bytes.Buffer) jsonEncoder) impl {
		return encoderCase(name, smJSON, func(out *[]byte) func(n int) error {
			v := smValue()
			var buf bytes.Buffer
			enc := newEnc(&buf)
			return func(n int) error {
				for range n {
					if err := encodeTrimmed(enc, &buf, &v, out); err != nil {
						return err
					}
				}
				return nil
			}
		})
	}
	return []impl{
		encoderCase("ucwa", smJSON, func(out *[]byte) func(n int) error {
			x := sm
			dst := make([]byte, 0, 1024)
			return func(n int) (err error) {
				for range n {
					if dst, err = x.AppendJSON(dst[:0]); err != nil {
						break
					}
				}
				*out = dst
				return err
			}
		}),
		encoderCase("ucwa-input", smJSON, func(out *[]byte) func(n int) error {
			in := sm.Input()
			dst := make([]byte, 0, 1024)
			return func(n int) (err error) {
				for range n {
					if dst, err = in.AppendJSON(dst[:0]); err != nil {
						break
					}
				}
				*out = dst
				return err
			}
		}),
		peer("goccy", func(buf *bytes.Buffer) jsonEncoder {
			enc := gojson.NewEncoder(buf)
			enc.SetEscapeHTML(false)
			return enc
		}),
		peer("encoding-json", func(buf *bytes.Buffer) jsonEncoder {
			enc := stdjson.NewEncoder(buf)
			enc.SetEscapeHTML(false)
			return enc
		}),
	}
}

// BenchmarkEncodeTypedInputJSON writes the startMessaging input, with a
// data-URI message, as JSON.
func BenchmarkEncodeTypedInputJSON(b *testing.B) { run(b, encodeTypedInputJSONImpls()) }
