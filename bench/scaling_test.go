package bench

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ucwa-go/ucwa"
)

// The scaling workload reads a myContacts resource whose "_embedded" holds an
// array of n contacts, each a copy of the reference's contact example with
// its own id, n chosen so that the body is about the nominal size. Bodies are
// compact (no indentation). Only ucwa runs: the point is MB/s staying flat as
// the body grows.
var scalingSizes = []struct {
	name   string
	target int
}{
	{"1KB", 1 << 10},
	{"4KB", 4 << 10},
	{"16KB", 16 << 10},
	{"64KB", 64 << 10},
	{"256KB", 256 << 10},
	{"1MB", 1 << 20},
}

const (
	contactJSON = `{"rel":"contact","company":"Contoso Corp.","department":"Engineering",` +
		`"emailAddresses":["Alex.Doe@contoso.com"],"homePhoneNumber":"tel:+19185550107",` +
		`"sourceNetworkIconUrl":"https://images.contoso.com/logo_16x16.png",` +
		`"mobilePhoneNumber":"tel:4255551212;phone-context=defaultprofile","name":"Alex Doe",` +
		`"office":"tel:+1425554321;ext=54321","otherPhoneNumber":"tel:+19195558194",` +
		`"sourceNetwork":"SameEnterprise","title":"Engineer 2","type":"User","uri":"sip:alex@contoso.com",` +
		`"workPhoneNumber":"tel:+1425554321;ext=54321","_links":{` +
		`"self":{"href":"/ucwa/v1/applications/192/people/{ID}"},` +
		`"contactLocation":{"href":"/ucwa/v1/applications/192/people/{ID}/contactLocation"},` +
		`"contactNote":{"href":"/ucwa/v1/applications/192/people/{ID}/contactNote"},` +
		`"contactPhoto":{"href":"/ucwa/v1/applications/192/people/{ID}/contactPhoto"},` +
		`"contactPresence":{"href":"/ucwa/v1/applications/192/people/{ID}/contactPresence"},` +
		`"contactPrivacyRelationship":{"href":"/ucwa/v1/applications/192/people/{ID}/contactPrivacyRelationship"},` +
		`"contactSupportedModalities":{"href":"/ucwa/v1/applications/192/people/{ID}/contactSupportedModalities"}}}`
	contactXML = `<resource rel="contact" href="/ucwa/v1/applications/192/people/{ID}">` +
		`<link rel="contactLocation" href="/ucwa/v1/applications/192/people/{ID}/contactLocation"/>` +
		`<link rel="contactNote" href="/ucwa/v1/applications/192/people/{ID}/contactNote"/>` +
		`<link rel="contactPhoto" href="/ucwa/v1/applications/192/people/{ID}/contactPhoto"/>` +
		`<link rel="contactPresence" href="/ucwa/v1/applications/192/people/{ID}/contactPresence"/>` +
		`<link rel="contactPrivacyRelationship" href="/ucwa/v1/applications/192/people/{ID}/contactPrivacyRelationship"/>` +
		`<link rel="contactSupportedModalities" href="/ucwa/v1/applications/192/people/{ID}/contactSupportedModalities"/>` +
		`<property name="rel">contact</property><property name="company">Contoso Corp.</property>` +
		`<property name="department">Engineering</property>` +
		`<propertyList name="emailAddresses"><item>Alex.Doe@contoso.com</item></propertyList>` +
		`<property name="homePhoneNumber">tel:+19185550107</property>` +
		`<property name="sourceNetworkIconUrl">https://images.contoso.com/logo_16x16.png</property>` +
		`<property name="mobilePhoneNumber">tel:4255551212;phone-context=defaultprofile</property>` +
		`<property name="name">Alex Doe</property><property name="office">tel:+1425554321;ext=54321</property>` +
		`<property name="otherPhoneNumber">tel:+19195558194</property>` +
		`<property name="sourceNetwork">SameEnterprise</property><property name="title">Engineer 2</property>` +
		`<property name="type">User</property><property name="uri">sip:alex@contoso.com</property>` +
		`<property name="workPhoneNumber">tel:+1425554321;ext=54321</property></resource>`

	contactProps = 15
	contactLinks = 7
	firstID      = 1000 // ids stay four digits, so every copy has the same length
)

// scalingBody returns a body of about target bytes in format f and the number
// of contacts it embeds.
func scalingBody(f ucwa.Format, target int) ([]byte, int) {
	head, tail, sep, item := `{"rel":"myContacts","_links":{"self":{"href":"/ucwa/v1/applications/192/contacts"}},"_embedded":{"contact":[`, `]}}`, ",", contactJSON
	if f == ucwa.XML {
		head = `<?xml version="1.0" encoding="utf-8"?><resource rel="myContacts" href="/ucwa/v1/applications/192/contacts" xmlns="` +
			ucwa.Namespace + `"><property name="rel">myContacts</property>`
		tail, sep, item = `</resource>`, "", contactXML
	}
	per := len(strings.ReplaceAll(item, "{ID}", strconv.Itoa(firstID))) + len(sep)
	n := max(1, (target-len(head)-len(tail)+per/2)/per)
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(strings.ReplaceAll(item, "{ID}", strconv.Itoa(firstID+i)))
	}
	b.WriteString(tail)
	return []byte(b.String()), n
}

// checkScaling checks a decoded scaling body: n contacts, in order, each
// whole.
func checkScaling(r *ucwa.Resource, n int) error {
	if r.Href() != "/ucwa/v1/applications/192/contacts" {
		return mismatch("self", r.Href(), "/ucwa/v1/applications/192/contacts")
	}
	if len(r.Embedded) != n {
		return mismatch("embedded contacts", len(r.Embedded), n)
	}
	for _, i := range []int{0, n - 1} {
		c := &r.Embedded[i]
		want := "/ucwa/v1/applications/192/people/" + strconv.Itoa(firstID+i)
		if c.Rel != "contact" || c.Href() != want || len(c.Properties) != contactProps || len(c.Links) != contactLinks {
			return fmt.Errorf("contact %d: rel %q, self %q, %d properties, %d links; want contact, %q, %d, %d",
				i, c.Rel, c.Href(), len(c.Properties), len(c.Links), want, contactProps, contactLinks)
		}
	}
	return nil
}

// scalingImpls: one sub-benchmark per size and format, "1KB/json".
func scalingImpls() []impl {
	var impls []impl
	for _, sz := range scalingSizes {
		for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
			impls = append(impls, impl{sz.name + "/" + f.String(), func() (prepared, error) {
				data, n := scalingBody(f, sz.target)
				var r ucwa.Resource
				op := func() (err error) { r, err = ucwa.DecodeResource(data, f); return err }
				if err := op(); err != nil {
					return prepared{}, err
				}
				if err := checkScaling(&r, n); err != nil {
					return prepared{}, fmt.Errorf("%s/%s: %w", sz.name, f, err)
				}
				return prepared{ops: repeat(op), size: len(data)}, nil
			}})
		}
	}
	return impls
}
