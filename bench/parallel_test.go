package bench

import (
	"errors"
	"testing"

	"github.com/ucwa-go/ucwa"
	"github.com/valyala/fastjson"
)

// parallelImpls are the decoders of BenchmarkDecodeResourceJSONParallel:
// ucwa's one-shot and reused decoders, and fastjson's reused parser, the
// fastest peer, whose own growth with the cores shows what the machine gives
// a decoder that allocates nothing.
func parallelImpls() []impl {
	return []impl{
		ucwaCase("ucwa", appJSON, ucwa.JSON, oneShot),
		ucwaCase("ucwa-reused", appJSON, ucwa.JSON, newReused),
		decoderCase("fastjson-reused", appJSON, wantApp, func() (func() error, func() resSummary) {
			var p fastjson.Parser
			var v *fastjson.Value
			return func() (err error) { v, err = p.ParseBytes(appJSON); return err },
				func() resSummary { return fastjsonSummary(v) }
		}),
	}
}

// BenchmarkDecodeResourceJSONParallel decodes the application resource from
// JSON on every goroutine of b.RunParallel. Read with -cpu 1,2 (which
// scripts/bench.sh runs): the time per op at one core over that at two is how
// decoding throughput grows with the cores. Each goroutine prepares a case of
// its own (its own decoder or parser, checked once as in the DecodeResourceJSON
// workload) and runs its op once per iteration.
func BenchmarkDecodeResourceJSONParallel(b *testing.B) {
	for _, c := range parallelImpls() {
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
			b.RunParallel(func(pb *testing.PB) {
				p, err := c.prepare()
				if err != nil {
					b.Error(err)
					return
				}
				for pb.Next() {
					if err := p.ops(1); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}
