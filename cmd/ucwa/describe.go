package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/ucwa-go/ucwa/api"
	"github.com/ucwa-go/ucwa/catalog"
)

func setupDescribe(fs *flag.FlagSet) func([]string, *env) error {
	asJSON := fs.Bool("json", false, "print the entry as one line of JSON, for a program")
	return func(args []string, c *env) error {
		if len(args) != 1 {
			return usagef("want one NAME: a resource, an operation or an enumeration")
		}
		name := args[0]
		var v any
		var text string
		switch {
		case strings.Contains(name, ":"):
			op, err := catalog.Op(name)
			if err != nil {
				return err
			}
			v, text = describeOp(op), opText(op, "")
		case catalog.Lookup(name) != nil:
			r := catalog.Lookup(name)
			v, text = describeResource(r), resourceText(r)
		case catalog.LookupEnum(name) != nil:
			e := catalog.LookupEnum(name)
			v, text = describeEnum(e), e.Name+" (an enumeration): "+strings.Join(e.Values, ", ")+"\n"
		default:
			return fmt.Errorf("%s is no resource, operation or enumeration of the catalog", strconv.Quote(name))
		}
		if *asJSON {
			return writeJSON(c, v)
		}
		_, err := fmt.Fprint(c.stdout, text)
		if err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	}
}

// The JSON forms of describe -json: the catalog's entries, with the names
// a program reads.
type (
	catalogFieldJSON struct {
		Name      string   `json:"name"`
		Type      string   `json:"type,omitempty"`
		Source    string   `json:"source,omitempty"`
		In        string   `json:"in,omitempty"`
		Required  bool     `json:"required,omitempty"`
		Nullable  bool     `json:"nullable,omitempty"`
		Link      bool     `json:"link,omitempty"`
		MaxLength int      `json:"maxLength,omitempty"`
		Min       *int64   `json:"min,omitempty"`
		Max       *int64   `json:"max,omitempty"`
		Values    []string `json:"values,omitempty"`
	}
	catalogErrorJSON struct {
		Status  int    `json:"status"`
		Code    string `json:"code"`
		Subcode string `json:"subcode,omitempty"`
	}
	catalogOpJSON struct {
		Name     string             `json:"name"`
		Resource string             `json:"resource"`
		Method   string             `json:"method"`
		Body     string             `json:"body,omitempty"`
		Typed    string             `json:"typed,omitempty"` // the Go type of package api
		Response string             `json:"response,omitempty"`
		Params   []catalogFieldJSON `json:"params,omitempty"`
		Errors   []catalogErrorJSON `json:"errors,omitempty"`
	}
	catalogResourceJSON struct {
		Name       string             `json:"name"`
		Rel        string             `json:"rel"`
		Revision   int                `json:"revision,omitempty"`
		AliasOf    string             `json:"aliasOf,omitempty"`
		Properties []catalogFieldJSON `json:"properties,omitempty"`
		Links      []catalog.Link     `json:"links,omitempty"`
		Events     []catalog.Event    `json:"events,omitempty"`
		Operations []catalogOpJSON    `json:"operations,omitempty"`
	}
	catalogEnumJSON struct {
		Name   string   `json:"name"`
		Values []string `json:"values"`
	}
)

func describeField(f *catalog.Field) catalogFieldJSON {
	j := catalogFieldJSON{Name: f.Name, Type: f.Type.String(), Source: f.Source, In: f.In, Required: f.Required,
		Nullable: f.Nullable, Link: f.Type.Kind == catalog.Href, MaxLength: f.MaxLength}
	if f.HasRange {
		j.Min, j.Max = &f.Min, &f.Max
	}
	if e := catalog.LookupEnum(f.Type.Enum); f.Type.Kind == catalog.Enum && e != nil {
		j.Values = e.Values
	}
	return j
}

func describeOp(op *catalog.Operation) catalogOpJSON {
	j := catalogOpJSON{Name: op.Name(), Resource: op.Resource, Method: op.Method, Body: op.Body, Response: op.Response}
	if x, ok := api.New(op.Name()); ok {
		j.Typed = strings.TrimPrefix(fmt.Sprintf("%T", x), "*")
	}
	for i := range op.Params {
		j.Params = append(j.Params, describeField(&op.Params[i]))
	}
	for _, e := range op.Errors {
		j.Errors = append(j.Errors, catalogErrorJSON(e))
	}
	return j
}

func describeResource(r *catalog.Resource) catalogResourceJSON {
	j := catalogResourceJSON{Name: r.Name, Rel: r.Rel, Revision: r.Revision, AliasOf: r.AliasOf, Links: r.Links,
		Events: r.Events}
	props := r.Props()
	for i := range props {
		j.Properties = append(j.Properties, describeField(&props[i]))
	}
	for i := range r.Operations {
		j.Operations = append(j.Operations, describeOp(&r.Operations[i]))
	}
	return j
}

