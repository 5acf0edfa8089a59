package ucwa

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

// TestKnownNames checks that knownElem and knownAttr, which recognize the
// commonest names by loading eight bytes, agree with the generic reader
// (asciiName) wherever they recognize a name, and recognize those they should.
func TestKnownNames(t *testing.T) {
	const pad = "                " // knownElem wants 16 bytes to load from
	for _, tc := range []struct {
		s          string
		elem, attr string // what knownElem and knownAttr should find
	}{
		{"property name=", "property", ""},
		{"property>", "property", ""},
		{"property/>", "property", ""},
		{"property\tname", "property", ""},
		{"propertyList ", "propertyList", ""},
		{"propertyList>", "propertyList", ""},
		{"propertyLists>", "", ""},
		{"propertyLis>", "", ""},
		{"propertyX>", "", ""},
		{"property:x>", "", ""},
		{"property-x>", "", ""},
		{"propert>", "", ""},
		{"resource ", "resource", ""},
		{"resources ", "", ""},
		{"resource:a ", "", ""},
		{"link rel=", "link", ""},
		{"link/>", "link", ""},
		{"links>", "", ""},
		{"link\u00e9>", "", ""},
		{"item>", "item", ""},
		{"items>", "", ""},
		{"it>", "", ""},
		{`rel="x"`, "", "rel"},
		{`rel='x'`, "", ""},
		{`rel ="x"`, "", ""},
		{`rels="x"`, "", ""},
		{`href="x"`, "", "href"},
		{`hre="x"`, "", ""},
		{`name="x"`, "", "name"},
		{`names="x"`, "", ""},
		{`title="x"`, "", "title"},
		{`titles="x"`, "", ""},
		{`x:rel="x"`, "", ""},
		{`rel="x`, "", ""},
		{`rel="x<"`, "", ""},
		{`rel="x&amp;"`, "", ""},
		{`href="x` + "\t" + `"`, "", ""},
		{`href="é"`, "", ""},
	} {
		str := tc.s + pad
		buf := []byte(str)
		name, n := knownElem(buf, 0)
		if name != tc.elem {
			t.Errorf("knownElem(%q) = %q, want %q", tc.s, name, tc.elem)
		}
		if n > 0 {
			if end, colon := asciiName(buf, 0); end != n || colon != -1 || str[:end] != name || len(name) != n {
				t.Errorf("knownElem(%q) = %q, %d; asciiName says %d, %d", tc.s, name, n, end, colon)
			}
		}
		name, vs, ve := knownAttr(buf, 0)
		if name != tc.attr {
			t.Errorf("knownAttr(%q) = %q, want %q", tc.s, name, tc.attr)
		}
		if ve > 0 {
			if end, colon := asciiName(buf, 0); end != len(name) || colon != -1 || str[:end] != name ||
				str[end:vs] != `="` ||
				str[vs:ve] != "x" || str[ve] != '"' {
				t.Errorf("knownAttr(%q) = %q, %d, %d; asciiName says %d, %d", tc.s, name, vs, ve, end, colon)
			}
		}
	}
}

