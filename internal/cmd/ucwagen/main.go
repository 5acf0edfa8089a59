// Command ucwagen builds the catalog of UCWA operations from the UCWA 2.0
// reference and generates Go from it. It is run by the go:generate line of
// package catalog; users and CI never need the reference.
//
//	ucwagen extract -ref DIR -overrides FILE -o FILE
//	ucwagen gen [-catalog FILE] [-overrides FILE] [-catalog-out FILE] [-api-out FILE]
//	ucwagen report -catalog FILE -overrides FILE
//
// extract reads the reference pages in DIR (the *_ref.md pages and
// UCWAenumerations.md) and writes the catalog: every resource with its
// properties, links, events and operations, every enumeration. It prints
// what it guessed from the examples rather than read in a table. What it
// cannot settle from the pages (a type no table or example gives, examples
// that disagree, a parameter both in the query and in the body, enum
// values missing from their page) it records as an issue; it prints each
// issue the overrides file does not settle and fails if there is one.
//
// gen reads the catalog and the overrides file, applies the overrides, and
// writes the Go tables of package catalog and the typed inputs of package
// api; its flags default to the files as seen from catalog/, where
// go generate runs it. It fails on an issue no override settles and on an override that
// settles nothing.
//
// report prints the counts of the catalog: resources, operations,
// parameters and enums, and where the types came from.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "extract":
		err = runExtract(os.Args[2:])
	case "gen":
		err = runGen(os.Args[2:])
	case "report":
		err = runReport(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ucwagen:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprint(os.Stderr, `usage:
	ucwagen extract -ref DIR -overrides FILE -o FILE
	ucwagen gen [-catalog FILE] [-overrides FILE] [-catalog-out FILE] [-api-out FILE]
	ucwagen report -catalog FILE -overrides FILE
`)
	os.Exit(2)
}

func runExtract(args []string) error {
	fs := flag.NewFlagSet("extract", flag.ExitOnError)
	ref := fs.String("ref", "", "the directory of the reference pages")
	ovr := fs.String("overrides", "", "the overrides file")
	out := fs.String("o", "", "the catalog file to write")
	fs.Parse(args)
	if *ref == "" || *out == "" || *ovr == "" {
		usage()
	}
	c, err := extract(*ref)
	if err != nil {
		return err
	}
	o, err := readOverrides(*ovr)
	if err != nil {
		return err
	}
	data, err := c.encode()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		return err
	}
	fmt.Print(guesses(c))
	_, err = o.apply(c)
	return err
}

// guesses lists what the extraction took from the examples rather than the
// tables: the aliases a GET example's rel shows, and the types of fields.
func guesses(c *Catalog) string {
	var b strings.Builder
	fields := 0
	for _, r := range c.Resources {
		if r.AliasOf != "" {
			fmt.Fprintf(&b, "guessed: %s is an alias of %s (the rel of its GET example)\n", r.Name, r.AliasOf)
		}
		for _, f := range r.Properties {
			if f.Source == "example" {
				fields++
			}
		}
		for _, op := range r.Operations {
			for _, f := range op.Params {
				if f.Source == "example" {
					fmt.Fprintf(&b, "guessed: %s.%s.%s has the type %s (its JSON examples)\n", r.Name, op.Method, f.Name, describeType(f))
				}
			}
		}
	}
	fmt.Fprintf(&b, "guessed: %d property types from the JSON examples (source \"example\" in the catalog)\n", fields)
	fmt.Fprintf(&b, "%d issues for the overrides file to settle\n", len(c.Issues))
	return b.String()
}

func runGen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	cat := fs.String("catalog", "catalog.json", "the catalog file")
	ovr := fs.String("overrides", "overrides.txt", "the overrides file")
	catOut := fs.String("catalog-out", "zz_catalog.go", "the Go file of package catalog to write")
	apiOut := fs.String("api-out", "../api/zz_api.go", "the Go file of package api to write")
	fs.Parse(args)
	if *cat == "" || *ovr == "" || *catOut == "" || *apiOut == "" {
		usage()
	}
	c, err := settled(*cat, *ovr)
	if err != nil {
		return err
	}
	src, err := genCatalog(c)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*catOut, src, 0o644); err != nil {
		return err
	}
	src, err = genAPI(c)
	if err != nil {
		return err
	}
	return os.WriteFile(*apiOut, src, 0o644)
}

func runReport(args []string) error {
	fs := flag.NewFlagSet("report", flag.ExitOnError)
	cat := fs.String("catalog", "", "the catalog file")
	ovr := fs.String("overrides", "", "the overrides file")
	fs.Parse(args)
	if *cat == "" || *ovr == "" {
		usage()
	}
	c, err := settled(*cat, *ovr)
	if err != nil {
		return err
	}
	fmt.Print(report(c))
	return nil
}

// settled reads the catalog and applies the overrides to it.
func settled(catalog, overrides string) (*Catalog, error) {
	c, err := readCatalog(catalog)
	if err != nil {
		return nil, err
	}
	o, err := readOverrides(overrides)
	if err != nil {
		return nil, err
	}
	c, err = o.apply(c)
	if err != nil {
		return nil, err
	}
	sortParams(c)
	for _, r := range c.Resources {
		for _, op := range r.Operations {
			if op.Body == "input" && !slices.ContainsFunc(op.Params, func(f *Field) bool { return f.In == "body" }) {
				// An override moved the parameters to the query string.
				op.Body = ""
			}
		}
	}
	return c, nil
}