func describeEnum(e *catalog.Enumeration) catalogEnumJSON { return catalogEnumJSON(*e) }

// resourceText describes r for a person.
func resourceText(r *catalog.Resource) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s", r.Name)
	switch {
	case r.Revision > 0:
		fmt.Fprintf(&b, " (rel %s, revision %d)", r.Rel, r.Revision)
	case r.Rel != r.Name:
		fmt.Fprintf(&b, " (rel %s)", r.Rel)
	}
	b.WriteString(": a resource")
	if r.AliasOf != "" {
		fmt.Fprintf(&b, "; a GET of it returns a %s", r.AliasOf)
	}
	b.WriteString("\n")
	if props := r.Props(); len(props) > 0 {
		from := ""
		if len(r.Properties) == 0 {
			from = " (" + r.AliasOf + "'s)"
		}
		fmt.Fprintf(&b, "\nproperties%s:\n", from)
		fieldTable(&b, props)
	}
	if len(r.Links) > 0 {
		b.WriteString("\nlinks:\n")
		for _, l := range r.Links {
			many := ""
			if l.Many {
				many = " (several)"
			}
			fmt.Fprintf(&b, "  %s%s\n", l.Rel, many)
		}
	}
	if len(r.Events) > 0 {
		b.WriteString("\nevents:\n")
		for _, e := range r.Events {
			fmt.Fprintf(&b, "  %s, sent by %s, priority %s\n", e.Type, e.Sender, e.Priority)
		}
	}
	for i := range r.Operations {
		b.WriteString("\n")
		b.WriteString(opText(&r.Operations[i], ""))
	}
	return b.String()
}

// opText describes op for a person.
func opText(op *catalog.Operation, indent string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", op.Method, op.Resource)
	if op.Method != "POST" {
		fmt.Fprintf(&b, " (operation %s)", op.Name())
	}
	if op.Response != "" && op.Response != op.Resource {
		fmt.Fprintf(&b, " → %s", op.Response)
	}
	b.WriteString("\n")
	switch op.Body {
	case "":
	case "input":
		b.WriteString("  request body: an input")
	case "resource":
		b.WriteString("  request body: the resource")
	default:
		b.WriteString("  request body: " + op.Body)
	}
	if x, ok := api.New(op.Name()); ok {
		fmt.Fprintf(&b, ", typed as %s", strings.TrimPrefix(fmt.Sprintf("%T", x), "*"))
	}
	if op.Body != "" {
		b.WriteString("\n")
	}
	var query, body []catalog.Field
	for _, f := range op.Params {
		if f.In == "query" {
			query = append(query, f)
		} else {
			body = append(body, f)
		}
	}
	if len(query) > 0 {
		b.WriteString("  query parameters:\n")
		fieldTable(&b, query)
	}
	if len(body) > 0 {
		b.WriteString("  body parameters:\n")
		fieldTable(&b, body)
	}
	if len(op.Errors) > 0 {
		var es []string
		for _, e := range op.Errors {
			es = append(es, e.String())
		}
		b.WriteString("  errors: " + strings.Join(es, "; ") + "\n")
	}
	return b.String()
}

// fieldTable writes fields as aligned lines: name, type, rules.
func fieldTable(b *strings.Builder, fs []catalog.Field) {
	var t strings.Builder
	w := tabwriter.NewWriter(&t, 0, 4, 2, ' ', 0)
	for i := range fs {
		f := &fs[i]
		typ := f.Type.String()
		if typ == "" {
			typ = "text"
		}
		var rules []string
		if f.Required {
			rules = append(rules, "required")
		}
		if f.Type.Kind == catalog.Href {
			rules = append(rules, "a link: its href")
		}
		if f.MaxLength > 0 {
			rules = append(rules, "at most "+strconv.Itoa(f.MaxLength)+" characters")
		}
		if f.HasRange {
			rules = append(rules, fmt.Sprintf("%d to %d", f.Min, f.Max))
		}
		if e := catalog.LookupEnum(f.Type.Enum); f.Type.Kind == catalog.Enum && e != nil {
			rules = append(rules, "one of "+strings.Join(e.Values, ", "))
		}
		if f.Source != "" && f.Source != "table" {
			rules = append(rules, "type from the "+f.Source)
		}
		fmt.Fprintf(w, "    %s\t%s\t%s\n", f.Name, typ, strings.Join(rules, "; "))
	}
	w.Flush()
	for _, line := range strings.SplitAfter(t.String(), "\n") {
		if line != "" {
			b.WriteString(strings.TrimRight(line, " \n") + "\n")
		}
	}
}
