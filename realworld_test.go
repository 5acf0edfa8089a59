package ucwa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

// This file tries the codec on bodies from outside the reference, read at
// test time from ../shared/realworld (see its README): the 2016 edition of the
// reference (corpus-2016), the fixtures of the Trusted Application API SDK
// (tapi) and bodies captured from real deployments (wild). They are never
// copied into the module; where the directory is absent the test skips.
//
// The bodies in the parts of the captured batches (multipart/batching) are
// checked too, as source "wild-batch".
//
// Every well-formed UCWA body there must pass the checks of the reference's
// corpus (corpus_test.go): decode, same-format, json-exact (token for token)
// and cross-format. A well-formed body that is not a UCWA body of one of the
// four kinds is listed in realworldSkips with why; a check known to fail is
// listed in realworldExceptions with why. Each body that is not well-formed
// must be refused by every decoder with a *DecodeError.

// realworldEntry is one body: its source ("corpus-2016", "tapi", "wild"),
// file, format, what the manifest says of it, and the body.
type realworldEntry struct {
	Source     string
	File       string `json:"file"`
	Format     string `json:"format"` // "json", "xml" or "multipart"
	Direction  string `json:"direction"`
	Method     string `json:"method"` // corpus-2016 only
	Start      string `json:"start"`  // corpus-2016 only
	Kind       string `json:"kind"`   // wild only: "resource", "events", "batch", …
	Note       string `json:"note"`   // wild only
	WellFormed *bool  `json:"well_formed"`
	// ContentType is the Content-Type of a wild multipart message.
	ContentType string `json:"content_type"`
	Body        []byte `json:"-"`
}

// realworldSkips says, by source/file, why a well-formed body is not a UCWA
// body of one of the four kinds. Each must be a body that classifyBody, or
// the manifest's format, does not take for one.
var realworldSkips = map[string]string{
	"corpus-2016/sendMessage.POST.xml-request.http": "a text/html body (<h>Hello</h>) mislabelled XML",
	"corpus-2016/xframe.GET.xml-response.http":      "an HTML page (Content-Type: text/html) mislabelled XML",
	"tapi/MockResponseData.json": "the SDK's table of mocked requests ({\"ResponseData\": [{Uri, Method, …}]}), " +
		"not a UCWA body",
	"wild/050-oauthtoken-error-unsupported-grant-type.json": "an OAuth 2.0 error of the token endpoint " +
		"({error, error_description}), not a UCWA body",
	"wild/051-autodiscover-rtc-autodiscover-json-v1-skypesdk.json": "the rtc.autodiscover+json;v=1 flavour " +
		"(PascalCase \"User\"/\"Links\" with \"token\"), not a UCWA body",
	"wild/026-events-array-conversation-connected-orange.json": "a fragment: the \"events\" array of one sender",
	"wild/027-events-array-message-completed-orange.json":      "a fragment: the \"events\" array of one sender",
}

// isEmbeddedFragment reports whether e is one of the wild bodies the
// manifest marks as the "_embedded" object of one event: a fragment, whose
// members are rels, not a body. They still decode as a resource (a JSON
// object is one), and are checked as such.
func isEmbeddedFragment(e realworldEntry) bool {
	return e.Source == "wild" && strings.Contains(e.Note, "FRAGMENT: the _embedded object")
}

// realworldExceptions lists the checks known to fail, keyed "source/file
// check", with why. None does.
var realworldExceptions = map[string]string{}

// readRealworld returns the entries of every source with a body, or skips t
// when ../shared/realworld is absent. corpus-2016 is a corpus of HTTP
// messages, read as the reference's; tapi and wild are bodies, listed in
// their manifests.
func readRealworld(t *testing.T) []realworldEntry {
	t.Helper()
	testkit.Shared(t, "realworld")
	var all []realworldEntry
	for _, e := range testkit.Corpus(t, "realworld", "corpus-2016") {
		all = append(all, realworldEntry{Source: "corpus-2016", File: e.File, Format: e.Format, Direction: e.Direction,
			Method: e.MethodOrStart(), WellFormed: e.WellFormed, Body: e.Body})
	}
	for _, src := range []string{"tapi", "wild"} {
		var m []realworldEntry
		if err := json.Unmarshal(testkit.ReadShared(t, "realworld", src, "manifest.json"), &m); err != nil {
			t.Fatalf("%s/manifest.json: %v", src, err)
		}
		for _, e := range m {
			e.Source = src
			e.Body = testkit.ReadShared(t, "realworld", src, e.File)
			all = append(all, e)
			if e.Kind == "batch" && *e.WellFormed {
				all = append(all, batchParts(t, e)...)
			}
		}
	}
	return all
}

