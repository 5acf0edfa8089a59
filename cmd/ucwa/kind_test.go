package main

import (
	"testing"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/internal/testkit"
)

func TestDetectKind(t *testing.T) {
	tests := []struct {
		at   string
		body string
		want string
	}{
		{testkit.Where(), seedJSON, kindInput},
		{testkit.Where(), `{}`, kindInput},
		{testkit.Where(), `{"operationId":"1","_links":{"message":{"href":"data:,hi"}}}`, kindInput},
		{testkit.Where(), `{"rel":"me"}`, kindResource},
		{testkit.Where(), `{"a":1,"_embedded":{}}`, kindResource},
		{testkit.Where(), `{"_links":{"self":{"href":"/x"}}}`, kindResource},
		{testkit.Where(), `{"code":"Conflict"}`, kindError},
		{testkit.Where(), `{"message":"m","code":"Conflict","link":{"href":"/x"}}`, kindError},
		{testkit.Where(), `{"code":"x","rel":"r"}`, kindResource},
		{testkit.Where(), `{"code":"x","_links":{"y":{"href":"/y"}}}`, kindInput},
		{testkit.Where(), eventsJSON, kindEvents},
		// A P-GET's timeout: links alone.
		{testkit.Where(), `{"_links":{"self":{"href":"/e?ack=1"},"next":{"href":"/e?ack=2"}}}`, kindEvents},
		{testkit.Where(), `{"rel":"x","_links":{"next":{"href":"/n"}}}`, kindResource},
		{testkit.Where(), ``, kindInput},
		{testkit.Where(), `{"sender":[`, kindEvents}, // truncated after the name: the events decoder says what is wrong
		{testkit.Where(), `{"code":`, kindError},
		{testkit.Where(), `{"_links":{"self":`, kindInput},
		{testkit.Where(), `[]`, kindInput},
		{testkit.Where(), "\xef\xbb\xbf" + `{"rel":"me"}`, kindResource},
		{testkit.Where(), `<input/>`, kindInput},
		{testkit.Where(), `<?xml version="1.0"?><!-- c --> <resource rel="me">`, kindResource},
		{testkit.Where(), `<u:events xmlns:u="x">`, kindEvents},
		{testkit.Where(), "<reason\n>", kindError},
		{testkit.Where(), `<!DOCTYPE reason><reason/>`, kindInput},
		{testkit.Where(), `<?xml`, kindInput},
		{testkit.Where(), `<!-- never ends`, kindInput},
		{testkit.Where(), `<html>`, kindInput},
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
