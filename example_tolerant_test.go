package ucwa_test

import (
	"fmt"

	"github.com/ucwa-go/ucwa"
)

// A real server's event-channel response: the pool adds "baseuri" beside
// "_links" and "sender", and a reason has a null message. Both are read,
// kept where they were and written back, in either format.
func ExampleEvents_Extra() {
	body := []byte(`{"_links":{"self":{"href":"/e?ack=7"},"next":{"href":"/e?ack=8"}},"sender":[{"rel":"conversation",` +
		`"href":"/c/7","events":[{"link":{"rel":"prompt","href":"/c/7/prompts/1"},"status":"Failure",` +
		`"reason":{"code":"Informational","subcode":"PromptsStopped","message":null},"type":"completed"}]}],` +
		`"baseuri":"https://pool.example.com/platformservice/v1/applications"}`)
	ev, err := ucwa.DecodeEvents(body, ucwa.JSON)
	if err != nil {
		panic(err)
	}
	next, _ := ev.Link("next")
	fmt.Println("next:", next.Href)
	fmt.Println("envelope:", ev.Extra[0].Name, ev.Extra[0].Value.Text())
	reason := ev.Senders[0].Events[0].Reason
	fmt.Println("reason:", reason.Code, reason.Subcode, reason.Extra[0].Name, reason.Extra[0].Value.Kind())

	out, _ := ev.Marshal(ucwa.JSON)
	fmt.Println(string(out) == string(body))
	out, _ = ev.Marshal(ucwa.XML)
	fmt.Println(string(out))
	// Output:
	// next: /e?ack=8
	// envelope: baseuri https://pool.example.com/platformservice/v1/applications
	// reason: Informational PromptsStopped message null
	// true
	// <?xml version="1.0" encoding="utf-8"?><events href="/e?ack=7" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><link rel="next" href="/e?ack=8"/><sender rel="conversation" href="/c/7"><completed rel="prompt" href="/c/7/prompts/1"><status>Failure</status><reason><code>Informational</code><subcode>PromptsStopped</subcode><message/></reason></completed></sender><baseuri>https://pool.example.com/platformservice/v1/applications</baseuri></events>
}

// A revised resource's self link has a revision: in XML, an attribute of
// <resource>.
func ExampleResource_AppendXML_selfLinkMembers() {
	r, err := ucwa.DecodeResource([]byte(`{"rel":"search","_links":{"self":{"href":"/search","revision":"2"}}}`), ucwa.JSON)
	if err != nil {
		panic(err)
	}
	out, _ := r.AppendXML(nil)
	fmt.Println(string(out))
	back, _ := ucwa.DecodeResource(out, ucwa.XML)
	self, _ := back.Link("self")
	fmt.Println(self.Href, self.Attrs[0].Name, self.Attrs[0].Value.Text())
	// Output:
	// <?xml version="1.0" encoding="utf-8"?><resource rel="search" href="/search" revision="2" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="rel">search</property></resource>
	// /search revision 2
}
