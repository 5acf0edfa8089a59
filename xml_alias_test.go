package ucwa

import (
	"bytes"
	"testing"
)

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
				t.Errorf("%s: the decoded value changed when the input was overwritten (%v):\n%s\nwant\n%s", tc.k, err, got, want)
			}
		}
	}
}
