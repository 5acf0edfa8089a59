package main

import "github.com/ucwa-go/ucwa"

// The kinds of body convert reads and detectKind tells.
const (
	kindInput    = "input"
	kindResource = "resource"
	kindEvents   = "events"
	kindError    = "error"
	kindNone     = "none" // batch: no body, or one that is not UCWA's
)

// detectKind tells the kind of body data is with ucwa.DetectKind, as the
// package comment says. What it cannot read, an empty body among them, it
// calls an input, whose decoder then says what is wrong.
func detectKind(data []byte, f ucwa.Format) string {
	if k := ucwa.DetectKind(data, f); k != ucwa.BodyNone {
		return k.String()
	}
	return kindInput
}
