package catalog_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/catalog"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// TestLookups: the catalog's look-ups find what the reference names.
func TestLookups(t *testing.T) {
	if n := len(catalog.Resources()); n < 200 {
		t.Errorf("%d resources", n)
	}
	if n := len(catalog.Enumerations()); n != 56 {
		t.Errorf("%d enumerations, want the 56 pages of the reference", n)
	}
	s2 := catalog.Lookup("search2")
	if s2 == nil || s2.Rel != "search" || s2.Revision != 2 {
		t.Errorf("search2: %+v", s2)
	}
	if rs := catalog.ByRel("search"); len(rs) != 2 || rs[0].Name != "search" || rs[1].Name != "search2" {
		t.Errorf("ByRel(search): %v", rs)
	}
	if r := catalog.ForRel("search"); r == nil || r.Name != "search" {
		t.Errorf("ForRel(search): %v", r)
	}
	org := catalog.Lookup("organizer")
	if org == nil || org.AliasOf != "contact" || org.Property("name") == nil {
		t.Errorf("organizer is not a contact: %+v", org)
	}
	if catalog.Lookup("nothing") != nil || catalog.ForRel("nothing") != nil {
		t.Error("found a resource that does not exist")
	}
	op, err := catalog.Op("startMessaging")
	if err != nil || op.Method != "POST" || op.Response != "messagingInvitation" || op.Body != "input" {
		t.Fatalf("startMessaging: %+v, %v", op, err)
	}
	to := op.Param("to")
	if to == nil || to.In != "body" || !to.Required || to.Type.Kind != catalog.String || to.Source != "table" {
		t.Errorf("startMessaging to: %+v", to)
	}
	if q := op.Params[0]; q.Name != "to" || q.In != "query" {
		t.Errorf("startMessaging's query parameter to: %+v", q)
	}
	imp := op.Param("importance")
	if imp == nil || imp.Type.Kind != catalog.Enum || imp.Type.String() != "Importance" {
		t.Errorf("importance: %+v", imp)
	}
	if e := catalog.LookupEnum("Importance"); e == nil || !e.Has("Urgent") || e.Has("VeryUrgent") {
		t.Errorf("Importance: %+v", e)
	}
	if msg := op.Param("message"); msg == nil || msg.Type.Kind != catalog.Href {
		t.Errorf("message: %+v", msg)
	}
	if subj := op.Param("subject"); subj == nil || subj.MaxLength != 250 {
		t.Errorf("subject: %+v", subj)
	}
	var conflict bool
	for _, e := range op.Errors {
		conflict = conflict || e.String() == "409 Conflict/AlreadyExists"
	}
	if !conflict {
		t.Errorf("startMessaging's errors: %v", op.Errors)
	}
	put, err := catalog.Op("myOnlineMeeting:put")
	if err != nil || put.Body != "resource" || put.Name() != "myOnlineMeeting:PUT" {
		t.Errorf("myOnlineMeeting:PUT: %+v %v", put, err)
	}
	if _, err := catalog.Op("communication"); err == nil || !strings.Contains(err.Error(), "communication:PUT") {
		t.Errorf("Op(communication) = %v, want an error naming communication:PUT", err)
	}
	sub, _ := catalog.Op("presenceSubscriptions")
	if d := sub.Param("duration"); d == nil || !d.HasRange || d.Min != 10 || d.Max != 30 {
		t.Errorf("presenceSubscriptions duration: %+v", d)
	}
	if ty := (catalog.Type{Kind: catalog.Enum, Enum: "ModalityType",
		Array: true}); ty.String() != "Array of ModalityType" {
		t.Errorf("Type.String: %s", ty)
	}
	conv := catalog.Lookup("conversation")
	if len(conv.Events) == 0 || conv.Events[0].Type != "added" {
		t.Errorf("conversation's events: %+v", conv.Events)
	}
	var many bool
	for _, l := range catalog.Lookup("myOnlineMeetings").Links {
		many = many || l.Rel == "myOnlineMeeting" && l.Many
	}
	if !many {
		t.Error("myOnlineMeetings' myOnlineMeeting links are not many")
	}
	// Every operation's name finds it back, and every type source is one
	// of three.
	for _, op := range catalog.Ops() {
		if got, err := catalog.Op(op.Name()); err != nil || got != op {
			t.Errorf("Op(%s) = %v, %v", op.Name(), got, err)
		}
		for _, f := range op.BodyParams() {
			if op.Body == "input" || op.Body == "resource" {
				if f.Type.Kind == 0 || (f.Source != "table" && f.Source != "example" && f.Source != "override") {
					t.Errorf("%s.%s: type %v from %q", op.Name(), f.Name, f.Type, f.Source)
				}
			}
		}
	}
}

