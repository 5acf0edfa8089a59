package ucwa_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/ucwa-go/ucwa"
)

func ExampleParseMediaType() {
	for _, v := range []string{
		"application/json; charset=utf-8",
		"application/vnd.microsoft.com.ucwa.events+XML",
		"application/json; charset=iso-8859-1",
		"text/html",
	} {
		mt, err := ucwa.ParseMediaType(v)
		if err != nil {
			fmt.Println(errors.Is(err, ucwa.ErrMediaType), err)
			continue
		}
		fmt.Printf("%s %q %s\n", mt.Format, mt.Variant, mt.Type)
	}
	// Output:
	// json "" application/json
	// xml "events" application/vnd.microsoft.com.ucwa.events+xml
	// true ucwa: media type "application/json; charset=iso-8859-1": charset "iso-8859-1" is not UTF-8 (offset 26)
	// true ucwa: media type "text/html": "text/html" is not a UCWA JSON or XML media type (offset 0)
}

func ExampleParseDate() {
	for _, s := range []string{
		"/Date(1436925243767-0500)/",        // JSON, as the decoded string holds it
		"2015-07-14T20:54:03.7675175-05:00", // XML
		"2015-02-30T00:00:00Z",
	} {
		t, err := ucwa.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(t.Format(time.RFC3339Nano), t.UnixMilli())
	}
	// Output:
	// 2015-07-14T20:54:03.767-05:00 1436925243767
	// 2015-07-14T20:54:03.7675175-05:00 1436925243767
	// ucwa: date "2015-02-30T00:00:00Z": invalid day (offset 8)
}

func ExampleParseDataURI() {
	d, err := ucwa.ParseDataURI("data:text/html;charset=utf-8,%3Cb%3EHi%3C%2Fb%3E+there")
	if err != nil {
		fmt.Println(err)
		return
	}
	text, err := d.Text()
	fmt.Println(d.MediaType, d.Charset, text, err)

	reply := ucwa.TextDataURI("text/plain", "1 + 1 = 2")
	fmt.Println(reply)
	// Output:
	// text/html utf-8 <b>Hi</b> there <nil>
	// data:text/plain;charset=utf-8,1+%2B+1+%3D+2
}
