package ucwa

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// MaxLocationLength is the longest Location header value, in bytes, that
// [ParseLocation] accepts; [LocationOptions].MaxLength changes it. UCWA
// locations are paths of well under 200 bytes; 2048 is the longest URL that
// common browsers and proxies have long accepted.
const MaxLocationLength = 2048

// Sentinel errors of [ParseLocation]. Every error it returns is a
// [*LocationError] that wraps one of them, so callers test the cause with
// [errors.Is].
var (
	// ErrLocation: the Location value, or the base URL, is refused. Every
	// refusal matches it, ErrCrossOrigin ones included.
	ErrLocation = errors.New("location refused")
	// ErrCrossOrigin: the Location names another origin than the request's
	// (another scheme, host or port), so that following it would carry the
	// bearer token elsewhere. It wraps ErrLocation: errors.Is(err,
	// ErrLocation) also holds.
	ErrCrossOrigin = fmt.Errorf("%w: another origin", ErrLocation)
)

// A LocationError reports why a Location value was refused.
type LocationError struct {
	// Value is the Location value as given. It is not copied: for a value
	// refused as too long, it holds the whole value.
	Value string
	Err   error  // ErrLocation or ErrCrossOrigin
	Msg   string // what was wrong, for people

	href bool // refused by Resolve, not Parse: the message says "href"
}

// Error returns "ucwa: Location " (or "ucwa: href " for an error of
// [LocationOptions.Resolve]) followed by the quoted value, cut after 64
// bytes, and the reason.
func (e *LocationError) Error() string {
	q := quoteCut(e.Value)
	if len(e.Value) > maxQuoted {
		q += " (" + strconv.Itoa(len(e.Value)) + " bytes)"
	}
	what := "Location "
	if e.href {
		what = "href "
	}
	return "ucwa: " + what + q + ": " + e.Msg
}

// Unwrap returns the sentinel error.
func (e *LocationError) Unwrap() error { return e.Err }

// A Location is the resource a Location header names, such as that of a
// 201 Created: its resolved URL and what the path says it is.
//
// Path, Application, Resource and ID are taken from the escaped path, as the
// server sent it: a %2F stays %2F and does not split a segment. Decode them
// with [url.PathUnescape] if need be. Application, Resource and ID are
// substrings of Path.
type Location struct {
	// URL is the resolved, absolute URL. For a location on the request's
	// origin, its Scheme and Host are those of the base URL, byte for byte
	// (the scheme in lower case); it never has userinfo.
	URL *url.URL
	// Path is the escaped path of URL (URL.EscapedPath()), such as
	// "/ucwa/v1/applications/833/communication/invitations/596". It is "/"
	// for an absolute URL with an empty path.
	//
	// Path never begins with "//", which a URL parser would read as a
	// host: a path that does, as the seed's "//v1/applications/833/…",
	// is given as "/.//v1/applications/833/…", the form the WHATWG URL
	// standard writes such a path in. Resolved as a reference (by
	// url.URL.ResolveReference, which removes the "." segment), it names
	// URL again, "//" and all.
	Path string
	// Application is the application id: the segment after the first
	// segment "applications" ("833"), or "" when the path has no such
	// segment or nothing follows it. The match is case-sensitive, as UCWA
	// paths are.
	Application string
	// Resource is the collection: the last non-empty segment but one
	// ("invitations"), or "" when the path has fewer than two non-empty
	// segments.
	Resource string
	// ID is the last non-empty segment ("596"), or "" for the path "/".
	// Empty segments ("//", a trailing "/") are skipped, so "/a/b/" gives
	// Resource "a" and ID "b".
	ID string
}

// LocationOptions is a policy for reading Location values. The zero
// LocationOptions is the default policy of [ParseLocation]; options are
// values, and there is no global state.
type LocationOptions struct {
	// MaxLength is the longest value accepted, in bytes; a longer one is
	// refused before it is read. Default (0 or less): MaxLocationLength.
	MaxLength int
	// AllowCrossOrigin accepts an absolute http or https URL on another
	// host or port, or an upgrade from http to https; the URL then keeps
	// its own scheme and host. A downgrade from https to http is refused
	// even so: a token may go to another server, but never in clear text.
	// Default: false, every other origin is refused with ErrCrossOrigin.
	AllowCrossOrigin bool
}

