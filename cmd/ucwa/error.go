package main

import (
	"encoding/json"
	"flag"
	"strings"

	"github.com/ucwa-go/ucwa"
)

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
