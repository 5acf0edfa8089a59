package ucwa

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestXMLAttributeLimits tests the limits on attributes and namespace
// declarations at N and N+1, by default and as Options set them.
func TestXMLAttributeLimits(t *testing.T) {
	tag := func(attrs, decls int) string {
		var b strings.Builder
		b.WriteString(`<input xmlns="` + Namespace + `"`)
		for i := range decls - 1 { // the default namespace is one
			fmt.Fprintf(&b, ` xmlns:p%d="urn:%d"`, i, i)
		}
		for i := range attrs {
			fmt.Fprintf(&b, ` a%d="%d"`, i, i)
		}
		b.WriteString(`/>`)
		return b.String()
	}
	for _, tc := range []struct {
		o            Options
		attrs, decls int
		ok           bool
	}{
		{Options{}, DefaultMaxAttributes - 1, 1, true}, // with xmlns, exactly DefaultMaxAttributes
		{Options{}, DefaultMaxAttributes, 1, false},
		{Options{}, 0, DefaultMaxNamespaces, true},
		{Options{}, 0, DefaultMaxNamespaces + 1, false},
		{Options{MaxAttributes: 3}, 2, 1, true},
		{Options{MaxAttributes: 3}, 3, 1, false},
		{Options{MaxAttributes: 3}, 1, 2, true},
		{Options{MaxAttributes: 3}, 1, 3, false}, // declarations count as attributes
		{Options{MaxAttributes: 200}, 199, 1, true},
		{Options{MaxAttributes: 200}, 200, 1, false},
		{Options{MaxNamespaces: 2}, 0, 2, true},
		{Options{MaxNamespaces: 2}, 0, 3, false},
		{Options{MaxNamespaces: 2}, 5, 2, true}, // attributes after the last declaration
		{Options{MaxAttributes: 100}, 5, DefaultMaxNamespaces, true},
		{Options{MaxNamespaces: 100, MaxAttributes: 200}, 0, 100, true},
		{Options{MaxNamespaces: 100, MaxAttributes: 200}, 0, 101, false},
	} {
		// <input> takes no attributes: an accepted tag fails on structure.
		_, err := tc.o.DecodeInput([]byte(tag(tc.attrs, tc.decls)), XML)
		if tooLarge := errors.Is(err, ErrTooLarge); tooLarge == tc.ok {
			t.Errorf("%+v: %d attributes, %d declarations: %v", tc.o, tc.attrs, tc.decls, err)
		}
	}
}

// TestNamespaceRedeclared: a prefix, or the default namespace, may be
// declared again on a child or a sibling, only not twice in one tag.
func TestNamespaceRedeclared(t *testing.T) {
	body := `<input xmlns="` + Namespace + `" xmlns:a="urn:a">` +
		`<property xmlns="` + Namespace + `" xmlns:a="urn:b" name="x">1</property>` +
		`<property xmlns:a="urn:c" name="y">2</property></input>`
	in, err := DecodeInput([]byte(body), XML)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Properties) != 2 {
		t.Fatalf("got %d properties, want 2", len(in.Properties))
	}
}

// TestKnownAttrValue checks knownAttr's scan of the value, a word or two at
// a time, against attrSpecial2 read byte by byte: for values of 0 to 40
// bytes, each byte value at each place, followed by the closing quote or cut
// short, a value it finds is where the bytes say, and it finds every value
// whose end it can read a whole word at.
func TestKnownAttrValue(t *testing.T) {
	for n := 0; n <= 40; n++ {
		for at := 0; at <= n; at++ {
			for c := 0; c < 256; c++ {
				if at == n && c > 0 {
					break // the plain value of n bytes, once
				}
				val := []byte(strings.Repeat("v", n))
				if at < n {
					val[at] = byte(c)
				}
				for _, tail := range []string{`"/>` + strings.Repeat(" ", 8), `"`, ""} {
					buf := append([]byte(`href="`), val...)
					buf = append(buf, tail...)
					want := 6
					for want < len(buf) && !attrSpecial2[buf[want]] {
						want++
					}
					// The value is found when the word that holds its end is
					// within buf, and may be left to the generic reader
					// otherwise.
					ok := want < len(buf) && buf[want] == '"'
					must := ok && 6+(want-6)/8*8+8 <= len(buf)
					name, vs, ve := knownAttr(buf, 0)
					switch {
					case ve != 0 && (!ok || name != "href" || vs != 6 || ve != want):
						t.Fatalf("knownAttr(%q) = %q, %d, %d; want href, 6, %d (%v)", buf, name, vs, ve, want, ok)
					case must && ve == 0:
						t.Fatalf("knownAttr(%q) found no value; want href, 6, %d", buf, want)
					}
				}
			}
		}
	}
}
