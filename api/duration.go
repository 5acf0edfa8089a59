package api

import (
	"errors"
	"strconv"
	"time"
)

// A TimeSpan parameter (inactiveTimeout, voipFallbackToPhoneAudioTimeOut) is
// a time.Duration, written as UCWA's serializers write a .NET TimeSpan in
// both formats (the reference shows no example): an XML Schema duration,
// such as "PT5M", "PT1H30M", "P1DT2H" or "PT0.5S", as a string in JSON.
// Days are the largest unit, so that the text is exact; seconds keep up to
// seven fractional digits (a TimeSpan's 100-nanosecond ticks), and a
// negative duration starts with "-".

// appendDuration appends d as an XML Schema duration.
func appendDuration(dst []byte, d time.Duration) []byte {
	if d == 0 {
		return append(dst, "PT0S"...)
	}
	u := uint64(d)
	if d < 0 {
		dst = append(dst, '-')
		u = -u
	}
	dst = append(dst, 'P')
	const day = uint64(24 * time.Hour)
	if days := u / day; days > 0 {
		dst = strconv.AppendUint(dst, days, 10)
		dst = append(dst, 'D')
		u %= day
		if u == 0 {
			return dst
		}
	}
	dst = append(dst, 'T')
	if h := u / uint64(time.Hour); h > 0 {
		dst = strconv.AppendUint(dst, h, 10)
		dst = append(dst, 'H')
		u %= uint64(time.Hour)
	}
	if m := u / uint64(time.Minute); m > 0 {
		dst = strconv.AppendUint(dst, m, 10)
		dst = append(dst, 'M')
		u %= uint64(time.Minute)
	}
	if u > 0 {
		dst = strconv.AppendUint(dst, u/uint64(time.Second), 10)
		if frac := u % uint64(time.Second); frac > 0 {
			var digits [9]byte
			for i := 8; i >= 0; i-- {
				digits[i] = byte('0' + frac%10)
				frac /= 10
			}
			n := 9
			for digits[n-1] == '0' {
				n--
			}
			dst = append(dst, '.')
			dst = append(dst, digits[:n]...)
		}
		dst = append(dst, 'S')
	}
	return dst
}

// ParseDuration reads an XML Schema duration as a TimeSpan parameter holds
// one: [-]P[nD][T[nH][nM][n[.f]S]], with at least one part, and no years
// or months, whose length varies. It is exact to the nanosecond.
func ParseDuration(s string) (time.Duration, error) {
	orig := s
	neg := false
	if len(s) > 0 && s[0] == '-' {
		neg, s = true, s[1:]
	}
	if len(s) < 2 || s[0] != 'P' {
		return 0, durationError(orig)
	}
	s = s[1:]
	var total uint64
	add := func(n, unit uint64) bool {
		if n > (1<<63)/unit {
			return false
		}
		total += n * unit
		return total <= 1<<63
	}
	inTime, parts := false, 0
	last := byte(0)
	for len(s) > 0 {
		if s[0] == 'T' {
			if inTime || len(s) == 1 {
				return 0, durationError(orig)
			}
			inTime, s, last = true, s[1:], 'T'
			continue
		}
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		j := i
		if j < len(s) && s[j] == '.' {
			j++
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
		}
		if i == 0 || j >= len(s) || j == i+1 {
			return 0, durationError(orig)
		}
		n, err := strconv.ParseUint(s[:i], 10, 63)
		if err != nil {
			return 0, durationError(orig)
		}
		unit, frac := s[j], s[i:j]
		if frac != "" && unit != 'S' {
			return 0, durationError(orig)
		}
		var u uint64
		switch {
		case unit == 'D' && !inTime && last == 0:
			u = uint64(24 * time.Hour)
		case unit == 'H' && inTime && last == 'T':
			u = uint64(time.Hour)
		case unit == 'M' && inTime && (last == 'T' || last == 'H'):
			u = uint64(time.Minute)
		case unit == 'S' && inTime && last != 'S':
			u = uint64(time.Second)
		default:
			return 0, durationError(orig)
		}
		if !add(n, u) {
			return 0, durationError(orig)
		}
		if frac != "" {
			digits := frac[1:]
			if len(digits) > 9 {
				return 0, durationError(orig)
			}
			f, _ := strconv.ParseUint(digits, 10, 32)
			for k := len(digits); k < 9; k++ {
				f *= 10
			}
			if !add(f, 1) {
				return 0, durationError(orig)
			}
		}
		last, s, parts = unit, s[j+1:], parts+1
	}
	if parts == 0 || !neg && total > 1<<63-1 {
		return 0, durationError(orig)
	}
	if neg {
		return -time.Duration(total), nil
	}
	return time.Duration(total), nil
}

func durationError(s string) error {
	return errors.New("ucwa: " + strconv.Quote(s) + ` is not a duration such as "PT5M"`)
}

// FormatDuration returns d as a TimeSpan parameter is written: "PT5M".
func FormatDuration(d time.Duration) string { return string(appendDuration(nil, d)) }
