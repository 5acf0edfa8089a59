package fuzz

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/api"
	"github.com/ucwa-go/ucwa/catalog"
)

// typedOp returns the catalog's operation of the typed input at index i of
// api.Names (modulo their number).
func typedOp(i uint8) *catalog.Operation {
	names := api.Names()
	op, err := catalog.Op(names[int(i)%len(names)])
	if err != nil {
		panic(err)
	}
	return op
}

// fuzzedTypedBody builds a generic body of op from fuzzed values: each body
// parameter left out when set says so, else given a value of its type made
// from strs (split at "|", one part a parameter), n and b. Values may break
// the rules (enum values outside their enumeration, integers out of range,
// strings too long or not encodable) but never the types: FromInput must
// read every one.
func fuzzedTypedBody(op *catalog.Operation, set, strs string, n int64, b bool) ucwa.Input {
	var in ucwa.Input
	parts := strings.Split(strs, "|")
	for i, f := range op.BodyParams() {
		if i < len(set) && set[i] == '0' {
			continue
		}
		s := parts[i%len(parts)]
		bit := n>>(i%63)&1 == 1
		scalar := func(s string) ucwa.Value {
			switch f.Type.Kind {
			case catalog.Enum:
				if e := catalog.LookupEnum(f.Type.Enum); bit {
					return ucwa.String(e.Values[int(uint64(n)%uint64(len(e.Values)))])
				}
				return ucwa.String(s)
			case catalog.Boolean:
				return ucwa.Bool(bit != b)
			case catalog.Int32:
				return ucwa.Int(int64(int32(n + int64(i))))
			case catalog.Int64:
				return ucwa.Int(n + int64(i))
			case catalog.DateTime:
				ms := n % 250000000000000
				off := int(n%1440) * 60
				return ucwa.Date(time.UnixMilli(ms).In(time.FixedZone("", off)))
			case catalog.TimeSpan:
				return ucwa.String(api.FormatDuration(time.Duration(n)))
			}
			return ucwa.String(s)
		}
		switch {
		case f.Type.Kind == catalog.Href:
			in.Links = append(in.Links, ucwa.Link{Rel: f.Name, Href: s})
		case f.Type.Array:
			var items []ucwa.Value
			for _, it := range strings.Split(s, ",") {
				items = append(items, scalar(it))
			}
			in.Properties = append(in.Properties, ucwa.Prop(f.Name, ucwa.List(items...)))
		default:
			in.Properties = append(in.Properties, ucwa.Prop(f.Name, scalar(s)))
		}
	}
	return in
}

// sameInstant compares times by instant and offset, as the codec keeps
// them (not by *time.Location).
var sameInstant = cmp.Comparer(func(a, b time.Time) bool {
	_, oa := a.Zone()
	_, ob := b.Zone()
	return a.Equal(b) && oa == ob
})

// FuzzTypedInput: a typed input of any operation, set from fuzzed values,
// validates as the catalog does; it encodes iff it validates and its
// strings can be carried (what its generic Input also refuses), and never
// writes on failure; what it writes reads back to the same input (decode of
// encode is the identity) and is what its generic Input writes.
func FuzzTypedInput(f *testing.F) {
	for i := range api.Names() {
		f.Add(uint8(i), "", "sip:john@contoso.com|Urgent|hello|a,b", int64(42), true, false)
		f.Add(uint8(i), "1011", strings.Repeat("x", 51)+"|VeryUrgent", int64(-1), false, true)
		f.Add(uint8(i), "", "nul\x00|<&>\"|\xff|😀", int64(1<<40), true, true)
	}
	f.Fuzz(func(t *testing.T, opIndex uint8, set, strs string, n int64, b, inXML bool) {
		op := typedOp(opIndex)
		format := ucwa.JSON
		if inXML {
			format = ucwa.XML
		}
		in := fuzzedTypedBody(op, set, strs, n, b)
		x, _ := api.New(op.Name())
		if err := x.FromInput(&in); err != nil {
			t.Fatalf("%s: FromInput of %+v: %v", op.Name(), in, err)
		}
		verr := x.Validate()
		// The catalog agrees with Validate on the body the typed input
		// writes (its Input: empty strings are unset).
		gen := x.Input()
		if fs := op.ValidateInput(&gen, ucwa.JSON); catalog.HasErrors(fs) != (verr != nil) {
			t.Fatalf("%s: Validate %v, the catalog %v", op.Name(), verr, fs)
		}
		got, err := x.Append([]byte("pre"), format)
		if verr != nil {
			if !errors.Is(err, ucwa.ErrInvalidInput) || string(got) != "pre" {
				t.Fatalf("%s: Validate refused (%v), Append gave %q, %v", op.Name(), verr, got, err)
			}
			return
		}
		var want []byte
		var gerr error
		if op.Body == "resource" {
			r := ucwa.Resource{Properties: gen.Properties}
			want, gerr = r.Append([]byte("pre"), format)
		} else {
			want, gerr = gen.Append([]byte("pre"), format)
		}
		if err != nil {
			var ee *ucwa.EncodeError
			if !errors.As(err, &ee) || !errors.Is(err, ucwa.ErrInvalidValue) || string(got) != "pre" || gerr == nil {
				t.Fatalf("%s: Append: %q, %v (generic: %v)", op.Name(), got, err, gerr)
			}
			return
		}
		if gerr != nil || string(got) != string(want) {
			t.Fatalf("%s: %v: typed\n%s\ngeneric (%v)\n%s", op.Name(), format, got, gerr, want)
		}
		y, err := api.Decode(op.Name(), got[3:], format)
		if err != nil {
			t.Fatalf("%s: %v: reading back %s: %v", op.Name(), format, got[3:], err)
		}
		if d := cmp.Diff(x, y, sameInstant); d != "" {
			t.Fatalf("%s: %v: decode(encode(x)) != x (-x +decoded):\n%s", op.Name(), format, d)
		}
	})
}

// FuzzDuration: a TimeSpan api.ParseDuration reads is written by
// api.FormatDuration as text that reads back to it.
func FuzzDuration(f *testing.F) {
	for _, s := range []string{"PT5M", "P1DT2H", "-PT0.5S", "PT0S", "P106751DT23H47M16.854775807S"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := api.ParseDuration(s)
		if err != nil {
			return
		}
		text := api.FormatDuration(d)
		if back, err := api.ParseDuration(text); err != nil || back != d {
			t.Fatalf("%q: %v written %q, read back %v, %v", s, d, text, back, err)
		}
	})
}