// TestValidateFindings: each kind of finding, with its path in both formats.
func TestValidateFindings(t *testing.T) {
	long := strings.Repeat("s", 251)
	for _, tc := range []struct {
		where string
		f     ucwa.Format
		body  string
		want  []string // "path: sentinel" or "path: unknown"
	}{
		{testkit.Where(), ucwa.JSON, `{"rel":"contact","name":"Al","type":"User","uri":"sip:a@b"}`, nil},
		{testkit.Where(), ucwa.JSON, `{"rel":"contact","name":7,"type":"Robot","x":1}`,
			[]string{"/name: type", "/type: enum", "/x: unknown"}},
		{testkit.Where(), ucwa.JSON,
			`{"rel":"conversation","importance":"Normal","_embedded":{"participant":[` +
				`{"rel":"participant","name":true},{"rel":"participant","name":"b"}]}}`,
			[]string{"/_embedded/participant/0/name: type"}},
		{testkit.Where(), ucwa.JSON, `{"rel":"simultaneousRingSettings","ringDelay":"5"}`,
			[]string{"/ringDelay: type"}},
		{testkit.Where(), ucwa.JSON, `{"rel":"simultaneousRingSettings","ringDelay":5,"target":null}`, nil},
		{testkit.Where(), ucwa.JSON, `{"rel":"onlineMeeting","attendees":"sip:a@b"}`, []string{"/attendees: type"}},
		{testkit.Where(), ucwa.JSON, `{"rel":"contactSupportedModalities","modalities":["Audio","Smell"]}`,
			[]string{"/modalities/1: enum"}},
		{testkit.Where(), ucwa.JSON, `{"rel":"unknownThing","a":1}`, []string{": unknown"}},
		{testkit.Where(), ucwa.XML, `<resource xmlns="` + ucwa.Namespace +
			`" rel="simultaneousRingSettings"><property name="ringDelay">5</property>` +
			`<property name="target">None</property></resource>`, nil},
		{testkit.Where(), ucwa.XML, `<resource xmlns="` + ucwa.Namespace +
			`" rel="simultaneousRingSettings"><property name="ringDelay">five</property></resource>`,
			[]string{`/resource/property[@name="ringDelay"]: type`}},
		{testkit.Where(), ucwa.XML, `<resource xmlns="` + ucwa.Namespace +
			`" rel="contactSupportedModalities"><propertyList name="modalities">` +
			`<item>Audio</item><item>Smell</item></propertyList></resource>`,
			[]string{`/resource/propertyList[@name="modalities"]/item[2]: enum`}},
		{testkit.Where(), ucwa.XML, `<resource xmlns="` + ucwa.Namespace +
			`" rel="participantInvitation"><property name="subject">` + long +
			`</property><resource rel="contact"><property name="name">True</property></resource></resource>`,
			[]string{`/resource/property[@name="subject"]: length`}},
	} {
		r, err := ucwa.DecodeResource([]byte(tc.body), tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.where, err)
		}
		check(t, tc.where, catalog.ValidateResource(&r, tc.f), tc.want)
	}
}

// check compares findings with "path: kind" strings.
func check(t *testing.T, where string, fs []catalog.Finding, want []string) {
	t.Helper()
	var got []string
	for _, f := range fs {
		kind := "unknown"
		switch {
		case errors.Is(f.Err, catalog.ErrType):
			kind = "type"
		case errors.Is(f.Err, catalog.ErrEnum):
			kind = "enum"
		case errors.Is(f.Err, catalog.ErrLength):
			kind = "length"
		case errors.Is(f.Err, catalog.ErrRange):
			kind = "range"
		case errors.Is(f.Err, catalog.ErrRequired):
			kind = "required"
		}
		got = append(got, f.Path+": "+kind)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: findings\n%s\nwant\n%s\n(%v)", where, strings.Join(got, "\n"), strings.Join(want, "\n"), fs)
	}
	errs := false
	for _, w := range want {
		errs = errs || !strings.HasSuffix(w, ": unknown")
	}
	if catalog.HasErrors(fs) != errs {
		t.Errorf("%s: HasErrors = %v", where, catalog.HasErrors(fs))
	}
}

