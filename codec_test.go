package ucwa

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// The seed page's examples, byte for byte but for its line breaks and
// indentation.
const (
	seedJSON = `{"operationId":"74cb7404e0a247d5a2d4eb0376a47dbf","phoneNumber":"tel:+14255551234"}`
	seedXML  = `<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="operationId">74cb7404e0a247d5a2d4eb0376a47dbf</property><property name="phoneNumber">tel:+14255551234</property></input>`

	// As the page shows them, with its line breaks.
	seedJSONPage = "{\n\"operationId\" : \"74cb7404e0a247d5a2d4eb0376a47dbf\",\n\"phoneNumber\" : \"tel:+14255551234\"\n}\n"
	seedXMLPage  = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<input xmlns=\"http://schemas.microsoft.com/rtc/2012/03/ucwa\">\n<property name=\"operationId\">74cb7404e0a247d5a2d4eb0376a47dbf</property>\n<property name=\"phoneNumber\">tel:+14255551234</property>\n</input>\n"
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
	res, err := DecodeResource([]byte(`{"rel":"phones","n":1,"b":true,"l":["a","b"],"_links":{"self":{"href":"/x"},"p":[{"href":"/p1","title":"T"},{"href":"/p2"}]},"_embedded":{"phone":[{"rel":"phone","number":"tel:+1\"<&>","_links":{"self":{"href":"/p/1"}}}]}}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := DecodeEvents([]byte(`{"_links":{"self":{"href":"/e?ack=1"},"next":{"href":"/e?ack=2"}},"sender":[{"rel":"me","href":"/me","events":[{"link":{"rel":"me","href":"/me"},"type":"updated"}]}]}`), JSON)
	if err != nil {
		t.Fatal(err)
	}
	e := &Error{Code: CodeConflict, Subcode: "AlreadyExists", Message: "x <y>", hasDebugInfo: true}
	in := Input{Properties: []Property{Prop("to", String("sip:a@b")), Prop("n", Int(3)), Prop("l", List(String("a"), Bool(true)))},
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
			Links:      []Link{{Rel: "message", Href: s, Attrs: []Property{Prop("title", String(s)), Prop("etag", String(s))}}},
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

func TestDecodeErrors(t *testing.T) {
	deep := func(n int, open, close string) string { return strings.Repeat(open, n) + strings.Repeat(close, n) }
	for _, tc := range []struct {
		at      string
		f       Format
		body    string
		want    error
		offset  int
		path    string
		resOnly bool // decode as a resource rather than an input
	}{
		{testkit.Where(), JSON, ``, ErrSyntax, 0, "", false},
		{testkit.Where(), JSON, `   `, ErrSyntax, 3, "", false},
		{testkit.Where(), JSON, `{"a":1`, ErrSyntax, 6, "", false},
		{testkit.Where(), JSON, `{"a":1}x`, ErrTrailingData, 7, "", false},
		{testkit.Where(), JSON, `{"a":1}{}`, ErrTrailingData, 7, "", false},
		{testkit.Where(), JSON, `{"a":1,"a":2}`, ErrDuplicateName, 7, "", false},
		{testkit.Where(), JSON, `{"a":{"b":1,"b":2}}`, ErrDuplicateName, 12, "/a", false},
		{testkit.Where(), JSON, `{"a":"\u0000"}`, ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, "{\"a\":\"\x00\"}", ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, "{\"a\":\"\xff\"}", ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, `{"a":"\ud800"}`, ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, `{"a":"\udc00\ud800"}`, ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, `{"a":01}`, ErrSyntax, 6, "", false},
		{testkit.Where(), JSON, `{"a":1.}`, ErrSyntax, 7, "/a", false},
		{testkit.Where(), JSON, `{"a":-}`, ErrSyntax, 6, "/a", false},
		{testkit.Where(), JSON, `{"a":tru}`, ErrSyntax, 5, "/a", false},
		{testkit.Where(), JSON, `{"a":[1,]}`, ErrSyntax, 8, "/a/1", false},
		{testkit.Where(), JSON, `{"a":"x\q"}`, ErrSyntax, 7, "/a", false},
		{testkit.Where(), JSON, `{a:1}`, ErrSyntax, 1, "", false},
		{testkit.Where(), JSON, `["a"]`, ErrSyntax, 0, "", false},
		{testkit.Where(), JSON, `{"_links":{"self":"/a"}}`, ErrStructure, 18, "/_links/self", false},
		{testkit.Where(), JSON, `{"_links":{"self":[{"href":"/a"},null]}}`, ErrStructure, 33, "/_links/self/1", false},
		{testkit.Where(), JSON, `{"_links":["/a"]}`, ErrStructure, 10, "/_links", false},
		{testkit.Where(), JSON, `{"_embedded":{"a":[1]}}`, ErrStructure, 19, "/_embedded/a/0", true},
		{testkit.Where(), JSON, `{"_embedded":"a"}`, ErrStructure, 13, "/_embedded", true},
		{testkit.Where(), JSON, `{"_embedded":{}}`, ErrStructure, 1, "", false},
		{testkit.Where(), JSON, `{"a":` + deep(DefaultMaxDepth, "[", "]") + `}`, ErrTooDeep, 5 + DefaultMaxDepth - 1, "", false},
		{testkit.Where(), XML, ``, ErrSyntax, 0, "", false},
		{testkit.Where(), XML, `<input xmlns="urn:other"/>`, ErrNamespace, 0, "", false},
		{testkit.Where(), XML, `<input/>`, ErrNamespace, 0, "", false},
		{testkit.Where(), XML, `<?xml version="1.0"?><!DOCTYPE input [<!ENTITY x "y">]><input/>`, ErrDTD, 21, "", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">&x;</property></input>`, ErrDTD, 80, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">&#0;</property></input>`, ErrSyntax, 80, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">` + "\x00" + `</property></input>`, ErrSyntax, 80, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">` + "\x1b" + `</property></input>`, ErrSyntax, 80, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">` + "\xff" + `</property></input>`, ErrSyntax, 80, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">1</property><property name="a">2</property></input>`, ErrDuplicateName, 92, "/input", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"></input><input/>`, ErrTrailingData, 69, "", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property name="a">x</propertyList></input>`, ErrSyntax, 81, "/input/property", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><bogus/></input>`, ErrStructure, 61, "/input", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property>x</property></input>`, ErrStructure, 61, "/input", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `" a="1" a="2"/>`, ErrSyntax, 67, "", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `" xmlns="` + Namespace + `"/>`, ErrSyntax, 61, "", false},
		{testkit.Where(), XML, `<input xmlns:a="urn:a" xmlns:a="urn:a" xmlns="` + Namespace + `"/>`, ErrSyntax, 23, "", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `"><property xmlns:a="urn:a" name="a" xmlns:a="urn:b">1</property></input>`, ErrSyntax, 96, "/input", false},
		{testkit.Where(), XML, `<x:events xmlns:x="` + Namespace + `"/>`, ErrStructure, 0, "", true},
		{testkit.Where(), XML, "<?\x8c0?><input xmlns=\"" + Namespace + "\"/>", ErrSyntax, 2, "", false},
		{testkit.Where(), XML, "<input\xff xmlns=\"" + Namespace + "\"/>", ErrSyntax, 6, "", false},
		{testkit.Where(), XML, `<input xmlns="` + Namespace + `">` + deep(DefaultMaxDepth, "<property name=\"a\">", "</property>") + `</input>`, ErrTooDeep, 61 + 19*(DefaultMaxDepth-1), "", false},
	} {
		var err error
		if tc.resOnly {
			_, err = DecodeResource([]byte(tc.body), tc.f)
		} else {
			_, err = DecodeInput([]byte(tc.body), tc.f)
		}
		var de *DecodeError
		if !errors.As(err, &de) {
			t.Errorf("%s: got %v, want a DecodeError", tc.at, err)
			continue
		}
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.at, err, tc.want)
		}
		if de.Offset != int64(tc.offset) {
			t.Errorf("%s: offset %d, want %d (%v)", tc.at, de.Offset, tc.offset, err)
		}
		if !strings.HasPrefix(de.Path, tc.path) {
			t.Errorf("%s: path %q, want %q (%v)", tc.at, de.Path, tc.path, err)
		}
		if !strings.HasPrefix(err.Error(), "ucwa: ") {
			t.Errorf("%s: message %q lacks the ucwa: prefix", tc.at, err)
		}
	}
}

