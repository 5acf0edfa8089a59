package ucwa

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
)

// dateTests are the ParseDate cases. wantUTC and wantOff (seconds east
// of UTC) describe the time; wantJSON and wantXML are what appendDateJSON
// and appendDateXML give for the raw text. The dates marked "docs" are
// copied from the UCWA reference.
var dateTests = []struct {
	name     string
	in       string
	wantUTC  string // the instant in UTC, as time.RFC3339Nano formats it
	wantOff  int
	wantJSON string
	wantXML  string
	wantErr  string
}{
	// JSON form.
	{name: "docs json", in: "/Date(1436925243767)/", wantUTC: "2015-07-15T01:54:03.767Z",
		wantJSON: `\/Date(1436925243767)\/`, wantXML: "2015-07-15T01:54:03.767Z"},
	{name: "json offset", in: "/Date(1436925243767-0500)/", wantUTC: "2015-07-15T01:54:03.767Z", wantOff: -5 * 3600,
		wantJSON: `\/Date(1436925243767-0500)\/`, wantXML: "2015-07-14T20:54:03.767-05:00"},
	{name: "json positive offset", in: "/Date(1436925243767+0530)/", wantUTC: "2015-07-15T01:54:03.767Z",
		wantOff:  5*3600 + 30*60,
		wantJSON: `\/Date(1436925243767+0530)\/`, wantXML: "2015-07-15T07:24:03.767+05:30"},
	{name: "docs json whole seconds", in: "/Date(1358827096000)/", wantUTC: "2013-01-22T03:58:16Z",
		wantJSON: `\/Date(1358827096000)\/`, wantXML: "2013-01-22T03:58:16.000Z"},
	{name: "json epoch", wantUTC: "1970-01-01T00:00:00Z", in: "/Date(0)/", wantJSON: `\/Date(0)\/`,
		wantXML: "1970-01-01T00:00:00.000Z"},
	{name: "json +0000", wantUTC: "1970-01-01T00:00:00Z", in: "/Date(0+0000)/", wantJSON: `\/Date(0+0000)\/`,
		wantXML: "1970-01-01T00:00:00.000+00:00"},
	{name: "json -0000", wantUTC: "1970-01-01T00:00:00Z", in: "/Date(0-0000)/", wantJSON: `\/Date(0-0000)\/`,
		wantXML: "1970-01-01T00:00:00.000-00:00"},
	{name: "json pre-1970", in: "/Date(-1)/", wantUTC: "1969-12-31T23:59:59.999Z", wantJSON: `\/Date(-1)\/`,
		wantXML: "1969-12-31T23:59:59.999Z"},
	{name: "json pre-1970 offset", in: "/Date(-86400001+2359)/", wantUTC: "1969-12-30T23:59:59.999Z",
		wantOff:  23*3600 + 59*60,
		wantJSON: `\/Date(-86400001+2359)\/`, wantXML: "1969-12-31T23:58:59.999+23:59"},
	{name: "json min", in: "/Date(-62135596800000)/", wantUTC: "0001-01-01T00:00:00Z",
		wantJSON: `\/Date(-62135596800000)\/`, wantXML: "0001-01-01T00:00:00.000Z"},
	{name: "json max", in: "/Date(253402300799999)/", wantUTC: "9999-12-31T23:59:59.999Z",
		wantJSON: `\/Date(253402300799999)\/`, wantXML: "9999-12-31T23:59:59.999Z"},
	{name: "json min with +offset", in: "/Date(-62135683140000+2359)/", wantUTC: "0000-12-31T00:01:00Z", wantOff: 86340,
		wantJSON: `\/Date(-62135683140000+2359)\/`, wantXML: "0001-01-01T00:00:00.000+23:59"},
	{name: "json below min", in: "/Date(-62135596800001)/", wantErr: "date out of range"},
	{name: "json below min by offset", in: "/Date(-62135596800000-0001)/", wantErr: "date out of range"},
	{name: "json above max", in: "/Date(253402300800000)/", wantErr: "date out of range"},
	{name: "json above max by offset", in: "/Date(253402300799999+0001)/", wantErr: "date out of range"},
	{name: "json overflow", in: "/Date(99999999999999999999999)/", wantErr: "date out of range"},
	{name: "json 16 digits", in: "/Date(1000000000000000)/", wantErr: "date out of range"},
	{name: "json leading zero", in: "/Date(01436925243767)/", wantErr: "canonical"},
	{name: "json minus zero", in: "/Date(-0)/", wantErr: "canonical"},
	{name: "json plus sign", in: "/Date(+1)/", wantErr: "expected milliseconds"},
	{name: "json empty", in: "/Date()/", wantErr: "expected milliseconds"},
	{name: "json minus only", in: "/Date(-)/", wantErr: "expected milliseconds"},
	{name: "json escaped slashes", in: `\/Date(0)\/`, wantErr: `escaped slashes`},
	{name: "json no slashes", in: "Date(0)", wantErr: "too short"},
	{name: "json lower case", in: "/date(0)/", wantErr: `expected "/Date("`},
	{name: "json missing end", in: "/Date(0)", wantErr: `expected ")/" at the end`},
	{name: "json trailing", in: "/Date(0)/x", wantErr: `expected ")/"`},
	{name: "json space", in: "/Date( 0)/", wantErr: "expected milliseconds"},
	{name: "json offset 2400", in: "/Date(0+2400)/", wantErr: "invalid offset"},
	{name: "json offset 0060", in: "/Date(0-0060)/", wantErr: "invalid offset"},
	{name: "json offset short", in: "/Date(0-050)/", wantErr: "expected ±hhmm"},
	{name: "json offset colon", in: "/Date(0-05:00)/", wantErr: "expected ±hhmm"},
	{name: "json offset letters", in: "/Date(0-05a0)/", wantErr: "invalid offset"},
	{name: "json fraction", in: "/Date(1.5)/", wantErr: "expected ±hhmm"},

	// ISO form.
	{name: "iso 7 digits", in: "2015-07-14T20:54:03.7675175-05:00", wantUTC: "2015-07-15T01:54:03.7675175Z",
		wantOff:  -5 * 3600,
		wantJSON: `\/Date(1436925243767-0500)\/`, wantXML: "2015-07-14T20:54:03.7675175-05:00"},
	{name: "docs iso", in: "2012-01-11T19:03:22.7433336-08:00", wantUTC: "2012-01-12T03:03:22.7433336Z",
		wantOff:  -8 * 3600,
		wantJSON: `\/Date(1326337402743-0800)\/`, wantXML: "2012-01-11T19:03:22.7433336-08:00"},
	{name: "docs iso Z", in: "2013-02-07T01:17:18.000Z", wantUTC: "2013-02-07T01:17:18Z",
		wantJSON: `\/Date(1360199838000)\/`, wantXML: "2013-02-07T01:17:18.000Z"},
	{name: "iso no fraction", in: "2015-07-14T20:54:03Z", wantUTC: "2015-07-14T20:54:03Z",
		wantJSON: `\/Date(1436907243000)\/`, wantXML: "2015-07-14T20:54:03Z"},
	{name: "iso 1 digit", in: "2015-07-14T20:54:03.5+01:00", wantUTC: "2015-07-14T19:54:03.5Z", wantOff: 3600,
		wantJSON: `\/Date(1436903643500+0100)\/`, wantXML: "2015-07-14T20:54:03.5+01:00"},
	{name: "iso +00:00", in: "2015-07-14T20:54:03+00:00", wantUTC: "2015-07-14T20:54:03Z",
		wantJSON: `\/Date(1436907243000+0000)\/`, wantXML: "2015-07-14T20:54:03+00:00"},
	{name: "iso -00:00", in: "2015-07-14T20:54:03-00:00", wantUTC: "2015-07-14T20:54:03Z",
		wantJSON: `\/Date(1436907243000-0000)\/`, wantXML: "2015-07-14T20:54:03-00:00"},
	{name: "iso pre-1970 sub-ms floors", in: "1969-12-31T23:59:59.9995Z", wantUTC: "1969-12-31T23:59:59.9995Z",
		wantJSON: `\/Date(-1)\/`, wantXML: "1969-12-31T23:59:59.9995Z"},
	{name: "iso post-1970 sub-ms floors", in: "1970-01-01T00:00:00.0009999Z", wantUTC: "1970-01-01T00:00:00.0009999Z",
		wantJSON: `\/Date(0)\/`, wantXML: "1970-01-01T00:00:00.0009999Z"},
	{name: "iso min", in: "0001-01-01T00:00:00Z", wantUTC: "0001-01-01T00:00:00Z",
		wantJSON: `\/Date(-62135596800000)\/`, wantXML: "0001-01-01T00:00:00Z"},
	{name: "iso min with offset", in: "0001-01-01T00:00:00+23:59", wantUTC: "0000-12-31T00:01:00Z", wantOff: 86340,
		wantJSON: `\/Date(-62135683140000+2359)\/`, wantXML: "0001-01-01T00:00:00+23:59"},
	{name: "iso max", in: "9999-12-31T23:59:59.9999999-23:59", wantUTC: "10000-01-01T23:58:59.9999999Z",
		wantOff:  -86340,
		wantJSON: `\/Date(253402387139999-2359)\/`, wantXML: "9999-12-31T23:59:59.9999999-23:59"},
	{name: "iso leap day", in: "2016-02-29T00:00:00Z", wantUTC: "2016-02-29T00:00:00Z",
		wantJSON: `\/Date(1456704000000)\/`, wantXML: "2016-02-29T00:00:00Z"},
	{name: "iso leap day 2000", in: "2000-02-29T12:00:00Z", wantUTC: "2000-02-29T12:00:00Z",
		wantJSON: `\/Date(951825600000)\/`, wantXML: "2000-02-29T12:00:00Z"},
	{name: "iso year 0", in: "0000-01-01T00:00:00Z", wantErr: "year out of range"},
	{name: "iso feb 29 non-leap", in: "2015-02-29T00:00:00Z", wantErr: "invalid day"},
	{name: "iso feb 29 1900", in: "1900-02-29T00:00:00Z", wantErr: "invalid day"},
	{name: "iso feb 30", in: "2016-02-30T00:00:00Z", wantErr: "invalid day"},
	{name: "iso apr 31", in: "2015-04-31T00:00:00Z", wantErr: "invalid day"},
	{name: "iso day 0", in: "2015-04-00T00:00:00Z", wantErr: "invalid day"},
	{name: "iso month 13", in: "2015-13-01T00:00:00Z", wantErr: "invalid month"},
	{name: "iso month 0", in: "2015-00-01T00:00:00Z", wantErr: "invalid month"},
	{name: "iso hour 24", in: "2015-07-14T24:00:00Z", wantErr: "invalid hour"},
	{name: "iso minute 60", in: "2015-07-14T20:60:00Z", wantErr: "invalid minute"},
	{name: "iso leap second", in: "2016-12-31T23:59:60Z", wantErr: "invalid second"},
	{name: "iso 8 digits", in: "2015-07-14T20:54:03.76751750-05:00", wantErr: "more than 7 fractional digits"},
	{name: "iso dot only", in: "2015-07-14T20:54:03.Z", wantErr: "expected digits after '.'"},
	{name: "iso comma fraction", in: "2015-07-14T20:54:03,5Z", wantErr: `expected "Z" or ±hh:mm`},
	{name: "iso no zone", in: "2015-07-14T20:54:03", wantErr: "too short"},
	{name: "iso no zone fraction", in: "2015-07-14T20:54:03.767", wantErr: `expected "Z" or ±hh:mm`},
	{name: "iso lower z", in: "2015-07-14T20:54:03z", wantErr: `expected "Z" or ±hh:mm`},
	{name: "iso lower t", in: "2015-07-14t20:54:03Z", wantErr: "expected YYYY-MM-DDThh:mm:ss"},
	{name: "iso space", in: "2015-07-14 20:54:03Z", wantErr: "expected YYYY-MM-DDThh:mm:ss"},
	{name: "iso offset no colon", in: "2015-07-14T20:54:03-0500", wantErr: `expected "Z" or ±hh:mm`},
	{name: "iso offset hours only", in: "2015-07-14T20:54:03-05", wantErr: `expected "Z" or ±hh:mm`},
	{name: "iso offset 24", in: "2015-07-14T20:54:03+24:00", wantErr: "invalid offset"},
	{name: "iso offset minute 60", in: "2015-07-14T20:54:03+05:60", wantErr: "invalid offset"},
	{name: "iso trailing", in: "2015-07-14T20:54:03Zx", wantErr: `expected "Z" or ±hh:mm`},
	{name: "iso 5-digit year", in: "10000-01-01T00:00:00Z", wantErr: "expected YYYY"},
	{name: "iso negative year", in: "-001-01-01T00:00:00Z", wantErr: "expected YYYY"},
	{name: "iso date only", in: "2015-07-14", wantErr: "too short"},
	{name: "iso single digit", in: "2015-7-14T20:54:03Z", wantErr: "too short"},
	{name: "iso single digit month", in: "2015-7-14T20:54:03.5Z", wantErr: "expected YYYY"},
	{name: "docs iso broken", in: "1970-01-01T0:0:0Z", wantErr: "too short"},
	{name: "iso unicode digits", in: "２015-07-14T20:54:03Z", wantErr: "expected YYYY"},

	// Neither.
	{name: "empty", in: "", wantErr: "too short"},
	{name: "word", in: "Success", wantErr: "too short"},
	{name: "NUL", in: "2015-07-14T20:54:03\x00", wantErr: `expected "Z"`},
	{name: "huge", in: strings.Repeat("9", 1<<20), wantErr: "expected YYYY"},
	{name: "huge json", in: "/Date(" + strings.Repeat("9", 1<<20) + ")/", wantErr: "date out of range"},
}

