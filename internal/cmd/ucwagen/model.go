package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

// Catalog is the data file the extraction writes (catalog/catalog.json) and
// the generation reads: the facts of the reference, in the project's own
// form. It holds no prose of the reference, only names, types and limits.
type Catalog struct {
	// Reference says what the catalog was extracted from.
	Reference string      `json:"reference"`
	Resources []*Resource `json:"resources"`
	Enums     []*Enum     `json:"enums"`
	// Issues are the cases the extraction could not settle from the
	// reference alone. Each must be settled by a line of the overrides
	// file; the generation fails on one that is not.
	Issues []*Issue `json:"issues,omitempty"`
}

// A Resource is a page of the reference: a resource or an operation's link.
type Resource struct {
	// Name is the page's name, unique: "search2".
	Name string `json:"name"`
	// Rel is the rel the server writes for it: "search" for search2.
	Rel string `json:"rel"`
	// Revision is the revision of Rel the page documents, 2 for search2;
	// 0 when the page is not a revision of another.
	Revision int `json:"revision,omitempty"`
	// AliasOf names the resource a link of this rel returns, when that is
	// another: organizer returns a contact.
	AliasOf    string       `json:"aliasOf,omitempty"`
	Properties []*Field     `json:"properties,omitempty"`
	Links      []*Link      `json:"links,omitempty"`
	Events     []*Event     `json:"events,omitempty"`
	Operations []*Operation `json:"operations,omitempty"`
}

// A Field is a resource's property or an operation's parameter.
type Field struct {
	Name string `json:"name"`
	// Type is String, Boolean, Int32, Int64, DateTime, TimeSpan, Href (a
	// link-valued input: JSON "_links", XML <link>), Object, an enum's
	// name, or "" when nothing says it (an issue).
	Type string `json:"type"`
	// Array is set for a list of Type.
	Array bool `json:"array,omitempty"`
	// Source says where Type came from: "table", "example" or "override".
	Source string `json:"source,omitempty"`
	// In is "body" or "query", for parameters.
	In       string `json:"in,omitempty"`
	Required bool   `json:"required,omitempty"`
	Nullable bool   `json:"nullable,omitempty"`
	// MaxLength is the most characters a string may have; 0: no limit.
	MaxLength int `json:"maxLength,omitempty"`
	// Min and Max bound an integer, when the reference does.
	Min *int64 `json:"min,omitempty"`
	Max *int64 `json:"max,omitempty"`
	// Values are the enum values the parameter's table row lists, when it
	// lists them: checked against the enum's page.
	Values []string `json:"values,omitempty"`
}

// A Link is a rel a resource may link to or embed.
type Link struct {
	Rel string `json:"rel"`
	// Many is set when an example shows several of it (a JSON array).
	Many bool `json:"many,omitempty"`
}

// An Event is one kind of event a resource is the target of.
type Event struct {
	Type     string `json:"type"`
	Sender   string `json:"sender,omitempty"`
	Priority string `json:"priority,omitempty"`
}

// An Operation is an HTTP method on a resource.
type Operation struct {
	Method string `json:"method"`
	// Params are the query and body parameters, query first.
	Params []*Field `json:"params,omitempty"`
	// Body is "input" for a UCWA input (POST), "resource" for a resource
	// (PUT), "" for no UCWA body; an override may say another media type
	// ("application/sdp").
	Body string `json:"body,omitempty"`
	// Response is the rel of the resource the response holds or points to.
	Response string   `json:"response,omitempty"`
	Errors   []*Error `json:"errors,omitempty"`
}

// An Error is a synchronous error an operation documents.
type Error struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Subcode string `json:"subcode,omitempty"`
}

// An Enum is an enumeration and its values in the order of its page.
type Enum struct {
	Name   string   `json:"name"`
	Values []string `json:"values"`
	// Listed is set when UCWAenumerations.md lists the enum.
	Listed bool `json:"listed,omitempty"`
}

// An Issue is a case the extraction could not settle: Key names it, as the
// overrides file does, and Msg says what is wrong.
type Issue struct {
	Key string `json:"key"`
	Msg string `json:"msg"`
}

// readCatalog reads a catalog file.
func readCatalog(path string) (*Catalog, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c Catalog
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &c, nil
}

// encode returns the catalog as the file holds it: indented JSON, resources
// and enums sorted by name, so that a second extraction gives the same bytes.
func (c *Catalog) encode() ([]byte, error) {
	slices.SortFunc(c.Resources, func(a, b *Resource) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(c.Enums, func(a, b *Enum) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(c.Issues, func(a, b *Issue) int { return strings.Compare(a.Key, b.Key) })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "\t")
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// resource returns the resource named name, or nil.
func (c *Catalog) resource(name string) *Resource {
	for _, r := range c.Resources {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// enum returns the enum named name, or nil.
func (c *Catalog) enum(name string) *Enum {
	for _, e := range c.Enums {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// op returns r's operation with method, or nil.
func (r *Resource) op(method string) *Operation {
	for _, o := range r.Operations {
		if o.Method == method {
			return o
		}
	}
	return nil
}

// field returns the field named name of fs, or nil.
func field(fs []*Field, name string) *Field {
	for _, f := range fs {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// isBasicType reports whether t is one of the types that are not enums.
func isBasicType(t string) bool {
	switch t {
	case "String", "Boolean", "Int32", "Int64", "DateTime", "TimeSpan", "Href", "Object", "Byte":
		return true
	}
	return false
}
