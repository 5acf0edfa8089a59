// Command ucwa encodes, decodes and converts the bodies of Microsoft's
// Unified Communications Web API 2.0 (UCWA) with package
// github.com/ucwa-go/ucwa, and reads its Location headers, error responses and
// batches.
//
// Usage:
//
//	ucwa encode [-f json|xml] [-op OP] [-link REL=HREF]... [NAME=VALUE | NAME:=JSON]...
//	ucwa convert [-from json|xml] -to json|xml [-kind input|resource|events|error] [-typed[=OP]] [FILE]
//	ucwa describe [-json] NAME
//	ucwa validate [-op OP | -rel NAME] [FILE]
//	ucwa location [-base URL] VALUE
//	ucwa error -status N [-content-type CT] [FILE]
//	ucwa batch [-content-type CT] [FILE]
//	ucwa help
//
// Flags and other arguments may come in any order; every argument after "--"
// is not a flag (write -flag=-- for a flag whose value is "--"). FILE absent
// or "-" means standard input. Bodies longer than ucwa.DefaultMaxSize are refused,
// and batches longer than ucwa.DefaultMaxBatchSize.
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
// With -op OP, encode writes the typed input of the operation OP (package
// api), validated: OP is the rel of the link the request goes to
// (startMessaging, addParticipant, myOnlineMeetings); a revision of it is
// named as the reference names its page (startMessaging2); a PUT, whose body
// is the resource, is named REL:PUT (myOnlineMeeting:PUT). Each NAME=VALUE is
// a body parameter, VALUE read as its type: true or false; a decimal
// integer; a date as "2016-09-26T16:20:29-07:00" or "/Date(1474932029050)/";
// a TimeSpan as "PT5M" or "5m"; an enum value; for a link-valued parameter
// (message) the href. A list parameter takes one item per NAME=VALUE. A
// missing required parameter, an unknown one, one given twice, a value too
// long, outside its range or enumeration, or not of its type exits 1 with
// one "ucwa: OP: NAME: …" line. -link and NAME:=JSON do not go with -op.
//
// # convert
//
// convert reads any UCWA body (input, resource, events or error) and writes it
// in the format -to says, followed by a newline. The source format is -from,
// or else is told from the first byte (ucwa.DetectFormat). The kind of body is
// -kind (input, resource, events or error), or else is told from the body by
// ucwa.DetectKind:
//
//   - XML: the root element, <input>, <resource>, <events> or <reason>.
//   - JSON, from the top-level member names: "sender", or "_links" holding
//     "next", "resume" or "resync" without "rel" (a P-GET's timeout), makes
//     events; else "code" without "rel" or "_links" makes an error; else
//     "rel", "_embedded", or "_links" holding a "self" link makes a resource;
//     else the body is an input (so an input's own "_links", such as the
//     message of startMessaging, keeps it an input). A JSON resource with
//     neither "rel" nor a self link, as a few examples of the UCWA reference
//     show, is read as an input: give -kind resource.
//
// A PUT body is a resource. The reference writes some in XML as <input>:
// with -kind resource, convert reads one as the resource it is (a JSON
// object, in JSON) and writes it back in XML as <input>.
//
// Converting to the format the body is in re-encodes it as the library does.
// What a body holds that the library does not know (members and attributes
// a newer server adds) is converted too, in the form the library documents
// for it; a value the other format cannot carry is refused, with its path.
//
// XML carries no types: without -typed, a number read from XML stays a
// string in JSON ("ringDelay":"5"), as the library's decoder reads it. With
// -typed, an XML resource or event-channel response is typed as the
// reference types each property its rel's resource has (package catalog):
// numbers become numbers, and a string that reads as a boolean or a date
// stays a string; properties the catalog does not know stay as they are.
// -typed=OP types an input as the parameters of the operation OP. The XML
// written back is the same either way: -typed changes the JSON only.
//
// # describe
//
// describe prints the catalog's entry of NAME: a resource (its rel and
// revision, what it is an alias of, its properties with their types, its
// links, events and operations), an operation (OP as for encode -op, or
// REL:METHOD such as contact:GET: its query and body parameters with type,
// required, maximum length, range and enum values, the Go type of package
// api, the response and the errors), or an enumeration and its values. The
// text is for a person; -json prints one line of JSON for a program.
//
// # validate
//
// validate reads a body (JSON or XML, told from its first byte) and checks
// it against the catalog: with -op OP, as the request body of OP (an input,
// or for a PUT a resource); with -rel NAME, as a resource NAME (validate
// -rel search2 for a body of rel search); otherwise a resource against the
// resource its rel names, an event-channel response's resources against
// theirs. It prints one line per finding, PATH: WHAT, with a JSON Pointer or
// an XML element path. A name the catalog does not know is a finding but no
// error; a value not of its type, outside its enumeration, too long, out of
// range, or a required parameter missing is an error: validate exits 0 when
// the body has none, and 1 when it has, after its findings, with one
// "ucwa: " line saying how many.
//
// # location
//
// location reads the value of a Location header with ucwa.ParseLocation and
// prints one line of JSON: {"url", "path", "application", "resource", "id"}.
// -base is the URL of the request the header answered. It is required for a
// path; for an absolute http or https URL without -base, the URL's own origin
// is the base. The tool never assumes a host. A refused value (another origin,
// CR or LF, a bad scheme, …) exits 1. A path that begins with "//", as the
// seed's "//v1/…", is printed as "/.//v1/…", which no URL parser reads as a
// host (see ucwa.Location).
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
// # batch
//
// batch reads a batch request or response (multipart/batching) with
// ucwa.DecodeBatch and prints one line of JSON per part, in order. The
// boundary is taken from -content-type, the batch's Content-Type; absent,
// from the first line of the batch ("--" and the boundary). For a response
// part:
//
//	{"status":N,"contentType":"…","kind":"…","body":…}
//
// and for a request part:
//
//	{"method":"…","target":"…","contentType":"…","kind":"…","body":…}
//
// contentType is the part's Content-Type ("" when it has none); kind is
// resource, events, error, input or none; body is the part's UCWA body
// converted to JSON as convert -to json writes it, a JSON string for a body
// that is not a UCWA body (another media type, or one the decoder refuses;
// kind none), or null when there is none. The kind is told from the
// Content-Type (the .error and .events media types) and the body, as
// convert does; a response's body is an error for a 4xx or 5xx status, and
// a resource where the body alone would say input. A malformed batch (no
// boundary, a part without its boundary end, a nested multipart, more than
// ucwa.DefaultMaxBatchParts parts, …) exits 1.
//
// # Exit status
//
// 0 on success; 1 when the input is refused, with one line on standard error
// that starts "ucwa: " (and, for validate, its findings on standard
// output); 2 on a usage error (unknown command, bad flag, missing or extra
// argument), with the usage on standard error. "ucwa help" and -h print the
// usage on standard output and exit 0.
package main
