package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// A command is one subcommand. Its synopsis is the usage line after "ucwa
// NAME"; setup defines its flags and returns the function that runs it on the
// remaining arguments.
type command struct {
	name     string
	synopsis string
	setup    func(fs *flag.FlagSet) func(args []string, c *env) error
}

// commands lists the subcommands in the order the usage shows them. The
// usage, each command's usage line and the tests that hold doc.go and
// README.md to them are all made from this list.
var commands = []command{
	{"encode", "[-f json|xml] [-op OP] [-link REL=HREF]... [NAME=VALUE | NAME:=JSON]...", setupEncode},
	{"convert", "[-from json|xml] -to json|xml [-kind input|resource|events|error] [-typed[=OP]] [FILE]", setupConvert},
	{"describe", "[-json] NAME", setupDescribe},
	{"validate", "[-op OP | -rel NAME] [FILE]", setupValidate},
	{"location", "[-base URL] VALUE", setupLocation},
	{"error", "-status N [-content-type CT] [FILE]", setupError},
	{"batch", "[-content-type CT] [FILE]", setupBatch},
}

// line returns the command's usage line, such as "ucwa location [-base URL] VALUE".
func (c *command) line() string { return "ucwa " + c.name + " " + c.synopsis }

// lookup returns the command called name.
func lookup(name string) (*command, bool) {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i], true
		}
	}
	return nil, false
}

// usage returns the usage of the whole tool.
func usage() string {
	var b strings.Builder
	b.WriteString("usage:\n")
	for i := range commands {
		b.WriteString("  " + commands[i].line() + "\n")
	}
	b.WriteString("  ucwa help\n\n")
	b.WriteString(`FILE absent or "-" is standard input. Run "ucwa COMMAND -h" for a command's flags.` + "\n")
	return b.String()
}

// env holds what a command reads and writes.
type env struct {
	stdin  io.Reader
	stdout io.Writer
}

// usageError is a misuse of the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// run runs the command line args (without the program name) and returns the
// exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (status int) {
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	// A last resort: no input should make the code below panic, and the
	// tests check that none does. Should one, the contract still holds.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "ucwa: internal error: %s\n", oneLine(fmt.Sprint(r)))
			status = 1
		}
	}()

	if len(args) == 0 {
		fmt.Fprint(stderr, "ucwa: no command\n"+usage())
		return 2
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage())
		return 0
	}
	cmd, ok := lookup(name)
	if !ok {
		fmt.Fprintf(stderr, "ucwa: unknown command %s\n%s", strconv.Quote(name), usage())
		return 2
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	do := cmd.setup(fs)
	cmdUsage := func(w io.Writer) {
		fmt.Fprintf(w, "usage: %s\n", cmd.line())
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
	operands, err := parseFlags(fs, args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			cmdUsage(stdout)
			return 0
		}
		fmt.Fprintf(stderr, "ucwa: %s: %s\n", name, oneLine(err.Error()))
		cmdUsage(stderr)
		return 2
	}
	err = do(operands, &env{stdin: stdin, stdout: stdout})
	if err == nil {
		return 0
	}
	if u, ok := err.(*usageError); ok {
		fmt.Fprintf(stderr, "ucwa: %s: %s\n", name, oneLine(u.msg))
		cmdUsage(stderr)
		return 2
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "ucwa: ") {
		msg = "ucwa: " + msg
	}
	fmt.Fprintln(stderr, oneLine(msg))
	return 1
}

// parseFlags parses the flags among args and returns the other arguments,
// the operands. Flags and operands may come in any order; "-" alone is an
// operand, and everything after the first "--" is one.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var operands, tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(operands, tail...), nil
		}
		operands = append(operands, args[0])
		args = args[1:]
	}
}

// oneLine makes s fit on one line of a terminal: control characters and
// bytes that are not UTF-8 are written as Go escapes (\n, \x00).
func oneLine(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029':
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
