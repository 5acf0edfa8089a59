package ucwa

// Temporary until date.go lands.
func isJSONDate(s string) bool                             { return false }
func isISODate(s string) bool                              { return false }
func appendDateJSON(dst []byte, raw string) ([]byte, bool) { return dst, false }
func appendDateXML(dst []byte, raw string) ([]byte, bool)  { return dst, false }
