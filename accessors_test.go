package ucwa

import (
	"fmt"
	"testing"
	"time"
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

func TestResourceType(t *testing.T) {
	inv, err := DecodeResource([]byte(`{"rel":"messagingInvitation","_embedded":{"acceptedByParticipant":`+
		`{"rel":"participant","name":"Joe"},"from":{"name":"x"},"odd":{"rel":1}}}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ rel, typ string }{
		{"acceptedByParticipant", "participant"},
		{"from", "from"},
		{"odd", "odd"},
	} {
		e := inv.Embed(tc.rel)
		if e == nil || e.Rel != tc.rel || e.Type() != tc.typ {
			t.Errorf("embedded %s: %+v, Type %q, want %q", tc.rel, e, e.Type(), tc.typ)
		}
	}
	if inv.Type() != "messagingInvitation" {
		t.Errorf("Type %q", inv.Type())
	}
	x, _ := DecodeResource([]byte(`<resource rel="acceptedByParticipant" xmlns="`+Namespace+`"/>`), XML)
	if x.Type() != "acceptedByParticipant" {
		t.Errorf("XML Type %q", x.Type())
	}
}
