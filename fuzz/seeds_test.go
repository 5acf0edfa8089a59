package fuzz

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// The seeds of the codec targets (codec_test.go): hostile and edge-case
// bodies of each format, with the reference's examples.

const ns = `xmlns="` + ucwa.Namespace + `"`

// Hostile and edge-case JSON, for every JSON target.
var jsonSeeds = []string{
	`{}`,
	`{"a":1,"a":2}`,                       // duplicate name
	`{"a":{"b":1,"b":2}}`,                 // duplicate in a bag
	"{\"a\":\"\xff\"}",                    // invalid UTF-8
	"{\"a\":\"\x00\"}",                    // raw NUL
	`{"a":"\u0000"}`,                      // escaped NUL
	`{"a":"\ud83d\ude00","b":"\u00e9\/"}`, // surrogate pair, escaped slash
	`{"a":"\ud800"}`,                      // lone high surrogate
	`{"a":"\udc00\ud800"}`,                // reversed pair
	`{"a":"\ud800\u0041"}`,                // high surrogate then a letter
	"\xef\xbb\xbf{\"a\":true}",            // byte-order mark
	`{"a":1} x`,                           // trailing data
	`{}{}`,                                // two bodies
	`{"n":1e99999,"m":-0,"o":0.5E-7,"p":123456789012345678901234567890}`,
	`{"n":01}`, `{"n":1.}`, `{"n":-}`, `{"n":+1}`, `{"n":.5}`, `{"n":1e}`,
	`{"a":[1,"x",true,false,null,[],{},[[{"b":[null]}]]]}`,
	`{"d":"\/Date(1436925243767-0500)\/","e":"/Date(1436925243767)/","f":"\/Date(-1)\/"}`,
	`{"t":"True","f":"False","i":"42","s":" ","z":""}`,
	`{"x":"</property><property name=\"admin\">"}`,
	`{"rel":"me","_links":{"self":{"href":"/me"},"a":[{"href":"1"},{"href":"2","title":""}]},"name":"x"}`,
	`{"_embedded":{"r":[{"_links":{"self":{"href":"/r"}}}]},"_links":{"self":{"href":"/"}}}`,
	`{"_links":{"self":{"href":"/","title":"t","etag":"1","n":2}}}`,
	`{"_links":{"x":{"href":1}}}`,
	`{"_links":{"x":{"title":"no href"}}}`,
	`{"_links":{"x":{"rel":"y","href":"z"}}}`,
	`{"_links":{"message":{"href":"data:text/plain,hi"}},"operationId":"1"}`,
	`{"_links":{"self":{"href":"/e"},"next":{"href":"/n"}},"sender":[{"rel":"me","href":"/me",` +
		`"events":[{"link":{"rel":"presence","href":"/p"},"type":"updated"}]}]}`,
	`{"_links":{"self":{"href":"/e"}},"sender":[{"rel":"c","href":"/c","events":[{"link":{"rel":"x","href":"/x"},` +
		`"in":{"rel":"y","href":"/y","title":"t"},"_embedded":{"x":{"a":1,"_links":{"self":{"href":"/x"}}}},` +
		`"status":"Failure","reason":{"code":"Gone","subcode":"Ended","message":"m"},"type":"completed"}]}]}`,
	`{"code":"BadRequest","subcode":"ParameterValidationFailure","message":"m","parameters":{"p":"v"},` +
		`"debugInfo":{"d":1},"extra":"x"}`,
	`{"code":"Gone","link":{"href":"/x","title":"t"},"parameters":{},"debugInfo":{}}`,
	`{"code":1}`, `{"message":"no code"}`,
	`{"a":` + strings.Repeat(`[`, 127) + strings.Repeat(`]`, 127) + `}`,
	`{"a":` + strings.Repeat(`[`, 200) + strings.Repeat(`]`, 200) + `}`,
	strings.Repeat(`{"a":`, 130) + `1` + strings.Repeat(`}`, 130),
	`{"a":"` + strings.Repeat(`\u00e9`, 50) + `"}`,
	"{\"a\":\"tab\there\"}", `{"a":"\b\f\n\r\t\"\\"}`,
	" \t\r\n{ \"a\" : 1 } \n",
	// What servers add, and what the decoders keep: members of any type at
	// every level, nulls where strings are expected, odd optional members,
	// link objects without an href, and the order of members.
	`{"_links":{"self":{"href":"/e","v":2},"next":{"href":"/e?2"}},"sender":[],"baseuri":"https://p/x","n":[1,` +
		`{"a":null}]}`,
	`{"z":1,"sender":[{"x":true,"events":[{"type":"added","q":{"r":[]},"link":{"title":null,"rel":"r"}}],"href":null,` +
		`"rel":"s"}],"_links":{}}`,
	`{"sender":[{"rel":"s","href":"/s","events":[{"link":{"rel":"r","href":"/r"},"status":null,` +
		`"reason":{"message":null,"parameters":[]},"type":"completed"}]}]}`,
	`{"sender":[{"events":[{"type":"x","_embedded":{"a":{},"b":{}}},{"type":"y","_embedded":{}},{"type":"z",` +
		`"_embedded":{"a":1}}]}]}`,
	`{"code":null,"subcode":5,"message":null,"parameters":"p","debugInfo":[1],"link":{"rel":1,"href":null}}`,
	`{"message":"m","debugInfo":{"a":1},"code":"Gone","x":{}}`,
	`{"_links":{"self":{"href":"/a","revision":"2","title":"t"},"x":{"rel":"x","title":[1]},"y":[{"etag":7}]}}`,
	`{"code":{"a":"b"}}`, `{"code":"c","code2":null,"":""}`,
}

