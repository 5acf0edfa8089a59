// Command ucwa encodes, decodes and converts the bodies of Microsoft's
// Unified Communications Web API 2.0 (UCWA) with package
// github.com/ucwa-go/ucwa, and reads its Location headers and error responses.
//
// Usage:
//
//	ucwa encode [-f json|xml] [-link REL=HREF]... [NAME=VALUE | NAME:=JSON]...
//	ucwa convert [-from json|xml] -to json|xml [-kind KIND] [FILE]
//	ucwa location [-base URL] VALUE
//	ucwa error -status N [-content-type CT] [FILE]
//
// Flags and other arguments may come in any order; every argument after "--"
// is not a flag (write -flag=-- for a flag whose value is "--"). FILE absent
// or "-" means standard input. Bodies longer than ucwa.DefaultMaxSize are refused.
//
// # encode
//
// encode writes an input (the body of a POST) with the properties and links
// given, in order, to standard output, followed by a newline: the bytes are
// those of ucwa.Input's AppendJSON or AppendXML. NAME=VALUE is a string
// property: VALUE is taken as is, "=" and all. NAME:=JSON is a typed property
// whose value is the JSON value JSON (true, 3, null, ["a"], {"k":"v"} or a
// string; "\/Date(…)\/" is a date), read by the library's JSON decoder, so a
// NAME cannot end in ":". -link REL=HREF adds a link, such as the message of
// startMessaging. With no property and no link, encode writes an empty input.
//
// # convert
//
// convert reads any UCWA body (input, resource, events or error) and writes it
// in the format -to says, followed by a newline. The source format is -from,
// or else is told from the first byte (ucwa.DetectFormat). The kind of body is
// -kind (input, resource, events or error), or else is told from the body:
//
//   - XML: the root element, <input>, <resource>, <events> or <reason>.
//   - JSON, from the top-level member names: "sender" makes events; else
//     "code" without "rel" or "_links" makes an error; else "rel",
//     "_embedded", or "_links" holding a "self" link makes a resource; else
//     the body is an input (so an input's own "_links", such as the message of
//     startMessaging, keeps it an input). A JSON resource with neither "rel"
//     nor a self link, as a few examples of the UCWA reference show, is read
//     as an input: give -kind resource.
//
// Converting to the format the body is in re-encodes it as the library does.
//
// # location
//
// location reads the value of a Location header with ucwa.ParseLocation and
// prints one line of JSON: {"url", "path", "application", "resource", "id"}.
// -base is the URL of the request the header answered. It is required for a
// path; for an absolute http or https URL without -base, the URL's own origin
// is the base. The tool never assumes a host. A refused value (another origin,
// CR or LF, a bad scheme, …) exits 1.
//
// # error
//
// error reads the body of a failed response of HTTP status -status with
// ucwa.ResponseError and prints one line of JSON: {"status", "code",
// "subcode", "message"}, then "link", "parameters", "debugInfo" and "extra"
// when present, and "cause" when the body is not a UCWA error body (an HTML
// page, an empty or truncated body). -content-type is the response's
// Content-Type; absent, the format is told from the body. A body that is not
// a UCWA error body still stands for an error, which is printed: the exit
// status is 0.
//
// # Exit status
//
// 0 on success; 1 when the input is refused, with one line on standard error
// that starts "ucwa: "; 2 on a usage error (unknown command, bad flag,
// missing or extra argument), with the usage on standard error. "ucwa help"
// and -h print the usage on standard output and exit 0.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ucwa-go/ucwa"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage:
  ucwa encode [-f json|xml] [-link REL=HREF]... [NAME=VALUE | NAME:=JSON]...
  ucwa convert [-from json|xml] -to json|xml [-kind input|resource|events|error] [FILE]
  ucwa location [-base URL] VALUE
  ucwa error -status N [-content-type CT] [FILE]
  ucwa help

