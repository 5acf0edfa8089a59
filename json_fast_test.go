package ucwa

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
				ok := fast.hrefOnly(&lf)
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
				if err := general.linkObject(&lg); err != nil {
					t.Errorf("%q at depth %d: taken, but the general path fails: %v", body, depth, err)
					continue
				}
				if diff := cmp.Diff(lg, lf); diff != "" || fast.pos != general.pos || fast.depth != general.depth {
					t.Errorf("%q at depth %d: taken to %d (depth %d), general path to %d (depth %d); link (-general +fast):\n%s",
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
