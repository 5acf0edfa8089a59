package ucwa

import "time"

// ParseDate parses a UCWA date in either form: the JSON form as its string
// holds it, "/Date(1436925243767)/" or "/Date(1436925243767-0500)/", or the XML
// form, ISO 8601 with up to 7 fractional digits and an offset or "Z".
func ParseDate(s string) (time.Time, error) { panic("TODO(helper)") }

func formatISODate(t time.Time) string { panic("TODO(helper)") }
