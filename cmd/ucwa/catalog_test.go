package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/api"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// TestEncodeOp: encode -op writes the typed input of the operation, each
// value read as its parameter's type, and refuses, with one line naming the
// parameter, what the reference says the server refuses.
func TestEncodeOp(t *testing.T) {
	const xmlHead = `<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">`
	tests := []struct {
		at     string
		args   []string
		code   int
		stdout string // when code is 0, exactly, without the final newline
		stderr string // when code is not 0, a part of it
	}{
		{testkit.Where(), []string{"encode", "-op", "startMessaging", "to=sip:john@contoso.com", "importance=Urgent",
			"message=data:,Hi"}, 0,
			`{"to":"sip:john@contoso.com","importance":"Urgent","_links":{"message":{"href":"data:,Hi"}}}`, ""},
		{testkit.Where(), []string{"encode", "-f", "xml", "-op", "startMessaging", "message=data:,Hi",
			"to=sip:john@contoso.com"}, 0,
			xmlHead + `<property name="to">sip:john@contoso.com</property><link rel="message" href="data:,Hi"/></input>`, ""},
		{testkit.Where(), []string{"encode", "-op", "continuePhoneAudio", "operationId=" + seedOperationID,
			"phoneNumber=" + seedPhoneNumber}, 0, seedJSON, ""},
		{testkit.Where(), []string{"encode", "-op", "presenceSubscriptions", "duration=15", "uris=sip:a@b",
			"uris=sip:c@d"}, 0,
			`{"duration":15,"uris":["sip:a@b","sip:c@d"]}`, ""},
		{testkit.Where(), []string{"encode", "-op", "addAudio", "to=sip:a@b", "joinAudioMuted=false"}, 0,
			`{"joinAudioMuted":false,"to":"sip:a@b"}`, ""},
		{testkit.Where(), []string{"encode", "-op", "makeMeAvailable", "inactiveTimeout=5m", "signInAs=Busy",
			"supportedModalities=Messaging"}, 0,
			`{"inactiveTimeout":"PT5M","signInAs":"Busy","supportedModalities":["Messaging"]}`, ""},
		{testkit.Where(), []string{"encode", "-op", "myOnlineMeeting:PUT", "subject=Review",
			"expirationTime=2016-09-26T16:20:29-07:00"}, 0,
			`{"rel":"myOnlineMeeting","expirationTime":"\/Date(1474932029000-0700)\/","subject":"Review"}`, ""},
		{testkit.Where(), []string{"encode", "-op", "startMessaging2", "to=sip:a@b", "operationId=1"}, 0,
			`{"operationId":"1","to":"sip:a@b"}`, ""},

		{testkit.Where(), []string{"encode", "-op", "startMessaging"}, 1, "", "ucwa: startMessaging: to: required"},
		{testkit.Where(), []string{"encode", "-op", "startMessaging", "to=a", "unknown=1"}, 1, "",
			"startMessaging: unknown: not a parameter of the operation"},
		{testkit.Where(), []string{"encode", "-op", "startMessaging", "to=a", "subject=" + strings.Repeat("s", 251)},
			1, "", "startMessaging: subject: longer than 250 characters"},
		{testkit.Where(), []string{"encode", "-op", "startMessaging", "to=a", "subject=" + strings.Repeat("s", 250)}, 0,
			`{"to":"a","subject":"` + strings.Repeat("s", 250) + `"}`, ""},
		{testkit.Where(), []string{"encode", "-op", "startMessaging", "to=a", "importance=VeryUrgent"}, 1, "",
			`importance: "VeryUrgent" is not in the enumeration Importance`},
		{testkit.Where(), []string{"encode", "-op", "presenceSubscriptions", "duration=31", "uris=a"}, 1, "",
			"duration: 31 is not within 10 to 30"},
		{testkit.Where(), []string{"encode", "-op", "presenceSubscriptions", "duration=9", "uris=a"}, 1, "",
			"duration: 9 is not within 10 to 30"},
		{testkit.Where(), []string{"encode", "-op", "presenceSubscriptions", "duration=soon", "uris=a"}, 1, "",
			`duration: "soon" is not an Int64`},
		{testkit.Where(), []string{"encode", "-op", "addAudio", "to=a", "joinAudioMuted=yes"}, 1, "",
			`joinAudioMuted: "yes" is not a Boolean`},
		{testkit.Where(), []string{"encode", "-op", "startMessaging", "to=a", "to=b"}, 1, "",
			"startMessaging: to: given twice"},
		{testkit.Where(), []string{"encode", "-op", "startMessaging", "to=a", "subject=nul\x00"}, 1, "",
			"NUL character"},
		{testkit.Where(), []string{"encode", "-op", "contact:GET"}, 1, "",
			"contact:GET takes no input this tool types"},
		{testkit.Where(), []string{"encode", "-op", "communication", "x=1"}, 1, "", "communication:PUT"},
		{testkit.Where(), []string{"encode", "-op", "nothing"}, 1, "", `no resource "nothing"`},
		{testkit.Where(), []string{"encode", "-op", "startMessaging", "to:=1"}, 2, "", "with -op, want NAME=VALUE"},
		{testkit.Where(), []string{"encode", "-op", "startMessaging", "-link", "message=data:,x", "to=a"}, 2, "",
			"-link with -op"},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.at, "", tt.args...)
		switch {
		case r.code != tt.code:
			t.Errorf("%s: %q: exit %d, stdout %q, stderr %q; want exit %d", tt.at, tt.args, r.code, r.stdout,
				r.stderr, tt.code)
		case tt.code == 0 && r.stdout != tt.stdout+"\n":
			t.Errorf("%s: %q: stdout\n%s\nwant\n%s", tt.at, tt.args, r.stdout, tt.stdout)
		case tt.code != 0 && !strings.Contains(r.stderr, tt.stderr):
			t.Errorf("%s: %q: stderr %q, want %q in it", tt.at, tt.args, r.stderr, tt.stderr)
		}
	}
	// Every typed operation encodes from the command line with its
	// required parameters given as the catalog's samples.
	for _, name := range api.Names() {
		if r := runCLI(t, testkit.Where(), "", "encode", "-op", name); r.code == 2 {
			t.Errorf("encode -op %s: usage error %q", name, r.stderr)
		}
	}
}

