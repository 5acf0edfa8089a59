package api_test

import (
	"errors"
	"fmt"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/api"
)

// The example of README.md: a typed input, written, and refused once it
// breaks a rule.
func ExampleStartMessaging() {
	start := api.StartMessaging{
		OperationID: "74cb7404e0a247d5a2d4eb0376a47dbf",
		To:          "sip:john@contoso.com",
		Importance:  api.ImportanceUrgent,
		Subject:     "Quarterly numbers",
		Message:     ucwa.TextDataURI("text/plain", "Are we on for 3pm?").String(),
	}
	body, err := start.AppendJSON(nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(body))

	start.Importance = "VeryUrgent"
	if _, err := start.AppendJSON(nil); errors.Is(err, ucwa.ErrInvalidInput) {
		fmt.Println(err)
	}
	// Output:
	// {"operationId":"74cb7404e0a247d5a2d4eb0376a47dbf","to":"sip:john@contoso.com","importance":"Urgent","subject":"Quarterly numbers","_links":{"message":{"href":"data:text/plain;charset=utf-8,Are+we+on+for+3pm%3F"}}}
	// ucwa: startMessaging: importance: "VeryUrgent" is not in the enumeration Importance
}

// An optional boolean is an Opt: unset is not written, false is.
func ExampleOpt() {
	add := api.AddAudio{To: "sip:john@contoso.com", JoinAudioMuted: api.Some(false)}
	body, _ := add.Marshal(ucwa.XML)
	fmt.Println(string(body))
	// Output:
	// <?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="joinAudioMuted">false</property><property name="to">sip:john@contoso.com</property></input>
}

// Decode reads a body into the typed input of its operation; an XML body is
// typed as its parameters are.
func ExampleDecode() {
	body := `<input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
		`<property name="duration">15</property>` +
		`<propertyList name="uris"><item>sip:john@contoso.com</item></propertyList></input>`
	x, err := api.Decode("presenceSubscriptions", []byte(body), ucwa.XML)
	if err != nil {
		panic(err)
	}
	sub := x.(*api.PresenceSubscriptions)
	fmt.Println(sub.Duration, sub.URIs, sub.Validate())
	json, _ := sub.Marshal(ucwa.JSON)
	fmt.Println(string(json))
	// Output:
	// 15 [sip:john@contoso.com] <nil>
	// {"duration":15,"uris":["sip:john@contoso.com"]}
}
