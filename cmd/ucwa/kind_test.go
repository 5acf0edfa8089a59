package main

import (
	"testing"

	"github.com/ucwa-go/ucwa"
)

func TestDetectKind(t *testing.T) {
	tests := []struct {
		at   string
		body string
		want string
	}{
		{at(), seedJSON, kindInput},
		{at(), `{}`, kindInput},
		{at(), `{"operationId":"1","_links":{"message":{"href":"data:,hi"}}}`, kindInput},
		{at(), `{"rel":"me"}`, kindResource},
		{at(), `{"a":1,"_embedded":{}}`, kindResource},
		{at(), `{"_links":{"self":{"href":"/x"}}}`, kindResource},
		{at(), `{"code":"Conflict"}`, kindError},
		{at(), `{"message":"m","code":"Conflict","link":{"href":"/x"}}`, kindError},
		{at(), `{"code":"x","rel":"r"}`, kindResource},
		{at(), `{"code":"x","_links":{"y":{"href":"/y"}}}`, kindInput},
		{at(), eventsJSON, kindEvents},
		{at(), `{"sender":[`, kindEvents}, // truncated after the name: the events decoder says what is wrong
		{at(), `{"code":`, kindError},
		{at(), `{"_links":{"self":`, kindInput},
		{at(), `[]`, kindInput},
		{at(), "\xef\xbb\xbf" + `{"rel":"me"}`, kindResource},
		{at(), `<input/>`, kindInput},
		{at(), `<?xml version="1.0"?><!-- c --> <resource rel="me">`, kindResource},
		{at(), `<u:events xmlns:u="x">`, kindEvents},
		{at(), "<reason\n>", kindError},
		{at(), `<!DOCTYPE reason><reason/>`, kindInput},
		{at(), `<?xml`, kindInput},
		{at(), `<!-- never ends`, kindInput},
		{at(), `<html>`, kindInput},
	}
	for _, tt := range tests {
		f, ok := ucwa.DetectFormat([]byte(tt.body))
		if !ok {
			f = ucwa.JSON
		}
		if got := detectKind([]byte(tt.body), f); got != tt.want {
			t.Errorf("%s: detectKind(%q) = %s, want %s", tt.at, tt.body, got, tt.want)
		}
	}
}
