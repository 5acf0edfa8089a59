package main

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"slices"
	"strings"
)

// Layout of the drawing, in SVG user units.
const (
	panelW, panelH = 440.0, 340.0 // one panel, axes and labels included
	plotL, plotR   = 62.0, 16.0   // margins of the plot area inside a panel
	plotT, plotB   = 16.0, 44.0
	titleH         = 34.0
)

// seriesColor gives the known series fixed colors, the same in every panel and
// every run; another series takes the next of otherColors.
var (
	seriesColor = map[string]string{
		"ucwa":            "#1f5fbf",
		"ucwa-reused":     "#12a05a",
		"goccy-struct":    "#d03a2f",
		"fastjson-reused": "#e08a00",
		"gosax":           "#8e44ad",
	}
	otherColors = []string{"#555555", "#b5651d", "#2aa1b3", "#c2185b"}
)

// render draws pts as an SVG: a panel per format (in order of appearance),
// log-log axes shared by the panels, a line per series with a marker per
// point (its tooltip gives the numbers), and a legend per panel.
func render(pts []point, title string) []byte {
	var formats, series []string
	for _, p := range pts {
		if !slices.Contains(formats, p.format) {
			formats = append(formats, p.format)
		}
		if !slices.Contains(series, p.series) {
			series = append(series, p.series)
		}
	}
	color := map[string]string{}
	next := 0
	for _, s := range series {
		if c, ok := seriesColor[s]; ok {
			color[s] = c
		} else {
			color[s] = otherColors[next%len(otherColors)]
			next++
		}
	}

	// Shared scales: whole powers of 2 of bytes (ticks at the powers of 4
	// among them, the sweep's steps), whole decades of time.
	xs, ys := make([]float64, len(pts)), make([]float64, len(pts))
	for i, p := range pts {
		xs[i], ys[i] = p.bytes, p.nsPerOp
	}
	x0 := math.Pow(2, math.Floor(math.Log2(slices.Min(xs))))
	x1 := math.Pow(2, math.Ceil(math.Log2(slices.Max(xs))))
	y0 := math.Pow(10, math.Floor(math.Log10(slices.Min(ys))))
	y1 := math.Pow(10, math.Ceil(math.Log10(slices.Max(ys))))
	if x1 <= x0 {
		x1 = x0 * 2
	}
	if y1 <= y0 {
		y1 = y0 * 10
	}

	w, h := panelW*float64(len(formats)), titleH+panelH
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" `+
		`font-family="sans-serif" font-size="11">`+"\n", w, h, w, h)
	fmt.Fprintf(&b, `<rect width="%g" height="%g" fill="#ffffff"/>`+"\n", w, h)
	fmt.Fprintf(&b, `<text x="%g" y="21" font-size="14" text-anchor="middle">%s</text>`+"\n", w/2, esc(title))
	for i, f := range formats {
		panel(&b, pts, f, series, color, float64(i)*panelW, titleH, [4]float64{x0, x1, y0, y1})
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// panel draws the format f's points in the panel whose top left corner is at
// (left, top), with the shared scale bounds (x0, x1, y0, y1).
func panel(b *bytes.Buffer, pts []point, f string, series []string, color map[string]string,
	left, top float64, bounds [4]float64) {
	x0, x1, y0, y1 := bounds[0], bounds[1], bounds[2], bounds[3]
	aL, aR, aT, aB := left+plotL, left+panelW-plotR, top+plotT, top+panelH-plotB
	px := func(v float64) float64 { return aL + (aR-aL)*math.Log(v/x0)/math.Log(x1/x0) }
	py := func(v float64) float64 { return aB - (aB-aT)*math.Log(v/y0)/math.Log(y1/y0) }

	fmt.Fprintf(b, `<g><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="none" stroke="#999999"/>`+"\n",
		aL, aT, aR-aL, aB-aT)
	for v := math.Pow(4, math.Ceil(math.Log(x0)/math.Log(4)-1e-9)); v <= x1*1.0001; v *= 4 {
		x := px(v)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e4e4e4"/>`+"\n", x, aT, x, aB)
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`+"\n", x, aB+15, sizeLabel(v))
	}
	for v := y0; v <= y1*1.0001; v *= 10 {
		y := py(v)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e4e4e4"/>`+"\n", aL, y, aR, y)
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="end">%s</text>`+"\n", aL-5, y+4, timeLabel(v))
	}
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="middle">body size (%s)</text>`+"\n",
		(aL+aR)/2, aB+33, esc(strings.ToUpper(f)))
	fmt.Fprintf(b, `<text transform="translate(%.1f %.1f) rotate(-90)" text-anchor="middle">time per op</text>`+"\n",
		left+14, (aT+aB)/2)

	legend := 0
	for _, s := range series {
		var line []point
		for _, p := range pts {
			if p.format == f && p.series == s {
				line = append(line, p)
			}
		}
		if len(line) == 0 {
			continue
		}
		slices.SortFunc(line, func(a, b point) int { return cmpFloat(a.bytes, b.bytes) })
		var coords []string
		for _, p := range line {
			coords = append(coords, fmt.Sprintf("%.1f,%.1f", px(p.bytes), py(p.nsPerOp)))
		}
		fmt.Fprintf(b, `<polyline class="series" data-series="%s" points="%s" fill="none" `+
			`stroke="%s" stroke-width="2"/>`+"\n", esc(s), strings.Join(coords, " "), color[s])
		for i, p := range line {
			mbs := p.bytes / p.nsPerOp * 1e3
			fmt.Fprintf(b, `<circle cx="%s" r="3" fill="%s"><title>%s %s, %s (%.0f bytes): %s, %.0f MB/s</title></circle>`+"\n",
				strings.Replace(coords[i], ",", `" cy="`, 1), color[s], esc(f), esc(s), esc(p.size), p.bytes,
				timeLabel(p.nsPerOp), mbs)
		}
		ly := aT + 14 + 15*float64(legend)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"/>`+"\n",
			aL+8, ly-4, aL+26, ly-4, color[s])
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f">%s</text>`+"\n", aL+31, ly, esc(s))
		legend++
	}
	b.WriteString("</g>\n")
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// sizeLabel writes a byte count as the sweep names sizes: 256 B, 1 KB, 4 MB.
func sizeLabel(v float64) string {
	switch {
	case v >= 1<<20:
		return trimFloat(v/(1<<20)) + " MB"
	case v >= 1<<10:
		return trimFloat(v/(1<<10)) + " KB"
	}
	return trimFloat(v) + " B"
}

// timeLabel writes nanoseconds in the unit that suits them.
func timeLabel(ns float64) string {
	switch {
	case ns >= 1e9:
		return trimFloat(ns/1e9) + " s"
	case ns >= 1e6:
		return trimFloat(ns/1e6) + " ms"
	case ns >= 1e3:
		return trimFloat(ns/1e3) + " µs"
	}
	return trimFloat(ns) + " ns"
}

// trimFloat writes v with at most three significant digits.
func trimFloat(v float64) string { return fmt.Sprintf("%.3g", v) }

func esc(s string) string { return html.EscapeString(s) }
