package ucwa

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

func TestDecodeErrors(t *testing.T) {
	deep := func(n int, open, close string) string { return strings.Repeat(open, n) + strings.Repeat(close, n) }
	for _, tc := range []struct {
		at      string
		f       Format
		body    string
		want    error
		offset  int
		path    string
		resOnly bool // decode as a resource rather than an input
	}{
		{testkit.Where(), JSON, ``, ErrSyntax, 0, "", false},
		{testkit.Where(), JSON, `   `, ErrSyntax, 3, "", false},
		{testkit.Where(), JSON, `{"a":1`, ErrSyntax, 6, "", false},
		{testkit.Where(), JSON, `{"a":1}x`, ErrTrailingData, 7, "", false},
		{testkit.Where(), JSON, `{"a":1}{}`, ErrTrailingData, 7, "", false},
		{testkit.Where(), JSON, `{"a":1,"a":2}`, ErrDuplicateName, 7, "", false},
		{testkit.Where(), JSON, `{"a":{"b":1,"b":2}}`, ErrDuplicateName, 12, "/a", false},
		{testkit.Where(), JSON, `{"a":"\u0000"}`, ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, "{\"a\":\"\x00\"}", ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, "{\"a\":\"\xff\"}", ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, `{"a":"\ud800"}`, ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, `{"a":"\udc00\ud800"}`, ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, `{"a":01}`, ErrSyntax, 6, "", false},
		{testkit.Where(), JSON, `{"a":1.}`, ErrSyntax, 7, "/a", false},
		{testkit.Where(), JSON, `{"a":-}`, ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, `{"a":tru}`, ErrSyntax, 5, "/a", false},
		{testkit.Where(), JSON, `{"a":[1,]}`, ErrSyntax, 8, "/a/1", false},
		{testkit.Where(), JSON, `{"a":"x\q"}`, ErrSyntax, 7, "/a", false},
		{testkit.Where(), JSON, `{a:1}`, ErrSyntax, 1, "", false},
		{testkit.Where(), JSON, `["a"]`, ErrSyntax, 0, "", false},
		{testkit.Where(), JSON, `{"_links":{"self":"/a"}}`, ErrStructure, 18, "/_links/self", false},
		{testkit.Where(), JSON, `{"_links":{"self":[{"href":"/a"},null]}}`, ErrStructure, 33, "/_links/self/1", false},
		{testkit.Where(), JSON, `{"_links":["/a"]}`, ErrStructure, 10, "/_links", false},
		{testkit.Where(), JSON, `{"_embedded":{"a":[1]}}`, ErrStructure, 19, "/_embedded/a/0", true},
		{testkit.Where(), JSON, `{"_embedded":"a"}`, ErrStructure, 13, "/_embedded", true},
		{testkit.Where(), JSON, `{"_embedded":{}}`, ErrStructure, 1, "", false},
		{testkit.Where(), JSON, `{"a":` + deep(DefaultMaxDepth, "[", "]") + `}`, ErrTooDeep, 5 + DefaultMaxDepth - 1,
			"", false},
		{testkit.Where(), XML, ``, ErrSyntax, 0, "", false},
		{testkit.Where(), XML, `<input xmlns="urn:other"/>`, ErrNamespace, 0, "", false},
		{testkit.Where(), XML, `<input/>`, ErrNamespace, 0, "", false},
		{testkit.Where(), XML, `<?xml version="1.0"?><!DOCTYPE input [<!ENTITY x "y">]><input/>`, ErrDTD, 21, "",
			false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">&x;</property></input>`, ErrDTD,
			80, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">&#0;</property></input>`,
			ErrSyntax, 80, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">` + "\x00" +
			`</property></input>`, ErrSyntax, 80, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">` + "\x1b" +
			`</property></input>`, ErrSyntax, 80, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">` + "\xff" +
			`</property></input>`, ErrSyntax, 80, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace +
			`"><property name="a">1</property><property name="a">2</property></input>`, ErrDuplicateName, 92,
			"/input", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"></input><input/>`, ErrTrailingData, 69, "", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">x</propertyList></input>`,
			ErrSyntax, 81, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><bogus/></input>`, ErrStructure, 61, "/input", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property>x</property></input>`, ErrStructure, 61,
			"/input", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `" a="1" a="2"/>`, ErrSyntax, 67, "", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `" xmlns="` + Namespace + `"/>`, ErrSyntax, 61, "",
			false},
		{testkit.Where(), XML, `<input xmlns:a="urn:a" xmlns:a="urn:a" xmlns="` + Namespace + `"/>`, ErrSyntax, 23,
			"", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace +
			`"><property xmlns:a="urn:a" name="a" xmlns:a="urn:b">1</property></input>`, ErrSyntax, 96, "/input",
			false},
		{testkit.Where(), XML, `<x:events xmlns:x="` + Namespace + `"/>`, ErrStructure, 0, "", true},
		{testkit.Where(), XML, "<?\x8c0?><input xmlns=\"" + Namespace + "\"/>", ErrSyntax, 2, "", false},
		{testkit.Where(), XML, "<input\xff xmlns=\"" + Namespace + "\"/>", ErrSyntax, 6, "", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `">` + deep(DefaultMaxDepth, "<property name=\"a\">",
			"</property>") + `</input>`, ErrTooDeep, 61 + 19*(DefaultMaxDepth-1), "", false},
	} {
		var err error
		if tc.resOnly {
			_, err = DecodeResource([]byte(tc.body), tc.f)
		} else {
			_, err = DecodeInput([]byte(tc.body), tc.f)
		}
		var de *DecodeError
		if !errors.As(err, &de) {
			t.Errorf("%s: got %v, want a DecodeError", tc.at, err)
			continue
		}
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.at, err, tc.want)
		}
		if de.Offset != int64(tc.offset) {
			t.Errorf("%s: offset %d, want %d (%v)", tc.at, de.Offset, tc.offset, err)
		}
		if !strings.HasPrefix(de.Path, tc.path) {
			t.Errorf("%s: path %q, want %q (%v)", tc.at, de.Path, tc.path, err)
		}
		if !strings.HasPrefix(err.Error(), "ucwa: ") {
			t.Errorf("%s: message %q lacks the ucwa: prefix", tc.at, err)
		}
	}
}

