package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// MaxFeedItems bounds how many items of one feed are read.
const MaxFeedItems = 1000

// ErrNotFeed is returned when a document is not an RSS, Atom or JSON feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// Feed is a parsed news feed.
type Feed struct {
	Title string
	Items []FeedItem
}

// FeedItem is one entry of a feed: an article to fetch.
type FeedItem struct {
	// Link is the article's absolute address.
	Link  string
	Title string
	// Published is the entry's date as ISO 8601 with the feed's zone, empty when absent.
	Published string
	GUID      string
}

// LooksLikeFeed reports whether a response is a feed rather than a page: by its media type, or
// for generic XML and unlabelled content, by the document's root element.
func LooksLikeFeed(contentType string, data []byte) bool {
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "rss"), strings.Contains(ct, "atom"), ct == "application/feed+json":
		return true
	case strings.Contains(ct, "html"):
		return false
	}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	return gofeed.DetectFeedType(bytes.NewReader(head)) != gofeed.FeedTypeUnknown
}

// ParseFeed reads an RSS, Atom or JSON feed. Relative item links are resolved against base
// (the feed's address); items with no http(s) link are dropped; at most MaxFeedItems are kept.
func ParseFeed(data []byte, base string) (feed *Feed, err error) {
	// the feed parser is outside code reading outside input: a bug in it must not end the run
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("%w: the feed parser failed: %v", ErrNotFeed, r)
		}
	}()
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, ErrNotFeed
		}
		return nil, fmt.Errorf("reading the feed: %w", err)
	}
	baseURL, _ := url.Parse(base)
	if parsed.Link != "" && baseURL == nil {
		baseURL, _ = url.Parse(parsed.Link)
	}
	feed = &Feed{Title: strings.TrimSpace(parsed.Title)}
	seen := make(map[string]bool)
	for _, it := range parsed.Items {
		if it == nil {
			continue
		}
		if len(feed.Items) == MaxFeedItems {
			break
		}
		link := itemLink(it, baseURL)
		if link == "" || seen[link] {
			continue
		}
		seen[link] = true
		fi := FeedItem{Link: link, Title: strings.TrimSpace(it.Title), GUID: it.GUID}
		if t := it.PublishedParsed; t != nil && !t.IsZero() {
			fi.Published = t.Format("2006-01-02T15:04Z07:00")
		} else if t := it.UpdatedParsed; t != nil && !t.IsZero() {
			fi.Published = t.Format("2006-01-02T15:04Z07:00")
		}
		feed.Items = append(feed.Items, fi)
	}
	return feed, nil
}

// itemLink returns the absolute http(s) address of an item: its link, else a GUID that is one.
func itemLink(it *gofeed.Item, base *url.URL) string {
	candidates := append([]string{it.Link}, it.Links...)
	if it.GUID != "" {
		candidates = append(candidates, it.GUID)
	}
	for _, c := range candidates {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if checkURL(u) == nil {
			u.Fragment = ""
			return u.String()
		}
	}
	return ""
}

// FeedPoll is the outcome of one poll of a feed.
type FeedPoll struct {
	// Feed is nil when NotModified.
	Feed        *Feed
	NotModified bool
	// Validators to send on the next poll.
	Conditional
	// URL is the feed's final address after redirects.
	URL string
}

// PollFeed fetches the feed at rawURL with a conditional GET (cond holds the validators of the
// last poll) and parses it. A 304 gives NotModified and the old validators.
func (f *Fetcher) PollFeed(ctx context.Context, rawURL string, cond Conditional) (FeedPoll, error) {
	resp, err := f.Fetch(ctx, rawURL, cond)
	if err != nil {
		return FeedPoll{}, err
	}
	return PollResponse(resp, rawURL, cond)
}

// PollResponse turns a fetched response into a poll result, for a caller that fetched the
// address before knowing it was a feed.
func PollResponse(resp *Response, rawURL string, cond Conditional) (FeedPoll, error) {
	p := FeedPoll{URL: resp.URL, Conditional: Conditional{ETag: resp.ETag, LastModified: resp.LastModified}}
	if resp.NotModified {
		p.NotModified = true
		if p.ETag == "" {
			p.ETag = cond.ETag
		}
		if p.LastModified == "" {
			p.LastModified = cond.LastModified
		}
		return p, nil
	}
	feed, err := ParseFeed(resp.Data, resp.URL)
	if err != nil {
		return FeedPoll{}, &Error{Name: rawURL, Err: err}
	}
	p.Feed = feed
	return p, nil
}

// NextPoll says how long to wait before polling a feed again when it is polled every interval
// and its last failures polls in a row failed: the interval doubles with each failure, up to a
// day (or the interval, if that is longer).
func NextPoll(interval time.Duration, failures int) time.Duration {
	d := interval
	for i := 0; i < failures && d < 24*time.Hour; i++ {
		d *= 2
	}
	return min(d, max(interval, 24*time.Hour))
}
