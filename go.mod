module github.com/ucwa-go/ucwa

go 1.26

require (
	github.com/beevik/etree v1.8.1
	github.com/goccy/go-json v0.12.0
	github.com/google/go-cmp v0.7.0
)
