package ucwa

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
)

// TestCodeConstants reads the Code and Subcode constants from codes.go
// and checks that each is named after its value (CodeX = "X") and that no
// two of a type are equal without regard to case, which errors.Is could not
// tell apart.
func TestCodeConstants(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]map[string]string{"Code": {}, "Subcode": {}} // type → folded value → name
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			typ, ok := vs.Type.(*ast.Ident)
			if !ok || seen[typ.Name] == nil {
				continue
			}
			for i, n := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Errorf("%s: %s is not a string literal", fset.Position(n.Pos()), n.Name)
					continue
				}
				v, _ := strconv.Unquote(lit.Value)
				if n.Name != typ.Name+v {
					t.Errorf("%s: %s = %q: name and value differ", fset.Position(n.Pos()), n.Name, v)
				}
				k := strings.ToLower(v)
				if other, dup := seen[typ.Name][k]; dup {
					t.Errorf("%s: %s = %q folds to the same value as %s", fset.Position(n.Pos()), n.Name, v, other)
				}
				seen[typ.Name][k] = n.Name
			}
		}
	}
	// 21 codes, 87 + 4 subcodes (see the doc comments of Code and Subcode).
	if len(seen["Code"]) != 21 || len(seen["Subcode"]) != 91 {
		t.Errorf("found %d codes and %d subcodes, want 21 and 91", len(seen["Code"]), len(seen["Subcode"]))
	}
}

// TestCodeForStatus checks every row of the table "HTTP error codes returned
// by UCWA" (ErrorsAndInformationalMessages.md), spelled as the table spells
// it, and statuses the table does not list.
func TestCodeForStatus(t *testing.T) {
	table := []struct {
		status int
		error  string // the table's "Error" column
		want   Code
	}{
		{400, "BadRequest", CodeBadRequest},
		{403, "Forbidden", CodeForbidden},
		{404, "NotFound", CodeNotFound},
		{405, "MethodNotAllowed", CodeMethodNotAllowed},
		{408, "ClientTimeout", CodeClientTimeout},
		{409, "Conflict", CodeConflict},
		{410, "Gone", CodeGone},
		{412, "PreConditionFailed", CodePreconditionFailed},
		{413, "EntityTooLarge", CodeEntityTooLarge},
		{415, "UnsupportedMediaType", CodeUnsupportedMediaType},
		{428, "PreConditionRequired", CodePreconditionRequired},
		{429, "TooManyRequests", CodeTooManyRequests},
		{500, "ServiceFailure", CodeServiceFailure},
		{503, "ServiceUnavailable", CodeServiceUnavailable},
		{504, "Timeout", CodeTimeout},
	}
	for _, row := range table {
		got := CodeForStatus(row.status)
		if got != row.want {
			t.Errorf("CodeForStatus(%d) = %q, want %q", row.status, got, row.want)
		}
		// A server that spells the code as the table does is matched.
		e := &Error{Status: row.status, Code: Code(row.error)}
		if !errors.Is(e, got) {
			t.Errorf("errors.Is(%v, CodeForStatus(%d)) = false", e, row.status)
		}
		if u := newUnreadableError(row.status, nil); u.Code != row.want || u.Status != row.status {
			t.Errorf("newUnreadableError(%d, nil) = %+v", row.status, u)
		}
	}
	for _, status := range []int{-1, 0, 1, 100, 200, 204, 302, 401, 406, 411, 422, 501, 502, 505, 599, 1000} {
		if got := CodeForStatus(status); got != "" {
			t.Errorf("CodeForStatus(%d) = %q, want \"\"", status, got)
		}
	}
}
