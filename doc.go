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
// They are strict on form: duplicate JSON names, trailing data, invalid
// UTF-8, NUL, DOCTYPEs and entity declarations, undeclared entities and a
// root element outside the UCWA namespace are refused. Every refusal is a
// [*DecodeError] with a byte offset, a path (a JSON Pointer or an XML element
// path) and a sentinel such as [ErrSyntax] for [errors.Is]. Hostile input is
// bounded by [Options.MaxDepth] and [Options.MaxSize], and in XML by
// [Options.MaxAttributes] and [Options.MaxNamespaces], whose defaults are
// [DefaultMaxDepth], [DefaultMaxSize], [DefaultMaxAttributes] and
// [DefaultMaxNamespaces]; the decoders never panic.
//
// They are tolerant on shape, and lossless: every member and attribute a
// well-formed body holds is read, kept where it was, and written back (see
// "The mapping between the formats"). A newer server's members, a null
// where a string is expected, an error body with an odd optional member:
// none is refused. What is refused, with [ErrStructure], is a body without
// the structure that makes it the kind of body asked for: a resource's or
// an input's "_links" and "_embedded" that are not objects of link objects
// and resource objects (alone or in arrays); the items of the "_links" of
// an event-channel response, of its "sender" array and of a sender's
// "events" array, when they are not objects; an event without a "type"
// member (in XML an event is an element named by its type); an error body
// without a code (which tells it from any other object: [ResponseError]
// then reports the body as not UCWA's; an event's reason needs none); a
// <property> without a name; and in XML, text or unknown elements where
// only the model's elements may be (in <resource>, <input>, <sender>, and
// other than <property> in a bag), attributes of <input> read as an input
// and of <reason> (whose JSON objects have no member to hold one), and
// attributes in a namespace, but xsi:nil (JSON cannot say which namespace
// an attribute was in).
//
// When a decoder returns an error, the value it returns holds what was read
// before the error, and nothing after it: a property, link, sender or event
// cut short by the error holds what was read of it. It is not a whole body,
// but an event loop can still find its way on: [DecodeEvents] keeps the
// links read before the error in Events.Links, so a response whose
// "_links" comes before the malformed part (as servers write it, in JSON;
// in XML, the href attribute of <events> and the <link> children before
// the error) still gives its "next" link, and one whose error comes first
// gives none. [DecodeErrorBody] returns nil with its error.
//
// Decoded strings do not alias the input: the decoders copy what the value
// keeps (names, strings, text, attribute values) into a string arena and
// slice that copy, so the caller may reuse its buffer at once.
//
// The functions above allocate each value anew, in a few buffers. A
// [Decoder] reads body after body in the same buffers, and allocates nothing
// once it has read a body of the size: its values are valid until its next
// decode, and their Clone methods ([Resource.Clone], [Events.Clone], …)
// copy one out to keep it. It gives the same values and errors as the
// functions.
//
// # What the reference does not show
//
// Where the reference is silent this package decides, and says so:
//
//   - An event's optional parts in XML are children of the event element:
//     <in rel="…" href="…"/>, <status>…</status> and a <reason> element with
//     the children of an error body.
//   - JSON null is written in XML as an empty element, <property name="x"/>,
//     and read back as null; an empty string is <property name="x"></property>.
//     xsi:nil="true" (the XML Schema instance attribute) is read as null too.
//   - A nested property bag in XML is a <property> holding <property>
//     elements; an empty bag, or an empty list inside a list, has no XML form
//     and is an encoding error.
//   - The reference writes some PUT bodies in XML as <input>: [DecodeResource]
//     reads one as a Resource without a rel, which the XML encoder writes back
//     as <input> (a resource is a PUT body in JSON as it is).
//   - XML carries no types, so the XML decoder infers what it can (see
//     [Value]). [Options.Types] gives it the types a [Typer] knows, such as
//     package catalog's of the reference: then a number read from XML is a
//     number in JSON. It is off by default, as it changes what a converted
//     body's JSON holds; the XML a body re-encodes to never changes.
//
// # The mapping between the formats
//
// Each kind of content has one form in each format, so that JSON → XML →
// JSON and XML → JSON → XML keep the meaning. XML carries no types: a
// scalar that crosses to XML and back is text, read as a string (or a
// boolean or a date, which XML infers; see [Value]), and "1" means 1.
//
//   - A property of a resource, an input, a bag or an error's parameters:
//     JSON member ↔ XML <property name="…"> (<propertyList> for a list),
//     with text, <item> children, <property> children, or nothing for null.
//   - An unknown member of the event-channel envelope, of an event or of an
//     error body (Events.Extra, Event.Extra, Error.Extra): JSON member ↔ XML
//     child element of <events>, of the event element or of <reason>, named
//     after it and after the known children, with the content of a
//     <property>. Where the name cannot name an element, or names a child
//     with structure (<link>, <sender>, <resource>, <in>, <reason>,
//     <parameters>, <debugInfo>, <property>, <propertyList>), it is a
//     <property name="…"> child instead, read back into Extra too.
//   - An unknown member of a sender (Sender.Extra): JSON member ↔ attribute
//     of <sender> (its children are events, named by their types). An
//     attribute holds text: a null, a list or a bag there has no XML form,
//     an [*EncodeError] that names it.
//   - An unknown member of a link object (Link.Attrs: title, etag,
//     revision, …): JSON member ↔ attribute of <link>, of <in> or of the
//     event element, with the same limit. A "rel" member of a link under
//     "_links" (whose key is its rel) is kept there too, and has no XML
//     form but the rel attribute it would repeat.
//   - The self link's members besides href (revision on a revised resource,
//     title, …): JSON "_links"."self" members ↔ attributes of <resource> or
//     <events>, after href. A <resource> with attributes but no href has a
//     self link without an href, which JSON writes without one.
//   - A known member whose value has another form than the field's: null
//     where a string is expected ("message": null), a number for a code,
//     "parameters": [] or "debugInfo": "text" in an error body, a "status"
//     that is not a string. It is kept in the object's Extra under its own
//     name, as it came, and the field is left empty (the error stays a UCWA
//     error: Code, Subcode and Message are still read). In XML it is the
//     child element it would be, with the content of a <property>: a null
//     is the empty element (<message/>, against <message></message> for
//     ""), a number is text, which reads back into the field as a string
//     (XML carries no types); a member whose element has structure
//     (parameters, debugInfo) is a <property name="…"> child. A null title
//     of a link, or null rel or href of a sender, is an attribute, which
//     cannot be null: no XML form.
//   - An attribute of <property>, <propertyList>, <item> or of an extra
//     element, besides name ([Value.Attrs]): JSON has no place for it, and
//     a value that has one is an [*EncodeError] in JSON.
//   - Namespace declarations, and the xsi:nil attribute, are syntax, not
//     content: the XML encoder declares the UCWA namespace on the root
//     element only, and writes a null as an empty element.
//
// A JSON body re-encodes token for token: a Resource keeps where "_links"
// and "_embedded" stood among its properties, and the events envelope,
// senders, events and error bodies the order of their members, when it is
// not the order the encoder writes (its order is the one of the field
// lists of their doc comments, then the unknown members), and a link object
// where its rel and href stood among its members. What is not kept is white
// space and the escapes of strings (the encoder writes the shortest form).
// An XML body re-encodes without its white space between elements, with
// the known children of an element first, then the extra ones, and its
// attributes in the encoder's order (rel, href, then the others in order).
//
// Dates: the decoders make a value a date only where its form says so
// without doubt: in JSON the .NET form with escaped slashes,
// "\/Date(1474932027613)\/", which tells a date from a string that merely
// looks like one; in XML an ISO 8601 date-time with an offset. A caller who
// asks for a date asks to read the text as one: [Value.Time] and
// [Resource.Time] also read a string such as "/Date(1474932027613)/" (the
// unescaped form a re-serializing client writes) or an ISO 8601 date-time,
// as [ParseDate] does. Conversion keeps such a string a string.
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