// TestLimits tests the depth and size limits at N and N+1.
func TestLimits(t *testing.T) {
	nest := func(n int) string { // n levels of objects and arrays in all
		return `{"a":` + strings.Repeat("[", n-1) + strings.Repeat("]", n-1) + `}`
	}
	nestXML := func(n int) string { // n levels of elements in all
		return `<input xmlns="` + Namespace + `">` + strings.Repeat(`<property name="a">`, n-1) +
			strings.Repeat(`</property>`, n-1) + `</input>`
	}
	for _, depth := range []int{0, 3, 16, MaxDepthLimit, 1 << 30} {
		o := Options{MaxDepth: depth}
		limit := o.maxDepth()
		for _, tc := range []struct {
			f    Format
			body func(int) string
		}{{JSON, nest}, {XML, nestXML}} {
			if _, err := o.DecodeInput([]byte(tc.body(limit)), tc.f); err != nil {
				t.Errorf("%v depth %d at limit %d: %v", tc.f, limit, limit, err)
			}
			if _, err := o.DecodeInput([]byte(tc.body(limit+1)), tc.f); !errors.Is(err, ErrTooDeep) {
				t.Errorf("%v depth %d over limit %d: got %v, want ErrTooDeep", tc.f, limit+1, limit, err)
			}
		}
	}
	body := []byte(seedJSON)
	if _, err := (Options{MaxSize: len(body)}).DecodeInput(body, JSON); err != nil {
		t.Errorf("body at MaxSize: %v", err)
	}
	if _, err := (Options{MaxSize: len(body) - 1}).DecodeInput(body, JSON); !errors.Is(err, ErrTooLarge) {
		t.Errorf("body over MaxSize: got %v, want ErrTooLarge", err)
	}
	if DefaultMaxSize >= 64<<20 || DefaultMaxDepth > 512 {
		t.Errorf("defaults too lax: size %d, depth %d", DefaultMaxSize, DefaultMaxDepth)
	}
	huge := make([]byte, DefaultMaxSize+1)
	if _, err := DecodeResource(huge, XML); !errors.Is(err, ErrTooLarge) {
		t.Errorf("body of DefaultMaxSize+1: got %v, want ErrTooLarge", err)
	}
}

// TestDecodeAllocs bounds the allocations of a decode: the string arena and a
// few slabs, however many resources, links and properties the body holds (the
// stacks are pooled).
func TestDecodeAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	for _, tc := range []struct {
		file string
		f    Format
	}{
		{"application.GET.json-response.http", JSON},
		{"application.GET.xml-response.http", XML},
	} {
		body := referenceExample(t, tc.file).Body
		if _, err := DecodeResource(body, tc.f); err != nil {
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(50, func() { DecodeResource(body, tc.f) }); n > 8 {
			t.Errorf("%s: %v allocations, want at most 8", tc.file, n)
		}
	}
}

// TestDecodedDoesNotAliasInput: no decoded string points into the caller's
// input. Every UCWA body of the corpus and the events examples is decoded
// from a copy, which is then overwritten: the value must encode to the same
// bytes as before.
func TestDecodedDoesNotAliasInput(t *testing.T) {
	type body struct {
		name string
		f    Format
		k    bodyKind
		data []byte
	}
	var bodies []body
	for _, e := range testkit.Reference(t) {
		if !*e.WellFormed {
			continue
		}
		f := corpusFormat(e.Format)
		if k, _ := classifyBody(e.MethodOrStart(), e.Direction, f, e.Body); k != notUCWA {
			bodies = append(bodies, body{e.File, f, k, e.Body})
		}
	}
	for _, b := range testkit.ReferenceEvents(t) {
		bodies = append(bodies, body{b.Name, corpusFormat(b.Format), eventsBody, b.Data})
	}
	checked := 0
	for _, b := range bodies {
		in := bytes.Clone(b.data)
		d, err := decodeAs(b.k, in, b.f)
		if err != nil {
			continue // the corpus tests report it
		}
		want, err := d.Marshal(b.f)
		if err != nil {
			continue
		}
		for i := range in {
			in[i] = 'X'
		}
		got, err := d.Marshal(b.f)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: the decoded value changed when the input was overwritten (%v)", b.name, err)
		}
		checked++
	}
	if checked < 380 {
		t.Errorf("checked %d bodies, want the whole corpus", checked)
	}
}

