package ucwa

import (
	"errors"
	"strconv"
	"time"
)

// ErrDate is wrapped by the error ParseDate returns for text that is not a
// UCWA date, or a date out of range.
//
// It is declared here, beside the only code that returns it, rather than in
// errors.go, whose sentinels are the decoders' and encoders' causes.
var ErrDate = errors.New("invalid date")

// UCWA dates come in two forms.
//
// JSON uses the ASP.NET AJAX form. In the JSON text it is the string
// "\/Date(1436925243767-0500)\/"; decoded, the string is
// "/Date(1436925243767-0500)/". The number is milliseconds since the Unix
// epoch, UTC, and the optional ±hhmm suffix only says which offset the time is
// to be shown in. Without a suffix the date is shown in UTC.
//
// XML uses ISO 8601: 2015-07-14T20:54:03.7675175-05:00, with 0 to 7
// fractional digits and an offset or "Z".
//
// A date [Value] keeps its raw text, so a date re-encodes in its own format
// unchanged. Converting between the formats follows these rules:
//
//   - JSON to XML: the instant to the millisecond, written in the offset of
//     the suffix, with exactly three fractional digits (".000" included),
//     and "Z" when there is no suffix. Three digits make the conversion a
//     function of the JSON text alone, so JSON → XML → JSON gives back the
//     same text.
//   - XML to JSON: milliseconds since the epoch, rounded toward negative
//     infinity (so 1969-12-31T23:59:59.9995Z is -1, not 0: the millisecond
//     that contains the instant), and the offset as a ±hhmm suffix; "Z" gives
//     no suffix. XML → JSON → XML keeps the instant to the millisecond and
//     the offset.
//   - "+00:00" and "-00:00" are kept apart from "Z" and from each other
//     ("+0000" and "-0000" in JSON), as RFC 3339 gives them different
//     meanings.
//
// Both forms must show a date in the years 0001 to 9999 in their own offset,
// so that each can be converted to the other. Offsets are at most ±23:59.
// There is no leap second (ss is 00 to 59), no hour 24, and days must exist
// (no February 30). The JSON number has no leading zeros, no "+" and no
// "-0", so that its text is the canonical one.
const (
	// minLocalMs and maxLocalMs bound a date as shown in its own offset:
	// 0001-01-01T00:00:00.000 and 9999-12-31T23:59:59.999, in
	// milliseconds since 1970-01-01T00:00:00 of the same offset.
	minLocalMs = -62135596800000
	maxLocalMs = 253402300799999
	// maxJSONDateDigits bounds the digits of a JSON date before they are
	// converted, so that no overflow can happen: any in-range value has
	// at most 15.
	maxJSONDateDigits = 15
	// maxOffsetMinutes is the largest offset, ±23:59.
	maxOffsetMinutes = 23*60 + 59
)

// dateParts is a parsed date of either form.
type dateParts struct {
	sec  int64 // seconds since the Unix epoch, UTC, rounded toward negative infinity
	frac int32 // 100-nanosecond ticks within sec, 0 to 9999999
	off  int32 // offset east of UTC in minutes
	zone byte  // 'Z' for UTC with no offset given, '+' or '-' for ±hh:mm
}

// ParseDate parses a UCWA date in either form: the JSON form as the decoded
// string holds it, "/Date(1436925243767)/" or "/Date(1436925243767-0500)/"
// (not the escaped "\/Date(…)\/" of the JSON text), or the XML form, ISO 8601
// with up to 7 fractional digits and an offset or "Z".
//
// The time is in UTC when the date has no offset, "Z", or a zero offset, and
// otherwise in a fixed zone with the date's offset and no name. A JSON date
// is exact to the millisecond, an XML date to 100 nanoseconds.
//
// ParseDate is strict. Both forms must show a date in the years 0001 to 9999
// in their own offset, so that each can be converted to the other; offsets
// are at most ±23:59 (±2359 in JSON). There is no leap second, no hour 24,
// no February 30 and no decimal comma; the JSON number has no leading zero,
// "+" or "-0". The error wraps [ErrDate] and gives the byte offset of the
// problem.
func ParseDate(s string) (time.Time, error) {
	p, msg, off := parseDate(s)
	if msg != "" {
		return time.Time{}, &partError{what: "date", input: s, offset: off, msg: msg, err: ErrDate}
	}
	t := time.Unix(p.sec, int64(p.frac)*100)
	if p.off == 0 {
		return t.UTC(), nil
	}
	return t.In(time.FixedZone("", int(p.off)*60)), nil
}

