// Package queue is a work queue of articles on NATS JetStream, for when one machine is not
// enough: `tidings ingest --queue` reads articles and publishes them, and any number of
// `tidings work` processes on any machines take them one at a time, annotate them and save
// them to a shared store. Each article is delivered to one worker; one that is not
// acknowledged (the worker died, the store was down) is delivered again.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Job is one article to annotate and store: what was read, before any annotation.
type Job struct {
	// Name is the file name or address it was read from.
	Name string `json:"name"`
	// URL is the page's address, when known.
	URL string `json:"url,omitempty"`
	// Data is the article as read: text or HTML.
	Data []byte `json:"data"`
	// Title and Published come from a feed entry, for a page that lacks them.
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
}

// Options name the stream and tune delivery. Zero values take the defaults.
type Options struct {
	// Stream is the JetStream stream's name (default DefaultStream; letters, digits, - and _);
	// Subject the subject jobs are published on (default "tidings.articles", followed by
	// "." and the stream's name for another stream); Consumer the durable consumer the
	// workers share (default "tidings-workers").
	Stream, Subject, Consumer string
	// AckWait is how long a worker has to finish a job before it is delivered again (default
	// 2 minutes); MaxDeliver how many times a job is tried (default 5).
	AckWait    time.Duration
	MaxDeliver int
}

func (o *Options) defaults() {
	if o.Stream == "" {
		o.Stream = DefaultStream
	}
	if o.Subject == "" {
		o.Subject = "tidings.articles"
		if o.Stream != DefaultStream {
			o.Subject += "." + o.Stream
		}
	}
	if o.Consumer == "" {
		o.Consumer = "tidings-workers"
	}
	if o.AckWait <= 0 {
		o.AckWait = 2 * time.Minute
	}
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = 5
	}
}

// DefaultStream is the stream used unless another is named.
const DefaultStream = "TIDINGS"

// Queue is a connection to the work queue.
type Queue struct {
	opts   Options
	nc     *nats.Conn
	js     jetstream.JetStream
	stream jetstream.Stream
}

// Open connects to the NATS server at url (nats://host:4222) and makes sure the stream
// exists: a work queue kept on disk, which forgets a job once a worker acknowledges it.
func Open(ctx context.Context, url string, opts Options) (*Queue, error) {
	opts.defaults()
	nc, err := nats.Connect(url, nats.Name("tidings"), nats.Timeout(10*time.Second))
	if err != nil {
		return nil, fmt.Errorf("connecting to the NATS server at %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("opening JetStream at %s: %w", url, err)
	}
	stream, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:       opts.Stream,
		Subjects:   []string{opts.Subject},
		Retention:  jetstream.WorkQueuePolicy,
		Storage:    jetstream.FileStorage,
		Duplicates: 10 * time.Minute,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("creating the work queue stream %s (is JetStream enabled on the server?): %w", opts.Stream, err)
	}
	return &Queue{opts: opts, nc: nc, js: js, stream: stream}, nil
}

// Close closes the connection.
func (q *Queue) Close() {
	q.nc.Close()
}

// ErrTooLarge is returned for a job larger than the server takes in one message.
var ErrTooLarge = errors.New("article too large for one queue message")

// Publish adds a job. The same article published twice within ten minutes is queued once;
// dup reports a job dropped as such a copy.
func (q *Queue) Publish(ctx context.Context, j Job) (dup bool, err error) {
	data, err := json.Marshal(j)
	if err != nil {
		return false, fmt.Errorf("%s: encoding the job: %w", j.Name, err)
	}
	if max := q.nc.MaxPayload(); int64(len(data)) > max {
		return false, fmt.Errorf("%s: %w (%d bytes; the server takes %d)", j.Name, ErrTooLarge, len(data), max)
	}
	sum := sha256.Sum256(j.Data)
	ack, err := q.js.Publish(ctx, q.opts.Subject, data, jetstream.WithMsgID(hex.EncodeToString(sum[:16])))
	if err != nil {
		return false, fmt.Errorf("%s: queueing: %w", j.Name, err)
	}
	return ack.Duplicate, nil
}

