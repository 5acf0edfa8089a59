package ucwa

// Interned names. Most of the names in a UCWA body, property names and rels,
// are the same few hundred the reference defines, and the decoders would
// copy each one into the string arena every time it came by. internName
// gives the decoders this package's own copy of such a name instead, for a
// hash and a few compares: the decoded value holds fewer bytes, which the
// garbage collector then does not have to reclaim. The JSON decoder looks up
// every member name, and its index in the table finds repeated names (see
// nextMember and repeat.go); the XML decoder looks up the values of rel and
// name attributes.
//
// internedNames holds the property names and rels of every example of the
// reference (which the tests read from ../shared), and the member names
// of the bodies' own structure that are not among them (structureNames);
// TestInternName lists any name that the examples have and the table lacks.
// A name not in the table is copied into the arena.

// structureNames are the member names of the JSON forms' own structure
// (resources, events, error bodies) that no property or rel of the
// reference's examples has: the JSON decoder looks every member name up,
// also to find repeats (see nextMember), and finds these too.
var structureNames = [...]string{"_embedded", "_links", "code", "debugInfo", "in", "subcode"}

// internedNames is sorted, without repeats.
var internedNames = [...]string{
	"Uri", "accept", "acceptWithAnswer", "acceptWithPhoneAudio",
	"acceptedByContact", "acceptedByParticipant", "accessLevel",
	"accessLevels", "activeModalities", "activePeriod", "activeSetting",
	"activity", "addAudio", "addAudioVideo", "addMessaging", "addParticipant",
	"addPhoneAudio", "addToContactList", "addToPresenceSubscription",
	"addVideo", "address", "admit", "allowDeviceContactsSync", "anonymous",
	"anonymousDisplayName", "answer", "application", "applicationSharer",
	"applicationSharing", "applicationSharingBitRate",
	"applicationSharingDirection", "applicationSharingEncryption",
	"applicationSharingRenegotiation", "applicationSharingSourceId",
	"applications", "attendees", "audienceMessaging", "audienceMute",
	"audioBitRate", "audioBypass", "audioBypassId", "audioDirection",
	"audioMuted", "audioOnlyOnWifi", "audioPreference", "audioSourceId",
	"audioTranscript", "audioVideo", "audioVideoEncryption",
	"audioVideoInvitation", "audioVideoNegotiation", "audioVideoPolicies",
	"audioVideoRenegotiation", "audioVideoSession",
	"automaticLeaderAssignment", "automaticLeaderAssignments", "availability",
	"availableModalities", "bandwidthControl", "bandwidthControlId", "batch",
	"building", "callForwardingSettings", "callLogArchiving", "cancel",
	"changeNumber", "changeVisibility", "chassisID", "city",
	"clientExchangeConnectivity", "clientNetworkType", "communication",
	"company", "conferenceId", "contact", "contactLocation", "contactNote",
	"contactPhoto", "contactPresence", "contactPrivacyRelationship",
	"contactSupportedModalities", "contactUris", "continueAudio",
	"continueAudioVideo", "continueMessaging", "continuePhoneAudio",
	"continueVideo", "conversation", "conversationHistory", "conversationLog",
	"conversationLogRecipient", "conversationLogTranscript",
	"conversationLogTranscripts", "conversationLogs", "conversationLogsCount",
	"conversationLogsNotifications", "conversations", "country", "created",
	"creationTime", "culture", "customContent",
	"customerExperienceImprovementProgram", "dataCollaboration", "decline",
	"defaultGroup", "defaultOnlineMeetingRel", "defaultRegion",
	"delegatesGroup", "delegator", "delegatorsGroup", "demote", "department",
	"derivedAudioVideo", "derivedConversation", "derivedMessaging",
	"derivedPhoneAudio", "description", "deviceType", "dialInRegion",
	"direction", "disableAudienceMessaging", "disableAudienceMuteLock",
	"disclaimerBody", "disclaimerTitle", "dismiss", "displayName",
	"distributionGroup", "duration", "eject", "eligibleOnlineMeetingRels",
	"emailAddresses", "emergencyDialMask", "emergencyDialString",
	"emergencyNumbers", "emergencyServiceDisclaimer", "emoticons",
	"enableAudienceMessaging", "enableAudienceMuteLock", "encryptAppData",
	"endpointId", "endpointUri", "enterpriseHelpUrl", "entryExitAnnouncement",
	"entryExitAnnouncements", "errorCode", "errorSubcode", "errorTranscript",
	"escalateAudio", "escalateAudioVideo", "etag", "events",
	"exchangeUnifiedMessaging", "expandDistributionGroup", "expirationTime",
	"externalAudioBypassMode", "externalDirectoryUri",
	"externalUserMeetingRecording", "failedDeliveryParticipant",
	"fipsCompliantMedia", "forwardedBy", "from", "group", "groupContacts",
	"groupMemberships", "helpEnvironment",
	"highPerformanceApplicationSharingInOnlineMeeting", "holdPhoneAudio",
	"homePhoneNumber", "host", "hostingNetwork", "href", "htmlMessage",
	"htmlMessaging", "httpMethod", "id", "immediateForwardSettings",
	"immediateForwardToContact", "immediateForwardToDelegates",
	"immediateForwardToVoicemail", "importance", "inLobby",
	"includeInContactCard", "instanceId", "internalAudioBypassMode",
	"internalDirectoryUri", "invitationFooterText", "invitationHelpUrl",
	"invitationLegalUrl", "invitationLogoUrl", "ip", "ipv4", "ipv6",
	"isAudioConferenceProviderEnabled", "joinAudioMuted", "joinOnlineMeeting",
	"joinScheduledOnlineMeeting", "joinUrl", "joinVideoMuted", "languages",
	"largeMeeting", "lastActive", "leaders", "legacyOnlineMeetingUri", "link",
	"lisLocation", "lisQueryResult", "lobby", "lobbyBypassForPhoneUsers",
	"lobbyBypassForPhoneUsersSettings", "local", "localParticipant",
	"location", "locationRefreshInterval", "locationRequired", "locationState",
	"logging", "loggingLevel", "mac", "makeMeAvailable", "markAsRead",
	"maximumApplicationSharingPort", "maximumAudioPort", "maximumVideoPort",
	"maximumVideoRateAllowed", "me", "mediaAnswer", "mediaEndpoint",
	"mediaOffer", "mediaPolicies", "mediaProvisionalAnswer",
	"mediaQualityOfExperience", "mediaRelay", "mediaRelayAccessToken",
	"meetingRecording", "meetingSize", "memberships", "message",
	"messageArchiving", "messageTranscript", "messages", "messaging",
	"messagingInvitation", "messagingUrls", "metadata",
	"minimumApplicationSharingPort", "minimumAudioPort", "minimumVideoPort",
	"missedConversationsCount", "missedItems", "mobilePhoneNumber",
	"modalities", "moreResultsAvailable", "msAcceptedContentId", "multiView",
	"multiViewJoin", "muteAudio", "muteVideo", "myAssignedOnlineMeeting",
	"myContacts", "myContactsAndGroupsSubscription", "myGroupMembership",
	"myGroupMemberships", "myGroups", "myOnlineMeeting", "myOnlineMeetings",
	"myOrganizationGroup", "myPrivacyRelationship", "myPrivacyRelationships",
	"name", "negotiatedMessageFormats", "next",
	"nextConversationLogTranscripts", "note", "number", "office",
	"officeLocation", "onBehalfOf", "onlineFeedbackUrl", "onlineMeeting",
	"onlineMeetingDefaultValues", "onlineMeetingEligibleValues",
	"onlineMeetingExtension", "onlineMeetingExtensions", "onlineMeetingId",
	"onlineMeetingInvitation", "onlineMeetingInvitationCustomization",
	"onlineMeetingPolicies", "onlineMeetingRel", "onlineMeetingUri",
	"onlineMeetings", "operationId", "operations", "organizer",
	"organizerName", "organizerUri", "otherPhoneNumber",
	"panoramicVideoDirection", "panoramicVideoMuted", "panoramicVideoSourceId",
	"parameters", "participant", "participantApplicationSharing",
	"participantAudio", "participantCount", "participantDataCollaboration",
	"participantInvitation", "participantMessaging",
	"participantPanoramicVideo", "participantPassCode", "participantVideo",
	"participants", "participantsWarningThreshold", "password", "people",
	"phone", "phoneAudio", "phoneAudioInvitation", "phoneDialInInformation",
	"phoneNumber", "phoneUserAdmission", "phones", "photo", "photos",
	"pinnedGroup", "plainMessage", "policies", "poorDeviceWarnings",
	"poorNetworkWarnings", "portID", "portRange", "presence",
	"presenceSubscription", "presenceSubscriptionMembership",
	"presenceSubscriptionMemberships", "presenceSubscriptions",
	"previewMessage", "privateLine", "promote", "publishCallQualityFeedback",
	"publishEndpointLocation", "qualityOfService", "readLocally", "reason",
	"recording", "redirect", "reject", "rel", "relationshipLevel",
	"remoteEndpoint", "removeFromContactList", "renegotiations",
	"replaceWithPhoneAudio", "replacesAudioVideo", "replacesPhoneAudio",
	"replayMessage", "reportMediaDiagnostics", "reportMyActivity",
	"reportMyNetwork", "resetContactPrivacyRelationship",
	"resetUnansweredCallSettings", "resumePhoneAudio", "revision", "ringDelay",
	"role", "root", "rssi", "saveCallLogs", "saveCredentials",
	"saveMessagingHistory", "search", "self", "sendFeedbackUrl", "sendMessage",
	"sendProvisionalAnswer", "sender", "session", "sessionContext",
	"setIsTyping", "sharingOnlyOnWifi", "signInAs",
	"simultaneousRingNumberMatch", "simultaneousRingSettings",
	"simultaneousRingToContact", "simultaneousRingToDelegates",
	"simultaneousRingToTeam", "sipUri", "softwareQualityMetrics",
	"sourceNetwork", "sourceNetworkIconUrl", "startAudio",
	"startAudioOnBehalfOfDelegator", "startAudioVideo",
	"startAudioVideoOnBehalfOfDelegator", "startEmergencyCall",
	"startEmergencyCallInput", "startMessaging", "startOnlineMeeting",
	"startOrRefreshSubscriptionToContactsAndGroups", "startPhoneAudio",
	"startPhoneAudioOnBehalfOfDelegator", "startVideo", "state", "status",
	"stopAudio", "stopAudioVideo", "stopMessaging", "stopPhoneAudio",
	"stopSubscriptionToContactsAndGroups", "stopVideo", "subject", "subnetID",
	"subscribeToGroupPresence", "subscribedContacts",
	"supportedMessageFormats", "supportedModalities", "supportedValues",
	"supportsReplaces", "target", "tcpPort", "telephonyMode", "threadId",
	"timeStamp", "title", "to", "tollFreeNumbers", "tollNumber",
	"totalReceivedVideoBitRateKB", "totalRecipientsCount", "transferredBy",
	"turnOffCallForwarding", "type", "typingParticipants", "udpPort",
	"unansweredCallHandling", "unansweredCallSettings",
	"unansweredCallToContact", "unansweredCallToVoicemail", "unmuteAudio",
	"unmuteVideo", "unreadMissedConversationsCount", "unreadVoicemailsCount",
	"uri", "uris", "useLocationForE911Only", "user", "userAcknowledged",
	"userAgent", "userName", "validUntil", "video", "videoBasedScreenSharing",
	"videoBitRate", "videoDirection", "videoFreeze",
	"videoLockedOnParticipant", "videoMuted", "videoOnlyOnWifi",
	"videoSourceId", "videoSourcesAllowed", "voiceMailsCount", "voicemailUri",
	"voipAudio", "wapBSSID", "workPhoneNumber", "xframe", "zip",
}

