package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ucwa-go/ucwa"
)

// The seed example: the continuePhoneAudio input of the UCWA reference.
const (
	seedOperationID = "74cb7404e0a247d5a2d4eb0376a47dbf"
	seedPhoneNumber = "tel:+14255551234"
	seedXML         = `<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
		`<property name="operationId">74cb7404e0a247d5a2d4eb0376a47dbf</property>` +
		`<property name="phoneNumber">tel:+14255551234</property></input>`
	seedJSON = `{"operationId":"74cb7404e0a247d5a2d4eb0376a47dbf","phoneNumber":"tel:+14255551234"}`
)

// at returns the file and line of its caller, so that a table row says where
// it is.
func at() string {
	_, file, line, _ := runtime.Caller(1)
	return filepath.Base(file) + ":" + strconv.Itoa(line)
}

// result is what one run of the command gives.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the command with args and stdin, and checks the rules every run
// obeys whatever its arguments (see checkRules).
func runCLI(t *testing.T, where, stdin string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	r := result{code, stdout.String(), stderr.String()}
	checkRules(t, where, args, r)
	return r
}

// checkRules checks the exit status contract: 0 writes nothing on standard
// error; 1 writes nothing on standard output and exactly one line on standard
// error, starting "ucwa: " once; 2 writes nothing on standard output, and a
// "ucwa: " line and the usage on standard error. No run ends in the recover
// of last resort.
func checkRules(t *testing.T, where string, args []string, r result) {
	t.Helper()
	switch r.code {
	case 0:
		if r.stderr != "" {
			t.Errorf("%s: %q: exit 0 with stderr %q", where, args, r.stderr)
		}
		if !strings.HasSuffix(r.stdout, "\n") && r.stdout != "" {
			t.Errorf("%s: %q: stdout %q does not end in a newline", where, args, r.stdout)
		}
	case 1:
		if r.stdout != "" {
			t.Errorf("%s: %q: exit 1 with stdout %q", where, args, r.stdout)
		}
		if !strings.HasPrefix(r.stderr, "ucwa: ") || strings.HasPrefix(r.stderr, "ucwa: ucwa: ") ||
			strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") {
			t.Errorf("%s: %q: exit 1 with stderr %q, want one line starting \"ucwa: \" once", where, args, r.stderr)
		}
	case 2:
		if r.stdout != "" {
			t.Errorf("%s: %q: exit 2 with stdout %q", where, args, r.stdout)
		}
		first, rest, _ := strings.Cut(r.stderr, "\n")
		if !strings.HasPrefix(first, "ucwa: ") || strings.HasPrefix(first, "ucwa: ucwa: ") ||
			!strings.HasPrefix(rest, "usage:") {
			t.Errorf("%s: %q: exit 2 with stderr %q, want a \"ucwa: \" line and the usage", where, args, r.stderr)
		}
	default:
		t.Errorf("%s: %q: exit %d", where, args, r.code)
	}
	if strings.Contains(r.stderr, "internal error") {
		t.Errorf("%s: %q: panicked: %s", where, args, r.stderr)
	}
}

// corpusBody returns the body of testdata/corpus/name: what follows the
// first blank line, without the final newline that ends the file.
func corpusBody(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	_, body, ok := bytes.Cut(data, []byte("\n\n"))
	if !ok {
		t.Fatalf("%s: no blank line after the headers", name)
	}
	return bytes.TrimSuffix(body, []byte("\n"))
}

// corpusEntry is the part of an entry of testdata/corpus/manifest.json that
// these tests use.
type corpusEntry struct {
	File       string `json:"file"`
	WellFormed bool   `json:"well_formed"`
}

func corpusManifest(t *testing.T) []corpusEntry {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m []corpusEntry
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if len(m) < 100 {
		t.Fatalf("manifest lists %d files", len(m))
	}
	return m
}

// TestEncodeSeed checks the seed example byte for byte, and that the output
// is the library encoder's.
func TestEncodeSeed(t *testing.T) {
	cpa := ucwa.ContinuePhoneAudio{OperationID: seedOperationID, PhoneNumber: seedPhoneNumber}
	for _, f := range []ucwa.Format{ucwa.XML, ucwa.JSON} {
		want := seedXML
		if f == ucwa.JSON {
			want = seedJSON
		}
		lib, err := cpa.Append(nil, f)
		if err != nil || string(lib) != want {
			t.Fatalf("library %s = %q, %v; want %q", f, lib, err, want)
		}
		for _, args := range [][]string{
			{"encode", "-f", f.String(), "operationId=" + seedOperationID, "phoneNumber=" + seedPhoneNumber},
			{"encode", "operationId=" + seedOperationID, "-f=" + f.String(), "phoneNumber=" + seedPhoneNumber},
		} {
			r := runCLI(t, at(), "", args...)
			if r.code != 0 || r.stdout != want+"\n" {
				t.Errorf("%q: exit %d, stdout %q; want %q and a newline", args, r.code, r.stdout, want)
			}
		}
	}
	// JSON is the default format.
	if r := runCLI(t, at(), "", "encode", "operationId="+seedOperationID, "phoneNumber="+seedPhoneNumber); r.stdout != seedJSON+"\n" {
		t.Errorf("default format: stdout %q", r.stdout)
	}
}

func TestEncode(t *testing.T) {
	const xmlHead = `<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">`
	tests := []struct {
		at     string
		args   []string
		code   int
		stdout string // when code is 0, exactly, without the final newline
		stderr string // when code is not 0, a part of it
	}{
		{at(), []string{"encode"}, 0, `{}`, ""},
		{at(), []string{"encode", "-f", "xml"}, 0, xmlHead + `</input>`, ""},
		{at(), []string{"encode", "a=b=c", "e="}, 0, `{"a":"b=c","e":""}`, ""},
		{at(), []string{"encode", "-f", "xml", "e="}, 0, xmlHead + `<property name="e"></property></input>`, ""},
		{at(), []string{"encode", "b:=true", "n:=3", "z:=null", `l:=["a",1]`, `g:={"k":"v"}`, `s:="x"`, `d:="\/Date(1436925243767)\/"`}, 0,
			`{"b":true,"n":3,"z":null,"l":["a",1],"g":{"k":"v"},"s":"x","d":"\/Date(1436925243767)\/"}`, ""},
		{at(), []string{"encode", "-f", "xml", "b:=true", "n:=3", "z:=null", `l:=["a",1]`, `g:={"k":"v"}`, `d:="\/Date(1436925243767)\/"`}, 0,
			xmlHead + `<property name="b">true</property><property name="n">3</property><property name="z"/>` +
				`<propertyList name="l"><item>a</item><item>1</item></propertyList>` +
				`<property name="g"><property name="k">v</property></property>` +
				`<property name="d">2015-07-15T01:54:03.767Z</property></input>`, ""},
		// A link, before or after the properties: links are written last.
		{at(), []string{"encode", "-link", "message=data:text/plain,hi", "operationId=1", "to=sip:john@contoso.com"}, 0,
			`{"operationId":"1","to":"sip:john@contoso.com","_links":{"message":{"href":"data:text/plain,hi"}}}`, ""},
		{at(), []string{"encode", "-f", "xml", "operationId=1", "-link", "message=data:text/plain,hi"}, 0,
			xmlHead + `<property name="operationId">1</property><link rel="message" href="data:text/plain,hi"/></input>`, ""},
		// "--" ends the flags.
		{at(), []string{"encode", "--", "-f=xml"}, 0, `{"-f":"xml"}`, ""},
		// Characters each format must escape.
		{at(), []string{"encode", "a=x\r\ny", "d=<&>\"", "b\nc=1"}, 0, `{"a":"x\r\ny","d":"<&>\"","b\nc":"1"}`, ""},
		{at(), []string{"encode", "-f", "xml", "d=<&>\"]]>"}, 0, xmlHead + `<property name="d">&lt;&amp;&gt;"]]&gt;</property></input>`, ""},

		// Refused values: exit 1.
		{at(), []string{"encode", "a=1", "a=2"}, 1, "", "duplicate property name"},
		{at(), []string{"encode", "a=\xff"}, 1, "", "ucwa: json: cannot encode /a"},
		{at(), []string{"encode", "-f", "xml", "a=\xff"}, 1, "", "ucwa: xml: cannot encode /a"},
		{at(), []string{"encode", "-f", "xml", "a=\x01"}, 1, "", "ucwa: xml: cannot encode /a"},
		{at(), []string{"encode", "-f", "xml", "a:={}"}, 1, "", "empty property bag"},
		{at(), []string{"encode", `x:=1,"y":2`}, 1, "", "not a JSON value"},
		{at(), []string{"encode", `x:=1,"_links":{"a":{"href":"b"}}`}, 1, "", "not a JSON value"},
		{at(), []string{"encode", `x:=`}, 1, "", "not a JSON value"},
		{at(), []string{"encode", `x:=tru`}, 1, "", "not a JSON value"},
		{at(), []string{"encode", "x:=\"\xff\""}, 1, "", "x:="},
		{at(), []string{"encode", `x:=` + strings.Repeat("[", 200) + strings.Repeat("]", 200)}, 1, "", "x:="},

		// Usage errors: exit 2.
		{at(), []string{"encode", "noequals"}, 2, "", `not "noequals"`},
		{at(), []string{"encode", "=v"}, 2, "", "NAME=VALUE"},
		{at(), []string{"encode", ":=1"}, 2, "", "NAME=VALUE"},
		{at(), []string{"encode", "-f", "yaml"}, 2, "", `invalid value "yaml" for flag -f`},
		{at(), []string{"encode", "-link", "message"}, 2, "", "REL=HREF"},
		{at(), []string{"encode", "-x"}, 2, "", "flag provided but not defined: -x"},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.at, "", tt.args...)
		if r.code != tt.code {
			t.Errorf("%s: %q: exit %d, want %d (stderr %q)", tt.at, tt.args, r.code, tt.code, r.stderr)
			continue
		}
		if tt.code == 0 {
			if r.stdout != tt.stdout+"\n" {
				t.Errorf("%s: %q:\n got %q\nwant %q", tt.at, tt.args, r.stdout, tt.stdout+"\n")
			}
		} else if !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%s: %q: stderr %q does not contain %q", tt.at, tt.args, r.stderr, tt.stderr)
		}
	}
}

