package ucwa

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// TestHrefOnly: wherever the fast path for link objects (hrefOnly) takes an
// object, the general path (linkObject) reads it to the same link and ends
// at the same byte; wherever it does not, it has read nothing. It must take
// the shapes real bodies have, followed by more of the body. Every prefix
// of every case is tried too.
func TestHrefOnly(t *testing.T) {
	hrefs := []string{`"/ucwa/v1/applications/192/communication/conversationLogs"`, `""`, `"/x"`,
		`"\/x\u00e9"`, `"é/日本"`, `"a\"b"`, `"bad\x01"`, `"\xff"`, `"\ud800"`, `1`, `null`, `"unterminated`}
	shapes := []string{`{"href":%}`, `{"href" : %}`, "{\n  \"href\" : %\n}", "{\n\t\"href\": %\n}",
		`{ "href":%, "title":"t"}`, `{"href":%,"href":"/y"}`, `{"title":"t","href":%}`, `{"href":%,}`,
		`{"href"%}`, `{"href":%]`, `{"hre":%}`, `{"hrefs":%}`, `{"rel":"self","href":%}`, `{"href" :%}`}
	var cases []string
	for _, s := range shapes {
		for _, h := range hrefs {
			cases = append(cases, strings.Replace(s, "%", h, 1)+`  ,"more":1}`)
		}
	}
	taken := map[string]bool{}
	for _, c := range cases {
		for n := 0; n <= len(c); n++ {
			for _, depth := range []int{0, 9, 10} {
				body := []byte(c[:n])
				fast := &jsonDecoder{buf: body, maxDepth: 10, depth: depth}
				var lf, lg Link
				ok := fast.hrefOnly(&lf, eventLink)
				if !ok {
					if fast.pos != 0 {
						t.Errorf("%q at depth %d: not taken, but moved to %d", body, depth, fast.pos)
					}
					continue
				}
				if n == len(c) {
					taken[c] = true
				}
				general := &jsonDecoder{buf: body, maxDepth: 10, depth: depth}
				if err := general.linkObject(&lg, eventLink); err != nil {
					t.Errorf("%q at depth %d: taken, but the general path fails: %v", body, depth, err)
					continue
				}
				if diff := cmp.Diff(lg, lf, valueCmp); diff != "" || fast.pos != general.pos ||
					fast.depth != general.depth {
					t.Errorf(
						"%q at depth %d: taken to %d (depth %d), general path to %d (depth %d); link (-general "+
							"+fast):\n%s",
						body, depth, fast.pos, fast.depth, general.pos, general.depth, diff)
				}
			}
		}
	}
	for _, want := range []string{
		`{"href":"/ucwa/v1/applications/192/communication/conversationLogs"}`,
		`{"href" : "\/x\u00e9"}`,
		"{\n  \"href\" : \"/x\"\n}",
		"{\n\t\"href\": \"é/日本\"\n}",
	} {
		if !taken[want+`  ,"more":1}`] {
			t.Errorf("%q: not taken by the fast path", want)
		}
	}
}

// TestLinkRun: the fast path for the links of a "_links" object (linkRun)
// changes nothing a decode gives, value or error, on link sets of every
// shape, cut at every byte (TestFastPathsOnExamples tries the real bodies);
// and it takes the shapes real bodies have.
func TestLinkRun(t *testing.T) {
	// The fast paths need 64 bytes after a name: the padding at the end
	// of the bodies gives the members before it that room.
	pad := strings.Repeat("x", 64)
	members := []string{
		`"self":{"href":"/a"}`, `"self" : {` + "\n" + `  "href" : "/ucwa/v1/applications/192/people/sip:x@y.com"` +
			"\n" + `}`,
		`"events":{"href":""}`, `"me":{"href":"/m","title":"t"}`, `"batch":{"title":"t","href":"/b"}`,
		`"self":{"href":"/again"}`, `"notInTable":{"href":"/n"}`, `"s\u0065lf":{"href":"/e"}`,
		`"policies":{"href":"/\u00e9"}`, `"policies":{"href":"/é"}`, `"policies":{"href":"/\x01"}`,
		`"policies":{"href":"\xff"}`, `"policies":{"href":1}`, `"policies":[{"href":"/p"},{"href":"/q"}]`,
		`"policies":[]`, `"policies":{"href":"/p",}`, `"policies":{"href":"/p"]`, `"policies":{"href"  :"/p"}`,
		`"policies":` + "\t" + `{"href":"/p"}`, `"policies":{` + "\r\n" + `"href":"/p"}`, `"policies" {"href":"/p"}`,
		`"policies":{"hrefs":"/p"}`, `"policies":{"rel":"policies","href":"/p"}`,
		`"policies":{"href":"/p","href":"/q"}`,
		`"reportMyNetwork":{"href":"/ucwa/v1/applications/192/reportMyNetwork"}`,
		`"aVeryLongRelNameThatIsNotInTheInternTableAtAll":{"href":"/l"}`, `"policies":{"href":"\}"}`,
		`"policies":{"href":"/\n` + "\x01" + `}"}`,
	}
	seps := []string{",", " , ", ",\n    ", "\n,", ""}
	for i, m := range members {
		for j, n := range members {
			sep := seps[(i+j)%len(seps)]
			set := "{\n    " + members[0] + sep + m + sep + n + "\n  }"
			body := `{"rel":"x","_links":` + set + `,"p":1,"pad":"` + pad + `"}`
			for cut := 0; cut <= len(body); cut++ {
				decodeBothWays(t, strconv.Quote(body[:cut]), []byte(body[:cut]), JSON, DefaultMaxDepth)
			}
			for _, depth := range []int{2, 3} {
				decodeBothWays(t, fmt.Sprintf("%q at max depth %d", body, depth), []byte(body), JSON, depth)
			}
		}
	}

	// The shapes of real bodies are taken.
	for _, set := range []string{
		`{"self":{"href":"/a"},"batch":{"href":"/b"}}`,
		"{\n    \"self\" : {\n      \"href\" : \"/a\"\n    },\n    \"batch\" : {\n      \"href\" : \"/b\"\n    }\n  }",
	} {
		d := &jsonDecoder{buf: []byte(set + strings.Repeat(" ", 64)), maxDepth: DefaultMaxDepth}
		it, err := d.openObject()
		if err != nil {
			t.Fatal(err)
		}
		if d.linkRun(&it); it.n != 2 || len(d.links) != 2 || d.links[1].Href != "/b" {
			t.Errorf("%q: linkRun took %d links: %+v", set, it.n, d.links)
		}
	}
}

// FuzzJSONFastPaths: on any body, the fast paths (linkRun, hrefOnly) give
// what the general paths give, value or error.
func FuzzJSONFastPaths(f *testing.F) {
	for _, s := range []string{
		`{"rel":"x","_links":{"self":{"href":"/a"},"batch":{"href":"/b"}}}`,
		"{\n  \"_links\" : {\n    \"self\" : {\n      \"href\" : \"/a\"\n    },\n    \"me\" : {\n      \"href\" : " +
			"\"/m\"\n    }\n  }\n}",
		`{"_links":{"self":{"href":"/a"},"self":{"href":"/b"}}}`,
		`{"sender":[{"rel":"r","href":"/h","events":[{"link":{"rel":"a","href":"/b"},"type":"added"}]}]}`,
	} {
		f.Add([]byte(s))
	}
	if body, ok := testkit.ReferenceBody("application.GET.json-response.http"); ok {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeBothWays(t, "body", data, JSON, 10)
	})
}
