package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// extract reads the reference in dir and returns its catalog, with the
// cases it could not settle as Issues.
func extract(dir string) (*Catalog, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	x := &extractor{pages: map[string]*page{}, examples: map[string][]*pageExample{}}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(strings.ToLower(n), "_ref.md") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		name := n[:len(n)-len("_ref.md")]
		x.names = append(x.names, name)
		x.pages[name] = parsePage(name, string(data))
	}
	if len(x.names) == 0 {
		return nil, fmt.Errorf("%s: no *_ref.md pages: not the UCWA reference", dir)
	}
	slices.Sort(x.names)
	listed, err := os.ReadFile(filepath.Join(dir, "UCWAenumerations.md"))
	if err != nil {
		return nil, err
	}
	c := &Catalog{Reference: "UCWA 2.0 reference (Skype for Business 2015), " + strconv.Itoa(len(x.names)) + " pages"}
	x.c = c
	for _, name := range x.names {
		if x.isEnumPage(name) {
			c.Enums = append(c.Enums, x.enum(name, string(listed)))
		}
	}
	for _, name := range x.names {
		if !x.isEnumPage(name) {
			c.Resources = append(c.Resources, x.resource(name))
		}
	}
	x.revisions()
	x.inferFromExamples()
	x.checkParams()
	return c, nil
}

type extractor struct {
	c        *Catalog
	names    []string
	pages    map[string]*page
	examples map[string][]*pageExample // by page name
}

// A pageExample is an example of a page and the operation it shows.
type pageExample struct {
	example
	op *Operation
}