func TestParseDate(t *testing.T) {
	for _, tt := range dateTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("ParseDate(%.40q) = %v, want error containing %q", tt.in, got, tt.wantErr)
				}
				if !errors.Is(err, ErrDate) {
					t.Errorf("ParseDate(%.40q) error %v does not wrap ErrDate", tt.in, err)
				}
				if msg := err.Error(); !strings.HasPrefix(msg, "ucwa: date ") || !strings.Contains(msg, tt.wantErr) ||
					len(msg) > 200 {
					t.Errorf("ParseDate(%.40q) error = %q, want it to contain %q", tt.in, msg, tt.wantErr)
				}
				if !got.IsZero() {
					t.Errorf("ParseDate(%.40q) = %v with an error, want the zero Time", tt.in, got)
				}
				if isJSONDate(tt.in) || isISODate(tt.in) {
					t.Errorf("isJSONDate or isISODate(%.40q) = true, want false", tt.in)
				}
				if b, ok := appendDateJSON([]byte("x"), tt.in); ok || string(b) != "x" {
					t.Errorf("appendDateJSON(%.40q) = %q, %v; want dst unchanged, false", tt.in, b, ok)
				}
				if b, ok := appendDateXML([]byte("x"), tt.in); ok || string(b) != "x" {
					t.Errorf("appendDateXML(%.40q) = %q, %v; want dst unchanged, false", tt.in, b, ok)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if utc := got.UTC().Format(time.RFC3339Nano); utc != tt.wantUTC {
				t.Errorf("ParseDate(%q) = %v (%s), want %s", tt.in, got, utc, tt.wantUTC)
			}
			if name, off := got.Zone(); off != tt.wantOff {
				t.Errorf("ParseDate(%q) zone = %q %d, want offset %d", tt.in, name, off, tt.wantOff)
			}
			if tt.wantOff == 0 && got.Location() != time.UTC {
				t.Errorf("ParseDate(%q) location = %v, want UTC", tt.in, got.Location())
			}
			json := tt.in[0] == '/'
			if isJSONDate(tt.in) != json || isISODate(tt.in) == json {
				t.Errorf("isJSONDate(%q) = %v, isISODate = %v", tt.in, isJSONDate(tt.in), isISODate(tt.in))
			}
			if b, ok := appendDateJSON([]byte("x"), tt.in); !ok || string(b) != "x"+tt.wantJSON {
				t.Errorf("appendDateJSON(%q) = %q, %v; want %q", tt.in, b, ok, "x"+tt.wantJSON)
			}
			if b, ok := appendDateXML([]byte("x"), tt.in); !ok || string(b) != "x"+tt.wantXML {
				t.Errorf("appendDateXML(%q) = %q, %v; want %q", tt.in, b, ok, "x"+tt.wantXML)
			}
			checkDateRoundTrips(t, tt.in)
		})
	}
}

