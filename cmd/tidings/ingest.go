package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/pipeline"
	"github.com/tidings-news/tidings/internal/queue"
	"github.com/tidings-news/tidings/internal/source"
	"github.com/tidings-news/tidings/internal/store"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var pf pipelineFlags
	pf.register(fs)
	dbPath := dbFlag(fs)
	poll := fs.Duration("poll", 0, "poll the feeds named again every `DURATION` (e.g. 15m) until interrupted; 0 reads them once")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from private, loopback and link-local addresses")
	timeout := fs.Duration("timeout", 30*time.Second, "time allowed for each web request")
	workers := fs.Int("workers", 0, "articles annotated at once (default: one per CPU)")
	stream := fs.String("stream", queue.DefaultStream, "the work queue's JetStream stream `NAME`, to keep several pipelines apart on one server")
	queueURL := fs.String("queue", "", "publish the articles to the NATS JetStream work queue at `URL` (nats://host:4222) for `tidings work` to annotate and store, instead of doing it here")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: tidings ingest [flags] PATH|URL|FEED...\n\n"+
			"Reads articles (files, folders, - for standard input, web pages, RSS/Atom feeds), annotates\n"+
			"them and stores them in the database. Articles already stored are left as they are.\n"+
			"With --queue, the articles are queued for tidings work processes instead.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{errors.New("name at least one article, folder, web page or feed")}
	}
	if *poll < 0 || (*poll > 0 && *poll < 10*time.Second) {
		return usageError{fmt.Errorf("--poll %v: give 0 or at least 10s", *poll)}
	}
	if pf.url != "" {
		// every article would get the same address, and all but the first would be taken
		// for copies of it
		if fi, err := os.Stat(fs.Arg(0)); fs.NArg() > 1 || (err == nil && fi.IsDir()) {
			return usageError{errors.New("--url names one article: give it with a single file")}
		}
	}
	p, err := pf.pipeline()
	if err != nil {
		return err
	}
	st, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	in := &ingester{
		log:      e,
		p:        p,
		st:       st,
		fetch:    source.NewFetcher(source.WebOptions{MaxBytes: pf.maxBytes, Timeout: *timeout, AllowPrivate: *allowPrivate}),
		fileOpts: source.Options{MaxBytes: pf.maxBytes, Stdin: e.stdin},
		progress: newProgress(e.stderr),
		workers:  *workers,
	}
	in.lookup, _ = st.(store.Lookup)
	if *queueURL != "" {
		q, err := queue.Open(ctx, *queueURL, queue.Options{Stream: *stream})
		if err != nil {
			return err
		}
		defer q.Close()
		in.q = q
	}
	var feeds []string
	for _, name := range fs.Args() {
		if ctx.Err() != nil {
			break
		}
		if !source.IsURL(name) {
			in.files(ctx, name)
			continue
		}
		if in.url(ctx, name) {
			feeds = append(feeds, name)
		}
	}
	if *poll > 0 && ctx.Err() == nil {
		if len(feeds) == 0 {
			e.log.Warn("--poll given but none of the addresses is a feed; nothing to poll")
		} else {
			in.pollLoop(ctx, feeds, *poll)
		}
	}
	in.progress.done()
	if in.q != nil {
		fmt.Fprintf(e.stderr, "ingest: %d queued, %d already present, %d failed\n", in.queued, in.present, in.failed)
	} else {
		fmt.Fprintf(e.stderr, "ingest: %d stored, %d already present, %d failed\n", in.stored, in.present, in.failed)
	}
	if ctx.Err() != nil && *poll == 0 {
		return ctx.Err()
	}
	if in.failed > 0 {
		return errFailed
	}
	return nil
}

// ingester reads, annotates and stores articles, counting what happened.
type ingester struct {
	log      *env
	p        *pipeline.Pipeline
	st       store.Store
	lookup   store.Lookup // nil when the store cannot look articles up
	fetch    *source.Fetcher
	fileOpts source.Options
	progress *progress
	workers  int
	// q, when not nil, takes the articles instead of annotating and storing them here.
	q *queue.Queue

	stored, present, failed, queued int
}

// enqueue publishes one article to the work queue; item, when not nil, is the feed entry it
// came from.
func (in *ingester) enqueue(ctx context.Context, input source.Input, item *source.FeedItem) {
	j := queue.Job{Name: input.Name, URL: input.URL, Data: input.Data}
	if item != nil {
		j.Title, j.Published = item.Title, item.Published
	}
	dup, err := in.q.Publish(ctx, j)
	if err != nil {
		in.fail(err)
		return
	}
	if dup {
		in.already(input.Name, "")
		return
	}
	in.queued++
	if !in.progress.tty {
		in.log.log.Info("queued", "input", input.Name)
	}
	in.progress.update(in, input.Name)
}

