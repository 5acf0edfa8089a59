package main

import (
	"fmt"
	"go/format"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// apiOp is an operation of package api: a typed input.
type apiOp struct {
	name   string // the catalog's name: "startMessaging", "myOnlineMeeting:PUT"
	typ    string // the Go type: StartMessaging, PutMyOnlineMeeting
	res    *Resource
	op     *Operation
	put    bool
	fields []*apiField
}

// apiField is a body parameter and its Go field.
type apiField struct {
	*Field
	goName string
	goType string
	kind   string // str, enum, strs, enums, bool, int, date, duration, link
	opt    bool   // an Opt[T]
	bits   int    // 32 or 64, for int
	enum   string // the Go enum type
	base   string // the Go type of a value: goType without Opt
}

var identifier = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)

// reservedFields are the names of the methods of a typed input, which no
// field may take.
var reservedFields = []string{"Validate", "AppendJSON", "AppendXML", "Append", "Marshal", "Input", "FromInput",
	"PropertyKind", "Resource"}

// initialisms are the words a Go name writes in capitals.
var initialisms = map[string]bool{"id": true, "uri": true, "url": true, "ip": true, "mac": true, "sdp": true,
	"rssi": true, "html": true}

// goName returns the exported Go name of a reference name: operationId is
// OperationID, onlineMeetingUri OnlineMeetingURI, contactUris ContactURIs.
func goName(s string) string {
	var words []string
	start := 0
	for i := 1; i < len(s); i++ {
		if isUpper(s[i]) && !isUpper(s[i-1]) {
			words = append(words, s[start:i])
			start = i
		}
	}
	words = append(words, s[start:])
	var b strings.Builder
	for _, w := range words {
		lw := strings.ToLower(w)
		stem, plural := strings.CutSuffix(lw, "s")
		switch {
		case initialisms[lw]:
			b.WriteString(strings.ToUpper(w))
		case plural && initialisms[stem]:
			b.WriteString(strings.ToUpper(stem) + "s")
		default:
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// apiOps returns the operations package api types, sorted by name.
func apiOps(c *Catalog) ([]*apiOp, error) {
	var ops []*apiOp
	for _, r := range c.Resources {
		for _, op := range r.Operations {
			if op.Body != "input" && op.Body != "resource" {
				continue
			}
			a := &apiOp{name: r.Name, typ: goName(r.Name), res: r, op: op, put: op.Body == "resource"}
			if op.Method != "POST" {
				a.name = r.Name + ":" + op.Method
				a.typ = goName(strings.ToLower(op.Method)) + a.typ
			}
			for _, f := range op.Params {
				if f.In != "body" {
					continue
				}
				af, err := newAPIField(c, f)
				if err != nil {
					return nil, fmt.Errorf("%s: %s: %w", a.name, f.Name, err)
				}
				a.fields = append(a.fields, af)
			}
			if len(a.fields) == 0 {
				continue
			}
			ops = append(ops, a)
		}
	}
	slices.SortFunc(ops, func(a, b *apiOp) int { return strings.Compare(a.name, b.name) })
	return ops, nil
}

func newAPIField(c *Catalog, f *Field) (*apiField, error) {
	if !identifier.MatchString(f.Name) {
		return nil, fmt.Errorf("the name is not an identifier")
	}
	a := &apiField{Field: f, goName: goName(f.Name)}
	if slices.Contains(reservedFields, a.goName) {
		return nil, fmt.Errorf("the Go name %s is a method's", a.goName)
	}
	switch e := c.enum(f.Type); {
	case e != nil:
		a.kind, a.enum, a.goType = "enum", f.Type, f.Type
		if f.Array {
			a.kind, a.goType = "enums", "[]"+f.Type
		}
		return a, nil
	case f.Array && f.Type == "String":
		a.kind, a.goType = "strs", "[]string"
		return a, nil
	case f.Array:
		return nil, fmt.Errorf("no Go type for Array of %s", f.Type)
	}
	switch f.Type {
	case "String":
		a.kind, a.goType = "str", "string"
	case "Href":
		a.kind, a.goType = "link", "string"
	case "Boolean":
		a.kind, a.goType = "bool", "bool"
	case "Int32":
		a.kind, a.goType, a.bits = "int", "int", 32
	case "Int64":
		a.kind, a.goType, a.bits = "int", "int64", 64
	case "DateTime":
		a.kind, a.goType = "date", "time.Time"
	case "TimeSpan":
		a.kind, a.goType = "duration", "time.Duration"
	default:
		return nil, fmt.Errorf("no Go type for %s", f.Type)
	}
	a.base = a.goType
	if !f.Required && (a.kind == "bool" || a.kind == "int" || a.kind == "duration") {
		a.opt = true
		a.goType = "Opt[" + a.goType + "]"
	}
	return a, nil
}

// genAPI returns the Go source of package api's typed inputs and enums.
func genAPI(c *Catalog) ([]byte, error) {
	ops, err := apiOps(c)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, e := range c.Enums {
		names[e.Name] = "enum " + e.Name
	}
	for _, a := range ops {
		if prev, ok := names[a.typ]; ok {
			return nil, fmt.Errorf("the Go type %s of %s is also that of %s", a.typ, a.name, prev)
		}
		names[a.typ] = a.name
	}
	g := &gen{}
	g.p(genHeader)
	g.p("package api\n\n")
	g.p("import (\n\"strconv\"\n\"time\"\n\n\"github.com/ucwa-go/ucwa\"\n)\n\n")
	g.p("// Keep the imports used when no operation needs them.\nvar _ = strconv.Quote\nvar _ time.Time\n\n")
	for _, a := range ops {
		if a.name == "continuePhoneAudio" {
			if err := checkContinuePhoneAudio(a); err != nil {
				return nil, err
			}
			g.p("// ContinuePhoneAudio is the input of continuePhoneAudio: ucwa.ContinuePhoneAudio,\n")
			g.p("// which keeps the same rules.\n")
			g.p("type ContinuePhoneAudio = ucwa.ContinuePhoneAudio\n\n")
			continue
		}
		g.op(a)
	}
	g.registry(ops)
	for _, e := range c.Enums {
		g.enum(e)
	}
	src, err := format.Source([]byte(g.b.String()))
	if err != nil {
		return nil, fmt.Errorf("generated api: %w\n%s", err, g.b.String())
	}
	return src, nil
}

// checkContinuePhoneAudio checks that the catalog's continuePhoneAudio is
// what ucwa.ContinuePhoneAudio implements.
func checkContinuePhoneAudio(a *apiOp) error {
	var got []string
	for _, f := range a.fields {
		got = append(got, fmt.Sprintf("%s %s %v %d", f.Name, f.Type, f.Required, f.MaxLength))
	}
	want := []string{"operationId String false 50", "phoneNumber String false 0"}
	if !slices.Equal(got, want) {
		return fmt.Errorf("continuePhoneAudio's parameters are %q; ucwa.ContinuePhoneAudio implements %q", got, want)
	}
	return nil
}

type gen struct{ b strings.Builder }

func (g *gen) p(format string, args ...any) { fmt.Fprintf(&g.b, format, args...) }

func (g *gen) op(a *apiOp) {
	g.doc(a)
	g.p("type %s struct {\n", a.typ)
	for _, f := range a.fields {
		g.p("%s %s // %s\n", f.goName, f.goType, fieldNote(f))
	}
	g.p("}\n\n")
	g.validate(a)
	g.encoder(a, "JSON")
	g.encoder(a, "XML")
	g.p("// Append appends the body of x in format f to dst.\n")
	g.p("func (x *%s) Append(dst []byte, f ucwa.Format) ([]byte, error) { return appendFormat(x, dst, f) }\n\n", a.typ)
	g.p("// Marshal returns the body of x in format f.\n")
	g.p("func (x *%s) Marshal(f ucwa.Format) ([]byte, error) { return appendFormat(x, nil, f) }\n\n", a.typ)
	g.input(a)
	g.fromInput(a)
	g.propertyKind(a)
}

func (g *gen) doc(a *apiOp) {
	rel := a.res.Rel
	rev := ""
	if a.res.Revision > 0 {
		rev = fmt.Sprintf(" at revision %d\n// (the reference's %s)", a.res.Revision, a.res.Name)
	}
	if a.put {
		g.p("// %s is the body of a PUT to %s%s:\n", a.typ, rel, rev)
		g.p("// a %s resource with the properties a client may change. Its\n", rel)
		g.p("// Input holds them with the rel first; Resource is the generic form,\n")
		g.p("// which encodes to the same bytes.\n")
	} else {
		g.p("// %s is the input of %s%s,\n// a POST to the link of that rel.\n", a.typ, rel, rev)
	}
	if resp := a.op.Response; resp != "" && resp != a.res.Name {
		g.p("// The response is a %s.\n", resp)
	}
}

// fieldNote is the comment of a field: the parameter and its rules.
func fieldNote(f *apiField) string {
	var notes []string
	if f.Required {
		notes = append(notes, "required")
	}
	if f.MaxLength > 0 {
		notes = append(notes, fmt.Sprintf("at most %d characters", f.MaxLength))
	}
	if f.Min != nil {
		notes = append(notes, fmt.Sprintf("%d to %d", *f.Min, *f.Max))
	}
	switch f.kind {
	case "link":
		notes = append(notes, "the href of a link")
	case "duration":
		notes = append(notes, "a TimeSpan")
	case "int":
		notes = append(notes, fmt.Sprintf("an Int%d", f.bits))
	}
	if len(notes) == 0 {
		return f.Name
	}
	return f.Name + ": " + strings.Join(notes, ", ")
}

func (g *gen) validate(a *apiOp) {
	g.p("// Validate checks x against the rules of the reference (see the fields).\n")
	g.p("func (x *%s) Validate() error {\n", a.typ)
	g.p("const op = %q\n", a.name)
	for _, f := range a.fields {
		v := "x." + f.goName
		fail := func(cond, msg string) {
			g.p("if %s {\nreturn invalid(op, %q, %s)\n}\n", cond, f.Name, msg)
		}
		if f.Required {
			switch f.kind {
			case "str", "link", "enum":
				fail(v+` == ""`, `"required"`)
			case "strs", "enums":
				fail("len("+v+") == 0", `"required"`)
			case "date":
				fail(v+".IsZero()", `"required"`)
			}
		}
		switch f.kind {
		case "str":
			if f.MaxLength > 0 {
				fail(fmt.Sprintf("textTooLong(%s, %d)", v, f.MaxLength),
					strconv.Quote(fmt.Sprintf("longer than %d characters", f.MaxLength)))
			}
		case "strs":
			if f.MaxLength > 0 {
				g.p("for _, s := range %s {\n", v)
				g.p("if textTooLong(s, %d) {\nreturn invalid(op, %q, %q)\n}\n}\n", f.MaxLength, f.Name,
					fmt.Sprintf("an item longer than %d characters", f.MaxLength))
			}
		case "enum":
			fail(v+` != "" && !`+v+".Valid()", fmt.Sprintf("notIn(string(%s), %q)", v, f.enum))
		case "enums":
			g.p("for _, e := range %s {\n", v)
			g.p("if !e.Valid() {\nreturn invalid(op, %q, notIn(string(e), %q))\n}\n}\n", f.Name, f.enum)
		case "int":
			lo, hi := int64(-1<<(f.bits-1)), int64(1<<(f.bits-1)-1)
			if f.Min != nil {
				lo, hi = max(lo, *f.Min), min(hi, *f.Max)
			}
			val, set := v, "true"
			if f.opt {
				val, set = v+".V", v+".Set"
			}
			cond := fmt.Sprintf("%s && (%s < %d || %s > %d)", set, val, lo, val, hi)
			if !f.opt {
				cond = fmt.Sprintf("%s < %d || %s > %d", val, lo, val, hi)
			}
			if f.bits == 64 && f.Min == nil {
				continue
			}
			fail(cond, fmt.Sprintf("strconv.FormatInt(int64(%s), 10) + %q", val,
				fmt.Sprintf(" is not within %d to %d", lo, hi)))
		}
	}
	g.p("return nil\n}\n\n")
}

// encoder writes AppendJSON or AppendXML: the properties in order, then the
// links. The body is built in local variables (dst, whether every value
// could be written, where "_links" starts), which the compiler keeps in
// registers: a writer struct passed to methods would live in memory.
func (g *gen) encoder(a *apiOp, format string) {
	g.p("// Append%s appends the %s body of x to dst, after checking it with Validate.\n", format, format)
	g.p("func (x *%s) Append%s(dst []byte) ([]byte, error) {\n", a.typ, format)
	g.p("if err := x.Validate(); err != nil {\nreturn dst, err\n}\n")
	checked := slices.ContainsFunc(a.fields, func(f *apiField) bool {
		return f.kind != "bool" && f.kind != "int" && f.kind != "duration" && f.kind != "enum"
	})
	links := slices.ContainsFunc(a.fields, func(f *apiField) bool { return f.kind == "link" })
	if checked || format == "JSON" {
		g.p("start := len(dst)\n")
	}
	if checked {
		g.p("ok, o := true, false\n")
	}
	switch {
	case format == "JSON" && links:
		g.p("links := -1\n")
	case format == "XML" && a.put:
		g.p("dst = xmlPutHead(dst, %q)\n", a.res.Rel)
	case format == "XML":
		g.p("dst = append(dst, xmlInputOpen...)\n")
	}
	if format == "JSON" && a.put {
		g.p("dst = jsonRel(dst, %q)\n", a.res.Rel)
	}
	for _, links := range []bool{false, true} {
		for _, f := range a.fields {
			if (f.kind == "link") != links {
				continue
			}
			g.write(f, format)
		}
	}
	if checked {
		g.p("if !ok {\nreturn dst[:start], encodeError(x, %v, ucwa.%s)\n}\n", a.put, format)
	}
	switch {
	case format == "JSON" && links:
		g.p("return closeJSON(dst, start, links), nil\n}\n\n")
	case format == "JSON":
		g.p("return closeJSON(dst, start, -1), nil\n}\n\n")
	case a.put:
		g.p("return append(dst, xmlResClose...), nil\n}\n\n")
	default:
		g.p("return append(dst, xmlInputClose...), nil\n}\n\n")
	}
}

// write writes the statement that writes one field.
func (g *gen) write(f *apiField, format string) {
	v := "x." + f.goName
	key := func(list bool) string {
		if format == "JSON" {
			return raw(`,"` + f.Name + `":`)
		}
		if list {
			return raw(`<propertyList name="` + f.Name + `">`)
		}
		return raw(`<property name="` + f.Name + `">`)
	}
	var cond, stmt string
	// A string is written inline: a writer function costs a call, which the
	// compiler does not inline, and most parameters are strings.
	inline := func(key, val, end string) string {
		app := "ucwa.AppendJSONString(dst, " + val + ")"
		if format == "XML" {
			app = "ucwa.AppendXMLText(dst, " + val + ", " + strconv.FormatBool(f.kind == "link") + ")"
		}
		s := "dst = append(dst, " + key + "...)\ndst, o = " + app + "\nok = ok && o"
		if end != "" {
			s += "\ndst = append(dst, " + end + "...)"
		}
		return s
	}
	end, lower := "", strings.ToLower(format)
	if format == "XML" {
		end = "xmlPropEnd"
	}
	switch f.kind {
	case "str":
		cond, stmt = v+` != ""`, inline(key(false), v, end)
	case "enum":
		// Validate has checked it is a value of its enumeration, a plain
		// name: it is written as it is.
		q := `"`
		if format == "XML" {
			q = ""
		}
		cond, stmt = v+` != ""`, "dst = append(dst, "+raw(strings.Trim(key(false), "`")+q)+"...)\n"+
			"dst = append(dst, "+v+"...)"
		if format == "JSON" {
			stmt += "\ndst = append(dst, '\"')"
		} else {
			stmt += "\ndst = append(dst, xmlPropEnd...)"
		}
	case "strs", "enums":
		cond, stmt = "len("+v+") > 0", fmt.Sprintf("dst, o = %sStrs(dst, %s, %s)\nok = ok && o", lower, key(true), v)
	case "bool":
		stmt = fmt.Sprintf("dst = %sBool(dst, %s, %s)", lower, key(false), v)
	case "int":
		stmt = fmt.Sprintf("dst = %sInt(dst, %s, int64(%s))", lower, key(false), v)
	case "duration":
		stmt = fmt.Sprintf("dst = %sDuration(dst, %s, %s)", lower, key(false), v)
	case "date":
		cond, stmt = "!"+v+".IsZero()", fmt.Sprintf("dst, o = %sDate(dst, %s, %s)\nok = ok && o", lower, key(false), v)
	case "link":
		if format == "XML" {
			cond, stmt = v+` != ""`, inline(raw(`<link rel="`+f.Name+`" href="`), v, "`\"/>`")
		} else {
			cond, stmt = v+` != ""`, "dst, links = openLinks(dst, links)\n"+inline(raw(`,"`+f.Name+`":{"href":`), v, "`}`")
		}
	}
	if f.opt {
		cond, stmt = v+".Set", strings.Replace(stmt, v, v+".V", 1)
	}
	if f.Required && f.kind != "date" || cond == "" {
		g.p("%s\n", stmt)
		return
	}
	g.p("if %s {\n%s\n}\n", cond, stmt)
}

// input writes Input (and Resource for a PUT).
func (g *gen) input(a *apiOp) {
	if a.put {
		g.p("// Input returns the properties of x that are set, the rel first, as a\n")
		g.p("// generic Input (see Resource).\n")
	} else {
		g.p("// Input returns the parameters of x that are set as a generic Input, which\n")
		g.p("// encodes to the same bytes (without the checks of Validate).\n")
	}
	g.p("func (x *%s) Input() ucwa.Input {\n", a.typ)
	g.p("var in ucwa.Input\n")
	if a.put {
		g.p("in.Properties = append(in.Properties, ucwa.Prop(\"rel\", ucwa.String(%q)))\n", a.res.Rel)
	}
	for _, links := range []bool{false, true} {
		for _, f := range a.fields {
			if (f.kind == "link") != links {
				continue
			}
			v := "x." + f.goName
			val := ""
			cond := ""
			switch f.kind {
			case "str":
				cond, val = v+` != ""`, "ucwa.String("+v+")"
			case "enum":
				cond, val = v+` != ""`, "ucwa.String(string("+v+"))"
			case "strs", "enums":
				cond, val = "len("+v+") > 0", "stringList("+v+")"
			case "bool":
				val = "ucwa.Bool(" + v + ")"
			case "int":
				val = "ucwa.Int(int64(" + v + "))"
			case "duration":
				val = "ucwa.String(FormatDuration(" + v + "))"
			case "date":
				cond, val = "!"+v+".IsZero()", "ucwa.Date("+v+")"
			case "link":
				g.p("if %s != \"\" {\nin.Links = append(in.Links, ucwa.Link{Rel: %q, Href: %s})\n}\n", v, f.Name, v)
				continue
			}
			if f.opt {
				cond, val = v+".Set", strings.Replace(val, v, v+".V", 1)
			}
			stmt := fmt.Sprintf("in.Properties = append(in.Properties,\nucwa.Prop(%q, %s))", f.Name, val)
			if cond == "" || f.Required && f.kind != "date" {
				g.p("%s\n", stmt)
			} else {
				g.p("if %s {\n%s\n}\n", cond, stmt)
			}
		}
	}
	g.p("return in\n}\n\n")
	if a.put {
		g.p("// Resource returns x as a generic Resource, which encodes to the same bytes\n")
		g.p("// (without the checks of Validate).\n")
		g.p("func (x *%s) Resource() ucwa.Resource {\n", a.typ)
		g.p("in := x.Input()\nreturn ucwa.Resource{Properties: in.Properties}\n}\n\n")
	}
}

// fromInput writes FromInput.
func (g *gen) fromInput(a *apiOp) {
	g.p("// FromInput sets x from the properties and links of in. A parameter the\n")
	g.p("// operation does not take, or a value not of its parameter's type, is an\n")
	g.p("// InputError; x is changed only on success. It does not validate.\n")
	g.p("func (x *%s) FromInput(in *ucwa.Input) error {\n", a.typ)
	g.p("var v %s\n", a.typ)
	g.p("for _, p := range in.Properties {\n")
	g.p("msg := \"\"\n")
	g.p("switch p.Name {\n")
	if a.put {
		g.p("case \"rel\":\nif s, ok := p.Value.Str(); !ok || s != %q {\nmsg = \"not %s\"\n}\n", a.res.Rel, a.res.Rel)
	}
	for _, f := range a.fields {
		if f.kind == "link" {
			continue
		}
		g.p("case %q:\n", f.Name)
		if !f.Required {
			g.p("if null(p.Value) {\ncontinue\n}\n")
		}
		target := "v." + f.goName
		if f.opt {
			target += ".V"
		}
		switch f.kind {
		case "str":
			g.p("%s, msg = readString(p.Value)\n", target)
		case "enum":
			g.p("var s string\ns, msg = readString(p.Value)\n%s = %s(s)\n", target, f.enum)
		case "strs":
			g.p("%s, msg = readStrings(p.Value, \"String\")\n", target)
		case "enums":
			g.p("var ss []string\nss, msg = readStrings(p.Value, %q)\n", f.enum)
			g.p("for _, s := range ss {\n%s = append(%s, %s(s))\n}\n", target, target, f.enum)
		case "bool":
			g.p("%s, msg = readBool(p.Value)\n", target)
		case "int":
			g.p("var i int64\ni, msg = readInt(p.Value, %d)\n%s = %s(i)\n", f.bits, target, f.base)
		case "date":
			g.p("%s, msg = readDate(p.Value)\n", target)
		case "duration":
			g.p("%s, msg = readDuration(p.Value)\n", target)
		}
		if f.opt {
			g.p("v.%s.Set = true\n", f.goName)
		}
	}
	g.p("default:\nmsg = \"not a parameter of the operation\"\n")
	g.p("}\n")
	g.p("if msg != \"\" {\nreturn invalid(%q, p.Name, msg)\n}\n", a.name)
	g.p("}\n")
	g.p("for _, l := range in.Links {\n")
	g.p("msg := \"\"\n")
	g.p("switch l.Rel {\n")
	for _, f := range a.fields {
		if f.kind != "link" {
			continue
		}
		g.p("case %q:\n", f.Name)
		g.p("if v.%s != \"\" {\nmsg = \"a second link; the parameter is one\"\n", f.goName)
		g.p("} else {\nv.%s, msg = readLink(l)\n}\n", f.goName)
	}
	g.p("default:\nmsg = \"not a link-valued parameter of the operation\"\n")
	g.p("}\n")
	g.p("if msg != \"\" {\nreturn invalid(%q, l.Rel, msg)\n}\n", a.name)
	g.p("}\n")
	g.p("*x = v\nreturn nil\n}\n\n")
}

func (g *gen) propertyKind(a *apiOp) {
	byKind := map[string][]string{}
	for _, f := range a.fields {
		k := "ucwa.KindString"
		switch f.kind {
		case "link":
			continue
		case "bool":
			k = "ucwa.KindBool"
		case "int":
			k = "ucwa.KindNumber"
		case "date":
			k = "ucwa.KindDate"
		}
		byKind[k] = append(byKind[k], strconv.Quote(f.Name))
	}
	if a.put {
		byKind["ucwa.KindString"] = append([]string{`"rel"`}, byKind["ucwa.KindString"]...)
	}
	g.p("// PropertyKind makes x the ucwa.Typer of its own parameters, for reading an\n")
	g.p("// XML body (see Decode). It does not read rel.\n")
	g.p("func (*%s) PropertyKind(rel, name string) (ucwa.Kind, bool) {\n", a.typ)
	g.p("switch name {\n")
	for _, k := range []string{"ucwa.KindString", "ucwa.KindBool", "ucwa.KindNumber", "ucwa.KindDate"} {
		if ns := byKind[k]; len(ns) > 0 {
			g.p("case %s:\nreturn %s, true\n", strings.Join(ns, ",\n"), k)
		}
	}
	g.p("}\nreturn 0, false\n}\n\n")
}

func (g *gen) registry(ops []*apiOp) {
	g.p("// operations are the typed inputs, sorted by the catalog's names.\n")
	g.p("var operations = [...]opEntry{\n")
	for _, a := range ops {
		g.p("{%q, %v, func() Operation { return new(%s) }},\n", a.name, a.put, a.typ)
	}
	g.p("}\n\n")
}

func (g *gen) enum(e *Enum) {
	g.p("// %s is the enumeration %s of the reference.\n", e.Name, e.Name)
	g.p("type %s string\n\n", e.Name)
	g.p("// The values of %s.\nconst (\n", e.Name)
	for _, v := range e.Values {
		g.p("%s%s %s = %q\n", e.Name, strings.ToUpper(v[:1])+v[1:], e.Name, v)
	}
	g.p(")\n\n")
	g.p("// Valid reports whether v is one of the values of %s.\n", e.Name)
	g.p("func (v %s) Valid() bool {\nswitch v {\ncase ", e.Name)
	for i, v := range e.Values {
		if i > 0 {
			g.p(",\n")
		}
		g.p("%s%s", e.Name, strings.ToUpper(v[:1])+v[1:])
	}
	g.p(":\nreturn true\n}\nreturn false\n}\n\n")
}

// raw returns s as a Go raw string literal.
func raw(s string) string { return "`" + s + "`" }
