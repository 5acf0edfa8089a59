package ucwa

import (
	"errors"
	"strconv"
	"strings"
)

// An Error is a UCWA error: the body of a 4xx or 5xx response, or the reason
// of an event, with the HTTP status it came with.
//
// JSON: {"code", "subcode", "message", "link", "parameters", "debugInfo"}.
// XML: <reason> with <code>, <subcode>, <message>, <link/>, <parameters> and
// <debugInfo> children; the latter two hold <property> elements.
//
// # Matching
//
// An *Error answers [errors.Is] for three kinds of target:
//
//   - a [Code]: whether the error's Code is that code;
//   - a [Subcode]: whether the error's Subcode is that subcode;
//   - an *Error: whether every non-empty field among Code and Subcode, and
//     Status when it is not 0, equals the error's. An empty field matches
//     anything: errors.Is(err, &Error{Code: CodeConflict, Subcode:
//     SubcodeAlreadyExists}) matches both, errors.Is(err, &Error{Status: 409})
//     any 409. Message, Link, Parameters and DebugInfo take no part: the
//     message is localized and the rest is diagnostic.
//
// Codes and subcodes are compared without regard to ASCII case, because the
// documentation spells some of them two ways ("PreConditionFailed" in its
// table of HTTP errors, "PreconditionFailed" in the ErrorCode enumeration);
// the fields themselves keep the spelling that came. A code is never matched
// by a [Subcode] target, nor a subcode by a [Code] target, even when they are
// the same word (see [Code]).
//
// errors.Is(err, [ErrNotUCWA]) reports whether the response body was not a
// UCWA error body (Cause is not nil). [Error.Unwrap] returns Cause, so
// errors.Is(err, ErrSyntax) and errors.As(err, &decodeErr) see why.
type Error struct {
	// Status is the HTTP status code, or 0 for an event's reason.
	Status int

	Code    Code    // required in a UCWA body
	Subcode Subcode // "" when absent
	Message string  // "" when absent
	Link    *Link   // where to read more, if given

	// Parameters lists, for 400 Bad Request, the invalid input properties.
	Parameters []Property
	// DebugInfo holds diagnostic properties; their names may change.
	DebugInfo []Property
	// Extra holds, in order, the members (JSON) or child elements (XML)
	// this package does not know, and a known member whose value has
	// another form than the field's, as it came: "message": null, or
	// "parameters": [] (Parameters is then nil), so that nothing is
	// dropped. The field of such a member is left empty. In XML, a null is
	// an empty element (<message/>, against <message></message> for "").
	Extra []Property

	// Cause is nil for a UCWA error body. For a body that is not one (an
	// HTML page from a proxy, an empty or truncated body) it says why the
	// body could not be read; Code is then derived from Status
	// ([CodeForStatus]). Cause is ErrNotUCWA, an error that wraps it, or a
	// [*DecodeError].
	Cause error

	// Which of the optional members were present, even empty, so that an
	// unchanged body re-encodes as it came: <debugInfo/> and <parameters/>.
	hasParameters, hasDebugInfo bool

	order string // the JSON members' order as read, when not the encoder's: see jsonSeq
}

// ErrNotUCWA is the Cause of an [Error] built for a response whose body is not
// a UCWA error body: empty, or of a Content-Type that is not UCWA's, such as
// a proxy's HTML page. errors.Is(err, ErrNotUCWA) is true for every Error
// whose Cause is set, including one whose Cause is a [*DecodeError] for a
// truncated or malformed body.
var ErrNotUCWA = errors.New("not a UCWA error body")

// newUnreadableError returns the Error for a response of HTTP status whose
// body is not a UCWA error body: Code is CodeForStatus(status) and Cause is
// why, or ErrNotUCWA when why is nil.
func newUnreadableError(status int, why error) *Error {
	if why == nil {
		why = ErrNotUCWA
	}
	return &Error{Status: status, Code: CodeForStatus(status), Cause: why}
}

