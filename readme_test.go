package ucwa_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADME runs the program of README.md's "Use" section, in a module of
// its own that uses this one, and compares what it prints with what the
// README says it prints, so that the README cannot drift from the library.
func TestREADME(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, use, ok := strings.Cut(string(readme), "\n## Use\n")
	if !ok {
		t.Fatal(`README.md has no "## Use" section`)
	}
	_, program, ok := strings.Cut(use, "```go\n")
	if !ok {
		t.Fatal(`README.md's "Use" section has no Go program`)
	}
	program, rest, ok := strings.Cut(program, "```\n")
	if !ok {
		t.Fatal("README.md: the Go program is not closed")
	}
	_, prints, ok := strings.Cut(rest, "It prints:\n\n")
	if !ok {
		t.Fatal(`README.md: no "It prints:" after the program`)
	}
	var want strings.Builder
	for _, line := range strings.SplitAfter(prints, "\n") {
		text, indented := strings.CutPrefix(line, "    ")
		if !indented {
			break
		}
		want.WriteString(text)
	}

	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gomod := "module readme\n\ngo 1.26\n\nrequire github.com/ucwa-go/ucwa v0.0.0\n\n" +
		"replace github.com/ucwa-go/ucwa => " + root + "\n"
	for name, data := range map[string]string{"go.mod": gomod, "main.go": program} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goCmd, "run", "-mod=mod", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run README.md's program: %v\n%s", err, stderr.Bytes())
	}
	if got := stdout.String(); got != want.String() {
		t.Errorf("README.md's program prints\n%s\nThe README says it prints\n%s", got, want.String())
	}
}
