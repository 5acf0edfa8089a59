package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// results is go test output of two rounds: lines of the sweep (one of them
// without the -N suffix that -cpu 1 gives), of another benchmark, and noise.
const results = `goos: linux
BenchmarkDecodeResourceSize/json/1KB/ucwa-2 	  100	      2000 ns/op	 500.00 MB/s	    2600 B/op	       6 allocs/op
BenchmarkDecodeResourceSize/json/1KB/fastjson-reused-2	  100	 1000 ns/op	1000.00 MB/s	 0 B/op	 0 allocs/op
BenchmarkDecodeResourceSize/json/64KB/ucwa-2         	  100	    100000 ns/op	 655.36 MB/s
BenchmarkDecodeResourceSize/xml/1KB/gosax-2          	  100	       800 ns/op	1500.00 MB/s
BenchmarkDecodeResourceJSON/ucwa-2                   	  100	      7000 ns/op	1000.00 MB/s
PASS
BenchmarkDecodeResourceSize/json/1KB/ucwa            	  100	      4000 ns/op	 250.00 MB/s
BenchmarkDecodeResourceSize/json/64KB/ucwa-2         	  100	    120000 ns/op	 546.13 MB/s
BenchmarkDecodeResourceSize/json/64KB/ucwa-2         	  100	    110000 ns/op	 595.78 MB/s
ok  	github.com/ucwa-go/ucwa/bench	1.0s
`

func TestParse(t *testing.T) {
	pts, err := parse(strings.NewReader(results))
	if err != nil {
		t.Fatal(err)
	}
	want := []point{
		{"json", "1KB", "ucwa", 1000, 3000}, // median of two rounds
		{"json", "1KB", "fastjson-reused", 1000, 1000},
		{"json", "64KB", "ucwa", 65536, 110000}, // median of three
		{"xml", "1KB", "gosax", 1200, 800},
	}
	if len(pts) != len(want) {
		t.Fatalf("got %d points: %+v", len(pts), pts)
	}
	for i, p := range pts {
		w := want[i]
		if p.format != w.format || p.size != w.size || p.series != w.series ||
			p.nsPerOp != w.nsPerOp || p.bytes < w.bytes*0.999 || p.bytes > w.bytes*1.001 {
			t.Errorf("point %d: got %+v, want %+v", i, p, w)
		}
	}
	if _, err := parse(strings.NewReader("BenchmarkOther-2 100 5 ns/op\n")); !errors.Is(err, errNoSweep) {
		t.Errorf("results without the sweep: error %v", err)
	}
}

// TestRender checks that the SVG is well-formed XML and draws one line per
// series of each format present, and no other.
func TestRender(t *testing.T) {
	pts, err := parse(strings.NewReader(results))
	if err != nil {
		t.Fatal(err)
	}
	svg := render(pts, `a <title> & "more"`)
	lines := map[string]int{}
	circles, groups := 0, 0
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "polyline":
				for _, a := range se.Attr {
					if a.Name.Local == "data-series" {
						lines[a.Value]++
					}
				}
			case "circle":
				circles++
			case "g":
				groups++
			}
		}
	}
	// ucwa and fastjson-reused in the JSON panel, gosax in the XML one.
	if want := map[string]int{"ucwa": 1, "fastjson-reused": 1, "gosax": 1}; !mapsEqual(lines, want) {
		t.Errorf("lines %v, want %v", lines, want)
	}
	if circles != 4 || groups != 2 {
		t.Errorf("%d markers in %d panels, want 4 in 2", circles, groups)
	}
	for _, s := range []string{"ucwa-reused", "goccy-struct"} {
		if bytes.Contains(svg, []byte(s)) {
			t.Errorf("the SVG names %s, which the results do not have", s)
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "results.txt"), filepath.Join(dir, "plot.svg")
	if err := os.WriteFile(in, []byte(results), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(in, out, "t"); err != nil {
		t.Fatal(err)
	}
	svg, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(svg, []byte("<svg ")) {
		t.Fatalf("wrote %q, %v", svg, err)
	}
	if err := run(filepath.Join(dir, "absent.txt"), out, "t"); err == nil {
		t.Error("a missing input went unnoticed")
	}
}

func TestLabels(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{sizeLabel(1024), "1 KB"}, {sizeLabel(256 << 10), "256 KB"}, {sizeLabel(1 << 20), "1 MB"},
		{sizeLabel(512), "512 B"}, {timeLabel(1500), "1.5 µs"}, {timeLabel(2.5e6), "2.5 ms"},
		{timeLabel(80), "80 ns"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if m := median([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median of 3, 1, 2: %g", m)
	}
}
