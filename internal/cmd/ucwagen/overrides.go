package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

// The overrides file settles, one line each, what the reference leaves
// unsettled or gets wrong. A line is
//
//	KIND TARGET VALUE... -- REASON
//
// and blank lines and lines starting with "#" are comments. The reason is
// required. TARGET names a resource ("organizer"), a property
// ("contact.name"), an operation ("acceptWithAnswer.POST"), a parameter
// ("startMessaging.POST.to") or an enum value ("Importance.Normal"). The
// kinds:
//
//	type PROPERTY|PARAMETER TYPE   the type (String, Boolean, Int32, Int64, DateTime,
//	                               TimeSpan, Href, Object, an enum; "Array of T")
//	in PARAMETER body|query|both   where a parameter listed in both tables goes
//	value ENUM.VALUE add|ignore    an enum value missing from the enum's page:
//	                               add it, or leave it out as a slip of the page
//	body OPERATION KIND            the request body: input, resource, none, or a media type
//	alias RESOURCE TARGET|none     the resource a link of this rel returns
//	required PARAMETER yes|no      whether the parameter is required
//	maxLength FIELD N              the most characters a string may have
//	range PARAMETER MIN MAX        the bounds of an integer
//	param PARAMETER TYPE           a body parameter the table leaves out
//	params OPERATION OPERATION     the body parameters the table leaves out are
//	                               those of the other operation
//	property PROPERTY TYPE         a property the table leaves out
type overrides []*override

type override struct {
	line   int
	kind   string
	target string
	values []string
	reason string
	used   bool
}

func (o *override) key() string { return o.kind + " " + o.target }

func (o *override) String() string {
	return fmt.Sprintf("line %d: %s %s %s", o.line, o.kind, o.target, strings.Join(o.values, " "))
}

// overrideArgs is the number of values each kind takes; -1: one or more.
var overrideArgs = map[string]int{
	"type": -1, "in": 1, "value": 1, "body": 1, "alias": 1, "required": 1,
	"maxLength": 1, "range": 2, "param": -1, "params": 1, "property": -1,
}

func readOverrides(path string) (overrides, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var os overrides
	seen := map[string]int{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		spec, reason, ok := strings.Cut(line, " -- ")
		reason = strings.TrimSpace(reason)
		if !ok || reason == "" {
			return nil, fmt.Errorf("%s:%d: no reason (KIND TARGET VALUE… -- REASON)", path, n)
		}
		w := strings.Fields(spec)
		if len(w) < 2 {
			return nil, fmt.Errorf("%s:%d: want KIND TARGET VALUE…", path, n)
		}
		want, known := overrideArgs[w[0]]
		if !known {
			return nil, fmt.Errorf("%s:%d: unknown kind %q", path, n, w[0])
		}
		if want >= 0 && len(w)-2 != want || want < 0 && len(w) < 3 {
			return nil, fmt.Errorf("%s:%d: %s takes %d values", path, n, w[0], max(want, 1))
		}
		o := &override{line: n, kind: w[0], target: w[1], values: w[2:], reason: reason}
		if prev, dup := seen[o.key()]; dup {
			return nil, fmt.Errorf("%s:%d: %s repeats line %d", path, n, o.key(), prev)
		}
		seen[o.key()] = n
		os = append(os, o)
	}
	return os, sc.Err()
}

