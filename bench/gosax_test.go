package bench

import (
	"bytes"
	"fmt"

	"github.com/orisano/gosax"

	"github.com/ucwa-go/ucwa"
)

// orisano/gosax is a SAX tokenizer: it cuts the body into tags and text and
// checks little else (not that tags match, not names, not character
// references until asked). The timed op reads every token of the body and
// counts the start tags; the check reads the same body with the same reader
// into an xres, with each tag's name and attributes parsed, so that it shows
// that the tokens hold the whole resource, and compares the counts.

// gosaxTokenizer reads bodies with one gosax Reader, whose buffer it reuses.
type gosaxTokenizer struct {
	src *bytes.Reader
	r   *gosax.Reader
}

// newGosaxTokenizer returns a tokenizer whose buffer holds a body of size
// bytes in one read.
func newGosaxTokenizer(size int) *gosaxTokenizer {
	src := bytes.NewReader(nil)
	return &gosaxTokenizer{src: src, r: gosax.NewReaderBuf(src, make([]byte, 0, size+4096))}
}

func (t *gosaxTokenizer) reset(data []byte) {
	t.src.Reset(data)
	t.r.Reset(t.src)
}

// count reads every token of data and returns the number of start tags.
func (t *gosaxTokenizer) count(data []byte) (int, error) {
	t.reset(data)
	n := 0
	for {
		e, err := t.r.Event()
		if err != nil {
			return n, err
		}
		switch e.Type() {
		case gosax.EventEOF:
			return n, nil
		case gosax.EventStart:
			n++
		}
	}
}

// tree reads data into an xres and returns it with the number of start tags.
func (t *gosaxTokenizer) tree(data []byte) (*xres, int, error) {
	t.reset(data)
	t.r.EmitSelfClosingTag = true // an end event for <link … />, as for </link>
	var b xresBuilder
	n := 0
	for {
		e, err := t.r.Event()
		if err != nil {
			return nil, n, err
		}
		switch e.Type() {
		case gosax.EventEOF:
			r, err := b.result()
			return r, n, err
		case gosax.EventStart:
			n++
			se, err := gosax.StartElement(e.Bytes)
			if err != nil {
				return nil, n, err
			}
			// gosax leaves namespaces alone: the names must be unprefixed,
			// and the root must declare UCWA's namespace as the default.
			if se.Name.Space != "" || (n == 1 && attrOf(se, "xmlns") != ucwa.Namespace) {
				return nil, n, fmt.Errorf("element <%s:%s> not in the UCWA namespace", se.Name.Space, se.Name.Local)
			}
			if err := b.start(se); err != nil {
				return nil, n, err
			}
		case gosax.EventText:
			text, err := gosax.CharData(e.Bytes)
			if err != nil {
				return nil, n, err
			}
			b.charData(text)
		case gosax.EventEnd:
			b.end(gosax.EndElement(e.Bytes).Name.Local)
		}
	}
}

// gosaxCase builds the impl of the gosax tokenizer on data, whose tree must
// have the summary want.
func gosaxCase(name string, data []byte, want resSummary) impl {
	return impl{name, func() (prepared, error) {
		t := newGosaxTokenizer(len(data))
		r, starts, err := t.tree(data)
		if err != nil {
			return prepared{}, fmt.Errorf("%s: %w", name, err)
		}
		if err := checkSummary(name, xresSummary(r), want); err != nil {
			return prepared{}, err
		}
		op := func() error {
			n, err := t.count(data)
			if err == nil && n != starts {
				err = mismatch("start tags", n, starts)
			}
			return err
		}
		if err := op(); err != nil {
			return prepared{}, fmt.Errorf("%s: %w", name, err)
		}
		return prepared{ops: repeat(op), size: len(data)}, nil
	}}
}
