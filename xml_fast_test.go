package ucwa

import "testing"

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
			if end, colon := asciiName(buf, 0); end != len(name) || colon != -1 || str[:end] != name || str[end:vs] != `="` ||
				str[vs:ve] != "x" || str[ve] != '"' {
				t.Errorf("knownAttr(%q) = %q, %d, %d; asciiName says %d, %d", tc.s, name, vs, ve, end, colon)
			}
		}
	}
}