// Error formats e as "ucwa: ", then the status (when not 0), the code and
// "/subcode" (when set), then ": " and the message (when set) and ": " and the
// Cause (when set). For example:
//
//	ucwa: 409 Conflict/AlreadyExists: The requested resource already exists.
//	ucwa: 502: not a UCWA error body: Content-Type "text/html"
//	ucwa: 500 ServiceFailure: not a UCWA error body: json: unexpected end of input (offset 12)
//
// A Cause's own "ucwa: " prefix is dropped, and "not a UCWA error body: " is
// put before a Cause that does not already say so.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("ucwa: ")
	head := b.Len()
	if e.Status != 0 {
		b.WriteString(strconv.Itoa(e.Status))
	}
	if e.Code != "" || e.Subcode != "" {
		if b.Len() > head {
			b.WriteByte(' ')
		}
		b.WriteString(string(e.Code))
		if e.Subcode != "" {
			b.WriteByte('/')
			b.WriteString(string(e.Subcode))
		}
	}
	if b.Len() == head {
		b.WriteString("error")
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Cause != nil {
		b.WriteString(": ")
		if !errors.Is(e.Cause, ErrNotUCWA) {
			b.WriteString(ErrNotUCWA.Error())
			b.WriteString(": ")
		}
		b.WriteString(strings.TrimPrefix(e.Cause.Error(), "ucwa: "))
	}
	return b.String()
}

// Unwrap returns Cause: nil for a UCWA error body.
func (e *Error) Unwrap() error { return e.Cause }

// Is reports whether e matches target, for [errors.Is]: a [Code], a
// [Subcode], an *Error pattern or [ErrNotUCWA], as the [Error] type
// describes.
func (e *Error) Is(target error) bool {
	switch t := target.(type) {
	case Code:
		return equalFoldASCII(string(e.Code), string(t))
	case Subcode:
		return equalFoldASCII(string(e.Subcode), string(t))
	case *Error:
		return t != nil &&
			(t.Status == 0 || t.Status == e.Status) &&
			(t.Code == "" || equalFoldASCII(string(e.Code), string(t.Code))) &&
			(t.Subcode == "" || equalFoldASCII(string(e.Subcode), string(t.Subcode)))
	}
	return target == ErrNotUCWA && e.Cause != nil
}

// Parameter returns the value of the first parameter named name: for a 400
// Bad Request, the input property that was not valid.
func (e *Error) Parameter(name string) (Value, bool) { return Lookup(e.Parameters, name) }

// equalFoldASCII reports whether a and b are equal without regard to ASCII
// case. Unlike strings.EqualFold it folds no other letters (the Kelvin sign
// does not match "k"): codes are ASCII names.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// Code is the code of a UCWA error. For synchronous errors it names the HTTP
// status (CodeConflict for 409). It is an open set: codes not listed here are
// kept as they came. A Code is an error, so that errors.Is(err, CodeConflict)
// reads well.
//
// The constants are the union of the table "HTTP error codes returned by
// UCWA" (ErrorsAndInformationalMessages.md) and the ErrorCode enumeration
// (ErrorCode_ref.md), spelled as the enumeration spells them.
//
// Some names of the table of generic synchronous errors
// (GenericSynchronousErrors.md) are codes and others subcodes; that table
// has a single "Error" column. This package puts each where the ErrorCode and
// ErrorSubcode enumerations put it: BadRequest, EntityTooLarge,
// ExchangeServiceFailure, MethodNotAllowed, PreconditionFailed,
// PreconditionRequired and ServiceFailure are codes; ApplicationNotFound,
// DeserializationFailure, InactiveApplicationExpired,
// ParameterValidationFailure and TooManyApplications are subcodes (the
// documentation shows NotFound/ApplicationNotFound and
// BadRequest/ParameterValidationFailure); UnsupportedMediaType is both. The
// four names in neither enumeration (MobileApplicationNoLongerAllowed,
// ResourceNotFound, ServiceTimeout, VersionNotSupported) are subcodes, since
// each refines an HTTP status rather than naming one. There is no Subcode
// constant for a name the enumerations make a code only, nor the reverse, and
// errors.Is matches a Code against the code only and a Subcode against the
// subcode only, so that errors.Is(err, SubcodeTimeout) does not fire for a
// 504 Timeout with another subcode.
type Code string

