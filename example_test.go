package ucwa_test

import (
	"errors"
	"fmt"

	"github.com/ucwa-go/ucwa"
)

func ExampleContinuePhoneAudio_AppendJSON() {
	in := ucwa.ContinuePhoneAudio{OperationID: "74cb7404e0a247d5a2d4eb0376a47dbf", PhoneNumber: "tel:+14255551234"}
	buf := make([]byte, 0, 256) // reuse it: AppendJSON allocates nothing when it has room
	buf, err := in.AppendJSON(buf)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(buf))
	// Output: {"operationId":"74cb7404e0a247d5a2d4eb0376a47dbf","phoneNumber":"tel:+14255551234"}
}

func ExampleContinuePhoneAudio_AppendXML() {
	in := ucwa.ContinuePhoneAudio{OperationID: "74cb7404e0a247d5a2d4eb0376a47dbf", PhoneNumber: "tel:+14255551234"}
	buf, err := in.AppendXML(nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(buf))
	// Output: <?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="operationId">74cb7404e0a247d5a2d4eb0376a47dbf</property><property name="phoneNumber">tel:+14255551234</property></input>
}

func ExampleInput_AppendXML() {
	// startMessaging sends its message as a link to a data URI.
	in := ucwa.Input{
		Properties: []ucwa.Property{
			ucwa.Prop("operationId", ucwa.String("74cb7404e0a247d5a2d4eb0376a47dbf")),
			ucwa.Prop("to", ucwa.String("sip:john@contoso.com")),
			ucwa.Prop("subject", ucwa.String(`</property><property name="admin">`)), // escaped, never markup
		},
		Links: []ucwa.Link{{Rel: "message", Href: "data:text/plain;charset=utf-8,Hello+World"}},
	}
	out, err := in.AppendXML(nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))
	// Output: <?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="operationId">74cb7404e0a247d5a2d4eb0376a47dbf</property><property name="to">sip:john@contoso.com</property><property name="subject">&lt;/property&gt;&lt;property name="admin"&gt;</property><link rel="message" href="data:text/plain;charset=utf-8,Hello+World"/></input>
}

func ExampleInput_AppendJSON_refused() {
	in := ucwa.Input{Properties: []ucwa.Property{ucwa.Prop("phoneNumber", ucwa.String("tel:+1\x00"))}}
	_, err := in.AppendJSON(nil)
	fmt.Println(err)
	fmt.Println(errors.Is(err, ucwa.ErrInvalidValue))
	// Output:
	// ucwa: json: cannot encode /phoneNumber: NUL character
	// true
}

func ExampleDecodeInput() {
	body := []byte(`<?xml version="1.0" encoding="utf-8"?>
<input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">
<property name="operationId">74cb7404e0a247d5a2d4eb0376a47dbf</property>
<property name="phoneNumber">tel:+14255551234</property>
</input>`)
	in, err := ucwa.DecodeInput(body, ucwa.XML)
	if err != nil {
		panic(err)
	}
	json, _ := in.AppendJSON(nil)
	fmt.Println(string(json))
	// Output: {"operationId":"74cb7404e0a247d5a2d4eb0376a47dbf","phoneNumber":"tel:+14255551234"}
}

func ExampleDecodeResource() {
	// GET a resource, change one property, PUT it back: the PUT marker and
	// every other property go back as they came.
	body := []byte(`{"rel":"note","message":"Out of office","type":"personal",` +
		`"7a2b9f":"please pass this in a PUT request",` +
		`"_links":{"self":{"href":"/ucwa/v1/applications/192/me/note"}}}`)
	r, err := ucwa.DecodeResource(body, ucwa.JSON)
	if err != nil {
		panic(err)
	}
	msg, _ := r.String("message")
	fmt.Println(r.Rel, r.Href(), msg)
	r.Set("message", ucwa.String("Back on Monday"))
	put, _ := r.AppendJSON(nil)
	fmt.Println(string(put))
	// Output:
	// note /ucwa/v1/applications/192/me/note Out of office
	// {"rel":"note","message":"Back on Monday","type":"personal","7a2b9f":"please pass this in a PUT request","_links":{"self":{"href":"/ucwa/v1/applications/192/me/note"}}}
}

func ExampleDecodeEvents() {
	body := []byte(`<?xml version="1.0" encoding="utf-8"?>
<events href="/ucwa/oauth/v1/applications/102/events?ack=1" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">
 <link rel="next" href="/ucwa/oauth/v1/applications/102/events?ack=2" />
 <sender rel="me" href="/ucwa/oauth/v1/applications/102/me">
  <updated rel="me" href="/ucwa/oauth/v1/applications/102/me" />
  <added rel="presence" href="/ucwa/oauth/v1/applications/102/me/presence" />
 </sender>
</events>`)
	ev, err := ucwa.DecodeEvents(body, ucwa.XML)
	if err != nil {
		panic(err)
	}
	next, _ := ev.Link("next")
	fmt.Println("next:", next.Href)
	for _, s := range ev.Senders {
		for _, e := range s.Events {
			fmt.Println(s.Rel, e.Type, e.Link.Rel, e.Link.Href)
		}
	}
	// Output:
	// next: /ucwa/oauth/v1/applications/102/events?ack=2
	// me updated me /ucwa/oauth/v1/applications/102/me
	// me added presence /ucwa/oauth/v1/applications/102/me/presence
}

func ExampleResponseError() {
	err := error(ucwa.ResponseError(409, "application/json",
		[]byte(`{"code":"Conflict","subcode":"AlreadyExists","message":"The requested resource already exists."}`)))
	fmt.Println(err)
	fmt.Println(errors.Is(err, ucwa.CodeConflict), errors.Is(err, ucwa.SubcodeAlreadyExists))

	// A proxy's page is still an error with the status, and says why.
	err = ucwa.ResponseError(502, "text/html", []byte("<html>Bad gateway</html>"))
	fmt.Println(errors.Is(err, ucwa.ErrNotUCWA))
	// Output:
	// ucwa: 409 Conflict/AlreadyExists: The requested resource already exists.
	// true true
	// true
}

func ExampleDecodeError() {
	_, err := ucwa.DecodeResource([]byte(`{"rel":"me","name":"A","name":"B"}`), ucwa.JSON)
	var de *ucwa.DecodeError
	if errors.As(err, &de) {
		fmt.Println(de.Offset, errors.Is(err, ucwa.ErrDuplicateName))
	}
	fmt.Println(err)
	// Output:
	// 23 true
	// ucwa: json: duplicate name "name" (offset 23)
}
