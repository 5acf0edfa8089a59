package api

import (
	"strconv"
	"time"

	"github.com/ucwa-go/ucwa"
)

// The readers the generated FromInput methods call. Each returns the value
// of a parameter as its field's type, or what is wrong with it for an
// InputError. They are strict on kinds: an integer is a number, not a
// string of digits; an XML body is typed before it is read (see Decode).

func invalid(op, param, msg string) error {
	return &ucwa.InputError{Op: op, Param: param, Msg: msg}
}

func notA(want string, v ucwa.Value) string {
	return "not a " + want + ": a " + v.Kind().String()
}

func readString(v ucwa.Value) (string, string) {
	if s, ok := v.Str(); ok {
		return s, ""
	}
	return "", notA("String", v)
}

func readStrings(v ucwa.Value, item string) ([]string, string) {
	if v.Kind() != ucwa.KindList {
		return nil, notA("list", v)
	}
	ss := make([]string, len(v.List()))
	for i, it := range v.List() {
		s, ok := it.Str()
		if !ok {
			return nil, "item " + strconv.Itoa(i) + " " + notA(item, it)
		}
		ss[i] = s
	}
	return ss, ""
}

func readBool(v ucwa.Value) (bool, string) {
	if b, ok := v.Bool(); ok {
		return b, ""
	}
	return false, notA("Boolean", v)
}

// readInt reads an integer of the bits of its type (32 or 64).
func readInt(v ucwa.Value, bits int) (int64, string) {
	if v.Kind() != ucwa.KindNumber {
		return 0, notA("Int"+strconv.Itoa(bits), v)
	}
	i, err := strconv.ParseInt(v.Text(), 10, bits)
	if err != nil {
		return 0, strconv.Quote(v.Text()) + " is not an Int" + strconv.Itoa(bits)
	}
	return i, ""
}

func readDate(v ucwa.Value) (time.Time, string) {
	if t, ok := v.Time(); ok {
		return t, ""
	}
	return time.Time{}, notA("DateTime", v)
}

func readDuration(v ucwa.Value) (time.Duration, string) {
	s, ok := v.Str()
	if !ok {
		return 0, notA("TimeSpan", v)
	}
	d, err := ParseDuration(s)
	if err != nil {
		return 0, strconv.Quote(s) + ` is not a TimeSpan such as "PT5M"`
	}
	return d, ""
}

// readLink reads a link-valued parameter: a link of its rel with an href
// and nothing else, alone under its rel.
func readLink(l ucwa.Link) (string, string) {
	switch {
	case l.InArray:
		return "", "a list of links; the parameter is one"
	case len(l.Attrs) > 0:
		return "", "a link with the attribute " + l.Attrs[0].Name + "; the parameter is an href"
	}
	return l.Href, ""
}

// null reports whether v is null, which an optional parameter reads as
// unset.
func null(v ucwa.Value) bool { return v.Kind() == ucwa.KindNull }

// textTooLong reports whether s is longer than max characters, as
// ucwa.TextLength counts them; a string of at most max bytes never is.
func textTooLong(s string, max int) bool {
	return len(s) > max && ucwa.TextLength(s) > max
}

// notIn says that v is not a value of the enumeration enum.
func notIn(v, enum string) string { return strconv.Quote(v) + " is not in the enumeration " + enum }