// ParseLocation reads the value of a Location header, as in a 201 Created,
// and resolves it against base, the URL of the request, with the default
// [LocationOptions]. See [LocationOptions.Parse].
func ParseLocation(base *url.URL, value string) (*Location, error) {
	return LocationOptions{}.Parse(base, value)
}

// Parse reads the value of a Location header and resolves it against base,
// the URL of the request. base must be an absolute http or https URL with a
// host and no userinfo.
//
// Two forms are accepted:
//
//   - A path, which begins with "/": it is read on base's scheme and host,
//     as "/ucwa/v1/applications/102/communication/invitations/i1". A value
//     that begins with "//" is read as a path too, never as a reference to
//     another host: UCWA's own documentation shows
//     "//v1/applications/833/communication/invitations/596", which is the
//     path "//v1/applications/833/…" on the request's host. URL keeps the
//     path as sent, "//" included, since that is the URL the server named
//     (with its host, it prints and is requested unambiguously); Path
//     gives it as "/.//v1/applications/833/…" (see Location.Path).
//   - An absolute http or https URL on base's origin. Scheme and host are
//     compared case-insensitively and a default port (443 for https, 80
//     for http) equals no port: https://FE1.contoso.com:443/x is on the
//     origin of https://fe1.contoso.com/. Another scheme, host or port is
//     refused with ErrCrossOrigin unless o.AllowCrossOrigin is set.
//
// Everything else is refused with an error wrapping ErrLocation:
//
//   - an empty value, or one longer than o.MaxLength;
//   - any byte outside the characters of RFC 3986 (control bytes, CR, LF,
//     space, non-ASCII, '"', '<', '>', '\\', '^', '`', '{', '|', '}'),
//     checked before anything is parsed. A backslash is refused
//     because browsers read it as "/", so that "/\evil.com" would name the
//     host evil.com. Leading and trailing white space is refused too:
//     net/http has already trimmed it from header values;
//   - a '%' not followed by two hex digits, and a percent-encoded control
//     byte (%00 to %1F, %7F);
//   - a scheme other than http and https (javascript:, data:, file:, …), and
//     an http(s) URL without a host ("https:/x");
//   - a relative reference that is not a path from the root, such as
//     "invitations/596", "?x" or "#x": UCWA never sends one, and the UCWA
//     documentation ("relative to the host portion") and RFC 3986 disagree
//     on what it means;
//   - userinfo ("https://user@host/"), which would send credentials and can
//     hide the real host ("https://fe1.contoso.com@evil.com/");
//   - a '%' in the authority (host or userinfo), whose decoding could name
//     another host;
//   - a "." or ".." path segment, even percent-encoded ("%2e%2e"): UCWA
//     never sends one, and clients and servers disagree on what it means.
//
// A query and a fragment are kept in the URL. Parse never panics. It is
// [LocationOptions.Resolve] and the reading of the path.
func (o LocationOptions) Parse(base *url.URL, value string) (*Location, error) {
	u, lerr := o.resolve(base, value)
	if lerr != nil {
		return nil, lerr
	}
	path := u.EscapedPath()
	loc := &Location{URL: u, Path: referencePath(path)}
	loc.Application, loc.Resource, loc.ID = splitLocationPath(path)
	return loc, nil
}

// referencePath returns an escaped path as a reference that cannot be read
// as a network-path ("//host/…"): a path that begins with "//" gets "/."
// before it.
func referencePath(path string) string {
	if strings.HasPrefix(path, "//") {
		return "/." + path
	}
	return path
}