// TestEncodeDecodes checks that what encode writes decodes, in each format,
// to the properties and links it was given.
func TestEncodeDecodes(t *testing.T) {
	args := []string{"operationId=" + seedOperationID, "subject=Skype for Business", "crlf=a\r\nb", "amp=<&>",
		"n:=42", "b:=false", "-link", "message=data:text/plain;base64,SGk="}
	for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
		r := runCLI(t, at(), "", append([]string{"encode", "-f", f.String()}, args...)...)
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", f, r.code, r.stderr)
		}
		in, err := ucwa.DecodeInput([]byte(strings.TrimSuffix(r.stdout, "\n")), f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var got []string
		for _, p := range in.Properties {
			got = append(got, p.Name+"="+p.Value.Text())
		}
		want := []string{"operationId=" + seedOperationID, "subject=Skype for Business", "crlf=a\r\nb", "amp=<&>", "n=42", "b=false"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: properties %q, want %q", f, got, want)
		}
		if l, ok := in.Link("message"); !ok || l.Href != "data:text/plain;base64,SGk=" || len(in.Links) != 1 {
			t.Errorf("%s: links %+v", f, in.Links)
		}
	}
}

// An event-channel response, an error body and a resource, in JSON, as the
// library writes them.
const (
	eventsJSON = `{"_links":{"self":{"href":"/ucwa/v1/applications/192/events?ack=1"},"next":{"href":"/ucwa/v1/applications/192/events?ack=2"}},` +
		`"sender":[{"rel":"communication","href":"/ucwa/v1/applications/192/communication","events":[` +
		`{"link":{"rel":"conversation","href":"/ucwa/v1/applications/192/communication/conversations/1"},"type":"added"}]}]}`
	errorBodyJSON = `{"code":"Conflict","subcode":"AlreadyExists","message":"The requested resource already exists.","parameters":{"to":"sip:a@b"}}`
	errorBodyXML  = `<?xml version="1.0" encoding="utf-8"?><reason xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
		`<code>Conflict</code><subcode>AlreadyExists</subcode><message>The requested resource already exists.</message>` +
		`<parameters><property name="to">sip:a@b</property></parameters></reason>`
	resourceJSON = `{"rel":"me","name":"Ann","_links":{"self":{"href":"/ucwa/v1/applications/192/me"},"note":{"href":"/ucwa/v1/applications/192/me/note"}}}`
)

func TestConvert(t *testing.T) {
	cpaXML := string(corpusBody(t, "continuePhoneAudio.POST.xml-request.http"))
	tests := []struct {
		at     string
		stdin  string
		args   []string
		code   int
		stdout string // when code is 0, exactly, without the final newline
		stderr string // when code is not 0, a part of it
	}{
		// The seed, as the reference shows it, to either format.
		{at(), cpaXML, []string{"convert", "-to", "json"}, 0, seedJSON, ""},
		{at(), cpaXML, []string{"convert", "-to", "xml", "-"}, 0, seedXML, ""},
		{at(), seedJSON, []string{"convert", "-to", "xml"}, 0, seedXML, ""},
		{at(), "\xef\xbb\xbf \n" + seedJSON + "\n", []string{"convert", "-to", "xml"}, 0, seedXML, ""},
		{at(), seedJSON, []string{"convert", "-from", "json", "-to", "json"}, 0, seedJSON, ""},
		// Each kind of body, both ways.
		{at(), errorBodyJSON, []string{"convert", "-to", "xml"}, 0, errorBodyXML, ""},
		{at(), errorBodyXML, []string{"convert", "-to", "json"}, 0, errorBodyJSON, ""},
		{at(), eventsJSON, []string{"convert", "-to", "json"}, 0, eventsJSON, ""},
		{at(), resourceJSON, []string{"convert", "-to", "json"}, 0, resourceJSON, ""},
		{at(), resourceJSON, []string{"convert", "-to", "xml"}, 0, `<?xml version="1.0" encoding="utf-8"?>` +
			`<resource rel="me" href="/ucwa/v1/applications/192/me" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
			`<link rel="note" href="/ucwa/v1/applications/192/me/note"/><property name="rel">me</property>` +
			`<property name="name">Ann</property></resource>`, ""},
		// -kind overrides detection.
		{at(), `{"a":"b","_links":{"x":{"href":"/y"}}}`, []string{"convert", "-to", "xml", "-kind", "resource"}, 0,
			`<?xml version="1.0" encoding="utf-8"?><resource xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
				`<link rel="x" href="/y"/><property name="a">b</property></resource>`, ""},
		{at(), `{"a":"b","_links":{"x":{"href":"/y"}}}`, []string{"convert", "-to", "xml"}, 0,
			`<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
				`<property name="a">b</property><link rel="x" href="/y"/></input>`, ""},
		{at(), seedJSON, []string{"convert", "-to", "xml", "-kind", "events"}, 1, "", `unknown member "operationId" in events`},

		// Hostile and broken bodies: exit 1 with the decoder's reason.
		{at(), "", []string{"convert", "-to", "xml"}, 1, "", "ucwa: standard input: not JSON nor XML"},
		{at(), "hello", []string{"convert", "-to", "xml"}, 1, "", "not JSON nor XML"},
		{at(), `{"operationId":"74cb`, []string{"convert", "-to", "xml"}, 1, "", "ucwa: json: "},
		{at(), `{"code":"Conflict"`, []string{"convert", "-to", "xml"}, 1, "", "ucwa: json: "},
		{at(), "{\"a\":\"\xff\"}", []string{"convert", "-to", "xml"}, 1, "", "invalid UTF-8"},
		{at(), "{\"a\":\"x\ny\"}", []string{"convert", "-to", "xml"}, 1, "", "control character"},
		{at(), `{"a":1,"a":2}`, []string{"convert", "-to", "xml"}, 1, "", "duplicate"},
		{at(), seedJSON + `{}`, []string{"convert", "-to", "xml"}, 1, "", "ucwa: json: "},
		{at(), `<!DOCTYPE input [<!ENTITY x "y">]><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"/>`,
			[]string{"convert", "-to", "json"}, 1, "", "DOCTYPE"},
		{at(), `<input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="a">&x;</property></input>`,
			[]string{"convert", "-to", "json"}, 1, "", "ucwa: xml: "},
		{at(), `<html><body>502 Bad Gateway</body></html>`, []string{"convert", "-to", "json"}, 1, "", "<html>"},
		{at(), `<input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="a">b</property>`,
			[]string{"convert", "-to", "json"}, 1, "", "ucwa: xml: "},
		{at(), strings.Repeat(`{"a":`, 200) + "1" + strings.Repeat("}", 200), []string{"convert", "-to", "xml"}, 1, "", "deep"},
		{at(), seedJSON, []string{"convert", "-from", "xml", "-to", "json"}, 1, "", "ucwa: xml: "},

		// Usage errors.
		{at(), seedJSON, []string{"convert"}, 2, "", "-to is required"},
		{at(), seedJSON, []string{"convert", "-to", "yaml"}, 2, "", `invalid value "yaml" for flag -to`},
		{at(), seedJSON, []string{"convert", "-to", "xml", "-kind", "thing"}, 2, "", "-kind"},
		{at(), seedJSON, []string{"convert", "-to", "xml", "a", "b"}, 2, "", "more than one FILE"},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.at, tt.stdin, tt.args...)
		if r.code != tt.code {
			t.Errorf("%s: %q: exit %d, want %d (stderr %q)", tt.at, tt.args, r.code, tt.code, r.stderr)
			continue
		}
		if tt.code == 0 {
			if r.stdout != tt.stdout+"\n" {
				t.Errorf("%s: %q:\n got %q\nwant %q", tt.at, tt.args, r.stdout, tt.stdout+"\n")
			}
		} else if !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%s: %q: stderr %q does not contain %q", tt.at, tt.args, r.stderr, tt.stderr)
		}
	}
}

