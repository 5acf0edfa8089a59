package ucwa

import (
	"fmt"
	"strings"
	"testing"
)

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
