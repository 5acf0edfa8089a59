package main

import (
	"errors"
	"flag"
	"fmt"
	"net/url"
	"strings"

	"github.com/ucwa-go/ucwa"
)

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
