package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// UserAgent names tidings to the sites it reads.
const UserAgent = "tidings/1 (news event extraction; +https://github.com/tidings-news/tidings)"

// MaxRedirects is how many redirects a fetch follows.
const MaxRedirects = 5

// ErrPrivateAddress is returned for an address on a private, loopback, link-local or otherwise
// non-public network, which tidings does not fetch unless told to.
var ErrPrivateAddress = errors.New("refusing to fetch a private or local network address (use --allow-private to allow it)")

// WebOptions bound what a Fetcher does.
type WebOptions struct {
	// MaxBytes is the largest body read; zero means DefaultMaxBytes.
	MaxBytes int64
	// Timeout bounds a whole request, body included; zero means 30 seconds.
	Timeout time.Duration
	// AllowPrivate lets the fetcher reach private, loopback and link-local addresses.
	AllowPrivate bool
	// UserAgent replaces the default User-Agent header.
	UserAgent string
}

// Fetcher reads articles and feeds over HTTP(S). It is safe for concurrent use.
type Fetcher struct {
	client   *http.Client
	maxBytes int64
	ua       string
}

// NewFetcher returns a fetcher that follows at most MaxRedirects redirects, only to http and
// https, and unless opts.AllowPrivate refuses every non-public address. The check is made on
// the address actually dialled, after DNS resolution, so a name that resolves (or re-resolves)
// to a private address is refused too. Proxies from the environment are not used, so the check
// always sees the real destination.
func NewFetcher(opts WebOptions) *Fetcher {
	if opts.AllowPrivate {
		return newFetcher(opts, nil)
	}
	return newFetcher(opts, IsPublicAddr)
}

// newFetcher builds a fetcher that dials only addresses allowed accepts (any, when nil).
func newFetcher(opts WebOptions, allowed func(netip.Addr) bool) *Fetcher {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if allowed != nil {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			return checkDial(address, allowed)
		}
	}
	transport := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          32,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	ua := opts.UserAgent
	if ua == "" {
		ua = UserAgent
	}
	return &Fetcher{
		client: &http.Client{
			Transport: transport,
			Timeout:   timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= MaxRedirects {
					return fmt.Errorf("more than %d redirects", MaxRedirects)
				}
				if err := checkURL(req.URL); err != nil {
					return fmt.Errorf("redirected to %s: %w", req.URL.Redacted(), err)
				}
				return nil
			},
		},
		maxBytes: Options{MaxBytes: opts.MaxBytes}.max(),
		ua:       ua,
	}
}

// checkDial runs in the dialer's Control hook: it sees the resolved address about to be dialled.
func checkDial(address string, allowed func(netip.Addr) bool) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dialing %s: %w", address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dialing %s: not an IP address: %w", address, ErrPrivateAddress)
	}
	if !allowed(ip) {
		return fmt.Errorf("%s: %w", ip, ErrPrivateAddress)
	}
	return nil
}

// IsPublicAddr reports whether ip is a public unicast address: not loopback, private (RFC 1918,
// fc00::/7), link-local (169.254/16, fe80::/10, where cloud metadata services live), carrier-
// grade NAT (100.64/10), unspecified, multicast, broadcast, documentation, benchmarking or
// reserved. IPv4 inside IPv6 (::ffff:a.b.c.d, 64:ff9b::/96) is judged by its IPv4 address.
func IsPublicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.Is6() {
		b := ip.As16()
		// NAT64 well-known prefix carries an IPv4 address in its last four bytes
		if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && allZero(b[4:12]) {
			return IsPublicAddr(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		}
	}
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() ||
		ip.IsUnspecified() {
		return false
	}
	for _, p := range nonPublicPrefixes() {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}

// nonPublicPrefixes are special-purpose ranges the netip predicates do not cover.
func nonPublicPrefixes() [12]netip.Prefix {
	return [...]netip.Prefix{
		netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
		netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
		netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
		netip.MustParsePrefix("192.0.2.0/24"),    // documentation
		netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
		netip.MustParsePrefix("198.51.100.0/24"), // documentation
		netip.MustParsePrefix("203.0.113.0/24"),  // documentation
		netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
		netip.MustParsePrefix("2001:db8::/32"),   // documentation
		netip.MustParsePrefix("fec0::/10"),       // old site-local
		netip.MustParsePrefix("100::/64"),        // discard
		netip.MustParsePrefix("2001::/23"),       // IETF protocol assignments
	}
}

// checkURL accepts absolute http and https addresses only.
func checkURL(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return fmt.Errorf("only http and https addresses are fetched, not %q", u.Scheme)
	}
	if u.Host == "" {
		return errors.New("the address has no host")
	}
	return nil
}

// IsURL reports whether name is an http or https address rather than a path.
func IsURL(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// Conditional holds the validators of an earlier response, for a conditional GET.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is one fetched resource.
type Response struct {
	// URL is the final address, after redirects.
	URL string
	// ContentType is the media type without parameters ("text/html").
	ContentType string
	// Charset is the charset parameter of Content-Type, when given.
	Charset string
	Data    []byte
	// ETag and LastModified are the validators to send next time.
	ETag         string
	LastModified string
	// NotModified is true for a 304 answer to a conditional GET; Data is then empty.
	NotModified bool
}

// Input returns the response as an article input named name.
func (r *Response) Input(name string) Input {
	return Input{Name: name, URL: r.URL, Data: r.Data}
}

// Fetch GETs rawURL. A non-2xx status (other than 304 to a conditional request), a body over
// the size limit, or a refused address is an error that names the address.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, &Error{Name: rawURL, Err: fmt.Errorf("not a valid address: %w", err)}
	}
	if err := checkURL(u); err != nil {
		return nil, &Error{Name: rawURL, Err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{Name: rawURL, Err: err}
	}
	req.Header.Set("User-Agent", f.ua)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, &Error{Name: rawURL, Err: describeNet(err)}
	}
	defer resp.Body.Close()
	out := &Response{
		URL:          resp.Request.URL.String(),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if mt, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err == nil {
		out.ContentType, out.Charset = mt, params["charset"]
	}
	switch {
	case resp.StatusCode == http.StatusNotModified && (cond.ETag != "" || cond.LastModified != ""):
		out.NotModified = true
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, &Error{Name: rawURL, Err: fmt.Errorf("the server answered %s", resp.Status)}
	}
	if resp.ContentLength > f.maxBytes {
		return nil, &Error{Name: rawURL, Err: fmt.Errorf("%w (%s bytes announced, limit %d)", ErrTooLarge,
			strconv.FormatInt(resp.ContentLength, 10), f.maxBytes)}
	}
	data, err := readLimited(resp.Body, f.maxBytes)
	if err != nil {
		return nil, &Error{Name: rawURL, Err: describeNet(err)}
	}
	out.Data = data
	return out, nil
}

// describeNet keeps the cause of a network failure and drops the noise around it.
func describeNet(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("timed out: %w", ue.Err)
		}
		return ue.Err
	}
	return err
}
