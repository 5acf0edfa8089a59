package ucwa

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// This file proves the codec on every example of the reference: the HTTP
// messages of ../shared/corpus and the event-channel responses of its
// concept pages (testkit.ReferenceEvents), read at test time; the tests skip
// where ../shared is absent. Each well-formed UCWA body is
//
//   - decoded (check "decode");
//   - encoded in its own format and decoded again, to the exact same value,
//     and that encoding is a fixed point (check "same-format");
//   - for JSON, encoded back to the original body, token for token, after
//     json.Compact (check "json-exact"; how many are byte for byte the same
//     is logged);
//   - encoded in the other format, decoded, encoded back and decoded again,
//     meaning the same as the original at both steps (sameMeaning), the other
//     format's encoding being a fixed point too (check "cross-format").
//
// Each example that is not well-formed must be refused by every decoder with a
// *DecodeError at an offset within the body, and by the decoder that fits its
// place with the sentinel and at the offset corpusRejects gives (check
// "reject").
//
// A check that fails fails the test, unless corpusExceptions lists it with the
// reason; an exception that no longer fails fails the test too, so that the
// table stays true.

// bodyKind is what a body holds, as an independent parser (encoding/json,
// encoding/xml) sees it.
type bodyKind uint8

const (
	notUCWA bodyKind = iota
	inputBody
	resourceBody
	eventsBody
	errorBody
)

var bodyKindNames = [...]string{"not UCWA", "input", "resource", "events", "error"}

func (k bodyKind) String() string { return bodyKindNames[k] }

// decoded is a decoded body: *Input, *Resource, *Events or *Error.
type decoded interface {
	Marshal(Format) ([]byte, error)
}

func decodeAs(k bodyKind, data []byte, f Format) (decoded, error) {
	switch k {
	case inputBody:
		in, err := DecodeInput(data, f)
		return &in, err
	case resourceBody:
		r, err := DecodeResource(data, f)
		return &r, err
	case eventsBody:
		ev, err := DecodeEvents(data, f)
		return &ev, err
	case errorBody:
		return DecodeErrorBody(data, f)
	}
	panic("decodeAs " + k.String())
}

func otherFormat(f Format) Format {
	if f == JSON {
		return XML
	}
	return JSON
}

func corpusFormat(s string) Format {
	if s == "xml" {
		return XML
	}
	return JSON
}

// referenceExample returns the reference's example file, such as
// "application.GET.json-response.http".
func referenceExample(t testing.TB, file string) testkit.Example {
	t.Helper()
	for _, e := range testkit.Reference(t) {
		if e.File == file {
			return e
		}
	}
	t.Fatalf("no example %s in the reference's corpus", file)
	return testkit.Example{}
}