// parseDate parses either form. msg is "" on success; otherwise it says
// what is wrong at byte offset off.
func parseDate(s string) (p dateParts, msg string, off int) {
	if len(s) > 0 && s[0] == '/' {
		return parseJSONDate(s)
	}
	if len(s) > 1 && s[0] == '\\' && s[1] == '/' {
		return p, `escaped slashes: want the decoded JSON string "/Date(…)/"`, 0
	}
	return parseISODate(s)
}

// isJSONDate reports whether s, a decoded JSON string, is a UCWA date:
// exactly /Date(ms[±hhmm])/, in range.
func isJSONDate(s string) bool {
	_, msg, _ := parseJSONDate(s)
	return msg == ""
}

// isISODate reports whether s is a UCWA XML date:
// YYYY-MM-DDThh:mm:ss(.d{1,7})?(Z|[+-]hh:mm), a day that exists, in range.
// It does not allocate.
func isISODate(s string) bool {
	if len(s) < len("2006-01-02T15:04:05Z") || s[4] != '-' {
		return false // the common case of text that is no date at all
	}
	_, msg, _ := parseISODate(s)
	return msg == ""
}

// parseJSONDate parses the decoded JSON form "/Date(ms[±hhmm])/".
func parseJSONDate(s string) (p dateParts, msg string, off int) {
	const prefix, suffix = "/Date(", ")/"
	if len(s) < len(prefix) || s[:len(prefix)] != prefix {
		return p, `expected "/Date(" or an ISO 8601 date`, 0
	}
	if len(s) < len(prefix)+len(suffix) || s[len(s)-len(suffix):] != suffix {
		return p, `expected ")/" at the end`, len(s)
	}
	body := s[len(prefix) : len(s)-len(suffix)]
	if body == "" {
		return p, "expected milliseconds", len(prefix)
	}
	i, neg := 0, false
	if body[0] == '-' {
		neg, i = true, 1
	}
	start := i
	for i < len(body) && '0' <= body[i] && body[i] <= '9' {
		i++
	}
	digits := body[start:i]
	switch {
	case digits == "":
		return p, "expected milliseconds", len(prefix) + start
	case len(digits) > 1 && digits[0] == '0', neg && digits == "0":
		return p, "milliseconds not in canonical form", len(prefix) + start
	case len(digits) > maxJSONDateDigits:
		return p, "date out of range", len(prefix) + start
	}
	var ms int64
	for _, c := range []byte(digits) {
		ms = ms*10 + int64(c-'0')
	}
	if neg {
		ms = -ms
	}
	p.zone = 'Z'
	if rest := body[i:]; rest != "" {
		if len(rest) != 5 || (rest[0] != '+' && rest[0] != '-') {
			return p, "expected ±hhmm or \")/\" after the milliseconds", len(prefix) + i
		}
		h, ok1 := twoDigits(rest[1:])
		m, ok2 := twoDigits(rest[3:])
		if !ok1 || !ok2 || h > 23 || m > 59 {
			return p, "invalid offset", len(prefix) + i
		}
		p.zone = rest[0]
		p.off = int32(h*60 + m)
		if p.zone == '-' {
			p.off = -p.off
		}
	}
	if local := ms + int64(p.off)*60000; local < minLocalMs || local > maxLocalMs {
		return p, "date out of range", len(prefix) + start
	}
	p.sec = floorDiv(ms, 1000)
	p.frac = int32(ms-p.sec*1000) * 10000
	return p, "", 0
}

