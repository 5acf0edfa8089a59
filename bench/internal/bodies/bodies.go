// Package bodies builds the bodies the benchmarks read: an application
// resource (the response to GET on an application, with its four embedded
// resources), an event-channel response, and application resources scaled to
// a given size.
//
// The bodies are the project's own. The names in them (rels, property names,
// event types) are UCWA's; the values are made up, and each body has the shape
// of its kind as a UCWA server sends it: the same resources, links, properties
// and events, values of the lengths such a server writes, indented as the
// server indents. Each is a ucwa value encoded by the package's own encoder,
// then laid out by [IndentJSON] or [IndentXML]. The same value gives the same
// bytes every time, so bench/testdata holds the bodies for reading and a test
// checks that they are what this package builds.
package bodies

import (
	"fmt"
	"strconv"

	"github.com/ucwa-go/ucwa"
)

// appBase is the application's URL path; every href of the application body
// is under it but the events link, which a server may give as an absolute URL.
const appBase = "/ucwa/v1/applications/318"

// str and list are short forms for the values of the tables below.
func str(s string) ucwa.Value { return ucwa.String(s) }

func list(items ...string) ucwa.Value {
	vs := make([]ucwa.Value, len(items))
	for i, s := range items {
		vs[i] = ucwa.String(s)
	}
	return ucwa.List(vs...)
}

// resource returns a resource with rel, its self link at self, and a link
// for each of rels, each at self + "/" + rel but where hrefs gives another
// href for the rel.
func resource(rel, self string, props []ucwa.Property, rels []string, hrefs map[string]string) ucwa.Resource {
	links := make([]ucwa.Link, 0, 1+len(rels))
	links = append(links, ucwa.Link{Rel: "self", Href: self})
	for _, r := range rels {
		href, ok := hrefs[r]
		if !ok {
			href = self + "/" + r
		}
		links = append(links, ucwa.Link{Rel: r, Href: href})
	}
	return ucwa.Resource{Rel: rel, Properties: props, Links: links}
}

// Application returns the application resource: 7 properties and 5 links of
// its own, and four embedded resources (communication: 11 properties, 18
// links; me: 13 and 9; onlineMeetings: 1 and 8; people: 1 and 10).
func Application() ucwa.Resource {
	app := applicationRoot()
	app.Embedded = []ucwa.Resource{communication(""), me(""), onlineMeetings(""), people("")}
	return app
}

// applicationRoot is the application resource without its embedded ones.
func applicationRoot() ucwa.Resource {
	return resource("application", appBase, []ucwa.Property{
		ucwa.Prop("rel", str("application")),
		ucwa.Prop("type", str("Browser")),
		ucwa.Prop("culture", str("en-gb")),
		ucwa.Prop("endpointId", str("ep-5c2e91aa")),
		ucwa.Prop("id", str("app-318-7f2")),
		ucwa.Prop("instanceId", str("inst-0c8d4e")),
		ucwa.Prop("userAgent", str("BenchAgent/1.0")),
	}, []string{"batch", "events", "policies", "reportMyNetwork"}, map[string]string{
		"events": "https://fe.example/ucwa/v1/applications/318/events",
	})
}

// The embedded resources of the application. copy is "" for the one of
// Application, and a path element ("c12") for the copies of Scaled, which put
// it in their hrefs so that no two copies have the same links.
func communication(copy string) ucwa.Resource {
	return resource("communication", under(copy, "communication"), []ucwa.Property{
		ucwa.Prop("simultaneousRingNumberMatch", str("Enabled")),
		ucwa.Prop("videoBasedScreenSharing", str("Enabled")),
		ucwa.Prop("rel", str("communication")),
		ucwa.Prop("audioPreference", str("VoipAudio")),
		ucwa.Prop("conversationHistory", str("Enabled")),
		ucwa.Prop("lisLocation", str("lis-bldg-04")),
		ucwa.Prop("lisQueryResult", str("Succeeded")),
		ucwa.Prop("phoneNumber", str("tel:+14255550177")),
		ucwa.Prop("publishEndpointLocation", ucwa.Bool(true)),
		ucwa.Prop("supportedMessageFormats", list("Plain", "Html")),
		ucwa.Prop("supportedModalities", list("Messaging", "PhoneAudio")),
	}, []string{
		"conversationLogs", "conversations", "joinOnlineMeeting", "mediaPolicies", "mediaRelayAccessToken",
		"missedItems", "replayMessage", "startAudioOnBehalfOfDelegator", "startAudio",
		"startAudioVideoOnBehalfOfDelegator", "startAudioVideo", "startEmergencyCall", "startMessaging",
		"startOnlineMeeting", "startPhoneAudioOnBehalfOfDelegator", "startPhoneAudio", "startVideo",
	}, nil)
}

