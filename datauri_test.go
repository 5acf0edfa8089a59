package ucwa

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// dataURITests are the ParseDataURI cases. want.String() must parse back to
// want; wantString, if set, is what it gives. The URIs marked "docs" are
// copied from the UCWA reference.
var dataURITests = []struct {
	name       string
	in         string
	want       DataURI
	wantString string // d.String() when it differs from in
	wantErr    string
}{
	{name: "docs payload format", in: "data:text/plain,Hello+World",
		want: DataURI{MediaType: "text/plain", Data: []byte("Hello World")}},
	{name: "docs crlf", in: "data:text/plain;charset=utf-8,Hi+Tosh%0d%0a",
		want:       DataURI{MediaType: "text/plain", Charset: "utf-8", Data: []byte("Hi Tosh\r\n")},
		wantString: "data:text/plain;charset=utf-8,Hi+Tosh%0D%0A"},
	{name: "docs utf8 label", in: "data:text/plain;charset=utf8,URLEncodedMessageString",
		want: DataURI{MediaType: "text/plain", Charset: "utf8", Data: []byte("URLEncodedMessageString")}},
	{name: "docs placeholder base64", in: "data:text/plain;base64,somebase64encodedmessage",
		want: DataURI{MediaType: "text/plain", Base64: true,
			Data: []byte("\xb2\x89\x9e\x6d\xab\x1e\xeb\x87\xa7\x72\x87\x5e\x76\x67\xac\xb1\xa8\x1e")}},
	{name: "html escaped", in: "data:text/html;charset=utf-8,%3Cb%3EHi%3C%2Fb%3E",
		want: DataURI{MediaType: "text/html", Charset: "utf-8", Data: []byte("<b>Hi</b>")}},
	{name: "base64", in: "data:text/plain;base64,SGVsbG8=",
		want: DataURI{MediaType: "text/plain", Base64: true, Data: []byte("Hello")}},
	{name: "base64 charset", in: "data:text/html;charset=utf-8;base64,PGI+SGk8L2I+",
		want: DataURI{MediaType: "text/html", Charset: "utf-8", Base64: true, Data: []byte("<b>Hi</b>")}},
	{name: "base64 escaped", in: "data:text/html;base64,PGI%2BSGk8L2I%2B",
		want:       DataURI{MediaType: "text/html", Base64: true, Data: []byte("<b>Hi</b>")},
		wantString: "data:text/html;base64,PGI+SGk8L2I+"},
	{name: "base64 no padding needed", in: "data:;base64,AAAA",
		want:       DataURI{MediaType: "text/plain", Base64: true, Data: []byte{0, 0, 0}},
		wantString: "data:text/plain;base64,AAAA"},
	{name: "base64 empty", in: "data:text/plain;base64,",
		want: DataURI{MediaType: "text/plain", Base64: true}},
	{name: "base64 upper", in: "data:text/plain;BASE64,SGk=",
		want:       DataURI{MediaType: "text/plain", Base64: true, Data: []byte("Hi")},
		wantString: "data:text/plain;base64,SGk="},
	{name: "no media type", in: "data:,A%20brief%20note",
		want:       DataURI{MediaType: "text/plain", Data: []byte("A brief note")},
		wantString: "data:text/plain,A+brief+note"},
	{name: "charset only", in: "data:;charset=utf-8,x",
		want:       DataURI{MediaType: "text/plain", Charset: "utf-8", Data: []byte("x")},
		wantString: "data:text/plain;charset=utf-8,x"},
	{name: "empty data", in: "data:text/plain,",
		want: DataURI{MediaType: "text/plain"}},
	{name: "shortest", in: "data:,",
		want: DataURI{MediaType: "text/plain"}, wantString: "data:text/plain,"},
	{name: "upper case scheme and type", in: "DATA:Text/HTML;CharSet=UTF-8,x",
		want:       DataURI{MediaType: "text/html", Charset: "UTF-8", Data: []byte("x")},
		wantString: "data:text/html;charset=UTF-8,x"},
	{name: "params in order", in: "data:application/sdp;b=2;a=1;name=x%20y,v%3D0",
		want: DataURI{MediaType: "application/sdp",
			Params: []DataURIParam{{"b", "2"}, {"a", "1"}, {"name", "x y"}}, Data: []byte("v=0")},
		wantString: "data:application/sdp;b=2;a=1;name=x%20y,v%3D0"},
	{name: "repeated other param", in: "data:text/plain;a=1;a=2,",
		want: DataURI{MediaType: "text/plain", Params: []DataURIParam{{"a", "1"}, {"a", "2"}}}},
	{name: "plus is space, %2B is plus", in: "data:,1+1%2B1",
		want: DataURI{MediaType: "text/plain", Data: []byte("1 1+1")}, wantString: "data:text/plain,1+1%2B1"},
	{name: "literal reserved chars", in: "data:,a/b?c:d@e!$&'()*;=,x",
		want:       DataURI{MediaType: "text/plain", Data: []byte("a/b?c:d@e!$&'()*;=,x")},
		wantString: "data:text/plain,a%2Fb%3Fc%3Ad%40e%21%24%26%27%28%29%2A%3B%3D%2Cx"},
	{name: "utf-8 escaped", in: "data:text/plain;charset=utf-8,%E2%98%83",
		want: DataURI{MediaType: "text/plain", Charset: "utf-8", Data: []byte("☃")}},
	{name: "binary escaped", in: "data:application/octet-stream,%00%FF%fe",
		want:       DataURI{MediaType: "application/octet-stream", Data: []byte{0, 0xff, 0xfe}},
		wantString: "data:application/octet-stream,%00%FF%FE"},
	{name: "base64 last only", in: "data:text/plain;base64;charset=utf-8,SGk=",
		wantErr: "expected name=value"},

	// Refused.
	{name: "empty", in: "", wantErr: `expected "data:" (offset 0)`},
	{name: "not data", in: "http://example.com/", wantErr: `expected "data:"`},
	{name: "docs broken with spaces", in: "data : text/plain;base64,\n somebase64encodedmessage",
		wantErr: `expected "data:"`},
	{name: "newline in base64", in: "data:text/plain;base64,\n somebase64encodedmessage",
		wantErr: `control character '\n' not allowed in a URI (offset 23)`},
	{name: "space in base64", in: "data:text/plain;base64,SGVs bG8=",
		wantErr: "space not allowed in a URI (offset 27)"},
	{name: "escaped newline in base64", in: "data:text/plain;base64,SGVs%0AbG8=", wantErr: "line break in base64 data"},
	{name: "space in data", in: "data:,Hello World", wantErr: "space not allowed"},
	{name: "NUL", in: "data:,\x00", wantErr: `control character '\x00'`},
	{name: "DEL", in: "data:,\x7f", wantErr: `control character '\x7f'`},
	{name: "non-ASCII", in: "data:,é", wantErr: "non-ASCII byte 0xc3 not allowed in a URI (offset 6)"},
	{name: "fragment", in: "data:,a#b", wantErr: `'#' not allowed`},
	{name: "quote", in: `data:,"x"`, wantErr: `'"' not allowed`},
	{name: "missing comma", in: "data:text/plain;base64", wantErr: "missing ','"},
	{name: "missing comma no type", in: "data:", wantErr: "missing ','"},
	{name: "bad escape %G0", in: "data:,%G0", wantErr: "invalid percent escape (offset 6)"},
	{name: "bad escape %", in: "data:,abc%", wantErr: "invalid percent escape (offset 9)"},
	{name: "bad escape %4", in: "data:,%4", wantErr: "invalid percent escape"},
	{name: "bad escape %%", in: "data:,%%41", wantErr: "invalid percent escape"},
	{name: "bad escape in base64", in: "data:;base64,%zz", wantErr: "invalid percent escape"},
	{name: "bad escape in param", in: "data:text/plain;charset=utf%2,x", wantErr: "invalid percent escape (offset 27)"},
	{name: "bad base64 char", in: "data:text/html;base64,base64-encoded-htmlmessage",
		wantErr: "invalid base64 data (offset 28)"},
	{name: "docs placeholder sdp", in: "data:application/sdp;base64,base64-encoded-sdp",
		wantErr: "invalid base64 data"},
	{name: "base64 url-safe", in: "data:;base64,-_8=", wantErr: "invalid base64 data"},
	{name: "base64 missing padding", in: "data:;base64,SGVsbG8", wantErr: "invalid base64 data"},
	{name: "base64 stray bits", in: "data:;base64,SGVsbG9=", wantErr: "invalid base64 data"},
	{name: "base64 too much padding", in: "data:;base64,SGk===", wantErr: "invalid base64 data"},
	{name: "base64 padding inside", in: "data:;base64,SG==SGk=", wantErr: "invalid base64 data"},
	{name: "no subtype", in: "data:text,x", wantErr: "expected type/subtype (offset 9)"},
	{name: "empty subtype", in: "data:text/,x", wantErr: "expected type/subtype"},
	{name: "two slashes", in: "data:text/plain/x,x", wantErr: "expected type/subtype"},
	{name: "escape in type", in: "data:text%2Fplain,x", wantErr: "expected type/subtype"},
	{name: "escape in subtype", in: "data:text/pl%61in,x", wantErr: "percent escape in the media type"},
	{name: "param without value", in: "data:text/plain;charset,x", wantErr: "expected name=value"},
	{name: "param empty value", in: "data:text/plain;charset=,x", wantErr: "empty parameter value"},
	{name: "param empty name", in: "data:text/plain;=utf-8,x", wantErr: "expected name=value"},
	{name: "empty param", in: "data:text/plain;;charset=utf-8,x", wantErr: "empty parameter (offset 16)"},
	{name: "trailing semicolon", in: "data:text/plain;,x", wantErr: "empty parameter"},
	{name: "escape in param name", in: "data:text/plain;ch%61rset=utf-8,x",
		wantErr: "percent escape in a parameter name"},
	{name: "repeated charset", in: "data:text/plain;charset=utf-8;charset=utf-8,x", wantErr: "repeated charset"},
	{name: "base64 alone is not a type", in: "data:base64,SGk=", wantErr: "expected type/subtype"},
}