// internSlots is an open-addressing table of internedNames: slot
// internHash(name) or one of the slots after it holds the index plus one of
// the name's entry in internEntries; 0 ends the search. It has more than
// four times as many slots as there are names, so that a search for a name
// not there mostly stops at the first slot.
var internSlots, internEntries = func() (t [1 << internBits]uint16,
	es [len(internedNames) + len(structureNames)]internEntry) {
	for i, n := range append(internedNames[:], structureNames[:]...) {
		w := nameWordsOf([]byte(n))
		es[i] = internEntry{w, n}
		h := internHash(w, len(n))
		for t[h] != 0 {
			h = (h + 1) & (len(t) - 1)
		}
		t[h] = uint16(i + 1)
	}
	return t, es
}()

const internBits = 11

// internEntry is an interned name and its nameWords.
type internEntry struct {
	w    nameWords
	name string
}

// nameWords are three words of a name's bytes that, with its length, tell it
// from any other name of up to 24 bytes: its first eight bytes, its last
// eight and the eight after the first (fewer, overlapping, for shorter
// names). Comparing them costs three compares where comparing the strings
// costs a call.
type nameWords struct{ first, last, second uint64 }

func nameWordsOf(b []byte) (w nameWords) {
	switch n := len(b); {
	case n >= 16:
		w.second = load64b(b, 8)
		fallthrough
	case n >= 8:
		w.first, w.last = load64b(b, 0), load64b(b, n-8)
	case n >= 4:
		w.first, w.last = uint64(load32b(b, 0)), uint64(load32b(b, n-4))
	case n > 0:
		w.first = uint64(b[0]) | uint64(b[n/2])<<8 | uint64(b[n-1])<<16
	}
	return w
}

