package catalog

// The tables of this package (zz_catalog.go) and the typed inputs of package
// api (api/zz_api.go) are generated from catalog.json and overrides.txt.
// Extracting catalog.json again from the reference needs the reference:
//
//	go run ./internal/cmd/ucwagen extract -ref ../shared/ucwa-docs -overrides catalog/overrides.txt -o catalog/catalog.json

//go:generate go run ../internal/cmd/ucwagen gen -catalog catalog.json -overrides overrides.txt -catalog-out zz_catalog.go -api-out ../api/zz_api.go
