package main

func genCatalog(c *Catalog) ([]byte, error) { return nil, nil }
func genAPI(c *Catalog) ([]byte, error)     { return nil, nil }