// unescapeJSONDate turns the output of appendDateJSON into the decoded
// string a JSON decoder would give.
func unescapeJSONDate(b []byte) string { return strings.ReplaceAll(string(b), `\/`, "/") }

// checkDateRoundTrips checks the conversion rules on a valid raw date:
// JSON → XML → JSON gives the same text; XML → JSON → XML keeps the instant
// to the millisecond, and the offset; each conversion gives a valid date.
func checkDateRoundTrips(t *testing.T, raw string) {
	t.Helper()
	t0, err := ParseDate(raw)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", raw, err)
	}
	p0, _, _ := parseDate(raw)
	j, ok := appendDateJSON(nil, raw)
	if !ok {
		t.Fatalf("appendDateJSON(%q) failed", raw)
	}
	js := unescapeJSONDate(j)
	x, ok := appendDateXML(nil, raw)
	if !ok {
		t.Fatalf("appendDateXML(%q) failed", raw)
	}
	xs := string(x)
	if !isJSONDate(js) || !isISODate(xs) {
		t.Fatalf("%q converts to %q and %q: isJSONDate %v, isISODate %v", raw, js, xs, isJSONDate(js), isISODate(xs))
	}
	if raw[0] == '/' {
		if js != raw {
			t.Errorf("JSON %q → JSON %q", raw, js)
		}
		back, _ := appendDateJSON(nil, xs)
		if got := unescapeJSONDate(back); got != raw {
			t.Errorf("JSON %q → XML %q → JSON %q", raw, xs, got)
		}
		return
	}
	if xs != raw {
		t.Errorf("XML %q → XML %q", raw, xs)
	}
	back, _ := appendDateXML(nil, js)
	t1, err := ParseDate(string(back))
	if err != nil {
		t.Fatalf("XML %q → JSON %q → XML %q: %v", raw, js, back, err)
	}
	wantMs := floorDiv(t0.UnixNano(), 1e6)
	if t0.Unix() < -9e9 || t0.Unix() > 9e9 { // UnixNano overflows
		wantMs = t0.Unix()*1000 + int64(t0.Nanosecond()/1e6)
	}
	if got := t1.Unix()*1000 + int64(t1.Nanosecond()/1e6); got != wantMs || t1.Nanosecond()%1e6 != 0 {
		t.Errorf("XML %q → JSON %q → XML %q: %v, want %d ms", raw, js, back, t1, wantMs)
	}
	p1, _, _ := parseDate(string(back))
	if p1.zone != p0.zone || p1.off != p0.off {
		t.Errorf("XML %q → JSON %q → XML %q: zone %c%d, want %c%d", raw, js, back, p1.zone, p1.off, p0.zone, p0.off)
	}
}