func (x *extractor) issue(key, format string, args ...any) {
	for _, is := range x.c.Issues {
		if is.Key == key {
			return
		}
	}
	x.c.Issues = append(x.c.Issues, &Issue{Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (x *extractor) isEnumPage(name string) bool {
	for _, s := range x.pages[name].sections {
		if s.title == "Members" {
			return true
		}
	}
	return false
}

// pageName returns the page a link of the reference points to
// ("OnlineMeeting_ref.md"), matched without regard to case as the
// reference's own links are, or "".
func (x *extractor) pageName(file string) string {
	base := strings.TrimSuffix(file, "_ref.md")
	base = strings.TrimSuffix(base, "_Ref.md")
	for _, n := range x.names {
		if strings.EqualFold(n, base) {
			return n
		}
	}
	return ""
}

func (x *extractor) enum(name, listed string) *Enum {
	e := &Enum{Name: name, Listed: strings.Contains(listed, "("+name+"_ref.md)")}
	for _, s := range x.pages[name].sections {
		if s.title != "Members" {
			continue
		}
		for _, row := range table(s.lines) {
			if v := cell(row, 0); v != "" && !slices.Contains(e.Values, v) {
				e.Values = append(e.Values, v)
			}
		}
	}
	return e
}

var methods = []string{"GET", "POST", "PUT", "DELETE", "OPTIONS"}

// eventTypes are the headings of the Events section, as the event channel
// writes the types.
var eventTypes = []string{"added", "updated", "deleted", "started", "completed"}

func (x *extractor) resource(name string) *Resource {
	r := &Resource{Name: name, Rel: name}
	var op *Operation
	eventsLevel := 0
	for _, s := range x.pages[name].sections {
		title := s.title
		if eventsLevel > 0 && s.level <= eventsLevel {
			eventsLevel = 0
		}
		switch {
		case slices.Contains(methods, title):
			op = &Operation{Method: title}
			r.Operations = append(r.Operations, op)
			eventsLevel = 0
		case title == "Events":
			eventsLevel = s.level
		case eventsLevel > 0 && slices.Contains(eventTypes, strings.ToLower(title)):
			for _, row := range table(s.lines) {
				r.Events = append(r.Events, &Event{Type: strings.ToLower(title), Priority: cell(row, 1),
					Sender: cell(row, 2)})
			}
		case op == nil && (title == "Properties" || title == "Propertie"):
			for _, row := range table(s.lines) {
				if f := x.property(name, row); f != nil {
					r.Properties = append(r.Properties, f)
				}
			}
		case op == nil && title == "Links":
			for _, row := range table(s.lines) {
				if rel := cell(row, 0); rel != "" && !hasLink(r.Links, rel) {
					r.Links = append(r.Links, &Link{Rel: rel})
				}
			}
		case op != nil && title == "Query parameters":
			for _, row := range table(s.lines) {
				op.Params = append(op.Params, x.param(r, op, row, "query"))
			}
		case op != nil && title == "Request body":
			for _, row := range table(s.lines) {
				op.Params = append(op.Params, x.param(r, op, row, "body"))
			}
		case op != nil && title == "Response body":
			op.Response = x.response(s.lines)
			if op.Response == "" && op.Method == "GET" {
				op.Response = name
			}
		case op != nil && title == "Synchronous errors":
			for _, row := range table(s.lines) {
				x.addError(op, row)
			}
		case op != nil && isExampleTitle(title):
			text, ok := codeBlock(s.lines)
			if !ok {
				continue
			}
			f, dir, _ := strings.Cut(strings.ToLower(title), " ")
			e := &pageExample{example: example{method: op.Method, format: f, direction: dir}, op: op}
			e.start, e.headers, e.body = parseMessage(text)
			x.examples[name] = append(x.examples[name], e)
		}
	}
	for _, op := range r.Operations {
		op.Body = x.bodyKind(name, op)
	}
	return r
}

func hasLink(ls []*Link, rel string) bool {
	for _, l := range ls {
		if l.Rel == rel {
			return true
		}
	}
	return false
}

func isExampleTitle(t string) bool {
	switch t {
	case "JSON Request", "JSON Response", "XML Request", "XML Response":
		return true
	}
	return false
}

var (
	// enumLink is an enum named in a description: ([Importance](Importance_ref.md)).
	enumLink = regexp.MustCompile(`\(\[(\w+)\]\((\w+)_[Rr]ef\.md\)\)`)
	// maxLength is a length limit in a description.
	maxLength = regexp.MustCompile(`maximum length is (\d+) characters`)
	// valueRange is a range in a description.
	valueRange = regexp.MustCompile(`maximum value is (-?\d+) and the minimum value is (-?\d+)`)
	// enumType ends a parameter's description with its enum type and the
	// values the row lists: "Nullable (AccessLevel)None, SameEnterprise, or
	// Everyone".
	enumType = regexp.MustCompile(`(Nullable |Array of )?\((\w+)\)([A-Za-z0-9]+(?:, (?:or )?[A-Za-z0-9]+)*)\s*$`)
	// basicType ends a parameter's description with its type, written
	// straight after the last word ("AddressString").
	basicType = regexp.MustCompile(`(Nullable |Array of )?` +
		`(String|Boolean|Int32|Int64|DateTime|TimeSpan|ExternalResource|Byte)\s*$`)
)

// property reads a row of a Properties table: the name and, where the
// description names an enum page, the type.
func (x *extractor) property(res string, row []string) *Field {
	name, desc := cell(row, 0), cell(row, 1)
	if name == "" || strings.EqualFold(name, "None") {
		return nil
	}
	f := &Field{Name: name}
	if m := maxLength.FindStringSubmatch(desc); m != nil {
		f.MaxLength, _ = strconv.Atoi(m[1])
	}
	for _, m := range enumLink.FindAllStringSubmatch(desc, -1) {
		if p := x.pageName(m[2] + "_ref.md"); p != "" && x.isEnumPage(p) {
			if f.Type != "" && f.Type != p {
				x.issue("type "+res+"."+name, "the description names two enums, %s and %s", f.Type, p)
				continue
			}
			f.Type, f.Source = p, "table"
		}
	}
	return f
}

// param reads a row of a Query parameters or Request body table.
func (x *extractor) param(r *Resource, op *Operation, row []string, in string) *Field {
	name, desc, req := cell(row, 0), cell(row, 1), cell(row, 2)
	f := &Field{Name: name, In: in, Required: strings.EqualFold(req, "Yes")}
	if m := maxLength.FindStringSubmatch(desc); m != nil {
		f.MaxLength, _ = strconv.Atoi(m[1])
	}
	if m := valueRange.FindStringSubmatch(desc); m != nil {
		hi, _ := strconv.ParseInt(m[1], 10, 64)
		lo, _ := strconv.ParseInt(m[2], 10, 64)
		f.Min, f.Max = &lo, &hi
	}
	switch m := enumType.FindStringSubmatch(desc); {
	case m != nil:
		f.Type, f.Source = m[2], "table"
		f.Nullable, f.Array = m[1] == "Nullable ", m[1] == "Array of "
		for _, v := range strings.Split(m[3], ", ") {
			f.Values = append(f.Values, strings.TrimPrefix(v, "or "))
		}
		if p := x.pageName(f.Type + "_ref.md"); p == "" || !x.isEnumPage(p) {
			x.issue("enum "+f.Type, "%s.%s.%s names the enum %s, which has no page", r.Name, op.Method, name, f.Type)
		}
	default:
		if m := basicType.FindStringSubmatch(desc); m != nil {
			f.Type, f.Source = m[2], "table"
			f.Nullable, f.Array = m[1] == "Nullable ", m[1] == "Array of "
			if f.Type == "ExternalResource" {
				f.Type = "Href"
			}
		}
	}
	return f
}

// response reads a Response body table: the rel of its first item, a link
// to a page ("[messagingInvitation](MessagingInvitation_ref.md)") or a
// plain name.
func (x *extractor) response(lines []string) string {
	rows := table(lines)
	if len(rows) == 0 {
		return ""
	}
	item := strings.TrimSpace(cell(rows[0], 0))
	if m := regexp.MustCompile(`^\[([^\]]+)\]\(([^)]+?)\)?$`).FindStringSubmatch(item); m != nil {
		if slices.Contains(x.names, m[1]) {
			return m[1]
		}
		return x.pageName(m[2])
	}
	if slices.Contains(x.names, item) {
		return item
	}
	return ""
}

func (x *extractor) addError(op *Operation, row []string) {
	status, err := strconv.Atoi(cell(row, 1))
	if err != nil {
		return
	}
	e := &Error{Status: status, Code: cell(row, 0), Subcode: cell(row, 2)}
	if e.Subcode == "None" {
		e.Subcode = ""
	}
	for _, o := range op.Errors {
		if *o == *e {
			return
		}
	}
	op.Errors = append(op.Errors, e)
}

// bodyKind says what the request body of op is: the media type its request
// examples send when that is not a UCWA one, "input" for a POST with body
// parameters, "resource" for a PUT.
func (x *extractor) bodyKind(name string, op *Operation) string {
	for _, e := range x.examples[name] {
		if e.op != op || e.direction != "request" {
			continue
		}
		ct := header(e.headers, "Content-Type")
		mt, _, _ := strings.Cut(ct, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
		switch mt {
		case "", "application/json", "application/xml",
			"application/vnd.microsoft.com.ucwa+json", "application/vnd.microsoft.com.ucwa+xml":
		default:
			return mt
		}
	}
	switch {
	case op.Method == "PUT":
		return "resource"
	case op.Method == "POST" && slices.ContainsFunc(op.Params, func(f *Field) bool { return f.In == "body" }):
		return "input"
	}
	return ""
}

// revisions sets the rel and revision of the pages named as another with a
// digit after it: search2 is search at revision 2.
func (x *extractor) revisions() {
	re := regexp.MustCompile(`^(.*[A-Za-z])([2-9])$`)
	for _, r := range x.c.Resources {
		if m := re.FindStringSubmatch(r.Name); m != nil && x.c.resource(m[1]) != nil {
			r.Rel = m[1]
			r.Revision, _ = strconv.Atoi(m[2])
		}
	}
}

// checkParams reports the parameters the tables leave unsettled: a body
// parameter without a type, a parameter both in the query and in the body,
// enum values a row lists that the enum's page does not.
func (x *extractor) checkParams() {
	for _, r := range x.c.Resources {
		for _, op := range r.Operations {
			for _, f := range op.Params {
				key := r.Name + "." + op.Method + "." + f.Name
				if f.In == "body" && f.Type == "" {
					x.issue("type "+key, "the body parameter has no type in its table")
				}
				if f.In == "query" && slices.ContainsFunc(op.Params, func(g *Field) bool {
					return g.In == "body" &&
						g.Name == f.Name
				}) {
					x.issue("in "+key, "listed both as a query parameter and in the request body")
				}
				if e := x.c.enum(f.Type); e != nil {
					for _, v := range f.Values {
						if !slices.Contains(e.Values, v) {
							x.issue("value "+e.Name+"."+v, "%s lists %s, which the page of %s does not", key, v, e.Name)
						}
					}
				}
			}
		}
	}
}
