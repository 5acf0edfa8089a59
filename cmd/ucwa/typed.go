package main

import (
	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/catalog"
)

// typedFlag is -typed of convert: "-typed" alone types a resource or an
// event-channel response by its rels; "-typed=OP" types the input of the
// operation OP. It is a boolean flag, so that "-typed FILE" reads FILE.
type typedFlag struct {
	on bool
	op string
}

func (t *typedFlag) String() string {
	if t.op != "" {
		return t.op
	}
	if t.on {
		return "true"
	}
	return ""
}

func (t *typedFlag) Set(s string) error {
	switch s {
	case "true":
		t.on, t.op = true, ""
	case "false":
		t.on, t.op = false, ""
	default:
		t.on, t.op = true, s
	}
	return nil
}

// IsBoolFlag lets "-typed" stand alone.
func (t *typedFlag) IsBoolFlag() bool { return true }

// options returns the decoders' options -typed asks for.
func (t *typedFlag) options() (ucwa.Options, error) {
	switch {
	case !t.on:
		return ucwa.Options{}, nil
	case t.op == "":
		return ucwa.Options{Types: catalog.Typer()}, nil
	}
	op, err := catalog.Op(t.op)
	if err != nil {
		return ucwa.Options{}, err
	}
	return ucwa.Options{Types: op.Typer()}, nil
}