// parseISODate parses YYYY-MM-DDThh:mm:ss(.d{1,7})?(Z|[+-]hh:mm). It is
// straight-line code, as the XML decoder calls it on every property text.
func parseISODate(s string) (p dateParts, msg string, off int) {
	const layout = "0000-00-00T00:00:00"
	if len(s) < len(layout)+1 {
		return p, "too short for an ISO 8601 date", len(s)
	}
	y1, ok1 := twoDigits(s[0:])
	y2, ok2 := twoDigits(s[2:])
	mo, ok3 := twoDigits(s[5:])
	d, ok4 := twoDigits(s[8:])
	h, ok5 := twoDigits(s[11:])
	mi, ok6 := twoDigits(s[14:])
	sec, ok7 := twoDigits(s[17:])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) ||
		s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return p, "expected YYYY-MM-DDThh:mm:ss", 0
	}
	y := y1*100 + y2
	switch {
	case y == 0:
		return p, "year out of range", 0
	case mo < 1 || mo > 12:
		return p, "invalid month", 5
	case d < 1 || d > daysIn(mo, y):
		return p, "invalid day", 8
	case h > 23:
		return p, "invalid hour", 11
	case mi > 59:
		return p, "invalid minute", 14
	case sec > 59:
		return p, "invalid second", 17
	}
	i := len(layout)
	if s[i] == '.' {
		i++
		start := i
		for i < len(s) && i-start < 7 && '0' <= s[i] && s[i] <= '9' {
			p.frac = p.frac*10 + int32(s[i]-'0')
			i++
		}
		n := i - start
		if n == 0 {
			return p, "expected digits after '.'", i
		}
		if i < len(s) && '0' <= s[i] && s[i] <= '9' {
			return p, "more than 7 fractional digits", i
		}
		for ; n < 7; n++ {
			p.frac *= 10
		}
	}
	switch rest := s[i:]; {
	case rest == "Z":
		p.zone = 'Z'
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		oh, ok1 := twoDigits(rest[1:])
		om, ok2 := twoDigits(rest[4:])
		if !ok1 || !ok2 || oh > 23 || om > 59 {
			return p, "invalid offset", i
		}
		p.zone = rest[0]
		p.off = int32(oh*60 + om)
		if p.zone == '-' {
			p.off = -p.off
		}
	default:
		return p, `expected "Z" or ±hh:mm`, i
	}
	local := daysFromCivil(int64(y), int64(mo), int64(d))*86400 + int64(h*3600+mi*60+sec)
	p.sec = local - int64(p.off)*60
	return p, "", 0
}

