package bench

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/valyala/fastjson"

	"github.com/ucwa-go/ucwa"
)

// TestBenchInputsAgree runs every benchmark case once with its check, without
// timing: each implementation must do the same work on the same input.
func TestBenchInputsAgree(t *testing.T) {
	for _, w := range workloads {
		for _, c := range w.impls() {
			t.Run(w.name+"/"+c.name, func(t *testing.T) {
				p, err := c.prepare()
				if errors.Is(err, errUnavailable) {
					t.Skip(err)
				}
				if err != nil {
					t.Fatal(err)
				}
				if p.size <= 0 {
					t.Fatalf("size %d", p.size)
				}
				// The timed op must keep working when repeated on reused buffers.
				if err := p.ops(3); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// canonLines writes what a ucwa resource means as lines to compare across
// formats: properties in order with scalars by text, links sorted by rel
// (XML puts the self link first, JSON where the body has it), embedded
// resources in order.
func canonLines(r *ucwa.Resource, indent string) []string {
	lines := []string{indent + "resource " + r.Rel}
	for _, p := range r.Properties {
		lines = append(lines, indent+"  "+p.Name+"="+ucwaText(p.Value))
	}
	lines = append(lines, canonLinks(r.Links, indent+"  ")...)
	for i := range r.Embedded {
		lines = append(lines, canonLines(&r.Embedded[i], indent+"  ")...)
	}
	return lines
}

func canonLinks(ls []ucwa.Link, indent string) []string {
	var lines []string
	for _, l := range ls {
		line := indent + "link " + l.Rel + " " + l.Href
		if title, ok := l.Title(); ok {
			line += fmt.Sprintf(" title=%q", title)
		}
		lines = append(lines, line)
	}
	slices.Sort(lines)
	return lines
}

func canonEvents(ev *ucwa.Events) []string {
	lines := canonLinks(ev.Links, "")
	for _, s := range ev.Senders {
		lines = append(lines, "sender "+s.Rel+" "+s.Href)
		for _, e := range s.Events {
			lines = append(lines, "  "+string(e.Type)+" status="+e.Status)
			lines = append(lines, canonLinks([]ucwa.Link{e.Link}, "    ")...)
			if e.In != nil {
				lines = append(lines, canonLinks([]ucwa.Link{*e.In}, "    in ")...)
			}
			if e.Reason != nil {
				lines = append(lines, "    reason "+string(e.Reason.Code)+" "+string(e.Reason.Subcode))
			}
			if e.Resource != nil {
				lines = append(lines, canonLines(e.Resource, "    ")...)
			}
		}
	}
	return lines
}

// TestEventsFilesAgree checks that the JSON and XML events bodies mean the
// same, read with ucwa.DecodeEvents.
func TestEventsFilesAgree(t *testing.T) {
	j, err := ucwa.DecodeEvents(eventsJSON, ucwa.JSON)
	if err != nil {
		t.Fatal(err)
	}
	x, err := ucwa.DecodeEvents(eventsXML, ucwa.XML)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(canonEvents(&j), canonEvents(&x)); d != "" {
		t.Errorf("events.json and events.xml differ (-json +xml):\n%s", d)
	}
	if n := len(canonEvents(&j)); n < 40 {
		t.Errorf("canonical events have %d lines; the comparison saw too little", n)
	}
}

// TestApplicationFilesAgree checks that the JSON and XML application bodies
// mean the same, read with ucwa.DecodeResource.
func TestApplicationFilesAgree(t *testing.T) {
	j, err := ucwa.DecodeResource(appJSON, ucwa.JSON)
	if err != nil {
		t.Fatal(err)
	}
	x, err := ucwa.DecodeResource(appXML, ucwa.XML)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(canonLines(&j, ""), canonLines(&x, "")); d != "" {
		t.Errorf("application.json and application.xml differ (-json +xml):\n%s", d)
	}
}

// TestChecksCatchDifferences makes sure the checks the benchmarks rely on fail
// when a result differs in one link, one value or one event.
func TestChecksCatchDifferences(t *testing.T) {
	r, err := ucwa.DecodeResource(appJSON, ucwa.JSON)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkSummary("ucwa", ucwaSummary(&r), wantApp); err != nil {
		t.Fatalf("unchanged resource: %v", err)
	}
	me := r.Embed("me")
	me.Links = me.Links[:len(me.Links)-1]
	if checkSummary("ucwa", ucwaSummary(&r), wantApp) == nil {
		t.Error("a missing link went unnoticed")
	}

	changed := bytes.Replace(appXML, []byte(">Ana Silva<"), []byte(">Ana Silvo<"), 1)
	if bytes.Equal(changed, appXML) {
		t.Fatal("the XML application body has no Ana Silva")
	}
	doc, err := decodeXMLTokens(changed)
	if err != nil {
		t.Fatal(err)
	}
	if checkSummary("encoding-xml", xresSummary(doc), wantApp) == nil {
		t.Error("a changed value went unnoticed")
	}
	tree, _, err := newGosaxTokenizer(len(changed)).tree(changed)
	if err != nil {
		t.Fatal(err)
	}
	if checkSummary("gosax", xresSummary(tree), wantApp) == nil {
		t.Error("a changed value went unnoticed by the gosax check")
	}

	changedJSON := bytes.Replace(appJSON, []byte(`"self": {`), []byte(`"selves": {`), 1)
	if bytes.Equal(changedJSON, appJSON) {
		t.Fatal("the JSON application body has no self link")
	}
	var p fastjson.Parser
	v, err := p.ParseBytes(changedJSON)
	if err != nil {
		t.Fatal(err)
	}
	if checkSummary("fastjson-reused", fastjsonSummary(v), wantApp) == nil {
		t.Error("a missing self link went unnoticed by the fastjson check")
	}

	changedEvents := bytes.Replace(eventsJSON, []byte(`"type": "completed"`), []byte(`"type": "updated"`), 1)
	if bytes.Equal(changedEvents, eventsJSON) {
		t.Fatal("the JSON events body has no completed event")
	}
	ev, err := ucwa.DecodeEvents(changedEvents, ucwa.JSON)
	if err != nil {
		t.Fatal(err)
	}
	if checkEvents("ucwa", ucwaEventsSummary(&ev)) == nil {
		t.Error("a changed event type went unnoticed")
	}

	if _, err := encoderCase("bad", cpaJSON, func(out *[]byte) func(n int) error {
		return func(int) error { *out = []byte(strings.ToUpper(string(cpaJSON))); return nil }
	}).prepare(); err == nil {
		t.Error("an encoder writing other bytes went unnoticed")
	}
}

// TestSweepSizes checks that the bodies of the size sweep are near their
// nominal sizes: JSON within an embedded resource of it (the smallest is
// about 0.9 KB); XML, which says the same in more bytes, at most 40% larger.
func TestSweepSizes(t *testing.T) {
	for _, sz := range sweepSizes {
		j, _ := scaledBody(ucwa.JSON, sz.target)
		x, _ := scaledBody(ucwa.XML, sz.target)
		if off := len(j) - sz.target; max(off, -off) > 1200 {
			t.Errorf("%s: JSON body of %d bytes", sz.name, len(j))
		}
		if r := float64(len(x)) / float64(len(j)); r < 1 || r > 1.4 {
			t.Errorf("%s: XML body of %d bytes for %d of JSON", sz.name, len(x), len(j))
		}
	}
}

// TestChecksCatchSweepDifferences makes sure the sweep's check fails when a
// decoder misses an embedded resource.
func TestChecksCatchSweepDifferences(t *testing.T) {
	body, want := scaledBody(ucwa.JSON, 16<<10)
	r, err := ucwa.DecodeResource(body, ucwa.JSON)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, ucwaSizeSummary(&r)); d != "" {
		t.Fatalf("unchanged body: %s", d)
	}
	r.Embedded = r.Embedded[1:]
	if cmp.Equal(want, ucwaSizeSummary(&r)) {
		t.Error("a missing embedded resource went unnoticed")
	}
}
