package ucwa_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"

	"github.com/ucwa-go/ucwa"
)

func ExampleFormat_MediaType() {
	fmt.Println(ucwa.JSON.MediaType())
	fmt.Println(ucwa.XML.Accept())
	// Output:
	// application/vnd.microsoft.com.ucwa+json
	// application/vnd.microsoft.com.ucwa+xml
}

func ExampleNewRequest() {
	note := &ucwa.Input{Properties: []ucwa.Property{ucwa.Prop("message", ucwa.String("Out of office"))}}
	req, err := ucwa.NewRequest(context.Background(), http.MethodPost,
		"https://fe1.contoso.com/ucwa/v1/applications/192/me/note", note, ucwa.JSON)
	if err != nil {
		panic(err)
	}
	body, _ := io.ReadAll(req.Body)
	fmt.Println(req.Method, req.URL)
	fmt.Println("Accept:", req.Header.Get("Accept"))
	fmt.Println("Content-Type:", req.Header.Get("Content-Type"))
	fmt.Println("Content-Length:", req.ContentLength)
	fmt.Println(string(body))
	// Output:
	// POST https://fe1.contoso.com/ucwa/v1/applications/192/me/note
	// Accept: application/vnd.microsoft.com.ucwa+json
	// Content-Type: application/vnd.microsoft.com.ucwa+json
	// Content-Length: 27
	// {"message":"Out of office"}
}