// TestConvertTooLarge checks that a body over ucwa.DefaultMaxSize is refused.
func TestConvertTooLarge(t *testing.T) {
	body := `{"a":"` + strings.Repeat("x", ucwa.DefaultMaxSize) + `"}`
	r := runCLI(t, at(), body, "convert", "-to", "xml")
	if r.code != 1 || !strings.Contains(r.stderr, "over the limit") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestFileAndStdin checks that FILE, "-" and no FILE read the same body.
func TestFileAndStdin(t *testing.T) {
	file := filepath.Join(t.TempDir(), "body.json")
	if err := os.WriteFile(file, []byte(errorBodyJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"convert", "-to", "xml"}, {"error", "-status", "409"}} {
		fromFile := runCLI(t, at(), "", append(cmd, file)...)
		fromDash := runCLI(t, at(), errorBodyJSON, append(cmd, "-")...)
		fromStdin := runCLI(t, at(), errorBodyJSON, cmd...)
		if fromFile.code != 0 || fromFile != fromDash || fromFile != fromStdin {
			t.Errorf("%q: file %+v, \"-\" %+v, stdin %+v", cmd, fromFile, fromDash, fromStdin)
		}
		// Flags after FILE work too.
		if after := runCLI(t, at(), "", append([]string{cmd[0], file}, cmd[1:]...)...); after != fromFile {
			t.Errorf("%q with FILE first: %+v", cmd, after)
		}
		missing := runCLI(t, at(), "", append(cmd, filepath.Join(t.TempDir(), "missing"))...)
		if missing.code != 1 || !strings.Contains(missing.stderr, "no such file") {
			t.Errorf("%q missing FILE: %+v", cmd, missing)
		}
	}
	// A nil stdin reads as empty.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"convert", "-to", "xml"}, nil, &stdout, &stderr); code != 1 {
		t.Errorf("nil stdin: exit %d, stderr %q", code, stderr.String())
	}
}

