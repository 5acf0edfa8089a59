package catalog

import (
	"errors"
	"strconv"
	"strings"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/api"
)

// The errors of findings: each Finding that is an error wraps one.
var (
	// ErrType: a value not of its type, such as a string where the
	// reference types a number, or a list where it types one value.
	ErrType = errors.New("value not of its type")
	// ErrEnum: a string outside its enumeration.
	ErrEnum = errors.New("value outside its enumeration")
	// ErrLength: a string longer than its maximum length.
	ErrLength = errors.New("string too long")
	// ErrRange: an integer outside its range.
	ErrRange = errors.New("integer out of range")
	// ErrRequired: a required parameter missing from an input.
	ErrRequired = errors.New("required parameter missing")
)

// A Finding is one thing validation found in a body: an error, or a name
// the catalog does not know, which is not one (UCWA adds properties and
// links as it goes, and a client reads what it knows).
type Finding struct {
	// Path locates the value: a JSON Pointer ("/_embedded/contact/0/name")
	// or an XML element path (`/resource/property[@name="name"]`), as
	// ucwa.DecodeError paths are written.
	Path    string
	Name    string // the property, parameter or link rel
	Unknown bool   // a name the catalog does not know; Err is then nil
	Err     error  // ErrType, ErrEnum, ErrLength, ErrRange or ErrRequired
	Msg     string
}

// String returns the finding as one line: `/subject: longer than 250
// characters`.
func (f Finding) String() string { return f.Path + ": " + f.Msg }

// HasErrors reports whether any of fs is an error, not only an unknown
// name.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Err != nil {
			return true
		}
	}
	return false
}

// ValidateResource checks a resource body (a GET response, a PUT body)
// against the catalog: its properties against the resource its rel names
// (see ForRel), and each embedded resource against its own, to any depth.
// f is the format the body was read from: XML carries no types, so a
// number, a boolean or an enum there is checked by its text.
func ValidateResource(r *ucwa.Resource, f ucwa.Format) []Finding {
	v := validator{f: f}
	v.resource(r, ForRel(relOf(r)), v.top())
	return v.out
}

// Validate checks a resource body against r, whatever its rel: a body of
// rel "search" against search2, say. Embedded resources are checked against
// the resources their rels name.
func (r *Resource) Validate(body *ucwa.Resource, f ucwa.Format) []Finding {
	v := validator{f: f}
	v.resource(body, r, v.top())
	return v.out
}

// ValidateEvents checks the resources embedded in an event-channel
// response against the resources their rels name.
func ValidateEvents(ev *ucwa.Events, f ucwa.Format) []Finding {
	v := validator{f: f}
	for i := range ev.Senders {
		s := &ev.Senders[i]
		for j := range s.Events {
			e := &s.Events[j]
			if e.Resource == nil {
				continue
			}
			path := "/sender/" + strconv.Itoa(i) + "/events/" + strconv.Itoa(j) + "/_embedded/" + token(e.Resource.Rel)
			if f == ucwa.XML {
				path = "/events/sender[" + strconv.Itoa(i+1) + "]/" + string(e.Type) + "/resource"
			}
			v.resource(e.Resource, ForRel(relOf(e.Resource)), path)
		}
	}
	return v.out
}

