package ucwa

import (
	"fmt"
	"strconv"
	"testing"
	"time"
	"unsafe"
)

func TestValueString(t *testing.T) {
	date := Date(time.Date(2015, 7, 14, 20, 54, 3, 767517500, time.FixedZone("", -5*3600)))
	for _, tc := range []struct {
		v    Value
		want string
	}{
		{String("Out of office"), "Out of office"},
		{String(""), ""},
		{Bool(true), "true"},
		{Int(-42), "-42"},
		{date, "2015-07-14T20:54:03.7675175-05:00"},
		{Null(), "null"},
		{Value{}, "<invalid>"},
		{List(String("Messaging"), String("Plain")), `["Messaging","Plain"]`},
		{List(), `[]`},
		{List(Int(1), Null(), Bool(false), date, List(String(`a"b`))),
			`[1,null,false,"2015-07-14T20:54:03.7675175-05:00",["a\"b"]]`},
		{Bag(Prop("k", String("v")), Prop("n", Int(3)), Prop("l", List(String("x")))), `{"k":"v","n":3,"l":["x"]}`},
		{List(String("\x00\xff")), `["\x00\xff"]`},
	} {
		if got := tc.v.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
		if got := fmt.Sprint(tc.v); got != tc.want {
			t.Errorf("fmt.Sprint = %q, want %q", got, tc.want)
		}
	}
	// A Value read keeps its text: "True" as it came.
	r, err := DecodeResource([]byte(`<resource rel="x" xmlns="`+Namespace+`">`+
		`<property name="b">True</property></resource>`), XML)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := r.Get("b"); v.String() != "True" {
		t.Errorf("XML boolean: %q", v.String())
	}
}

func TestStrings(t *testing.T) {
	r, err := DecodeResource([]byte(`{"rel":"me","emailAddresses":["a@contoso.com","b@contoso.com"],`+
		`"none":[],"mixed":["a",1],"one":"a","nested":[["a"]]}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		want []string
		ok   bool
	}{
		{"emailAddresses", []string{"a@contoso.com", "b@contoso.com"}, true},
		{"none", []string{}, true},
		{"mixed", nil, false},
		{"one", nil, false},
		{"nested", nil, false},
		{"absent", nil, false},
	} {
		got, ok := r.Strings(tc.name)
		if ok != tc.ok || fmt.Sprint(got) != fmt.Sprint(tc.want) || ok && got == nil {
			t.Errorf("Strings(%q) = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
	// The slice is new: changing it changes nothing in the resource.
	got, _ := r.Strings("emailAddresses")
	got[0] = "changed"
	if again, _ := r.Strings("emailAddresses"); again[0] != "a@contoso.com" {
		t.Errorf("Strings shares its slice")
	}
}

// TestSizes guards the sizes of the types a decoded body is made of, on
// 64-bit platforms: each is allocated by the hundred per body, and the
// allocator rounds a slab of them up to its size class.
func TestSizes(t *testing.T) {
	if strconv.IntSize != 64 {
		t.Skip("sizes are for 64-bit platforms")
	}
	for _, tc := range []struct {
		name      string
		got, want uintptr
	}{
		{"Link", unsafe.Sizeof(Link{}), 64},
		{"Resource", unsafe.Sizeof(Resource{}), 112},
		{"Value", unsafe.Sizeof(Value{}), 24},
		{"Property", unsafe.Sizeof(Property{}), 40},
	} {
		if tc.got != tc.want {
			t.Errorf("%s is %d bytes, want %d", tc.name, tc.got, tc.want)
		}
	}
}
