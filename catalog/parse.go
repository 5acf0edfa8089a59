package catalog

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/api"
)

// Parse reads text, as a command line gives it, as a value of f's type (of
// one item, for a list), and returns the Value a generic input holds:
//
//   - String, an enum, an href: the text as it is (Validate checks an enum's
//     membership and a string's length).
//   - Boolean: "true" or "false".
//   - Int32, Int64: a decimal integer of that size.
//   - DateTime: a UCWA date (ucwa.ParseDate: "/Date(1436925243767)/" or ISO
//     8601 with an offset), or RFC 3339.
//   - TimeSpan: "PT5M", or a Go duration such as "5m" or "1h30m",
//     written as "PT5M" and "PT1H30M".
//
// The error says what text should be.
func (f *Field) Parse(text string) (ucwa.Value, error) {
	switch f.Type.Kind {
	case Boolean:
		switch text {
		case "true":
			return ucwa.Bool(true), nil
		case "false":
			return ucwa.Bool(false), nil
		}
		return ucwa.Value{}, errors.New(strconv.Quote(text) + " is not a Boolean: true or false")
	case Int32, Int64:
		bits := 32
		if f.Type.Kind == Int64 {
			bits = 64
		}
		i, err := strconv.ParseInt(text, 10, bits)
		if err != nil || strings.HasPrefix(text, "+") {
			return ucwa.Value{}, errors.New(strconv.Quote(text) + " is not an " + f.Type.Kind.String())
		}
		return ucwa.Int(i), nil
	case DateTime:
		if t, err := ucwa.ParseDate(text); err == nil {
			return ucwa.Date(t), nil
		}
		if t, err := time.Parse(time.RFC3339Nano, text); err == nil {
			return ucwa.Date(t), nil
		}
		return ucwa.Value{}, errors.New(strconv.Quote(text) + " is not a DateTime such as 2016-09-26T16:20:29-07:00")
	case TimeSpan:
		d, err := api.ParseDuration(text)
		if err != nil {
			if d, err = time.ParseDuration(text); err != nil {
				return ucwa.Value{}, errors.New(strconv.Quote(text) + ` is not a TimeSpan such as "PT5M" or "5m"`)
			}
		}
		return ucwa.String(api.FormatDuration(d)), nil
	case Object, Byte:
		return ucwa.Value{}, errors.New(f.Name + " is an " + f.Type.String() + ", which text cannot give")
	}
	return ucwa.String(text), nil
}

// String returns the kind's name, as the reference writes it: "Int32".
func (k Kind) String() string {
	if k == Enum {
		return "Enum"
	}
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}