func TestDetectKind(t *testing.T) {
	tests := []struct {
		at   string
		body string
		want string
	}{
		{at(), seedJSON, kindInput},
		{at(), `{}`, kindInput},
		{at(), `{"operationId":"1","_links":{"message":{"href":"data:,hi"}}}`, kindInput},
		{at(), `{"rel":"me"}`, kindResource},
		{at(), `{"a":1,"_embedded":{}}`, kindResource},
		{at(), `{"_links":{"self":{"href":"/x"}}}`, kindResource},
		{at(), `{"code":"Conflict"}`, kindError},
		{at(), `{"message":"m","code":"Conflict","link":{"href":"/x"}}`, kindError},
		{at(), `{"code":"x","rel":"r"}`, kindResource},
		{at(), `{"code":"x","_links":{"y":{"href":"/y"}}}`, kindInput},
		{at(), eventsJSON, kindEvents},
		{at(), `{"sender":[`, kindEvents}, // truncated after the name: the events decoder says what is wrong
		{at(), `{"code":`, kindError},
		{at(), `{"_links":{"self":`, kindInput},
		{at(), `[]`, kindInput},
		{at(), "\xef\xbb\xbf" + `{"rel":"me"}`, kindResource},
		{at(), `<input/>`, kindInput},
		{at(), `<?xml version="1.0"?><!-- c --> <resource rel="me">`, kindResource},
		{at(), `<u:events xmlns:u="x">`, kindEvents},
		{at(), "<reason\n>", kindError},
		{at(), `<!DOCTYPE reason><reason/>`, kindInput},
		{at(), `<?xml`, kindInput},
		{at(), `<!-- never ends`, kindInput},
		{at(), `<html>`, kindInput},
	}
	for _, tt := range tests {
		f, ok := ucwa.DetectFormat([]byte(tt.body))
		if !ok {
			f = ucwa.JSON
		}
		if got := detectKind([]byte(tt.body), f); got != tt.want {
			t.Errorf("%s: detectKind(%q) = %s, want %s", tt.at, tt.body, got, tt.want)
		}
	}
}