// Error returns the code itself.
func (c Code) Error() string { return string(c) }

// Codes: the HTTP status each names, from the table "HTTP error codes
// returned by UCWA", or where else it comes from.
const (
	CodeBadRequest       Code = "BadRequest"       // 400: something is wrong with the entire request
	CodeForbidden        Code = "Forbidden"        // 403
	CodeNotFound         Code = "NotFound"         // 404: the resource does not exist
	CodeMethodNotAllowed Code = "MethodNotAllowed" // 405: the HTTP method is not supported for this resource
	CodeClientTimeout    Code = "ClientTimeout"    // 408; in the HTTP table only, not in the ErrorCode enumeration
	CodeConflict         Code = "Conflict"         // 409
	CodeGone             Code = "Gone"             // 410: the resource is permanently gone; do not retry
	// 412: an If-Match precondition was not met (ETag mismatch). The HTTP
	// table spells it "PreConditionFailed"; the ErrorCode enumeration and
	// the generic errors table "PreconditionFailed", which is what a server
	// serializing that enumeration sends. errors.Is matches either spelling.
	CodePreconditionFailed   Code = "PreconditionFailed"
	CodeEntityTooLarge       Code = "EntityTooLarge"       // 413: the request is too large
	CodeUnsupportedMediaType Code = "UnsupportedMediaType" // 415: the Content-Type is not supported
	// 428: the operation requires an If-Match precondition. Spelled
	// "PreConditionRequired" in the HTTP table; see CodePreconditionFailed.
	CodePreconditionRequired Code = "PreconditionRequired"
	CodeTooManyRequests      Code = "TooManyRequests"    // 429
	CodeServiceFailure       Code = "ServiceFailure"     // 500: internal server error
	CodeServiceUnavailable   Code = "ServiceUnavailable" // 503
	CodeTimeout              Code = "Timeout"            // 504 in the HTTP table
	// 504 in the synchronous errors of some resources; in the ErrorCode
	// enumeration beside Timeout. CodeForStatus(504) is CodeTimeout.
	CodeGatewayTimeout Code = "GatewayTimeout"

	// In the ErrorCode enumeration, with no HTTP status in the table.
	CodeNotAcceptable          Code = "NotAcceptable"          // not acceptable here (HTTP 406)
	CodeExchangeServiceFailure Code = "ExchangeServiceFailure" // Exchange did not answer in time, or answered malformed
	CodeLocalFailure           Code = "LocalFailure"           // asynchronous: local failure
	CodeRemoteFailure          Code = "RemoteFailure"          // asynchronous: remote failure
	CodeInformational          Code = "Informational"          // asynchronous: an informational message, not a failure
)

// CodeForStatus returns the code the table "HTTP error codes returned by
// UCWA" gives an HTTP status, such as CodeConflict for 409, or "" for a
// status the table does not list (401, 502, any 2xx, …).
func CodeForStatus(status int) Code {
	switch status {
	case 400:
		return CodeBadRequest
	case 403:
		return CodeForbidden
	case 404:
		return CodeNotFound
	case 405:
		return CodeMethodNotAllowed
	case 408:
		return CodeClientTimeout
	case 409:
		return CodeConflict
	case 410:
		return CodeGone
	case 412:
		return CodePreconditionFailed
	case 413:
		return CodeEntityTooLarge
	case 415:
		return CodeUnsupportedMediaType
	case 428:
		return CodePreconditionRequired
	case 429:
		return CodeTooManyRequests
	case 500:
		return CodeServiceFailure
	case 503:
		return CodeServiceUnavailable
	case 504:
		return CodeTimeout
	}
	return ""
}