var equateEmpty = cmpopts.EquateEmpty()

func TestParseDataURI(t *testing.T) {
	for _, tt := range dataURITests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDataURI(tt.in)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("ParseDataURI(%q) = %+v, want error containing %q", tt.in, got, tt.wantErr)
				}
				if !errors.Is(err, ErrDataURI) {
					t.Errorf("ParseDataURI(%q) error %v does not wrap ErrDataURI", tt.in, err)
				}
				if msg := err.Error(); !strings.HasPrefix(msg, "ucwa: data URI ") || !strings.Contains(msg,
					tt.wantErr) {
					t.Errorf("ParseDataURI(%q) error = %q, want it to contain %q", tt.in, msg, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDataURI(%q): %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseDataURI(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
			wantString := tt.in
			if tt.wantString != "" {
				wantString = tt.wantString
			}
			if s := got.String(); s != wantString {
				t.Errorf("ParseDataURI(%q).String() = %q, want %q", tt.in, s, wantString)
			}
			checkDataURIRoundTrip(t, got)
		})
	}
}

func checkDataURIRoundTrip(t *testing.T, d DataURI) {
	t.Helper()
	s := d.String()
	back, err := ParseDataURI(s)
	if err != nil {
		t.Fatalf("ParseDataURI(%q) of %+v: %v", s, d, err)
	}
	if diff := cmp.Diff(d, back, equateEmpty); diff != "" {
		t.Fatalf("ParseDataURI(%q) mismatch (-before +after):\n%s", s, diff)
	}
	if b := AppendDataURI([]byte("x"), d); string(b) != "x"+s {
		t.Fatalf("AppendDataURI = %q, want %q", b, "x"+s)
	}
}