// TestLimits tests the depth and size limits at N and N+1.
func TestLimits(t *testing.T) {
	nest := func(n int) string { // n levels of objects and arrays in all
		return `{"a":` + strings.Repeat("[", n-1) + strings.Repeat("]", n-1) + `}`
	}
	nestXML := func(n int) string { // n levels of elements in all
		return `<input xmlns="` + Namespace + `">` + strings.Repeat(`<property name="a">`, n-1) + strings.Repeat(`</property>`, n-1) + `</input>`
	}
	for _, depth := range []int{0, 3, 16, MaxDepthLimit, 1 << 30} {
		o := Options{MaxDepth: depth}
		limit := o.maxDepth()
		for _, tc := range []struct {
			f    Format
			body func(int) string
		}{{JSON, nest}, {XML, nestXML}} {
			if _, err := o.DecodeInput([]byte(tc.body(limit)), tc.f); err != nil {
				t.Errorf("%v depth %d at limit %d: %v", tc.f, limit, limit, err)
			}
			if _, err := o.DecodeInput([]byte(tc.body(limit+1)), tc.f); !errors.Is(err, ErrTooDeep) {
				t.Errorf("%v depth %d over limit %d: got %v, want ErrTooDeep", tc.f, limit+1, limit, err)
			}
		}
	}
	body := []byte(seedJSON)
	if _, err := (Options{MaxSize: len(body)}).DecodeInput(body, JSON); err != nil {
		t.Errorf("body at MaxSize: %v", err)
	}
	if _, err := (Options{MaxSize: len(body) - 1}).DecodeInput(body, JSON); !errors.Is(err, ErrTooLarge) {
		t.Errorf("body over MaxSize: got %v, want ErrTooLarge", err)
	}
	if DefaultMaxSize >= 64<<20 || DefaultMaxDepth > 512 {
		t.Errorf("defaults too lax: size %d, depth %d", DefaultMaxSize, DefaultMaxDepth)
	}
	huge := make([]byte, DefaultMaxSize+1)
	if _, err := DecodeResource(huge, XML); !errors.Is(err, ErrTooLarge) {
		t.Errorf("body of DefaultMaxSize+1: got %v, want ErrTooLarge", err)
	}
}

