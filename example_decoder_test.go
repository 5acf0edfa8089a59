package ucwa_test

import (
	"fmt"

	"github.com/ucwa-go/ucwa"
)

// A Decoder reads body after body in the same memory: each value is valid
// until the next decode, and Clone copies one out to keep it.
func ExampleDecoder() {
	bodies := [][]byte{
		[]byte(`{"rel":"me","name":"Ann","_links":{"self":{"href":"/ucwa/me"}}}`),
		[]byte(`{"rel":"me","name":"Bob","_links":{"self":{"href":"/ucwa/me"}}}`),
	}
	var d ucwa.Decoder // the zero Decoder has the default Options
	var first ucwa.Resource
	for i, body := range bodies {
		r, err := d.DecodeResource(body, ucwa.JSON)
		if err != nil {
			panic(err)
		}
		name, _ := r.String("name")
		fmt.Println("read", name)
		if i == 0 {
			first = r.Clone() // r itself is written over by the next decode
		}
	}
	name, _ := first.String("name")
	fmt.Println("kept", name, first.Href())
	// Output:
	// read Ann
	// read Bob
	// kept Ann /ucwa/me
}

// The event loop: the next link must be copied out before the response to
// it is decoded with the same Decoder.
func ExampleDecoder_DecodeEvents() {
	responses := map[string][]byte{
		"/ucwa/events?ack=1": []byte(`{"_links":{"self":{"href":"/ucwa/events?ack=1"},` +
			`"next":{"href":"/ucwa/events?ack=2"}},"sender":[{"rel":"me","href":"/ucwa/me",` +
			`"events":[{"link":{"rel":"presence","href":"/ucwa/me/presence"},"type":"updated"}]}]}`),
		"/ucwa/events?ack=2": []byte(`{"_links":{"self":{"href":"/ucwa/events?ack=2"},` +
			`"next":{"href":"/ucwa/events?ack=3"}}}`),
	}
	var d ucwa.Decoder
	href := "/ucwa/events?ack=1"
	for {
		body, ok := responses[href] // a GET of href, in a real client
		if !ok {
			break
		}
		ev, err := d.DecodeEvents(body, ucwa.JSON)
		if err != nil {
			panic(err)
		}
		for _, s := range ev.Senders {
			for _, e := range s.Events {
				fmt.Println(e.Type, e.Link.Href)
			}
		}
		next, _ := ev.Link("next")
		href = next.Clone().Href
	}
	fmt.Println("next:", href)
	// Output:
	// updated /ucwa/me/presence
	// next: /ucwa/events?ack=3
}
