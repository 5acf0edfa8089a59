package ucwa

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// errorTestAt returns the file:line of its caller, so that a table row can
// say where it is.
func errorTestAt() string {
	_, file, line, _ := runtime.Caller(1)
	return filepath.Base(file) + ":" + strconv.Itoa(line)
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		at   string
		err  *Error
		want string
	}{{
		at: errorTestAt(),
		err: &Error{Status: 409, Code: CodeConflict, Subcode: SubcodeAlreadyExists,
			Message: "The requested resource already exists. Please wait and try again."},
		want: "ucwa: 409 Conflict/AlreadyExists: The requested resource already exists. Please wait and try again.",
	}, {
		at:   errorTestAt(),
		err:  &Error{Status: 404, Code: CodeNotFound},
		want: "ucwa: 404 NotFound",
	}, {
		at:   errorTestAt(), // an event's reason has no status
		err:  &Error{Code: CodeGone, Subcode: SubcodeCannotRedirect},
		want: "ucwa: Gone/CannotRedirect",
	}, {
		at:   errorTestAt(), // unknown code and subcode are kept as they came
		err:  &Error{Status: 418, Code: "Teapot", Subcode: "Short", Message: "and stout"},
		want: "ucwa: 418 Teapot/Short: and stout",
	}, {
		at:   errorTestAt(), // code spelled as the HTTP table does
		err:  &Error{Status: 412, Code: "PreConditionFailed"},
		want: "ucwa: 412 PreConditionFailed",
	}, {
		at:   errorTestAt(), // a subcode without the (required) code
		err:  &Error{Subcode: SubcodeAlreadyExists},
		want: "ucwa: /AlreadyExists",
	}, {
		at:   errorTestAt(),
		err:  &Error{},
		want: "ucwa: error",
	}, {
		at:   errorTestAt(),
		err:  &Error{Message: "no code"},
		want: "ucwa: error: no code",
	}, {
		at:   errorTestAt(), // empty body from a proxy, status not in the table
		err:  newUnreadableError(502, nil),
		want: "ucwa: 502: not a UCWA error body",
	}, {
		at:   errorTestAt(),
		err:  newUnreadableError(503, fmt.Errorf("%w: Content-Type %q", ErrNotUCWA, "text/html")),
		want: `ucwa: 503 ServiceUnavailable: not a UCWA error body: Content-Type "text/html"`,
	}, {
		at: errorTestAt(), // truncated JSON: the cause's "ucwa: " is dropped
		err: newUnreadableError(500, &DecodeError{Format: JSON, Offset: 12, Path: "/code",
			Err: ErrSyntax, Msg: "unexpected end of input"}),
		want: "ucwa: 500 ServiceFailure: not a UCWA error body: json: unexpected end of input at /code (offset 12)",
	}, {
		at:   errorTestAt(),
		err:  newUnreadableError(0, errors.New("empty body")),
		want: "ucwa: error: not a UCWA error body: empty body",
	}}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%s: Error() =\n\t%q, want\n\t%q", tt.at, got, tt.want)
		}
	}
}