func TestValidateInput(t *testing.T) {
	op, _ := catalog.Op("startMessaging")
	for _, tc := range []struct {
		where string
		f     ucwa.Format
		body  string
		want  []string
	}{
		{testkit.Where(), ucwa.JSON, `{"to":"sip:a@b","_links":{"message":{"href":"data:,hi"}}}`, nil},
		{testkit.Where(), ucwa.JSON, `{"importance":"VeryUrgent","subject":"` + strings.Repeat("s", 1000) + `"}`,
			[]string{"/importance: enum", "/subject: length", "/to: required"}},
		{testkit.Where(), ucwa.JSON,
			`{"to":"a","message":"data:,x","other":1,"_links":{"subject":{"href":"/x"},"x":{"href":"/y"}}}`,
			[]string{"/message: type", "/other: unknown", "/_links/subject/href: type", "/_links/x/href: unknown"}},
		{testkit.Where(), ucwa.JSON, `{"to":"a","importance":null}`, nil},
		{testkit.Where(), ucwa.XML, `<input xmlns="` + ucwa.Namespace +
			`"><property name="importance">Soon</property><link rel="message" href="data:,x"/></input>`,
			[]string{`/input/property[@name="importance"]: enum`, `/input/property[@name="to"]: required`}},
	} {
		in, err := ucwa.DecodeInput([]byte(tc.body), tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.where, err)
		}
		check(t, tc.where, op.ValidateInput(&in, tc.f), tc.want)
	}
	sub, _ := catalog.Op("presenceSubscriptions")
	for _, d := range []struct {
		n    string
		want []string
	}{{"9", []string{"/duration: range"}}, {"10", nil}, {"30", nil}, {"31", []string{"/duration: range"}},
		{"2147483648", []string{"/duration: range"}}, {"9223372036854775808", []string{"/duration: type"}}} {
		in, _ := ucwa.DecodeInput([]byte(`{"duration":`+d.n+`,"uris":["sip:a@b"]}`), ucwa.JSON)
		check(t, "duration "+d.n, sub.ValidateInput(&in, ucwa.JSON), d.want)
	}
	put, _ := catalog.Op("group2:PUT")
	in := ucwa.Input{Properties: []ucwa.Property{ucwa.Prop("rel", ucwa.String("group")), ucwa.Prop("id",
		ucwa.String("7"))}}
	check(t, "group2 PUT", put.ValidateInput(&in, ucwa.JSON), []string{"/name: required"})
}

// TestTyper: with the catalog's Typer, an XML body converts to JSON typed
// as the reference types it; without, numbers stay strings.
func TestTyper(t *testing.T) {
	body := `<resource xmlns="` + ucwa.Namespace +
		`" rel="simultaneousRingSettings"><property name="ringDelay">5</property>` +
		`<property name="target">True</property><property name="unknown">7</property></resource>`
	plain, _ := ucwa.DecodeResource([]byte(body), ucwa.XML)
	typed, err := ucwa.Options{Types: catalog.Typer()}.DecodeResource([]byte(body), ucwa.XML)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := plain.AppendJSON(nil)
	j, _ := typed.AppendJSON(nil)
	if !strings.Contains(string(p), `"ringDelay":"5","target":true,"unknown":"7"`) {
		t.Errorf("untyped: %s", p)
	}
	if !strings.Contains(string(j), `"ringDelay":5,"target":"True","unknown":"7"`) {
		t.Errorf("typed: %s", j)
	}
	op, _ := catalog.Op("presenceSubscriptions")
	in, err := ucwa.Options{Types: op.Typer()}.DecodeInput(
		[]byte(`<input xmlns="`+ucwa.Namespace+`"><property name="duration">15</property></input>`), ucwa.XML)
	if v, _ := in.Get("duration"); err != nil || v.Kind() != ucwa.KindNumber {
		t.Errorf("input duration: %v (%v)", v.Kind(), err)
	}
}

func TestParse(t *testing.T) {
	mma, _ := catalog.Op("makeMeAvailable")
	pres, _ := catalog.Op("presenceSubscriptions")
	myom, _ := catalog.Op("myOnlineMeetings")
	joinMuted, _ := catalog.Op("addAudio")
	for _, tc := range []struct {
		where string
		f     *catalog.Field
		text  string
		want  ucwa.Value
		ok    bool
	}{
		{testkit.Where(), mma.Param("phoneNumber"), "tel:+1", ucwa.String("tel:+1"), true},
		{testkit.Where(), mma.Param("inactiveTimeout"), "5m", ucwa.String("PT5M"), true},
		{testkit.Where(), mma.Param("inactiveTimeout"), "PT1H30M", ucwa.String("PT1H30M"), true},
		{testkit.Where(), mma.Param("inactiveTimeout"), "soon", ucwa.Value{}, false},
		{testkit.Where(), pres.Param("duration"), "15", ucwa.Int(15), true},
		{testkit.Where(), pres.Param("duration"), "+15", ucwa.Value{}, false},
		{testkit.Where(), pres.Param("duration"), "1.5", ucwa.Value{}, false},
		{testkit.Where(), joinMuted.Param("joinAudioMuted"), "true", ucwa.Bool(true), true},
		{testkit.Where(), joinMuted.Param("joinAudioMuted"), "yes", ucwa.Value{}, false},
		{testkit.Where(), myom.Param("expirationTime"), "2016-09-26T16:20:29-07:00", ucwa.Date(time.Date(2016, 9, 26,
			16, 20, 29, 0, time.FixedZone("", -7*3600))), true},
		{testkit.Where(), myom.Param("expirationTime"), "/Date(1474932029050)/",
			ucwa.Date(time.UnixMilli(1474932029050).UTC()), true},
		{testkit.Where(), myom.Param("expirationTime"), "tomorrow", ucwa.Value{}, false},
	} {
		v, err := tc.f.Parse(tc.text)
		if (err == nil) != tc.ok || tc.ok && !v.Equal(tc.want) {
			t.Errorf("%s: Parse(%q) = %v %q, %v", tc.where, tc.text, v.Kind(), v.Text(), err)
		}
	}
}
