// Package ucwatest provides a fake UCWA 2.0 server for testing UCWA
// clients, in the manner of net/http/httptest: no Skype for Business
// deployment needed.
//
// A [Server] listens on two local addresses, as a deployment does: the
// autodiscovery root (lyncdiscover) at URL, and the pool at PoolURL, which
// serves the user resource, the applications and everything under them.
// Following the root's user link is thus a cross-origin hop, as it is for a
// real client.
//
// It speaks both formats, as the request's Accept asks (JSON when it names
// none), checks what a client sends as a server does (a POST's
// Content-Type and body, the event channel's ack and parameters, a batch's
// framing), and answers with UCWA error bodies. It serves:
//
//   - autodiscovery: the root, and the user resource with the applications
//     link;
//   - POST applications, which creates an application (ids from 192, as in
//     the reference's examples, so that their bodies fit its paths), and
//     GET and DELETE on it;
//   - me, presence, note, communication, people and the conversations and
//     messaging invitations a client starts;
//   - startMessaging (POST communication/messagingInvitations): 201 Created
//     with a Location, and two event-channel responses queued: the
//     invitation started (embedded) with its conversation added, then the
//     invitation completed; the same threadId again is 409
//     Conflict/ThreadIdAlreadyExists;
//   - the event channel: pending GETs held until events are queued or the
//     hold ends, the next link, resync for an ack out of order, resume
//     after [Server.Suspend], 409 Conflict/PGetReplaced for a P-GET
//     replaced by another;
//   - batch (POST batch, multipart/batching): each part served as a request
//     of its own, 429 Too Many Requests over 100 parts.
//
// The canned resources are built by this package's code. A test adds its
// own with [Server.SetResource], queues events with [Server.QueueEvents],
// makes the next request to a path fail with [Server.Fail], and reads what
// the server received with [Server.Requests].
package ucwatest