// batchParts returns the UCWA bodies of the parts of a captured batch
// (multipart/batching) as entries of their own, of source "wild-batch",
// named FILE#N. The batch itself is read as the batch tests read it.
func batchParts(t *testing.T, batch realworldEntry) []realworldEntry {
	t.Helper()
	reqs, resps, err := DecodeBatch(batch.ContentType, batch.Body)
	if err != nil {
		t.Fatalf("%s: %v", batch.File, err)
	}
	yes := true
	var parts []realworldEntry
	add := func(i int, method, direction string, h http.Header, body []byte) {
		if len(body) == 0 {
			return
		}
		f, ok := DetectFormat(body)
		if mt, err := ParseMediaType(h.Get("Content-Type")); err == nil {
			f, ok = mt.Format, true
		}
		if !ok {
			t.Errorf("%s#%d: neither JSON nor XML", batch.File, i)
			return
		}
		parts = append(parts, realworldEntry{Source: "wild-batch", File: batch.File + "#" + strconv.Itoa(i),
			Format: f.String(), Direction: direction, Method: method, WellFormed: &yes, Body: body})
	}
	for i, p := range reqs {
		add(i, p.Method, "request", p.Header, p.Body)
	}
	for i, p := range resps {
		add(i, "", "response", p.Header, p.Body)
	}
	return parts
}

// TestRealworld runs the checks on every well-formed body and logs how many
// pass each, per source.
func TestRealworld(t *testing.T) {
	entries := readRealworld(t)
	type counts struct{ bodies, refused, skipped, malformed int }
	perSource := map[string]*counts{}
	pass := map[string]int{}
	var known, skippedList []string
	seenExc := map[string]bool{}
	seenSkip := map[string]bool{}
	for _, e := range entries {
		c := perSource[e.Source]
		if c == nil {
			c = &counts{}
			perSource[e.Source] = c
		}
		name := e.Source + "/" + e.File
		if e.WellFormed == nil {
			continue // no body
		}
		body := e.Body
		if e.Format != "json" && e.Format != "xml" {
			if why, ok := realworldSkips[name]; ok {
				seenSkip[name] = true
				skippedList = append(skippedList, name+": "+why)
			} else {
				seenSkip[name] = true
				what := e.Format + ", not a UCWA body: a multipart message holds several"
				if e.Kind == "batch" && *e.WellFormed {
					what += ", checked as wild-batch/" + e.File + "#N"
				}
				skippedList = append(skippedList, name+": "+what)
			}
			c.skipped++
			continue
		}
		f := corpusFormat(e.Format)
		if !*e.WellFormed {
			c.malformed++
			for _, k := range []bodyKind{inputBody, resourceBody, eventsBody, errorBody} {
				_, err := decodeAs(k, body, f)
				var de *DecodeError
				if !errors.As(err, &de) || de.Offset < 0 || de.Offset > int64(len(body)) {
					t.Errorf("%s: not well-formed, but %s decoding gives %v", name, k, err)
				}
			}
			continue
		}
		k, what := realworldKind(e, f, body)
		if why, ok := realworldSkips[name]; ok {
			seenSkip[name] = true
			skippedList = append(skippedList, name+": "+why)
			c.skipped++
			continue
		}
		if k == notUCWA && isEmbeddedFragment(e) {
			k = resourceBody
		}
		if k == notUCWA {
			t.Errorf("%s: well-formed but not a UCWA body (%s), and realworldSkips says nothing about it", name, what)
			continue
		}
		c.bodies++
		fails := realworldChecks(k, f, body)
		refused := false
		for _, check := range []string{"decode", "same-format", "json-exact", "cross-format"} {
			if check == "json-exact" && f != JSON {
				continue
			}
			failure, failed := fails[check]
			if _, undecoded := fails["decode"]; undecoded && check != "decode" {
				continue // not run
			}
			key := name + " " + check
			why, isExc := realworldExceptions[key]
			if isExc {
				seenExc[key] = true
			}
			switch {
			case !failed && isExc:
				t.Errorf("%s: %s passes but is listed in realworldExceptions (%s): remove it", name, check, why)
			case !failed:
				pass[e.Source+" "+check]++
			case isExc:
				known = append(known, key+": "+why)
			default:
				t.Errorf("%s (%s): %s: %s", name, k, check, failure)
			}
			if failed && check == "decode" {
				refused = true
			}
		}
		if refused {
			c.refused++
		}
	}
	for key := range realworldExceptions {
		if !seenExc[key] {
			t.Errorf("realworldExceptions lists %q, which was not checked", key)
		}
	}
	for key := range realworldSkips {
		if !seenSkip[key] {
			t.Errorf("realworldSkips lists %q, which was not met", key)
		}
	}
	for _, src := range []string{"corpus-2016", "tapi", "wild", "wild-batch"} {
		c := perSource[src]
		if c == nil {
			t.Errorf("no bodies from %s", src)
			continue
		}
		t.Logf("%s: %d UCWA bodies (%d refused), %d skipped, %d not well-formed (refused)",
			src, c.bodies, c.refused, c.skipped, c.malformed)
		for _, check := range []string{"decode", "same-format", "json-exact", "cross-format"} {
			t.Logf("  %-12s %3d pass", check, pass[src+" "+check])
		}
	}
	sort.Strings(skippedList)
	for _, s := range skippedList {
		t.Logf("  skipped %s", s)
	}
	sort.Strings(known)
	for _, k := range known {
		t.Logf("  known exception: %s", k)
	}
}

