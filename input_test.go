package ucwa

import (
	"errors"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
	"unicode/utf16"
)

// TestTextLength counts as .NET does: UTF-16 code units.
func TestTextLength(t *testing.T) {
	for _, s := range []string{
		"", "abc", "é", "€uro", "😀", "a😀b", "\xff", "\xe2\x82", "日本語", strings.Repeat("😀", 30),
	} {
		want := len(utf16.Encode([]rune(s)))
		if got := TextLength(s); got != want {
			t.Errorf("TextLength(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestContinuePhoneAudioRules: operationId is at most 50 characters
// (UTF-16 units), an unset parameter is not written, and the encoders
// refuse what Validate refuses.
func TestContinuePhoneAudioRules(t *testing.T) {
	for _, tc := range []struct {
		where string
		c     ContinuePhoneAudio
		ok    bool
		json  string
	}{
		{testkit.Where(), ContinuePhoneAudio{}, true, `{}`},
		{testkit.Where(), ContinuePhoneAudio{OperationID: "a"}, true, `{"operationId":"a"}`},
		{testkit.Where(), ContinuePhoneAudio{PhoneNumber: "tel:+1"}, true, `{"phoneNumber":"tel:+1"}`},
		{testkit.Where(), ContinuePhoneAudio{OperationID: strings.Repeat("x", 50)}, true, `{"operationId":"` +
			strings.Repeat("x", 50) + `"}`},
		{testkit.Where(), ContinuePhoneAudio{OperationID: strings.Repeat("x", 51)}, false, ""},
		{testkit.Where(), ContinuePhoneAudio{OperationID: strings.Repeat("é", 50)}, true, `{"operationId":"` +
			strings.Repeat("é", 50) + `"}`},
		{testkit.Where(), ContinuePhoneAudio{OperationID: strings.Repeat("😀", 25)}, true, `{"operationId":"` +
			strings.Repeat("😀", 25) + `"}`},
		{testkit.Where(), ContinuePhoneAudio{OperationID: strings.Repeat("😀", 25) + "x"}, false, ""},
		{testkit.Where(), ContinuePhoneAudio{OperationID: strings.Repeat("x", 51), PhoneNumber: "tel:+1"}, false, ""},
	} {
		err := tc.c.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("%s: Validate() = %v", tc.where, err)
		}
		var ie *InputError
		if err != nil && (!errors.Is(err, ErrInvalidInput) || !errors.As(err, &ie) || ie.Param != "operationId" ||
			ie.Op != "continuePhoneAudio") {
			t.Errorf("%s: Validate() = %#v, want an InputError for operationId", tc.where, err)
		}
		for _, f := range []Format{JSON, XML} {
			got, err := tc.c.Append([]byte("pre"), f)
			if !tc.ok {
				if !errors.Is(err, ErrInvalidInput) || string(got) != "pre" {
					t.Errorf("%s: %v: %q, %v; want ErrInvalidInput", tc.where, f, got, err)
				}
				continue
			}
			in := tc.c.Input()
			want, _ := in.Append([]byte("pre"), f)
			if err != nil || string(got) != string(want) {
				t.Errorf("%s: %v: %q, %v; want %q", tc.where, f, got, err, want)
			}
			if f == JSON && string(got) != "pre"+tc.json {
				t.Errorf("%s: JSON %q, want %q", tc.where, got, tc.json)
			}
			// Symmetric: what it writes reads back to the same input.
			back, err := DecodeInput(got[3:], f)
			var c ContinuePhoneAudio
			if err != nil || c.FromInput(&back) != nil || c != tc.c {
				t.Errorf("%s: %v: read back %+v (%v)", tc.where, f, c, err)
			}
		}
	}
}

func TestContinuePhoneAudioFromInput(t *testing.T) {
	c := ContinuePhoneAudio{OperationID: "keep"}
	for _, tc := range []struct {
		where string
		in    Input
		param string
	}{
		{testkit.Where(), Input{Properties: []Property{Prop("to", String("x"))}}, "to"},
		{testkit.Where(), Input{Properties: []Property{Prop("operationId", Int(3))}}, "operationId"},
		{testkit.Where(), Input{Properties: []Property{Prop("phoneNumber", Null())}}, "phoneNumber"},
		{testkit.Where(), Input{Links: []Link{{Rel: "message", Href: "data:,x"}}}, "message"},
	} {
		err := c.FromInput(&tc.in)
		var ie *InputError
		if !errors.As(err, &ie) || ie.Param != tc.param || !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: FromInput = %v, want an InputError for %s", tc.where, err, tc.param)
		}
		if c.OperationID != "keep" {
			t.Errorf("%s: FromInput changed c on failure: %+v", tc.where, c)
		}
	}
}

// kinds is a Typer from a table.
type kinds map[string]Kind

func (k kinds) PropertyKind(rel, name string) (Kind, bool) {
	v, ok := k[rel+"."+name]
	return v, ok
}

// TestTyper: Options.Types types what XML leaves untyped, keeps the text,
// leaves unknown properties and text that is not of its kind alone, and
// does nothing to JSON.
func TestTyper(t *testing.T) {
	types := kinds{
		"r.n": KindNumber, "r.s": KindString, "r.d": KindString, "r.b": KindBool, "r.l": KindNumber,
		"r.t": KindDate, "r.bad": KindNumber, "r.z": KindNumber, "e.n": KindNumber, ".n": KindNumber,
	}
	const body = `<resource xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa" rel="r">` +
		`<property name="n">7</property><property name="s">True</property>` +
		`<property name="d">2015-07-14T20:54:03.7675175-05:00</property><property name="b">False</property>` +
		`<propertyList name="l"><item>1</item><item>-20</item><item>x</item></propertyList>` +
		`<property name="t">2015-07-14T20:54:03Z</property><property name="bad">07</property>` +
		`<property name="z"/><property name="u">8</property>` +
		`<resource rel="e"><property name="n">9</property></resource></resource>`
	r, err := Options{Types: types}.DecodeResource([]byte(body), XML)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Kind{"n": KindNumber, "s": KindString, "d": KindString, "b": KindBool, "t": KindDate,
		"bad": KindString, "z": KindNull, "u": KindString}
	for name, k := range want {
		if v, _ := r.Get(name); v.Kind() != k {
			t.Errorf("%s: %v, want %v", name, v.Kind(), k)
		}
	}
	l, _ := r.Get("l")
	if got := []Kind{l.List()[0].Kind(), l.List()[1].Kind(), l.List()[2].Kind()}; got[0] != KindNumber ||
		got[1] != KindNumber || got[2] != KindString {
		t.Errorf("list items: %v", got)
	}
	if v, _ := r.Embedded[0].Get("n"); v.Kind() != KindNumber {
		t.Errorf("embedded n: %v", v.Kind())
	}
	plain, _ := DecodeResource([]byte(body), XML)
	want1, _ := plain.AppendXML(nil)
	if xml, err := r.AppendXML(nil); err != nil || string(xml) != string(want1) {
		t.Errorf("typed body re-encodes as %s (%v), want %s", xml, err, want1)
	}
	js, _ := r.AppendJSON(nil)
	if !strings.Contains(string(js), `"n":7,"s":"True","d":"2015-07-14T20:54:03.7675175-05:00"`) {
		t.Errorf("JSON: %s", js)
	}
	in, err := Options{Types: types}.DecodeInput(
		[]byte(`<input xmlns="`+Namespace+`"><property name="n">3</property></input>`), XML)
	if v, _ := in.Get("n"); err != nil || v.Kind() != KindNumber {
		t.Errorf("input n: %v (%v)", v.Kind(), err)
	}
	rj, err := Options{Types: types}.DecodeResource([]byte(`{"rel":"r","n":"7"}`), JSON)
	if v, _ := rj.Get("n"); err != nil || v.Kind() != KindString {
		t.Errorf("JSON n: %v (%v), want it untouched", v.Kind(), err)
	}
	ev, err := Options{Types: types}.DecodeEvents([]byte(`<events xmlns="`+Namespace+`" href="/e">`+
		`<sender rel="s" href="/s"><updated rel="e" href="/x"><resource rel="e" href="/x">`+
		`<property name="n">5</property></resource></updated></sender></events>`), XML)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := ev.Senders[0].Events[0].Resource.Get("n"); v.Kind() != KindNumber {
		t.Errorf("event resource n: %v", v.Kind())
	}
}