// TestXMLFastPaths: the fast paths for <link> and <property> elements
// (plainLink, plainProperty) change nothing a decode gives, value or error,
// on links and properties of every shape, cut at every byte
// (TestFastPathsOnExamples tries the real bodies); and they take the shapes
// real bodies have.
func TestXMLFastPaths(t *testing.T) {
	// plainLink needs 64 bytes from the tag: the padding after the links
	// gives them that room.
	pad := `<property name="pad">` + strings.Repeat("x", 64) + `</property>`
	links := []string{
		`<link rel="self" href="/a"/>`, `<link rel="self" href="/ucwa/v1/applications/192/people/sip:x@y.com" />`,
		`<link rel="events" href=""/>`, `<link rel="me" href="/m" title="t"/>`,
		`<link rel="batch" title="t" href="/b"/>`,
		`<link rel="self" href="/again"/>`, `<link rel="notInTable" href="/n"/>`, `<link rel="s&#101;lf" href="/e"/>`,
		`<link rel="policies" href="/&amp;"/>`, `<link rel="policies" href="/é"/>`, `<link rel="policies" href="/` +
			"\x01" + `"/>`,
		`<link rel="policies" href="/` + "\t" + `"/>`, `<link rel="policies" href="/p"></link>`,
		`<link rel="policies" href="/p">`,
		`<link rel="policies" href="/p"/ >`, `<link rel="policies" href="/p"  />`, `<link rel="policies"  href="/p"/>`,
		`<link  rel="policies" href="/p"/>`, `<link rel='policies' href="/p"/>`, `<link rel="policies" href='/p'/>`,
		`<link rel="policies" href="/p" rel="x"/>`, `<link href="/p" rel="policies"/>`, `<link rel="policies"/>`,
		`<link rel="policies" href="/p"/x>`, `<links rel="policies" href="/p"/>`, `<link rel="policies" href="/<"/>`,
		`<link xmlns="urn:other" rel="policies" href="/p"/>`, `<u:link rel="policies" href="/p"/>`,
		`<link rel="policies" href="/p"x>`, `<link rel="policies"xhref="/p"/>`, `<link rel="policies"` + "\t" +
			`href="/p"/>`,
		`<link rel="reportMyNetwork" href="/ucwa/v1/applications/192/reportMyNetwork"/>`,
		`<property name="type">Browser</property>`, `<property name="culture">en-us</property>`,
		`<property name="type">again</property>`, `<property name="notInTable">x</property>`,
		`<property name="publishEndpointLocation">false</property>`, `<property name="subject">True</property>`,
		`<property name="subject">2015-06-16T12:00:00.000Z</property>`,
		`<property name="subject">2015-06-16T12:00:00</property>`,
		`<property name="subject"></property>`, `<property name="subject"/>`, `<property name="subject"> </property>`,
		`<property name="subject">a&amp;b</property>`, `<property name="subject">é</property>`,
		`<property name="subject">a` + "\n" + `b</property>`, `<property name="subject">a]]>b</property>`,
		`<property name="subject">a<!-- c -->b</property>`, `<property name="subject"><![CDATA[x]]></property>`,
		`<property name="subject">x</propertyx>`, `<property name="subject">x</property >`,
		`<property name="subject">x</proper>`,
		`<property name="subject" >x</property>`, `<property  name="subject">x</property>`,
		`<property name='subject'>x</property>`,
		`<property name="subject" x="y">x</property>`, `<property name="s&#117;bject">x</property>`,
		`<propertyList name="subject"><item>a</item></propertyList>`,
		`<propertyList name="subject"><item>a</item><item>b</item><item></item></propertyList>`,
		`<propertyList name="subject">` + "\n  " + `<item>Plain</item>` + "\n  " + `<item>True</item></propertyList>`,
		`<propertyList name="subject"><item>2015-06-16T12:00:00.000Z</item><item> </item></propertyList>`,
		`<propertyList name="subject"><item>a&amp;b</item><item>é</item><item>a` + "\n" + `b</item></propertyList>`,
		`<propertyList name="subject"><item>a</itemx><item >b</item></propertyList>`,
		`<propertyList name="subject"><item x="y">a</item><item/><item>a<!-- c --></item></propertyList>`,
		`<propertyList name="subject"><item><item>a</item></item><items>a</items></propertyList>`,
		`<propertyList name="subject"><item xmlns="urn:other">a</item></propertyList>`,
		`<propertyList name="subject"><item>a</item ><item>a</item</propertyList>`,
		`<property name="subject"><item>a</item></property>`,
		`<property xmlns="urn:other" name="subject">x</property>`, `<propertyx name="subject">x</propertyx>`,
	}
	seps := []string{"", "\n    ", " ", "\r\n", "<!-- c -->"}
	for i, m := range links {
		// Each element after itself and two others, for time: all pairs
		// take half a minute.
		for _, j := range []int{i, (i + 1) % len(links), (5*i + 2) % len(links)} {
			n := links[j]
			sep := seps[(i+j)%len(seps)]
			inner := m + sep + n + sep + pad
			for k, body := range []string{
				`<resource xmlns="` + Namespace + `" rel="x" href="/x">` + links[0] + sep + inner + `</resource>`,
				`<resource xmlns="` + Namespace + `" rel="x" href="/x">` + inner + `</resource>`,
				`<input xmlns="` + Namespace + `">` + inner + `</input>`,
				`<u:resource xmlns:u="` + Namespace + `" rel="x" href="/x">` + inner + `</u:resource>`,
				`<u:resource xmlns:u="` + Namespace + `" xmlns="urn:other" rel="x">` + inner + `</u:resource>`,
				`<events xmlns="` + Namespace + `" href="/e">` + inner + `</events>`,
				`<events xmlns="` + Namespace + `" href="/e"><sender rel="me" href="/m">` + inner +
					`</sender></events>`,
			} {
				for cut := 0; cut <= len(body) && k == 0; cut++ { // cut the first form only, for time
					decodeBothWays(t, strconv.Quote(body[:cut]), []byte(body[:cut]), XML, DefaultMaxDepth)
				}
				for _, depth := range []int{1, 2, 3, DefaultMaxDepth} {
					decodeBothWays(t, fmt.Sprintf("%q at max depth %d", body, depth), []byte(body), XML, depth)
				}
			}
		}
	}

	// The shapes of real bodies are taken.
	body := "<resource xmlns=\"" + Namespace +
		"\" rel=\"x\" href=\"/x\">\n  <link rel=\"self\" href=\"/a\"/>\n  <link rel=\"batch\" href=\"/b\" />" +
		`<property name="type">Browser</property>` + pad + "</resource>"
	d := &xmlDecoder{buf: []byte(body), maxDepth: DefaultMaxDepth, maxAttrs: DefaultMaxAttributes,
		maxNS: DefaultMaxNamespaces}
	d.slabs.start(len(body))
	if err := d.root("resource"); err != nil {
		t.Fatal(err)
	}
	for _, link := range []string{`<link rel="self"`, `<link rel="batch"`} {
		i := strings.Index(body, link)
		if !d.plainLink(i) || d.pos <= i || len(d.links) == 0 {
			t.Errorf("%q: plainLink did not take it", body[i:])
		}
	}
	if i := strings.Index(body, `<property name="type"`); !d.plainProperty(i) || len(d.props) != 1 ||
		d.props[0].Value != String("Browser") {
		t.Errorf("%q: plainProperty did not take it: %+v", body[i:], d.props)
	}
}