// apply settles c's issues with the overrides and returns c, its issues
// cleared. It fails on an issue no override settles, on an override that
// settles or changes nothing, and on one whose target does not exist.
func (os overrides) apply(c *Catalog) (*Catalog, error) {
	var errs []error
	for _, o := range os {
		if err := o.apply(c); err != nil {
			errs = append(errs, fmt.Errorf("overrides %s: %w", o, err))
		}
	}
	for _, is := range c.Issues {
		settled := false
		for _, o := range os {
			if o.key() == is.Key {
				settled, o.used = true, true
			}
		}
		if !settled {
			errs = append(errs, fmt.Errorf("unsettled: %s", is))
		}
	}
	for _, o := range os {
		if !o.used {
			errs = append(errs, fmt.Errorf("overrides %s: settles no issue and changes nothing", o))
		}
	}
	c.Issues = nil
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

// apply applies o to c. It marks o used when it changes something.
func (o *override) apply(c *Catalog) error {
	v := o.values[0]
	switch o.kind {
	case "type", "maxLength", "range", "required":
		f, err := c.fieldOf(o.target)
		if err != nil {
			return err
		}
		return o.setField(c, f)
	case "in":
		res, op, name, err := c.paramTarget(o.target)
		if err != nil {
			return err
		}
		_ = res
		var keep func(*Field) bool
		switch v {
		case "body":
			keep = func(f *Field) bool { return f.Name != name || f.In == "body" }
		case "query":
			keep = func(f *Field) bool { return f.Name != name || f.In == "query" }
		case "both":
			keep = func(*Field) bool { return true }
		default:
			return fmt.Errorf("want body, query or both")
		}
		op.Params = slices.DeleteFunc(op.Params, func(f *Field) bool { return !keep(f) })
	case "value":
		enum, val, ok := strings.Cut(o.target, ".")
		e := c.enum(enum)
		if !ok || e == nil {
			return fmt.Errorf("no enum %s", enum)
		}
		switch v {
		case "add":
			if slices.Contains(e.Values, val) {
				return fmt.Errorf("%s already has %s", enum, val)
			}
			e.Values = append(e.Values, val)
			o.used = true
		case "ignore":
		default:
			return fmt.Errorf("want add or ignore")
		}
	case "body":
		res, method, ok := strings.Cut(o.target, ".")
		r := c.resource(res)
		if !ok || r == nil || r.op(method) == nil {
			return fmt.Errorf("no operation %s", o.target)
		}
		if v == "none" {
			v = ""
		}
		if r.op(method).Body != v {
			r.op(method).Body = v
			o.used = true
		}
	case "alias":
		r := c.resource(o.target)
		if r == nil || v != "none" && c.resource(v) == nil {
			return fmt.Errorf("no resource %s or %s", o.target, v)
		}
		if v == "none" {
			v = ""
		}
		if r.AliasOf != v {
			r.AliasOf = v
			o.used = true
		}
	case "param":
		res, method, name, ok := cut3(o.target)
		r := c.resource(res)
		if !ok || r == nil || r.op(method) == nil {
			return fmt.Errorf("no operation %s.%s", res, method)
		}
		op := r.op(method)
		if slices.ContainsFunc(op.Params, func(f *Field) bool { return f.Name == name && f.In == "body" }) {
			return fmt.Errorf("the table has %s", name)
		}
		f := &Field{Name: name, In: "body"}
		op.Params = append(op.Params, f)
		if op.Body == "" && op.Method == "POST" {
			op.Body = "input"
		}
		return o.setField(c, f)
	case "params":
		dst, err := c.opTarget(o.target)
		if err != nil {
			return err
		}
		src, err := c.opTarget(v)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(dst.Params, func(f *Field) bool { return f.In == "body" }) {
			return fmt.Errorf("the table of %s has body parameters", o.target)
		}
		for _, f := range src.Params {
			if f.In == "body" {
				g := *f
				g.Source = "override"
				dst.Params = append(dst.Params, &g)
			}
		}
		if dst.Body == "" && dst.Method == "POST" {
			dst.Body = "input"
		}
		o.used = true
	case "property":
		res, name, ok := strings.Cut(o.target, ".")
		r := c.resource(res)
		if !ok || r == nil {
			return fmt.Errorf("no resource %s", res)
		}
		if field(r.Properties, name) != nil {
			return fmt.Errorf("the table has %s", name)
		}
		f := &Field{Name: name}
		r.Properties = append(r.Properties, f)
		return o.setField(c, f)
	}
	return nil
}

// setField applies a type, maxLength, range or required override to f.
func (o *override) setField(c *Catalog, f *Field) error {
	switch o.kind {
	case "type", "param", "property":
		t := strings.Join(o.values, " ")
		array := false
		if rest, ok := strings.CutPrefix(t, "Array of "); ok {
			t, array = rest, true
		}
		if !isBasicType(t) && c.enum(t) == nil {
			return fmt.Errorf("unknown type %s", t)
		}
		if f.Type != t || f.Array != array || f.Source != "override" {
			f.Type, f.Array, f.Source = t, array, "override"
			o.used = true
		}
	case "maxLength":
		n, err := strconv.Atoi(o.values[0])
		if err != nil || n <= 0 {
			return fmt.Errorf("want a positive length")
		}
		if f.MaxLength != n {
			f.MaxLength = n
			o.used = true
		}
	case "range":
		lo, err1 := strconv.ParseInt(o.values[0], 10, 64)
		hi, err2 := strconv.ParseInt(o.values[1], 10, 64)
		if err1 != nil || err2 != nil || lo > hi {
			return fmt.Errorf("want MIN MAX")
		}
		if f.Min == nil || f.Max == nil || *f.Min != lo || *f.Max != hi {
			f.Min, f.Max = &lo, &hi
			o.used = true
		}
	case "required":
		req := o.values[0] == "yes"
		if !req && o.values[0] != "no" {
			return fmt.Errorf("want yes or no")
		}
		if f.Required != req {
			f.Required = req
			o.used = true
		}
	}
	return nil
}

func cut3(s string) (a, b, c string, ok bool) {
	a, rest, ok1 := strings.Cut(s, ".")
	b, c, ok2 := strings.Cut(rest, ".")
	return a, b, c, ok1 && ok2
}

// fieldOf returns the property (RES.NAME) or body parameter
// (RES.METHOD.NAME) target names.
func (c *Catalog) fieldOf(target string) (*Field, error) {
	if _, _, _, ok := cut3(target); ok {
		_, op, name, err := c.paramTarget(target)
		if err != nil {
			return nil, err
		}
		for _, f := range op.Params {
			if f.Name == name && f.In == "body" {
				return f, nil
			}
		}
		for _, f := range op.Params {
			if f.Name == name {
				return f, nil
			}
		}
		return nil, fmt.Errorf("no parameter %s", target)
	}
	res, name, _ := strings.Cut(target, ".")
	r := c.resource(res)
	if r == nil {
		return nil, fmt.Errorf("no resource %s", res)
	}
	if f := field(r.Properties, name); f != nil {
		return f, nil
	}
	return nil, fmt.Errorf("no property %s", target)
}

func (c *Catalog) paramTarget(target string) (*Resource, *Operation, string, error) {
	res, method, name, ok := cut3(target)
	r := c.resource(res)
	if !ok || r == nil || r.op(method) == nil {
		return nil, nil, "", fmt.Errorf("no operation %s.%s", res, method)
	}
	return r, r.op(method), name, nil
}

func (c *Catalog) opTarget(target string) (*Operation, error) {
	res, method, ok := strings.Cut(target, ".")
	r := c.resource(res)
	if !ok || r == nil || r.op(method) == nil {
		return nil, fmt.Errorf("no operation %s", target)
	}
	return r.op(method), nil
}
