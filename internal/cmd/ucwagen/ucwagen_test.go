package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ucwa-go/ucwa/internal/testkit"
)

// The committed files, from this package's directory.
const (
	catalogFile   = "../../../catalog/catalog.json"
	overridesFile = "../../../catalog/overrides.txt"
	catalogGo     = "../../../catalog/zz_catalog.go"
	apiGo         = "../../../api/zz_api.go"
)

// TestExtractGivesCommittedCatalog: extracting the reference again gives
// the committed catalog byte for byte, and the overrides settle every issue.
func TestExtractGivesCommittedCatalog(t *testing.T) {
	c, err := extract(testkit.Shared(t, "ucwa-docs"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.encode()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(catalogFile)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("extracting the reference again changes catalog.json: run\n\tgo run ./internal/cmd/ucwagen extract " +
			"-ref ../shared/ucwa-docs -overrides catalog/overrides.txt -o catalog/catalog.json")
	}
	o, err := readOverrides(overridesFile)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.apply(c); err != nil {
		t.Error(err)
	}
}

// TestGenGivesCommittedGo: generating from the committed catalog and
// overrides gives the committed Go files (what .ci/run checks with go
// generate and git diff).
func TestGenGivesCommittedGo(t *testing.T) {
	c, err := settled(catalogFile, overridesFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		gen  func(*Catalog) ([]byte, error)
	}{{catalogGo, genCatalog}, {apiGo, genAPI}} {
		got, err := tc.gen(c)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s is not what the catalog generates: run go generate ./catalog", tc.file)
		}
		if !strings.HasPrefix(string(got), "// Code generated ") || !strings.Contains(strings.SplitN(string(got),
			"\n", 2)[0], "DO NOT EDIT.") {
			t.Errorf("%s does not start with the generated-code line", tc.file)
		}
	}
	r := report(c)
	if !strings.Contains(r, "resources 238 ") || !strings.Contains(r, "enums 56 ") || !strings.Contains(r, "untyped 0\nquery") {
		t.Errorf("report: %s", r)
	}
}

// page is a reference page written for the tests, in the reference's form.
const testPage = `---
title: thing
---
# thing

## Resource description

### Properties

|**Name**|**Description**|
|:-----|:-----|
|state|The state ([Importance](Importance_ref.md)).|
|title|The title.The maximum length is 40 characters.|

### Links

|**Link**|**Description**|
|:-----|:-----|
|self|The link to the current resource.|
|part|A part.|

## Events

### Added

| **Resource** | **Priority** | **Sender** | **Reason** |
| ----- | ----- | ----- | ----- |
| thing | High | owner | When added. |

## Operations

### POST

#### Query parameters

|**Name**|**Description**|**Required?**|
|:-----|:-----|:-----|
|to|Where.|No|

#### Request body

|**Name**|**Description**|**Required?**|
|:-----|:-----|:-----|
|to|Where it goes.String|Yes|
|level|How much.The maximum value is 9 and the minimum value is 1 Nullable Int32|No|
|importance|How urgent.Nullable (Importance)Normal, or Urgent|No|
|kinds|Which.Array of (Importance)Normal, Secret|No|
|note|A note ([Importance](Importance_ref.md)).AddressString|No|
|when|When.|No|
|blob|A blob.ExternalResource|No|

#### Response body

|**Item**|**Description**|
|:-----|:-----|
|[other](Other_ref.md)|The other.|

#### Synchronous errors

|**Error**|**Code**|**Subcode**|**Description**|
|:-----|:-----|:-----|:-----|
|Conflict|409|AlreadyExists|Exists.|
|Conflict|409|None|Other.|
|Conflict|409|None|Other.|

#### JSON Request

` + "```" + `
Post https://host/thing HTTP/1.1
Content-Type: application/json
{
  &quot;to&quot; : &quot;a&quot;,
  &quot;when&quot; : true
}
` + "```" + `

### GET

#### Response body

None

#### JSON Response

` + "```" + `
HTTP/1.1 200 OK
Content-Type: application/json

{"rel":"thing","state":"Normal","title":7,"_embedded":{"part":[{"rel":"part"},{"rel":"part"}]}}
` + "```" + `
`

