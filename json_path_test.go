package ucwa

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

// TestJSONErrorPaths pins the offset and the exact JSON Pointer of JSON
// decoding errors. The decoder keeps no path as it reads: jsonPathAt
// computes it from the offset when an error is built.
func TestJSONErrorPaths(t *testing.T) {
	many := func(extra string) string { // an object of 10 members, then extra
		var b strings.Builder
		for i := range 10 {
			fmt.Fprintf(&b, `"a%d":%d,`, i, i)
		}
		return "{" + b.String() + extra + "}"
	}
	event := func(members string) string {
		return `{"_links":{"self":{"href":"/e"}},"sender":[{"rel":"r","href":"/h","events":[` +
			`{"link":{"rel":"a","href":"/b"},"type":"added"},{"link":{"rel":"a","href":"/b"},` + members + `}]}]}`
	}
	for _, tc := range []struct {
		at     string
		kind   string // input, resource or events
		body   string
		want   error
		offset int
		path   string
	}{
		{testkit.Where(), "input", `{"a":1,"a":2}`, ErrDuplicateName, 7, ""},
		{testkit.Where(), "input", `{"a":{"b":1,"b":2}}`, ErrDuplicateName, 12, "/a"},
		{testkit.Where(), "input", `{"a\u0062":{"b":1,"b":2}}`, ErrDuplicateName, 18, "/ab"},
		{testkit.Where(), "input", `{"ab":1,"a\u0062":2}`, ErrDuplicateName, 8, ""},
		{testkit.Where(), "input", many(`"a3":2`), ErrDuplicateName, 71, ""},
		{testkit.Where(), "input", `{"o":` + many(`"a\u0033":2`) + `}`, ErrDuplicateName, 76, "/o"},
		{testkit.Where(), "input", `{"a":"\u0000"}`, ErrSyntax, 6, "/a"},
		{testkit.Where(), "input", `{"a":01}`, ErrSyntax, 6, ""},
		{testkit.Where(), "input", `{"a":1.}`, ErrSyntax, 7, "/a"},
		{testkit.Where(), "input", `{"a":truex}`, ErrSyntax, 9, ""},
		{testkit.Where(), "input", `{"a":[1,]}`, ErrSyntax, 8, "/a/1"},
		{testkit.Where(), "input", `{"a":[1 2]}`, ErrSyntax, 8, "/a"},
		{testkit.Where(), "input", `{"a" 1}`, ErrSyntax, 5, ""},
		{testkit.Where(), "input", `{"a":{"b":[true,"\x"]}}`, ErrSyntax, 17, "/a/b/1"},
		{testkit.Where(), "input", `{"a/b~":[x]}`, ErrSyntax, 9, "/a~1b~0/0"},
		{testkit.Where(), "input", `{"a":1} x`, ErrTrailingData, 8, ""},
		{testkit.Where(), "input", `{"_embedded":{}}`, ErrStructure, 1, "/_embedded"},
		{testkit.Where(), "input", `{"_links":{"self":"x"}}`, ErrStructure, 18, "/_links/self"},
		{testkit.Where(), "input", `{"_links":{"self":[{"href":"x"},["x"]]}}`, ErrStructure, 32, "/_links/self/1"},
		{testkit.Where(), "input", `{"_links":{"self":{"href":"x","title":[1,}}}`, ErrSyntax, 41, "/_links/self/title/1"},
		{testkit.Where(), "input", `{"_links":null}`, ErrStructure, 10, "/_links"},
		{testkit.Where(), "resource", `{"_embedded":{"r":[{"a":1},{"b":[1,2,{"c":"\ud800"}]}]}}`, ErrSyntax, 43, "/_embedded/r/1/b/2/c"},
		{testkit.Where(), "events", `{"x":1,"sender":[2]}`, ErrStructure, 17, "/sender/0"},
		{testkit.Where(), "events", `{"sender":[{"events":["a"]}]}`, ErrStructure, 22, "/sender/0/events/0"},
		{testkit.Where(), "events", event(`"zz":[1,x]`), ErrSyntax, 164, "/sender/0/events/1/zz/1"}, // an unknown member, kept in Extra
		{testkit.Where(), "events", event(`"type":"added","_embedded":{"a":{},"b":[x]}`), ErrSyntax, 196, "/sender/0/events/1/_embedded/b/0"},
		{testkit.Where(), "events", event(`"in":{"href":2}`), ErrStructure, 124, "/sender/0/events/1"}, // no type
	} {
		var err error
		switch tc.kind {
		case "input":
			_, err = DecodeInput([]byte(tc.body), JSON)
		case "resource":
			_, err = DecodeResource([]byte(tc.body), JSON)
		case "events":
			_, err = DecodeEvents([]byte(tc.body), JSON)
		}
		var de *DecodeError
		if !errors.As(err, &de) {
			t.Errorf("%s: got %v, want a DecodeError", tc.at, err)
			continue
		}
		if !errors.Is(err, tc.want) || de.Offset != int64(tc.offset) || de.Path != tc.path {
			t.Errorf("%s: got %v (offset %d, path %q), want %v at offset %d, path %q",
				tc.at, err, de.Offset, de.Path, tc.want, tc.offset, tc.path)
		}
	}
}