// fail reports one input that could not be stored; the others go on. err names the input.
func (in *ingester) fail(err error) {
	in.failed++
	in.progress.clear()
	fmt.Fprintf(in.log.stderr, "tidings ingest: %v\n", err)
}

// save stores one annotated document.
func (in *ingester) save(ctx context.Context, name string, doc *model.Document) {
	var r store.SaveResult
	r.ID, r.Created, r.Err = in.st.SaveArticle(ctx, doc)
	in.saved(name, doc, r)
}

// saved counts and reports what became of one document.
func (in *ingester) saved(name string, doc *model.Document, r store.SaveResult) {
	id, created, err := r.ID, r.Created, r.Err
	if err != nil {
		in.fail(err)
		return
	}
	if created {
		in.stored++
		if !in.progress.tty {
			in.log.log.Info("stored", "input", name, "id", id, "events", len(doc.Events),
				"actors", len(doc.Actors), "quotes", len(doc.Quotes))
		}
		in.progress.update(in, name)
		return
	}
	in.already(name, id)
}

// already counts an article found in the store.
func (in *ingester) already(name, id string) {
	in.present++
	if !in.progress.tty {
		in.log.log.Info("already stored", "input", name, "id", id)
	}
	in.progress.update(in, name)
}

// process reads, annotates and stores one fetched page; item, when not nil, is the feed entry
// it came from and fills in a missing title or date.
func (in *ingester) process(ctx context.Context, input source.Input, item *source.FeedItem) {
	if in.q != nil {
		in.enqueue(ctx, input, item)
		return
	}
	defer func() {
		// an annotator bug must cost one article, not the run
		if r := recover(); r != nil {
			in.fail(fmt.Errorf("%s: internal error while annotating (please report it): %v", input.Name, r))
		}
	}()
	var title, published string
	if item != nil {
		title, published = item.Title, item.Published
	}
	doc, found, err := readAndAnnotate(ctx, in.p, in.lookup, input, title, published)
	if err != nil {
		in.fail(fmt.Errorf("%s: %w", input.Name, err))
		return
	}
	if found != "" {
		in.already(input.Name, found)
		return
	}
	in.save(ctx, input.Name, doc)
}

// readAndAnnotate reads one input, fills in the title and publication time a feed entry gave
// when the page lacks them, and annotates it. When the store already holds its text, found
// is that article's id and the document is left unannotated.
func readAndAnnotate(ctx context.Context, p *pipeline.Pipeline, lookup store.Lookup, input source.Input, title, published string) (doc *model.Document, found string, err error) {
	doc, err = p.Read(input)
	if err != nil {
		return nil, "", err
	}
	if doc.Published == "" && published != "" {
		doc.Published, doc.PublishedSource = published, "feed"
	}
	if doc.Title == "" {
		doc.Title = title
	}
	if lookup != nil {
		if id, err := lookup.ArticleByText(ctx, doc.Text); err == nil {
			return doc, id, nil
		}
	}
	p.Annotate(doc)
	return doc, "", nil
}

// saveBatch is how many articles ingest saves in one transaction.
const saveBatch = 64

// files stores a file, every file of a folder, or standard input, annotating on the
// pipeline's worker pool and saving in input order.
func (in *ingester) files(ctx context.Context, name string) {
	inputs := source.Files(ctx, []string{name}, in.fileOpts)
	if in.q != nil {
		for input, err := range inputs {
			if err != nil {
				if ctx.Err() != nil {
					return
				}
				in.fail(err)
				continue
			}
			in.enqueue(ctx, input, nil)
		}
		return
	}
	batch := store.NewBatch(in.st, saveBatch, func(doc *model.Document, r store.SaveResult) {
		in.saved(doc.Source, doc, r)
	})
	defer batch.Flush(ctx)
	in.p.Run(ctx, inputs, in.workers, nil, func(r pipeline.Result) error {
		if r.Err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			var se *source.Error
			if !errors.As(r.Err, &se) {
				r.Err = fmt.Errorf("%s: %w", r.Name, r.Err)
			}
			in.fail(r.Err)
			return nil
		}
		batch.Add(ctx, r.Doc)
		return nil
	})
}

// url stores the page at u, or every entry of the feed at u; it reports whether u is a feed.
// A feed polled before is polled again with a conditional request.
func (in *ingester) url(ctx context.Context, u string) bool {
	if st, err := in.st.FeedState(ctx, u); err == nil && !st.LastPolled.IsZero() {
		in.pollFeed(ctx, u)
		return true
	}
	if id, ok := in.known(ctx, u); ok {
		in.already(u, id)
		return false
	}
	resp, err := in.fetch.Fetch(ctx, u, source.Conditional{})
	if err != nil {
		in.fail(err)
		return false
	}
	if !source.LooksLikeFeed(resp.ContentType, resp.Data) {
		in.process(ctx, resp.Input(u), nil)
		return false
	}
	poll, err := source.PollResponse(resp, u, source.Conditional{})
	in.feedPolled(ctx, u, poll, err)
	return true
}

