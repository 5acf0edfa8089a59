package catalog_test

import (
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/catalog"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// inconsistent lists the findings the reference's response examples give,
// each the path of one finding in one example, with what the reference got
// wrong. A finding not listed fails the test, and so does an entry that no
// longer matches a finding, so that the list stays true.
var inconsistent = map[string]string{}

// TestCorpusResponses: every response example of the reference validates
// against its resource (an event-channel response, its embedded resources
// against theirs), apart from the reference's own inconsistencies. Unknown
// names are counted, not errors.
func TestCorpusResponses(t *testing.T) {
	examples := testkit.Reference(t)
	seen := map[string]bool{}
	tried, unknown := 0, 0
	for i := range examples {
		e := &examples[i]
		if e.Direction != "response" || !*e.WellFormed {
			continue
		}
		fs, ok := validateBody(e)
		if !ok {
			continue
		}
		tried++
		for _, f := range fs {
			if f.Unknown {
				unknown++
				continue
			}
			key := e.File + " " + f.Path
			seen[key] = true
			if _, listed := inconsistent[key]; !listed {
				t.Errorf("%s: %s", e.File, f)
			}
		}
	}
	for key, why := range inconsistent {
		if !seen[key] {
			t.Errorf("%s: listed (%s), but no longer found", key, why)
		}
	}
	t.Logf("%d response examples validated; %d findings of names the catalog does not know; %d inconsistencies listed",
		tried, unknown, len(inconsistent))
	if tried < 200 {
		t.Errorf("only %d response examples validated", tried)
	}
}

// validateBody validates the body of a response example, and reports
// false for one that is not a UCWA resource or event-channel response (an
// error body, OPTIONS metadata, a batch).
func validateBody(e *testkit.Example) ([]catalog.Finding, bool) {
	f := format(e)
	body := string(e.Body)
	if strings.Contains(body, `"sender"`) || strings.Contains(body, "<events") {
		ev, err := ucwa.DecodeEvents(e.Body, f)
		if err != nil {
			return nil, false
		}
		return catalog.ValidateEvents(&ev, f), true
	}
	r, err := ucwa.DecodeResource(e.Body, f)
	if err != nil {
		return nil, false
	}
	return catalog.ValidateResource(&r, f), true
}

// format returns the format of an example.
func format(e *testkit.Example) ucwa.Format {
	if e.Format == "xml" {
		return ucwa.XML
	}
	return ucwa.JSON
}
