package main

import (
	"fmt"
	"strings"
)

// report returns the counts of a settled catalog.
func report(c *Catalog) string {
	var b strings.Builder
	ops, typed, params, props := 0, 0, 0, 0
	src := map[string]map[string]int{"parameter": {}, "property": {}}
	for _, r := range c.Resources {
		for _, f := range r.Properties {
			props++
			src["property"][f.Source]++
		}
		for _, op := range r.Operations {
			ops++
			if op.Body == "input" || op.Body == "resource" {
				typed++
			}
			for _, f := range op.Params {
				params++
				if f.In == "body" {
					src["parameter"][f.Source]++
				}
			}
		}
	}
	fmt.Fprintf(&b, "resources %d, operations %d (%d with a typed body), parameters %d, properties %d, enums %d\n",
		len(c.Resources), ops, typed, params, props, len(c.Enums))
	for _, k := range []string{"parameter", "property"} {
		m := src[k]
		fmt.Fprintf(&b, "%s types: table %d, example %d, override %d, none %d\n", k, m["table"], m["example"],
			m["override"], m[""])
	}
	return b.String()
}
