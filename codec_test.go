package ucwa

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// The seed page's examples, byte for byte but for its line breaks and
// indentation.
const (
	seedJSON = `{"operationId":"74cb7404e0a247d5a2d4eb0376a47dbf","phoneNumber":"tel:+14255551234"}`
	seedXML  = `<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
		`<property name="operationId">74cb7404e0a247d5a2d4eb0376a47dbf</property><property name="phoneNumber">` +
		`tel:+14255551234</property></input>`

	// As the page shows them, with its line breaks.
	seedJSONPage = "{\n\"operationId\" : \"74cb7404e0a247d5a2d4eb0376a47dbf\",\n\"phoneNumber\" : " +
		"\"tel:+14255551234\"\n}\n"
	seedXMLPage = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<input " +
		"xmlns=\"http://schemas.microsoft.com/rtc/2012/03/ucwa\">\n<property name=\"operationId\">" +
		"74cb7404e0a247d5a2d4eb0376a47dbf</property>\n<property name=\"phoneNumber\">tel:+14255551234</property>" +
		"\n</input>\n"
)

var seedInput = Input{Properties: []Property{
	Prop("operationId", String("74cb7404e0a247d5a2d4eb0376a47dbf")),
	Prop("phoneNumber", String("tel:+14255551234")),
}}

var seedTyped = ContinuePhoneAudio{OperationID: "74cb7404e0a247d5a2d4eb0376a47dbf", PhoneNumber: "tel:+14255551234"}

var valueCmp = cmp.AllowUnexported(Value{}, Resource{}, Input{}, Error{}, Link{}, Events{}, Sender{}, Event{})

func TestSeedEncode(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    Format
		enc  func([]byte) ([]byte, error)
		want string
	}{
		{"bag/json", JSON, seedInput.AppendJSON, seedJSON},
		{"bag/xml", XML, seedInput.AppendXML, seedXML},
		{"typed/json", JSON, seedTyped.AppendJSON, seedJSON},
		{"typed/xml", XML, seedTyped.AppendXML, seedXML},
	} {
		got, err := tc.enc([]byte("prefix"))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if string(got) != "prefix"+tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	typed := seedTyped.Input()
	if d := cmp.Diff(seedInput, typed, valueCmp); d != "" {
		t.Errorf("ContinuePhoneAudio.Input() differs (-want +got):\n%s", d)
	}
}

func TestSeedDecode(t *testing.T) {
	for _, tc := range []struct {
		f    Format
		body string
	}{
		{JSON, seedJSON}, {JSON, seedJSONPage}, {XML, seedXML}, {XML, seedXMLPage},
		{JSON, "\uFEFF" + seedJSON}, {XML, "\uFEFF" + seedXMLPage},
	} {
		got, err := DecodeInput([]byte(tc.body), tc.f)
		if err != nil {
			t.Fatalf("%v %q: %v", tc.f, tc.body, err)
		}
		if d := cmp.Diff(seedInput, got, valueCmp); d != "" {
			t.Errorf("%v %q (-want +got):\n%s", tc.f, tc.body, d)
		}
	}
}

func TestAppendAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	res,
		err := DecodeResource([]byte(
		`{"rel":"phones","n":1,"b":true,"l":["a","b"],"_links":{"self":{"href":"/x"},"p":[{"href":"/p1","title":"T"},`+
			`{"href":"/p2"}]},"_embedded":{"phone":[{"rel":"phone","number":"tel:+1\"<&>",`+
			`"_links":{"self":{"href":"/p/1"}}}]}}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	ev,
		err := DecodeEvents([]byte(
		`{"_links":{"self":{"href":"/e?ack=1"},"next":{"href":"/e?ack=2"}},"sender":[{"rel":"me","href":"/me",`+
			`"events":[{"link":{"rel":"me","href":"/me"},"type":"updated"}]}]}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	e := &Error{Code: CodeConflict, Subcode: "AlreadyExists", Message: "x <y>", hasDebugInfo: true}
	in := Input{Properties: []Property{Prop("to", String("sip:a@b")), Prop("n", Int(3)),
		Prop("l", List(String("a"), Bool(true)))},
		Links: []Link{{Rel: "message", Href: "data:text/plain,Hello+World"}}}
	dst := make([]byte, 0, 4096)
	for _, tc := range []struct {
		name string
		fn   func([]byte) ([]byte, error)
	}{
		{"ContinuePhoneAudio.AppendJSON", seedTyped.AppendJSON},
		{"ContinuePhoneAudio.AppendXML", seedTyped.AppendXML},
		{"Input.AppendJSON", in.AppendJSON},
		{"Input.AppendXML", in.AppendXML},
		{"Resource.AppendJSON", res.AppendJSON},
		{"Resource.AppendXML", res.AppendXML},
		{"Events.AppendJSON", ev.AppendJSON},
		{"Events.AppendXML", ev.AppendXML},
		{"Error.AppendJSON", e.AppendJSON},
		{"Error.AppendXML", e.AppendXML},
	} {
		if _, err := tc.fn(dst[:0]); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if n := testing.AllocsPerRun(100, func() { tc.fn(dst[:0]) }); n != 0 {
			t.Errorf("%s: %v allocations, want 0", tc.name, n)
		}
	}
}

// TestEncodeRefusesWhatCannotBeCarried: a value that the format cannot carry
// is an error naming the property, and nothing is written.
func TestEncodeRefusesWhatCannotBeCarried(t *testing.T) {
	for _, tc := range []struct {
		at       string
		in       Input
		json     bool // JSON refuses it too
		wantPath string
	}{
		{testkit.Where(), Input{Properties: []Property{Prop("phoneNumber", String("a\x00b"))}}, true, "/phoneNumber"},
		{testkit.Where(), Input{Properties: []Property{Prop("phoneNumber", String("a\x1bb"))}}, false, "/phoneNumber"},
		{testkit.Where(), Input{Properties: []Property{Prop("p", String("a\x01"))}}, false, "/p"},
		{testkit.Where(), Input{Properties: []Property{Prop("p", String("\uFFFE"))}}, false, "/p"},
		{testkit.Where(), Input{Properties: []Property{Prop("p", String("\uFFFF"))}}, false, "/p"},
		{testkit.Where(), Input{Properties: []Property{Prop("p", String("ok\xffbad"))}}, true, "/p"},
		{testkit.Where(), Input{Properties: []Property{Prop("bad\xc3", String("v"))}}, true, "/bad\xc3"},
		{testkit.Where(), Input{Properties: []Property{Prop("p", List(String("a"), String("\x02")))}}, false, "/p/1"},
		{testkit.Where(), Input{Properties: []Property{Prop("p", String("a")), Prop("p", String("b"))}}, true, "/p"},
		{testkit.Where(), Input{Properties: []Property{Prop("p", Value{})}}, true, "/p"},
		{testkit.Where(), Input{Links: []Link{{Rel: "message", Href: "data:,\x00"}}}, true, ""},
	} {
		for _, f := range []Format{JSON, XML} {
			if f == JSON && !tc.json {
				if _, err := tc.in.AppendJSON(nil); err != nil {
					t.Errorf("%s: JSON refused a value it can carry: %v", tc.at, err)
				}
				continue
			}
			out, err := tc.in.Append([]byte("keep"), f)
			var ee *EncodeError
			if !errors.As(err, &ee) || !errors.Is(err, ErrInvalidValue) {
				t.Errorf("%s %v: got %v (%q), want an EncodeError wrapping ErrInvalidValue", tc.at, f, err, out)
				continue
			}
			if string(out) != "keep" {
				t.Errorf("%s %v: wrote %q on failure", tc.at, f, out)
			}
			if tc.wantPath != "" && !strings.Contains(ee.Path, tc.wantPath) {
				t.Errorf("%s %v: error %q does not name %q", tc.at, f, err, tc.wantPath)
			}
			if !strings.HasPrefix(err.Error(), "ucwa: ") {
				t.Errorf("%s: message %q lacks the ucwa: prefix", tc.at, err)
			}
		}
	}
}

// TestMarkupRoundTrips: markup in values is escaped and comes back unchanged.
func TestMarkupRoundTrips(t *testing.T) {
	hostile := []string{
		`</property><property name="admin">true`,
		`<![CDATA[x]]>`, `]]>`, `&amp;&lt;`, `"'`, "tab\tcr\rlf\ncrlf\r\n", " lead and trail ",
		`\/Date(0)\/`, "/Date(0)/", "\u2028\u2029", "😀", "\x7f\u0085", "",
	}
	for _, s := range hostile {
		in := Input{
			Properties: []Property{Prop("p", String(s)), Prop(s+"name", String("v")), Prop("list", List(String(s)))},
			Links: []Link{{Rel: "message", Href: s, Attrs: []Property{Prop("title", String(s)),
				Prop("etag", String(s))}}},
		}
		for _, f := range []Format{JSON, XML} {
			b, err := in.Marshal(f)
			if err != nil {
				t.Fatalf("%v %q: %v", f, s, err)
			}
			got, err := DecodeInput(b, f)
			if err != nil {
				t.Fatalf("%v %q: %v\n%s", f, s, err, b)
			}
			if d := cmp.Diff(in, got, valueCmp); d != "" {
				t.Errorf("%v %q (-want +got):\n%s\n%s", f, s, d, b)
			}
		}
	}
}