// FuzzXMLFastPaths: on any body, the fast paths (plainLink, plainProperty,
// plainItem) give what the general paths give, value or error.
func FuzzXMLFastPaths(f *testing.F) {
	for _, s := range []string{
		`<resource xmlns="` + Namespace +
			`" rel="x" href="/x"><link rel="self" href="/a"/><link rel="batch" href="/b" /></resource>`,
		`<input xmlns="` + Namespace + `"><link rel="message" href="data:,x"/></input>`,
		`<resource xmlns="` + Namespace +
			`" rel="x"><link rel="self" href="/a"/><link rel="self" href="/a"/></resource>`,
		`<resource xmlns="` + Namespace +
			`" rel="x"><property name="type">a</property><property name="type">b</property></resource>`,
		`<events xmlns="` + Namespace +
			`" href="/e"><link rel="next" href="/n"/><property name="type">a</property></events>`,
		// a value at the body's end
		`<resource xmlns="` + Namespace + `" rel="x"><link rel="` + strings.Repeat("a", 55) + `"`,
		`<resource xmlns="` + Namespace + `" rel="x"><property name="` + strings.Repeat("a", 55) + `"`,
	} {
		f.Add([]byte(s))
	}
	if body, ok := testkit.ReferenceBody("application.GET.xml-response.http"); ok {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeBothWays(t, "body", data, XML, 10)
	})
}
