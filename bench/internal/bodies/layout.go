package bodies

import "bytes"

// indentUnit is one level of indentation, as UCWA servers indent.
const indentUnit = "  "

// IndentJSON lays out compact JSON, as the ucwa encoder writes it, one member
// or element a line, indented by two spaces a level, with ": " after each
// name. With inlineLeaves, an object or array that holds no object or array
// stays on one line ({"href": "…"}), as some servers write links.
//
// src must be compact JSON (no white space outside strings); IndentJSON does
// not check it.
func IndentJSON(src []byte, inlineLeaves bool) []byte {
	w := jsonIndenter{src: src, inline: inlineLeaves, out: make([]byte, 0, 2*len(src))}
	w.value(0)
	return append(w.out, '\n')
}

type jsonIndenter struct {
	src    []byte
	i      int
	out    []byte
	inline bool
}

func (w *jsonIndenter) value(depth int) {
	switch w.src[w.i] {
	case '{', '[':
		w.container(depth)
	case '"':
		w.str()
	default:
		start := w.i
		for w.i < len(w.src) && w.src[w.i] != ',' && w.src[w.i] != ']' && w.src[w.i] != '}' {
			w.i++
		}
		w.out = append(w.out, w.src[start:w.i]...)
	}
}

// str copies the string at w.i, escapes included.
func (w *jsonIndenter) str() {
	start := w.i
	w.i++
	for w.src[w.i] != '"' {
		if w.src[w.i] == '\\' {
			w.i++
		}
		w.i++
	}
	w.i++
	w.out = append(w.out, w.src[start:w.i]...)
}

func (w *jsonIndenter) container(depth int) {
	open := w.src[w.i]
	w.out = append(w.out, open)
	w.i++
	if c := w.src[w.i]; c == '}' || c == ']' {
		w.out = append(w.out, c)
		w.i++
		return
	}
	oneLine := w.inline && w.isLeaf()
	for first := true; ; first = false {
		switch {
		case oneLine && !first:
			w.out = append(w.out, ' ')
		case !oneLine:
			w.newline(depth + 1)
		}
		if open == '{' {
			w.str()
			w.i++ // the colon
			w.out = append(w.out, ": "...)
		}
		w.value(depth + 1)
		if w.src[w.i] != ',' {
			break
		}
		w.out = append(w.out, ',')
		w.i++
	}
	if !oneLine {
		w.newline(depth)
	}
	w.out = append(w.out, w.src[w.i])
	w.i++
}

// isLeaf reports whether the container whose first member starts at w.i
// holds no object or array.
func (w *jsonIndenter) isLeaf() bool {
	inStr := false
	for j := w.i; j < len(w.src); j++ {
		c := w.src[j]
		switch {
		case inStr && c == '\\':
			j++
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '{' || c == '[':
			return false
		case c == '}' || c == ']':
			return true
		}
	}
	return true
}

func (w *jsonIndenter) newline(depth int) {
	w.out = append(w.out, '\n')
	for range depth {
		w.out = append(w.out, indentUnit...)
	}
}

// IndentXML lays out compact XML, as the ucwa encoder writes it: the
// declaration on a line of its own, then one element a line, indented by two
// spaces a level. An element that holds only text (or nothing) stays on one
// line; an empty-element tag is written "<link … />".
//
// src must hold no comments, CDATA sections or mixed content, which the ucwa
// encoder never writes; IndentXML does not check it.
func IndentXML(src []byte) []byte {
	out := make([]byte, 0, 2*len(src))
	depth := 0
	for i := 0; i < len(src); {
		end := tagEnd(src, i)
		tag := src[i:end]
		switch {
		case bytes.HasPrefix(tag, []byte("<?")):
			out = append(append(out, tag...), '\n')
		case bytes.HasPrefix(tag, []byte("</")):
			depth--
			out = appendXMLLine(out, depth, tag)
		case bytes.HasSuffix(tag, []byte("/>")):
			out = appendXMLLine(out, depth, tag[:len(tag)-2], []byte(" />"))
		default:
			// Text, if any, then an end tag: the element's one line.
			text := end + bytes.IndexByte(src[end:], '<')
			if src[text+1] == '/' {
				close := tagEnd(src, text)
				out = appendXMLLine(out, depth, src[i:close])
				end = close
				break
			}
			out = appendXMLLine(out, depth, tag)
			depth++
		}
		i = end
	}
	return out
}

// tagEnd returns the index just past the tag that starts at src[i], skipping
// quoted attribute values, which may hold '>'.
func tagEnd(src []byte, i int) int {
	var quote byte
	for j := i + 1; j < len(src); j++ {
		switch c := src[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return len(src)
}

// appendXMLLine appends a line at depth made of parts.
func appendXMLLine(out []byte, depth int, parts ...[]byte) []byte {
	for range depth {
		out = append(out, indentUnit...)
	}
	for _, p := range parts {
		out = append(out, p...)
	}
	return append(out, '\n')
}