// Pending is the number of jobs in the queue not yet acknowledged.
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	info, err := q.stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("reading the work queue's state: %w", err)
	}
	return info.State.Msgs, nil
}

// Permanent marks a job's error as one that trying again will not cure (the input is not
// an article): the job is dropped instead of delivered again.
func Permanent(err error) error { return permanentError{err} }

type permanentError struct{ err error }

func (p permanentError) Error() string { return p.err.Error() }
func (p permanentError) Unwrap() error { return p.err }

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p permanentError
	return errors.As(err, &p)
}

// WorkOptions say how a worker takes jobs.
type WorkOptions struct {
	// Workers is how many jobs are handled at once (default 1).
	Workers int
	// Drain makes Work return once the queue has been empty for Idle (default 2 s), instead
	// of waiting for more jobs until ctx ends.
	Drain bool
	Idle  time.Duration
}

// Work takes jobs and calls handle for each, on opts.Workers goroutines, until ctx ends (or,
// with Drain, the queue is empty). A job whose handler returns nil is acknowledged; one whose
// error is Permanent, or which fails its last delivery, is dropped; any other is delivered
// again after a pause. A job that cannot be decoded is dropped. failed is called, when not
// nil, for each job that failed on its last try or permanently.
func (q *Queue) Work(ctx context.Context, opts WorkOptions, handle func(context.Context, Job) error, failed func(Job, error)) error {
	if opts.Workers <= 0 {
		opts.Workers = 1
	}
	if opts.Idle <= 0 {
		opts.Idle = 2 * time.Second
	}
	cons, err := q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       q.opts.Consumer,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opts.AckWait,
		MaxDeliver:    q.opts.MaxDeliver,
		FilterSubject: q.opts.Subject,
	})
	if err != nil {
		return fmt.Errorf("joining the work queue's consumer %s: %w", q.opts.Consumer, err)
	}
	msgs := make(chan jetstream.Msg)
	done := make(chan struct{})
	for range opts.Workers {
		go func() {
			defer func() { done <- struct{}{} }()
			for m := range msgs {
				q.handle(ctx, m, handle, failed)
			}
		}()
	}
	var fetchErr error
	for ctx.Err() == nil {
		batch, err := cons.Fetch(opts.Workers, jetstream.FetchMaxWait(opts.Idle))
		if err != nil {
			fetchErr = fmt.Errorf("taking jobs from the work queue: %w", err)
			break
		}
		n := 0
		for m := range batch.Messages() {
			n++
			msgs <- m
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && ctx.Err() == nil {
			fetchErr = fmt.Errorf("taking jobs from the work queue: %w", err)
			break
		}
		if n == 0 && opts.Drain {
			if pending, err := q.Pending(ctx); err == nil && pending == 0 {
				break
			}
		}
	}
	close(msgs)
	for range opts.Workers {
		<-done
	}
	return fetchErr
}

// handle runs one job and acknowledges it as its outcome says.
func (q *Queue) handle(ctx context.Context, m jetstream.Msg, handle func(context.Context, Job) error, failed func(Job, error)) {
	var j Job
	if err := json.Unmarshal(m.Data(), &j); err != nil {
		_ = m.Term()
		if failed != nil {
			failed(Job{Name: "(undecodable job)"}, fmt.Errorf("decoding a job: %w", err))
		}
		return
	}
	err := handle(ctx, j)
	if err == nil {
		_ = m.Ack()
		return
	}
	last := false
	if md, mdErr := m.Metadata(); mdErr == nil && md.NumDelivered >= uint64(q.opts.MaxDeliver) {
		last = true
	}
	if IsPermanent(err) || last {
		_ = m.Term()
		if failed != nil {
			failed(j, err)
		}
		return
	}
	_ = m.NakWithDelay(2 * time.Second)
}
