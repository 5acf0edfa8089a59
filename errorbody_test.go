package ucwa

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ucwa-go/ucwa/internal/testkit"
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
		{errorTestAt(), newUnreadableError(415, fmt.Errorf("%w: text/html", ErrNotUCWA)), CodeUnsupportedMediaType,
			true},
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

func TestResponseError(t *testing.T) {
	for _, tc := range []struct {
		at          string
		status      int
		ct, body    string
		code        Code
		subcode     Subcode
		message     string
		notUCWA     bool
		causeSyntax bool
	}{
		{testkit.Where(), 409, "application/json",
			`{"code":"Conflict","subcode":"AlreadyExists","message":"The requested resource already exists."}`,
			CodeConflict, "AlreadyExists", "The requested resource already exists.", false, false},
		{testkit.Where(), 409, "application/json; charset=utf-8",
			"\uFEFF" + `{"code":"Conflict","subcode":"TooManyGroups"}`, CodeConflict, "TooManyGroups", "", false,
			false},
		{testkit.Where(), 409, "application/xml", `<?xml version="1.0" encoding="utf-8"?>
<reason xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
			`xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">
 <code>Conflict</code>
 <subcode>AlreadyExists</subcode>
 <message>The requested resource already exists. Please wait and try again.</message>
 <debugInfo />
 <parameters />
</reason>`,
			CodeConflict, "AlreadyExists", "The requested resource already exists. Please wait and try again.", false,
			false},
		{testkit.Where(), 500, "", `{"code":"ServiceFailure","subcode":"CallbackChannelError","brandNew":7}`,
			CodeServiceFailure, "CallbackChannelError", "", false, false},
		{testkit.Where(), 418, "application/vnd.microsoft.com.ucwa.error+json", `{"code":"Teapot","subcode":"Short"}`,
			"Teapot", "Short", "", false, false},
		{testkit.Where(), 502, "text/html", `<html><body>Bad gateway</body></html>`, "", "", "", true, false},
		{testkit.Where(), 503, "application/json", ``, CodeServiceUnavailable, "", "", true, false},
		{testkit.Where(), 500, "application/json", `{"code":"ServiceFail`, CodeServiceFailure, "", "", true, true},
		{testkit.Where(), 404, "application/json", `{"subcode":"ApplicationNotFound"}`, CodeNotFound, "", "", true,
			false},
		{testkit.Where(), 409, "application/json; charset=iso-8859-1", `{"code":"Conflict"}`, CodeConflict, "", "",
			true, false},
		{testkit.Where(), 409, "", `not a body`, CodeConflict, "", "", true, false},
	} {
		e := ResponseError(tc.status, tc.ct, []byte(tc.body))
		if e == nil {
			t.Fatalf("%s: nil", tc.at)
		}
		if e.Status != tc.status || e.Code != tc.code || e.Subcode != tc.subcode || e.Message != tc.message {
			t.Errorf("%s: got status %d code %q subcode %q message %q", tc.at, e.Status, e.Code, e.Subcode, e.Message)
		}
		if got := errors.Is(e, ErrNotUCWA); got != tc.notUCWA {
			t.Errorf("%s: errors.Is(ErrNotUCWA) = %v (%v)", tc.at, got, e)
		}
		if got := errors.Is(e, ErrSyntax); got != tc.causeSyntax {
			t.Errorf("%s: errors.Is(ErrSyntax) = %v (%v)", tc.at, got, e)
		}
		if tc.code != "" && !errors.Is(e, tc.code) {
			t.Errorf("%s: errors.Is(%q) is false", tc.at, tc.code)
		}
		if tc.subcode != "" && !errors.Is(e, tc.subcode) {
			t.Errorf("%s: errors.Is(%q) is false", tc.at, tc.subcode)
		}
		if !strings.HasPrefix(e.Error(), "ucwa: ") {
			t.Errorf("%s: %q", tc.at, e.Error())
		}
	}
}

// TestErrorBodyRoundTrip: error bodies encode (for tests and fake servers) and
// decode back, in both formats.
func TestErrorBodyRoundTrip(t *testing.T) {
	e := &Error{Code: CodeBadRequest, Subcode: "ParameterValidationFailure", Message: "to <is> missing & more",
		Link:       &Link{Href: "https://example.com/help"},
		Parameters: []Property{Prop("to", String("missing"))}, DebugInfo: []Property{Prop("diagnostics", String("x")),
			Prop("n", String("1"))},
		Extra: []Property{Prop("future", String("kept"))}, hasParameters: true, hasDebugInfo: true}
	for _, f := range []Format{JSON, XML} {
		b, err := e.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeErrorBody(b, f)
		if err != nil {
			t.Fatalf("%v: %v\n%s", f, err, b)
		}
		if d := cmp.Diff(e, got, valueCmp); d != "" {
			t.Errorf("%v (-want +got):\n%s\n%s", f, d, b)
		}
	}
	// Extra names may not repeat, in either format: the decoders refuse it.
	e.Extra = append(e.Extra, Prop("future", String("again")))
	for _, f := range []Format{JSON, XML} {
		if _, err := e.Marshal(f); !errors.Is(err, ErrInvalidValue) {
			t.Errorf("%v: a repeated extra name: %v", f, err)
		}
	}
}
