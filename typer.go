package ucwa

// A Typer knows the types of properties, which XML does not carry: XML
// writes 7 and "7" alike, and the XML decoder reads both as the string "7"
// (see [Value]). Set as [Options.Types], it types the values of an XML body
// after decoding, so that the body converts to JSON as the reference types
// it: a number as a number, a string that looks like a boolean or a date as
// a string. Package catalog gives the Typer of the UCWA reference.
type Typer interface {
	// PropertyKind returns the kind of the property name of a resource
	// whose rel is rel, or of an input when rel is "", and false when it
	// does not know the property. For a list it returns the kind of the
	// items. The kinds that matter are KindString, KindBool, KindNumber
	// and KindDate; an enum is a KindString.
	PropertyKind(rel, name string) (Kind, bool)
}

// The typing of a decoded XML body by Options.Types. A value takes the kind
// the Typer gives when its text can be read as that kind, and keeps its
// text, so that the body re-encodes in XML byte for byte as before:
//
//   - KindString: a boolean or a date the decoder inferred becomes a string.
//   - KindNumber: a string that is an integer as JSON writes one (no sign
//     but "-", no leading zero) becomes a number.
//   - KindBool: "true", "false", "True" and "False", already booleans, stay
//     so; other text stays a string.
//   - KindDate: a string ParseDate reads becomes a date.
//
// Anything else stays as it is: null, nested bags, a property the Typer does
// not know, text that cannot be read as its kind (an error for validation
// to report, not for conversion).

func typeInput(in *Input, t Typer) { typeProps(in.Properties, "", t) }

func typeResource(r *Resource, t Typer) {
	rel := r.Rel
	if rel == "" {
		if v, ok := r.Get("rel"); ok {
			rel = v.Text()
		}
	}
	typeProps(r.Properties, rel, t)
	for i := range r.Embedded {
		typeResource(&r.Embedded[i], t)
	}
}

func typeEvents(ev *Events, t Typer) {
	for i := range ev.Senders {
		for j := range ev.Senders[i].Events {
			if r := ev.Senders[i].Events[j].Resource; r != nil {
				typeResource(r, t)
			}
		}
	}
}

func typeProps(ps []Property, rel string, t Typer) {
	for i := range ps {
		if k, ok := t.PropertyKind(rel, ps[i].Name); ok {
			ps[i].Value = typeValue(ps[i].Value, k)
		}
	}
}

// typeValue returns v typed as k. The items of a list are typed in place:
// the list belongs to the body just decoded.
func typeValue(v Value, k Kind) Value {
	switch v.Kind() {
	case KindList:
		for i, item := range v.kids.list {
			v.kids.list[i] = typeValue(item, k)
		}
	case KindString:
		switch {
		case k == KindNumber && isJSONInteger(v.text):
			return scalar(KindNumber, v.text)
		case k == KindDate:
			if _, err := ParseDate(v.text); err == nil {
				return scalar(KindDate, v.text)
			}
		}
	case KindBool, KindDate:
		if k == KindString {
			return String(v.text)
		}
	}
	return v
}

// isJSONInteger reports whether s is an integer as JSON writes one.
func isJSONInteger(s string) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	if s == "" || s[0] == '0' && len(s) > 1 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