FILE absent or "-" is standard input. Run "ucwa COMMAND -h" for a command's flags.
`

// A command is one subcommand: its flags are defined by setup, which returns
// the function that runs it on the remaining arguments.
type command struct {
	usage string
	setup func(fs *flag.FlagSet) func(args []string, c *env) error
}

var commands = map[string]command{
	"encode":   {"ucwa encode [-f json|xml] [-link REL=HREF]... [NAME=VALUE | NAME:=JSON]...", setupEncode},
	"convert":  {"ucwa convert [-from json|xml] -to json|xml [-kind input|resource|events|error] [FILE]", setupConvert},
	"location": {"ucwa location [-base URL] VALUE", setupLocation},
	"error":    {"ucwa error -status N [-content-type CT] [FILE]", setupError},
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
		fmt.Fprint(stderr, "ucwa: no command\n"+usage)
		return 2
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "ucwa: unknown command %s\n%s", strconv.Quote(name), usage)
		return 2
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	do := cmd.setup(fs)
	cmdUsage := func(w io.Writer) {
		fmt.Fprintf(w, "usage: %s\n", cmd.usage)
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
	data, err := io.ReadAll(io.LimitReader(r, ucwa.DefaultMaxSize+1))
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

// encode

func setupEncode(fs *flag.FlagSet) func([]string, *env) error {
	format := formatFlag{ucwa.JSON}
	fs.Var(&format, "f", "output `format`: json or xml")
	var links []ucwa.Link
	fs.Func("link", "add the link `REL=HREF` (repeatable)", func(s string) error {
		rel, href, ok := strings.Cut(s, "=")
		if !ok || rel == "" {
			return errors.New("want REL=HREF")
		}
		links = append(links, ucwa.Link{Rel: rel, Href: href})
		return nil
	})
	return func(args []string, c *env) error {
		in := ucwa.Input{Links: links}
		for _, arg := range args {
			p, err := parseProperty(arg)
			if err != nil {
				return err
			}
			in.Properties = append(in.Properties, p)
		}
		b, err := in.Append(nil, format.f)
		if err != nil {
			return err
		}
		return write(c, b)
	}
}

// parseProperty reads NAME=VALUE (a string) or NAME:=JSON (a JSON value).
func parseProperty(arg string) (ucwa.Property, error) {
	name, value, ok := strings.Cut(arg, "=")
	if !ok || name == "" || name == ":" {
		return ucwa.Property{}, usagef("want NAME=VALUE or NAME:=JSON, not %s", strconv.Quote(arg))
	}
	typed, isTyped := strings.CutSuffix(name, ":")
	if !isTyped {
		return ucwa.Prop(name, ucwa.String(value)), nil
	}
	v, err := parseJSONValue(value)
	if err != nil {
		return ucwa.Property{}, fmt.Errorf("%s:=%s: %w", typed, shorten(value), err)
	}
	return ucwa.Prop(typed, v), nil
}

// parseJSONValue reads one JSON value with the library's JSON decoder, as
// the value of a property of a one-property input.
func parseJSONValue(s string) (ucwa.Value, error) {
	// json.Valid makes sure s is one value, so that it cannot add members
	// to the object it is put in.
	if !json.Valid([]byte(s)) {
		return ucwa.Value{}, errors.New("not a JSON value")
	}
	in, err := ucwa.DecodeInput([]byte(`{"v":`+s+`}`), ucwa.JSON)
	if err != nil {
		var de *ucwa.DecodeError
		if errors.As(err, &de) {
			return ucwa.Value{}, errors.New(de.Msg)
		}
		return ucwa.Value{}, err
	}
	if len(in.Properties) != 1 || in.Properties[0].Name != "v" || len(in.Links) != 0 {
		return ucwa.Value{}, errors.New("not a JSON value")
	}
	return in.Properties[0].Value, nil
}

// shorten quotes s for a message, cut after 40 bytes.
func shorten(s string) string {
	if len(s) > 40 {
		return strconv.Quote(s[:40]) + "…"
	}
	return strconv.Quote(s)
}

// convert

// The kinds of body convert reads.
const (
	kindInput    = "input"
	kindResource = "resource"
	kindEvents   = "events"
	kindError    = "error"
)

func setupConvert(fs *flag.FlagSet) func([]string, *env) error {
	var from, to formatFlag
	fs.Var(&from, "from", "input `format`, json or xml (default: told from the first byte)")
	fs.Var(&to, "to", "output `format`, json or xml (required)")
	kind := ""
	fs.Func("kind", "the body's `kind`: input, resource, events or error (default: told from the body)", func(s string) error {
		switch s {
		case kindInput, kindResource, kindEvents, kindError:
			kind = s
			return nil
		}
		return errors.New("not input, resource, events or error")
	})
	return func(args []string, c *env) error {
		if to.f == 0 {
			return usagef("-to is required")
		}
		data, err := readBody(args, c)
		if err != nil {
			return err
		}
		f := from.f
		if f == 0 {
			var ok bool
			if f, ok = ucwa.DetectFormat(data); !ok {
				return fmt.Errorf("%s: not JSON nor XML: the body does not start with '{' or '<'", nameOf(args))
			}
		}
		k := kind
		if k == "" {
			k = detectKind(data, f)
		}
		out, err := convert(data, f, k, to.f)
		if err != nil {
			return err
		}
		return write(c, out)
	}
}

// convert decodes data, a body of kind k in format from, and encodes it in
// format to.
func convert(data []byte, from ucwa.Format, k string, to ucwa.Format) ([]byte, error) {
	switch k {
	case kindResource:
		r, err := ucwa.DecodeResource(data, from)
		if err != nil {
			return nil, err
		}
		return r.Append(nil, to)
	case kindEvents:
		ev, err := ucwa.DecodeEvents(data, from)
		if err != nil {
			return nil, err
		}
		return ev.Append(nil, to)
	case kindError:
		e, err := ucwa.DecodeErrorBody(data, from)
		if err != nil {
			return nil, err
		}
		return e.Append(nil, to)
	}
	in, err := ucwa.DecodeInput(data, from)
	if err != nil {
		return nil, err
	}
	return in.Append(nil, to)
}

// detectKind tells the kind of body data is, as the package comment says.
// What it cannot read it calls an input, whose decoder then says what is
// wrong.
func detectKind(data []byte, f ucwa.Format) string {
	data = ucwa.StripBOM(data)
	if f == ucwa.XML {
		return xmlRootKind(data)
	}
	return jsonKind(data)
}

// xmlRootKind tells the kind from the name of the root element, skipping
// the XML declaration, processing instructions, comments and white space.
func xmlRootKind(data []byte) string {
	for {
		data = bytes.TrimLeft(data, " \t\r\n")
		switch {
		case bytes.HasPrefix(data, []byte("<?")):
			i := bytes.Index(data, []byte("?>"))
			if i < 0 {
				return kindInput
			}
			data = data[i+2:]
			continue
		case bytes.HasPrefix(data, []byte("<!--")):
			i := bytes.Index(data[4:], []byte("-->"))
			if i < 0 {
				return kindInput
			}
			data = data[4+i+3:]
			continue
		case !bytes.HasPrefix(data, []byte("<")):
			return kindInput
		}
		name := data[1:]
		if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
			name = name[:i]
		}
		if i := bytes.LastIndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		switch string(name) {
		case "resource":
			return kindResource
		case "events":
			return kindEvents
		case "reason":
			return kindError
		}
		return kindInput
	}
}

// jsonKind tells the kind from the names of the members of the top-level
// object, as far as it is well-formed.
func jsonKind(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	var code, rel, links, self, embedded, sender bool
	classify := func() string {
		switch {
		case sender:
			return kindEvents
		case code && !rel && !links:
			return kindError
		case rel || embedded || self:
			return kindResource
		}
		return kindInput
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return kindInput
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return classify()
		}
		name, _ := t.(string)
		switch name {
		case "code":
			code = true
		case "rel":
			rel = true
		case "_embedded":
			embedded = true
		case "sender":
			sender = true
		case "_links":
			links = true
			var m map[string]json.RawMessage
			if err := dec.Decode(&m); err != nil {
				return classify()
			}
			_, has := m["self"]
			self = self || has
			continue
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return classify()
		}
	}
	return classify()
}

// location

// locationJSON is what location prints.
type locationJSON struct {
	URL         string `json:"url"`
	Path        string `json:"path"`
	Application string `json:"application"`
	Resource    string `json:"resource"`
	ID          string `json:"id"`
}

func setupLocation(fs *flag.FlagSet) func([]string, *env) error {
	base := fs.String("base", "", "the `URL` of the request (required unless VALUE is an absolute URL)")
	baseSet := false
	return func(args []string, c *env) error {
		fs.Visit(func(f *flag.Flag) { baseSet = baseSet || f.Name == "base" })
		if len(args) != 1 {
			return usagef("want one VALUE, got %d arguments", len(args))
		}
		value := args[0]
		var b *url.URL
		if baseSet {
			var err error
			if b, err = url.Parse(*base); err != nil {
				return fmt.Errorf("-base: %w", err)
			}
		} else {
			if strings.HasPrefix(value, "/") {
				return usagef("-base is required when VALUE is a path")
			}
			b = originOf(value)
		}
		loc, err := ucwa.ParseLocation(b, value)
		if err != nil {
			return err
		}
		if !baseSet && b.Host == placeholderHost {
			// Unreachable: every value that originOf cannot take an
			// origin from is refused whatever the base. Never print a URL
			// on a host the user did not name.
			return errors.New("-base is required for this VALUE")
		}
		return writeJSON(c, locationJSON{
			URL:         loc.URL.String(),
			Path:        loc.Path,
			Application: loc.Application,
			Resource:    loc.Resource,
			ID:          loc.ID,
		})
	}
}

// placeholderHost is the host of the base originOf gives a value that has no
// origin of its own. ".invalid" is reserved (RFC 2606) and never resolves.
const placeholderHost = "base.invalid"

// originOf returns the origin of value, an absolute http or https URL, as a
// base for it. For any other value, which ParseLocation refuses whatever the
// base (a relative reference, another scheme, a URL without a host), it
// returns a placeholder base so that ParseLocation says why.
func originOf(value string) *url.URL {
	u, err := url.Parse(value)
	if err == nil && u.Host != "" && (strings.EqualFold(u.Scheme, "http") || strings.EqualFold(u.Scheme, "https")) {
		return &url.URL{Scheme: strings.ToLower(u.Scheme), Host: u.Host, Path: "/"}
	}
	return &url.URL{Scheme: "https", Host: placeholderHost, Path: "/"}
}

// error

// errorJSON is what error prints.
type errorJSON struct {
	Status     int             `json:"status"`
	Code       string          `json:"code"`
	Subcode    string          `json:"subcode"`
	Message    string          `json:"message"`
	Link       *linkJSON       `json:"link,omitempty"`
	Parameters json.RawMessage `json:"parameters,omitempty"`
	DebugInfo  json.RawMessage `json:"debugInfo,omitempty"`
	Extra      json.RawMessage `json:"extra,omitempty"`
	Cause      string          `json:"cause,omitempty"`
}

type linkJSON struct {
	Href  string `json:"href"`
	Title string `json:"title,omitempty"`
}

func setupError(fs *flag.FlagSet) func([]string, *env) error {
	status := fs.Int("status", 0, "the HTTP `status` of the response, 100 to 599 (required)")
	contentType := fs.String("content-type", "", "the response's Content-Type (default: the format told from the body)")
	return func(args []string, c *env) error {
		if *status == 0 {
			return usagef("-status is required")
		}
		if *status < 100 || *status > 599 {
			return usagef("-status %d is not an HTTP status (100 to 599)", *status)
		}
		data, err := readBody(args, c)
		if err != nil {
			return err
		}
		e := ucwa.ResponseError(*status, *contentType, data)
		out := errorJSON{
			Status:  e.Status,
			Code:    string(e.Code),
			Subcode: string(e.Subcode),
			Message: e.Message,
		}
		if e.Link != nil {
			out.Link = &linkJSON{Href: e.Link.Href}
			out.Link.Title, _ = e.Link.Title()
		}
		if out.Parameters, err = bagJSON(e.Parameters); err != nil {
			return err
		}
		if out.DebugInfo, err = bagJSON(e.DebugInfo); err != nil {
			return err
		}
		if out.Extra, err = bagJSON(e.Extra); err != nil {
			return err
		}
		if e.Cause != nil {
			out.Cause = strings.TrimPrefix(e.Cause.Error(), "ucwa: ")
		}
		return writeJSON(c, out)
	}
}

// bagJSON returns the JSON object the library writes for the properties ps,
// or nil for none.
func bagJSON(ps []ucwa.Property) (json.RawMessage, error) {
	if len(ps) == 0 {
		return nil, nil
	}
	in := ucwa.Input{Properties: ps}
	return in.AppendJSON(nil)
}