// resolve checks value and resolves it against base, as Parse documents.
func (o LocationOptions) resolve(base *url.URL, value string) (*url.URL, *LocationError) {
	if err := checkLocationBase(base); err != "" {
		return nil, &LocationError{Value: value, Err: ErrLocation, Msg: err}
	}
	limit := o.MaxLength
	if limit <= 0 {
		limit = MaxLocationLength
	}
	if value == "" {
		return nil, &LocationError{Value: value, Err: ErrLocation, Msg: "empty value"}
	}
	if len(value) > limit {
		return nil, &LocationError{Value: value, Err: ErrLocation,
			Msg: "longer than " + strconv.Itoa(limit) + " bytes"}
	}
	if msg := checkLocationBytes(value); msg != "" {
		return nil, &LocationError{Value: value, Err: ErrLocation, Msg: msg}
	}

	scheme := strings.ToLower(base.Scheme)
	var u *url.URL
	if value[0] == '/' {
		// A path on base's origin. Prefixing an authority makes a leading
		// "//" part of the path rather than an authority; the placeholder
		// is then replaced by base's, which url.URL holds decoded and
		// which therefore cannot be parsed again.
		var err error
		u, err = url.Parse("http://h" + value)
		if err != nil {
			return nil, &LocationError{Value: value, Err: ErrLocation, Msg: "invalid path: " + urlErrorText(err)}
		}
		u.Scheme, u.Host = scheme, base.Host
	} else {
		var lerr *LocationError
		if u, lerr = o.parseAbsolute(scheme, base, value); lerr != nil {
			return nil, lerr
		}
	}

	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	if msg := checkDotSegments(u.EscapedPath()); msg != "" {
		return nil, &LocationError{Value: value, Err: ErrLocation, Msg: msg}
	}
	return u, nil
}

// parseAbsolute reads value as an absolute http or https URL on the origin
// of base, whose scheme in lower case is scheme.
func (o LocationOptions) parseAbsolute(scheme string, base *url.URL, value string) (*url.URL, *LocationError) {
	refuse := func(sentinel error, msg string) (*url.URL, *LocationError) {
		return nil, &LocationError{Value: value, Err: sentinel, Msg: msg}
	}
	vs, rest, ok := consumeScheme(value)
	if !ok {
		return refuse(ErrLocation, "not a path from the root (\"/…\") nor an absolute http or https URL")
	}
	vs = strings.ToLower(vs)
	if vs != "http" && vs != "https" {
		return refuse(ErrLocation, "scheme "+strconv.Quote(vs)+" is not http or https")
	}
	if !strings.HasPrefix(rest, "//") {
		return refuse(ErrLocation, "absolute URL without a host")
	}
	authority := rest[2:]
	if i := strings.IndexAny(authority, "/?#"); i >= 0 {
		authority = authority[:i]
	}
	if strings.IndexByte(authority, '%') >= 0 {
		return refuse(ErrLocation, "percent-encoding in the authority (host)")
	}
	u, err := url.Parse(value)
	if err != nil {
		return refuse(ErrLocation, "invalid URL: "+urlErrorText(err))
	}
	if u.Hostname() == "" {
		return refuse(ErrLocation, "absolute URL without a host")
	}
	// Origin before userinfo, so that "https://fe1.contoso.com@evil.com/"
	// is reported as the other host it is.
	if !sameOrigin(scheme, base.Host, u.Scheme, u.Host) {
		if scheme == "https" && u.Scheme == "http" {
			return refuse(ErrCrossOrigin, "downgrade from https to http")
		}
		if !o.AllowCrossOrigin {
			return refuse(ErrCrossOrigin, "origin "+strconv.Quote(u.Scheme+"://"+u.Host)+
				" is not the request's "+strconv.Quote(scheme+"://"+base.Host))
		}
	} else {
		u.Scheme, u.Host = scheme, base.Host
	}
	if u.User != nil {
		return refuse(ErrLocation, "userinfo in the URL")
	}
	return u, nil
}

// checkLocationBase returns why base cannot be resolved against, or "".
func checkLocationBase(base *url.URL) string {
	if base == nil {
		return "no base URL"
	}
	s := strings.ToLower(base.Scheme)
	if s != "http" && s != "https" || base.Host == "" || base.Opaque != "" {
		return "base URL is not an absolute http or https URL"
	}
	if base.User != nil {
		return "base URL has userinfo"
	}
	for i := 0; i < len(base.Host); i++ {
		c := base.Host[i]
		if !uriChar[c] || c == '/' || c == '?' || c == '#' || c == '@' {
			return "base URL has an invalid host " + strconv.Quote(base.Host)
		}
	}
	return ""
}

