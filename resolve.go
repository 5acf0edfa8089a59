package ucwa

import "net/url"

// ResolveHref resolves an href from a body (a link, an event's target, the
// event channel's next link) against base, the URL of the request whose
// response held it, with the default [LocationOptions]: a path from the
// root, or an absolute URL on base's origin. See [LocationOptions.Resolve].
func ResolveHref(base *url.URL, href string) (*url.URL, error) {
	return LocationOptions{}.Resolve(base, href)
}

// Resolve checks href and resolves it against base, with the rules of
// [LocationOptions.Parse]: it accepts a path from the root, or an absolute
// http or https URL on base's origin (on any origin but a downgrade to
// http, if o.AllowCrossOrigin is set), and refuses everything else with a
// [*LocationError] that wraps [ErrLocation] or [ErrCrossOrigin]: a
// data: URI (the message of an event, which [ParseDataURI] reads), a
// relative reference such as "invitations/596", userinfo, a dot segment,
// a byte a URI cannot hold.
//
// The result is a new URL. On base's origin, its scheme and host are
// base's; it never has userinfo. Its path may begin with "//" when the
// href's does (the seed's "//v1/…"): with a host, such a URL prints and is
// requested unambiguously, and [Location.Path] shows how to give it as a
// string.
//
// Autodiscovery needs AllowCrossOrigin for its hops: the root on
// lyncdiscover.contoso.com links the user resource on the pool,
// lyncweb.contoso.com, which links the applications resource on the home
// pool. The hrefs of the application's resources are all on its origin:
// resolve them with ResolveHref, which refuses any that would carry the
// bearer token elsewhere.
func (o LocationOptions) Resolve(base *url.URL, href string) (*url.URL, error) {
	u, err := o.resolve(base, href)
	if err != nil {
		err.href = true
		return nil, err
	}
	return u, nil
}
