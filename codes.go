package ucwa

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
	// The resource you're trying to create already exists (409 Conflict).
	SubcodeAlreadyExists Subcode = "AlreadyExists"
	// This operation is not allowed for anonymous users (403 Forbidden).
	SubcodeAnonymousNotAllowed Subcode = "AnonymousNotAllowed"
	// Another operation is already in progress.
	SubcodeAnotherOperationPending Subcode = "AnotherOperationPending"
	// The requested API version is not supported (404 NotFound).
	SubcodeAPIVersionNotSupported Subcode = "APIVersionNotSupported"
	// The application resource does not exist (404 NotFound).
	SubcodeApplicationNotFound Subcode = "ApplicationNotFound"
	// Attendee is not allowed to perform operation, for demoted scenario.
	SubcodeAttendeeNotAllowed Subcode = "AttendeeNotAllowed"
	// The invitation was auto-accepted.
	SubcodeAutoAccepted Subcode = "AutoAccepted"
	// Remote side is busy and cannot fulfil the request.
	SubcodeBusy Subcode = "Busy"
	// The remote event channel is not reachable (500 ServiceFailure).
	SubcodeCallbackChannelError Subcode = "CallbackChannelError"
	// CallbackUri supplied by the application could not be reached.
	SubcodeCallbackUriUnreachable Subcode = "CallbackUriUnreachable"
	// Call is terminated.
	SubcodeCallTerminated Subcode = "CallTerminated"
	// Canceled.
	SubcodeCanceled Subcode = "Canceled"
	// Cannot redirect since there is no backup pool configured (410 Gone).
	SubcodeCannotRedirect Subcode = "CannotRedirect"
	// Call is connected elsewhere.
	SubcodeConnectedElsewhere Subcode = "ConnectedElsewhere"
	// The conversation does not exist.
	SubcodeConversationNotFound Subcode = "ConversationNotFound"
	// The call was declined.
	SubcodeDeclined Subcode = "Declined"
	// Participant was demoted.
	SubcodeDemoted Subcode = "Demoted"
	// The lobby participant was denied from the conference.
	SubcodeDenied Subcode = "Denied"
	// Indicates that a new derived conversation is the reason for the event.
	SubcodeDerivedConversation Subcode = "DerivedConversation"
	// The request body could not be deserialized.
	SubcodeDeserializationFailure Subcode = "DeserializationFailure"
	// The targeted user doesn't exist (404 NotFound).
	SubcodeDestinationNotFound Subcode = "DestinationNotFound"
	// Dialout not allowed.
	SubcodeDialoutNotAllowed Subcode = "DialoutNotAllowed"
	// Do not disturb.
	SubcodeDoNotDisturb Subcode = "DoNotDisturb"
	// The user is removed from conference.
	SubcodeEjected Subcode = "Ejected"
	// The conference has finished.
	SubcodeEnded Subcode = "Ended"
	// Conference escalation failed.
	SubcodeEscalationFailed Subcode = "EscalationFailed"
	// The Exchange request timed out.
	SubcodeExchangeTimeout Subcode = "ExchangeTimeout"
	// The parked audiovideo session was terminated due to timeout.
	SubcodeExpired Subcode = "Expired"
	// Federation is required.
	SubcodeFederationRequired Subcode = "FederationRequired"
	// The call was forwarded locally.
	SubcodeForwarded Subcode = "Forwarded"
	// Inactive application expired.
	SubcodeInactiveApplicationExpired Subcode = "InactiveApplicationExpired"
	// Outgoing call establishment failed due to insufficient bandwidth.
	SubcodeInsufficientBandwidth Subcode = "InsufficientBandwidth"
	// The Exchange mailbox may have moved to a server version that lacks the feature (500 ServiceFailure).
	SubcodeInvalidExchangeServerVersion Subcode = "InvalidExchangeServerVersion"
	// The media description supplied is not valid.
	SubcodeInvalidMediaDescription Subcode = "InvalidMediaDescription"
	// Invitees only.
	SubcodeInviteesOnly Subcode = "InviteesOnly"
	// Remote party doesn't support IPv6 IP addresses.
	SubcodeIPv6NotSupported Subcode = "IPv6NotSupported"
	// A server defined limit was exceeded (403 Forbidden or 409 Conflict).
	SubcodeLimitExceeded Subcode = "LimitExceeded"
	// Location Information Service is unavailable.
	SubcodeLisServiceUnavailable Subcode = "LisServiceUnavailable"
	// The MakeMeAvailable operation is a prerequisite for this operation (409 Conflict).
	SubcodeMakeMeAvailableRequired Subcode = "MakeMeAvailableRequired"
	// Listed in the ErrorSubcode enumeration without a description.
	SubcodeMaxEventCountReached Subcode = "MaxEventCountReached"
	// There was media encryption mismatch between local and remote clients.
	SubcodeMediaEncryptionMismatch Subcode = "MediaEncryptionMismatch"
	// Cannot support media encryption required by client.
	SubcodeMediaEncryptionNotSupported Subcode = "MediaEncryptionNotSupported"
	// Media encryption is required to establish media.
	SubcodeMediaEncryptionRequired Subcode = "MediaEncryptionRequired"
	// Media failure.
	SubcodeMediaFailure Subcode = "MediaFailure"
	// Incoming media is being handled by fallback logic.
	SubcodeMediaFallback Subcode = "MediaFallback"
	// Media negotiation request failed.
	SubcodeMediaNegotiationFailure Subcode = "MediaNegotiationFailure"
	// Media negotiation request timed out.
	SubcodeMediaNegotiationTimeOut Subcode = "MediaNegotiationTimeOut"
	// There is a migration in progress, contact's buddy list is read-only (500 ServiceFailure).
	SubcodeMigrationInProgress Subcode = "MigrationInProgress"
	// Call was missed.
	SubcodeMissed Subcode = "Missed"
	// Modality not supported.
	SubcodeModalityNotSupported Subcode = "ModalityNotSupported"
	// Call was terminated because another presenter started sharing content.
	SubcodeNewContentSharer Subcode = "NewContentSharer"
	// No delegates configured (403 Forbidden or 409 Conflict).
	SubcodeNoDelegatesConfigured Subcode = "NoDelegatesConfigured"
	// LIS could not find a matched location.
	SubcodeNoLocationFound Subcode = "NoLocationFound"
	// No further classification (as in 409 Conflict/None); kept as it came, not turned into "".
	SubcodeNone Subcode = "None"
	// Phone normalization failed (400 BadRequest).
	SubcodeNormalizationFailed Subcode = "NormalizationFailed"
	// The remote client is unable to accept the call at this time or context.
	SubcodeNotAcceptable Subcode = "NotAcceptable"
	// The remote party is not allowed to process this request due to policy.
	SubcodeNotAllowed Subcode = "NotAllowed"
	// No team members configured (403 Forbidden or 409 Conflict).
	SubcodeNoTeamMembersConfigured Subcode = "NoTeamMembersConfigured"
	// The specified operation is not supported right now (403 Forbidden).
	SubcodeOperationNotSupported Subcode = "OperationNotSupported"
	// A parameter value is not valid (400 BadRequest).
	SubcodeParameterValidationFailure Subcode = "ParameterValidationFailure"
	// The existing P-GET was replaced with a new P-GET from the client application (409 Conflict, to the replaced
	// P-GET).
	SubcodePGetReplaced Subcode = "PGetReplaced"
	// Invitation failed because multiple users are associated with the destination phone number.
	SubcodePhoneNumberConflict Subcode = "PhoneNumberConflict"
	// Provisioning data could not be retrieved (500 ServiceFailure).
	SubcodeProvisioningDataUnavailable Subcode = "ProvisioningDataUnavailable"
	// The attempt to reach mobile user's simulring number failed.
	SubcodePstnCallFailed Subcode = "PstnCallFailed"
	// Indicates that the invitation was redirected to another participant.
	SubcodeRedirected Subcode = "Redirected"
	// The user was removed from the Mcu.
	SubcodeRemoved Subcode = "Removed"
	// The modality was replaced.
	SubcodeReplaced Subcode = "Replaced"
	// The recipient is responding in another way, such as IM or phone.
	SubcodeRepliedWithOtherModality Subcode = "RepliedWithOtherModality"
	// Call's session has changed.
	SubcodeSessionSwitched Subcode = "SessionSwitched"
	// The MCU is shutting down.
	SubcodeTemporarilyUnavailable Subcode = "TemporarilyUnavailable"
	// A conversation already exists with the same thread id.
	SubcodeThreadIdAlreadyExists Subcode = "ThreadIdAlreadyExists"
	// Service timeout.
	SubcodeTimeout Subcode = "Timeout"
	// There are too many applications.
	SubcodeTooManyApplications Subcode = "TooManyApplications"
	// There are too many contacts (403 Forbidden).
	SubcodeTooManyContacts Subcode = "TooManyContacts"
	// User has exceeded max conversations.
	SubcodeTooManyConversations Subcode = "TooManyConversations"
	// There are too many groups (409 Conflict).
	SubcodeTooManyGroups Subcode = "TooManyGroups"
	// Too many lobby participants.
	SubcodeTooManyLobbyParticipants Subcode = "TooManyLobbyParticipants"
	// The user has reached their online meeting limit (409 Conflict).
	SubcodeTooManyOnlineMeetings Subcode = "TooManyOnlineMeetings"
	// Too many participants.
	SubcodeTooManyParticipants Subcode = "TooManyParticipants"
	// The call transfer request is declined at transferee side.
	SubcodeTransferDeclined Subcode = "TransferDeclined"
	// The call was transferred.
	SubcodeTransferred Subcode = "Transferred"
	// The call initiated from transferee gets declined at transfer target side.
	SubcodeTransferTargetDeclined Subcode = "TransferTargetDeclined"
	// No Mcu is available via the MCU factory.
	SubcodeUnavailable Subcode = "Unavailable"
	// Listed in the ErrorSubcode enumeration without a description.
	SubcodeUnprocessableEntity Subcode = "UnprocessableEntity"
	// The target is not reachable.
	SubcodeUnreachable Subcode = "Unreachable"
	// The content-type is not supported.
	SubcodeUnsupportedMediaType Subcode = "UnsupportedMediaType"
	// The user agent supplied is not allowed.
	SubcodeUserAgentNotAllowed Subcode = "UserAgentNotAllowed"
)

// Generic synchronous errors (GenericSynchronousErrors.md) that are in
// neither enumeration, and so are taken as subcodes.
const (
	// the user is no longer authorized for mobile applications
	SubcodeMobileApplicationNoLongerAllowed Subcode = "MobileApplicationNoLongerAllowed"
	// the resource does not exist
	SubcodeResourceNotFound Subcode = "ResourceNotFound"
	// internal server error, remote timeout
	SubcodeServiceTimeout Subcode = "ServiceTimeout"
	// the requested version is not supported
	SubcodeVersionNotSupported Subcode = "VersionNotSupported"
)
