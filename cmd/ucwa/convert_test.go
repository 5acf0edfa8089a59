package main

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// The PUT body of myAssignedOnlineMeeting, in XML as the reference writes
// it (an <input>), and in JSON.
const (
	putInputXML = `<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
		`<property name="accessLevel">Everyone</property><propertyList name="attendees"><item>sip:johndoe@contoso.com</item></propertyList>` +
		`<property name="subject">Sales</property></input>`
	putInputJSON = `{"accessLevel":"Everyone","attendees":["sip:johndoe@contoso.com"],"subject":"Sales"}`
)

func TestConvert(t *testing.T) {
	cpaXML := seedXMLPage
	tests := []struct {
		at     string
		stdin  string
		args   []string
		code   int
		stdout string // when code is 0, exactly, without the final newline
		stderr string // when code is not 0, a part of it
	}{
		// The seed, as the reference shows it, to either format.
		{testkit.Where(), cpaXML, []string{"convert", "-to", "json"}, 0, seedJSON, ""},
		{testkit.Where(), cpaXML, []string{"convert", "-to", "xml", "-"}, 0, seedXML, ""},
		{testkit.Where(), seedJSON, []string{"convert", "-to", "xml"}, 0, seedXML, ""},
		{testkit.Where(), "\xef\xbb\xbf \n" + seedJSON + "\n", []string{"convert", "-to", "xml"}, 0, seedXML, ""},
		{testkit.Where(), seedJSON, []string{"convert", "-from", "json", "-to", "json"}, 0, seedJSON, ""},
		// Each kind of body, both ways.
		{testkit.Where(), errorBodyJSON, []string{"convert", "-to", "xml"}, 0, errorBodyXML, ""},
		{testkit.Where(), errorBodyXML, []string{"convert", "-to", "json"}, 0, errorBodyJSON, ""},
		{testkit.Where(), eventsJSON, []string{"convert", "-to", "json"}, 0, eventsJSON, ""},
		{testkit.Where(), resourceJSON, []string{"convert", "-to", "json"}, 0, resourceJSON, ""},
		{testkit.Where(), resourceJSON, []string{"convert", "-to", "xml"}, 0, `<?xml version="1.0" encoding="utf-8"?>` +
			`<resource rel="me" href="/ucwa/v1/applications/192/me" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
			`<link rel="note" href="/ucwa/v1/applications/192/me/note"/><property name="rel">me</property>` +
			`<property name="name">Ann</property></resource>`, ""},
		// -kind overrides detection.
		{testkit.Where(), `{"a":"b","_links":{"x":{"href":"/y"}}}`, []string{"convert", "-to", "xml", "-kind", "resource"}, 0,
			`<?xml version="1.0" encoding="utf-8"?><resource xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
				`<link rel="x" href="/y"/><property name="a">b</property></resource>`, ""},
		{testkit.Where(), `{"a":"b","_links":{"x":{"href":"/y"}}}`, []string{"convert", "-to", "xml"}, 0,
			`<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
				`<property name="a">b</property><link rel="x" href="/y"/></input>`, ""},
		// What the decoders do not know is converted too: an input's
		// members read as an event-channel response are its extra members.
		{testkit.Where(), seedJSON, []string{"convert", "-to", "xml", "-kind", "events"}, 0,
			`<?xml version="1.0" encoding="utf-8"?><events xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
				`<operationId>74cb7404e0a247d5a2d4eb0376a47dbf</operationId><phoneNumber>tel:+14255551234</phoneNumber></events>`, ""},
		{testkit.Where(), `{"sender":["me"]}`, []string{"convert", "-to", "xml", "-kind", "events"}, 1, "", "expecting a sender object"},
		// A PUT body written as <input>, as the reference writes some, read
		// where a resource is expected, and written back as it came.
		{testkit.Where(), putInputXML, []string{"convert", "-to", "json", "-kind", "resource"}, 0, putInputJSON, ""},
		{testkit.Where(), putInputXML, []string{"convert", "-to", "xml", "-kind", "resource"}, 0, putInputXML, ""},
		{testkit.Where(), putInputJSON, []string{"convert", "-to", "xml", "-kind", "resource"}, 0,
			`<?xml version="1.0" encoding="utf-8"?><resource xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
				`<property name="accessLevel">Everyone</property><propertyList name="attendees"><item>sip:johndoe@contoso.com</item></propertyList>` +
				`<property name="subject">Sales</property></resource>`, ""},
		// Real servers' additions, both ways.
		{testkit.Where(), `{"_links":{"self":{"href":"/e?ack=1"},"next":{"href":"/e?ack=2"}},"sender":[],"baseuri":"https://p/x"}`,
			[]string{"convert", "-to", "xml"}, 0, `<?xml version="1.0" encoding="utf-8"?><events href="/e?ack=1" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
				`<link rel="next" href="/e?ack=2"/><baseuri>https://p/x</baseuri></events>`, ""},
		{testkit.Where(), `{"code":"Informational","subcode":"PromptsStopped","message":null}`, []string{"convert", "-to", "xml"}, 0,
			`<?xml version="1.0" encoding="utf-8"?><reason xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
				`<code>Informational</code><subcode>PromptsStopped</subcode><message/></reason>`, ""},
		{testkit.Where(), `<?xml version="1.0" encoding="utf-8"?><resource rel="search" href="/s" revision="2" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"/>`,
			[]string{"convert", "-to", "json"}, 0, `{"rel":"search","_links":{"self":{"href":"/s","revision":"2"}}}`, ""},
		{testkit.Where(), `<resource xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="a" b="c">d</property></resource>`,
			[]string{"convert", "-to", "json"}, 1, "", "cannot encode /a: a value with XML attributes"},

		// Hostile and broken bodies: exit 1 with the decoder's reason.
		{testkit.Where(), "", []string{"convert", "-to", "xml"}, 1, "", "ucwa: standard input: not JSON nor XML"},
		{testkit.Where(), "hello", []string{"convert", "-to", "xml"}, 1, "", "not JSON nor XML"},
		{testkit.Where(), `{"operationId":"74cb`, []string{"convert", "-to", "xml"}, 1, "", "ucwa: json: "},
		{testkit.Where(), `{"code":"Conflict"`, []string{"convert", "-to", "xml"}, 1, "", "ucwa: json: "},
		{testkit.Where(), "{\"a\":\"\xff\"}", []string{"convert", "-to", "xml"}, 1, "", "invalid UTF-8"},
		{testkit.Where(), "{\"a\":\"x\ny\"}", []string{"convert", "-to", "xml"}, 1, "", "control character"},
		{testkit.Where(), `{"a":1,"a":2}`, []string{"convert", "-to", "xml"}, 1, "", "duplicate"},
		{testkit.Where(), seedJSON + `{}`, []string{"convert", "-to", "xml"}, 1, "", "ucwa: json: "},
		{testkit.Where(), `<!DOCTYPE input [<!ENTITY x "y">]><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"/>`,
			[]string{"convert", "-to", "json"}, 1, "", "DOCTYPE"},
		{testkit.Where(), `<input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="a">&x;</property></input>`,
			[]string{"convert", "-to", "json"}, 1, "", "ucwa: xml: "},
		{testkit.Where(), `<html><body>502 Bad Gateway</body></html>`, []string{"convert", "-to", "json"}, 1, "", "<html>"},
		{testkit.Where(), `<input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="a">b</property>`,
			[]string{"convert", "-to", "json"}, 1, "", "ucwa: xml: "},
		{testkit.Where(), strings.Repeat(`{"a":`, 200) + "1" + strings.Repeat("}", 200), []string{"convert", "-to", "xml"}, 1, "", "deep"},
		{testkit.Where(), seedJSON, []string{"convert", "-from", "xml", "-to", "json"}, 1, "", "ucwa: xml: "},

		// Usage errors.
		{testkit.Where(), seedJSON, []string{"convert"}, 2, "", "-to is required"},
		{testkit.Where(), seedJSON, []string{"convert", "-to", "yaml"}, 2, "", `invalid value "yaml" for flag -to`},
		{testkit.Where(), seedJSON, []string{"convert", "-to", "xml", "-kind", "thing"}, 2, "", "-kind"},
		{testkit.Where(), seedJSON, []string{"convert", "-to", "xml", "a", "b"}, 2, "", "more than one FILE"},
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
	r := runCLI(t, testkit.Where(), body, "convert", "-to", "xml")
	if r.code != 1 || !strings.Contains(r.stderr, "over the limit") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
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
	for _, e := range testkit.Reference(t) {
		body := e.Body
		f, ok := ucwa.DetectFormat(body)
		for _, to := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
			r := runCLI(t, e.File, string(body), "convert", "-to", to.String())
			if !*e.WellFormed || !ok {
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
			if _, err := convert(ucwa.Options{}, out, to, k, to); err != nil {
				t.Errorf("%s to %s: output does not decode: %v", e.File, to, err)
			}
		}
		if *e.WellFormed && ok {
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
			checkRules(t, testkit.Where(), []string{"convert"}, r)
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
	for _, e := range testkit.Reference(t) {
		body := e.Body
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
