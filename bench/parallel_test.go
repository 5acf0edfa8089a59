package bench

import (
	"testing"

	"github.com/ucwa-go/ucwa"
)

// parallelDecoders are the decoders of BenchmarkDecodeResourceJSONParallel:
// each goroutine calls newDecode once and decodes with what it returns, so
// that a reusable decoder joins, one per goroutine, with one line here.
var parallelDecoders = []struct {
	name      string
	newDecode func() decodeFunc
}{
	{"ucwa", oneShot},
	{"ucwa-reused", newReused},
}

// BenchmarkDecodeResourceJSONParallel decodes the application resource from
// JSON on every goroutine of b.RunParallel. Read with -cpu 1,2 (which
// scripts/bench.sh runs): the time per op at one core over that at two is how
// decoding throughput grows with the cores. Each case is checked once, as the
// DecodeResourceJSON case of the same decoder is, before it is timed.
func BenchmarkDecodeResourceJSONParallel(b *testing.B) {
	for _, d := range parallelDecoders {
		b.Run(d.name, func(b *testing.B) {
			if _, err := ucwaCase(d.name, appJSON, ucwa.JSON, d.newDecode).prepare(); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(appJSON)))
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				decode := d.newDecode()
				for pb.Next() {
					if _, err := decode(appJSON, ucwa.JSON); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}