func TestResponseError(t *testing.T) {
	for _, tc := range []struct {
		at          string
		status      int
		ct, body    string
		code        Code
		subcode     Subcode
		message     string
		notUCWA     bool
		causeSyntax bool
	}{
		{testkit.Where(), 409, "application/json", `{"code":"Conflict","subcode":"AlreadyExists","message":"The requested resource already exists."}`, CodeConflict, "AlreadyExists", "The requested resource already exists.", false, false},
		{testkit.Where(), 409, "application/json; charset=utf-8", "\uFEFF" + `{"code":"Conflict","subcode":"TooManyGroups"}`, CodeConflict, "TooManyGroups", "", false, false},
		{testkit.Where(), 409, "application/xml", `<?xml version="1.0" encoding="utf-8"?>
<reason xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">
 <code>Conflict</code>
 <subcode>AlreadyExists</subcode>
 <message>The requested resource already exists. Please wait and try again.</message>
 <debugInfo />
 <parameters />
</reason>`, CodeConflict, "AlreadyExists", "The requested resource already exists. Please wait and try again.", false, false},
		{testkit.Where(), 500, "", `{"code":"ServiceFailure","subcode":"CallbackChannelError","brandNew":7}`, CodeServiceFailure, "CallbackChannelError", "", false, false},
		{testkit.Where(), 418, "application/vnd.microsoft.com.ucwa.error+json", `{"code":"Teapot","subcode":"Short"}`, "Teapot", "Short", "", false, false},
		{testkit.Where(), 502, "text/html", `<html><body>Bad gateway</body></html>`, "", "", "", true, false},
		{testkit.Where(), 503, "application/json", ``, CodeServiceUnavailable, "", "", true, false},
		{testkit.Where(), 500, "application/json", `{"code":"ServiceFail`, CodeServiceFailure, "", "", true, true},
		{testkit.Where(), 404, "application/json", `{"subcode":"ApplicationNotFound"}`, CodeNotFound, "", "", true, false},
		{testkit.Where(), 409, "application/json; charset=iso-8859-1", `{"code":"Conflict"}`, CodeConflict, "", "", true, false},
		{testkit.Where(), 409, "", `not a body`, CodeConflict, "", "", true, false},
	} {
		e := ResponseError(tc.status, tc.ct, []byte(tc.body))
		if e == nil {
			t.Fatalf("%s: nil", tc.at)
		}
		if e.Status != tc.status || e.Code != tc.code || e.Subcode != tc.subcode || e.Message != tc.message {
			t.Errorf("%s: got status %d code %q subcode %q message %q", tc.at, e.Status, e.Code, e.Subcode, e.Message)
		}
		if got := errors.Is(e, ErrNotUCWA); got != tc.notUCWA {
			t.Errorf("%s: errors.Is(ErrNotUCWA) = %v (%v)", tc.at, got, e)
		}
		if got := errors.Is(e, ErrSyntax); got != tc.causeSyntax {
			t.Errorf("%s: errors.Is(ErrSyntax) = %v (%v)", tc.at, got, e)
		}
		if tc.code != "" && !errors.Is(e, tc.code) {
			t.Errorf("%s: errors.Is(%q) is false", tc.at, tc.code)
		}
		if tc.subcode != "" && !errors.Is(e, tc.subcode) {
			t.Errorf("%s: errors.Is(%q) is false", tc.at, tc.subcode)
		}
		if !strings.HasPrefix(e.Error(), "ucwa: ") {
			t.Errorf("%s: %q", tc.at, e.Error())
		}
	}
}