// TestIsISODateAgainstTime compares isISODate with the time package on
// random dates: what both accept must give the same instant.
func TestIsISODateAgainstTime(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(n int, valid string) string {
		s := []byte(valid)
		// Replace n bytes with random digits or separators.
		for range n {
			s[r.IntN(len(s))] = "0123456789:-.TZ+,"[r.IntN(17)]
		}
		return string(s)
	}
	for i := range 20000 {
		sec := r.Int64N(253402300799+62135596800) - 62135596800
		off := (r.IntN(2*maxOffsetMinutes+1) - maxOffsetMinutes) * 60
		tm := time.Unix(sec, r.Int64N(1e9)).In(time.FixedZone("", off))
		s := formatISODate(tm)
		if !isISODate(s) {
			if y := tm.Year(); y >= 1 && y <= 9999 {
				t.Fatalf("formatISODate(%v) = %q, not accepted by isISODate", tm, s)
			}
			continue
		}
		if i%2 == 1 {
			s = pick(1+r.IntN(3), s)
		}
		ok := isISODate(s)
		ref, err := time.Parse(time.RFC3339Nano, s)
		if ok {
			got, err2 := ParseDate(s)
			if err != nil || err2 != nil || !got.Equal(ref) {
				t.Fatalf("%q: ParseDate = %v, %v; time.Parse = %v, %v", s, got, err2, ref, err)
			}
			if _, off := got.Zone(); func() bool { _, o := ref.Zone(); return o != off }() {
				t.Fatalf("%q: offset %d, time.Parse says %v", s, off, ref)
			}
		} else if oh, om := offsetFields(s); err == nil && ref.Year() >= 1 && !strings.Contains(s, ",") && oh <= 23 &&
			om <= 59 {
			// time.Parse also accepts year 0, a decimal comma (which
			// ISO 8601 allows but UCWA does not write) and offsets
			// up to ±99:99, and no other form this package refuses.
			t.Fatalf("%q: isISODate false, time.Parse = %v", s, ref)
		}
	}
}