// twoDigits returns the number s[0:2] spells, if both are decimal digits.
func twoDigits(s string) (int, bool) {
	if len(s) < 2 {
		return 0, false
	}
	a, b := s[0]-'0', s[1]-'0'
	return int(a)*10 + int(b), a <= 9 && b <= 9
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the number of days in month m (1 to 12) of year y.
func daysIn(m, y int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// daysFromCivil returns the days since 1970-01-01 of a date of the
// proleptic Gregorian calendar (H. Hinnant's algorithm).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y, m, d int64) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// appendDateJSON appends the date whose raw form is raw (either form) as
// the content of a JSON string, slashes escaped and without quotes:
// \/Date(1436925243767-0500)\/. A JSON raw form is copied; an ISO one is
// converted (see the rules above). ok is false, and dst returned unchanged,
// if raw is not a valid date.
func appendDateJSON(dst []byte, raw string) ([]byte, bool) {
	p, msg, _ := parseDate(raw)
	if msg != "" {
		return dst, false
	}
	if raw[0] == '/' {
		dst = append(dst, `\/`...)
		dst = append(dst, raw[1:len(raw)-1]...)
		return append(dst, `\/`...), true
	}
	return appendJSONParts(dst, p), true
}

// appendDateXML appends the date whose raw form is raw (either form) as ISO
// 8601 text. An ISO raw form is copied byte for byte; a JSON one is
// converted with three fractional digits (see the rules above). ok is
// false, and dst returned unchanged, if raw is not a valid date.
func appendDateXML(dst []byte, raw string) ([]byte, bool) {
	p, msg, _ := parseDate(raw)
	if msg != "" {
		return dst, false
	}
	if raw[0] != '/' {
		return append(dst, raw...), true
	}
	return appendISOParts(dst, p, 3), true
}

func appendJSONParts(dst []byte, p dateParts) []byte {
	ms := p.sec*1000 + int64(p.frac/10000)
	dst = append(dst, `\/Date(`...)
	dst = strconv.AppendInt(dst, ms, 10)
	if p.zone != 'Z' {
		o := p.off
		if o < 0 {
			o = -o
		}
		dst = append(dst, p.zone)
		dst = appendDigits(dst, int64(o/60), 2)
		dst = appendDigits(dst, int64(o%60), 2)
	}
	return append(dst, `)\/`...)
}

// appendISOParts writes p as ISO 8601 with digits (3 or 7) fractional
// digits. p must be in range.
func appendISOParts(dst []byte, p dateParts, digits int) []byte {
	local := p.sec + int64(p.off)*60
	days := floorDiv(local, 86400)
	sod := local - days*86400
	y, m, d := civilFromDays(days)
	dst = appendDigits(dst, y, 4)
	dst = append(dst, '-')
	dst = appendDigits(dst, m, 2)
	dst = append(dst, '-')
	dst = appendDigits(dst, d, 2)
	dst = append(dst, 'T')
	dst = appendDigits(dst, sod/3600, 2)
	dst = append(dst, ':')
	dst = appendDigits(dst, sod/60%60, 2)
	dst = append(dst, ':')
	dst = appendDigits(dst, sod%60, 2)
	dst = append(dst, '.')
	if digits == 3 {
		dst = appendDigits(dst, int64(p.frac/10000), 3)
	} else {
		dst = appendDigits(dst, int64(p.frac), 7)
	}
	if p.zone == 'Z' {
		return append(dst, 'Z')
	}
	o := p.off
	if o < 0 {
		o = -o
	}
	dst = append(dst, p.zone)
	dst = appendDigits(dst, int64(o/60), 2)
	dst = append(dst, ':')
	return appendDigits(dst, int64(o%60), 2)
}

// appendDigits appends the non-negative v in exactly n decimal digits
// (v < 10ⁿ).
func appendDigits(dst []byte, v int64, n int) []byte {
	end := len(dst) + n
	for range n {
		dst = append(dst, '0')
	}
	for i := end - 1; i >= end-n; i-- {
		dst[i] = byte('0' + v%10)
		v /= 10
	}
	return dst
}

// formatISODate returns t as a UCWA XML date with seven fractional digits,
// "2015-07-14T20:54:03.7675175-05:00", in t's location: "Z" when the offset
// is zero (as the time package's RFC 3339 layouts do), ±hh:mm otherwise.
// Nanoseconds beyond the 100 ns precision of the format are truncated.
//
// An offset with seconds (local mean time of zones before 1900) cannot be
// written; it is truncated to whole minutes and the wall clock moved with
// it, so that the instant is kept. A time whose shown year is outside 0001
// to 9999 gives text that is not a valid date (formatted by the time
// package), so that an encoder reports it rather than writing a wrong date.
func formatISODate(t time.Time) string {
	var buf [len("2006-01-02T15:04:05.0000000-07:00")]byte
	return string(appendISODate(buf[:0], t))
}

// appendISODate is the append form of formatISODate.
func appendISODate(dst []byte, t time.Time) []byte {
	p, ok := datePartsOf(t)
	if !ok {
		return t.AppendFormat(dst, "2006-01-02T15:04:05.0000000Z07:00")
	}
	return appendISOParts(dst, p, 7)
}

// datePartsOf returns the parts of t as formatISODate writes it, and false
// when its offset or its year in that offset is out of range.
func datePartsOf(t time.Time) (dateParts, bool) {
	_, offSec := t.Zone()
	offMin := offSec / 60 // toward zero: an offset with seconds loses them
	sec := t.Unix()
	if offMin < -maxOffsetMinutes || offMin > maxOffsetMinutes ||
		sec < minLocalMs/1000-int64(offMin)*60 || sec > maxLocalMs/1000-int64(offMin)*60 {
		return dateParts{}, false
	}
	p := dateParts{sec: sec, frac: int32(t.Nanosecond() / 100), off: int32(offMin), zone: 'Z'}
	switch {
	case p.off > 0:
		p.zone = '+'
	case p.off < 0:
		p.zone = '-'
	}
	return p, true
}