// internHash returns the slot where the search for a name of n bytes and
// words w starts: the top internBits bits of its key, as nameKey computes it
// (first and last are the words nameKey reads).
func internHash(w nameWords, n int) int {
	return int(mixKey(w.first, w.last, n) >> (64 - internBits))
}

// internName returns this package's copy of b when b is an interned name.
func internName(b []byte) (string, bool) {
	if i := internIndex(b); i >= 0 {
		return internEntries[i].name, true
	}
	return "", false
}

// internIndex returns the index of b in internEntries, or -1.
func internIndex(b []byte) int {
	var w nameWords
	n := len(b)
	// nameWordsOf, inlined by hand (the compiler finds it too costly): this
	// runs for every member name decoded.
	switch {
	case n >= 16:
		w = nameWords{load64b(b, 0), load64b(b, n-8), load64b(b, 8)}
	case n >= 8:
		w.first, w.last = load64b(b, 0), load64b(b, n-8)
	case n >= 4:
		w.first, w.last = uint64(load32b(b, 0)), uint64(load32b(b, n-4))
	case n > 0:
		w.first = uint64(b[0]) | uint64(b[n/2])<<8 | uint64(b[n-1])<<16
	}
	for h := internHash(w, n); ; h = (h + 1) & (len(internSlots) - 1) {
		i := int(internSlots[h]) - 1
		if i < 0 {
			return -1
		}
		if e := &internEntries[i]; e.w == w && len(e.name) == n &&
			(n <= 24 || e.name[16:n-8] == string(b[16:n-8])) {
			return i
		}
	}
}