// offsetFields returns the hours and minutes of an ISO date's ±hh:mm
// offset, or 0, 0.
func offsetFields(s string) (h, m int) {
	if len(s) < 6 || s[len(s)-3] != ':' {
		return 0, 0
	}
	h, _ = twoDigits(s[len(s)-5:])
	m, _ = twoDigits(s[len(s)-2:])
	return h, m
}

// TestDateRoundTripRandom checks the round trips on random dates in both
// forms across the whole range.
func TestDateRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		zone := "Z+-"[r.IntN(3)]
		off := 0
		if zone != 'Z' {
			off = r.IntN(maxOffsetMinutes + 1)
		}
		ms := r.Int64N(maxLocalMs-minLocalMs+1) + minLocalMs
		if zone == '-' {
			ms += int64(off) * 60000
		} else {
			ms -= int64(off) * 60000
		}
		raw := "/Date(" + strconv.FormatInt(ms, 10)
		if zone != 'Z' {
			raw += string(zone) + string(appendDigits(nil, int64(off/60), 2)) + string(appendDigits(nil,
				int64(off%60), 2))
		}
		raw += ")/"
		if !isJSONDate(raw) {
			t.Fatalf("isJSONDate(%q) = false", raw)
		}
		checkDateRoundTrips(t, raw)
		x, _ := appendDateXML(nil, raw)
		// Add sub-millisecond digits to the XML form and go the other way.
		xs := string(x)
		if i := strings.IndexByte(xs, '.'); i > 0 {
			xs = xs[:i+4] + strconv.Itoa(r.IntN(10)) + xs[i+4:]
		}
		if !isISODate(xs) {
			t.Fatalf("isISODate(%q) = false", xs)
		}
		checkDateRoundTrips(t, xs)
	}
}