// realworldKind tells what a well-formed body holds: classifyBody's answer,
// but for what the sources say better. The wild manifest gives the kind of
// each body (an autodiscovery reply is a resource); a tapi fixture named
// Event_… is an event-channel response, even an empty object.
func realworldKind(e realworldEntry, f Format, body []byte) (bodyKind, string) {
	switch {
	case e.Source == "wild" && (e.Kind == "resource" || e.Kind == "autodiscover") && !isEmbeddedFragment(e):
		return resourceBody, ""
	case e.Source == "wild" && e.Kind == "input":
		return inputBody, ""
	case e.Source == "tapi" && strings.HasPrefix(e.File, "Event_"):
		return eventsBody, ""
	}
	return classifyBody(e.Method, e.Direction, f, StripBOM(body))
}

// realworldChecks runs the checks of corpus_test.go's checkBody on a body of
// kind k and returns the failures by check.
func realworldChecks(k bodyKind, f Format, body []byte) map[string]string {
	fails := map[string]string{}
	note := func(check, failure string) bool {
		if failure != "" {
			fails[check] = failure
		}
		return failure == ""
	}
	var a decoded
	if !note("decode", guard(func() string {
		var err error
		if a, err = decodeAs(k, body, f); err != nil {
			return err.Error()
		}
		return ""
	})) {
		return fails
	}
	note("same-format", guard(func() string {
		enc, err := a.Marshal(f)
		if err != nil {
			return "encode: " + err.Error()
		}
		b, err := decodeAs(k, enc, f)
		if err != nil {
			return fmt.Sprintf("decode the encoding: %v\n%s", err, enc)
		}
		if diff := exactDiff(a, b); diff != "" {
			return "decoded encoding differs (-first +second):\n" + diff
		}
		if enc2, err := b.Marshal(f); err != nil || !bytes.Equal(enc, enc2) {
			return fmt.Sprintf("encoding is not a fixed point: %v\n%s\n%s", err, enc, enc2)
		}
		return ""
	}))
	if f == JSON {
		note("json-exact", guard(func() string {
			enc, err := a.Marshal(JSON)
			if err != nil {
				return "encode: " + err.Error()
			}
			_, failure := jsonExact(StripBOM(body), enc)
			return failure
		}))
	}
	note("cross-format", guard(func() string {
		return crossFormat(k, f, a)
	}))
	return fails
}

// crossFormat converts a, decoded from format f, to the other format and
// back, and returns "" when the meaning is kept at both steps and the other
// format's encoding is a fixed point.
func crossFormat(k bodyKind, f Format, a decoded) string {
	g := otherFormat(f)
	encG, err := a.Marshal(g)
	if err != nil {
		return "encode in " + g.String() + ": " + err.Error()
	}
	a1, err := decodeAs(k, encG, g)
	if err != nil {
		return fmt.Sprintf("decode the %s encoding: %v\n%s", g, err, encG)
	}
	if diff := sameMeaning(a, a1); diff != "" {
		return fmt.Sprintf("%s -> %s changes the meaning:\n%s\n%s", f, g, diff, encG)
	}
	encF, err := a1.Marshal(f)
	if err != nil {
		return "encode back in " + f.String() + ": " + err.Error()
	}
	a2, err := decodeAs(k, encF, f)
	if err != nil {
		return fmt.Sprintf("decode the %s encoding back: %v\n%s", f, err, encF)
	}
	if diff := sameMeaning(a, a2); diff != "" {
		return fmt.Sprintf("%s -> %s -> %s changes the meaning:\n%s\n%s", f, g, f, diff, encF)
	}
	if encG2, err := a2.Marshal(g); err != nil || !bytes.Equal(encG, encG2) {
		return fmt.Sprintf("the %s encoding is not a fixed point: %v\n%s\n%s", g, err, encG, encG2)
	}
	return ""
}