func TestDescribe(t *testing.T) {
	for _, tt := range []struct {
		at   string
		args []string
		code int
		want []string // parts of stdout (code 0) or stderr
	}{
		{testkit.Where(), []string{"describe", "startMessaging"}, 0, []string{
			"POST startMessaging → messagingInvitation", "typed as api.StartMessaging", "query parameters:",
			"operationId  String      at most 50 characters",
			"importance   Importance  one of Emergency, Normal, Urgent",
			"message      Href        a link: its href", "409 Conflict/AlreadyExists"}},
		{testkit.Where(), []string{"describe", "search2"}, 0, []string{"search2 (rel search, revision 2): a resource",
			"limit", "1 to 100"}},
		{testkit.Where(), []string{"describe", "organizer"}, 0, []string{"a GET of it returns a contact",
			"properties (contact's):"}},
		{testkit.Where(), []string{"describe", "myOnlineMeeting:put"}, 0,
			[]string{"PUT myOnlineMeeting (operation myOnlineMeeting:PUT)",
				"request body: the resource, typed as api.PutMyOnlineMeeting"}},
		{testkit.Where(), []string{"describe", "Importance"}, 0,
			[]string{"Importance (an enumeration): Emergency, Normal, Urgent"}},
		{testkit.Where(), []string{"describe", "conversation"}, 0, []string{"events:",
			"added, sent by communication, priority High"}},
		{testkit.Where(), []string{"describe", "nothing"}, 1,
			[]string{`"nothing" is no resource, operation or enumeration`}},
		{testkit.Where(), []string{"describe"}, 2, []string{"want one NAME"}},
		{testkit.Where(), []string{"describe", "a", "b"}, 2, []string{"want one NAME"}},
	} {
		r := runCLI(t, tt.at, "", tt.args...)
		out := r.stdout
		if tt.code != 0 {
			out = r.stderr
		}
		if r.code != tt.code {
			t.Errorf("%s: %q: exit %d, stderr %q", tt.at, tt.args, r.code, r.stderr)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: %q: %q not in\n%s", tt.at, tt.args, w, out)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasSuffix(line, " ") {
				t.Errorf("%s: %q: trailing space in %q", tt.at, tt.args, line)
			}
		}
	}
	r := runCLI(t, testkit.Where(), "", "describe", "-json", "startMessaging")
	var got struct {
		Name       string `json:"name"`
		Operations []struct {
			Name   string `json:"name"`
			Typed  string `json:"typed"`
			Params []struct {
				Name      string   `json:"name"`
				Type      string   `json:"type"`
				In        string   `json:"in"`
				Required  bool     `json:"required"`
				Link      bool     `json:"link"`
				MaxLength int      `json:"maxLength"`
				Values    []string `json:"values"`
			} `json:"params"`
			Errors []struct {
				Status int `json:"status"`
			} `json:"errors"`
		} `json:"operations"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("describe -json: %v\n%s", err, r.stdout)
	}
	op := got.Operations[0]
	if got.Name != "startMessaging" || op.Typed != "api.StartMessaging" || len(op.Params) != 7 || len(op.Errors) != 6 {
		t.Errorf("describe -json: %+v", got)
	}
	if p := op.Params[1]; p.Name != "operationId" || p.In != "body" || p.MaxLength != 50 || p.Type != "String" {
		t.Errorf("operationId: %+v", p)
	}
	if p := op.Params[3]; p.Name != "importance" || len(p.Values) != 3 {
		t.Errorf("importance: %+v", p)
	}
	if p := op.Params[6]; p.Name != "message" || !p.Link {
		t.Errorf("message: %+v", p)
	}
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "me.json")
	if err := os.WriteFile(file, []byte(resourceJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("s", 300)
	for _, tt := range []struct {
		at     string
		args   []string
		stdin  string
		code   int
		stdout string // exactly
		stderr string // a part
	}{
		{testkit.Where(), []string{"validate", file}, "", 0, "", ""},
		{testkit.Where(), []string{"validate"}, `{"rel":"contact","name":"Al","type":"User"}`, 0, "", ""},
		{testkit.Where(), []string{"validate"}, `{"rel":"contact","name":"Al","extra":1}`, 0,
			"/extra: unknown property extra of contact\n", ""},
		{testkit.Where(), []string{"validate"}, `{"rel":"contact","name":7,"type":"Robot"}`, 1,
			"/name: not a String: a number\n/type: \"Robot\" is not in the enumeration ContactType\n",
			"ucwa: the body breaks 2 rules of the reference"},
		{testkit.Where(), []string{"validate", "-op", "startMessaging"}, `{"importance":"VeryUrgent","subject":"` +
			long + `"}`, 1,
			"/importance: \"VeryUrgent\" is not in the enumeration Importance\n" +
				"/subject: subject is longer than 250 characters\n/to: to is required\n", "3 rules"},
		{testkit.Where(), []string{"validate", "-op", "startMessaging"}, `<input xmlns="` + ucwa.Namespace +
			`"><property name="to">sip:a@b</property><link rel="message" href="data:,x"/></input>`, 0, "", ""},
		{testkit.Where(), []string{"validate", "-op", "group2:PUT"}, `<resource xmlns="` + ucwa.Namespace +
			`"><property name="rel">group</property><property name="id">7</property></resource>`, 1,
			"/resource/property[@name=\"name\"]: name is required\n", "1 rule"},
		{testkit.Where(), []string{"validate", "-rel", "search2"}, `{"rel":"search","moreResultsAvailable":"yes"}`, 1,
			"/moreResultsAvailable: not a Boolean: a string\n", "1 rule"},
		{testkit.Where(), []string{"validate"}, `<resource xmlns="` + ucwa.Namespace +
			`" rel="simultaneousRingSettings"><property name="ringDelay">soon</property></resource>`, 1,
			"/resource/property[@name=\"ringDelay\"]: \"soon\" is not an Int64\n", "1 rule"},
		{testkit.Where(), []string{"validate"}, eventsJSON, 0, "", ""},
		{testkit.Where(), []string{"validate"}, `{"a":1}`, 2, "", "an input: give -op"},
		{testkit.Where(), []string{"validate"}, errorBodyJSON, 2, "", "an error body"},
		{testkit.Where(), []string{"validate", "-op", "a", "-rel", "b"}, "", 2, "", "-op and -rel together"},
		{testkit.Where(), []string{"validate", "-op", "contact:GET"}, "{}", 1, "", "contact:GET takes no UCWA body"},
		{testkit.Where(), []string{"validate", "-rel", "nothing"}, "{}", 1, "", `"nothing" is no resource`},
		{testkit.Where(), []string{"validate"}, "hello", 1, "", "not JSON nor XML"},
		{testkit.Where(), []string{"validate"}, `{"rel":"contact",`, 1, "", "unexpected end"},
	} {
		r := runCLI(t, tt.at, tt.stdin, tt.args...)
		if r.code != tt.code || r.stdout != tt.stdout || !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%s: %q: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.at, tt.args, r.code, r.stdout,
				r.stderr, tt.code, tt.stdout, tt.stderr)
		}
	}
}

