package fuzz

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

// The reused decoder against the one-shot functions: a ucwa.Decoder that
// has read a body must read the next exactly as a one-shot decode does.

// A decodeKind is one of the four decodes, as the fuzzer picks it.
type decodeKind uint8

const (
	kindInput decodeKind = iota
	kindResource
	kindEvents
	kindError
)

// oneShot decodes data as k with the one-shot function.
func oneShot(k decodeKind, data []byte, f ucwa.Format) (any, error) {
	switch k {
	case kindInput:
		return ucwa.DecodeInput(data, f)
	case kindResource:
		return ucwa.DecodeResource(data, f)
	case kindEvents:
		return ucwa.DecodeEvents(data, f)
	}
	return ucwa.DecodeErrorBody(data, f)
}

// reused decodes data as k with d, and returns the value and its Clone.
func reused(d *ucwa.Decoder, k decodeKind, data []byte, f ucwa.Format) (v, clone any, err error) {
	switch k {
	case kindInput:
		in, err := d.DecodeInput(data, f)
		return in, in.Clone(), err
	case kindResource:
		r, err := d.DecodeResource(data, f)
		return r, r.Clone(), err
	case kindEvents:
		ev, err := d.DecodeEvents(data, f)
		return ev, ev.Clone(), err
	}
	e, err := d.DecodeErrorBody(data, f)
	return e, e.Clone(), err
}

// exactly compares two decoded values field by field, unexported ones
// included.
var exactly = cmp.Exporter(func(reflect.Type) bool { return true })

// sameErr reports whether a and b are the same error, or both nil.
func sameErr(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Error() == b.Error()
}

// FuzzDecoderReuse decodes prev and then data with one ucwa.Decoder, each
// as the kind and in the format the last byte picks, and compares the second
// result (error included) with the one-shot decode of data: anything prev
// left in the Decoder would show. The Decoder then reads prev again, and
// the Clone of the second result must still equal the one-shot value.
func FuzzDecoderReuse(f *testing.F) {
	var bodies [][]byte
	for _, format := range []ucwa.Format{ucwa.JSON, ucwa.XML} {
		bodies = append(bodies, testkit.ReferenceBodies(format.String())...)
	}
	for _, s := range append(append([]string(nil), jsonSeeds...), xmlSeeds...) {
		bodies = append(bodies, []byte(s))
	}
	for i := range bodies {
		prev, data := bodies[i], bodies[(i+1)%len(bodies)]
		for _, pick := range []byte{byte(i), byte(i) ^ 0x5a} {
			f.Add(prev, data, pick)
		}
	}
	f.Fuzz(func(t *testing.T, prev, data []byte, pick byte) {
		format := func(b byte) ucwa.Format {
			if b&1 != 0 {
				return ucwa.XML
			}
			return ucwa.JSON
		}
		kp, fp := decodeKind(pick>>1&3), format(pick>>3)
		k, fd := decodeKind(pick>>4&3), format(pick>>6)
		var d ucwa.Decoder
		reused(&d, kp, prev, fp)
		got, clone, err := reused(&d, k, data, fd)
		want, wantErr := oneShot(k, data, fd)
		if !sameErr(err, wantErr) {
			t.Fatalf("Decoder error %v, one-shot %v", err, wantErr)
		}
		if diff := cmp.Diff(want, got, exactly); diff != "" {
			t.Fatalf("Decoder and one-shot differ (-one-shot +Decoder):\n%s", diff)
		}
		if diff := cmp.Diff(want, clone, exactly); diff != "" {
			t.Fatalf("Clone differs (-value +clone):\n%s", diff)
		}
		reused(&d, kp, prev, fp)
		if diff := cmp.Diff(want, clone, exactly); diff != "" {
			t.Fatalf("the Clone changed when the Decoder read another body (-want +clone):\n%s", diff)
		}
	})
}