func TestErrorIs(t *testing.T) {
	conflict := &Error{Status: 409, Code: CodeConflict, Subcode: SubcodeAlreadyExists, Message: "exists"}
	syntax := &DecodeError{Format: XML, Offset: 3, Err: ErrSyntax, Msg: "unexpected EOF"}
	tests := []struct {
		at     string
		err    error
		target error
		want   bool
	}{
		// Code targets match the code only.
		{errorTestAt(), conflict, CodeConflict, true},
		{errorTestAt(), conflict, CodeNotFound, false},
		{errorTestAt(), conflict, Code("AlreadyExists"), false},
		{errorTestAt(), conflict, Code("conflict"), true}, // ASCII case is ignored
		{errorTestAt(), conflict, Code("Conflic"), false},
		{errorTestAt(), &Error{Code: "PreConditionFailed"}, CodePreconditionFailed, true},
		{errorTestAt(), &Error{Code: CodePreconditionFailed}, Code("PreConditionFailed"), true},
		{errorTestAt(), &Error{Code: "PreConditionRequired"}, CodePreconditionRequired, true},
		{errorTestAt(), &Error{Code: "K"}, Code("\u212a"), false}, // no Unicode folding (Kelvin sign)
		{errorTestAt(), &Error{Code: "FutureCode"}, Code("FutureCode"), true},
		{errorTestAt(), &Error{Code: "FutureCode"}, CodeServiceFailure, false},

		// Subcode targets match the subcode only, even for a word that is
		// also a code.
		{errorTestAt(), conflict, SubcodeAlreadyExists, true},
		{errorTestAt(), conflict, Subcode("alreadyexists"), true},
		{errorTestAt(), conflict, SubcodeTooManyGroups, false},
		{errorTestAt(), conflict, Subcode("Conflict"), false},
		{errorTestAt(), &Error{Code: CodeTimeout}, SubcodeTimeout, false},
		{errorTestAt(), &Error{Code: CodeServiceFailure, Subcode: SubcodeTimeout}, SubcodeTimeout, true},
		{errorTestAt(), &Error{Code: CodeServiceFailure, Subcode: SubcodeTimeout}, CodeTimeout, false},
		{errorTestAt(), &Error{Code: CodeUnsupportedMediaType}, CodeUnsupportedMediaType, true},
		{errorTestAt(), &Error{Code: CodeUnsupportedMediaType}, SubcodeUnsupportedMediaType, false},
		{errorTestAt(), &Error{Code: CodeConflict, Subcode: "FutureSubcode"}, Subcode("FutureSubcode"), true},
		{errorTestAt(), &Error{Code: CodeConflict, Subcode: SubcodeNone}, SubcodeNone, true},
		{errorTestAt(), &Error{Code: CodeConflict}, SubcodeNone, false}, // "None" is kept as a word

		// *Error targets match on their non-empty Status, Code, Subcode.
		{errorTestAt(), conflict, &Error{Code: CodeConflict, Subcode: SubcodeAlreadyExists}, true},
		{errorTestAt(), conflict, &Error{Code: CodeConflict, Subcode: SubcodeTooManyGroups}, false},
		{errorTestAt(), conflict, &Error{Code: CodeConflict}, true},
		{errorTestAt(), conflict, &Error{Subcode: SubcodeAlreadyExists}, true},
		{errorTestAt(), conflict, &Error{Status: 409}, true},
		{errorTestAt(), conflict, &Error{Status: 409, Code: CodeConflict}, true},
		{errorTestAt(), conflict, &Error{Status: 400, Code: CodeConflict}, false},
		{errorTestAt(), conflict, &Error{Code: CodeNotFound}, false},
		{errorTestAt(), conflict, &Error{Code: "CONFLICT", Subcode: "alreadyExists"}, true},
		{errorTestAt(), conflict, &Error{Code: CodeConflict, Message: "another message"}, true},
		{errorTestAt(), conflict, &Error{}, true},
		{errorTestAt(), conflict, (*Error)(nil), false},
		{errorTestAt(), conflict, conflict, true},
		{errorTestAt(), &Error{Code: CodeConflict}, &Error{Status: 409}, false}, // an event's reason has no status

		// Wrapped, as a caller would return it.
		{errorTestAt(), fmt.Errorf("create group: %w", conflict), CodeConflict, true},
		{errorTestAt(), fmt.Errorf("create group: %w", conflict), SubcodeAlreadyExists, true},
		{errorTestAt(), fmt.Errorf("create group: %w", conflict), &Error{Status: 409}, true},

		// ErrNotUCWA and the cause.
		{errorTestAt(), conflict, ErrNotUCWA, false},
		{errorTestAt(), conflict, ErrSyntax, false},
		{errorTestAt(), newUnreadableError(502, nil), ErrNotUCWA, true},
		{errorTestAt(), newUnreadableError(502, nil), ErrSyntax, false},
		{errorTestAt(), newUnreadableError(500, syntax), ErrNotUCWA, true},
		{errorTestAt(), newUnreadableError(500, syntax), ErrSyntax, true},
		{errorTestAt(), newUnreadableError(500, syntax), ErrStructure, false},
		{errorTestAt(), newUnreadableError(500, syntax), CodeServiceFailure, true},
		{errorTestAt(), newUnreadableError(500, syntax), &Error{Status: 500}, true},
		{errorTestAt(), newUnreadableError(415, fmt.Errorf("%w: text/html", ErrNotUCWA)), ErrNotUCWA, true},
		{errorTestAt(), newUnreadableError(415, fmt.Errorf("%w: text/html", ErrNotUCWA)), CodeUnsupportedMediaType, true},
		{errorTestAt(), newUnreadableError(401, nil), CodeForStatus(401), true}, // Code("") for an unlisted status
		{errorTestAt(), fmt.Errorf("get: %w", newUnreadableError(502, nil)), ErrNotUCWA, true},
	}
	for _, tt := range tests {
		if got := errors.Is(tt.err, tt.target); got != tt.want {
			t.Errorf("%s: errors.Is(%v, %#v) = %v, want %v", tt.at, tt.err, tt.target, got, tt.want)
		}
	}
}

func TestErrorAs(t *testing.T) {
	syntax := &DecodeError{Format: JSON, Offset: 7, Err: ErrSyntax, Msg: "bad"}
	err := fmt.Errorf("get: %w", newUnreadableError(500, syntax))

	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("errors.As(%v, *Error) = false", err)
	}
	if e.Status != 500 || e.Code != CodeServiceFailure || e.Subcode != "" || e.Cause != syntax {
		t.Errorf("newUnreadableError(500, …) = %+v", e)
	}
	if e.Unwrap() != syntax {
		t.Errorf("Unwrap() = %v, want the cause", e.Unwrap())
	}
	var de *DecodeError
	if !errors.As(err, &de) || de != syntax {
		t.Errorf("errors.As(%v, *DecodeError) = %v", err, de)
	}

	if c := newUnreadableError(502, nil).Cause; c != ErrNotUCWA {
		t.Errorf("newUnreadableError(502, nil).Cause = %v, want ErrNotUCWA", c)
	}
	if u := (&Error{Code: CodeConflict}).Unwrap(); u != nil {
		t.Errorf("Unwrap() of a UCWA error body = %v, want nil", u)
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

// TestCodeConstants reads the Code and Subcode constants from errorbody.go
// and checks that each is named after its value (CodeX = "X") and that no
// two of a type are equal without regard to case, which errors.Is could not
// tell apart.
func TestCodeConstants(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "errorbody.go", nil, 0)
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

func TestErrorParameter(t *testing.T) {
	e := &Error{
		Status: 400, Code: CodeBadRequest, Subcode: SubcodeParameterValidationFailure,
		Parameters: []Property{Prop("phoneNumber", String("tel:abc")), Prop("to", Null())},
	}
	if v, ok := e.Parameter("phoneNumber"); !ok || v.Text() != "tel:abc" {
		t.Errorf("Parameter(phoneNumber) = %v, %v", v, ok)
	}
	if v, ok := e.Parameter("to"); !ok || v.Kind() != KindNull {
		t.Errorf("Parameter(to) = %v, %v", v, ok)
	}
	if _, ok := e.Parameter("subject"); ok {
		t.Errorf("Parameter(subject) found")
	}
	if _, ok := (&Error{}).Parameter("to"); ok {
		t.Errorf("Parameter of an error without parameters found")
	}
}