// ambiguousJSON lists the reference examples of resources whose JSON form has
// neither "rel" nor a self link, so that convert reads it as an input (and
// needs -kind resource), and the XML forms of the same resources, which
// become such JSON.
var ambiguousJSON = map[string]bool{
	"renegotiations.POST.json-response.http":   true,
	"renegotiations.POST.xml-response.http":    true,
	"resumeAudio.POST.json-response.http":      true,
	"resumeAudio.POST.xml-response.http":       true,
	"resumeAudioVideo.POST.json-response.http": true,
	"resumeAudioVideo.POST.xml-response.http":  true,
}

// TestConvertCorpus converts every reference example to both formats: the
// output decodes in its format as the same kind, and the JSON and XML forms
// of an example are detected as the same kind but for the three JSON
// examples that lack both "rel" and a self link.
func TestConvertCorpus(t *testing.T) {
	kinds := map[string]string{}
	converted := 0
	for _, e := range corpusManifest(t) {
		body := corpusBody(t, e.File)
		f, ok := ucwa.DetectFormat(body)
		for _, to := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
			r := runCLI(t, e.File, string(body), "convert", "-to", to.String())
			if !e.WellFormed || !ok {
				if r.code != 1 {
					t.Errorf("%s (not well-formed) to %s: exit %d", e.File, to, r.code)
				}
				continue
			}
			if r.code != 0 {
				continue // such as a root outside the UCWA namespace; checkRules has checked stderr
			}
			converted++
			k := detectKind(body, f)
			out := []byte(strings.TrimSuffix(r.stdout, "\n"))
			if back := detectKind(out, to); back != k && !(to == ucwa.JSON && ambiguousJSON[e.File]) {
				t.Errorf("%s to %s: %s became %s", e.File, to, k, back)
			}
			if _, err := convert(out, to, k, to); err != nil {
				t.Errorf("%s to %s: output does not decode: %v", e.File, to, err)
			}
		}
		if e.WellFormed && ok {
			kinds[e.File] = detectKind(body, f)
		}
	}
	if converted < 500 {
		t.Errorf("only %d conversions succeeded", converted)
	}
	var differ []string
	for file, k := range kinds {
		if kx, ok := kinds[strings.Replace(file, ".json-", ".xml-", 1)]; ok && strings.Contains(file, ".json-") && kx != k {
			differ = append(differ, file+": "+k+", xml "+kx)
		}
	}
	slices.Sort(differ)
	var want []string
	for file := range ambiguousJSON {
		if strings.Contains(file, ".json-") {
			want = append(want, file+": input, xml resource")
		}
	}
	slices.Sort(want)
	if !slices.Equal(differ, want) {
		t.Errorf("JSON and XML examples of different kinds:\n%s", strings.Join(differ, "\n"))
	}
}