func TestFormatISODate(t *testing.T) {
	est := time.FixedZone("EST", -5*3600)
	lmt := time.FixedZone("LMT", -(4*3600 + 56*60 + 2)) // New York before 1883
	tests := []struct {
		name  string
		in    time.Time
		want  string
		valid bool
	}{
		{"utc", time.Date(2015, 7, 14, 20, 54, 3, 767517512, time.UTC), "2015-07-14T20:54:03.7675175Z", true},
		{"offset", time.Date(2015, 7, 14, 20, 54, 3, 767517500, est), "2015-07-14T20:54:03.7675175-05:00", true},
		{"zero offset named zone", time.Date(2015, 1, 1, 0, 0, 0, 0, time.FixedZone("GMT", 0)),
			"2015-01-01T00:00:00.0000000Z", true},
		{"whole second", time.Date(2015, 7, 14, 20, 54, 3, 0, time.UTC), "2015-07-14T20:54:03.0000000Z", true},
		{"pre-1970", time.Date(1969, 12, 31, 23, 59, 59, 999999999, time.UTC), "1969-12-31T23:59:59.9999999Z", true},
		{"year 1", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), "0001-01-01T00:00:00.0000000Z", true},
		{"year 9999", time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), "9999-12-31T23:59:59.9999999Z", true},
		{"offset seconds keep the instant", time.Date(1880, 1, 1, 0, 0, 0, 0, lmt),
			"1880-01-01T00:00:02.0000000-04:56", true},
		{"year 0", time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC), "0000-12-31T00:00:00.0000000Z", false},
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "10000-01-01T00:00:00.0000000Z", false},
		{"offset 24h", time.Date(2015, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600)),
			"2015-01-01T00:00:00.0000000+24:00", false},
		{"zero Time", time.Time{}, "0001-01-01T00:00:00.0000000Z", true},
	}
	for _, tt := range tests {
		got := formatISODate(tt.in)
		if got != tt.want {
			t.Errorf("%s: formatISODate(%v) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		if isISODate(got) != tt.valid {
			t.Errorf("%s: isISODate(%q) = %v, want %v", tt.name, got, !tt.valid, tt.valid)
		}
		if !tt.valid {
			continue
		}
		back, err := ParseDate(got)
		if err != nil || !back.Equal(tt.in.Truncate(100)) {
			t.Errorf("%s: ParseDate(%q) = %v, %v; want %v", tt.name, got, back, err, tt.in)
		}
		if v := Date(tt.in); v.Kind() != KindDate || v.Text() != got {
			t.Errorf("%s: Date(%v) = %v %q", tt.name, tt.in, v.Kind(), v.Text())
		}
	}
}

