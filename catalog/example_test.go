package catalog_test

import (
	"fmt"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/catalog"
)

func ExampleOp() {
	op, err := catalog.Op("startMessaging")
	if err != nil {
		panic(err)
	}
	fmt.Println(op.Method, op.Resource, "→", op.Response)
	for _, p := range op.BodyParams() {
		fmt.Printf("%s %s required=%v max=%d\n", p.Name, p.Type, p.Required, p.MaxLength)
	}
	fmt.Println(catalog.LookupEnum("Importance").Values)
	// Output:
	// POST startMessaging → messagingInvitation
	// operationId String required=false max=50
	// to String required=true max=0
	// importance Importance required=false max=0
	// subject String required=false max=250
	// threadId String required=false max=0
	// message Href required=false max=0
	// [Emergency Normal Urgent]
}

func ExampleValidateResource() {
	r, err := ucwa.DecodeResource([]byte(`{"rel":"contact","name":"Alex","type":"Robot","nickname":"Al"}`), ucwa.JSON)
	if err != nil {
		panic(err)
	}
	fs := catalog.ValidateResource(&r, ucwa.JSON)
	for _, f := range fs {
		fmt.Println(f)
	}
	fmt.Println("errors:", catalog.HasErrors(fs))
	// Output:
	// /type: "Robot" is not in the enumeration ContactType
	// /nickname: unknown property nickname of contact
	// errors: true
}

func ExampleTyper() {
	body := []byte(`<resource xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa" rel="simultaneousRingSettings">` +
		`<property name="ringDelay">5</property></resource>`)
	plain, _ := ucwa.DecodeResource(body, ucwa.XML)
	typed, _ := ucwa.Options{Types: catalog.Typer()}.DecodeResource(body, ucwa.XML)
	a, _ := plain.AppendJSON(nil)
	b, _ := typed.AppendJSON(nil)
	fmt.Println(string(a))
	fmt.Println(string(b))
	// Output:
	// {"rel":"simultaneousRingSettings","ringDelay":"5"}
	// {"rel":"simultaneousRingSettings","ringDelay":5}
}