func TestParseDataURIHuge(t *testing.T) {
	data := strings.Repeat("%E2%98%83+", 1<<16)
	d, err := ParseDataURI("data:text/plain;charset=utf-8," + data)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat("☃ ", 1<<16); string(d.Data) != want {
		t.Errorf("Data is %d bytes, want %d", len(d.Data), len(want))
	}
	_, err = ParseDataURI("data:text/plain," + strings.Repeat("a", 1<<20) + " ")
	if err == nil || len(err.Error()) > 200 || !strings.Contains(err.Error(), "offset 1048592") {
		t.Errorf("space at the end of 1 MiB: %v", err)
	}
	many := "data:text/plain" + strings.Repeat(";a=1", 1<<16) + ",x"
	if d, err := ParseDataURI(many); err != nil || len(d.Params) != 1<<16 {
		t.Errorf("many parameters: %d, %v", len(d.Params), err)
	}
}

// TestDataURIRoundTripRandom checks that ParseDataURI(d.String()) gives d
// for random d.
func TestDataURIRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	types := []string{"text/plain", "text/html", "application/sdp", "application/octet-stream", "x-a/b+c"}
	charsets := []string{"", "utf-8", "utf8", "UTF-8", "iso-8859-1", "a;b,c d%"}
	bytesOf := func(n int) []byte {
		if n == 0 {
			return nil
		}
		b := make([]byte, n)
		for i := range b {
			switch r.IntN(3) {
			case 0:
				b[i] = byte(r.IntN(256))
			case 1:
				b[i] = " +%;,=/"[r.IntN(7)]
			default:
				b[i] = byte('a' + r.IntN(26))
			}
		}
		return b
	}
	for range 5000 {
		d := DataURI{
			MediaType: types[r.IntN(len(types))],
			Charset:   charsets[r.IntN(len(charsets))],
			Base64:    r.IntN(2) == 0,
			Data:      bytesOf(r.IntN(40)),
		}
		for range r.IntN(3) {
			d.Params = append(d.Params, DataURIParam{Name: string(rune('a' + r.IntN(26))),
				Value: string(bytesOf(1 + r.IntN(5)))})
		}
		checkDataURIRoundTrip(t, d)
	}
}

