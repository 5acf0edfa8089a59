package ucwa

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// mediaTypeTests are the ParseMediaType cases. The Content-Type values
// marked "docs" are copied from the UCWA reference.
var mediaTypeTests = []struct {
	name    string
	in      string
	want    MediaType
	wantErr string // a substring of the error; "" if none expected
}{
	// Accepted.
	{name: "json", in: "application/json", want: MediaType{JSON, "", "application/json"}},
	{name: "xml", in: "application/xml", want: MediaType{XML, "", "application/xml"}},
	{name: "text/xml", in: "text/xml", want: MediaType{XML, "", "text/xml"}},
	{name: "docs json charset", in: "application/json; charset=utf-8", want: MediaType{JSON, "", "application/json"}},
	{name: "docs json UTF-8 no space", in: "application/json;charset=UTF-8", want: MediaType{JSON, "",
		"application/json"}},
	{name: "docs ucwa xml", in: "application/vnd.microsoft.com.ucwa+xml", want: MediaType{XML, "",
		"application/vnd.microsoft.com.ucwa+xml"}},
	{name: "docs ucwa xml charset", in: "application/vnd.microsoft.com.ucwa+xml; charset=utf-8", want: MediaType{XML,
		"", "application/vnd.microsoft.com.ucwa+xml"}},
	{name: "docs versioning no .com", in: "application/vnd.microsoft.ucwa+xml", want: MediaType{XML, "",
		"application/vnd.microsoft.ucwa+xml"}},
	{name: "ucwa json no .com", in: "application/vnd.microsoft.ucwa+json", want: MediaType{JSON, "",
		"application/vnd.microsoft.ucwa+json"}},
	{name: "ucwa json", in: "application/vnd.microsoft.com.ucwa+json", want: MediaType{JSON, "",
		"application/vnd.microsoft.com.ucwa+json"}},
	{name: "error json", in: "application/vnd.microsoft.com.ucwa.error+json", want: MediaType{JSON, "error",
		"application/vnd.microsoft.com.ucwa.error+json"}},
	{name: "error xml", in: "application/vnd.microsoft.com.ucwa.error+xml", want: MediaType{XML, "error",
		"application/vnd.microsoft.com.ucwa.error+xml"}},
	{name: "events json", in: "application/vnd.microsoft.com.ucwa.events+json", want: MediaType{JSON, "events",
		"application/vnd.microsoft.com.ucwa.events+json"}},
	{name: "events xml", in: "application/vnd.microsoft.com.ucwa.events+xml", want: MediaType{XML, "events",
		"application/vnd.microsoft.com.ucwa.events+xml"}},
	{name: "upper case", in: "Application/JSON", want: MediaType{JSON, "", "application/json"}},
	{name: "upper case vendor", in: "APPLICATION/VND.MICROSOFT.COM.UCWA.EVENTS+XML", want: MediaType{XML, "events",
		"application/vnd.microsoft.com.ucwa.events+xml"}},
	{name: "charset quoted", in: `application/json; charset="UTF-8"`, want: MediaType{JSON, "", "application/json"}},
	{name: "charset quoted escape", in: `application/json; charset="utf\-8"`, want: MediaType{JSON, "",
		"application/json"}},
	{name: "charset utf8 alias", in: "application/json; charset=utf8", want: MediaType{JSON, "", "application/json"}},
	{name: "charset name upper", in: "application/json; CharSet=utf-8", want: MediaType{JSON, "", "application/json"}},
	{name: "unknown params ignored", in: `application/xml; q=0.9; foo="a;b\"c"; charset=utf-8; odata=verbose`,
		want: MediaType{XML, "", "application/xml"}},
	{name: "quoted obs-text", in: "application/json; x=\"\xe9\"", want: MediaType{JSON, "", "application/json"}},
	{name: "tab and spaces", in: " \tapplication/json\t;\tcharset=utf-8 \t", want: MediaType{JSON, "",
		"application/json"}},
	{name: "empty params", in: "application/json;", want: MediaType{JSON, "", "application/json"}},
	{name: "empty params between", in: "application/json; ; ;charset=utf-8;", want: MediaType{JSON, "",
		"application/json"}},
	{name: "empty quoted unknown", in: `application/json; x=""`, want: MediaType{JSON, "", "application/json"}},

	// Refused: not UCWA.
	{name: "empty", in: "", wantErr: "empty media type"},
	{name: "blank", in: " \t ", wantErr: "empty media type"},
	{name: "html", in: "text/html", wantErr: `"text/html" is not a UCWA JSON or XML media type`},
	{name: "text/json", in: "text/json", wantErr: "not a UCWA"},
	{name: "problem+json", in: "application/problem+json", wantErr: "not a UCWA"},
	{name: "sdp", in: "application/sdp", wantErr: "not a UCWA"},
	{name: "unknown variant", in: "application/vnd.microsoft.com.ucwa.foo+json", wantErr: "not a UCWA"},
	{name: "no .com error variant", in: "application/vnd.microsoft.ucwa.error+json", wantErr: "not a UCWA"},
	{name: "wildcard", in: "*/*", wantErr: "not a UCWA"},
	{name: "json prefix", in: "application/jsonx", wantErr: "not a UCWA"},

	// Refused: charset.
	{name: "latin1", in: "application/json; charset=iso-8859-1", wantErr: `charset "iso-8859-1" is not UTF-8`},
	{name: "us-ascii", in: "application/xml; charset=us-ascii", wantErr: `charset "us-ascii" is not UTF-8`},
	{name: "utf-16", in: `application/json; charset="utf-16"`, wantErr: `charset "utf-16" is not UTF-8`},
	{name: "empty quoted charset", in: `application/json; charset=""`, wantErr: `charset "" is not UTF-8`},
	{name: "single quotes", in: `application/json; charset='utf-8'`, wantErr: `charset "'utf-8'" is not UTF-8`},
	{name: "repeated charset", in: "application/json; charset=utf-8; charset=utf-8", wantErr: "repeated charset"},
	{name: "charset on unknown type", in: "text/plain; charset=latin1", wantErr: "not UTF-8"},

	// Refused: syntax.
	{name: "no subtype", in: "application", wantErr: "expected '/' and a subtype"},
	{name: "empty subtype", in: "application/", wantErr: "expected a subtype"},
	{name: "no type", in: "/json", wantErr: "expected a type"},
	{name: "space before slash", in: "application /json", wantErr: "expected '/'"},
	{name: "space after slash", in: "application/ json", wantErr: "expected a subtype"},
	{name: "two slashes", in: "application/json/x", wantErr: "expected ';'"},
	{name: "junk after subtype", in: "application/json x", wantErr: "expected ';'"},
	{name: "comma list", in: "application/json, application/xml", wantErr: "expected ';'"},
	{name: "param without value", in: "application/json; charset", wantErr: "expected '=' after parameter"},
	{name: "param empty value", in: "application/json; charset=", wantErr: "expected a token or quoted string"},
	{name: "space before =", in: "application/json; charset =utf-8", wantErr: "expected '='"},
	{name: "space after =", in: "application/json; charset= utf-8", wantErr: "expected a token"},
	{name: "no param name", in: "application/json; =utf-8", wantErr: "expected a parameter name"},
	{name: "unterminated quote", in: `application/json; charset="utf-8`, wantErr: "expected a token or quoted string"},
	{name: "trailing backslash", in: `application/json; x="a\`, wantErr: "expected a token or quoted string"},
	{name: "junk after value", in: "application/json; charset=utf-8 x", wantErr: "expected ';'"},
	{name: "junk after quoted", in: `application/json; charset="utf-8"x`, wantErr: "expected ';'"},
	{name: "non-ASCII in token", in: "application/jsön", wantErr: "expected ';'"},
	{name: "NUL", in: "application/json\x00", wantErr: `control character '\x00' (offset 16)`},
	{name: "CR LF injection", in: "application/json\r\nX-Evil: 1", wantErr: `control character '\r'`},
	{name: "DEL", in: "application/json; x=\"\x7f\"", wantErr: `control character '\x7f'`},
	{name: "control in quoted", in: "application/json; x=\"\x01\"", wantErr: `control character '\x01'`},
}

func TestParseMediaType(t *testing.T) {
	for _, tt := range mediaTypeTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMediaType(tt.in)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("ParseMediaType(%q) = %+v, want error containing %q", tt.in, got, tt.wantErr)
				}
				if !errors.Is(err, ErrMediaType) {
					t.Errorf("ParseMediaType(%q) error %v does not wrap ErrMediaType", tt.in, err)
				}
				if msg := err.Error(); !strings.HasPrefix(msg, "ucwa: media type ") || !strings.Contains(msg,
					tt.wantErr) {
					t.Errorf("ParseMediaType(%q) error = %q, want it to contain %q", tt.in, msg, tt.wantErr)
				}
				if got != (MediaType{}) {
					t.Errorf("ParseMediaType(%q) = %+v with an error, want the zero MediaType", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseMediaType(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseMediaType(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseMediaTypeHuge(t *testing.T) {
	huge := "application/json; x=" + strings.Repeat("a", 1<<20)
	if _, err := ParseMediaType(huge); err != nil {
		t.Errorf("long unknown parameter: %v", err)
	}
	huge = "application/json; " + strings.Repeat("x=1;", 1<<18)
	if _, err := ParseMediaType(huge); err != nil {
		t.Errorf("many parameters: %v", err)
	}
	_, err := ParseMediaType(strings.Repeat("a", 1<<20))
	if err == nil {
		t.Fatal("1 MiB token accepted")
	}
	if n := len(err.Error()); n > 200 {
		t.Errorf("error message is %d bytes long; want the input elided", n)
	}
}

func TestPartErrorQuotesAtMostMax(t *testing.T) {
	for _, n := range []int{maxQuoted, maxQuoted + 1} {
		in := strings.Repeat("b", n)
		_, err := ParseMediaType(in)
		msg := err.Error()
		elided := strings.Contains(msg, "…")
		if elided != (n > maxQuoted) {
			t.Errorf("input of %d bytes: message %q, elided = %v", n, msg, elided)
		}
		if !strings.Contains(msg, `"`+strings.Repeat("b", maxQuoted)+`"`) {
			t.Errorf("input of %d bytes: message %q does not quote %d bytes", n, msg, maxQuoted)
		}
	}
}

func TestParseMediaTypeTypeReparses(t *testing.T) {
	for _, mt := range mediaTypes {
		got, err := ParseMediaType(mt.Type)
		if err != nil || got != mt {
			t.Errorf("ParseMediaType(%q) = %+v, %v; want %+v", mt.Type, got, err, mt)
		}
	}
}

func TestParseMediaTypeAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	for _, in := range []string{
		"application/json",
		"application/json; charset=utf-8",
		`application/xml;charset="UTF-8"`,
		"application/vnd.microsoft.com.ucwa+xml; charset=utf-8",
	} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseMediaType(in) }); n != 0 {
			t.Errorf("ParseMediaType(%q): %v allocations, want 0", in, n)
		}
	}
}

func TestStripBOM(t *testing.T) {
	tests := []struct {
		name     string
		in, want []byte
	}{
		{"nil", nil, nil},
		{"empty", []byte{}, []byte{}},
		{"bom only", []byte("\xef\xbb\xbf"), []byte{}},
		{"bom json", []byte("\xef\xbb\xbf{}"), []byte("{}")},
		{"no bom", []byte("{}"), []byte("{}")},
		{"partial bom", []byte("\xef\xbb{}"), []byte("\xef\xbb{}")},
		{"two boms", []byte("\xef\xbb\xbf\xef\xbb\xbf<a/>"), []byte("\xef\xbb\xbf<a/>")},
		{"utf-16 bom", []byte("\xff\xfe{"), []byte("\xff\xfe{")},
	}
	for _, tt := range tests {
		if got := StripBOM(tt.in); !bytes.Equal(got, tt.want) {
			t.Errorf("%s: StripBOM(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func BenchmarkParseMediaType(b *testing.B) {
	for _, in := range []string{"application/json", "application/vnd.microsoft.com.ucwa+xml; charset=utf-8"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if mt, err := ParseMediaType(in); err != nil || mt.Format == 0 {
					b.Fatal(mt, err)
				}
			}
		})
	}
}