// TestErrorBodyRoundTrip: error bodies encode (for tests and fake servers) and
// decode back, in both formats.
func TestErrorBodyRoundTrip(t *testing.T) {
	e := &Error{Code: CodeBadRequest, Subcode: "ParameterValidationFailure", Message: "to <is> missing & more",
		Link:       &Link{Href: "https://example.com/help"},
		Parameters: []Property{Prop("to", String("missing"))}, DebugInfo: []Property{Prop("diagnostics", String("x")), Prop("n", String("1"))},
		Extra: []Property{Prop("future", String("kept"))}, hasParameters: true, hasDebugInfo: true}
	for _, f := range []Format{JSON, XML} {
		b, err := e.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeErrorBody(b, f)
		if err != nil {
			t.Fatalf("%v: %v\n%s", f, err, b)
		}
		if d := cmp.Diff(e, got, valueCmp); d != "" {
			t.Errorf("%v (-want +got):\n%s\n%s", f, d, b)
		}
	}
	// Extra names may not repeat, in either format: the decoders refuse it.
	e.Extra = append(e.Extra, Prop("future", String("again")))
	for _, f := range []Format{JSON, XML} {
		if _, err := e.Marshal(f); !errors.Is(err, ErrInvalidValue) {
			t.Errorf("%v: a repeated extra name: %v", f, err)
		}
	}
}

// TestJSONGroupsByRel: links (and embedded resources) of one rel are written
// together, where the rel first appears, whatever their order in the model.
func TestJSONGroupsByRel(t *testing.T) {
	r := Resource{Links: []Link{{Rel: "a", Href: "/1"}, {Rel: "b", Href: "/2"}, {Rel: "a", Href: "/3"}, {Rel: "c", Href: "/4", InArray: true}},
		Embedded: []Resource{{Rel: "x"}, {Rel: "y"}, {Rel: "x"}}}
	got, err := r.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"_links":{"a":[{"href":"/1"},{"href":"/3"}],"b":{"href":"/2"},"c":[{"href":"/4"}]},"_embedded":{"x":[{},{}],"y":{}}}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestRepeatedNames: repeated names are refused whatever the size of the bag
// (small bags, the fixed set, and the map past it).
func TestRepeatedNames(t *testing.T) {
	for _, n := range []int{2, 9, nameSetMax, nameSetMax + 1, 200} {
		ps := make([]Property, n)
		for i := range ps {
			ps[i] = Prop(fmt.Sprint("p", i), Int(int64(i)))
		}
		in := Input{Properties: ps}
		for _, f := range []Format{JSON, XML} {
			if _, err := in.Marshal(f); err != nil {
				t.Errorf("%d distinct names, %v: %v", n, f, err)
			}
		}
		ps[n-1].Name = "p0"
		for _, f := range []Format{JSON, XML} {
			if _, err := in.Marshal(f); !errors.Is(err, ErrInvalidValue) {
				t.Errorf("%d names with a repeat, %v: got %v", n, f, err)
			}
		}
	}
}