func TestCivilDays(t *testing.T) {
	for _, y := range []int{1, 2, 3, 4, 99, 100, 101, 399, 400, 401, 1582, 1600, 1900, 1969, 1970, 2000, 2024, 9999} {
		for m := 1; m <= 12; m++ {
			for _, d := range []int{1, 28, daysIn(m, y)} {
				want := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400
				if want*86400 > time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() {
					want--
				}
				got := daysFromCivil(int64(y), int64(m), int64(d))
				if got != want {
					t.Fatalf("daysFromCivil(%d, %d, %d) = %d, want %d", y, m, d, got, want)
				}
				if gy, gm, gd := civilFromDays(got); gy != int64(y) || gm != int64(m) || gd != int64(d) {
					t.Fatalf("civilFromDays(%d) = %d-%d-%d, want %d-%d-%d", got, gy, gm, gd, y, m, d)
				}
			}
		}
	}
}

func TestDateAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	dst := make([]byte, 0, 64)
	for _, raw := range []string{
		"/Date(1436925243767)/",
		"/Date(1436925243767-0500)/",
		"2015-07-14T20:54:03.7675175-05:00",
		"2013-02-07T01:17:18.000Z",
	} {
		if n := testing.AllocsPerRun(100, func() { dst, _ = appendDateJSON(dst[:0], raw) }); n != 0 {
			t.Errorf("appendDateJSON(%q): %v allocations", raw, n)
		}
		if n := testing.AllocsPerRun(100, func() { dst, _ = appendDateXML(dst[:0], raw) }); n != 0 {
			t.Errorf("appendDateXML(%q): %v allocations", raw, n)
		}
		if n := testing.AllocsPerRun(100, func() { _ = isISODate(raw) || isJSONDate(raw) }); n != 0 {
			t.Errorf("isISODate/isJSONDate(%q): %v allocations", raw, n)
		}
	}
	tm := time.Date(2015, 7, 14, 20, 54, 3, 767517500, time.FixedZone("", -5*3600))
	if n := testing.AllocsPerRun(100, func() { dst = appendISODate(dst[:0], tm) }); n != 0 {
		t.Errorf("appendISODate: %v allocations", n)
	}
}

// FuzzDateConvert checks, on every date ParseDate accepts, the conversion
// rules: JSON → XML → JSON gives the same text, XML → JSON → XML keeps the
// instant to the millisecond and the offset; and that nothing panics.
func FuzzDateConvert(f *testing.F) {
	for _, tt := range dateTests {
		if len(tt.in) < 100 {
			f.Add(tt.in)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := ParseDate(s)
		j, okJ := appendDateJSON(nil, s)
		x, okX := appendDateXML(nil, s)
		valid := isJSONDate(s) || isISODate(s)
		if (err == nil) != valid || okJ != valid || okX != valid {
			t.Fatalf("%q: ParseDate error %v, appendDateJSON %v, appendDateXML %v, is…Date %v", s, err, okJ, okX, valid)
		}
		if !valid {
			if len(j) != 0 || len(x) != 0 {
				t.Fatalf("%q: output %q %q for an invalid date", s, j, x)
			}
			return
		}
		checkDateRoundTrips(t, s)
	})
}

func BenchmarkIsISODate(b *testing.B) {
	for _, s := range []string{"2015-07-14T20:54:03.7675175-05:00", "Success"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			want := s[0] == '2'
			for b.Loop() {
				if isISODate(s) != want {
					b.Fatal(s)
				}
			}
		})
	}
}

func BenchmarkAppendDate(b *testing.B) {
	dst := make([]byte, 0, 64)
	for _, raw := range []string{"/Date(1436925243767-0500)/", "2015-07-14T20:54:03.7675175-05:00"} {
		b.Run("JSON/"+raw, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var ok bool
				if dst, ok = appendDateJSON(dst[:0], raw); !ok {
					b.Fatal(raw)
				}
			}
		})
		b.Run("XML/"+raw, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var ok bool
				if dst, ok = appendDateXML(dst[:0], raw); !ok {
					b.Fatal(raw)
				}
			}
		})
	}
}