// ValidateInput checks the body of a request of op: for a POST an input,
// for a PUT the properties of the resource sent. A parameter op does not
// take is reported as unknown; a required one missing or empty (an empty
// string or list), a value not of its type, too long, out of range or
// outside its enumeration is an error.
func (op *Operation) ValidateInput(in *ucwa.Input, f ucwa.Format) []Finding {
	v := validator{f: f}
	base := ""
	if f == ucwa.XML {
		base = "/input"
		if op.Body == "resource" {
			base = "/resource"
		}
	}
	params := op.BodyParams()
	seen := map[string]bool{}
	for _, p := range in.Properties {
		seen[p.Name] = true
		path := v.propPath(base, p.Name, p.Value)
		fd := find(params, p.Name, "")
		switch {
		case op.Body == "resource" && p.Name == "rel":
		case fd == nil:
			v.unknown(path, p.Name, "unknown parameter "+p.Name+" of "+op.Name())
		case fd.Type.Kind == Href:
			v.fail(path, p.Name, ErrType, p.Name+" is a link-valued parameter, not a property")
		case fd.Required && empty(p.Value):
			v.fail(path, p.Name, ErrRequired, p.Name+" is required, and empty")
		default:
			if p.Value.Kind() == ucwa.KindNull && !fd.Required {
				continue
			}
			v.value(path, fd, p.Value)
		}
	}
	for i, l := range in.Links {
		seen[l.Rel] = true
		path := base + "/_links/" + token(l.Rel) + "/href"
		if f == ucwa.XML {
			path = base + "/link[" + strconv.Itoa(i+1) + "]"
		}
		fd := find(params, l.Rel, "")
		switch {
		case fd != nil && fd.Required && l.Href == "":
			v.fail(path, l.Rel, ErrRequired, l.Rel+" is required, and empty")
		case fd == nil:
			v.unknown(path, l.Rel, "unknown link "+l.Rel+" of "+op.Name())
		case fd.Type.Kind != Href:
			v.fail(path, l.Rel, ErrType, l.Rel+" is a property, not a link")
		}
	}
	for i := range params {
		if fd := &params[i]; fd.Required && !seen[fd.Name] {
			v.fail(v.propPath(base, fd.Name, ucwa.Value{}), fd.Name, ErrRequired, fd.Name+" is required")
		}
	}
	return v.out
}

// empty reports whether v is an empty string or list, which a required
// parameter must not be: the reference's "cannot be null or empty", and
// what a typed input reads as unset.
func empty(v ucwa.Value) bool {
	switch v.Kind() {
	case ucwa.KindString:
		return v.Text() == ""
	case ucwa.KindList:
		return len(v.List()) == 0
	}
	return false
}

// relOf returns the rel of a body: its Rel, or its "rel" property.
func relOf(r *ucwa.Resource) string {
	if r.Rel != "" {
		return r.Rel
	}
	v, _ := r.Get("rel")
	return v.Text()
}

type validator struct {
	f   ucwa.Format
	out []Finding
}

// top returns the path of a top-level resource.
func (v *validator) top() string {
	if v.f == ucwa.XML {
		return "/resource"
	}
	return ""
}

func (v *validator) unknown(path, name, msg string) {
	v.out = append(v.out, Finding{Path: path, Name: name, Unknown: true, Msg: msg})
}

func (v *validator) fail(path, name string, err error, msg string) {
	v.out = append(v.out, Finding{Path: path, Name: name, Err: err, Msg: msg})
}

// token escapes a name for a JSON Pointer.
func token(s string) string { return strings.NewReplacer("~", "~0", "/", "~1").Replace(s) }

// propPath returns the path of the property name, holding val, of the body
// at base.
func (v *validator) propPath(base, name string, val ucwa.Value) string {
	if v.f != ucwa.XML {
		return base + "/" + token(name)
	}
	elem := "property"
	if val.Kind() == ucwa.KindList {
		elem = "propertyList"
	}
	return base + "/" + elem + "[@name=" + strconv.Quote(name) + "]"
}

// resource checks body against res (nil: a rel the catalog does not know)
// at path.
func (v *validator) resource(body *ucwa.Resource, res *Resource, path string) {
	if res == nil {
		if rel := relOf(body); rel != "" {
			v.unknown(path, rel, "unknown resource "+rel)
		}
	} else {
		props := res.Props()
		for _, p := range body.Properties {
			pp := v.propPath(path, p.Name, p.Value)
			fd := find(props, p.Name, "")
			switch {
			case p.Name == "rel":
			case fd == nil:
				v.unknown(pp, p.Name, "unknown property "+p.Name+" of "+res.Name)
			case fd.Type.Kind == Href:
				if _, ok := p.Value.Str(); !ok && p.Value.Kind() != ucwa.KindNull {
					v.fail(pp, p.Name, ErrType, p.Name+" is an href: "+p.Value.Kind().String())
				}
			case p.Value.Kind() == ucwa.KindNull:
			default:
				v.value(pp, fd, p.Value)
			}
		}
	}
	count := map[string]int{}
	for i := range body.Embedded {
		e := &body.Embedded[i]
		n := count[e.Rel]
		count[e.Rel]++
		ep := path + "/_embedded/" + token(e.Rel)
		if e.InArray {
			ep += "/" + strconv.Itoa(n)
		}
		if v.f == ucwa.XML {
			ep = path + "/resource[@rel=" + strconv.Quote(e.Rel) + "]"
			if n > 0 {
				ep += "[" + strconv.Itoa(n+1) + "]"
			}
		}
		v.resource(e, ForRel(relOf(e)), ep)
	}
}