// TestDuplicateNamesLarge: repeats are found in objects of any size, at the
// offset of the repeated name.
func TestDuplicateNamesLarge(t *testing.T) {
	for _, n := range []int{smallObject, smallObject + 1, 100} {
		var b strings.Builder
		b.WriteString(`{`)
		for i := range n {
			fmt.Fprintf(&b, `"p%d":%d,`, i, i)
		}
		at := b.Len()
		b.WriteString(`"p0":0}`)
		_, err := DecodeInput([]byte(b.String()), JSON)
		var de *DecodeError
		if !errors.As(err, &de) || !errors.Is(err, ErrDuplicateName) || de.Offset != int64(at) {
			t.Errorf("%d members then a repeat: got %v, want ErrDuplicateName at %d", n, err, at)
		}
	}
}

// TestDuplicateNamesInterned: a repeat is found whether the names are in the
// intern table (found by index) or not (compared), plain or escaped, in
// objects of any size; the same names in nested and sibling objects are not
// repeats.
func TestDuplicateNamesInterned(t *testing.T) {
	escape := func(s string) string { return `\u00` + strconv.FormatInt(int64(s[0]), 16) + s[1:] }
	for _, n := range []int{1, smallObject - 1, smallObject, smallObject + 1, 100} {
		for _, k := range []int{0, n / 2, n - 1} {
			for _, interned := range []bool{true, false} {
				names := make([]string, n)
				for i := range names {
					names[i] = "p" + strconv.Itoa(i)
					if interned == (i%3 != 1) { // a mix, mostly of the kind
						names[i] = internedNames[i*4]
					}
				}
				for _, esc := range []string{"", "first", "repeat"} {
					var b strings.Builder
					b.WriteString(`{`)
					for i, name := range names {
						if esc == "first" && i == k {
							name = escape(name)
						}
						fmt.Fprintf(&b, `"%s":{"%s":%d,"q":[{"%s":1}]},`, name, name, i, name)
					}
					at, repeat := b.Len(), names[k]
					if esc == "repeat" {
						repeat = escape(repeat)
					}
					body := b.String()
					_, err := DecodeInput([]byte(body[:len(body)-1]+"}"), JSON)
					if err != nil {
						t.Fatalf("%d names, no repeat: %v", n, err)
					}
					body += `"` + repeat + `":0}`
					_, err = DecodeInput([]byte(body), JSON)
					var de *DecodeError
					if !errors.As(err, &de) || !errors.Is(err, ErrDuplicateName) || de.Offset != int64(at) {
						t.Errorf("%d names (interned %v, escaped %q), then %q: got %v, want ErrDuplicateName at %d",
							n, interned, esc, repeat, err, at)
					}
				}
			}
		}
	}
}

// TestDecodeAllocs bounds the allocations of a decode: the string arena and a
// few slabs, however many resources, links and properties the body holds (the
// stacks are pooled).
func TestDecodeAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	for _, tc := range []struct {
		file string
		f    Format
	}{
		{"application.GET.json-response.http", JSON},
		{"application.GET.xml-response.http", XML},
	} {
		body := referenceExample(t, tc.file).Body
		if _, err := DecodeResource(body, tc.f); err != nil {
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(50, func() { DecodeResource(body, tc.f) }); n > 8 {
			t.Errorf("%s: %v allocations, want at most 8", tc.file, n)
		}
	}
}

