// Package api holds a typed input for every operation of the UCWA 2.0
// reference that takes a body: a Go type per operation (StartMessaging,
// AddParticipant, MyOnlineMeetings, PutMyOnlineMeeting, …), with fields
// typed as the reference types its parameters, a Validate method that
// checks the reference's rules, and encoders that write exactly what the
// generic [ucwa.Input] writes for the same parameters, without building one.
// The types, and the enumerations of the reference as string types with
// constants, are generated from package catalog (see zz_api.go).
//
// # Fields
//
// A parameter's field is typed as the reference types it: string, bool, int
// (Int32), int64, time.Time (DateTime), time.Duration (TimeSpan), an enum
// type such as [Importance], a slice for a list. A link-valued parameter
// (the reference's ExternalResource, such as startMessaging's message) is
// the string href of the link, written under "_links" in JSON and as a
// <link> in XML; a message is a data URI, such as
// ucwa.TextDataURI("text/plain", "Hello").String().
//
// # Unset parameters
//
// An optional parameter left unset is not written. How unset is told from a
// value depends on whether the type's zero value is one a client sends:
//
//   - string, enum, href, list, time.Time: the zero value ("", nil or empty,
//     the zero time) is unset. An empty string or list cannot be sent
//     through a typed input; the generic ucwa.Input can send one.
//   - bool, integers, time.Duration: an optional one is an [Opt], whose Set
//     tells unset (false, the zero Opt) from a value; build one with
//     [Some]. A required one is a plain value, always written.
//
// A JSON null, which the reference allows for its Nullable parameters, is
// read as unset.
//
// # Rules
//
// Validate checks the rules of the reference: a required parameter is set,
// a string is at most its maximum length (in characters as .NET counts
// them: see [ucwa.TextLength]), an integer within its range, an enum value
// one of its enumeration. The error is a [*ucwa.InputError] that names the
// operation and the parameter and wraps [ucwa.ErrInvalidInput].
//
// The encoders call Validate first and refuse an input it refuses: a typed
// input cannot send a body the server is documented to refuse. To send one
// all the same (to test a server, say), encode its Input, the generic form,
// which is written as it is. Like every encoder of package ucwa, they also
// refuse a value the format cannot carry (invalid UTF-8, NUL) with a
// [*ucwa.EncodeError], and allocate nothing when dst has room.
//
// # Reading
//
// Each type reads a body with FromInput, from an [ucwa.Input] decoded with
// [ucwa.DecodeInput] (a PUT body: from the properties of an
// [ucwa.Resource]), and writes back the bytes it was read from, but for
// what has more than one form: the order of the parameters (written in the
// order of the reference), booleans in XML (written "true" and "false"),
// dates (written with the precision and zone form [ucwa.Date] gives) and
// nulls (unset). XML carries no types: read an XML body with the type as
// its [ucwa.Options.Types] (each type is a [ucwa.Typer] of its own
// parameters), or with [Decode], which does.
package api

import (
	"errors"
	"slices"

	"github.com/ucwa-go/ucwa"
)

// An Opt is an optional parameter whose type's zero value is a value a
// client sends (false, 0): Set tells a value from unset. The zero Opt is
// unset.
type Opt[T any] struct {
	V   T
	Set bool
}

// Some returns the Opt set to v.
func Some[T any](v T) Opt[T] { return Opt[T]{V: v, Set: true} }

// Operation is what every typed input implements.
type Operation interface {
	// Validate checks the input against the rules of the reference.
	Validate() error
	AppendJSON(dst []byte) ([]byte, error)
	AppendXML(dst []byte) ([]byte, error)
	Append(dst []byte, f ucwa.Format) ([]byte, error)
	Marshal(f ucwa.Format) ([]byte, error)
	// Input returns the parameters that are set as a generic Input, which
	// encodes to the same bytes, without the checks of Validate.
	Input() ucwa.Input
	// FromInput sets the input from the properties and links of in.
	FromInput(in *ucwa.Input) error
	// PropertyKind makes each input the Typer of its own parameters.
	PropertyKind(rel, name string) (ucwa.Kind, bool)
}

// New returns a new, empty typed input of the operation named op, as
// package catalog names operations ("startMessaging",
// "myOnlineMeeting:PUT"), and false when op takes no body this package
// types.
func New(op string) (Operation, bool) {
	i, ok := slices.BinarySearchFunc(operations[:], op, func(e opEntry, op string) int {
		switch {
		case e.name < op:
			return -1
		case e.name > op:
			return 1
		}
		return 0
	})
	if !ok {
		return nil, false
	}
	return operations[i].new(), true
}

// Names returns the names of the operations this package types, sorted.
func Names() []string {
	names := make([]string, len(operations))
	for i, e := range operations {
		names[i] = e.name
	}
	return names
}

// opEntry is an entry of the generated table of operations.
type opEntry struct {
	name string
	put  bool // a PUT, whose body is a resource
	new  func() Operation
}

// IsPut reports whether op's body is a resource (a PUT) rather than an
// input.
func IsPut(op string) bool {
	for _, e := range operations {
		if e.name == op {
			return e.put
		}
	}
	return false
}

// Decode reads the body of a request of the operation op, in format f, into
// a new typed input: an input (JSON object, XML <input>), or for a PUT a
// resource whose properties are the parameters (its "rel" and links aside).
// An XML body is read with the input as its Typer. It does not validate.
func Decode(op string, data []byte, f ucwa.Format) (Operation, error) {
	x, ok := New(op)
	if !ok {
		return nil, errors.New("ucwa: no typed input for the operation " + op)
	}
	opts := ucwa.Options{Types: x}
	if IsPut(op) {
		r, err := opts.DecodeResource(data, f)
		if err != nil {
			return nil, err
		}
		in := ucwa.Input{Properties: r.Properties}
		return x, x.FromInput(&in)
	}
	in, err := opts.DecodeInput(data, f)
	if err != nil {
		return nil, err
	}
	return x, x.FromInput(&in)
}
