package ucwa_test

import (
	"errors"
	"fmt"

	"github.com/ucwa-go/ucwa"
)

// A caller tests a UCWA error with errors.Is, against a code, a subcode or an
// *Error pattern, through any wrapping.
func ExampleError_is() {
	// The error a client gets back for the documentation's 409 sample.
	var err error = &ucwa.Error{
		Status:  409,
		Code:    "Conflict",
		Subcode: "AlreadyExists",
		Message: "The requested resource already exists. Please wait and try again.",
	}
	err = fmt.Errorf("add group: %w", err)

	fmt.Println(errors.Is(err, ucwa.CodeConflict))
	fmt.Println(errors.Is(err, ucwa.SubcodeAlreadyExists))
	fmt.Println(errors.Is(err, &ucwa.Error{Code: ucwa.CodeConflict, Subcode: ucwa.SubcodeTooManyGroups}))
	fmt.Println(errors.Is(err, ucwa.CodeNotFound))
	fmt.Println(errors.Is(err, ucwa.ErrNotUCWA))

	var e *ucwa.Error
	if errors.As(err, &e) {
		fmt.Println(e.Status, e.Code, e.Subcode)
	}
	fmt.Println(err)
	// Output:
	// true
	// true
	// false
	// false
	// false
	// 409 Conflict AlreadyExists
	// add group: ucwa: 409 Conflict/AlreadyExists: The requested resource already exists. Please wait and try again.
}

// CodeForStatus gives the code UCWA uses for an HTTP status, such as for a
// response whose body a proxy replaced.
func ExampleCodeForStatus() {
	fmt.Println(ucwa.CodeForStatus(409))
	fmt.Println(ucwa.CodeForStatus(412))
	fmt.Printf("%q\n", ucwa.CodeForStatus(502))
	// Output:
	// Conflict
	// PreconditionFailed
	// ""
}