// TestSlabsLearn: a pooled decoder sizes its first slabs from the last body
// it read, in proportion to the lengths; a body needing more than that gets
// a further slab twice as large, and one with no history the fixed guess.
// Every slab is rounded up to the allocator's size class (roundCap).
func TestSlabsLearn(t *testing.T) {
	var s slabs
	s.start(960)
	if got := s.keepProps(make([]Property, 1)); cap(got) != 1 || cap(s.props) != roundCap[Property](960/96) {
		t.Fatalf("no history: slab of %d, want %d", cap(s.props), roundCap[Property](960/96))
	}
	s.keepProps(make([]Property, cap(s.props)-1)) // the slab is full
	first := cap(s.props)
	s.keepProps(make([]Property, 1))
	if cap(s.props) != roundCap[Property](2*first) {
		t.Fatalf("second slab of %d, want %d", cap(s.props), roundCap[Property](2*first))
	}
	s.keepLinks(make([]Link, 3))
	s.keep([]byte("abcdef"))
	s.finish()
	if s.props != nil || s.links != nil || s.strs.Len() != 0 {
		t.Fatal("finish kept the slabs")
	}
	s.start(1920) // twice as long: 22 properties, 6 links, 12 string bytes expected
	s.keepProps(make([]Property, 1))
	s.keepLinks(make([]Link, 1))
	s.keep([]byte("x"))
	lastProps := first + 1
	if want := roundCap[Property](2 * lastProps); cap(s.props) != want { // in proportion: the margin of 1/64 is 0 here
		t.Errorf("learned props slab of %d, want %d", cap(s.props), want)
	}
	if want := roundCap[Link](6); cap(s.links) != want { // 6 + 6/64
		t.Errorf("learned links slab of %d, want %d", cap(s.links), want)
	}
	if want := 12; s.strs.Cap() < want || s.strs.Cap() > 2*want {
		t.Errorf("learned string arena of %d bytes, want about %d", s.strs.Cap(), want)
	}
	s.keepResources(make([]Resource, 1))
	if want := roundCap[Resource](max(1920/384, minSlab)); cap(s.res) != want {
		t.Errorf("a kind the last body did not need: slab of %d, want the guess %d", cap(s.res), want)
	}

	// A small body dense with list items, then a large sparse one: the
	// large one's first slab is the guess, not 10,000 times the small one's.
	s.finish()
	s.start(100)
	s.keepValues(make([]Value, 50))
	s.finish()
	s.start(1 << 20)
	s.keepValues(make([]Value, 1))
	if want := roundCap[Value]((1 << 20) / 768); cap(s.vals) != want {
		t.Errorf("after a dense small body: slab of %d values, want the guess %d", cap(s.vals), want)
	}
}

// roundCap is the capacity append gives a slice grown from nil to n items:
// n rounded up to the allocator's size class.
func roundCap[T any](n int) int { return cap(slices.Grow([]T(nil), n)) }

// TestGroupsOfLongLists: grouping by rel holds for long lists with few rels,
// past any small index width.
func TestGroupsOfLongLists(t *testing.T) {
	var r Resource
	for i := range 600 {
		r.Links = append(r.Links, Link{Rel: fmt.Sprint("r", i/100), Href: fmt.Sprint("/", i)})
	}
	r.Links = append(r.Links, Link{Rel: "r0", Href: "/last"}) // r0 again, far from its run
	b, err := r.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeResource(b, JSON)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if n := len(got.LinksOf("r0")); n != 101 {
		t.Errorf("r0 has %d links, want 101", n)
	}
	if len(got.Links) != 601 {
		t.Errorf("%d links, want 601", len(got.Links))
	}
}