// Hostile and edge-case XML, for every XML target.
var xmlSeeds = []string{
	`<input ` + ns + `/>`,
	`<input ` + ns + `><property name="a">1</property><property name="a">2</property></input>`,
	`<input ` + ns +
		`><property name="a"><property name="b">1</property><property name="b">2</property></property></input>`,
	`<input ` + ns + "><property name=\"a\">\xff</property></input>",
	`<input ` + ns + "><property name=\"a\">\x00</property></input>",
	`<input ` + ns + `><property name="a">&#0;</property></input>`,
	`<input ` + ns + `><property name="a">&#xD800;&#xFFFE;</property></input>`,
	`<input ` + ns + `><property name="a">&#x1F600;&#233;&lt;&gt;&amp;&apos;&quot;</property></input>`,
	`<!DOCTYPE input [<!ENTITY x "y">]><input ` + ns + `><property name="a">&x;</property></input>`,
	`<input ` + ns + `><property name="a">&x;</property></input>`,
	`<input ` + ns + `><property name="a"><![CDATA[<b>&amp;</b>]]></property></input>`,
	`<input ` + ns + `><property name="a">x<!-- c -->y<?pi z?></property><!-- -- --></input>`,
	`<u:input xmlns:u="` + ucwa.Namespace + `"><u:property name="a">1</u:property></u:input>`,
	`<u:input xmlns:u="` + ucwa.Namespace + `"><property name="a">1</property></u:input>`,
	`<input xmlns="urn:other"/>`,
	"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?><input " + ns + "/>",
	`<?xml version="1.0" encoding="ISO-8859-1"?><input ` + ns + `/>`,
	`<?xml version="1.1"?><input ` + ns + `/>`,
	`<input ` + ns + `/><input ` + ns + `/>`,
	`<input ` + ns + `/>trailing`,
	`<input ` + ns + `/><!-- ok --><?ok?>  `,
	`<input ` + ns +
		`><property name="a">True</property><property name="b">false</property><property name="c"/><property ` +
		`name="d"></property><property name="e"> </property></input>`,
	`<input ` + ns +
		`><propertyList name="l"><item>1</item><item/><item><item>x</item></item><item><property name="p">` +
		`q</property></item></propertyList><propertyList name="e"/></input>`,
	`<input ` + ns +
		`><property name="d">2015-07-14T20:54:03.7675175-05:00</property><property name="z">` +
		`2015-07-14T20:54:03Z</property></input>`,
	`<input ` + ns + `><property name="x">&lt;/property&gt;&lt;property name="admin"&gt;</property></input>`,
	`<input ` + ns + "><property name=\"a&#10;b\tc\">line\r\nend\rx</property></input>",
	`<input ` + ns +
		`><link rel="message" href="data:text/plain,hi" title=""/><property name="operationId">1</property></input>`,
	`<resource rel="me" href="/me" ` + ns +
		`><link rel="a" href="/a" etag="1"/><property name="name">x</property><resource rel="e" href="/e"><property ` +
		`name="p">1</property></resource></resource>`,
	`<resource ` + ns + `><link rel="a" href="/a"/><link rel="self" href="/s"/></resource>`,
	`<resource ` + ns + `><link rel="self" href="/s" title="t"/></resource>`,
	`<resource href="/s" ` + ns + `><link rel="self" href="/t"/></resource>`,
	`<resource rel="a" ` + ns + `><property name="rel">b</property></resource>`,
	`<resource ` + ns + `><resource rel="a" href="/a1"/><resource rel="b"/><resource rel="a" href="/a2"/></resource>`,
	`<resource ` + ns +
		`><property name="rel">True</property><resource><property name="rel">5</property></resource></resource>`,
	`<events href="/e" ` + ns +
		`><link rel="next" href="/n"/><sender rel="me" href="/me"><updated rel="presence" href="/p"/></sender>` +
		`</events>`,
	`<events ` + ns +
		`><sender rel="c" href="/c"><completed rel="x" href="/x"><resource rel="x" href="/x"><property name="a">` +
		`1</property></resource><in rel="y" href="/y" title="t"/><status>Failure</status><reason><code>Gone</code>` +
		`<subcode>Ended</subcode><message>m</message></reason></completed></sender></events>`,
	`<reason ` + ns +
		`><code>BadRequest</code><subcode>ParameterValidationFailure</subcode><message>m</message><link href="/x" ` +
		`title="t"/><parameters><property name="p">v</property></parameters><debugInfo/><extra>x</extra></reason>`,
	`<reason ` + ns + `><code>Gone</code><xmlThing>x</xmlThing></reason>`,
	`<reason ` + ns + `><code>Gone</code><extra>x</extra><extra>y</extra></reason>`,
	`<input ` + ns + `>` + strings.Repeat(`<property name="a">`, 127) + strings.Repeat(`</property>`, 127) + `</input>`,
	`<input ` + ns + `>` + strings.Repeat(`<property name="a">`, 200) + strings.Repeat(`</property>`, 200) + `</input>`,
	`<input ` + ns + ` xmlns:x="urn:x" x:a="1" x:b="2"/>`,
	`<input ` + ns + ` xmlns:x="urn:x" xmlns:y="urn:x" x:a="1" y:a="2"/>`,
	`<input ` + ns + `><property name="a" name="b">1</property></input>`,
	`<input ` + ns + `><property name='a'>]]&gt;</property></input>`,
	`<input ` + ns + `><property name="a">]]></property></input>`,
	`<input ` + ns + `><property name="a"></propertyX></input>`,
	// What servers add, and what the decoders keep: attributes at every
	// level, extra elements, xsi:nil and namespace declarations, nulls as
	// empty elements, an <input> where a resource is expected.
	`<events href="/e" v="2" ` + ns +
		`><link rel="next" href="/e?2" t="x"/><sender rel="s" href="/s" a="1"><added rel="r" href="/r" title="t"><in ` +
		`rel="i" href="/i" n="1"/><status/><x a="b">1</x><property name="a b"><item/></property></added></sender>` +
		`<baseuri>u</baseuri><sender rel="t"/></events>`,
	`<events ` + ns + ` a="1"><sender><added/></sender><link rel="x"/></events>`,
	`<resource rel="r" href="/r" revision="2" ` + ns + `><property name="p" a="1" xmlns:xsi="` + xsiNS +
		`" xsi:nil="true"/><propertyList name="l" b="2"><item c="3">1</item><item xsi:nil="1" xmlns:xsi="` + xsiNS +
		`"/></propertyList><resource rel="e" etag="1"/></resource>`,
	`<resource ` + ns + ` xmlns:xsi="` + xsiNS + `"><property name="p" xsi:nil="true">text</property></resource>`,
	`<resource ` + ns + ` xmlns:xsi="` + xsiNS + `"><property name="p" xsi:nil="maybe"/></resource>`,
	`<input ` + ns + `><property name="a">1</property><link rel="self" href="/s"/></input>`,
	`<reason xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="` + xsiNS + `" ` + ns +
		`><code/><subcode></subcode><message/><debugInfo>text</debugInfo><parameters><item>a</item></parameters>` +
		`<property name="code">1</property><z/></reason>`,
	`<reason ` + ns + `><code a="1">c</code><parameters/><debugInfo></debugInfo><link rel="l"/></reason>`,
}

// xsiNS is the XML Schema instance namespace, of xsi:nil.
const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

// addSeeds adds the reference's example bodies of format f (read from
// ../shared where it is present), the compatibility set's (../testdata/compat)
// and the hostile table of that format to the fuzzing corpus.
func addSeeds(f *testing.F, format ucwa.Format) {
	f.Helper()
	for _, b := range testkit.ReferenceBodies(format.String()) {
		f.Add(b)
	}
	compat, err := filepath.Glob(filepath.Join("..", "testdata", "compat", "*."+format.String()))
	if err != nil || len(compat) == 0 {
		f.Fatalf("no compatibility set in ../testdata/compat: %v", err)
	}
	for _, file := range compat {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	seeds := jsonSeeds
	if format == ucwa.XML {
		seeds = xmlSeeds
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}
