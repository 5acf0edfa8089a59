package ucwa

import (
	"strings"
	"testing"
	"time"
)

// TestExportedAppenders: the appenders write what the encoders write for
// the same value, refuse what they refuse, and allocate nothing.
func TestExportedAppenders(t *testing.T) {
	for _, s := range []string{"", "plain", `a"b\c`, "<&>\t\n\r", "é😀", "nul\x00", "bad\xff", "\x1b", "\uFFFE",
		strings.Repeat("x", 70)} {
		for _, f := range []Format{JSON, XML} {
			in := Input{Properties: []Property{Prop("p", String(s))}}
			body, err := in.Append(nil, f)
			var got []byte
			var ok bool
			if f == JSON {
				got, ok = AppendJSONString([]byte("x"), s)
			} else {
				got, ok = AppendXMLText([]byte("x"), s, false)
			}
			if ok != (err == nil) || !ok && string(got) != "x" {
				t.Errorf("%v %q: ok %v, encoder error %v", f, s, ok, err)
			}
			if ok && !strings.Contains(string(body), string(got[1:])) {
				t.Errorf("%v %q: appended %q, not in %q", f, s, got[1:], body)
			}
		}
		l := Input{Links: []Link{{Rel: "m", Href: s}}}
		body, err := l.AppendXML(nil)
		got, ok := AppendXMLText([]byte("x"), s, true)
		if ok != (err == nil) || ok && !strings.Contains(string(body), `href="`+string(got[1:])+`"`) {
			t.Errorf("attr %q: %q %v, encoder %q %v", s, got, ok, body, err)
		}
	}
	east := time.FixedZone("", 5*3600+30*60)
	for _, tm := range []time.Time{
		time.Date(2015, 7, 14, 20, 54, 3, 767517500, time.FixedZone("", -5*3600)),
		time.Date(2016, 9, 26, 16, 20, 29, 55905300, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 59, 999950000, east),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600)),
	} {
		for _, f := range []Format{JSON, XML} {
			in := Input{Properties: []Property{Prop("d", Date(tm))}}
			body, err := in.Append(nil, f)
			got, ok := AppendDate([]byte("x"), tm, f)
			if ok != (err == nil) || !ok && string(got) != "x" {
				t.Errorf("%v %v: ok %v, encoder %v", f, tm, ok, err)
				continue
			}
			if ok && !strings.Contains(string(body), string(got[1:])) {
				t.Errorf("%v %v: appended %q, not in %q", f, tm, got[1:], body)
			}
		}
	}
	if _, ok := AppendDate(nil, time.Now(), 0); ok {
		t.Error("AppendDate with no format reported success")
	}
	if testing.CoverMode() != "" {
		return
	}
	dst := make([]byte, 0, 256)
	tm := time.Date(2015, 7, 14, 20, 54, 3, 767517500, time.FixedZone("", -5*3600))
	if n := testing.AllocsPerRun(100, func() {
		dst, _ = AppendJSONString(dst[:0], `a"b`)
		dst, _ = AppendXMLText(dst, "<x>", true)
		dst, _ = AppendDate(dst, tm, JSON)
		dst, _ = AppendDate(dst, tm, XML)
	}); n != 0 {
		t.Errorf("appenders: %v allocations", n)
	}
}

// TestLongStrings: the exported appenders' path for long strings, which
// checks a string whole before copying it, writes what the encoders'
// appenders write and refuses what they refuse, with a byte that needs
// attention at each place.
func TestLongStrings(t *testing.T) {
	for n := longString - 1; n <= 2*longString+9; n++ {
		base := strings.Repeat("abcdefgh", n/8+1)[:n]
		cases := []string{base}
		for i := 0; i < n; i++ {
			for _, c := range []string{"\"", "\\", "\x00", "\x1f", "<", "&", ">", "\x7f", "\xff", "é"} {
				if i+len(c) <= n {
					cases = append(cases, base[:i]+c+base[i+len(c):])
				}
			}
		}
		for _, s := range cases {
			want, wantOK := appendJSONString([]byte("x"), s)
			if got, ok := AppendJSONString([]byte("x"), s); ok != wantOK || ok && string(got) != string(want) {
				t.Fatalf("AppendJSONString(%q) = %q, %v; want %q, %v", s, got, ok, want, wantOK)
			}
			for _, attr := range []bool{false, true} {
				want, wantOK := appendXMLEscaped([]byte("x"), s, attr)
				if got, ok := AppendXMLText([]byte("x"), s, attr); ok != wantOK || ok && string(got) != string(want) {
					t.Fatalf("AppendXMLText(%q, %v) = %q, %v; want %q, %v", s, attr, got, ok, want, wantOK)
				}
			}
		}
	}
}
