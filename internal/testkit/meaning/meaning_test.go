package meaning

import (
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// jsonValue returns the value of the JSON text raw, as the decoder reads it.
func jsonValue(t *testing.T, raw string) ucwa.Value {
	t.Helper()
	in, err := ucwa.DecodeInput([]byte(`{"v":`+raw+`}`), ucwa.JSON)
	if err != nil {
		t.Fatal(err)
	}
	return in.Properties[0].Value
}

// xmlValue returns the value of the XML text of a <property>, as the
// decoder reads it.
func xmlValue(t *testing.T, text string) ucwa.Value {
	t.Helper()
	in, err := ucwa.DecodeInput([]byte(`<input xmlns="`+ucwa.Namespace+`"><property name="v">`+text+
		`</property></input>`), ucwa.XML)
	if err != nil {
		t.Fatal(err)
	}
	return in.Properties[0].Value
}

// errorBody returns the error body of the JSON text raw.
func errorBody(t *testing.T, raw string) *ucwa.Error {
	t.Helper()
	e, err := ucwa.DecodeErrorBody([]byte(raw), ucwa.JSON)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestDiff(t *testing.T) {
	prop, str, num := ucwa.Prop, ucwa.String, ucwa.Int
	res := func(rel string, ps ...ucwa.Property) *ucwa.Resource { return &ucwa.Resource{Rel: rel, Properties: ps} }
	in := func(ps ...ucwa.Property) *ucwa.Input { return &ucwa.Input{Properties: ps} }
	inLinks := func(ls ...ucwa.Link) *ucwa.Input { return &ucwa.Input{Links: ls} }
	attrs := func(ps ...ucwa.Property) []ucwa.Property { return ps }
	xmlTrue, xmlFalse := xmlValue(t, "True"), xmlValue(t, "False")
	jsonDate, xmlDate := jsonValue(t, `"\/Date(1436925243767-0500)\/"`),
		xmlValue(t, "2015-07-14T20:54:03.7675175-05:00")
	jsonDateUTC := jsonValue(t, `"\/Date(1436925243767)\/"`)
	tests := []struct {
		at   string
		a, b any
		want string // "" for the same meaning, else a part of the diff
	}{
		// Scalars by text.
		{testkit.Where(), in(prop("n", num(5))), in(prop("n", str("5"))), ""},
		{testkit.Where(), in(prop("n", num(5))), in(prop("n", str("05"))), `/n: number "5", string "05"`},
		{testkit.Where(), in(prop("b", xmlTrue)), in(prop("b", ucwa.Bool(true))), ""},
		{testkit.Where(), in(prop("b", xmlFalse)), in(prop("b", str("false"))), ""},
		{testkit.Where(), in(prop("b", ucwa.Bool(true))), in(prop("b", str("yes"))), `/b: bool "true", string "yes"`},
		{testkit.Where(), in(prop("b", ucwa.Bool(true))), in(prop("b", str("TRUE"))), `/b: bool "true", string "TRUE"`},
		{testkit.Where(), in(prop("s", str("Abc"))), in(prop("s", str("abc"))), `/s: string`},
		{testkit.Where(), in(prop("x", ucwa.Null())), in(prop("x", ucwa.Null())), ""},
		{testkit.Where(), in(prop("x", ucwa.Null())), in(prop("x", str(""))), `/x: kind null "", string ""`},
		// Dates by instant to the millisecond.
		{testkit.Where(), in(prop("d", jsonDate)), in(prop("d", xmlDate)), ""},
		{testkit.Where(), in(prop("d", jsonDateUTC)), in(prop("d", xmlValue(t, "2015-07-15T01:54:03.767Z"))), ""},
		{testkit.Where(), in(prop("d", jsonDateUTC)), in(prop("d", str("2015-07-15T01:54:03.767Z"))), ""},
		{testkit.Where(), in(prop("d", jsonDateUTC)), in(prop("d", xmlValue(t, "2015-07-15T01:54:03.768Z"))),
			`/d: date`},
		{testkit.Where(), in(prop("d", jsonDateUTC)), in(prop("d", str("yesterday"))), `/d: date`},
		// Lists and bags, in order.
		{testkit.Where(), in(prop("l", ucwa.List(str("a"), ucwa.Null()))),
			in(prop("l", ucwa.List(str("a"), ucwa.Null()))), ""},
		{testkit.Where(), in(prop("l", ucwa.List(str("a")))), in(prop("l", ucwa.List(str("a"), str("b")))),
			"lists of 1 and 2 items"},
		{testkit.Where(), in(prop("l", ucwa.List(str("a"), str("b")))), in(prop("l", ucwa.List(str("b"), str("a")))),
			`/l/0: string "a", string "b"`},
		{testkit.Where(), in(prop("g", ucwa.Bag(prop("x", num(1))))), in(prop("g", ucwa.Bag(prop("x", str("1"))))), ""},
		{testkit.Where(), in(prop("g", ucwa.Bag(prop("x", str("1"))))), in(prop("g", ucwa.Bag(prop("y", str("1"))))),
			`/g: property 0 is "x", "y"`},
		{testkit.Where(), in(prop("a", ucwa.Null()), prop("b", ucwa.Null())), in(prop("b", ucwa.Null()),
			prop("a", ucwa.Null())),
			`property 0 is "a", "b"`},
		{testkit.Where(), in(prop("a", ucwa.Null())), in(), `/a: only in the first`},
		// Links: by rel, InArray ignored, order within a rel kept.
		{testkit.Where(),
			inLinks(ucwa.Link{Rel: "self", Href: "/s"}, ucwa.Link{Rel: "a", Href: "/a", InArray: true},
				ucwa.Link{Rel: "b", Href: "/b"}),
			inLinks(ucwa.Link{Rel: "a", Href: "/a"}, ucwa.Link{Rel: "self", Href: "/s"}, ucwa.Link{Rel: "b",
				Href: "/b"}), ""},
		{testkit.Where(),
			inLinks(ucwa.Link{Rel: "a", Href: "/1"}, ucwa.Link{Rel: "a", Href: "/2"}),
			inLinks(ucwa.Link{Rel: "a", Href: "/2"}, ucwa.Link{Rel: "a", Href: "/1"}), `/_links/a/0: href "/1", "/2"`},
		{testkit.Where(), inLinks(ucwa.Link{Rel: "a", Href: "/a"}), inLinks(ucwa.Link{Rel: "b", Href: "/a"}),
			`/_links/a: 1 and 0 links`},
		{testkit.Where(),
			inLinks(ucwa.Link{Rel: "a", Href: "/a", Attrs: attrs(prop("title", str("")))}),
			inLinks(ucwa.Link{Rel: "a", Href: "/a"}), `/_links/a/title: only in the first`},
		{testkit.Where(),
			inLinks(ucwa.Link{Rel: "a", Href: "/a", Attrs: attrs(prop("revision", num(2)))}),
			inLinks(ucwa.Link{Rel: "a", Href: "/a", Attrs: attrs(prop("revision", str("2")))}), ""},
		{testkit.Where(),
			inLinks(ucwa.Link{Rel: "a", Href: "/a", Attrs: attrs(prop("revision", str("2")))}),
			inLinks(ucwa.Link{Rel: "a", Href: "/a"}), `/_links/a/revision: only in the first`},
		// A resource's rel: attribute, key or property.
		{testkit.Where(), res("me", prop("rel", str("me")), prop("name", str("x"))),
			res("me", prop("name", str("x"))), ""},
		{testkit.Where(), res("", prop("rel", str("me"))), res("me", prop("rel", str("me"))), ""},
		{testkit.Where(), res("me", prop("rel", str("you"))), res("me"), `/rel: only in the first`},
		{testkit.Where(), res("me"), res("you"), `/: rel "me", "you"`},
		{testkit.Where(),
			&ucwa.Resource{Embedded: []ucwa.Resource{
				{Rel: "a", InArray: true}, {Rel: "b"}, {Rel: "a", Properties: attrs(prop("n", str("2")))}}},
			&ucwa.Resource{Embedded: []ucwa.Resource{
				{Rel: "b"}, {Rel: "a"}, {Rel: "a", Properties: attrs(prop("n", num(2)))}}}, ""},
		{testkit.Where(),
			&ucwa.Resource{Embedded: []ucwa.Resource{{Rel: "a", Properties: attrs(prop("n", str("1")))}}},
			&ucwa.Resource{Embedded: []ucwa.Resource{{Rel: "a", Properties: attrs(prop("n", str("2")))}}},
			`/_embedded/a/0/n: string "1", string "2"`},
		{testkit.Where(), &ucwa.Resource{Embedded: []ucwa.Resource{{Rel: "a"}}}, &ucwa.Resource{},
			`/_embedded/a: 1 and 0 embedded resources`},
		// Events and errors.
		{testkit.Where(),
			&ucwa.Events{Senders: []ucwa.Sender{{Rel: "me", Href: "/me",
				Events: []ucwa.Event{{Type: ucwa.Added, Link: ucwa.Link{Rel: "note", Href: "/n"}}}}}},
			&ucwa.Events{Senders: []ucwa.Sender{{Rel: "me", Href: "/me",
				Events: []ucwa.Event{{Type: ucwa.Updated, Link: ucwa.Link{Rel: "note", Href: "/n"}}}}}},
			`/sender/0/events/0/type: "added", "updated"`},
		{testkit.Where(),
			&ucwa.Events{Senders: []ucwa.Sender{{Events: []ucwa.Event{{Type: ucwa.Added, Resource: res("note",
				prop("message", str("hi")))}}}}},
			&ucwa.Events{Senders: []ucwa.Sender{{Events: []ucwa.Event{{Type: ucwa.Added, Resource: res("note",
				prop("message", str("ho")))}}}}},
			`/sender/0/events/0/_embedded/note/message: string "hi", string "ho"`},
		{testkit.Where(), &ucwa.Events{Senders: []ucwa.Sender{{}}}, &ucwa.Events{}, `/sender: 1 and 0 senders`},
		// A scalar extra member is the text of its empty field; a null one
		// is not.
		{testkit.Where(), &ucwa.Events{Senders: []ucwa.Sender{{Extra: attrs(prop("rel", num(5)))}}},
			&ucwa.Events{Senders: []ucwa.Sender{{Rel: "5"}}}, ""},
		{testkit.Where(), errorBody(t, `{"code":"Gone","message":null}`), errorBody(t, `{"code":"Gone"}`),
			`/message: only in the first`},
		{testkit.Where(), errorBody(t, `{"code":"Gone","message":null}`), errorBody(t, `{"code":"Gone","message":""}`),
			`/message: only in the first`},
		{testkit.Where(), errorBody(t, `{"code":5}`), errorBody(t, `{"code":"5"}`), ""},
		// An empty parameters bag is not none.
		{testkit.Where(), errorBody(t, `{"code":"Conflict","parameters":{}}`), &ucwa.Error{Code: "Conflict"},
			`/parameters: present true, false`},
		{testkit.Where(), errorBody(t, `{"code":"Conflict","debugInfo":{}}`),
			errorBody(t, `{"debugInfo":{},"code":"Conflict"}`), ""},
		{testkit.Where(), &ucwa.Error{Code: "Conflict", DebugInfo: attrs(prop("x", num(1)))},
			errorBody(t, `{"code":"Conflict","debugInfo":{"x":"1"}}`), ""},
		{testkit.Where(), &ucwa.Error{Code: "Conflict", Subcode: "AlreadyExists"}, &ucwa.Error{Code: "Conflict"},
			`/subcode: "AlreadyExists", ""`},
		// Types.
		{testkit.Where(), *in(), *in(), ""},
		{testkit.Where(), in(), res(""), "types differ"},
		{testkit.Where(), 1, 1, "unsupported type"},
	}
	for _, tc := range tests {
		got := Diff(tc.a, tc.b)
		switch {
		case tc.want == "" && got != "":
			t.Errorf("%s: Diff differs:\n%s", tc.at, got)
		case tc.want != "" && !strings.Contains(got, tc.want):
			t.Errorf("%s: Diff = %q, want it to contain %q", tc.at, got, tc.want)
		}
		// The relation is symmetric.
		if back := Diff(tc.b, tc.a); (back == "") != (got == "") {
			t.Errorf("%s: Diff(b, a) = %q, Diff(a, b) = %q", tc.at, back, got)
		}
	}
}

// TestDiffAcrossFormats: a body and what it becomes in the other format
// mean the same; the same body with a value changed does not.
func TestDiffAcrossFormats(t *testing.T) {
	body := []byte(`{"rel":"me","name":"Alex","n":5,"b":true,"d":"\/Date(1436925243767)\/","x":null,` +
		`"_links":{"self":{"href":"/me"},"a":[{"href":"/a"}]},"_embedded":{"note":{"message":"hi"}}}`)
	r, err := ucwa.DecodeResource(body, ucwa.JSON)
	if err != nil {
		t.Fatal(err)
	}
	x, err := r.Marshal(ucwa.XML)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ucwa.DecodeResource(x, ucwa.XML)
	if err != nil {
		t.Fatal(err)
	}
	if d := Diff(&r, &back); d != "" {
		t.Errorf("JSON and its XML differ:\n%s\n%s", d, x)
	}
	back.Set("n", ucwa.String("6"))
	if d := Diff(&r, &back); !strings.Contains(d, "/n:") {
		t.Errorf("a changed value: Diff = %q", d)
	}
}
