package main

import (
	"fmt"
	"strings"
)

// report returns the counts of a settled catalog: resources, operations,
// parameters, properties and enums, and where their types came from.
func report(c *Catalog) string {
	var b strings.Builder
	ops, typed, query, body, props, aliases, revisions := 0, 0, 0, 0, 0, 0, 0
	src := map[string]map[string]int{"body parameter": {}, "query parameter": {}, "property": {}}
	for _, r := range c.Resources {
		if r.AliasOf != "" {
			aliases++
		}
		if r.Revision > 0 {
			revisions++
		}
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
				if f.In == "body" {
					body++
				} else {
					query++
				}
				src[f.In+" parameter"][f.Source]++
			}
		}
	}
	values := 0
	for _, e := range c.Enums {
		values += len(e.Values)
	}
	fmt.Fprintf(&b, "resources %d (%d aliases, %d revisions), operations %d (%d with a UCWA body)\n",
		len(c.Resources), aliases, revisions, ops, typed)
	fmt.Fprintf(&b, "parameters %d (%d body, %d query), properties %d, enums %d (%d values)\n",
		body+query, body, query, props, len(c.Enums), values)
	for _, k := range []string{"body parameter", "query parameter", "property"} {
		m := src[k]
		fmt.Fprintf(&b, "%s types: table %d, example %d, override %d, untyped %d\n",
			k, m["table"], m["example"], m["override"], m[""])
	}
	return b.String()
}
