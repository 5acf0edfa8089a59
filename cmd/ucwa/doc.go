// Command ucwa encodes, decodes and converts the bodies of Microsoft's
// Unified Communications Web API 2.0 (UCWA) with package
// github.com/ucwa-go/ucwa, and reads its Location headers and error responses.
//
// Usage:
//
//	ucwa encode [-f json|xml] [-link REL=HREF]... [NAME=VALUE | NAME:=JSON]...
//	ucwa convert [-from json|xml] -to json|xml [-kind input|resource|events|error] [FILE]
//	ucwa location [-base URL] VALUE
//	ucwa error -status N [-content-type CT] [FILE]
//	ucwa help
//
// Flags and other arguments may come in any order; every argument after "--"
// is not a flag (write -flag=-- for a flag whose value is "--"). FILE absent
// or "-" means standard input. Bodies longer than ucwa.DefaultMaxSize are refused.
//
// # encode
//
// encode writes an input (the body of a POST) with the properties and links
// given, in order, to standard output, followed by a newline: the bytes are
// those of ucwa.Input's AppendJSON or AppendXML. NAME=VALUE is a string
// property: VALUE is taken as is, "=" and all. NAME:=JSON is a typed property
// whose value is the JSON value JSON (true, 3, null, ["a"], {"k":"v"} or a
// string; "\/Date(…)\/" is a date), read by the library's JSON decoder, so a
// NAME cannot end in ":". -link REL=HREF adds a link, such as the message of
// startMessaging. With no property and no link, encode writes an empty input.
//
// # convert
//
// convert reads any UCWA body (input, resource, events or error) and writes it
// in the format -to says, followed by a newline. The source format is -from,
// or else is told from the first byte (ucwa.DetectFormat). The kind of body is
// -kind (input, resource, events or error), or else is told from the body:
//
//   - XML: the root element, <input>, <resource>, <events> or <reason>.
//   - JSON, from the top-level member names: "sender" makes events; else
//     "code" without "rel" or "_links" makes an error; else "rel",
//     "_embedded", or "_links" holding a "self" link makes a resource; else
//     the body is an input (so an input's own "_links", such as the message of
//     startMessaging, keeps it an input). A JSON resource with neither "rel"
//     nor a self link, as a few examples of the UCWA reference show, is read
//     as an input: give -kind resource.
//
// Converting to the format the body is in re-encodes it as the library does.
//
// # location
//
// location reads the value of a Location header with ucwa.ParseLocation and
// prints one line of JSON: {"url", "path", "application", "resource", "id"}.
// -base is the URL of the request the header answered. It is required for a
// path; for an absolute http or https URL without -base, the URL's own origin
// is the base. The tool never assumes a host. A refused value (another origin,
// CR or LF, a bad scheme, …) exits 1.
//
// # error
//
// error reads the body of a failed response of HTTP status -status with
// ucwa.ResponseError and prints one line of JSON: {"status", "code",
// "subcode", "message"}, then "link", "parameters", "debugInfo" and "extra"
// when present, and "cause" when the body is not a UCWA error body (an HTML
// page, an empty or truncated body). -content-type is the response's
// Content-Type; absent, the format is told from the body. A body that is not
// a UCWA error body still stands for an error, which is printed: the exit
// status is 0.
//
// # Exit status
//
// 0 on success; 1 when the input is refused, with one line on standard error
// that starts "ucwa: "; 2 on a usage error (unknown command, bad flag,
// missing or extra argument), with the usage on standard error. "ucwa help"
// and -h print the usage on standard output and exit 0.
package main
