package ucwa

import (
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

func TestDetectKind(t *testing.T) {
	tests := []struct {
		name caseName
		f    Format
		body string
		want BodyKind
	}{
		{name("empty"), JSON, "", BodyNone},
		{name("white space and a BOM"), 0, "\xef\xbb\xbf \r\n\t", BodyNone},
		{name("neither JSON nor XML, format unknown"), 0, "hello", BodyNone},
		{name("format told from the body"), 0, ` {"rel":"me"}`, BodyResource},
		{name("events: sender"), JSON, eventsJSON, BodyEvents},
		{name("events: links alone, on a timeout"), JSON, emptyEventsJSON, BodyEvents},
		{name("events: resync alone"), JSON, `{"_links":{"resync":{"href":"/e?ack=1"}}}`, BodyEvents},
		{name("events: resume"), JSON, `{"_links":{"self":{"href":"/e"},"resume":{"href":"/e?ack=2"}}}`, BodyEvents},
		{name("a next link beside rel is a resource"), JSON,
			`{"rel":"x","_links":{"next":{"href":"/n"}}}`, BodyResource},
		{name("error"), JSON, conflictJSON, BodyError},
		{name("code beside rel is a resource"), JSON, `{"code":"x","rel":"y"}`, BodyResource},
		{name("code beside _links is not an error"), JSON, `{"code":"x","_links":{"message":{"href":"data:,x"}}}`, BodyInput},
		{name("resource: rel"), JSON, noteJSON, BodyResource},
		{name("resource: _embedded"), JSON, `{"_embedded":{"a":{}}}`, BodyResource},
		{name("resource: self link"), JSON, `{"_links":{"self":{"href":"/x"}}}`, BodyResource},
		{name("resource: self link in an array"), JSON, `{"_links":{"self":[{"href":"/x"}]}}`, BodyResource},
		{name("input: startMessaging's message link"), JSON,
			`{"operationId":"1","to":"sip:a@b","_links":{"message":{"href":"data:,hi"}}}`, BodyInput},
		{name("input: properties"), JSON, `{"culture":"en-us"}`, BodyInput},
		{name("input: nested values skipped"), JSON,
			`{"a":{"rel":"x","sender":[1,{"code":"}"}]},"b":"\"rel\"","c":[[{}]],"d":-1.5e3,"e":null}`, BodyInput},
		{name("names after nested values still count"), JSON,
			`{"a":{"b":[1,2,{"c":"d"}]},"e":"x\"y","sender":[]}`, BodyEvents},
		{name("truncated after a name: what was seen"), JSON, `{"rel":"me","name":"Jo`, BodyResource},
		{name("truncated at once"), JSON, `{`, BodyInput},
		{name("not an object"), JSON, `["rel"]`, BodyInput},
		{name("deep nesting, no recursion"), JSON, `{"a":` + strings.Repeat("[", 100000) + `}`, BodyInput},
		{name("XML resource"), XML, `<?xml version="1.0"?><!-- c --><resource xmlns="` + Namespace + `"/>`, BodyResource},
		{name("XML prefixed events"), XML, `<u:events xmlns:u="` + Namespace + `"/>`, BodyEvents},
		{name("XML reason"), XML, "\r\n<reason>", BodyError},
		{name("XML input"), XML, `<input/>`, BodyInput},
		{name("XML other root"), XML, `<html>`, BodyInput},
		{name("XML unterminated declaration"), XML, `<?xml `, BodyInput},
		{name("XML unterminated comment"), XML, `<!-- `, BodyInput},
		{name("XML text before the root"), XML, `x<resource/>`, BodyInput},
	}
	for _, tc := range tests {
		if got := DetectKind([]byte(tc.body), tc.f); got != tc.want {
			t.Errorf("%s: %s: DetectKind = %v, want %v", tc.name.Where, tc.name.Name, got, tc.want)
		}
	}
}

func TestBodyKindString(t *testing.T) {
	want := []string{"none", "input", "resource", "events", "error", "BodyKind(5)"}
	for k, w := range want {
		if got := BodyKind(k).String(); got != w {
			t.Errorf("BodyKind(%d) = %q, want %q", k, got, w)
		}
	}
}

// TestDetectKindCorpus checks DetectKind against the independent classifier
// of corpus_test.go (encoding/json, encoding/xml) on every UCWA body of the
// reference, and on its event-channel responses.
func TestDetectKindCorpus(t *testing.T) {
	n := 0
	for _, e := range testkit.Reference(t) {
		f := JSON
		if e.Format == "xml" {
			f = XML
		}
		want, _ := classifyBody(e.MethodOrStart(), e.Direction, f, e.Body)
		if want == notUCWA || strings.HasPrefix(e.Header.Get("Content-Type"), "multipart/") {
			continue // not a UCWA body (a batch's parts are read in batch_test.go)
		}
		got := DetectKind(e.Body, f)
		// DetectKind reads a JSON resource with neither rel nor a self link
		// as an input, as it documents; the response reader reads it as a
		// resource.
		if got != bodyKindOf(want) && !(want == resourceBody && got == BodyInput && f == JSON) {
			t.Errorf("%s: DetectKind = %v, the classifier says %v", e.File, got, want)
		}
		n++
	}
	for _, b := range testkit.ReferenceEvents(t) {
		f := JSON
		if b.Format == "xml" {
			f = XML
		}
		if got := DetectKind(b.Data, f); got != BodyEvents {
			t.Errorf("%s: DetectKind = %v", b.Name, got)
		}
		n++
	}
	t.Logf("%d bodies", n)
}

func bodyKindOf(k bodyKind) BodyKind {
	switch k {
	case inputBody:
		return BodyInput
	case resourceBody:
		return BodyResource
	case eventsBody:
		return BodyEvents
	case errorBody:
		return BodyError
	}
	return BodyNone
}