// TestCutTag is the regression test of a library fix: an XML body that
// ended in '<' after a tag made the decoder loop forever.
func TestCutTag(t *testing.T) {
	for _, body := range []string{
		`<input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><`,
		`<resource rel="me" href="/me" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="a">b</property><`,
		`<reason xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><code>Conflict</code><parameters><`,
	} {
		done := make(chan result, 1)
		go func() {
			var stdout, stderr bytes.Buffer
			code := run([]string{"convert", "-to", "json"}, strings.NewReader(body), &stdout, &stderr)
			done <- result{code, stdout.String(), stderr.String()}
		}()
		select {
		case r := <-done:
			checkRules(t, at(), []string{"convert"}, r)
			if r.code != 1 || !strings.Contains(r.stderr, "unexpected end of body") {
				t.Errorf("%q: exit %d, stderr %q", body, r.code, r.stderr)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%q: convert does not return", body)
		}
	}
}

// TestTruncatedBodies feeds convert and error every reference example cut at
// a few places: each run obeys the exit status rules and none panics.
func TestTruncatedBodies(t *testing.T) {
	for _, e := range corpusManifest(t) {
		body := corpusBody(t, e.File)
		for _, n := range []int{1, 2, len(body) / 3, len(body) / 2, len(body) - 1} {
			if n <= 0 || n >= len(body) {
				continue
			}
			cut := string(body[:n])
			where := e.File + "[:" + strconv.Itoa(n) + "]"
			if r := runCLI(t, where, cut, "convert", "-to", "xml"); r.code == 2 {
				t.Errorf("%s: convert: exit 2", where)
			}
			if r := runCLI(t, where, cut, "error", "-status", "500"); r.code != 0 {
				t.Errorf("%s: error: exit %d", where, r.code)
			}
		}
	}
}

func TestLocation(t *testing.T) {
	const base = "https://fe1.contoso.com:443//v1/applications/833/communication/conversationLogs/conversationLog/continuePhoneAudio"
	tests := []struct {
		at     string
		args   []string
		code   int
		stdout string // when code is 0, exactly, without the final newline
		stderr string // when code is not 0, a part of it
	}{
		// The Location of the continuePhoneAudio example.
		{at(), []string{"location", "-base", base, "//v1/applications/833/communication/invitations/596"}, 0,
			`{"url":"https://fe1.contoso.com:443//v1/applications/833/communication/invitations/596",` +
				`"path":"//v1/applications/833/communication/invitations/596","application":"833","resource":"invitations","id":"596"}`, ""},
		{at(), []string{"location", "/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1", "-base", "https://fe1.contoso.com/ucwa"}, 0,
			`{"url":"https://fe1.contoso.com/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1",` +
				`"path":"/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1","application":"23","resource":"onlineMeetingInvitations","id":"i1"}`, ""},
		// An absolute URL is its own base.
		{at(), []string{"location", "https://fe1.contoso.com/ucwa/v1/applications/833/communication/invitations/596"}, 0,
			`{"url":"https://fe1.contoso.com/ucwa/v1/applications/833/communication/invitations/596",` +
				`"path":"/ucwa/v1/applications/833/communication/invitations/596","application":"833","resource":"invitations","id":"596"}`, ""},
		{at(), []string{"location", "HTTP://Host:8080/a?q=1"}, 0,
			`{"url":"http://Host:8080/a?q=1","path":"/a","application":"","resource":"","id":"a"}`, ""},
		// On the base's origin, the URL has the base's scheme and host.
		{at(), []string{"location", "-base", "https://fe1.contoso.com/", "https://FE1.contoso.com:443/x/y"}, 0,
			`{"url":"https://fe1.contoso.com/x/y","path":"/x/y","application":"","resource":"x","id":"y"}`, ""},

		// Refusals: exit 1.
		{at(), []string{"location", "-base", base, "https://evil.example/ucwa/x"}, 1, "", "is not the request's"},
		{at(), []string{"location", "-base", "https://fe1.contoso.com/", "http://fe1.contoso.com/x"}, 1, "", "downgrade from https to http"},
		{at(), []string{"location", "-base", base, "/a\r\nSet-Cookie: x=y"}, 1, "", `ucwa: Location "/a\r\nSet-Cookie: x=y": control byte`},
		{at(), []string{"location", "-base", base, "/a\nb"}, 1, "", `"/a\nb"`},
		{at(), []string{"location", "-base", base, "/\\evil.example/x"}, 1, "", "ucwa: Location"},
		{at(), []string{"location", "-base", base, "/a/../b"}, 1, "", "ucwa: Location"},
		{at(), []string{"location", "-base", base, "invitations/596"}, 1, "", "not a path from the root"},
		{at(), []string{"location", "-base", base, "/caf\xc3\xa9/\xff"}, 1, "", "ucwa: Location"},
		{at(), []string{"location", "javascript:alert(1)"}, 1, "", `scheme "javascript"`},
		{at(), []string{"location", "invitations/596"}, 1, "", "not a path from the root"},
		{at(), []string{"location", "https://user@evil.example/x"}, 1, "", "userinfo"},
		{at(), []string{"location", "https:/x"}, 1, "", "without a host"},
		{at(), []string{"location", "-base", "", "/x"}, 1, "", "ucwa: "},
		{at(), []string{"location", "-base", ":::", "/x"}, 1, "", "ucwa: -base: "},
		{at(), []string{"location", "-base", "ftp://h/", "/x"}, 1, "", "ucwa: "},

		// Usage errors.
		{at(), []string{"location", "/ucwa/x"}, 2, "", "-base is required"},
		{at(), []string{"location", "//v1/applications/833"}, 2, "", "-base is required"},
		{at(), []string{"location"}, 2, "", "want one VALUE"},
		{at(), []string{"location", "-base", base, "/a", "/b"}, 2, "", "want one VALUE"},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.at, "", tt.args...)
		if r.code != tt.code {
			t.Errorf("%s: %q: exit %d, want %d (stderr %q)", tt.at, tt.args, r.code, tt.code, r.stderr)
			continue
		}
		if tt.code == 0 {
			if r.stdout != tt.stdout+"\n" {
				t.Errorf("%s: %q:\n got %q\nwant %q", tt.at, tt.args, r.stdout, tt.stdout+"\n")
			}
		} else if !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%s: %q: stderr %q does not contain %q", tt.at, tt.args, r.stderr, tt.stderr)
		}
		if strings.Contains(r.stdout+r.stderr, placeholderHost) {
			t.Errorf("%s: %q: the placeholder host shows: %+v", tt.at, tt.args, r)
		}
	}
}