// TestXMLDecodedDoesNotAliasInput is TestDecodedDoesNotAliasInput for the
// parts of the XML form the corpus may not hold: every kind of string the XML
// decoder keeps, read both the fast way (plain text, double quotes) and the
// slow way (references, CDATA, single quotes, line ends to normalize), must
// survive the input being overwritten.
func TestXMLDecodedDoesNotAliasInput(t *testing.T) {
	const ns = ` xmlns="` + Namespace + `"`
	for _, tc := range []struct {
		k    bodyKind
		body string
	}{
		{resourceBody, `<?xml version="1.0" encoding="utf-8"?>
<resource rel="me" href="/ucwa/me"` + ns + `>
  <link rel="photo" href="/ucwa/photo" title="Photo" extra="x&amp;y" other='single'/>
  <link rel='odd&lt;' href="/a&#x41;b" title='t&quot;'/>
  <property name="plain">text</property>
  <property name="esc&amp;aped">a &lt; b &amp; c</property>
  <property name="cdata"><![CDATA[<raw> & ]]>tail</property>
  <property name="crlf">line one` + "\r\n" + `line two` + "\r" + `end</property>
  <property name="mixed">a<!-- comment -->b<?pi x?>c</property>
  <property name="bool">true</property>
  <property name="date">2015-02-04T11:42:07.4840000+01:00</property>
  <property name="empty"></property>
  <property name="null"/>
  <property name="ws">   </property>
  <property name="bag">
    <property name="inner">v&#233;</property>
    <propertyList name="list"><item>one</item><item>t&amp;wo</item></propertyList>
  </property>
  <propertyList name="nested">
    <item><item>deep</item><item>er</item></item>
  </propertyList>
  <resource rel="embedded" href="/ucwa/e">
    <property name="é">ü</property>
  </resource>
</resource>`},
		{resourceBody, `<u:resource xmlns:u="` + Namespace + `" rel="p&amp;" href="/p">` +
			`<u:property name="x">y</u:property><u:link rel="r" href="/h"/></u:resource>`},
		{inputBody, `<input` + ns + `><property name="a&amp;b">c&amp;d</property><link rel="r" href='/h'/></input>`},
		{errorBody, `<reason` + ns + `>
  <code>Conflict</code>
  <subcode>Tr&amp;y</subcode>
  <message><![CDATA[Please <retry>]]> later</message>
  <link rel="help" href="/help&amp;me" title="Help" lang="en"/>
  <parameters><property name="p1">v&lt;1</property></parameters>
  <debugInfo><property name="d1">x</property><property name="d2">y</property></debugInfo>
  <custom>ex&amp;tra</custom>
  <other>plain</other>
</reason>`},
		{eventsBody, `<events href="/ucwa/events?ack=1"` + ns + `>
  <link rel="next" href="/ucwa/events?ack=2"/>
  <sender rel="conversation" href="/ucwa/c&amp;1">
    <added rel="message" href="/ucwa/m1">
      <in rel="conversation" href="/ucwa/c1" title="in&amp;title"/>
      <status>Suc&amp;cess</status>
      <reason><code>Gone</code><subcode>Sub</subcode><message>msg</message><extra>e</extra></reason>
    </added>
    <customEvent rel="thing" href="/ucwa/t">
      <resource rel="thing" href="/ucwa/t"><property name="k">v</property></resource>
    </customEvent>
    <updated rel='me' href='/ucwa/me' extra="a&amp;b"/>
    <deleted rel="x" href="/x"/>
    <started rel="y" href="/y"/>
    <completed rel="z" href="/z"><status>Failure</status></completed>
  </sender>
</events>`},
	} {
		orig := []byte(tc.body)
		fresh, err := decodeAs(tc.k, bytes.Clone(orig), XML)
		if err != nil {
			t.Errorf("%s: %v", tc.k, err)
			continue
		}
		in := bytes.Clone(orig)
		d, err := decodeAs(tc.k, in, XML)
		if err != nil {
			t.Fatalf("%s: %v", tc.k, err)
		}
		for i := range in {
			in[i] = 'X'
		}
		for _, f := range []Format{XML, JSON} {
			want, err := fresh.Marshal(f)
			if err != nil {
				t.Errorf("%s: encoding the body decoded: %v", tc.k, err)
				continue
			}
			got, err := d.Marshal(f)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s: the decoded value changed when the input was overwritten (%v):\n%s\nwant\n%s", tc.k,
					err, got, want)
			}
		}
	}
}
