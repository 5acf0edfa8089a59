package catalog

// The tables of this package (zz_catalog.go) and the typed inputs of package
// api (api/zz_api.go) are generated from catalog.json and overrides.txt.
// Extracting catalog.json again from the reference needs the reference; from
// the module's root:
//
//	go run ./internal/cmd/ucwagen extract -ref ../shared/ucwa-docs \
//		-overrides catalog/overrides.txt -o catalog/catalog.json
//
// gen's flags default to the files of this directory.

//go:generate go run ../internal/cmd/ucwagen gen
