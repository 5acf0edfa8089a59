//go:build goexperiment.jsonv2

package bench

import (
	jsonv2 "encoding/json/v2"
)

// encoding/json/v2 exists only when the toolchain is built with
// GOEXPERIMENT=jsonv2, which scripts/bench.sh and .ci/run set; this file joins
// the JSON resource decoders then.
func init() {
	optionalResourceJSON = append(optionalResourceJSON,
		decoderCase("jsonv2-struct", appJSON, wantApp, func() (func() error, func() resSummary) {
			var a appResource
			return func() error { a = appResource{}; return jsonv2.Unmarshal(appJSON, &a) },
				func() resSummary { return structSummary(&a) }
		}))
}