// uriChar reports the bytes RFC 3986 allows in a URI-reference: unreserved,
// reserved (gen-delims and sub-delims) and '%'.
var uriChar = func() (t [256]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" +
		"-._~" + ":/?#[]@" + "!$&'()*+,;=" + "%") {
		t[c] = true
	}
	return t
}()

// checkLocationBytes returns why value holds a byte a URI cannot, or "".
func checkLocationBytes(value string) string {
	for i := 0; i < len(value); i++ {
		c := value[i]
		if uriChar[c] {
			if c == '%' {
				if i+2 >= len(value) || !isHex(value[i+1]) || !isHex(value[i+2]) {
					return "'%' not followed by two hex digits at offset " + strconv.Itoa(i)
				}
				if d := unhex(value[i+1])<<4 | unhex(value[i+2]); d < 0x20 || d == 0x7f {
					return "percent-encoded control byte at offset " + strconv.Itoa(i)
				}
				i += 2
			}
			continue
		}
		at := " at offset " + strconv.Itoa(i)
		switch {
		case c < 0x20 || c == 0x7f:
			return "control byte " + fmt.Sprintf("0x%02x", c) + at
		case c == ' ':
			return "space" + at
		case c == '\\':
			return "backslash" + at + " (browsers read it as '/')"
		case c >= 0x80:
			return "non-ASCII byte " + fmt.Sprintf("0x%02x", c) + at
		}
		return "character " + strconv.QuoteRune(rune(c)) + " not allowed in a URI" + at
	}
	return ""
}

// consumeScheme splits an RFC 3986 scheme and its ':' off value.
func consumeScheme(value string) (scheme, rest string, ok bool) {
	for i := 0; i < len(value); i++ {
		c := value[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return "", value, false
			}
		case c == ':' && i > 0:
			return value[:i], value[i+1:], true
		default:
			return "", value, false
		}
	}
	return "", value, false
}

// sameOrigin reports whether scheme://host and scheme2://host2 are one
// origin: the same scheme, the same host in any case, and the same port once
// a default port is made explicit. The schemes are in lower case.
func sameOrigin(scheme, host, scheme2, host2 string) bool {
	if scheme != scheme2 {
		return false
	}
	h, p := splitHostPort(host)
	h2, p2 := splitHostPort(host2)
	def := "80"
	if scheme == "https" {
		def = "443"
	}
	if p == "" {
		p = def
	}
	if p2 == "" {
		p2 = def
	}
	return p == p2 && strings.EqualFold(h, h2)
}

// splitHostPort splits host[:port] or [ipv6][:port], as url.URL's Hostname
// and Port do.
func splitHostPort(hostport string) (host, port string) {
	u := url.URL{Host: hostport}
	return u.Hostname(), u.Port()
}

// checkDotSegments returns why the escaped path has a "." or ".." segment,
// plain or percent-encoded, or "".
func checkDotSegments(path string) string {
	for path != "" {
		var seg string
		seg, path, _ = strings.Cut(path, "/")
		if len(seg) > 6 || seg == "" {
			continue
		}
		s := strings.ReplaceAll(strings.ToLower(seg), "%2e", ".")
		if s == "." || s == ".." {
			return "dot segment " + strconv.Quote(seg) + " in the path"
		}
	}
	return ""
}

// splitLocationPath returns the application id, the collection and the id
// of an escaped path. See Location.
func splitLocationPath(path string) (app, resource, id string) {
	seenApps, afterApps := false, false
	for path != "" {
		var seg string
		seg, path, _ = strings.Cut(path, "/")
		if seg == "" {
			continue
		}
		if afterApps {
			app, afterApps = seg, false
		} else if seg == "applications" && !seenApps {
			seenApps, afterApps = true, true
		}
		resource, id = id, seg
	}
	return app, resource, id
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func urlErrorText(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}
