package main

import (
	"encoding/json"
	"flag"
	"net/http"
	"strings"

	"github.com/ucwa-go/ucwa"
)

// requestPartJSON and responsePartJSON are what batch prints for a part.
type requestPartJSON struct {
	Method      string `json:"method"`
	Target      string `json:"target"`
	ContentType string `json:"contentType"`
	Kind        string `json:"kind"`
	Body        any    `json:"body"`
}

type responsePartJSON struct {
	Status      int    `json:"status"`
	ContentType string `json:"contentType"`
	Kind        string `json:"kind"`
	Body        any    `json:"body"`
}

func setupBatch(fs *flag.FlagSet) func([]string, *env) error {
	contentType := fs.String("content-type", "",
		"the batch's Content-Type, multipart/batching with its boundary (default: the boundary from the first line)")
	return func(args []string, c *env) error {
		data, err := readLimited(args, c, ucwa.DefaultMaxBatchSize)
		if err != nil {
			return err
		}
		reqs, resps, err := ucwa.DecodeBatch(*contentType, data)
		if err != nil {
			return err
		}
		for _, p := range reqs {
			ct := p.Header.Get("Content-Type")
			kind, body := partBody(ct, p.Body, false, 0)
			if err := writeJSON(c, requestPartJSON{p.Method, p.Target, ct, kind, body}); err != nil {
				return err
			}
		}
		for _, p := range resps {
			ct := p.Header.Get("Content-Type")
			kind, body := partBody(ct, p.Body, true, p.Status)
			if err := writeJSON(c, responsePartJSON{p.Status, ct, kind, body}); err != nil {
				return err
			}
		}
		return nil
	}
}

// partBody tells the kind of a part's body and gives it as batch prints it:
// the UCWA body converted to JSON, as convert -to json writes it; the body
// as a string when it is not a UCWA body (another media type, or one its
// decoder refuses), kind "none"; nil when there is none. A response's body
// is an error for a 4xx or 5xx status, and a resource where DetectKind says
// input, as ucwa.ParseResponse reads it.
func partBody(ct string, body []byte, response bool, status int) (string, any) {
	if len(strings.TrimLeft(string(ucwa.StripBOM(body)), " \t\r\n")) == 0 {
		return kindNone, nil
	}
	var f ucwa.Format
	variant := ""
	if strings.TrimSpace(ct) == "" {
		f, _ = ucwa.DetectFormat(body)
	} else if mt, err := ucwa.ParseMediaType(ct); err == nil {
		f, variant = mt.Format, mt.Variant
	}
	if f == 0 {
		return kindNone, string(body)
	}
	kind := detectKind(body, f)
	switch {
	case response && status >= http.StatusBadRequest, variant == "error":
		kind = kindError
	case variant == "events":
		kind = kindEvents
	case response && kind == kindInput:
		kind = kindResource
	}
	out, err := convert(ucwa.Options{}, body, f, kind, ucwa.JSON)
	if err != nil {
		return kindNone, string(body)
	}
	return kind, json.RawMessage(out)
}
