package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

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
			r := runCLI(t, testkit.Where(), "", args...)
			if r.code != 0 || r.stdout != want+"\n" {
				t.Errorf("%q: exit %d, stdout %q; want %q and a newline", args, r.code, r.stdout, want)
			}
		}
	}
	// JSON is the default format.
	if r := runCLI(t, testkit.Where(), "", "encode", "operationId="+seedOperationID, "phoneNumber="+seedPhoneNumber); r.stdout != seedJSON+"\n" {
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
		{testkit.Where(), []string{"encode"}, 0, `{}`, ""},
		{testkit.Where(), []string{"encode", "-f", "xml"}, 0, xmlHead + `</input>`, ""},
		{testkit.Where(), []string{"encode", "a=b=c", "e="}, 0, `{"a":"b=c","e":""}`, ""},
		{testkit.Where(), []string{"encode", "-f", "xml", "e="}, 0, xmlHead + `<property name="e"></property></input>`, ""},
		{testkit.Where(), []string{"encode", "b:=true", "n:=3", "z:=null", `l:=["a",1]`, `g:={"k":"v"}`, `s:="x"`, `d:="\/Date(1436925243767)\/"`}, 0,
			`{"b":true,"n":3,"z":null,"l":["a",1],"g":{"k":"v"},"s":"x","d":"\/Date(1436925243767)\/"}`, ""},
		{testkit.Where(), []string{"encode", "-f", "xml", "b:=true", "n:=3", "z:=null", `l:=["a",1]`, `g:={"k":"v"}`, `d:="\/Date(1436925243767)\/"`}, 0,
			xmlHead + `<property name="b">true</property><property name="n">3</property><property name="z"/>` +
				`<propertyList name="l"><item>a</item><item>1</item></propertyList>` +
				`<property name="g"><property name="k">v</property></property>` +
				`<property name="d">2015-07-15T01:54:03.767Z</property></input>`, ""},
		// A link, before or after the properties: links are written last.
		{testkit.Where(), []string{"encode", "-link", "message=data:text/plain,hi", "operationId=1", "to=sip:john@contoso.com"}, 0,
			`{"operationId":"1","to":"sip:john@contoso.com","_links":{"message":{"href":"data:text/plain,hi"}}}`, ""},
		{testkit.Where(), []string{"encode", "-f", "xml", "operationId=1", "-link", "message=data:text/plain,hi"}, 0,
			xmlHead + `<property name="operationId">1</property><link rel="message" href="data:text/plain,hi"/></input>`, ""},
		// "--" ends the flags.
		{testkit.Where(), []string{"encode", "--", "-f=xml"}, 0, `{"-f":"xml"}`, ""},
		// Characters each format must escape.
		{testkit.Where(), []string{"encode", "a=x\r\ny", "d=<&>\"", "b\nc=1"}, 0, `{"a":"x\r\ny","d":"<&>\"","b\nc":"1"}`, ""},
		{testkit.Where(), []string{"encode", "-f", "xml", "d=<&>\"]]>"}, 0, xmlHead + `<property name="d">&lt;&amp;&gt;"]]&gt;</property></input>`, ""},

		// Refused values: exit 1.
		{testkit.Where(), []string{"encode", "a=1", "a=2"}, 1, "", "duplicate property name"},
		{testkit.Where(), []string{"encode", "a=\xff"}, 1, "", "ucwa: json: cannot encode /a"},
		{testkit.Where(), []string{"encode", "-f", "xml", "a=\xff"}, 1, "", "ucwa: xml: cannot encode /a"},
		{testkit.Where(), []string{"encode", "-f", "xml", "a=\x01"}, 1, "", "ucwa: xml: cannot encode /a"},
		{testkit.Where(), []string{"encode", "-f", "xml", "a:={}"}, 1, "", "empty property bag"},
		{testkit.Where(), []string{"encode", `x:=1,"y":2`}, 1, "", "not a JSON value"},
		{testkit.Where(), []string{"encode", `x:=1,"_links":{"a":{"href":"b"}}`}, 1, "", "not a JSON value"},
		{testkit.Where(), []string{"encode", `x:=`}, 1, "", "not a JSON value"},
		{testkit.Where(), []string{"encode", `x:=tru`}, 1, "", "not a JSON value"},
		{testkit.Where(), []string{"encode", "x:=\"\xff\""}, 1, "", "x:="},
		{testkit.Where(), []string{"encode", `x:=` + strings.Repeat("[", 200) + strings.Repeat("]", 200)}, 1, "", "x:="},

		// Usage errors: exit 2.
		{testkit.Where(), []string{"encode", "noequals"}, 2, "", `not "noequals"`},
		{testkit.Where(), []string{"encode", "=v"}, 2, "", "NAME=VALUE"},
		{testkit.Where(), []string{"encode", ":=1"}, 2, "", "NAME=VALUE"},
		{testkit.Where(), []string{"encode", "-f", "yaml"}, 2, "", `invalid value "yaml" for flag -f`},
		{testkit.Where(), []string{"encode", "-link", "message"}, 2, "", "REL=HREF"},
		{testkit.Where(), []string{"encode", "-x"}, 2, "", "flag provided but not defined: -x"},
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
		r := runCLI(t, testkit.Where(), "", append([]string{"encode", "-f", f.String()}, args...)...)
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
