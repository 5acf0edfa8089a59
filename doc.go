// Package ucwa reads and writes the payloads of Microsoft's Unified
// Communications Web API 2.0 (UCWA, the Skype for Business web API) in both of
// its formats, JSON and XML, strictly and symmetrically: what it encodes it
// decodes back to the same value, and what it decodes it encodes back without
// losing anything.
//
// # Bodies
//
// UCWA sends and receives four kinds of body, each a Go type with one model for
// both formats:
//
//   - [Input]: the body of a POST, an ordered property bag and the links an
//     input may carry (JSON object; XML <input>). [ContinuePhoneAudio] is a
//     typed input that encodes without building a bag and keeps the rules
//     of the reference (see [InputError]); package api has one for every
//     operation that takes a body, and package catalog holds the
//     reference's operations, resources and enumerations as data.
//   - [Resource]: rel, ordered properties, links and embedded resources to any
//     depth (JSON object with "_links" and "_embedded"; XML <resource>). A PUT
//     body is a Resource: read it with GET, change what you need with
//     [Resource.Set], send it back, and unknown properties (the PUT marker
//     among them) go back too.
//   - [Events]: an event-channel response, senders and their events in order
//     (JSON "sender" arrays; XML <events>, <sender> and one element per
//     event named by its type).
//   - [Error]: an error body (JSON object; XML <reason>), also a Go error
//     that carries the HTTP status and matches its [Code] and [Subcode] with
//     [errors.Is]. [ResponseError] reads whatever a failed response holds, a
//     proxy's HTML page included.
//
// Property values are [Value]s: strings, booleans, numbers, dates, null, lists
// and nested bags. A Value keeps the text it was decoded from, so that an
// unchanged value re-encodes byte for byte. XML carries no types; [Value]
// says what the XML decoder infers.
//
// # Encoding
//
// Every body type has AppendJSON and AppendXML, which append to a byte slice in
// the manner of [strconv.AppendQuote] and allocate nothing when it has room;
// Append takes the [Format] as an argument and Marshal appends to nil. The
// encoder never writes ill-formed JSON or XML: a value the format cannot carry
// (invalid UTF-8, NUL, a control character XML 1.0 forbids, a repeated
// property name) is an [*EncodeError] that names it, and nothing is appended.
//
// # Decoding
//
// [DecodeInput], [DecodeResource], [DecodeEvents] and [DecodeErrorBody] take a
// whole body and its [Format] ([DetectFormat] and [ParseMediaType] tell it).
// They are strict: duplicate JSON names, trailing data, invalid UTF-8, NUL,
// DOCTYPEs and entity declarations, undeclared entities and a root element
// outside the UCWA namespace are refused. Every refusal is a [*DecodeError]
// with a byte offset, a path (a JSON Pointer or an XML element path) and a
// sentinel such as [ErrSyntax] for [errors.Is]. Hostile input is bounded by
// [Options.MaxDepth] and [Options.MaxSize], and in XML by
// [Options.MaxAttributes] and [Options.MaxNamespaces], whose defaults are
// [DefaultMaxDepth], [DefaultMaxSize], [DefaultMaxAttributes] and
// [DefaultMaxNamespaces]; the decoders never panic.
//
// Decoded strings do not alias the input: the decoders copy what the value
// keeps (names, strings, text, attribute values) into a string arena and
// slice that copy, so the caller may reuse its buffer at once.
//
// # What the reference does not show
//
// Where the reference is silent this package decides, and says so:
//
//   - An event's optional parts in XML are children of the event element:
//     <in rel="…" href="…"/>, <status>…</status> and a <reason> element with
//     the children of an error body.
//   - Members of an event (JSON) or text-only children of one (XML) that this
//     package does not know are kept in [Event.Extra], as unknown properties
//     are kept in a resource and unknown error-body members in [Error.Extra]:
//     a newer server's events are read, and nothing is dropped. The envelope
//     and the senders, which are structure, still refuse what they do not
//     know.
//   - JSON null is written in XML as an empty element, <property name="x"/>,
//     and read back as null; an empty string is <property name="x"></property>.
//   - A nested property bag in XML is a <property> holding <property>
//     elements; an empty bag, or an empty list inside a list, has no XML form
//     and is an encoding error.
//   - XML carries no types, so the XML decoder infers what it can (see
//     [Value]). [Options.Types] gives it the types a [Typer] knows, such as
//     package catalog's of the reference: then a number read from XML is a
//     number in JSON. It is off by default, as it changes what a converted
//     body's JSON holds; the XML a body re-encodes to never changes.
//
// # The wire around the bodies
//
// The package also reads and writes what surrounds a body, on net/http,
// mime, mime/multipart and net/textproto:
//
//   - Requests: [NewRequest] sets Accept, Content-Type and the length from a
//     body and its [Format] ([Format.MediaType], [Format.Accept], and the
//     MediaType… constants), and nothing else.
//   - Responses: [ReadResponse] (from an *http.Response) and
//     [ParseResponse] (from status, header and body) read the body under
//     the size limit and give back a [Response]: a resource, an
//     event-channel response, an [*Error] for every 4xx and 5xx, a
//     resolved Location, or nothing. Servers label every body
//     application/json; [DetectKind] then tells the kind from the body.
//     Errors around the body are [*WireError]s ([ErrTruncated],
//     [ErrContentLength], [ErrNoBody], …).
//   - Links: [ResolveHref] resolves any href of a body, on the request's
//     origin only; [LocationOptions] allows autodiscovery's cross-origin
//     hops. [ParseLocation] reads a Location header on top of it. Neither
//     hands out a path that a URL parser would read as a host.
//   - The event channel: [Events.Step] says whether to go on with next,
//     resume or resync; [ChannelParams] adds the channel's query parameters
//     without touching ack and the server's own.
//   - Batches: [NewRequestPart], [NewBatchRequest], [ReadBatchResponse],
//     and the codec under them ([BatchOptions], [EncodeBatchRequest],
//     [DecodeBatchResponse], [DecodeBatch], …) for multipart/batching,
//     tolerant of what real servers send and bounded.
//
// Package github.com/ucwa-go/ucwa/ucwatest is a fake UCWA server, in the
// manner of net/http/httptest, to test clients against.
//
// # Other parts of the protocol
//
// [ParseLocation] reads the Location header of a 201 Created safely, refusing
// any URL that would carry the bearer token to another origin. [ParseDate]
// reads both date forms, [ParseDataURI] the data URIs that carry messages, and
// [ParseMediaType] the Content-Type of a body.
package ucwa
