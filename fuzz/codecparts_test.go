// Package fuzz holds fuzz targets that use only the exported API of package
// ucwa. It has no non-test files.
package fuzz

import (
	"bytes"
	"mime"
	"strings"
	"testing"
	"time"

	"github.com/ucwa-go/ucwa"
)

// Seeds, copied from the tables of the package's own tests (which this
// package cannot import) and from the UCWA reference.
var (
	mediaTypeSeeds = []string{
		"application/json",
		"application/xml",
		"text/xml",
		"application/json; charset=utf-8",
		"application/json;charset=UTF-8",
		`application/json; charset="utf\-8"`,
		"application/json; charset=utf8",
		"application/vnd.microsoft.com.ucwa+xml; charset=utf-8",
		"application/vnd.microsoft.ucwa+xml",
		"application/vnd.microsoft.com.ucwa.error+json",
		"application/vnd.microsoft.com.ucwa.events+XML",
		`application/xml; q=0.9; foo="a;b\"c"; charset=utf-8; odata=verbose`,
		" \tapplication/json\t;\tcharset=utf-8 \t",
		"application/json; ; ;charset=utf-8;",
		"application/json; charset=iso-8859-1",
		"application/json; charset=utf-8; charset=utf-8",
		"application/json; charset",
		`application/json; charset="utf-8`,
		"application/json\r\nX-Evil: 1",
		"multipart/batching; boundary=\"0cac9abd\"",
		"",
	}
	dateSeeds = []string{
		"/Date(1436925243767)/",
		"/Date(1436925243767-0500)/",
		"/Date(-1)/",
		"/Date(0-0000)/",
		"/Date(-62135596800000)/",
		"/Date(253402300799999)/",
		"/Date(01436925243767)/",
		"/Date(0+2400)/",
		"2015-07-14T20:54:03.7675175-05:00",
		"2012-01-11T19:03:22.7433336-08:00",
		"2013-02-07T01:17:18.000Z",
		"1969-12-31T23:59:59.9995Z",
		"0001-01-01T00:00:00+23:59",
		"9999-12-31T23:59:59.9999999-23:59",
		"2016-02-29T00:00:00Z",
		"2015-02-29T00:00:00Z",
		"2016-12-31T23:59:60Z",
		"1970-01-01T0:0:0Z",
		"",
	}
	dataURISeeds = []string{
		"data:text/plain,Hello+World",
		"data:text/plain;charset=utf-8,Hi+Tosh%0d%0a",
		"data:text/plain;charset=utf8,URLEncodedMessageString",
		"data:text/html;charset=utf-8,%3Cb%3EHi%3C%2Fb%3E",
		"data:text/plain;base64,SGVsbG8=",
		"data:text/html;base64,PGI%2BSGk8L2I%2B",
		"data:text/plain;base64,somebase64encodedmessage",
		"data:application/sdp;base64,base64-encoded-sdp",
		"data:application/sdp;b=2;a=1;name=x%20y,v%3D0",
		"DATA:Text/HTML;CharSet=UTF-8,x",
		"data:,a/b?c:d@e!$&'()*;=,x",
		"data:,",
		"data : text/plain;base64,\n somebase64encodedmessage",
		"data:,%G0",
		"data:text/plain;;charset=utf-8,x",
		"data:text/plain;base64;charset=utf-8,SGk=",
	}
)

