// Command plot draws the size sweep of the benchmark suite: time per op
// against body size, on log scales, one panel per format and one line per
// series, from the output of `go test -bench DecodeResourceSize` (several
// rounds in one file; each point is the median of its rounds). It draws the
// series the results hold, whichever they are, and writes an SVG.
//
// Usage, from bench/:
//
//	go run ./internal/plot -in results.txt -out ../BENCHMARKS-size.svg
//
// scripts/bench.sh runs it after the suite.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	in := flag.String("in", "results.txt", "benchmark results (go test -bench output)")
	out := flag.String("out", "", "SVG file to write (default: standard output)")
	title := flag.String("title", "Decoding the application resource scaled from 1 KB to 1 MB",
		"the plot's title")
	flag.Parse()
	if err := run(*in, *out, *title); err != nil {
		fmt.Fprintln(os.Stderr, "plot:", err)
		os.Exit(1)
	}
}

func run(in, out, title string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	pts, err := parse(f)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	svg := render(pts, title)
	if out == "" {
		_, err = os.Stdout.Write(svg)
		return err
	}
	return os.WriteFile(out, svg, 0o644)
}

// A point is one sub-benchmark of the sweep, the medians of its rounds.
type point struct {
	format, size, series string
	bytes                float64 // the body's size
	nsPerOp              float64
}

// sweepLine matches a result line of the sweep: name, format, nominal size,
// series, and the rest of the line (iterations and measurements).
var sweepLine = regexp.MustCompile(`^BenchmarkDecodeResourceSize/([^/\s]+)/([^/\s]+)/(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// errNoSweep is returned when the results hold no line of the sweep.
var errNoSweep = errors.New("no BenchmarkDecodeResourceSize results")

// parse reads go test -bench output and returns a point per sub-benchmark of
// the sweep, in the order each first appears. The body size comes from the
// time and the throughput (b.SetBytes) of each line.
func parse(r io.Reader) ([]point, error) {
	type acc struct {
		p          point
		ns, byteSz []float64
	}
	var order []string
	accs := map[string]*acc{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := sweepLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		vals := measurements(m[4])
		ns, mbs := vals["ns/op"], vals["MB/s"]
		if ns <= 0 || mbs <= 0 {
			continue
		}
		key := m[1] + "/" + m[2] + "/" + m[3]
		a := accs[key]
		if a == nil {
			a = &acc{p: point{format: m[1], size: m[2], series: m[3]}}
			accs[key] = a
			order = append(order, key)
		}
		a.ns = append(a.ns, ns)
		a.byteSz = append(a.byteSz, mbs*ns/1e3) // MB/s is 10⁶ bytes per 10⁹ ns
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(order) == 0 {
		return nil, errNoSweep
	}
	pts := make([]point, 0, len(order))
	for _, k := range order {
		a := accs[k]
		a.p.nsPerOp, a.p.bytes = median(a.ns), median(a.byteSz)
		pts = append(pts, a.p)
	}
	return pts, nil
}

// measurements reads "123 ns/op 45.6 MB/s …" into a map by unit.
func measurements(s string) map[string]float64 {
	f := strings.Fields(s)
	m := map[string]float64{}
	for i := 0; i+1 < len(f); i += 2 {
		if v, err := strconv.ParseFloat(f[i], 64); err == nil {
			m[f[i+1]] = v
		}
	}
	return m
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
