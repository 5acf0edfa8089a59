package ucwa

import (
	"slices"
	"testing"
)

// TestLinkTitle: a link's title is an attribute, in Attrs with the others
// in the order they came, that Title reads; a link may have an empty title,
// which is not the same as none; and it encodes back where it was.
func TestLinkTitle(t *testing.T) {
	for _, tc := range []struct {
		f         Format
		body      string
		title     string
		has       bool
		attrs     []string
		reencoded string // "" for body itself
	}{
		{JSON, `{"_links":{"self":{"href":"/a","title":"T"}}}`, "T", true, []string{"title"}, ""},
		{JSON, `{"_links":{"self":{"href":"/a","title":""}}}`, "", true, []string{"title"}, ""},
		{JSON, `{"_links":{"self":{"href":"/a"}}}`, "", false, nil, ""},
		{JSON, `{"_links":{"self":{"etag":"1","href":"/a","title":"T","revision":2}}}`, "T", true,
			[]string{"etag", "title", "revision"}, ""},
		{JSON, `{"_links":{"self":{"etag":"1","title":null}}}`, "", false, []string{"etag", "title"}, ""},
		{JSON, `{"_links":{"self":{"title":5,"href":"/a"}}}`, "5", false, []string{"title"}, ""},
		{XML, xmlDecl + `<resource href="/r" xmlns="` + Namespace +
			`"><link rel="x" href="/a" title="T"/></resource>`, "T", true, []string{"title"}, ""},
		{XML, xmlDecl + `<resource href="/r" xmlns="` + Namespace +
			`"><link rel="x" title="" href="/a" etag="1"/></resource>`, "", true, []string{"title", "etag"},
			xmlDecl + `<resource href="/r" xmlns="` + Namespace +
				`"><link rel="x" href="/a" title="" etag="1"/></resource>`},
	} {
		r, err := DecodeResource([]byte(tc.body), tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.body, err)
		}
		l := &r.Links[len(r.Links)-1]
		var names []string
		for _, a := range l.Attrs {
			names = append(names, a.Name)
		}
		if title, has := l.Title(); title != tc.title || has != tc.has || !slices.Equal(names, tc.attrs) {
			t.Errorf("%s: Title() = %q, %t; attrs %q; want %q, %t; %q", tc.body, title, has, names, tc.title, tc.has,
				tc.attrs)
		}
		want := tc.reencoded
		if want == "" {
			want = tc.body
		}
		if got, err := r.Marshal(tc.f); err != nil || string(got) != want {
			t.Errorf("%s: re-encoded as\n%s (%v), want\n%s", tc.body, got, err, want)
		}
	}
}
