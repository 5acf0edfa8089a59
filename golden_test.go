package ucwa

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

var update = flag.Bool("update", false, "rewrite the expected outputs of the golden tests (testdata/golden/*.out.*)")

// TestGolden converts each testdata/golden/NAME.in.FORMAT to the other
// format and compares the bytes the encoder writes with NAME.out.OTHER
// beside it. go test -run Golden -update rewrites the outputs; review the
// diff before committing it.
//
// The inputs are the project's own bodies, shaped after the reference's:
// application, an application resource with embedded resources, dates,
// booleans, numbers, null, lists, a nested bag and the PUT marker; events,
// event-channel responses with embedded resources, "in" links, status and
// reason; error, error bodies with parameters and debugInfo. seed is the
// continuePhoneAudio input of the seed page, whose examples are the
// constants seedJSONPage and seedXMLPage rather than files.
// goldenConstants are the inputs held as constants, by the file name they
// stand for.
var goldenConstants = map[string]string{
	filepath.Join("testdata", "golden", "seed.in.json"): seedJSONPage,
	filepath.Join("testdata", "golden", "seed.in.xml"):  seedXMLPage,
}

func TestGolden(t *testing.T) {
	tests := []struct {
		at   string
		name string
		kind bodyKind
		from Format
	}{
		{testkit.Where(), "application", resourceBody, JSON},
		{testkit.Where(), "application", resourceBody, XML},
		{testkit.Where(), "events", eventsBody, JSON},
		{testkit.Where(), "events", eventsBody, XML},
		{testkit.Where(), "error", errorBody, JSON},
		{testkit.Where(), "error", errorBody, XML},
		{testkit.Where(), "seed", inputBody, JSON},
		{testkit.Where(), "seed", inputBody, XML},
	}
	for _, tc := range tests {
		to := otherFormat(tc.from)
		in := filepath.Join("testdata", "golden", tc.name+".in."+tc.from.String())
		out := filepath.Join("testdata", "golden", tc.name+".out."+to.String())
		page, isConstant := goldenConstants[in]
		data := []byte(page)
		if !isConstant {
			var err error
			if data, err = os.ReadFile(in); err != nil {
				t.Fatalf("%s: %v", tc.at, err)
			}
		}
		a, err := decodeAs(tc.kind, data, tc.from)
		if err != nil {
			t.Errorf("%s: %s: %v", tc.at, in, err)
			continue
		}
		got, err := a.Marshal(to)
		if err != nil {
			t.Errorf("%s: %s: encode in %s: %v", tc.at, in, to, err)
			continue
		}
		if *update {
			if err := os.WriteFile(out, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(out)
		if err != nil {
			t.Errorf("%s: %v (go test -run Golden -update writes it)", tc.at, err)
			continue
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s: %s to %s differs from %s (-want +got):\n%s", tc.at, in, to, out, diff)
		}
		// The expected output is itself a body that means what the input
		// does.
		b, err := decodeAs(tc.kind, want, to)
		if err != nil {
			t.Errorf("%s: %s: %v", tc.at, out, err)
			continue
		}
		if diff := sameMeaning(a, b); diff != "" {
			t.Errorf("%s: %s does not mean what %s does:\n%s", tc.at, out, in, diff)
		}
	}
}
