package ucwa

import (
	"net/http"
	"testing"
)

// Benchmarks of the wire layer, on the project's own bodies. Each checks
// what it computes.

func benchBody(b *testing.B) []byte {
	r := Resource{Rel: "application", Properties: []Property{Prop("culture", String("en-US")),
		Prop("userAgent", String("bench/1.0")), Prop("type", String("Browser"))}}
	for i := range 40 {
		r.Links = append(r.Links, Link{Rel: "rel" + itoa(i), Href: "/ucwa/v1/applications/192/resource/" + itoa(i)})
	}
	r.Embedded = []Resource{{Rel: "me", Properties: []Property{Prop("rel", String("me")), Prop("name", String("A"))},
		Links: []Link{{Rel: "self", Href: "/ucwa/v1/applications/192/me"}}}}
	r.Links = append(r.Links, Link{Rel: "self", Href: "/ucwa/v1/applications/192"})
	body, err := r.AppendJSON(nil)
	if err != nil {
		b.Fatal(err)
	}
	return body
}

func BenchmarkDetectKind(b *testing.B) {
	body := benchBody(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if DetectKind(body, JSON) != BodyResource {
			b.Fatal("not a resource")
		}
	}
}

func BenchmarkParseResponse(b *testing.B) {
	body := benchBody(b)
	h := http.Header{"Content-Type": {"application/json; charset=utf-8"}}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := ParseResponse(nil, http.StatusOK, h, body)
		if err != nil || r.Kind != BodyResource {
			b.Fatal(r, err)
		}
	}
}

func BenchmarkDecodeResourceAlone(b *testing.B) {
	body := benchBody(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeResource(body, JSON); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBatchResponse(b *testing.B) {
	body := benchBody(b)
	parts := make([]ResponsePart, 3)
	for i := range parts {
		parts[i] = ResponsePart{Status: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: body}
	}
	enc, ct, err := EncodeBatchResponse(parts)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("encode", func(b *testing.B) {
		b.SetBytes(int64(len(enc)))
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := EncodeBatchResponse(parts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(enc)))
		b.ReportAllocs()
		for b.Loop() {
			got, err := DecodeBatchResponse(ct, enc)
			if err != nil || len(got) != 3 || len(got[2].Body) != len(body) {
				b.Fatal(err)
			}
		}
	})
}
