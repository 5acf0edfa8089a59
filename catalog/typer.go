package catalog

import (
	"sync"

	"github.com/ucwa-go/ucwa"
)

// Typer returns the [ucwa.Typer] of the catalog, for [ucwa.Options.Types]:
// it gives the kind of each property of a resource of a known rel (see
// ForRel), so that an XML resource or event-channel body converts to JSON
// typed as the reference types it. An input's parameters are typed by its
// operation's Typer.
func Typer() ucwa.Typer { return relTyper{} }

// Typer returns the [ucwa.Typer] of the body of op: the kinds of its body
// parameters (of any rel, for a PUT's resource).
func (op *Operation) Typer() ucwa.Typer { return opTyper{op} }

type relTyper struct{}

func (relTyper) PropertyKind(rel, name string) (ucwa.Kind, bool) {
	r := relIndex()[rel]
	if r == nil {
		return 0, false
	}
	f := r.Property(name)
	if f == nil {
		return 0, false
	}
	return kindOf(f.Type)
}

type opTyper struct{ op *Operation }

func (t opTyper) PropertyKind(rel, name string) (ucwa.Kind, bool) {
	f := find(t.op.BodyParams(), name, "")
	if f == nil {
		return 0, false
	}
	return kindOf(f.Type)
}

// relIndex maps each rel to the resource ForRel gives.
var relIndex = sync.OnceValue(func() map[string]*Resource {
	m := map[string]*Resource{}
	for i := range resources {
		rel := resources[i].Rel
		if _, ok := m[rel]; !ok {
			m[rel] = ForRel(rel)
		}
	}
	return m
})

// kindOf returns the kind of ucwa.Value a value of type t is (of its items,
// for a list).
func kindOf(t Type) (ucwa.Kind, bool) {
	switch t.Kind {
	case String, Enum, TimeSpan, Href:
		return ucwa.KindString, true
	case Boolean:
		return ucwa.KindBool, true
	case Int32, Int64:
		return ucwa.KindNumber, true
	case DateTime:
		return ucwa.KindDate, true
	}
	return 0, false
}
