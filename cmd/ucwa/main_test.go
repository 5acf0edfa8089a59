package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

// The seed example: the continuePhoneAudio input of the UCWA reference.
const (
	seedOperationID = "74cb7404e0a247d5a2d4eb0376a47dbf"
	seedPhoneNumber = "tel:+14255551234"
	seedXML         = `<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
		`<property name="operationId">74cb7404e0a247d5a2d4eb0376a47dbf</property>` +
		`<property name="phoneNumber">tel:+14255551234</property></input>`
	seedJSON = `{"operationId":"74cb7404e0a247d5a2d4eb0376a47dbf","phoneNumber":"tel:+14255551234"}`

	// The XML form as the seed page shows it, with its line breaks.
	seedXMLPage = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<input xmlns=\"http://schemas.microsoft.com/rtc/2012/03/ucwa\">\n" +
		"<property name=\"operationId\">74cb7404e0a247d5a2d4eb0376a47dbf</property>\n" +
		"<property name=\"phoneNumber\">tel:+14255551234</property>\n</input>\n"
)

// result is what one run of the command gives.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the command with args and stdin, and checks the rules every run
// obeys whatever its arguments (see checkRules).
func runCLI(t *testing.T, where, stdin string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	r := result{code, stdout.String(), stderr.String()}
	checkRules(t, where, args, r)
	return r
}

// checkRules checks the exit status contract: 0 writes nothing on standard
// error; 1 writes nothing on standard output (but validate, whose output is
// its findings) and exactly one line on standard error, starting "ucwa: "
// once; 2 writes nothing on standard output, and a "ucwa: " line and the
// usage on standard error. No run ends in the recover of last resort.
func checkRules(t *testing.T, where string, args []string, r result) {
	t.Helper()
	switch r.code {
	case 0:
		if r.stderr != "" {
			t.Errorf("%s: %q: exit 0 with stderr %q", where, args, r.stderr)
		}
		if !strings.HasSuffix(r.stdout, "\n") && r.stdout != "" {
			t.Errorf("%s: %q: stdout %q does not end in a newline", where, args, r.stdout)
		}
	case 1:
		if r.stdout != "" && (len(args) == 0 || args[0] != "validate") {
			t.Errorf("%s: %q: exit 1 with stdout %q", where, args, r.stdout)
		}
		if !strings.HasPrefix(r.stderr, "ucwa: ") || strings.HasPrefix(r.stderr, "ucwa: ucwa: ") ||
			strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") {
			t.Errorf("%s: %q: exit 1 with stderr %q, want one line starting \"ucwa: \" once", where, args, r.stderr)
		}
	case 2:
		if r.stdout != "" {
			t.Errorf("%s: %q: exit 2 with stdout %q", where, args, r.stdout)
		}
		first, rest, _ := strings.Cut(r.stderr, "\n")
		if !strings.HasPrefix(first, "ucwa: ") || strings.HasPrefix(first, "ucwa: ucwa: ") ||
			!strings.HasPrefix(rest, "usage:") {
			t.Errorf("%s: %q: exit 2 with stderr %q, want a \"ucwa: \" line and the usage", where, args, r.stderr)
		}
	default:
		t.Errorf("%s: %q: exit %d", where, args, r.code)
	}
	if strings.Contains(r.stderr, "internal error") {
		t.Errorf("%s: %q: panicked: %s", where, args, r.stderr)
	}
}

// An event-channel response, an error body and a resource, in JSON, as the
// library writes them.
const (
	eventsJSON = `{"_links":{"self":{"href":"/ucwa/v1/applications/192/events?ack=1"},"next":{"href":"/ucwa/v1/applications/192/events?ack=2"}},` +
		`"sender":[{"rel":"communication","href":"/ucwa/v1/applications/192/communication","events":[` +
		`{"link":{"rel":"conversation","href":"/ucwa/v1/applications/192/communication/conversations/1"},"type":"added"}]}]}`
	errorBodyJSON = `{"code":"Conflict","subcode":"AlreadyExists","message":"The requested resource already exists.","parameters":{"to":"sip:a@b"}}`
	errorBodyXML  = `<?xml version="1.0" encoding="utf-8"?><reason xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">` +
		`<code>Conflict</code><subcode>AlreadyExists</subcode><message>The requested resource already exists.</message>` +
		`<parameters><property name="to">sip:a@b</property></parameters></reason>`
	resourceJSON = `{"rel":"me","name":"Ann","_links":{"self":{"href":"/ucwa/v1/applications/192/me"},"note":{"href":"/ucwa/v1/applications/192/me/note"}}}`
)

