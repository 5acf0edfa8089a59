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
