package bodies

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ucwa-go/ucwa"
)

var update = flag.Bool("update", false, "rewrite bench/testdata from what this package builds")

// committed lists the bodies bench/testdata holds, by file name.
var committed = map[string]func() []byte{
	"application.json": func() []byte { return ApplicationBody(ucwa.JSON) },
	"application.xml":  func() []byte { return ApplicationBody(ucwa.XML) },
	"events.json":      func() []byte { return EventsBody(ucwa.JSON) },
	"events.xml":       func() []byte { return EventsBody(ucwa.XML) },
}

// TestCommittedBodies checks that bench/testdata holds exactly the bodies
// this package builds. After a change here, or in how the ucwa encoder
// writes, run `go test ./internal/bodies -update` in bench/.
func TestCommittedBodies(t *testing.T) {
	for name, build := range committed {
		path := filepath.Join("..", "..", "testdata", name)
		got := build()
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/bodies -update in bench/)", err)
		}
		if d := cmp.Diff(string(want), string(got)); d != "" {
			t.Errorf("%s is not what the package builds (-file +built); rerun with -update:\n%s", path, d)
		}
	}
}

// TestBodiesAreStable checks that building a body twice gives the same bytes.
func TestBodiesAreStable(t *testing.T) {
	for name, build := range committed {
		if !bytes.Equal(build(), build()) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if !bytes.Equal(ScaledBody(ucwa.XML, 9), ScaledBody(ucwa.XML, 9)) {
		t.Error("a scaled body differs between two builds")
	}
}

// TestLayoutKeepsMeaning checks that the laid-out bodies decode to what was
// encoded: the JSON compacts back to the encoder's bytes, and both formats
// decode to values that encode to the same compact bytes as the originals.
func TestLayoutKeepsMeaning(t *testing.T) {
	app, ev := Application(), Events()
	for _, f := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
		wantApp, err := app.Append(nil, f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ucwa.DecodeResource(ApplicationBody(f), f)
		if err != nil {
			t.Fatalf("%s application: %v", f, err)
		}
		if got, _ := r.Append(nil, f); !bytes.Equal(got, wantApp) {
			t.Errorf("%s application reads back as\n%s\nwant\n%s", f, got, wantApp)
		}
		wantEv, err := ev.Append(nil, f)
		if err != nil {
			t.Fatal(err)
		}
		e, err := ucwa.DecodeEvents(EventsBody(f), f)
		if err != nil {
			t.Fatalf("%s events: %v", f, err)
		}
		if got, _ := e.Append(nil, f); !bytes.Equal(got, wantEv) {
			t.Errorf("%s events read back as\n%s\nwant\n%s", f, got, wantEv)
		}
	}
	for _, inline := range []bool{false, true} {
		src := []byte(`{"a":[1,{"b":"x\"}],"}],"c":{},"d":[],"e":{"f":true,"g":null}}`)
		var compact bytes.Buffer
		if err := json.Compact(&compact, IndentJSON(src, inline)); err != nil {
			t.Fatalf("inline %v: %v", inline, err)
		}
		if compact.String() != string(src) {
			t.Errorf("inline %v: compacts to %s", inline, compact.Bytes())
		}
	}
}

// TestIndentShapes pins the layout of each construct.
func TestIndentShapes(t *testing.T) {
	got := string(IndentJSON([]byte(`{"a":{"href":"/x"},"b":["p","q"],"c":{"d":[{}]}}`), true))
	want := "{\n  \"a\": {\"href\": \"/x\"},\n  \"b\": [\"p\", \"q\"],\n" +
		"  \"c\": {\n    \"d\": [\n      {}\n    ]\n  }\n}\n"
	if got != want {
		t.Errorf("IndentJSON inline:\n%s\nwant\n%s", got, want)
	}
	got = string(IndentXML([]byte(`<?xml version="1.0"?><r a="x>y"><l b="1"/><p>t</p><e></e><q><i>1</i></q></r>`)))
	want = "<?xml version=\"1.0\"?>\n<r a=\"x>y\">\n  <l b=\"1\" />\n  <p>t</p>\n  <e></e>\n" +
		"  <q>\n    <i>1</i>\n  </q>\n</r>\n"
	if got != want {
		t.Errorf("IndentXML:\n%s\nwant\n%s", got, want)
	}
}

// TestScaledCount checks that the count found is the nearest: one more or
// one fewer embedded resource is no nearer the target.
func TestScaledCount(t *testing.T) {
	for _, target := range []int{100, 1 << 10, 5000, 64 << 10} {
		n := ScaledCount(target)
		dist := func(n int) int { return abs(len(ScaledBody(ucwa.JSON, n)) - target) }
		if dist(n+1) < dist(n) || (n > 0 && dist(n-1) < dist(n)) {
			t.Errorf("target %d: %d embedded (%d bytes) is not the nearest", target, n, len(ScaledBody(ucwa.JSON, n)))
		}
	}
}