// A server that sends application/json for everything: the kind of body
// is told from the body.
func ExampleReadResponse() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/ucwa/v1/applications/192/me/note" {
			fmt.Fprint(w, `{"rel":"note","message":"Out of office",`+
				`"_links":{"self":{"href":"/ucwa/v1/applications/192/me/note"}}}`)
			return
		}
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"code":"NotFound","subcode":"ResourceNotFound","message":"The resource does not exist."}`)
	}))
	defer srv.Close()

	for _, path := range []string{"/ucwa/v1/applications/192/me/note", "/ucwa/v1/applications/192/me/phones"} {
		req, _ := ucwa.NewRequest(context.Background(), http.MethodGet, srv.URL+path, nil, ucwa.JSON)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			panic(err)
		}
		r, err := ucwa.ReadResponse(resp)
		switch {
		case errors.Is(err, ucwa.CodeNotFound):
			fmt.Println(r.Status, err)
		case err != nil:
			fmt.Println(err)
		default:
			msg, _ := r.Resource.String("message")
			fmt.Println(r.Status, r.Kind, r.Resource.Type(), msg)
		}
	}
	// Output:
	// 200 resource note Out of office
	// 404 ucwa: 404 NotFound/ResourceNotFound: The resource does not exist.
}

// A 201 Created: its Location, resolved safely against the request's URL.
func ExampleParseResponse() {
	base, _ := url.Parse("https://fe1.contoso.com/ucwa/v1/applications/192/communication/messagingInvitations")
	r, err := ucwa.ParseResponse(base, http.StatusCreated,
		http.Header{"Location": {"/ucwa/v1/applications/192/communication/messagingInvitations/602"}}, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Kind, r.Location.URL)
	fmt.Println(r.Location.Resource, r.Location.ID)

	// A body that is not what its Content-Length says is refused.
	_, err = ucwa.ParseResponse(base, http.StatusOK,
		http.Header{"Content-Type": {"application/json"}, "Content-Length": {"120"}}, []byte(`{"rel":"me"}`))
	fmt.Println(err)
	fmt.Println(errors.Is(err, ucwa.ErrTruncated))
	// Output:
	// none https://fe1.contoso.com/ucwa/v1/applications/192/communication/messagingInvitations/602
	// messagingInvitations 602
	// ucwa: response: body of 12 bytes, Content-Length 120
	// true
}

func ExampleResolveHref() {
	base, _ := url.Parse("https://fe1.contoso.com/ucwa/v1/applications/192/me")
	u, err := ucwa.ResolveHref(base, "/ucwa/v1/applications/192/me/presence")
	fmt.Println(u, err)

	// An href on another host would carry the bearer token there.
	_, err = ucwa.ResolveHref(base, "https://evil.example/me")
	fmt.Println(err)

	// Autodiscovery's hops are the exception, made explicit.
	root, _ := url.Parse("https://lyncdiscover.contoso.com/")
	hop := ucwa.LocationOptions{AllowCrossOrigin: true}
	u, err = hop.Resolve(root, "https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user")
	fmt.Println(u, err)
	// Output:
	// https://fe1.contoso.com/ucwa/v1/applications/192/me/presence <nil>
	// ucwa: href "https://evil.example/me": origin "https://evil.example" is not the request's "https://fe1.contoso.com"
	// https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user <nil>
}

// The seed's Location, "//v1/…", is a path on the request's host. Its Path
// is given in a form no URL parser reads as a host.
func ExampleLocation_path() {
	base, _ := url.Parse("https://fe1.contoso.com:443//v1/applications/833/communication/conversationLogs/" +
		"conversationLog/continuePhoneAudio")
	loc, err := ucwa.ParseLocation(base, "//v1/applications/833/communication/invitations/596")
	if err != nil {
		panic(err)
	}
	fmt.Println(loc.URL)
	fmt.Println(loc.Path)
	ref, _ := url.Parse(loc.Path)
	fmt.Println(base.ResolveReference(ref))
	// Output:
	// https://fe1.contoso.com:443//v1/applications/833/communication/invitations/596
	// /.//v1/applications/833/communication/invitations/596
	// https://fe1.contoso.com:443//v1/applications/833/communication/invitations/596
}

func ExampleEvents_Step() {
	ev, err := ucwa.DecodeEvents([]byte(`{"_links":{"self":{"href":"/ucwa/v1/applications/192/events?ack=4"},`+
		`"resync":{"href":"/ucwa/v1/applications/192/events?ack=2"}}}`), ucwa.JSON)
	if err != nil {
		panic(err)
	}
	step, ok := ev.Step()
	fmt.Println(step.Action, step.Href, ok)

	base, _ := url.Parse("https://fe1.contoso.com/ucwa/v1/applications/192/events?ack=4")
	next, err := step.URL(base, &ucwa.ChannelParams{Timeout: 15 * time.Minute})
	fmt.Println(next, err)
	// Output:
	// resync /ucwa/v1/applications/192/events?ack=2 true
	// https://fe1.contoso.com/ucwa/v1/applications/192/events?ack=2&timeout=900 <nil>
}

func ExampleChannelParams_Apply() {
	u, _ := url.Parse("https://fe1.contoso.com/ucwa/v1/applications/1234/events?ack=5")
	p := ucwa.ChannelParams{Medium: 5 * time.Minute, Low: 10 * time.Minute, Timeout: 15 * time.Minute}
	withParams, err := p.Apply(u)
	fmt.Println(withParams, err)

	_, err = (&ucwa.ChannelParams{Timeout: time.Minute}).Apply(u)
	fmt.Println(err)
	// Output:
	// https://fe1.contoso.com/ucwa/v1/applications/1234/events?ack=5&timeout=900&medium=300&low=600 <nil>
	// ucwa: request: event channel: timeout 1m0s is outside 3m0s to 30m0s
}

// A batch of two GETs, written with a fixed boundary so that the output is
// stable (the default is random).
func ExampleBatchOptions_EncodeRequests() {
	me, _ := ucwa.NewRequestPart(http.MethodGet, "https://fe1.contoso.com/ucwa/v1/applications/192/me", nil, ucwa.JSON)
	note, _ := ucwa.NewRequestPart(http.MethodGet, "https://fe1.contoso.com/ucwa/v1/applications/192/me/note", nil,
		ucwa.JSON)
	body, contentType, err := ucwa.BatchOptions{Boundary: "77f2569d"}.EncodeRequests([]ucwa.RequestPart{me, note})
	if err != nil {
		panic(err)
	}
	fmt.Println(contentType)
	for _, line := range strings.SplitAfter(string(body), "\r\n") {
		fmt.Printf("%q\n", line)
	}
	// Output:
	// multipart/batching; boundary=77f2569d
	// "--77f2569d\r\n"
	// "Content-Type: application/http; msgtype=request\r\n"
	// "\r\n"
	// "GET /ucwa/v1/applications/192/me HTTP/1.1\r\n"
	// "Host: fe1.contoso.com\r\n"
	// "Accept: application/vnd.microsoft.com.ucwa+json\r\n"
	// "\r\n"
	// "\r\n"
	// "--77f2569d\r\n"
	// "Content-Type: application/http; msgtype=request\r\n"
	// "\r\n"
	// "GET /ucwa/v1/applications/192/me/note HTTP/1.1\r\n"
	// "Host: fe1.contoso.com\r\n"
	// "Accept: application/vnd.microsoft.com.ucwa+json\r\n"
	// "\r\n"
	// "\r\n"
	// "--77f2569d--\r\n"
	// ""
}

func ExampleDecodeBatchResponse() {
	body := "--3968fb75\r\n" +
		"Content-Type: application/http; msgtype=response\r\n\r\n" +
		"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n\r\n" +
		`{"rel":"note","message":"Out of office","_links":{"self":{"href":"/ucwa/v1/applications/192/me/note"}}}` +
		"\r\n--3968fb75\r\n" +
		"Content-Type: application/http; msgtype=response\r\n\r\n" +
		"HTTP/1.1 204 No Content\r\nCache-Control: no-cache\r\n\r\n" +
		"\r\n--3968fb75--\r\n"
	parts, err := ucwa.DecodeBatchResponse(`multipart/batching; boundary="3968fb75"`, []byte(body))
	if err != nil {
		panic(err)
	}
	for _, p := range parts {
		r, err := p.Parse(nil)
		if err != nil {
			panic(err)
		}
		fmt.Println(r.Status, r.Kind, p.Header.Get("Content-Type"))
	}
	// Output:
	// 200 resource application/json; charset=utf-8
	// 204 none
}

func ExampleDetectKind() {
	for _, body := range []string{
		`{"rel":"me","_links":{"self":{"href":"/ucwa/v1/applications/192/me"}}}`,
		`{"_links":{"self":{"href":"/e?ack=1"},"next":{"href":"/e?ack=2"}}}`,
		`{"code":"Conflict","subcode":"AlreadyExists"}`,
		`{"operationId":"1","to":"sip:john@contoso.com"}`,
		`<reason xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><code>Gone</code></reason>`,
	} {
		fmt.Println(ucwa.DetectKind([]byte(body), 0))
	}
	// Output:
	// resource
	// events
	// error
	// input
	// error
}

func ExampleValue_String() {
	r, _ := ucwa.DecodeResource([]byte(`{"rel":"communication","supportedModalities":["Messaging","PhoneAudio"],`+
		`"simultaneousRingNumberMatch":"Disabled","publishEndpointLocation":false}`), ucwa.JSON)
	for _, p := range r.Properties {
		fmt.Println(p.Name, p.Value)
	}
	// Output:
	// rel communication
	// supportedModalities ["Messaging","PhoneAudio"]
	// simultaneousRingNumberMatch Disabled
	// publishEndpointLocation false
}

func ExampleResource_Strings() {
	me, _ := ucwa.DecodeResource([]byte(`{"rel":"me","emailAddresses":["johndoe@contoso.com","jd@contoso.com"]}`),
		ucwa.JSON)
	emails, ok := me.Strings("emailAddresses")
	fmt.Println(emails, ok)
	// Output: [johndoe@contoso.com jd@contoso.com] true
}

// An embedded resource is filed under the rel of its link; its own type is
// its "rel" property.
func ExampleResource_Type() {
	inv, _ := ucwa.DecodeResource([]byte(`{"rel":"messagingInvitation","_embedded":{"acceptedByParticipant":`+
		`{"rel":"participant","name":"Joe Smith"}}}`), ucwa.JSON)
	p := inv.Embed("acceptedByParticipant")
	fmt.Println(p.Rel, p.Type())
	// Output: acceptedByParticipant participant
}
