package main

import (
	"html"
	"regexp"
	"strings"
)

// A page is a reference page cut at its headings.
type page struct {
	name     string
	sections []section
}

// A section is a heading and the lines up to the next heading.
type section struct {
	level int
	title string
	lines []string
}

// parsePage cuts the Markdown text of the page name into sections. Lines in
// a code fence are never headings.
func parsePage(name, text string) *page {
	p := &page{name: name}
	cur := section{}
	fenced := false
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
		}
		if !fenced && strings.HasPrefix(line, "#") {
			level := len(line) - len(strings.TrimLeft(line, "#"))
			title := strings.TrimSpace(line[level:])
			if title != "" && (len(line) == level || line[level] == ' ') {
				p.sections = append(p.sections, cur)
				cur = section{level: level, title: title}
				continue
			}
		}
		cur.lines = append(cur.lines, line)
	}
	p.sections = append(p.sections, cur)
	return p
}

// table returns the rows of the first Markdown table of lines, header and
// separator left out, each row's cells trimmed and stripped of bold marks.
// It returns nil when there is no table.
func table(lines []string) [][]string {
	var rows [][]string
	in := false
	for _, line := range lines {
		l := strings.TrimSpace(line)
		if !strings.HasPrefix(l, "|") {
			if in {
				break
			}
			continue
		}
		in = true
		l = strings.TrimPrefix(l, "|")
		l = strings.TrimSuffix(l, "|")
		cells := strings.Split(l, "|")
		for i, c := range cells {
			cells[i] = strings.TrimSpace(strings.ReplaceAll(c, "**", ""))
		}
		rows = append(rows, cells)
	}
	if len(rows) < 2 {
		return nil
	}
	out := rows[:0]
	for i, r := range rows {
		if i == 0 || isSeparatorRow(r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func isSeparatorRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, ":- ") != "" {
			return false
		}
	}
	return true
}

// cell returns row[i], or "" when the row is shorter.
func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// An example is a request or response of a page, as an HTTP message.
type example struct {
	method    string // the operation's method
	format    string // "json" or "xml"
	direction string // "request" or "response"
	start     string // the start line
	headers   []string
	body      string // HTML entities decoded
}

// codeBlock returns the content of the first fenced code block of lines,
// and whether there is one.
func codeBlock(lines []string) (string, bool) {
	var b strings.Builder
	in, found := false, false
	for _, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			if in {
				return b.String(), true
			}
			in, found = true, true
			continue
		}
		if in {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String(), found
}

var headerLine = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*: ?`)

// parseMessage splits the text of an example into its start line, headers
// and body. Some pages write the body straight after the headers, with no
// blank line between. Entities are decoded where the page escaped the
// block.
func parseMessage(text string) (start string, headers []string, body string) {
	if strings.Contains(text, "&quot;") || strings.Contains(text, "&lt;") {
		text = html.UnescapeString(text)
	}
	lines := strings.Split(text, "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i < len(lines) {
		start = strings.TrimSpace(lines[i])
		i++
	}
	for i < len(lines) && headerLine.MatchString(lines[i]) && !strings.HasPrefix(lines[i], "<") {
		headers = append(headers, strings.TrimSpace(lines[i]))
		i++
	}
	body = strings.TrimSpace(strings.Join(lines[i:], "\n"))
	return start, headers, body
}

// header returns the value of the header name (any case), or "".
func header(headers []string, name string) string {
	for _, h := range headers {
		k, v, ok := strings.Cut(h, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