func me(copy string) ucwa.Resource {
	return resource("me", under(copy, "me"), []ucwa.Property{
		ucwa.Prop("rel", str("me")),
		ucwa.Prop("company", str("Northwind")),
		ucwa.Prop("department", str("Legal")),
		ucwa.Prop("emailAddresses", list("asilva@example.com")),
		ucwa.Prop("endpointUri", str("sip:asilva@example.com;opaque=user:epid:q7Rk2vX9nWbT4mLcYs8JdAAA;gruu")),
		ucwa.Prop("homePhoneNumber", str("tel:+14255550131")),
		ucwa.Prop("mobilePhoneNumber", str("tel:+14255550132")),
		ucwa.Prop("name", str("Ana Silva")),
		ucwa.Prop("officeLocation", str("7/2210")),
		ucwa.Prop("otherPhoneNumber", str("tel:+14255550133")),
		ucwa.Prop("title", str("Staff Engineer")),
		ucwa.Prop("uri", str("sip:asilva@example.com")),
		ucwa.Prop("workPhoneNumber", str("tel:+14255550134")),
	}, []string{
		"callForwardingSettings", "location", "makeMeAvailable", "note", "phones", "photo", "presence",
		"reportMyActivity",
	}, nil)
}

func onlineMeetings(copy string) ucwa.Resource {
	return resource("onlineMeetings", under(copy, "onlineMeetings"), []ucwa.Property{
		ucwa.Prop("rel", str("onlineMeetings")),
	}, []string{
		"myAssignedOnlineMeeting", "myOnlineMeetings", "onlineMeetingDefaultValues",
		"onlineMeetingEligibleValues", "onlineMeetingInvitationCustomization", "onlineMeetingPolicies",
		"phoneDialInInformation",
	}, nil)
}

func people(copy string) ucwa.Resource {
	return resource("people", under(copy, "people"), []ucwa.Property{
		ucwa.Prop("rel", str("people")),
	}, []string{
		"myContactsAndGroupsSubscription", "myContacts", "myGroupMemberships", "myGroups",
		"myPrivacyRelationships", "presenceSubscriptionMemberships", "presenceSubscriptions", "search",
		"subscribedContacts",
	}, nil)
}

// under returns the href of the embedded resource rel of the application, or
// of its copy.
func under(copy, rel string) string {
	if copy == "" {
		return appBase + "/" + rel
	}
	return appBase + "/" + copy + "/" + rel
}

// ApplicationBody returns [Application] in format f, indented.
func ApplicationBody(f ucwa.Format) []byte {
	app := Application()
	return layout(app.Append(nil, f))
}

// layout indents a body that the ucwa encoder wrote; that encoder writes
// every value these bodies hold, so an error is a bug in this package.
func layout(b []byte, err error) []byte {
	if err != nil {
		panic(fmt.Sprintf("bodies: the encoder refused a body: %v", err))
	}
	if b[0] == '<' {
		return IndentXML(b)
	}
	return IndentJSON(b, false)
}

// scaledCycle lists the embedded resources of a scaled application, in the
// order they are added: smallest first, so that the smallest bodies already
// embed something.
var scaledCycle = []func(copy string) ucwa.Resource{onlineMeetings, people, me, communication}

// Scaled returns the application resource embedding n resources: copies of
// its four embedded resources, taken in turn, each marked InArray so that
// JSON holds every rel's copies in an array, even when there is one.
func Scaled(n int) ucwa.Resource {
	app := applicationRoot()
	app.Embedded = make([]ucwa.Resource, n)
	for i := range n {
		r := scaledCycle[i%len(scaledCycle)]("c" + strconv.Itoa(i))
		r.InArray = true
		app.Embedded[i] = r
	}
	return app
}

// ScaledCount returns the number of embedded resources that brings the
// compact JSON body of [Scaled] nearest to target bytes. The XML body of the
// same resource is about a fifth larger.
func ScaledCount(target int) int {
	size := func(n int) int { return len(ScaledBody(ucwa.JSON, n)) }
	// A full turn of the cycle adds about the same bytes wherever it
	// comes: estimate from the first, then step to the nearest size.
	head, turn := size(0), size(len(scaledCycle))-size(0)
	n := max(0, (target-head)*len(scaledCycle)/turn)
	dist := func(n int) int { return abs(size(n) - target) }
	for n > 0 && dist(n-1) <= dist(n) {
		n--
	}
	for dist(n+1) < dist(n) {
		n++
	}
	return n
}

// ScaledBody returns the compact body of [Scaled](n) in format f.
func ScaledBody(f ucwa.Format, n int) []byte {
	app := Scaled(n)
	b, err := app.Append(nil, f)
	if err != nil {
		panic(fmt.Sprintf("bodies: the encoder refused a body: %v", err))
	}
	return b
}

func abs(x int) int { return max(x, -x) }
