package ucwa_test

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/ucwa-go/ucwa"
)

// The continuePhoneAudio example of the UCWA reference answers a POST with
// "201 Created" and "Location: //v1/applications/833/communication/invitations/596":
// a path on the request's host, not a URL on a host named "v1".
func ExampleParseLocation() {
	req,
		_ := url.Parse(
		"https://fe1.contoso.com:443//v1/applications/833/communication/conversationLogs/conversationLog/continuePhon" +
			"eAudio")

	loc, err := ucwa.ParseLocation(req, "//v1/applications/833/communication/invitations/596")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(loc.URL)
	fmt.Println(loc.Application, loc.Resource, loc.ID)

	// A Location on another host would carry the bearer token there.
	_, err = ucwa.ParseLocation(req, "https://evil.example/ucwa/v1/applications/833")
	fmt.Println(errors.Is(err, ucwa.ErrCrossOrigin), errors.Is(err, ucwa.ErrLocation))
	fmt.Println(err)
	// Output:
	// https://fe1.contoso.com:443//v1/applications/833/communication/invitations/596
	// 833 invitations 596
	// true true
	// ucwa: Location "https://evil.example/ucwa/v1/applications/833": origin "https://evil.example" is not the request's "https://fe1.contoso.com:443"
}
