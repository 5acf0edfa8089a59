package api_test

import (
	"math"
	"testing"
	"time"

	"github.com/ucwa-go/ucwa/api"
)

func TestDuration(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		text string
	}{
		{0, "PT0S"},
		{5 * time.Minute, "PT5M"},
		{90 * time.Minute, "PT1H30M"},
		{26 * time.Hour, "P1DT2H"},
		{24 * time.Hour, "P1D"},
		{1500 * time.Millisecond, "PT1.5S"},
		{100, "PT0.0000001S"},
		{1, "PT0.000000001S"},
		{-5 * time.Minute, "-PT5M"},
		{25*time.Hour + 61*time.Second, "P1DT1H1M1S"},
		{math.MaxInt64, "P106751DT23H47M16.854775807S"},
		{math.MinInt64, "-P106751DT23H47M16.854775808S"},
	} {
		if got := api.FormatDuration(tc.d); got != tc.text {
			t.Errorf("FormatDuration(%v) = %q, want %q", tc.d, got, tc.text)
		}
		if got, err := api.ParseDuration(tc.text); err != nil || got != tc.d {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tc.text, got, err, tc.d)
		}
	}
	// Other forms of the same durations read too.
	for text, want := range map[string]time.Duration{
		"PT300S": 5 * time.Minute, "PT0.5S": 500 * time.Millisecond, "P0D": 0, "PT1H0M": time.Hour, "P2D": 48 * time.Hour,
	} {
		if got, err := api.ParseDuration(text); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", text, got, err, want)
		}
	}
	for _, bad := range []string{
		"", "P", "PT", "5m", "P1Y", "P1M", "PT1H1H", "PT1M1H", "PT1.5M", "PTS", "P1DT", "PT-1S", "PT1..5S",
		"PT1.S", "PT.5S", "-", "--PT1S", "pt1s", "PT1S ", " PT1S", "PT1.0000000001S", "P1DT1D",
		"PT9999999999999H", "P106751DT23H47M16.854775808S",
	} {
		if d, err := api.ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) = %v, want an error", bad, d)
		}
	}
}