// known returns the id of the article stored from u, if any.
func (in *ingester) known(ctx context.Context, u string) (string, bool) {
	if in.lookup == nil {
		return "", false
	}
	id, err := in.lookup.ArticleByURL(ctx, u)
	return id, err == nil
}

// pollFeed polls one feed with the validators of its last poll.
func (in *ingester) pollFeed(ctx context.Context, u string) {
	st, err := in.st.FeedState(ctx, u)
	if err != nil {
		in.fail(err)
		return
	}
	poll, err := in.fetch.PollFeed(ctx, u, source.Conditional{ETag: st.ETag, LastModified: st.LastModified})
	in.feedPolled(ctx, u, poll, err)
}

// feedPolled records a poll's outcome and stores the entries of a changed feed.
func (in *ingester) feedPolled(ctx context.Context, u string, poll source.FeedPoll, pollErr error) {
	st, err := in.st.FeedState(ctx, u)
	if err != nil {
		in.fail(err)
		return
	}
	st.LastPolled = time.Now().UTC()
	if pollErr != nil {
		st.Errors++
		st.LastError = pollErr.Error()
		in.fail(pollErr)
	} else {
		st.Errors, st.LastError = 0, ""
		st.ETag, st.LastModified = poll.ETag, poll.LastModified
	}
	if err := in.st.SaveFeedState(ctx, st); err != nil {
		in.fail(err)
	}
	if pollErr != nil {
		return
	}
	if poll.NotModified {
		in.log.log.Debug("feed not modified", "feed", u)
		return
	}
	in.log.log.Info("feed read", "feed", u, "title", poll.Feed.Title, "items", len(poll.Feed.Items))
	for i := range poll.Feed.Items {
		if ctx.Err() != nil {
			return
		}
		item := &poll.Feed.Items[i]
		if id, ok := in.known(ctx, item.Link); ok {
			in.already(item.Link, id)
			continue
		}
		resp, err := in.fetch.Fetch(ctx, item.Link, source.Conditional{})
		if err != nil {
			in.fail(err)
			continue
		}
		in.process(ctx, resp.Input(item.Link), item)
	}
}

// pollLoop polls each feed again when it is due, until ctx ends. A feed that fails waits
// longer before the next try (source.NextPoll).
func (in *ingester) pollLoop(ctx context.Context, feeds []string, every time.Duration) {
	due := make(map[string]time.Time, len(feeds))
	for _, f := range feeds {
		due[f] = time.Now().Add(every)
	}
	in.log.log.Info("polling feeds", "feeds", len(feeds), "every", every)
	for {
		next := time.Time{}
		for _, t := range due {
			if next.IsZero() || t.Before(next) {
				next = t
			}
		}
		timer := time.NewTimer(time.Until(next))
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-timer.C:
		}
		for _, f := range feeds {
			if ctx.Err() != nil {
				return
			}
			if time.Now().Before(due[f]) {
				continue
			}
			in.pollFeed(ctx, f)
			errs := 0
			if st, err := in.st.FeedState(ctx, f); err == nil {
				errs = st.Errors
			}
			due[f] = time.Now().Add(source.NextPoll(every, errs))
		}
		in.progress.done()
	}
}

// progress shows a running count on a terminal and nothing elsewhere (slog lines are used
// there instead).
type progress struct {
	w     io.Writer
	tty   bool
	last  time.Time
	shown bool
}

func newProgress(w io.Writer) *progress {
	pr := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			pr.tty = true
		}
	}
	return pr
}

func (pr *progress) update(in *ingester, name string) {
	if !pr.tty || time.Since(pr.last) < 100*time.Millisecond {
		return
	}
	if len(name) > 50 {
		name = "…" + name[len(name)-49:]
	}
	done := fmt.Sprintf("%d stored", in.stored)
	if in.q != nil {
		done = fmt.Sprintf("%d queued", in.queued)
	}
	pr.line(fmt.Sprintf("%s, %d present, %d failed  %s", done, in.present, in.failed,
		strings.ToValidUTF8(name, "?")))
}

// line replaces the progress line with s, at most ten times a second.
func (pr *progress) line(s string) {
	if !pr.tty || time.Since(pr.last) < 100*time.Millisecond {
		return
	}
	pr.last = time.Now()
	fmt.Fprint(pr.w, "\r\x1b[K"+s)
	pr.shown = true
}

// clear removes the progress line so another message can be printed.
func (pr *progress) clear() {
	if pr.tty && pr.shown {
		fmt.Fprint(pr.w, "\r\x1b[K")
		pr.shown = false
	}
}

func (pr *progress) done() { pr.clear() }