// value checks val, at path, against the type and limits of fd.
func (v *validator) value(path string, fd *Field, val ucwa.Value) {
	if fd.Type.Array {
		if val.Kind() != ucwa.KindList {
			v.fail(path, fd.Name, ErrType, fd.Name+" is an "+fd.Type.String()+", not a "+val.Kind().String())
			return
		}
		item := *fd
		item.Type.Array = false
		for i, it := range val.List() {
			ip := path + "/" + strconv.Itoa(i)
			if v.f == ucwa.XML {
				ip = path + "/item[" + strconv.Itoa(i+1) + "]"
			}
			v.value(ip, &item, it)
		}
		return
	}
	if msg := v.typeError(fd.Type, val); msg != "" {
		v.fail(path, fd.Name, ErrType, msg)
		return
	}
	text := val.Text()
	switch fd.Type.Kind {
	case String, Enum:
		if fd.MaxLength > 0 && ucwa.TextLength(text) > fd.MaxLength {
			v.fail(path, fd.Name, ErrLength, fd.Name+" is longer than "+strconv.Itoa(fd.MaxLength)+" characters")
		}
		if e := LookupEnum(fd.Type.Enum); fd.Type.Kind == Enum && e != nil && !e.Has(text) {
			v.fail(path, fd.Name, ErrEnum, strconv.Quote(text)+" is not in the enumeration "+e.Name)
		}
	case Int32, Int64:
		i, _ := strconv.ParseInt(text, 10, 64)
		if fd.HasRange && (i < fd.Min || i > fd.Max) {
			v.fail(path, fd.Name, ErrRange, text+" is not within "+strconv.FormatInt(fd.Min,
				10)+" to "+strconv.FormatInt(fd.Max, 10))
		}
	}
}

// typeError says how val is not of type t (not an array), or returns "".
// XML carries no types: there a value's text is read as the type.
func (v *validator) typeError(t Type, val ucwa.Value) string {
	k := val.Kind()
	xml := v.f == ucwa.XML
	scalarText := k == ucwa.KindString || k == ucwa.KindBool || k == ucwa.KindDate || k == ucwa.KindNumber
	ok := false
	switch t.Kind {
	case String, Enum:
		ok = k == ucwa.KindString || xml && scalarText
	case Boolean:
		ok = k == ucwa.KindBool
	case Int32, Int64:
		bits := 32
		if t.Kind == Int64 {
			bits = 64
		}
		if k == ucwa.KindNumber || xml && k == ucwa.KindString {
			_, err := strconv.ParseInt(val.Text(), 10, bits)
			if err != nil {
				return strconv.Quote(val.Text()) + " is not an " + t.String()
			}
			ok = true
		}
	case DateTime:
		ok = k == ucwa.KindDate
	case TimeSpan:
		if k == ucwa.KindString {
			if _, err := api.ParseDuration(val.Text()); err != nil {
				return strconv.Quote(val.Text()) + ` is not a TimeSpan such as "PT5M"`
			}
			ok = true
		}
	case Object:
		ok = k == ucwa.KindBag
	case Href, Byte:
		ok = k == ucwa.KindString
	default:
		ok = true // a query parameter: text
	}
	if ok {
		return ""
	}
	return "not a " + t.String() + ": a " + k.String()
}
