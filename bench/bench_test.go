// Package bench compares the ucwa codec with the Go codecs a user would
// otherwise reach for: goccy/go-json, bytedance/sonic, valyala/fastjson,
// encoding/json (and encoding/json/v2 where the toolchain has it) for JSON;
// encoding/xml, beevik/etree and orisano/gosax for XML; and, for encoding, a
// plain copy of the output bytes as the floor.
//
// Every workload runs each implementation on the same input in the same
// binary, so results read as ratios. Before timing, each sub-benchmark runs
// once and checks its result: encoders against the expected bytes (or, where
// a peer cannot write the same bytes, by decoding the output again), decoders
// against a summary of what the body means (self link, embedded resources,
// link and property counts, selected values). TestBenchInputsAgree runs all of
// those checks without timing.
//
// The bodies are the project's own, built by package
// github.com/ucwa-go/ucwa/bench/internal/bodies (testdata/ holds a copy to
// read). bench is a module of its own, so that the peers stay out of the
// library's go.mod; run the suite with scripts/bench.sh, which writes
// BENCHMARKS.md and its plot.
package bench

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ucwa-go/ucwa"
	"github.com/ucwa-go/ucwa/bench/internal/bodies"
)

// The bodies the workloads read: the application resource with its four
// embedded resources (7.1 KB of JSON, 6.9 KB of XML, indented) and an
// event-channel response with four senders and nine events (5.8 and 5.2 KB).
var (
	appJSON    = bodies.ApplicationBody(ucwa.JSON)
	appXML     = bodies.ApplicationBody(ucwa.XML)
	eventsJSON = bodies.EventsBody(ucwa.JSON)
	eventsXML  = bodies.EventsBody(ucwa.XML)
)

// A prepared case is ready to time: ops runs the timed operation n times,
// size is the bytes one op reads (decoders) or writes (encoders), for
// b.SetBytes.
//
// The loop is the implementation's own, not the harness's. The input
// encoders take tens of nanoseconds, and a call per op through the harness
// (a closure returning an error) added about 2.5 ns to ucwa's: a sixth of its
// XML input encoding, which a user's loop does not pay. Every impl of the
// input workloads writes its loop out (encoderCase); the workloads whose op
// takes microseconds wrap it with repeat, where a call per op is noise.
type prepared struct {
	ops  func(n int) error
	size int
}

// repeat returns ops that call op n times, stopping at an error.
func repeat(op func() error) func(n int) error {
	return func(n int) error {
		for range n {
			if err := op(); err != nil {
				return err
			}
		}
		return nil
	}
}

// An impl is one implementation of a workload. prepare builds what op needs,
// runs op once and checks its result; an error means the case does not do
// the same work as the others and must not be timed. An error wrapping
// errUnavailable means the implementation cannot run as meant in this build
// (a peer that would fall back to another codec): the case is skipped.
type impl struct {
	name    string
	prepare func() (prepared, error)
}

// errUnavailable marks an implementation that this build cannot time as meant.
var errUnavailable = errors.New("not available in this build")

// run times each implementation as a sub-benchmark.
func run(b *testing.B, impls []impl) {
	for _, c := range impls {
		b.Run(c.name, func(b *testing.B) {
			p, err := c.prepare()
			if errors.Is(err, errUnavailable) {
				b.Skip(err)
			}
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(p.size))
			b.ResetTimer()
			if err := p.ops(b.N); err != nil {
				b.Fatal(err)
			}
		})
	}
}

// workloads lists every benchmark's implementations, for TestBenchInputsAgree.
var workloads = []struct {
	name  string
	impls func() []impl
}{
	{"EncodeInputJSON", encodeInputJSONImpls},
	{"EncodeInputXML", encodeInputXMLImpls},
	{"DecodeResourceJSON", decodeResourceJSONImpls},
	{"DecodeResourceXML", decodeResourceXMLImpls},
	{"EncodeResourceJSON", encodeResourceJSONImpls},
	{"EncodeResourceXML", encodeResourceXMLImpls},
	{"DecodeEventsJSON", decodeEventsJSONImpls},
	{"DecodeEventsXML", decodeEventsXMLImpls},
	{"DecodeResourceSize", sizeImpls},
}

// BenchmarkEncodeInputJSON writes the continuePhoneAudio input as JSON.
func BenchmarkEncodeInputJSON(b *testing.B) { run(b, encodeInputJSONImpls()) }

// BenchmarkEncodeInputXML writes the continuePhoneAudio input as XML.
func BenchmarkEncodeInputXML(b *testing.B) { run(b, encodeInputXMLImpls()) }

// BenchmarkDecodeResourceJSON reads the application resource from JSON.
func BenchmarkDecodeResourceJSON(b *testing.B) { run(b, decodeResourceJSONImpls()) }

// BenchmarkDecodeResourceXML reads the application resource from XML.
func BenchmarkDecodeResourceXML(b *testing.B) { run(b, decodeResourceXMLImpls()) }

// BenchmarkEncodeResourceJSON writes the application resource, decoded once,
// as JSON.
func BenchmarkEncodeResourceJSON(b *testing.B) { run(b, encodeResourceJSONImpls()) }

// BenchmarkEncodeResourceXML writes the application resource, decoded once,
// as XML.
func BenchmarkEncodeResourceXML(b *testing.B) { run(b, encodeResourceXMLImpls()) }

// BenchmarkDecodeEventsJSON reads an event-channel response from JSON.
func BenchmarkDecodeEventsJSON(b *testing.B) { run(b, decodeEventsJSONImpls()) }

// BenchmarkDecodeEventsXML reads an event-channel response from XML.
func BenchmarkDecodeEventsXML(b *testing.B) { run(b, decodeEventsXMLImpls()) }

// BenchmarkDecodeResourceSize reads application resources of 1 KB to 1 MB
// with ucwa and the fastest peers: how time per op grows with the body.
// scripts/bench.sh plots it.
func BenchmarkDecodeResourceSize(b *testing.B) { run(b, sizeImpls()) }

// mismatch reports a check that failed.
func mismatch(what string, got, want any) error {
	return fmt.Errorf("%s: got %v, want %v", what, got, want)
}