// classifyBody tells what a well-formed body holds: for JSON by its members
// (a POST request is an input; "sender" and "_links" make events; "rel" or
// "_links" a resource; any other request body, such as a PUT of an
// onlineMeeting, an input; "code" an error), for XML by its root element in
// the UCWA namespace. For a body that is none of these it says what it is.
func classifyBody(method, direction string, f Format, body []byte) (bodyKind, string) {
	if f == JSON {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			return notUCWA, "not a JSON object: " + err.Error()
		}
		_, hasRel := obj["rel"]
		_, hasLinks := obj["_links"]
		_, hasSender := obj["sender"]
		_, hasCode := obj["code"]
		switch {
		case direction == "request" && method == "POST":
			return inputBody, ""
		case hasSender && hasLinks:
			return eventsBody, ""
		case hasRel || hasLinks:
			return resourceBody, ""
		case direction == "request":
			return inputBody, ""
		case hasCode:
			return errorBody, ""
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return notUCWA, "JSON object of " + strings.Join(keys, ", ")
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := d.Token()
		if err != nil {
			return notUCWA, "no XML root element: " + err.Error()
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Space != Namespace {
			return notUCWA, fmt.Sprintf("XML <%s> in namespace %q", se.Name.Local, se.Name.Space)
		}
		switch se.Name.Local {
		case "input":
			return inputBody, ""
		case "resource":
			return resourceBody, ""
		case "events":
			return eventsBody, ""
		case "reason":
			return errorBody, ""
		}
		return notUCWA, "XML <" + se.Name.Local + ">"
	}
}

// corpusSkips says why the well-formed bodies that are not UCWA bodies are
// not UCWA bodies, by what classifyBody says they are. Every skip must be
// explained here.
var corpusSkips = map[string]string{
	`JSON object of metadata`:                "OPTIONS metadata (optionsMetadata), not a UCWA body",
	`XML <optionsMetadata> in namespace ""`:  "OPTIONS metadata, serialized .NET-style outside the UCWA namespace",
	`JSON object of operations`:              "operationsQueued of a batch-like makeMeAvailable response, not a UCWA body",
	`XML <operationsQueued> in namespace ""`: "operationsQueued, serialized .NET-style outside the UCWA namespace",
	`XML <h> in namespace ""`:                "an HTML page (Content-Type: text/html) mislabelled XML",
}

// corpusExceptions lists the checks known to fail, with why. The key is
// "file check".
var corpusExceptions = map[string]string{}

// corpusRejects gives, for each example that is not well-formed, the
// sentinel and the offset the decoder that fits it (DecodeInput for a request,
// DecodeResource for a response) must report, and why the body is refused.
var corpusRejects = map[string]struct {
	err    error
	offset int64
	why    string
}{
	"acceptWithAnswer.POST.json-request.http":                   {ErrSyntax, 0, "SDP (application/sdp)"},
	"addAudioVideo.POST.json-request.http":                      {ErrSyntax, 286, "line feed inside the data: URI string"},
	"addAudio.POST.json-request.http":                           {ErrSyntax, 258, "line feed inside the data: URI string"},
	"addMessaging.POST.json-request.http":                       {ErrSyntax, 130, "line feed inside the data: URI string"},
	"addVideo.POST.json-request.http":                           {ErrSyntax, 258, "line feed inside the data: URI string"},
	"batch.POST.json-request.http":                              {ErrSyntax, 0, "multipart/batching"},
	"batch.POST.json-response.http":                             {ErrSyntax, 0, "multipart/batching"},
	"batch.POST.xml-request.http":                               {ErrSyntax, 0, "multipart/batching"},
	"batch.POST.xml-response.http":                              {ErrSyntax, 0, "multipart/batching"},
	"contactPhoto.GET.json-response.http":                       {ErrSyntax, 0, "image/jpeg"},
	"contactPrivacyRelationship.GET.json-response.http":         {ErrSyntax, 0, "the page lost the object's opening brace to the start line"},
	"continueAudioVideo.POST.json-request.http":                 {ErrSyntax, 195, "line feed inside the data: URI string"},
	"continueAudio.POST.json-request.http":                      {ErrSyntax, 195, "line feed inside the data: URI string"},
	"continueMessaging.POST.json-request.http":                  {ErrSyntax, 130, "line feed inside the data: URI string"},
	"continueVideo.POST.json-request.http":                      {ErrSyntax, 195, "line feed inside the data: URI string"},
	"escalateAudioVideo.POST.json-request.http":                 {ErrSyntax, 0, "SDP (application/sdp)"},
	"escalateAudio.POST.json-request.http":                      {ErrSyntax, 0, "SDP (application/sdp)"},
	"photo.GET.json-response.http":                              {ErrSyntax, 0, "image/jpeg"},
	"renegotiations.POST.json-request.http":                     {ErrSyntax, 0, "SDP (application/sdp)"},
	"resumeAudioVideo.POST.json-request.http":                   {ErrSyntax, 0, "SDP (application/sdp)"},
	"resumeAudio.POST.json-request.http":                        {ErrSyntax, 0, "SDP (application/sdp)"},
	"sendMessage.POST.json-request.http":                        {ErrSyntax, 0, "text/plain"},
	"sendProvisionalAnswer.POST.json-request.http":              {ErrSyntax, 0, "SDP (application/sdp)"},
	"startAudio2.POST.json-request.http":                        {ErrSyntax, 370, "line feed inside the data: URI string"},
	"startAudioOnBehalfOfDelegator.POST.json-request.http":      {ErrSyntax, 401, "line feed inside the data: URI string"},
	"startAudioVideo2.POST.json-request.http":                   {ErrSyntax, 398, "line feed inside the data: URI string"},
	"startAudioVideoOnBehalfOfDelegator.POST.json-request.http": {ErrSyntax, 429, "line feed inside the data: URI string"},
	"startAudioVideo.POST.json-request.http":                    {ErrSyntax, 398, "line feed inside the data: URI string"},
	"startAudio.POST.json-request.http":                         {ErrSyntax, 370, "line feed inside the data: URI string"},
	"startEmergencyCall.POST.json-request.http":                 {ErrSyntax, 536, "line feed inside the data: URI string"},
	"startMessaging2.POST.json-request.http":                    {ErrSyntax, 288, "line feed inside the data: URI string"},
	"startMessaging.POST.json-request.http":                     {ErrSyntax, 277, "line feed inside the data: URI string"},
	"startPhoneAudio2.POST.json-request.http":                   {ErrSyntax, 323, "line feed inside the data: URI string"},
	"startPhoneAudioOnBehalfOfDelegator.POST.json-request.http": {ErrSyntax, 354, "line feed inside the data: URI string"},
	"startVideo.POST.json-request.http":                         {ErrSyntax, 370, "line feed inside the data: URI string"},
	"xframe.GET.json-response.http":                             {ErrSyntax, 0, "an HTML page (text/html)"},
}

// corpusTally counts the checks and sorts their failures into known
// exceptions and errors.
type corpusTally struct {
	t        *testing.T
	pass     map[string]map[bodyKind]int // check -> kind -> count
	known    []string
	failures map[string]bool // "name check" of the checks that did not pass
	seenExc  map[string]bool
}

func newCorpusTally(t *testing.T) *corpusTally {
	return &corpusTally{t: t, pass: map[string]map[bodyKind]int{}, failures: map[string]bool{}, seenExc: map[string]bool{}}
}

// check records the outcome of check on name (a body of kind k): failure
// is "" when it passed. It reports whether it passed.
func (ta *corpusTally) check(name string, k bodyKind, check, failure string) bool {
	key := name + " " + check
	reason, isExc := corpusExceptions[key]
	if isExc {
		ta.seenExc[key] = true
	}
	if failure != "" {
		ta.failures[key] = true
	}
	switch {
	case failure == "" && isExc:
		ta.t.Errorf("%s: %s passes but is listed in corpusExceptions (%s): remove it", name, check, reason)
	case failure == "":
		if ta.pass[check] == nil {
			ta.pass[check] = map[bodyKind]int{}
		}
		ta.pass[check][k]++
		return true
	case isExc:
		ta.known = append(ta.known, key+": "+reason)
	default:
		ta.t.Errorf("%s: %s: %s", name, check, failure)
	}
	return false
}

// failedCheck reports whether check failed on name (or was excepted).
func (ta *corpusTally) failedCheck(name, check string) bool {
	return ta.failures[name+" "+check]
}

func (ta *corpusTally) count(check string) (n int, by string) {
	var parts []string
	for k := inputBody; k <= errorBody; k++ {
		if c := ta.pass[check][k]; c > 0 {
			n += c
			parts = append(parts, fmt.Sprintf("%d %s", c, k))
		}
	}
	return n, strings.Join(parts, ", ")
}

// guard runs f, turning a panic into a failure.
func guard(f func() string) (failure string) {
	defer func() {
		if r := recover(); r != nil {
			failure = fmt.Sprintf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return f()
}

// bodyStats tells about a body that checkBody checked.
type bodyStats struct {
	byteExact bool // a JSON body re-encoded byte for byte (after json.Compact)
	dates     int  // date values in the decoded body
}

// checkBody runs the checks of a well-formed body of kind k in format f.
func (ta *corpusTally) checkBody(name string, k bodyKind, f Format, body []byte) (st bodyStats) {
	var a decoded
	ok := ta.check(name, k, "decode", guard(func() string {
		var err error
		if a, err = decodeAs(k, body, f); err != nil {
			return err.Error()
		}
		return ""
	}))
	if !ok {
		return st
	}
	st.dates = countDates(a)
	ta.check(name, k, "same-format", guard(func() string {
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
		ta.check(name, k, "json-exact", guard(func() string {
			enc, err := a.Marshal(JSON)
			if err != nil {
				return "encode: " + err.Error()
			}
			var failure string
			st.byteExact, failure = jsonExact(body, enc)
			return failure
		}))
	}
	ta.check(name, k, "cross-format", guard(func() string {
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
	}))
	return st
}

// countDates counts the date values in a decoded body.
func countDates(d decoded) int {
	n := 0
	walkDecoded(d, func(string) {}, func(v Value) {
		if v.Kind() == KindDate {
			n++
		}
	})
	return n
}

// walkDecoded calls name with every property name and rel of a decoded body
// and value with every value, the items of lists and the properties of bags
// and of links included.
func walkDecoded(d decoded, name func(string), value func(Value)) {
	var val func(v Value)
	props := func(ps []Property) {
		for _, p := range ps {
			name(p.Name)
			val(p.Value)
		}
	}
	val = func(v Value) {
		value(v)
		switch v.Kind() {
		case KindList:
			for _, item := range v.List() {
				val(item)
			}
		case KindBag:
			props(v.Bag())
		}
	}
	link := func(l *Link) {
		name(l.Rel)
		props(l.Attrs)
	}
	links := func(ls []Link) {
		for i := range ls {
			link(&ls[i])
		}
	}
	var resource func(r *Resource)
	resource = func(r *Resource) {
		name(r.Rel)
		props(r.Properties)
		links(r.Links)
		for i := range r.Embedded {
			resource(&r.Embedded[i])
		}
	}
	switch d := d.(type) {
	case *Input:
		props(d.Properties)
		links(d.Links)
	case *Resource:
		resource(d)
	case *Events:
		links(d.Links)
		for _, s := range d.Senders {
			name(s.Rel)
			for _, e := range s.Events {
				link(&e.Link)
				if e.In != nil {
					link(e.In)
				}
				if e.Resource != nil {
					resource(e.Resource)
				}
			}
		}
	}
}

// jsonExact compares enc, the re-encoding of the JSON body orig, with orig
// run through json.Compact: byte for byte, or else token for token (strings
// and numbers as decoded, so that escapes may differ).
func jsonExact(orig, enc []byte) (byteExact bool, failure string) {
	var c bytes.Buffer
	if err := json.Compact(&c, orig); err != nil {
		return false, "json.Compact of the original: " + err.Error()
	}
	if bytes.Equal(c.Bytes(), enc) {
		return true, ""
	}
	ta, err := jsonTokens(orig)
	if err != nil {
		return false, "tokens of the original: " + err.Error()
	}
	tb, err := jsonTokens(enc)
	if err != nil {
		return false, "tokens of the encoding: " + err.Error()
	}
	if diff := cmp.Diff(ta, tb); diff != "" {
		return false, fmt.Sprintf("tokens differ (-original +encoded):\n%s\n%s\n%s", diff, c.Bytes(), enc)
	}
	return false, ""
}

// jsonTokens returns the tokens of a JSON text, numbers as json.Number.
func jsonTokens(data []byte) ([]any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var out []any
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, tok)
	}
}

// checkReject checks that every decoder refuses body, a body that is not
// well-formed, with a *DecodeError within the body and without panicking,
// and that the decoder of kind k does so as corpusRejects says.
func (ta *corpusTally) checkReject(name string, f Format, k bodyKind, body []byte) {
	want, listed := corpusRejects[name]
	ta.check(name, k, "reject", guard(func() string {
		if !listed {
			return "not in corpusRejects"
		}
		var msgs []string
		for _, dk := range []bodyKind{inputBody, resourceBody, eventsBody, errorBody} {
			_, err := decodeAs(dk, body, f)
			var de *DecodeError
			switch {
			case err == nil:
				msgs = append(msgs, dk.String()+": decoded")
				continue
			case !errors.As(err, &de):
				msgs = append(msgs, fmt.Sprintf("%s: %T is not a *DecodeError: %v", dk, err, err))
				continue
			case de.Format != f:
				msgs = append(msgs, fmt.Sprintf("%s: Format %s", dk, de.Format))
			case de.Offset < 0 || de.Offset > int64(len(body)):
				msgs = append(msgs, fmt.Sprintf("%s: offset %d outside the body of %d bytes", dk, de.Offset, len(body)))
			case !strings.HasPrefix(err.Error(), "ucwa: "):
				msgs = append(msgs, dk.String()+": message without the ucwa: prefix: "+err.Error())
			}
			if dk == k && (!errors.Is(err, want.err) || de.Offset != want.offset) {
				msgs = append(msgs, fmt.Sprintf("%s: %v at offset %d, want %v at %d (%s)", dk, de.Err, de.Offset, want.err, want.offset, want.why))
			}
		}
		return strings.Join(msgs, "\n")
	}))
}

// rejectKind is the decoder that fits a body that is not well-formed: a
// request is an input (or, for PUT, a resource), a response a resource.
func rejectKind(method, direction string) bodyKind {
	switch {
	case direction == "request" && method == "PUT":
		return resourceBody
	case direction == "request":
		return inputBody
	}
	return resourceBody
}

func TestCorpus(t *testing.T) {
	ta := newCorpusTally(t)
	m := testkit.Reference(t)
	var wellFormed, malformed, byteExact, jsonBodies, dates, withDates int
	var notByteExact []string
	skipped := map[string][]string{}
	kinds := map[bodyKind]int{}
	for _, e := range m {
		body := e.Body
		f := corpusFormat(e.Format)
		method := e.MethodOrStart()
		if !*e.WellFormed {
			malformed++
			ta.checkReject(e.File, f, rejectKind(method, e.Direction), body)
			continue
		}
		wellFormed++
		k, what := classifyBody(method, e.Direction, f, body)
		if k == notUCWA {
			why, ok := corpusSkips[what]
			if !ok {
				t.Errorf("%s: well-formed but not a UCWA body (%s), and corpusSkips says nothing about it", e.File, what)
			}
			skipped[why] = append(skipped[why], e.File)
			continue
		}
		kinds[k]++
		st := ta.checkBody(e.File, k, f, body)
		if st.dates > 0 {
			dates += st.dates
			withDates++
		}
		if f == JSON {
			jsonBodies++
			if st.byteExact {
				byteExact++
			} else if !ta.failedCheck(e.File, "json-exact") {
				notByteExact = append(notByteExact, e.File)
			}
		}
	}
	for name := range corpusRejects {
		if !slices.ContainsFunc(m, func(e testkit.Example) bool { return e.File == name && !*e.WellFormed }) {
			t.Errorf("corpusRejects lists %s, which is not a malformed example of the corpus", name)
		}
	}
	for key := range corpusExceptions {
		if !strings.HasPrefix(key, "events/") && !ta.seenExc[key] {
			t.Errorf("corpusExceptions lists %q, which was not checked", key)
		}
	}

	t.Logf("corpus: %d examples: %d well-formed (%d inputs, %d resources, %d events, %d errors, %d not UCWA bodies), %d not well-formed",
		len(m), wellFormed, kinds[inputBody], kinds[resourceBody], kinds[eventsBody], kinds[errorBody],
		wellFormed-kinds[inputBody]-kinds[resourceBody]-kinds[eventsBody]-kinds[errorBody], malformed)
	for _, check := range []string{"decode", "same-format", "json-exact", "cross-format", "reject"} {
		n, by := ta.count(check)
		t.Logf("  %-12s %3d pass (%s)", check, n, by)
	}
	t.Logf("  JSON byte for byte after json.Compact: %d of %d; these differ in escapes only (same tokens): %s",
		byteExact, jsonBodies, strings.Join(notByteExact, ", "))
	t.Logf("  %d date values in %d bodies, compared by instant across formats", dates, withDates)
	whys := make([]string, 0, len(skipped))
	for why := range skipped {
		whys = append(whys, why)
	}
	sort.Strings(whys)
	for _, why := range whys {
		t.Logf("  skipped, %s: %s", why, strings.Join(skipped[why], ", "))
	}
	for _, k := range ta.known {
		t.Logf("  known exception: %s", k)
	}
}

func TestCorpusEvents(t *testing.T) {
	ta := newCorpusTally(t)
	decodedBy := map[string]*Events{}
	examples := testkit.ReferenceEvents(t)
	for _, b := range examples {
		name, f, body := b.Name, corpusFormat(b.Format), b.Data
		if k, what := classifyBody("GET", "response", f, body); k != eventsBody {
			t.Errorf("%s: %s, not events (%s)", name, k, what)
		}
		ta.checkBody("events/"+name, eventsBody, f, body)
		if ev, err := DecodeEvents(body, f); err == nil {
			decodedBy[name] = &ev
		}
	}
	for key := range corpusExceptions {
		if strings.HasPrefix(key, "events/") && !ta.seenExc[key] {
			t.Errorf("corpusExceptions lists %q, which was not checked", key)
		}
	}

	// The two samples of EventChannelDetails.md are one response in two
	// formats.
	j, x := decodedBy["EventChannelDetails.json"], decodedBy["EventChannelDetails.xml"]
	if j == nil || x == nil {
		t.Fatal("EventChannelDetails samples not decoded")
	}
	if diff := sameMeaning(j, x); diff != "" {
		t.Errorf("EventChannelDetails.md: the JSON and XML samples differ:\n%s", diff)
	}
	if n := len(j.Senders); n != 2 || len(j.Senders[1].Events) != 4 || j.Senders[0].Events[0].Resource == nil {
		t.Errorf("EventChannelDetails.json: %d senders, want 2 with 1 and 4 events, the first embedding a resource", n)
	}

	for _, check := range []string{"decode", "same-format", "json-exact", "cross-format"} {
		n, _ := ta.count(check)
		of := len(examples)
		if check == "json-exact" {
			of = 3 // the JSON ones
		}
		t.Logf("  %-12s %d of %d pass", check, n, of)
	}
	for _, k := range ta.known {
		t.Logf("  known exception: %s", k)
	}
}

// TestResourceRelInJSON is the regression test of a bug the corpus found: an
// XML resource whose rel is only its rel attribute (no <property
// name="rel">) lost its rel in JSON, which carries a top-level resource's rel
// in its "rel" member only.
func TestResourceRelInJSON(t *testing.T) {
	x := `<?xml version="1.0" encoding="utf-8"?><resource rel="me" href="/me" xmlns="` + Namespace + `"><property name="name">Alex</property><resource rel="note" href="/me/note"><property name="message">hi</property></resource></resource>`
	r, err := DecodeResource([]byte(x), XML)
	if err != nil {
		t.Fatal(err)
	}
	j, err := r.Marshal(JSON)
	if err != nil {
		t.Fatal(err)
	}
	// "rel" first; the embedded resource's rel stays its key only.
	const want = `{"rel":"me","name":"Alex","_links":{"self":{"href":"/me"}},"_embedded":{"note":{"message":"hi","_links":{"self":{"href":"/me/note"}}}}}`
	if string(j) != want {
		t.Errorf("JSON of an XML resource:\n got %s\nwant %s", j, want)
	}
	back, err := DecodeResource(j, JSON)
	if err != nil {
		t.Fatal(err)
	}
	if back.Rel != "me" {
		t.Errorf("rel after XML -> JSON = %q, want \"me\"", back.Rel)
	}
	if d := sameMeaning(&r, &back); d != "" {
		t.Errorf("XML -> JSON changes the meaning:\n%s", d)
	}

	// A resource that has a "rel" property keeps it where it is, once.
	r = Resource{Rel: "me", Properties: []Property{Prop("name", String("Alex")), Prop("rel", String("me"))}}
	if j, err = r.Marshal(JSON); err != nil || string(j) != `{"name":"Alex","rel":"me"}` {
		t.Errorf("JSON of a resource with a rel property = %s, %v", j, err)
	}
	// And one without a Rel gets none.
	r = Resource{Properties: []Property{Prop("name", String("Alex"))}}
	if j, err = r.Marshal(JSON); err != nil || string(j) != `{"name":"Alex"}` {
		t.Errorf("JSON of a resource without a rel = %s, %v", j, err)
	}
	// Still no allocation when dst has room.
	r = Resource{Rel: "me", Properties: []Property{Prop("name", String("Alex"))}}
	if testing.CoverMode() == "" {
		dst := make([]byte, 0, 256)
		if n := testing.AllocsPerRun(100, func() { _, _ = r.AppendJSON(dst[:0]) }); n != 0 {
			t.Errorf("AppendJSON with a rel to write: %v allocations, want 0", n)
		}
	}
}

// TestDecodedDoesNotAliasInput: no decoded string points into the caller's
// input. Every UCWA body of the corpus and the events examples is decoded
// from a copy, which is then overwritten: the value must encode to the same
// bytes as before.
func TestDecodedDoesNotAliasInput(t *testing.T) {
	type body struct {
		name string
		f    Format
		k    bodyKind
		data []byte
	}
	var bodies []body
	for _, e := range testkit.Reference(t) {
		if !*e.WellFormed {
			continue
		}
		f := corpusFormat(e.Format)
		if k, _ := classifyBody(e.MethodOrStart(), e.Direction, f, e.Body); k != notUCWA {
			bodies = append(bodies, body{e.File, f, k, e.Body})
		}
	}
	for _, b := range testkit.ReferenceEvents(t) {
		bodies = append(bodies, body{b.Name, corpusFormat(b.Format), eventsBody, b.Data})
	}
	checked := 0
	for _, b := range bodies {
		in := bytes.Clone(b.data)
		d, err := decodeAs(b.k, in, b.f)
		if err != nil {
			continue // the corpus tests report it
		}
		want, err := d.Marshal(b.f)
		if err != nil {
			continue
		}
		for i := range in {
			in[i] = 'X'
		}
		got, err := d.Marshal(b.f)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: the decoded value changed when the input was overwritten (%v)", b.name, err)
		}
		checked++
	}
	if checked < 380 {
		t.Errorf("checked %d bodies, want the whole corpus", checked)
	}
}
