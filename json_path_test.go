package ucwa

import (
	"errors"
	"fmt"
	"strings"
	"testing"
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
		{where(), "input", `{"a":1,"a":2}`, ErrDuplicateName, 7, ""},
		{where(), "input", `{"a":{"b":1,"b":2}}`, ErrDuplicateName, 12, "/a"},
		{where(), "input", `{"a\u0062":{"b":1,"b":2}}`, ErrDuplicateName, 18, "/ab"},
		{where(), "input", `{"ab":1,"a\u0062":2}`, ErrDuplicateName, 8, ""},
		{where(), "input", many(`"a3":2`), ErrDuplicateName, 71, ""},
		{where(), "input", `{"o":` + many(`"a\u0033":2`) + `}`, ErrDuplicateName, 76, "/o"},
		{where(), "input", `{"a":"\u0000"}`, ErrSyntax, 6, "/a"},
		{where(), "input", `{"a":01}`, ErrSyntax, 6, ""},
		{where(), "input", `{"a":1.}`, ErrSyntax, 7, "/a"},
		{where(), "input", `{"a":truex}`, ErrSyntax, 9, ""},
		{where(), "input", `{"a":[1,]}`, ErrSyntax, 8, "/a/1"},
		{where(), "input", `{"a":[1 2]}`, ErrSyntax, 8, "/a"},
		{where(), "input", `{"a" 1}`, ErrSyntax, 5, ""},
		{where(), "input", `{"a":{"b":[true,"\x"]}}`, ErrSyntax, 17, "/a/b/1"},
		{where(), "input", `{"a/b~":[x]}`, ErrSyntax, 9, "/a~1b~0/0"},
		{where(), "input", `{"a":1} x`, ErrTrailingData, 8, ""},
		{where(), "input", `{"_embedded":{}}`, ErrStructure, 1, "/_embedded"},
		{where(), "input", `{"_links":{"self":"x"}}`, ErrStructure, 18, "/_links/self"},
		{where(), "input", `{"_links":{"self":[{"href":"x"},["x"]]}}`, ErrStructure, 32, "/_links/self/1"},
		{where(), "input", `{"_links":{"self":{"href":"x","title":[1,}}}`, ErrSyntax, 41, "/_links/self/title/1"},
		{where(), "input", `{"_links":null}`, ErrStructure, 10, "/_links"},
		{where(), "resource", `{"_embedded":{"r":[{"a":1},{"b":[1,2,{"c":"\ud800"}]}]}}`, ErrSyntax, 43, "/_embedded/r/1/b/2/c"},
		{where(), "events", `{"x":1,"sender":[2]}`, ErrStructure, 17, "/sender/0"},
		{where(), "events", `{"sender":[{"events":["a"]}]}`, ErrStructure, 22, "/sender/0/events/0"},
		{where(), "events", event(`"zz":[1,x]`), ErrSyntax, 164, "/sender/0/events/1/zz/1"}, // an unknown member, kept in Extra
		{where(), "events", event(`"type":"added","_embedded":{"a":{},"b":[x]}`), ErrSyntax, 196, "/sender/0/events/1/_embedded/b/0"},
		{where(), "events", event(`"in":{"href":2}`), ErrStructure, 124, "/sender/0/events/1"}, // no type
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