// TestFileAndStdin checks that FILE, "-" and no FILE read the same body.
func TestFileAndStdin(t *testing.T) {
	file := filepath.Join(t.TempDir(), "body.json")
	if err := os.WriteFile(file, []byte(errorBodyJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"convert", "-to", "xml"}, {"error", "-status", "409"}} {
		fromFile := runCLI(t, testkit.Where(), "", append(cmd, file)...)
		fromDash := runCLI(t, testkit.Where(), errorBodyJSON, append(cmd, "-")...)
		fromStdin := runCLI(t, testkit.Where(), errorBodyJSON, cmd...)
		if fromFile.code != 0 || fromFile != fromDash || fromFile != fromStdin {
			t.Errorf("%q: file %+v, \"-\" %+v, stdin %+v", cmd, fromFile, fromDash, fromStdin)
		}
		// Flags after FILE work too.
		if after := runCLI(t, testkit.Where(), "", append([]string{cmd[0], file}, cmd[1:]...)...); after != fromFile {
			t.Errorf("%q with FILE first: %+v", cmd, after)
		}
		missing := runCLI(t, testkit.Where(), "", append(cmd, filepath.Join(t.TempDir(), "missing"))...)
		if missing.code != 1 || !strings.Contains(missing.stderr, "no such file") {
			t.Errorf("%q missing FILE: %+v", cmd, missing)
		}
	}
	// A nil stdin reads as empty.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"convert", "-to", "xml"}, nil, &stdout, &stderr); code != 1 {
		t.Errorf("nil stdin: exit %d, stderr %q", code, stderr.String())
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		at     string
		args   []string
		code   int
		stdout string // a part of stdout for code 0, of stderr otherwise
	}{
		{testkit.Where(), nil, 2, "no command"},
		{testkit.Where(), []string{"decode"}, 2, `unknown command "decode"`},
		{testkit.Where(), []string{"-f", "xml"}, 2, `unknown command "-f"`},
		{testkit.Where(), []string{"unknown\nline"}, 2, `unknown command "unknown\nline"`},
		{testkit.Where(), []string{"help"}, 0, "ucwa encode"},
		{testkit.Where(), []string{"-h"}, 0, "ucwa location"},
		{testkit.Where(), []string{"--help"}, 0, "ucwa error"},
		{testkit.Where(), []string{"encode", "-h"}, 0, "usage: ucwa encode"},
		{testkit.Where(), []string{"convert", "-help"}, 0, "-kind"},
		{testkit.Where(), []string{"location", "-h"}, 0, "-base"},
		{testkit.Where(), []string{"error", "-h"}, 0, "-content-type"},
		{testkit.Where(), []string{"batch", "-h"}, 0, "usage: ucwa batch [-content-type CT] [FILE]"},
		{testkit.Where(), []string{"help"}, 0, "ucwa batch"},
		{testkit.Where(), []string{"convert", "-to"}, 2, "flag needs an argument: -to"},
		{testkit.Where(), []string{"location", "-bse", "x", "/y"}, 2, "flag provided but not defined: -bse"},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.at, "", tt.args...)
		out := r.stderr
		if tt.code == 0 {
			out = r.stdout
		}
		if r.code != tt.code || !strings.Contains(out, tt.stdout) {
			t.Errorf("%s: %q: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.at, tt.args, r.code, r.stdout, r.stderr, tt.code, tt.stdout)
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestWriteError(t *testing.T) {
	for _, args := range [][]string{
		{"encode", "a=b"},
		{"convert", "-to", "xml"},
		{"location", "https://h/x"},
		{"error", "-status", "500"},
		{"batch"},
	} {
		var stderr bytes.Buffer
		stdin := seedJSON
		if args[0] == "batch" {
			stdin = "--b\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n\r\n--b--"
		}
		code := run(args, strings.NewReader(stdin), failWriter{}, &stderr)
		r := result{code, "", stderr.String()}
		checkRules(t, testkit.Where(), args, r)
		if code != 1 || !strings.Contains(r.stderr, "ucwa: write: broken pipe") {
			t.Errorf("%q: exit %d, stderr %q", args, code, r.stderr)
		}
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain café":      "plain café",
		"a\r\nb\tc":       `a\r\nb\tc`,
		"\x00\x7f\u0085":  `\x00\x7f\u0085`,
		"bad \xff byte":   `bad \xff byte`,
		"sep\u2028arator": `sep\u2028arator`,
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBinary builds the command and runs it, to check the exit statuses a
// shell sees.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	// go test puts its GOROOT/bin first on the PATH of the tests it runs.
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "ucwa")
	if out, err := exec.Command(goCmd, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tests := []struct {
		args   []string
		stdin  string
		code   int
		stdout string
	}{
		{[]string{"encode", "-f", "xml", "operationId=" + seedOperationID, "phoneNumber=" + seedPhoneNumber}, "", 0, seedXML + "\n"},
		{[]string{"convert", "-to", "json"}, seedXML, 0, seedJSON + "\n"},
		{[]string{"convert", "-to", "json"}, `{"a":`, 1, ""},
		{[]string{"frobnicate"}, "", 2, ""},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		cmd.Stdin = strings.NewReader(tt.stdin)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			code = exitErr.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		checkRules(t, testkit.Where(), tt.args, result{code, stdout.String(), stderr.String()})
		if code != tt.code || stdout.String() != tt.stdout {
			t.Errorf("%q: exit %d, stdout %q; want %d, %q", tt.args, code, stdout.String(), tt.code, tt.stdout)
		}
	}
}

// TestUsageDocumented holds the usage in doc.go and README.md to the list
// of commands the usage is made from, so that they cannot drift.
func TestUsageDocumented(t *testing.T) {
	var want []string
	for i := range commands {
		want = append(want, commands[i].line())
	}
	want = append(want, "ucwa help")

	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(doc), "// Usage:\n//\n")
	if !ok {
		t.Fatal("doc.go has no \"Usage:\" block")
	}
	block, _, _ = strings.Cut(block, "\n//\n")
	var got []string
	for _, l := range strings.Split(block, "\n") {
		got = append(got, strings.TrimPrefix(l, "//\t"))
	}
	if !slices.Equal(got, want) {
		t.Errorf("doc.go's usage:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range want {
		if !strings.Contains(string(readme), "\n    "+l+"\n") {
			t.Errorf("README.md does not show the usage line %q", l)
		}
	}
	if u := usage(); !strings.Contains(u, "\n  "+strings.Join(want, "\n  ")+"\n") {
		t.Errorf("usage() does not list the commands in order:\n%s", u)
	}
}
