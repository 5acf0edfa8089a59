package ucwa

import (
	"strconv"
	"strings"
)

// The JSON Pointer of an error. The decoder keeps no path while it reads; an
// error computes its path from its offset by reading the body again up to
// there (jsonPathAt).

// jsonPathAt returns the JSON Pointer of the value that holds offset off of
// buf, whose bytes before off a decoder has read without error. A member's
// name is part of the path from its colon to the end of its value, an
// element's index from the '[' or ',' before it to its end; between values
// (at a name, a comma, a closing bracket) the path is the container's.
func jsonPathAt(buf []byte, off int) string {
	type frame struct {
		obj     bool
		name    string // an object's current member
		idx     int    // an array's current element
		inValue bool   // off is in that member's or element's value
	}
	var st []frame
	valueDone := func() {
		if len(st) > 0 {
			st[len(st)-1].inValue = false
		}
	}
	off = min(off, len(buf))
	for i := 0; i < off; {
		switch c := buf[i]; c {
		case ' ', '\t', '\n', '\r':
			i++
		case '{', '[':
			st = append(st, frame{obj: c == '{', inValue: c == '['})
			i++
		case '}', ']':
			if len(st) > 0 {
				st = st[:len(st)-1]
			}
			valueDone()
			i++
		case ',':
			if n := len(st); n > 0 && !st[n-1].obj {
				st[n-1].idx++
				st[n-1].inValue = true
			}
			i++
		case ':':
			if n := len(st); n > 0 {
				st[n-1].inValue = true
			}
			i++
		default:
			// A scalar: read it as the decoder did, to find its end.
			t := jsonDecoder{buf: buf, pos: i, noPath: true}
			var s []byte
			var err error
			switch {
			case c == '"':
				s, _, err = t.str()
			case c == '-' || '0' <= c && c <= '9':
				_, err = t.number()
			case c == 't':
				err = t.literal("true")
			case c == 'f':
				err = t.literal("false")
			case c == 'n':
				err = t.literal("null")
			default:
				err = ErrSyntax
			}
			if err != nil || t.pos > off {
				i = off // off is inside it
				break
			}
			if n := len(st); c == '"' && n > 0 && st[n-1].obj && !st[n-1].inValue {
				st[n-1].name = string(s)
			} else {
				valueDone()
			}
			i = t.pos
		}
	}
	var b strings.Builder
	for _, f := range st {
		switch {
		case !f.inValue:
			return b.String()
		case f.obj:
			b.WriteByte('/')
			b.WriteString(jsonPointerToken(f.name))
		default:
			b.WriteByte('/')
			b.WriteString(strconv.Itoa(f.idx))
		}
	}
	return b.String()
}
