package bodies

import "github.com/ucwa-go/ucwa"

// eventsBase is the URL path of the application whose event channel
// [Events] answers for.
const eventsBase = "/ucwa/oauth/v1/applications/415"

// putMarker is the property a UCWA server adds to a resource that a client
// may change with PUT: a random name, always with this value.
const putMarker = "please pass this in a PUT request"

// Events returns an event-channel response: four senders (communication, me,
// a conversation, communication again) with nine events, five of which embed
// their resource (16 links and 24 properties in all); one event's link has a
// title, one has a status, and one embedded resource carries the PUT marker
// and an etag.
func Events() ucwa.Events {
	comm := eventsBase + "/communication"
	conv := comm + "/conversations/7c3e"
	participant := conv + "/participants/asilva@example.com"
	invitation := comm + "/onlineMeetingInvitations/k7"
	link := func(rel, href string) ucwa.Link { return ucwa.Link{Rel: rel, Href: href} }
	embed := func(rel string, props []ucwa.Property, links ...ucwa.Link) *ucwa.Resource {
		return &ucwa.Resource{Rel: rel, Properties: props, Links: links}
	}
	inviteProps := func(state string) []ucwa.Property {
		return []ucwa.Property{
			ucwa.Prop("direction", str("Outgoing")),
			ucwa.Prop("importance", str("Normal")),
			ucwa.Prop("onlineMeetingUri", str("sip:asilva@example.com;gruu;opaque=app:conf:focus:id:K7Q2M")),
			ucwa.Prop("operationId", str("4721")),
			ucwa.Prop("rel", str("onlineMeetingInvitation")),
			ucwa.Prop("state", str(state)),
		}
	}
	inviteLinks := []ucwa.Link{
		link("conversation", comm+"/conversations/d2"),
		{Rel: "from", Href: comm + "/conversations/d2/participants/guest@example.com",
			Attrs: []ucwa.Property{ucwa.Prop("title", str(""))}},
		link("self", invitation),
	}
	return ucwa.Events{
		Links: []ucwa.Link{link("self", eventsBase+"/events?ack=7"), link("next", eventsBase+"/events?ack=8")},
		Senders: []ucwa.Sender{
			{Rel: "communication", Href: comm, Events: []ucwa.Event{{
				Type: ucwa.Updated,
				Link: link("communication", comm),
				Resource: embed("communication", []ucwa.Property{
					ucwa.Prop("8c41d2e7-5a90-4f3b-b6e1-93d07a2c5f18", str(putMarker)),
					ucwa.Prop("supportedModalities", list("Messaging")),
					ucwa.Prop("supportedMessageFormats", list("Plain")),
					ucwa.Prop("rel", str("communication")),
					ucwa.Prop("etag", str("5180274413")),
				},
					link("self", comm),
					link("conversations", comm+"/conversations?filter=active"),
					link("startMessaging", comm+"/messagingInvitations"),
					link("startOnlineMeeting", comm+"/onlineMeetingInvitations?onlineMeetingUri=adhoc"),
					link("joinOnlineMeeting", comm+"/onlineMeetingInvitations"),
				),
			}}},
			{Rel: "me", Href: eventsBase + "/me", Events: []ucwa.Event{
				{Type: ucwa.Updated, Link: link("me", eventsBase+"/me")},
				{Type: ucwa.Added, Link: link("presence", eventsBase+"/me/presence")},
				{Type: ucwa.Added, Link: link("note", eventsBase+"/me/note")},
				{Type: ucwa.Added, Link: link("location", eventsBase+"/me/location")},
			}},
			{Rel: "conversation", Href: conv, Events: []ucwa.Event{
				{
					Type: ucwa.Added,
					Link: ucwa.Link{Rel: "localParticipant", Href: participant,
						Attrs: []ucwa.Property{ucwa.Prop("title", str("Ana Silva"))}},
					Resource: embed("localParticipant", []ucwa.Property{
						ucwa.Prop("sourceNetwork", str("SameEnterprise")),
						ucwa.Prop("anonymous", ucwa.Bool(false)),
						ucwa.Prop("name", str("Ana Silva")),
						ucwa.Prop("uri", str("sip:asilva@example.com")),
						ucwa.Prop("rel", str("participant")),
					}, link("self", participant), link("conversation", conv), link("me", eventsBase+"/me")),
				},
				{
					Type: ucwa.Updated,
					Link: link("messaging", conv+"/messaging"),
					Resource: embed("messaging", []ucwa.Property{
						ucwa.Prop("state", str("Connecting")),
						ucwa.Prop("rel", str("messaging")),
					}, link("self", conv+"/messaging"), link("conversation", conv)),
				},
			}},
			{Rel: "communication", Href: comm, Events: []ucwa.Event{
				{
					Type:     ucwa.Started,
					Link:     link("onlineMeetingInvitation", invitation),
					Resource: embed("onlineMeetingInvitation", inviteProps("Connecting"), inviteLinks...),
				},
				{
					Type:     ucwa.Completed,
					Link:     link("onlineMeetingInvitation", invitation),
					Resource: embed("onlineMeetingInvitation", inviteProps("Connected"), inviteLinks...),
					Status:   "Success",
				},
			}},
		},
	}
}

// EventsBody returns [Events] in format f, indented; in JSON, objects and
// arrays of scalars stay on one line.
func EventsBody(f ucwa.Format) []byte {
	ev := Events()
	b, err := ev.Append(nil, f)
	if f == ucwa.JSON && err == nil {
		return IndentJSON(b, true)
	}
	return layout(b, err)
}