// TestHostileLinkOrder: links whose rels alternate (as XML may give them)
// are grouped in linear time, and none is lost.
func TestHostileLinkOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<resource xmlns="` + Namespace + `">`)
	const n = 20000
	for i := range n {
		fmt.Fprintf(&b, `<link rel="r%d" href="/%d"/>`, i%2, i)
	}
	b.WriteString(`</resource>`)
	r, err := DecodeResource([]byte(b.String()), XML)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeResource(out, JSON)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := len(back.LinksOf("r0")), len(back.LinksOf("r1")); a != n/2 || b != n/2 {
		t.Errorf("r0 %d links, r1 %d, want %d each", a, b, n/2)
	}
	if l := back.LinksOf("r1"); l[len(l)-1].Href != fmt.Sprint("/", n-1) {
		t.Errorf("last r1 link is %q", l[len(l)-1].Href)
	}
}

// TestXMLAttributeLimits tests the limits on attributes and namespace
// declarations at N and N+1, by default and as Options set them.
func TestXMLAttributeLimits(t *testing.T) {
	tag := func(attrs, decls int) string {
		var b strings.Builder
		b.WriteString(`<input xmlns="` + Namespace + `"`)
		for i := range decls - 1 { // the default namespace is one
			fmt.Fprintf(&b, ` xmlns:p%d="urn:%d"`, i, i)
		}
		for i := range attrs {
			fmt.Fprintf(&b, ` a%d="%d"`, i, i)
		}
		b.WriteString(`/>`)
		return b.String()
	}
	for _, tc := range []struct {
		o            Options
		attrs, decls int
		ok           bool
	}{
		{Options{}, DefaultMaxAttributes - 1, 1, true}, // with xmlns, exactly DefaultMaxAttributes
		{Options{}, DefaultMaxAttributes, 1, false},
		{Options{}, 0, DefaultMaxNamespaces, true},
		{Options{}, 0, DefaultMaxNamespaces + 1, false},
		{Options{MaxAttributes: 3}, 2, 1, true},
		{Options{MaxAttributes: 3}, 3, 1, false},
		{Options{MaxAttributes: 3}, 1, 2, true},
		{Options{MaxAttributes: 3}, 1, 3, false}, // declarations count as attributes
		{Options{MaxAttributes: 200}, 199, 1, true},
		{Options{MaxAttributes: 200}, 200, 1, false},
		{Options{MaxNamespaces: 2}, 0, 2, true},
		{Options{MaxNamespaces: 2}, 0, 3, false},
		{Options{MaxNamespaces: 2}, 5, 2, true}, // attributes after the last declaration
		{Options{MaxAttributes: 100}, 5, DefaultMaxNamespaces, true},
		{Options{MaxNamespaces: 100, MaxAttributes: 200}, 0, 100, true},
		{Options{MaxNamespaces: 100, MaxAttributes: 200}, 0, 101, false},
	} {
		// <input> takes no attributes: an accepted tag fails on structure.
		_, err := tc.o.DecodeInput([]byte(tag(tc.attrs, tc.decls)), XML)
		if tooLarge := errors.Is(err, ErrTooLarge); tooLarge == tc.ok {
			t.Errorf("%+v: %d attributes, %d declarations: %v", tc.o, tc.attrs, tc.decls, err)
		}
	}
}

// TestNamespaceRedeclared: a prefix, or the default namespace, may be
// declared again on a child or a sibling, only not twice in one tag.
func TestNamespaceRedeclared(t *testing.T) {
	body := `<input xmlns="` + Namespace + `" xmlns:a="urn:a">` +
		`<property xmlns="` + Namespace + `" xmlns:a="urn:b" name="x">1</property>` +
		`<property xmlns:a="urn:c" name="y">2</property></input>`
	in, err := DecodeInput([]byte(body), XML)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Properties) != 2 {
		t.Fatalf("got %d properties, want 2", len(in.Properties))
	}
}

// TestManyChildren: white space between many child elements, and many
// comments in a text, cost linear time (no text is built up piecemeal).
func TestManyChildren(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<input xmlns="` + Namespace + `"><property name="bag">`)
	for i := range 20000 {
		fmt.Fprintf(&b, "\n  <property name=\"p%d\">v</property>", i)
	}
	b.WriteString(`</property><property name="t">a`)
	for range 20000 {
		b.WriteString(`<!---->b`)
	}
	b.WriteString(`</property></input>`)
	in, err := DecodeInput([]byte(b.String()), XML)
	if err != nil {
		t.Fatal(err)
	}
	bag, _ := in.Get("bag")
	text, _ := in.Get("t")
	if len(bag.Bag()) != 20000 || len(text.Text()) != 20001 {
		t.Errorf("bag of %d, text of %d bytes", len(bag.Bag()), len(text.Text()))
	}
}

// TestEmptyGroupsKept: a rel read as an empty array under "_links" or
// "_embedded" is written back, and yields to links added under it later.
func TestEmptyGroupsKept(t *testing.T) {
	// Empty arrays are written after the other rels (here they are last).
	body := `{"rel":"x","_links":{"self":{"href":"/x"},"a":[]},"_embedded":{"c":{"rel":"c"},"b":[]}}`
	r, err := DecodeResource([]byte(body), JSON)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.AppendJSON(nil)
	if err != nil || string(out) != body {
		t.Errorf("got %s, %v\nwant %s", out, err, body)
	}
	r.Links = append(r.Links, Link{Rel: "a", Href: "/a", InArray: true})
	out, err = r.AppendJSON(nil)
	want := `{"rel":"x","_links":{"self":{"href":"/x"},"a":[{"href":"/a"}]},"_embedded":{"c":{"rel":"c"},"b":[]}}`
	if err != nil || string(out) != want {
		t.Errorf("got %s, %v\nwant %s", out, err, want)
	}

	// An input keeps them too, "_links" coming after its properties.
	for body, want := range map[string]string{
		`{"a":1,"_links":{"m":{"href":"/m"},"e":[]}}`: `{"a":1,"_links":{"m":{"href":"/m"},"e":[]}}`,
		`{"_links":{"e":[]},"a":1}`:                   `{"a":1,"_links":{"e":[]}}`,
		`{"_links":{"e":[],"f":[]}}`:                  `{"_links":{"e":[],"f":[]}}`,
	} {
		in, err := DecodeInput([]byte(body), JSON)
		if err != nil {
			t.Fatal(err)
		}
		if out, err := in.AppendJSON(nil); err != nil || string(out) != want {
			t.Errorf("input %s: got %s, %v\nwant %s", body, out, err, want)
		}
	}
}