// FuzzParseMediaType checks that ParseMediaType never panics, that an
// accepted value's Type parses to the same MediaType, and that where
// mime.ParseMediaType also accepts the value both agree on the type.
func FuzzParseMediaType(f *testing.F) {
	for _, s := range mediaTypeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		mt, err := ucwa.ParseMediaType(v)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "ucwa: ") {
				t.Fatalf("ParseMediaType(%q): error %q lacks the prefix", v, err)
			}
			return
		}
		if mt.Format != ucwa.JSON && mt.Format != ucwa.XML {
			t.Fatalf("ParseMediaType(%q) = %+v: no format", v, mt)
		}
		again, err := ucwa.ParseMediaType(mt.Type)
		if err != nil || again != mt {
			t.Fatalf("ParseMediaType(%q) = %+v, but its Type parses to %+v, %v", v, mt, again, err)
		}
		if typ, params, err := mime.ParseMediaType(v); err == nil {
			if typ != mt.Type {
				t.Fatalf("ParseMediaType(%q) = %q, mime.ParseMediaType = %q", v, mt.Type, typ)
			}
			// mime keeps a backslash before a character that is not a
			// tspecial; RFC 9110 drops it (quoted-pair), as ucwa does.
			cs, ok := params["charset"]
			if ok && !strings.Contains(v, `\`) && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
				t.Fatalf("ParseMediaType(%q) accepted charset %q (per mime.ParseMediaType)", v, cs)
			}
		}
	})
}

// FuzzParseDate checks that ParseDate never panics, that an accepted date
// written back with ucwa.Date gives the same instant (to 100 ns, the XML
// precision) and offset, and that an accepted ISO date means what
// time.Parse says it means. The JSON ↔ XML conversion rules are fuzzed by
// FuzzDateConvert in the package's own tests, which can reach the
// unexported converters.
func FuzzParseDate(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := ucwa.ParseDate(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "ucwa: date ") {
				t.Fatalf("ParseDate(%q): error %q lacks the prefix", s, err)
			}
			return
		}
		if tm.Nanosecond()%100 != 0 || (s[0] == '/' && tm.Nanosecond()%1e6 != 0) {
			t.Fatalf("ParseDate(%q) = %v: finer than the format", s, tm)
		}
		v := ucwa.Date(tm)
		back, err := ucwa.ParseDate(v.Text())
		if err != nil {
			t.Fatalf("ParseDate(%q) = %v; Date gives %q: %v", s, tm, v.Text(), err)
		}
		_, off1 := tm.Zone()
		_, off2 := back.Zone()
		if !back.Equal(tm) || off1 != off2 {
			t.Fatalf("ParseDate(%q) = %v; Date gives %q = %v", s, tm, v.Text(), back)
		}
		if got, ok := v.Time(); !ok || !got.Equal(tm) {
			t.Fatalf("Date(%v).Time() = %v, %v", tm, got, ok)
		}
		if s[0] != '/' {
			ref, err := time.Parse(time.RFC3339Nano, s)
			if _, off3 := ref.Zone(); err != nil || !ref.Equal(tm) || off3 != off1 {
				t.Fatalf("ParseDate(%q) = %v; time.Parse = %v, %v", s, tm, ref, err)
			}
		}
	})
}

// FuzzDataURI checks that ParseDataURI never panics and that an accepted
// URI, written with String, parses back to the same DataURI, whose String
// is the same again.
func FuzzDataURI(f *testing.F) {
	for _, s := range dataURISeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ucwa.ParseDataURI(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "ucwa: data URI ") {
				t.Fatalf("ParseDataURI(%q): error %q lacks the prefix", s, err)
			}
			return
		}
		s2 := d.String()
		d2, err := ucwa.ParseDataURI(s2)
		if err != nil {
			t.Fatalf("ParseDataURI(%q) = %+v; String gives %q: %v", s, d, s2, err)
		}
		if !equalDataURI(d, d2) {
			t.Fatalf("ParseDataURI(%q) = %+v; String gives %q = %+v", s, d, s2, d2)
		}
		if s3 := d2.String(); s3 != s2 {
			t.Fatalf("String is not stable: %q, then %q", s2, s3)
		}
		_, _ = d.Text() // must not panic
	})
}

func equalDataURI(a, b ucwa.DataURI) bool {
	if a.MediaType != b.MediaType || a.Charset != b.Charset || a.Base64 != b.Base64 ||
		!bytes.Equal(a.Data, b.Data) || len(a.Params) != len(b.Params) {
		return false
	}
	for i := range a.Params {
		if a.Params[i] != b.Params[i] {
			return false
		}
	}
	return true
}