func TestConvertTyped(t *testing.T) {
	const srs = `<resource xmlns="` + ucwa.Namespace +
		`" rel="simultaneousRingSettings"><property name="ringDelay">5</property>` +
		`<property name="target">True</property></resource>`
	for _, tt := range []struct {
		at     string
		args   []string
		stdin  string
		code   int
		stdout string
	}{
		{testkit.Where(), []string{"convert", "-to", "json"}, srs, 0,
			`{"rel":"simultaneousRingSettings","ringDelay":"5","target":true}`},
		{testkit.Where(), []string{"convert", "-to", "json", "-typed"}, srs, 0,
			`{"rel":"simultaneousRingSettings","ringDelay":5,"target":"True"}`},
		{testkit.Where(), []string{"convert", "-typed", "-to", "xml"}, srs, 0,
			`<?xml version="1.0" encoding="utf-8"?>` +
				`<resource rel="simultaneousRingSettings" xmlns="` + ucwa.Namespace +
				`"><property name="ringDelay">5</property><property name="target">True</property></resource>`},
		{testkit.Where(), []string{"convert", "-to", "json", "-typed=presenceSubscriptions"}, `<input xmlns="` +
			ucwa.Namespace + `"><property name="duration">15</property></input>`, 0, `{"duration":15}`},
		{testkit.Where(), []string{"convert", "-to", "json", "-typed=nothing"}, srs, 1, ""},
	} {
		r := runCLI(t, tt.at, tt.stdin, tt.args...)
		if r.code != tt.code || tt.code == 0 && r.stdout != tt.stdout+"\n" {
			t.Errorf("%s: %q: exit %d, stdout %q, stderr %q", tt.at, tt.args, r.code, r.stdout, r.stderr)
		}
	}
}