func TestDataURIText(t *testing.T) {
	tests := []struct {
		name    string
		d       DataURI
		want    string
		wantErr string
	}{
		{"utf-8", DataURI{Charset: "utf-8", Data: []byte("☃")}, "☃", ""},
		{"UTF8", DataURI{Charset: "UTF8", Data: []byte("☃")}, "☃", ""},
		{"absent", DataURI{Data: []byte("☃")}, "☃", ""},
		{"us-ascii", DataURI{Charset: "US-ASCII", Data: []byte("hi")}, "hi", ""},
		{"empty", DataURI{}, "", ""},
		{"invalid utf-8", DataURI{MediaType: "text/plain", Charset: "utf-8", Data: []byte{0xff}}, "",
			"ucwa: data URI: text/plain data is not valid UTF-8"},
		{"surrogate", DataURI{Data: []byte("\xed\xa0\x80")}, "", "not valid UTF-8"},
		{"non-ascii", DataURI{Charset: "us-ascii", Data: []byte("é")}, "", "data is not ASCII"},
		{"latin1", DataURI{Charset: "iso-8859-1", Data: []byte("a")}, "",
			`charset "iso-8859-1" is not UTF-8 or US-ASCII`},
	}
	for _, tt := range tests {
		got, err := tt.d.Text()
		if tt.wantErr != "" {
			if err == nil || !errors.Is(err, ErrDataURI) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: Text() = %q, %v; want error containing %q", tt.name, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: Text() = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func TestTextDataURI(t *testing.T) {
	tests := []struct {
		mediaType, text, want string
	}{
		{"text/plain", "Hello World", "data:text/plain;charset=utf-8,Hello+World"},
		{"text/html", "<b>Hi</b> & bye", "data:text/html;charset=utf-8,%3Cb%3EHi%3C%2Fb%3E+%26+bye"},
		{"Text/HTML", "1+1", "data:text/html;charset=utf-8,1%2B1"},
		{"", "", "data:text/plain;charset=utf-8,"},
		{"text/plain", "☃\r\n", "data:text/plain;charset=utf-8,%E2%98%83%0D%0A"},
	}
	for _, tt := range tests {
		d := TextDataURI(tt.mediaType, tt.text)
		if got := d.String(); got != tt.want {
			t.Errorf("TextDataURI(%q, %q).String() = %q, want %q", tt.mediaType, tt.text, got, tt.want)
		}
		if text, err := d.Text(); err != nil || text != tt.text {
			t.Errorf("TextDataURI(%q, %q).Text() = %q, %v", tt.mediaType, tt.text, text, err)
		}
		checkDataURIRoundTrip(t, d)
	}
}

func TestAppendDataURIAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	dst := make([]byte, 0, 256)
	for _, d := range []DataURI{
		TextDataURI("text/html", "<b>Hello</b> World, ☃"),
		{MediaType: "text/plain", Base64: true, Data: []byte("Hello World")},
		{MediaType: "application/sdp", Params: []DataURIParam{{"a", "b c"}}, Data: []byte("v=0\r\n")},
	} {
		if n := testing.AllocsPerRun(100, func() { dst = AppendDataURI(dst[:0], d) }); n != 0 {
			t.Errorf("AppendDataURI(%v): %v allocations", d, n)
		}
	}
}

func BenchmarkDataURI(b *testing.B) {
	d := TextDataURI("text/html", strings.Repeat("<p>Hello, World! ☃</p>", 20))
	s := d.String()
	b.Run("Append", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(s)))
		dst := make([]byte, 0, len(s))
		for b.Loop() {
			dst = AppendDataURI(dst[:0], d)
		}
		if string(dst) != s {
			b.Fatal("wrong output")
		}
	})
	b.Run("Parse", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			if got, err := ParseDataURI(s); err != nil || len(got.Data) != len(d.Data) {
				b.Fatal(err)
			}
		}
	})
}