// Subcode further classifies a UCWA error (SubcodeAlreadyExists). It is an
// open set, like Code, and an error for the same reason: new subcodes can
// appear at any time, and a client should ignore those it does not know.
//
// The constants are the ErrorSubcode enumeration (the list in
// reportMediaDiagnostics_ref.md, a superset of ErrorSubcode_ref.md, which
// lacks CallbackChannelError, CannotRedirect, InvalidExchangeServerVersion,
// MaxEventCountReached, None and UnprocessableEntity), plus the names of the
// generic synchronous errors that are in neither enumeration. See [Code] for
// the names that are both.
type Subcode string

// Error returns the subcode itself.
func (s Subcode) Error() string { return string(s) }

// Subcodes of the ErrorSubcode enumeration. The status in parentheses is the
// one the documentation shows the subcode with, where it shows one.
const (
	SubcodeAlreadyExists                Subcode = "AlreadyExists"                // The resource you're trying to create already exists (409 Conflict).
	SubcodeAnonymousNotAllowed          Subcode = "AnonymousNotAllowed"          // This operation is not allowed for anonymous users (403 Forbidden).
	SubcodeAnotherOperationPending      Subcode = "AnotherOperationPending"      // Another operation is already in progress.
	SubcodeAPIVersionNotSupported       Subcode = "APIVersionNotSupported"       // The requested API version is not supported (404 NotFound).
	SubcodeApplicationNotFound          Subcode = "ApplicationNotFound"          // The application resource does not exist (404 NotFound).
	SubcodeAttendeeNotAllowed           Subcode = "AttendeeNotAllowed"           // Attendee is not allowed to perform operation, for demoted scenario.
	SubcodeAutoAccepted                 Subcode = "AutoAccepted"                 // The invitation was auto-accepted.
	SubcodeBusy                         Subcode = "Busy"                         // Remote side is busy and cannot fulfil the request.
	SubcodeCallbackChannelError         Subcode = "CallbackChannelError"         // The remote event channel is not reachable (500 ServiceFailure).
	SubcodeCallbackUriUnreachable       Subcode = "CallbackUriUnreachable"       // CallbackUri supplied by the application could not be reached.
	SubcodeCallTerminated               Subcode = "CallTerminated"               // Call is terminated.
	SubcodeCanceled                     Subcode = "Canceled"                     // Canceled.
	SubcodeCannotRedirect               Subcode = "CannotRedirect"               // Cannot redirect since there is no backup pool configured (410 Gone).
	SubcodeConnectedElsewhere           Subcode = "ConnectedElsewhere"           // Call is connected elsewhere.
	SubcodeConversationNotFound         Subcode = "ConversationNotFound"         // The conversation does not exist.
	SubcodeDeclined                     Subcode = "Declined"                     // The call was declined.
	SubcodeDemoted                      Subcode = "Demoted"                      // Participant was demoted.
	SubcodeDenied                       Subcode = "Denied"                       // The lobby participant was denied from the conference.
	SubcodeDerivedConversation          Subcode = "DerivedConversation"          // Indicates that a new derived conversation is the reason for the event.
	SubcodeDeserializationFailure       Subcode = "DeserializationFailure"       // The request body could not be deserialized.
	SubcodeDestinationNotFound          Subcode = "DestinationNotFound"          // The targeted user doesn't exist (404 NotFound).
	SubcodeDialoutNotAllowed            Subcode = "DialoutNotAllowed"            // Dialout not allowed.
	SubcodeDoNotDisturb                 Subcode = "DoNotDisturb"                 // Do not disturb.
	SubcodeEjected                      Subcode = "Ejected"                      // The user is removed from conference.
	SubcodeEnded                        Subcode = "Ended"                        // The conference has finished.
	SubcodeEscalationFailed             Subcode = "EscalationFailed"             // Conference escalation failed.
	SubcodeExchangeTimeout              Subcode = "ExchangeTimeout"              // The Exchange request timed out.
	SubcodeExpired                      Subcode = "Expired"                      // The parked audiovideo session was terminated due to timeout.
	SubcodeFederationRequired           Subcode = "FederationRequired"           // Federation is required.
	SubcodeForwarded                    Subcode = "Forwarded"                    // The call was forwarded locally.
	SubcodeInactiveApplicationExpired   Subcode = "InactiveApplicationExpired"   // Inactive application expired.
	SubcodeInsufficientBandwidth        Subcode = "InsufficientBandwidth"        // Outgoing call establishment failed due to insufficient bandwidth.
	SubcodeInvalidExchangeServerVersion Subcode = "InvalidExchangeServerVersion" // The Exchange mailbox may have moved to a server version that lacks the feature (500 ServiceFailure).
	SubcodeInvalidMediaDescription      Subcode = "InvalidMediaDescription"      // The media description supplied is not valid.
	SubcodeInviteesOnly                 Subcode = "InviteesOnly"                 // Invitees only.
	SubcodeIPv6NotSupported             Subcode = "IPv6NotSupported"             // Remote party doesn't support IPv6 IP addresses.
	SubcodeLimitExceeded                Subcode = "LimitExceeded"                // A server defined limit was exceeded (403 Forbidden or 409 Conflict).
	SubcodeLisServiceUnavailable        Subcode = "LisServiceUnavailable"        // Location Information Service is unavailable.
	SubcodeMakeMeAvailableRequired      Subcode = "MakeMeAvailableRequired"      // The MakeMeAvailable operation is a prerequisite for this operation (409 Conflict).
	SubcodeMaxEventCountReached         Subcode = "MaxEventCountReached"         // Listed in the ErrorSubcode enumeration without a description.
	SubcodeMediaEncryptionMismatch      Subcode = "MediaEncryptionMismatch"      // There was media encryption mismatch between local and remote clients.
	SubcodeMediaEncryptionNotSupported  Subcode = "MediaEncryptionNotSupported"  // Cannot support media encryption required by client.
	SubcodeMediaEncryptionRequired      Subcode = "MediaEncryptionRequired"      // Media encryption is required to establish media.
	SubcodeMediaFailure                 Subcode = "MediaFailure"                 // Media failure.
	SubcodeMediaFallback                Subcode = "MediaFallback"                // Incoming media is being handled by fallback logic.
	SubcodeMediaNegotiationFailure      Subcode = "MediaNegotiationFailure"      // Media negotiation request failed.
	SubcodeMediaNegotiationTimeOut      Subcode = "MediaNegotiationTimeOut"      // Media negotiation request timed out.
	SubcodeMigrationInProgress          Subcode = "MigrationInProgress"          // There is a migration in progress, contact's buddy list is read-only (500 ServiceFailure).
	SubcodeMissed                       Subcode = "Missed"                       // Call was missed.
	SubcodeModalityNotSupported         Subcode = "ModalityNotSupported"         // Modality not supported.
	SubcodeNewContentSharer             Subcode = "NewContentSharer"             // Call was terminated because another presenter started sharing content.
	SubcodeNoDelegatesConfigured        Subcode = "NoDelegatesConfigured"        // No delegates configured (403 Forbidden or 409 Conflict).
	SubcodeNoLocationFound              Subcode = "NoLocationFound"              // LIS could not find a matched location.
	SubcodeNone                         Subcode = "None"                         // No further classification (as in 409 Conflict/None); kept as it came, not turned into "".
	SubcodeNormalizationFailed          Subcode = "NormalizationFailed"          // Phone normalization failed (400 BadRequest).
	SubcodeNotAcceptable                Subcode = "NotAcceptable"                // The remote client is unable to accept the call at this time or context.
	SubcodeNotAllowed                   Subcode = "NotAllowed"                   // The remote party is not allowed to process this request due to policy.
	SubcodeNoTeamMembersConfigured      Subcode = "NoTeamMembersConfigured"      // No team members configured (403 Forbidden or 409 Conflict).
	SubcodeOperationNotSupported        Subcode = "OperationNotSupported"        // The specified operation is not supported right now (403 Forbidden).
	SubcodeParameterValidationFailure   Subcode = "ParameterValidationFailure"   // A parameter value is not valid (400 BadRequest).
	SubcodePGetReplaced                 Subcode = "PGetReplaced"                 // The existing P-GET was replaced with a new P-GET from the client application (409 Conflict, to the replaced P-GET).
	SubcodePhoneNumberConflict          Subcode = "PhoneNumberConflict"          // Invitation failed because multiple users are associated with the destination phone number.
	SubcodeProvisioningDataUnavailable  Subcode = "ProvisioningDataUnavailable"  // Provisioning data could not be retrieved (500 ServiceFailure).
	SubcodePstnCallFailed               Subcode = "PstnCallFailed"               // The attempt to reach mobile user's simulring number failed.
	SubcodeRedirected                   Subcode = "Redirected"                   // Indicates that the invitation was redirected to another participant.
	SubcodeRemoved                      Subcode = "Removed"                      // The user was removed from the Mcu.
	SubcodeReplaced                     Subcode = "Replaced"                     // The modality was replaced.
	SubcodeRepliedWithOtherModality     Subcode = "RepliedWithOtherModality"     // The recipient is responding in another way, such as IM or phone.
	SubcodeSessionSwitched              Subcode = "SessionSwitched"              // Call's session has changed.
	SubcodeTemporarilyUnavailable       Subcode = "TemporarilyUnavailable"       // The MCU is shutting down.
	SubcodeThreadIdAlreadyExists        Subcode = "ThreadIdAlreadyExists"        // A conversation already exists with the same thread id.
	SubcodeTimeout                      Subcode = "Timeout"                      // Service timeout.
	SubcodeTooManyApplications          Subcode = "TooManyApplications"          // There are too many applications.
	SubcodeTooManyContacts              Subcode = "TooManyContacts"              // There are too many contacts (403 Forbidden).
	SubcodeTooManyConversations         Subcode = "TooManyConversations"         // User has exceeded max conversations.
	SubcodeTooManyGroups                Subcode = "TooManyGroups"                // There are too many groups (409 Conflict).
	SubcodeTooManyLobbyParticipants     Subcode = "TooManyLobbyParticipants"     // Too many lobby participants.
	SubcodeTooManyOnlineMeetings        Subcode = "TooManyOnlineMeetings"        // The user has reached their online meeting limit (409 Conflict).
	SubcodeTooManyParticipants          Subcode = "TooManyParticipants"          // Too many participants.
	SubcodeTransferDeclined             Subcode = "TransferDeclined"             // The call transfer request is declined at transferee side.
	SubcodeTransferred                  Subcode = "Transferred"                  // The call was transferred.
	SubcodeTransferTargetDeclined       Subcode = "TransferTargetDeclined"       // The call initiated from transferee gets declined at transfer target side.
	SubcodeUnavailable                  Subcode = "Unavailable"                  // No Mcu is available via the MCU factory.
	SubcodeUnprocessableEntity          Subcode = "UnprocessableEntity"          // Listed in the ErrorSubcode enumeration without a description.
	SubcodeUnreachable                  Subcode = "Unreachable"                  // The target is not reachable.
	SubcodeUnsupportedMediaType         Subcode = "UnsupportedMediaType"         // The content-type is not supported.
	SubcodeUserAgentNotAllowed          Subcode = "UserAgentNotAllowed"          // The user agent supplied is not allowed.
)

// Generic synchronous errors (GenericSynchronousErrors.md) that are in
// neither enumeration, and so are taken as subcodes.
const (
	SubcodeMobileApplicationNoLongerAllowed Subcode = "MobileApplicationNoLongerAllowed" // the user is no longer authorized for mobile applications
	SubcodeResourceNotFound                 Subcode = "ResourceNotFound"                 // the resource does not exist
	SubcodeServiceTimeout                   Subcode = "ServiceTimeout"                   // internal server error, remote timeout
	SubcodeVersionNotSupported              Subcode = "VersionNotSupported"              // the requested version is not supported
)
