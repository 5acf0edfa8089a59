package ucwatest

import (
	"strconv"

	"github.com/ucwa-go/ucwa"
)

// The canned resources, built here from the shapes of the reference's
// resources, with this package's own values. Each builder is called with
// Server.mu held.

// putMarker is the property a resource that takes PUT carries, which a PUT
// must send back.
const putMarker = "c3f4a1e2-6f1b-4c55-9a43-ucwatest"

func link(rel, href string) ucwa.Link { return ucwa.Link{Rel: rel, Href: href} }

func str(name, value string) ucwa.Property { return ucwa.Prop(name, ucwa.String(value)) }

func strs(name string, values ...string) ucwa.Property {
	vs := make([]ucwa.Value, len(values))
	for i, v := range values {
		vs[i] = ucwa.String(v)
	}
	return ucwa.Prop(name, ucwa.List(vs...))
}

// resource returns the application resource, with me, people and
// communication embedded, as POST applications and GET answer it.
func (a *application) resource() ucwa.Resource {
	return ucwa.Resource{
		Rel: "application",
		Properties: []ucwa.Property{
			str("culture", a.culture), str("userAgent", a.user), str("type", "Browser"),
			str("endpointId", a.endpointID), str("id", a.id),
		},
		Links: []ucwa.Link{
			link("self", a.path),
			link("policies", a.path+"/policies"),
			link("batch", a.path+"/batch"),
			link("events", a.path+"/events?ack="+strconv.Itoa(a.channel.unacked())),
		},
		Embedded: []ucwa.Resource{a.me(), a.people(), a.communication()},
	}
}

func (a *application) me() ucwa.Resource {
	return ucwa.Resource{
		Rel: "me",
		Properties: []ucwa.Property{
			str("name", "Test User"), str("uri", "sip:user@ucwatest.invalid"),
			strs("emailAddresses", "user@ucwatest.invalid"),
		},
		Links: []ucwa.Link{
			link("self", a.path+"/me"),
			link("note", a.path+"/me/note"),
			link("presence", a.path+"/me/presence"),
		},
	}
}

func (a *application) presence() ucwa.Resource {
	return ucwa.Resource{
		Rel:        "presence",
		Properties: []ucwa.Property{str("availability", "Online"), str("activity", "Available")},
		Links:      []ucwa.Link{link("self", a.path+"/me/presence")},
	}
}

func (a *application) note() ucwa.Resource {
	return ucwa.Resource{
		Rel:        "note",
		Properties: []ucwa.Property{str("message", "Testing"), str("type", "Personal")},
		Links:      []ucwa.Link{link("self", a.path+"/me/note")},
	}
}

func (a *application) people() ucwa.Resource {
	return ucwa.Resource{
		Rel:   "people",
		Links: []ucwa.Link{link("self", a.path+"/people")},
	}
}

func (a *application) policies() ucwa.Resource {
	return ucwa.Resource{
		Rel:        "policies",
		Properties: []ucwa.Property{str("telephonyMode", "Uc"), str("photos", "Enabled")},
		Links:      []ucwa.Link{link("self", a.path+"/policies")},
	}
}

func (a *application) communication() ucwa.Resource {
	c := a.path + "/communication"
	return ucwa.Resource{
		Rel: "communication",
		Properties: []ucwa.Property{
			str(putMarker, "please pass this in a PUT request"),
			strs("supportedModalities", "Messaging"),
			strs("supportedMessageFormats", "Plain"),
		},
		Links: []ucwa.Link{
			link("self", c),
			link("conversations", c+"/conversations?filter=active"),
			link("startMessaging", c+"/messagingInvitations"),
		},
	}
}

func (a *application) invitationHref(n int) string {
	return a.path + "/communication/messagingInvitations/" + strconv.Itoa(n)
}

func (a *application) conversationHref(n int) string {
	return a.path + "/communication/conversations/" + strconv.Itoa(n)
}

// invitation returns messaging invitation n in state.
func (a *application) invitation(n int, state string) ucwa.Resource {
	return ucwa.Resource{
		Rel:        "messagingInvitation",
		Properties: []ucwa.Property{str("direction", "Outgoing"), str("state", state)},
		Links: []ucwa.Link{
			link("self", a.invitationHref(n)),
			link("conversation", a.conversationHref(n)),
		},
	}
}

func (a *application) conversation(n int) ucwa.Resource {
	return ucwa.Resource{
		Rel:        "conversation",
		Properties: []ucwa.Property{str("state", "Connected"), strs("activeModalities", "Messaging")},
		Links: []ucwa.Link{
			link("self", a.conversationHref(n)),
			link("messagingInvitation", a.invitationHref(n)),
		},
	}
}

// jsonRels returns r with a "rel" property, its Rel, first in each embedded
// resource that has none, as the reference's JSON writes every resource;
// XML carries the rel in an attribute only. r is not changed.
func jsonRels(r ucwa.Resource) ucwa.Resource {
	if len(r.Embedded) == 0 {
		return r
	}
	emb := make([]ucwa.Resource, len(r.Embedded))
	for i, e := range r.Embedded {
		e = jsonRels(e)
		if _, ok := e.Get("rel"); !ok {
			e.Properties = append([]ucwa.Property{str("rel", e.Rel)}, e.Properties...)
		}
		emb[i] = e
	}
	r.Embedded = emb
	return r
}