func TestError(t *testing.T) {
	tests := []struct {
		at    string
		stdin string
		args  []string
		code  int
		want  map[string]any // the decoded JSON line, exactly; or, for code 2, "stderr" holds a part of it
	}{
		{at(), errorBodyJSON, []string{"error", "-status", "409", "-content-type", "application/json"}, 0, map[string]any{
			"status": 409.0, "code": "Conflict", "subcode": "AlreadyExists",
			"message": "The requested resource already exists.", "parameters": map[string]any{"to": "sip:a@b"}}},
		{at(), errorBodyXML, []string{"error", "-status=409", "-content-type", "application/vnd.microsoft.com.ucwa+xml; charset=utf-8"}, 0, map[string]any{
			"status": 409.0, "code": "Conflict", "subcode": "AlreadyExists",
			"message": "The requested resource already exists.", "parameters": map[string]any{"to": "sip:a@b"}}},
		// Without -content-type, the format is told from the body.
		{at(), errorBodyXML, []string{"error", "-status", "409"}, 0, map[string]any{
			"status": 409.0, "code": "Conflict", "subcode": "AlreadyExists",
			"message": "The requested resource already exists.", "parameters": map[string]any{"to": "sip:a@b"}}},
		{at(), `{"code":"BadRequest","subcode":"ParameterValidationFailure","message":"m","link":{"href":"/help","title":"Help"},` +
			`"parameters":{"to":"x"},"debugInfo":{"diagnostics":"1;reason=\"a\"","n":3},"other":true}`,
			[]string{"error", "-status", "400"}, 0, map[string]any{
				"status": 400.0, "code": "BadRequest", "subcode": "ParameterValidationFailure", "message": "m",
				"link": map[string]any{"href": "/help", "title": "Help"}, "parameters": map[string]any{"to": "x"},
				"debugInfo": map[string]any{"diagnostics": `1;reason="a"`, "n": 3.0}, "extra": map[string]any{"other": true}}},

		// Bodies that are not UCWA error bodies still give an error: exit 0.
		{at(), `<html><body><h1>502 Bad Gateway</h1></body></html>`, []string{"error", "-status", "502", "-content-type", "text/html"}, 0, map[string]any{
			"status": 502.0, "code": "", "subcode": "", "message": "",
			"cause": `not a UCWA error body: media type "text/html": "text/html" is not a UCWA JSON or XML media type (offset 0)`}},
		{at(), `<html><body>busy</body></html>`, []string{"error", "-status", "503"}, 0, map[string]any{
			"status": 503.0, "code": "ServiceUnavailable", "subcode": "", "message": "",
			"cause": `not a UCWA error body: xml: root element <html> is in namespace "", not http://schemas.microsoft.com/rtc/2012/03/ucwa (offset 0)`}},
		{at(), `{"code":"Conf`, []string{"error", "-status", "500", "-content-type", "application/json"}, 0, map[string]any{
			"status": 500.0, "code": "ServiceFailure", "subcode": "", "message": "",
			"cause": "not a UCWA error body: json: unterminated string at /code (offset 13)"}},
		{at(), "", []string{"error", "-status", "504"}, 0, map[string]any{
			"status": 504.0, "code": "Timeout", "subcode": "", "message": "", "cause": "not a UCWA error body"}},
		{at(), " \r\n", []string{"error", "-status", "404", "-content-type", "application/json"}, 0, map[string]any{
			"status": 404.0, "code": "NotFound", "subcode": "", "message": "", "cause": "not a UCWA error body: the body is empty"}},
		{at(), "{\"code\":\"\xff\"}", []string{"error", "-status", "409"}, 0, map[string]any{
			"status": 409.0, "code": "Conflict", "subcode": "", "message": "",
			"cause": "not a UCWA error body: json: invalid UTF-8 at /code (offset 9)"}},
		{at(), `<!DOCTYPE reason [<!ENTITY a "b">]><reason xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><code>&a;</code></reason>`,
			[]string{"error", "-status", "409"}, 0, map[string]any{
				"status": 409.0, "code": "Conflict", "subcode": "", "message": "",
				"cause": "not a UCWA error body: xml: DOCTYPE is not allowed (offset 0)"}},
		{at(), errorBodyJSON, []string{"error", "-status", "409", "-content-type", "application/xml"}, 0, map[string]any{
			"status": 409.0, "code": "Conflict", "subcode": "", "message": "",
			"cause": "not a UCWA error body: xml: unexpected '{', expecting '<' (offset 0)"}},
		{at(), "Bad Gateway", []string{"error", "-status", "502"}, 0, map[string]any{
			"status": 502.0, "code": "", "subcode": "", "message": "", "cause": "not a UCWA error body"}},

		// Usage errors.
		{at(), errorBodyJSON, []string{"error"}, 2, map[string]any{"stderr": "-status is required"}},
		{at(), errorBodyJSON, []string{"error", "-status", "99"}, 2, map[string]any{"stderr": "not an HTTP status"}},
		{at(), errorBodyJSON, []string{"error", "-status", "600"}, 2, map[string]any{"stderr": "not an HTTP status"}},
		{at(), errorBodyJSON, []string{"error", "-status", "four"}, 2, map[string]any{"stderr": "-status"}},
		{at(), errorBodyJSON, []string{"error", "-status", "409", "a", "b"}, 2, map[string]any{"stderr": "more than one FILE"}},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.at, tt.stdin, tt.args...)
		if r.code != tt.code {
			t.Errorf("%s: %q: exit %d, want %d (stderr %q)", tt.at, tt.args, r.code, tt.code, r.stderr)
			continue
		}
		if tt.code != 0 {
			if s := tt.want["stderr"].(string); !strings.Contains(r.stderr, s) {
				t.Errorf("%s: %q: stderr %q does not contain %q", tt.at, tt.args, r.stderr, s)
			}
			continue
		}
		if strings.Count(r.stdout, "\n") != 1 {
			t.Errorf("%s: %q: stdout is not one line: %q", tt.at, tt.args, r.stdout)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Errorf("%s: %q: %v: %q", tt.at, tt.args, err, r.stdout)
			continue
		}
		if !jsonEqual(got, tt.want) {
			t.Errorf("%s: %q:\n got %v\nwant %v", tt.at, tt.args, got, tt.want)
		}
		if c, _ := got["cause"].(string); strings.Contains(c, "ucwa: ") {
			t.Errorf("%s: %q: cause %q repeats \"ucwa: \"", tt.at, tt.args, c)
		}
	}
}