// TestTypedMatchesBag: ContinuePhoneAudio writes what the equivalent Input
// writes, whatever its strings hold, and refuses what it refuses, but for
// an input Validate refuses, which only the typed form refuses.
func TestTypedMatchesBag(t *testing.T) {
	for _, s := range []string{"", "tel:+14255551234", `a"b`, `<&>`, "é😀", "tab\tcr\r", "bad\xff", "nul\x00", "esc\x1b", strings.Repeat("x", 100)} {
		for _, c := range []ContinuePhoneAudio{{s, "p" + s}, {s, ""}, {"", s}} {
			in := c.Input()
			invalid := c.Validate()
			for _, f := range []Format{JSON, XML} {
				got, err1 := c.Append([]byte("pre"), f)
				want, err2 := in.Append([]byte("pre"), f)
				switch {
				case invalid != nil:
					if !errors.Is(err1, ErrInvalidInput) || string(got) != "pre" {
						t.Errorf("%v %q: typed %q (%v), want ErrInvalidInput", f, c, got, err1)
					}
				case string(got) != string(want) || (err1 == nil) != (err2 == nil):
					t.Errorf("%v %q: typed %q (%v), bag %q (%v)", f, c, got, err1, want, err2)
				}
			}
		}
	}
}

// TestLinkTitle: a link's title is an attribute, in Attrs with the others
// in the order they came, that Title reads; a link may have an empty title,
// which is not the same as none; and it encodes back where it was.
func TestLinkTitle(t *testing.T) {
	for _, tc := range []struct {
		f         Format
		body      string
		title     string
		has       bool
		attrs     []string
		reencoded string // "" for body itself
	}{
		{JSON, `{"_links":{"self":{"href":"/a","title":"T"}}}`, "T", true, []string{"title"}, ""},
		{JSON, `{"_links":{"self":{"href":"/a","title":""}}}`, "", true, []string{"title"}, ""},
		{JSON, `{"_links":{"self":{"href":"/a"}}}`, "", false, nil, ""},
		{JSON, `{"_links":{"self":{"etag":"1","href":"/a","title":"T","revision":2}}}`, "T", true, []string{"etag", "title", "revision"}, ""},
		{JSON, `{"_links":{"self":{"etag":"1","title":null}}}`, "", false, []string{"etag", "title"}, ""},
		{JSON, `{"_links":{"self":{"title":5,"href":"/a"}}}`, "5", false, []string{"title"}, ""},
		{XML, xmlDecl + `<resource href="/r" xmlns="` + Namespace + `"><link rel="x" href="/a" title="T"/></resource>`, "T", true, []string{"title"}, ""},
		{XML, xmlDecl + `<resource href="/r" xmlns="` + Namespace + `"><link rel="x" title="" href="/a" etag="1"/></resource>`, "", true, []string{"title", "etag"},
			xmlDecl + `<resource href="/r" xmlns="` + Namespace + `"><link rel="x" href="/a" title="" etag="1"/></resource>`},
	} {
		r, err := DecodeResource([]byte(tc.body), tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.body, err)
		}
		l := &r.Links[len(r.Links)-1]
		var names []string
		for _, a := range l.Attrs {
			names = append(names, a.Name)
		}
		if title, has := l.Title(); title != tc.title || has != tc.has || !slices.Equal(names, tc.attrs) {
			t.Errorf("%s: Title() = %q, %t; attrs %q; want %q, %t; %q", tc.body, title, has, names, tc.title, tc.has, tc.attrs)
		}
		want := tc.reencoded
		if want == "" {
			want = tc.body
		}
		if got, err := r.Marshal(tc.f); err != nil || string(got) != want {
			t.Errorf("%s: re-encoded as\n%s (%v), want\n%s", tc.body, got, err, want)
		}
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
