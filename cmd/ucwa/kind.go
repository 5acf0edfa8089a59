package main

import (
	"bytes"
	"encoding/json"

	"github.com/ucwa-go/ucwa"
)

// The kinds of body convert reads and detectKind tells.
const (
	kindInput    = "input"
	kindResource = "resource"
	kindEvents   = "events"
	kindError    = "error"
)

// detectKind tells the kind of body data is, as the package comment says.
// What it cannot read it calls an input, whose decoder then says what is
// wrong.
func detectKind(data []byte, f ucwa.Format) string {
	data = ucwa.StripBOM(data)
	if f == ucwa.XML {
		return xmlRootKind(data)
	}
	return jsonKind(data)
}

// xmlRootKind tells the kind from the name of the root element, skipping
// the XML declaration, processing instructions, comments and white space.
func xmlRootKind(data []byte) string {
	for {
		data = bytes.TrimLeft(data, " \t\r\n")
		switch {
		case bytes.HasPrefix(data, []byte("<?")):
			i := bytes.Index(data, []byte("?>"))
			if i < 0 {
				return kindInput
			}
			data = data[i+2:]
			continue
		case bytes.HasPrefix(data, []byte("<!--")):
			i := bytes.Index(data[4:], []byte("-->"))
			if i < 0 {
				return kindInput
			}
			data = data[4+i+3:]
			continue
		case !bytes.HasPrefix(data, []byte("<")):
			return kindInput
		}
		name := data[1:]
		if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
			name = name[:i]
		}
		if i := bytes.LastIndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		switch string(name) {
		case "resource":
			return kindResource
		case "events":
			return kindEvents
		case "reason":
			return kindError
		}
		return kindInput
	}
}

// jsonKind tells the kind from the names of the members of the top-level
// object, as far as it is well-formed.
func jsonKind(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	var code, rel, links, self, embedded, sender bool
	classify := func() string {
		switch {
		case sender:
			return kindEvents
		case code && !rel && !links:
			return kindError
		case rel || embedded || self:
			return kindResource
		}
		return kindInput
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return kindInput
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return classify()
		}
		name, _ := t.(string)
		switch name {
		case "code":
			code = true
		case "rel":
			rel = true
		case "_embedded":
			embedded = true
		case "sender":
			sender = true
		case "_links":
			links = true
			var m map[string]json.RawMessage
			if err := dec.Decode(&m); err != nil {
				return classify()
			}
			_, has := m["self"]
			self = self || has
			continue
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return classify()
		}
	}
	return classify()
}