func jsonEqual(a, b map[string]any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
}

// TestResponseErrorPrefix is the regression test of a library fix: the
// Error of a body that is not a UCWA error body said "ucwa: " twice, the
// second time inside the Cause.
func TestResponseErrorPrefix(t *testing.T) {
	for _, tt := range []struct {
		ct, body string
		is       error
	}{
		{"application/json", `{"code":"Conf`, ucwa.ErrSyntax},
		{"text/html", `<html/>`, ucwa.ErrMediaType},
		{"", `<html/>`, ucwa.ErrNamespace},
	} {
		err := ucwa.ResponseError(502, tt.ct, []byte(tt.body))
		if msg := err.Error(); strings.Count(msg, "ucwa: ") != 1 || !strings.HasPrefix(msg, "ucwa: 502: not a UCWA error body: ") {
			t.Errorf("ResponseError(502, %q, %q) = %q", tt.ct, tt.body, msg)
		}
		if !errors.Is(err, ucwa.ErrNotUCWA) || !errors.Is(err, tt.is) {
			t.Errorf("ResponseError(502, %q, %q): not ErrNotUCWA and %v", tt.ct, tt.body, tt.is)
		}
		var de *ucwa.DecodeError
		if tt.is != ucwa.ErrMediaType && !errors.As(err, &de) {
			t.Errorf("ResponseError(502, %q, %q): no *DecodeError in the chain", tt.ct, tt.body)
		}
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		at     string
		args   []string
		code   int
		stdout string // a part of stdout for code 0, of stderr otherwise
	}{
		{at(), nil, 2, "no command"},
		{at(), []string{"decode"}, 2, `unknown command "decode"`},
		{at(), []string{"-f", "xml"}, 2, `unknown command "-f"`},
		{at(), []string{"unknown\nline"}, 2, `unknown command "unknown\nline"`},
		{at(), []string{"help"}, 0, "ucwa encode"},
		{at(), []string{"-h"}, 0, "ucwa location"},
		{at(), []string{"--help"}, 0, "ucwa error"},
		{at(), []string{"encode", "-h"}, 0, "usage: ucwa encode"},
		{at(), []string{"convert", "-help"}, 0, "-kind"},
		{at(), []string{"location", "-h"}, 0, "-base"},
		{at(), []string{"error", "-h"}, 0, "-content-type"},
		{at(), []string{"convert", "-to"}, 2, "flag needs an argument: -to"},
		{at(), []string{"location", "-bse", "x", "/y"}, 2, "flag provided but not defined: -bse"},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.at, "", tt.args...)
		out := r.stderr
		if tt.code == 0 {
			out = r.stdout
		}
		if r.code != tt.code || !strings.Contains(out, tt.stdout) {
			t.Errorf("%s: %q: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.at, tt.args, r.code, r.stdout, r.stderr, tt.code, tt.stdout)
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestWriteError(t *testing.T) {
	for _, args := range [][]string{
		{"encode", "a=b"},
		{"convert", "-to", "xml"},
		{"location", "https://h/x"},
		{"error", "-status", "500"},
	} {
		var stderr bytes.Buffer
		code := run(args, strings.NewReader(seedJSON), failWriter{}, &stderr)
		r := result{code, "", stderr.String()}
		checkRules(t, at(), args, r)
		if code != 1 || !strings.Contains(r.stderr, "ucwa: write: broken pipe") {
			t.Errorf("%q: exit %d, stderr %q", args, code, r.stderr)
		}
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain café":      "plain café",
		"a\r\nb\tc":       `a\r\nb\tc`,
		"\x00\x7f\u0085":  `\x00\x7f\u0085`,
		"bad \xff byte":   `bad \xff byte`,
		"sep\u2028arator": `sep\u2028arator`,
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBinary builds the command and runs it, to check the exit statuses a
// shell sees.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	// go test puts its GOROOT/bin first on the PATH of the tests it runs.
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "ucwa")
	if out, err := exec.Command(goCmd, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tests := []struct {
		args   []string
		stdin  string
		code   int
		stdout string
	}{
		{[]string{"encode", "-f", "xml", "operationId=" + seedOperationID, "phoneNumber=" + seedPhoneNumber}, "", 0, seedXML + "\n"},
		{[]string{"convert", "-to", "json"}, seedXML, 0, seedJSON + "\n"},
		{[]string{"convert", "-to", "json"}, `{"a":`, 1, ""},
		{[]string{"frobnicate"}, "", 2, ""},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		cmd.Stdin = strings.NewReader(tt.stdin)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			code = exitErr.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		checkRules(t, at(), tt.args, result{code, stdout.String(), stderr.String()})
		if code != tt.code || stdout.String() != tt.stdout {
			t.Errorf("%q: exit %d, stdout %q; want %d, %q", tt.args, code, stdout.String(), tt.code, tt.stdout)
		}
	}
}