// TestExtractPage: a page in the reference's form gives its properties,
// links, events, operations, parameters (types, limits, enums, query or
// body), errors, and types from its examples, and the issues it leaves.
func TestExtractPage(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("thing_ref.md", testPage)
	write("other_ref.md", "# other\n")
	write("part_ref.md", "# part\n")
	write("Importance_ref.md",
		"# Importance\n\n## Members\n\n|Name|Description|\n|:--|:--|\n|Normal|N.|\n|Urgent|U.|\n")
	write("UCWAenumerations.md", "- [Importance](Importance_ref.md)\n")
	c, err := extract(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := c.resource("thing")
	if r == nil || len(c.Enums) != 1 || !c.Enums[0].Listed {
		t.Fatalf("catalog: %+v", c)
	}
	if f := field(r.Properties, "state"); f == nil || f.Type != "Importance" || f.Source != "table" {
		t.Errorf("state: %+v", f)
	}
	if f := field(r.Properties, "title"); f == nil || f.MaxLength != 40 {
		t.Errorf("title: %+v", f)
	}
	if len(r.Links) != 2 || r.Links[1].Rel != "part" || !r.Links[1].Many {
		t.Errorf("links: %+v", r.Links)
	}
	if len(r.Events) != 1 || *r.Events[0] != (Event{Type: "added", Sender: "owner", Priority: "High"}) {
		t.Errorf("events: %+v", r.Events)
	}
	post := r.op("POST")
	if post == nil || post.Body != "input" || post.Response != "other" || len(post.Errors) != 2 ||
		post.Errors[1].Subcode != "" {
		t.Fatalf("POST: %+v", post)
	}
	params := map[string]*Field{}
	for _, f := range post.Params {
		params[f.In+" "+f.Name] = f
	}
	for key, want := range map[string]string{
		"query to":        " false false false 0 -",
		"body to":         "String true false false 0 -",
		"body level":      "Int32 false true false 0 1..9",
		"body importance": "Importance false true false 0 -",
		"body kinds":      "Importance false false true 0 -",
		"body note":       "String false false false 0 -",
		"body when":       "Boolean false false false 0 -",
		"body blob":       "Href false false false 0 -",
	} {
		f := params[key]
		if f == nil {
			t.Errorf("%s: missing", key)
			continue
		}
		rng := "-"
		if f.Min != nil {
			rng = itoa(*f.Min) + ".." + itoa(*f.Max)
		}
		got := strings.Join([]string{f.Type, bstr(f.Required), bstr(f.Nullable), bstr(f.Array),
			itoa(int64(f.MaxLength)), rng}, " ")
		if got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
	if f := params["body when"]; f.Source != "example" {
		t.Errorf("when's type came from %q, want the example", f.Source)
	}
	issues := map[string]bool{}
	for _, is := range c.Issues {
		issues[is.Key] = true
	}
	for _, key := range []string{"in thing.POST.to", "value Importance.Secret", "type thing.title"} {
		if !issues[key] {
			t.Errorf("no issue %s in %v", key, c.Issues)
		}
	}
	if len(issues) != 3 {
		t.Errorf("issues: %v", c.Issues)
	}
}

func bstr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

// TestOverrides: the overrides file's form is checked, every issue must be
// settled, and an override that settles nothing fails.
func TestOverrides(t *testing.T) {
	dir := t.TempDir()
	parse := func(text string) (overrides, error) {
		p := filepath.Join(dir, "o.txt")
		os.WriteFile(p, []byte(text), 0o644)
		return readOverrides(p)
	}
	for _, bad := range []string{
		"type a.b String\n",
		"type a.b String --  \n",
		"colour a.b red -- why\n",
		"in a.B.c body extra -- why\n",
		"type a.b String -- one\ntype a.b Int32 -- two\n",
	} {
		if _, err := parse(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	newCat := func() *Catalog {
		return &Catalog{
			Resources: []*Resource{{Name: "r", Rel: "r", Properties: []*Field{{Name: "p"}},
				Operations: []*Operation{{Method: "POST",
					Params: []*Field{{Name: "q", In: "query"}, {Name: "q", In: "body", Type: "String",
						Source: "table"}}}}}},
			Enums: []*Enum{{Name: "E", Values: []string{"A"}}},
			Issues: []*Issue{{Key: "type r.p", Msg: "untyped"}, {Key: "in r.POST.q", Msg: "both"}, {Key: "value E.B",
				Msg: "missing"}},
		}
	}
	o, err := parse("# settle\ntype r.p Array of E -- why\nin r.POST.q body -- why\nvalue E.B add -- why\n")
	if err != nil {
		t.Fatal(err)
	}
	c, err := o.apply(newCat())
	if err != nil {
		t.Fatal(err)
	}
	r := c.Resources[0]
	if f := r.Properties[0]; f.Type != "E" || !f.Array || f.Source != "override" {
		t.Errorf("p: %+v", f)
	}
	if len(r.Operations[0].Params) != 1 || r.Operations[0].Params[0].In != "body" || len(c.Enums[0].Values) != 2 {
		t.Errorf("settled: %+v %+v", r.Operations[0].Params, c.Enums[0])
	}
	o, _ = parse("type r.p String -- why\n")
	if _, err := o.apply(newCat()); err == nil || !strings.Contains(err.Error(), "unsettled: in r.POST.q") {
		t.Errorf("unsettled issues: %v", err)
	}
	o, _ = parse("type r.p String -- why\nin r.POST.q both -- why\nvalue E.B ignore -- why\nrequired r.POST.q no -- why\n")
	if _, err := o.apply(newCat()); err == nil || !strings.Contains(err.Error(),
		"settles no issue and changes nothing") {
		t.Errorf("an override that changes nothing: %v", err)
	}
	o, _ = parse("type r.p Colour -- why\nin r.POST.q both -- why\nvalue E.B ignore -- why\n")
	if _, err := o.apply(newCat()); err == nil || !strings.Contains(err.Error(), "unknown type Colour") {
		t.Errorf("an unknown type: %v", err)
	}
}

func TestGoName(t *testing.T) {
	for in, want := range map[string]string{
		"operationId": "OperationID", "onlineMeetingUri": "OnlineMeetingURI", "to": "To", "ip": "IP",
		"chassisID": "ChassisID", "contactUris": "ContactURIs", "uris": "URIs", "wapBSSID": "WapBSSID",
		"joinUrl": "JoinURL", "startMessaging2": "StartMessaging2",
	} {
		if got := goName(in); got != want {
			t.Errorf("goName(%q) = %q, want %q", in, got, want)
		}
	}
}
