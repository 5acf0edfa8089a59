package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ucwa-go/ucwa"
)

// formatFlag is a flag whose value is "json" or "xml".
type formatFlag struct{ f ucwa.Format }

func (p *formatFlag) String() string {
	if p.f == 0 {
		return ""
	}
	return p.f.String()
}

func (p *formatFlag) Set(s string) error {
	switch s {
	case "json":
		p.f = ucwa.JSON
	case "xml":
		p.f = ucwa.XML
	default:
		return errors.New(`not "json" or "xml"`)
	}
	return nil
}

// readBody reads the body named by args: FILE, "-" or nothing for standard
// input. It reads at most one byte more than ucwa.DefaultMaxSize, so that the
// decoder refuses a longer body with ucwa.ErrTooLarge without it being read
// whole.
func readBody(args []string, c *env) ([]byte, error) {
	return readLimited(args, c, ucwa.DefaultMaxSize)
}

// readLimited reads what args names, as readBody does, at most limit+1
// bytes.
func readLimited(args []string, c *env, limit int) ([]byte, error) {
	if len(args) > 1 {
		return nil, usagef("more than one FILE: %s", strings.Join(args, " "))
	}
	r := c.stdin
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", nameOf(args), err)
	}
	return data, nil
}

func nameOf(args []string) string {
	if len(args) == 0 || args[0] == "-" {
		return "standard input"
	}
	return args[0]
}

// write writes b and a newline to standard output.
func write(c *env, b []byte) error {
	if _, err := c.stdout.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// writeJSON writes v as one line of JSON, without escaping <, > and &.
func writeJSON(c *env, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	if _, err := c.stdout.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}
