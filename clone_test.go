package ucwa

import (
	"errors"
	"reflect"
	"testing"
	"unsafe"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

// memoryOf collects the addresses of the memory v refers to, to any depth:
// the bytes of its strings, the arrays of its slices and what its pointers
// point to, but the scalar kinds' shared kids (see scalarKids), which no
// value owns.
func memoryOf(v reflect.Value, seen map[uintptr]string, path string) {
	switch v.Kind() {
	case reflect.String:
		if v.Len() > 0 {
			seen[uintptr(unsafe.Pointer(unsafe.StringData(v.String())))] = path
		}
	case reflect.Slice:
		if v.Cap() > 0 {
			seen[v.Pointer()] = path
		}
		for i := range v.Len() {
			memoryOf(v.Index(i), seen, path+"[]")
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Type() == reflect.TypeFor[*kids]() {
			k := (*kids)(v.UnsafePointer())
			if int(k.kind) < len(scalarKids) && k == &scalarKids[k.kind] {
				return
			}
		}
		seen[v.Pointer()] = path
		memoryOf(v.Elem(), seen, path+"*")
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).Type == reflect.TypeFor[error]() {
				continue // Error.Cause, shared by design
			}
			memoryOf(v.Field(i), seen, path+"."+v.Type().Field(i).Name)
		}
	}
}

// sharedMemory returns the path in b of memory that a refers to too, or "".
func sharedMemory(a, b any) string {
	ma, mb := map[uintptr]string{}, map[uintptr]string{}
	memoryOf(reflect.ValueOf(a), ma, "")
	memoryOf(reflect.ValueOf(b), mb, "")
	for p, path := range mb {
		if _, ok := ma[p]; ok {
			return path
		}
	}
	return ""
}

// TestClone: the Clone of a decoded body is equal to it and shares no memory
// with it, for every kind of body of the reference in both formats, and for
// values built by hand: XML attributes, empty slices (which stay empty, not
// nil), an Error's Cause (which is shared).
func TestClone(t *testing.T) {
	var d Decoder
	n := 0
	for _, e := range testkit.Reference(t) {
		f := corpusFormat(e.Format)
		k, _ := classifyBody(e.MethodOrStart(), e.Direction, f, e.Body)
		if !*e.WellFormed || k == notUCWA {
			continue
		}
		v, err := decodeWith(&d, k, e.Body, f)
		if err != nil {
			continue
		}
		c := cloneDecoded(v)
		if diff := exactDiff(v, c); diff != "" {
			t.Errorf("%s: Clone differs (-value +clone):\n%s", e.File, diff)
		}
		if path := sharedMemory(v, c); path != "" {
			t.Errorf("%s: the Clone shares %s with the value", e.File, path)
		}
		n++
	}
	if n < 300 {
		t.Errorf("%d bodies cloned, want the reference's", n)
	}

	attrs := []Property{Prop("lang", String("en"))}
	r := Resource{
		Rel: "me",
		Properties: []Property{
			Prop("s", String("x").WithAttrs(attrs...)),
			Prop("bag", Bag(Prop("a", List(Int(1), Null())), Prop("b", Bool(true))).WithAttrs(attrs...)),
			Prop("list", List(String("y")).WithAttrs(attrs...)),
		},
		Links:    []Link{{Rel: "self", Href: "/me", Attrs: []Property{}}},
		Embedded: []Resource{{Rel: "e", Properties: []Property{}}},
		empty:    &emptyRels{Links: []string{"none"}},
	}
	if sharedMemory(r, r) == "" || sharedMemory(r, Resource{Rel: r.Rel}) == "" {
		t.Fatal("sharedMemory finds nothing shared between a value and itself")
	}
	c := r.Clone()
	if diff := exactDiff(r, c); diff != "" {
		t.Errorf("Clone of a resource built by hand differs (-value +clone):\n%s", diff)
	}
	if path := sharedMemory(r, c); path != "" {
		t.Errorf("the Clone of a resource built by hand shares %s with it", path)
	}
	if c.Links[0].Attrs == nil || c.Embedded[0].Properties == nil {
		t.Error("Clone made empty slices nil")
	}

	cause := errors.New("cause")
	e := &Error{Status: 409, Code: CodeConflict, Link: &Link{Rel: "help", Href: "/h"}, Cause: cause,
		Parameters: []Property{Prop("p", String("v"))}}
	ec := e.Clone()
	if diff := exactDiff(e, ec); diff != "" || ec == e || ec.Link == e.Link || ec.Cause != cause {
		t.Errorf("Error.Clone: %p of %p, Link %p of %p, Cause %v; diff:\n%s", ec, e, ec.Link, e.Link, ec.Cause, diff)
	}
	if (*Error)(nil).Clone() != nil {
		t.Error("Clone of a nil *Error is not nil")
	}
	v := Bag(Prop("k", String("v")))
	if vc := v.Clone(); !vc.Equal(v) || sharedMemory(v, vc) != "" {
		t.Errorf("Value.Clone: %v of %v, sharing %q", vc, v, sharedMemory(v, vc))
	}
	l := Link{Rel: "r", Href: "/h", Attrs: []Property{Prop("title", String("t"))}}
	if lc := l.Clone(); exactDiff(l, lc) != "" || sharedMemory(l, lc) != "" {
		t.Errorf("Link.Clone: %+v of %+v, sharing %q", lc, l, sharedMemory(l, lc))
	}
}
