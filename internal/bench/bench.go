// Package bench measures throughput: it streams a corpus through the reader and every
// annotator on a pool of workers, optionally saves each article into a store, and reports
// articles and megabytes per second, CPU time, allocations and peak memory, overall and per
// stage.
package bench

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp"
	"github.com/tidings-news/tidings/internal/pipeline"
	"github.com/tidings-news/tidings/internal/reader"
	"github.com/tidings-news/tidings/internal/store"
)

// Stage names besides the annotators'.
const (
	StageRead  = "read"
	StageStore = "store"
)

// MaxWorkers bounds Options.Workers: each worker holds an OS thread.
const MaxWorkers = 256

// Options say how a corpus is measured.
type Options struct {
	CorpusOptions
	// Workers is how many articles are annotated at once; 0 means one per CPU, and at most
	// MaxWorkers are used.
	Workers int
	// Reader holds the options every article is read with (format, now). A JSON lines
	// record's published time and URL are used for that record.
	Reader reader.Options
	// Store, when set, receives every annotated article, one at a time as an ingest does, and
	// the time it takes is the "store" stage. From the second round on, each article's text
	// gets a short unique ending so that the store does not take it for a copy.
	Store store.Store
}

// Stage is the cost of one stage.
type Stage struct {
	// Seconds is the wall-clock time spent in the stage, summed over workers.
	Seconds float64 `json:"seconds"`
	// CPUSeconds is the CPU time the stage's threads used, summed over workers (0 where the
	// system does not tell). Unlike Seconds it does not grow when other programs share the
	// machine.
	CPUSeconds float64 `json:"cpu_seconds"`
	// Share is the stage's part of the time of every stage: CPU time when known, else
	// wall-clock time.
	Share float64 `json:"share"`
	// ArticlesPerSecond is the stage's rate on one core: articles over CPUSeconds when known,
	// else over Seconds.
	ArticlesPerSecond float64 `json:"articles_per_second"`
	// MallocsPerArticle and BytesPerArticle are the heap allocations the stage made, counted
	// only in a run with one worker and no store (0 otherwise).
	MallocsPerArticle float64 `json:"mallocs_per_article,omitempty"`
	BytesPerArticle   float64 `json:"alloc_bytes_per_article,omitempty"`
}

// Report is what a run measured.
type Report struct {
	Articles int `json:"articles"`
	// Failed counts inputs that could not be read or saved; they are not in Articles.
	Failed  int   `json:"failed"`
	Bytes   int64 `json:"bytes"`
	Workers int   `json:"workers"`
	// Seconds is wall-clock time; CPUSeconds user plus system time of the process.
	Seconds    float64 `json:"seconds"`
	CPUSeconds float64 `json:"cpu_seconds"`

	ArticlesPerSecond float64 `json:"articles_per_second"`
	MBPerSecond       float64 `json:"mb_per_second"`
	// ArticlesPerCPUSecond is the rate per core: articles over CPU seconds.
	ArticlesPerCPUSecond float64 `json:"articles_per_cpu_second"`

	// PeakRSSMB is the process's peak resident memory (VmHWM), 0 where unknown.
	PeakRSSMB float64 `json:"peak_rss_mb"`
	// PeakHeapMB is the largest live Go heap seen, sampled during the run.
	PeakHeapMB float64 `json:"peak_heap_mb"`

	Mallocs           uint64  `json:"mallocs"`
	AllocBytes        uint64  `json:"alloc_bytes"`
	MallocsPerArticle float64 `json:"mallocs_per_article"`
	BytesPerArticle   float64 `json:"alloc_bytes_per_article"`

	Stages map[string]Stage `json:"stages"`
	// Order lists the stage names in the order they run.
	Order []string `json:"stage_order"`
	// FirstError is the first failure, for the report; empty when none failed.
	FirstError string `json:"first_error,omitempty"`
}

// job is one article for a worker.
type job struct {
	a   Article
	err error
}

// done is one worker's result.
type done struct {
	doc   *model.Document
	round int
	size  int
	err   error
}

// Run measures p over the corpus the names stand for.
func Run(ctx context.Context, p *pipeline.Pipeline, names []string, opts Options) (*Report, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// each worker holds an OS thread of its own
	workers = min(workers, MaxWorkers)
	annotators := p.Annotators()
	order := []string{StageRead}
	for _, a := range annotators {
		order = append(order, a.Name())
	}
	storeAt := len(order)
	order = append(order, StageStore)

	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	heap := startHeapSampler()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	start := time.Now()

	jobs := make(chan job, workers*2)
	results := make(chan done, workers*2)
	// allocations are counted per stage only when the process does one thing at a time
	perStageAllocs := workers == 1 && opts.Store == nil
	spent := make([]*timing, workers) // per worker: no sharing while running
	var wg sync.WaitGroup
	for w := range workers {
		spent[w] = newTiming(len(order), perStageAllocs)
		wg.Add(1)
		go func(acc *timing) {
			defer wg.Done()
			// one thread per worker, so that thread CPU time is the worker's own
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			for j := range jobs {
				d := done{round: j.a.Round, size: len(j.a.Data), err: j.err}
				if d.err == nil {
					d.doc, d.err = process(annotators, j.a, opts.Reader, acc)
				}
				select {
				case results <- d:
				case <-ctx.Done():
					return
				}
			}
		}(spent[w])
	}
	go func() {
		defer close(jobs)
		for a, err := range Corpus(ctx, names, opts.CorpusOptions) {
			select {
			case jobs <- job{a: a, err: err}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	// saveBatch is how many articles go into one store transaction, as tidings ingest saves them.
	const saveBatch = 64
	rep := &Report{Workers: workers, Order: order, Stages: make(map[string]Stage, len(order))}
	storeTime := newTiming(len(order), false)
	if opts.Store != nil {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
	}
	count := func(size int, err error) {
		if err != nil {
			rep.Failed++
			if rep.FirstError == "" {
				rep.FirstError = err.Error()
			}
			return
		}
		rep.Articles++
		rep.Bytes += int64(size)
	}
	// sizes of the articles waiting in the batch, in the order they were added
	var waiting []int
	var batch *store.Batch
	if opts.Store != nil {
		batch = store.NewBatch(opts.Store, saveBatch, func(doc *model.Document, r store.SaveResult) {
			size := waiting[0]
			waiting = waiting[1:]
			if r.Err != nil {
				r.Err = fmt.Errorf("saving %s: %w", doc.Source, r.Err)
			}
			count(size, r.Err)
		})
	}
	for d := range results {
		if d.err != nil || batch == nil {
			count(d.size, d.err)
			continue
		}
		if d.round > 0 {
			uniquify(d.doc, d.round)
		}
		waiting = append(waiting, d.size)
		t := storeTime.start()
		batch.Add(ctx, d.doc)
		storeTime.stop(storeAt, t)
	}
	if batch != nil {
		t := storeTime.start()
		batch.Flush(ctx)
		storeTime.stop(storeAt, t)
	}
	elapsed := time.Since(start)
	cpu := cpuTime() - cpu0
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	peakHeap := heap.stop()
	if err := parent.Err(); err != nil {
		return nil, fmt.Errorf("the run was stopped: %w", err)
	}

	rep.Seconds = elapsed.Seconds()
	rep.CPUSeconds = cpu.Seconds()
	rep.ArticlesPerSecond = rate(float64(rep.Articles), rep.Seconds)
	rep.MBPerSecond = rate(float64(rep.Bytes)/1e6, rep.Seconds)
	rep.ArticlesPerCPUSecond = rate(float64(rep.Articles), rep.CPUSeconds)
	rep.PeakRSSMB = peakRSSMB()
	rep.PeakHeapMB = float64(max(peakHeap, after.HeapAlloc)) / (1 << 20)
	rep.Mallocs = after.Mallocs - before.Mallocs
	rep.AllocBytes = after.TotalAlloc - before.TotalAlloc
	rep.MallocsPerArticle = rate(float64(rep.Mallocs), float64(rep.Articles))
	rep.BytesPerArticle = rate(float64(rep.AllocBytes), float64(rep.Articles))

	total := newTiming(len(order), false)
	for _, acc := range append(spent, storeTime) {
		total.add(acc)
	}
	var sumWall, sumCPU time.Duration
	for i := range order {
		sumWall += total.wall[i]
		sumCPU += total.cpu[i]
	}
	for i, name := range order {
		if i == storeAt && opts.Store == nil {
			continue
		}
		st := Stage{Seconds: total.wall[i].Seconds(), CPUSeconds: total.cpu[i].Seconds()}
		if perStageAllocs {
			st.MallocsPerArticle = rate(float64(total.allocs[i]), float64(rep.Articles))
			st.BytesPerArticle = rate(float64(total.bytes[i]), float64(rep.Articles))
		}
		if sumCPU > 0 {
			st.Share = rate(st.CPUSeconds, sumCPU.Seconds())
			st.ArticlesPerSecond = rate(float64(rep.Articles), st.CPUSeconds)
		} else {
			st.Share = rate(st.Seconds, sumWall.Seconds())
			st.ArticlesPerSecond = rate(float64(rep.Articles), st.Seconds)
		}
		rep.Stages[name] = st
	}
	if opts.Store == nil {
		rep.Order = order[:storeAt]
	}
	return rep, nil
}

// process reads and annotates one article, adding each stage's time to acc.
func process(annotators []nlp.Annotator, a Article, ropts reader.Options, acc *timing) (doc *model.Document, err error) {
	defer func() {
		// an annotator bug must cost one article, not the run
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%s: internal error while annotating: %v\n%s", a.Name, r, debug.Stack())
		}
	}()
	t := acc.start()
	if a.URL != "" && ropts.URL == "" {
		ropts.URL = a.URL
	}
	if a.Published != "" && ropts.Published == "" {
		if _, _, perr := model.ParseTime(a.Published); perr == nil {
			ropts.Published = a.Published
		}
	}
	doc, err = reader.Read(a.Data, ropts)
	t = acc.stop(0, t)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Name, err)
	}
	doc.Source = a.Name
	for i, an := range annotators {
		an.Annotate(doc)
		t = acc.stop(i+1, t)
	}
	return doc, nil
}

// timing sums the wall-clock and thread CPU time of each stage for one goroutine, locked to
// its thread, and with allocs set, the heap allocations made meanwhile (the whole process's, so
// they are the stage's own only when one goroutine works at a time).
type timing struct {
	wall, cpu     []time.Duration
	bytes, allocs []uint64
	sample        []metrics.Sample // nil when allocations are not counted
}

// mark is a moment on both clocks and the allocation counters.
type mark struct {
	wall          time.Time
	cpu           time.Duration
	bytes, allocs uint64
}

func newTiming(stages int, allocs bool) *timing {
	t := &timing{wall: make([]time.Duration, stages), cpu: make([]time.Duration, stages),
		bytes: make([]uint64, stages), allocs: make([]uint64, stages)}
	if allocs {
		t.sample = []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}, {Name: "/gc/heap/allocs:objects"}}
	}
	return t
}

func (t *timing) start() mark {
	m := mark{wall: time.Now(), cpu: threadCPU()}
	if t.sample != nil {
		metrics.Read(t.sample)
		if t.sample[0].Value.Kind() == metrics.KindUint64 && t.sample[1].Value.Kind() == metrics.KindUint64 {
			m.bytes, m.allocs = t.sample[0].Value.Uint64(), t.sample[1].Value.Uint64()
		}
	}
	return m
}

// stop adds the time since m to stage i and returns the new moment, the start of the next stage.
func (t *timing) stop(i int, m mark) mark {
	now := t.start()
	t.wall[i] += now.wall.Sub(m.wall)
	t.cpu[i] += now.cpu - m.cpu
	if now.bytes >= m.bytes && now.allocs >= m.allocs {
		t.bytes[i] += now.bytes - m.bytes
		t.allocs[i] += now.allocs - m.allocs
	}
	return now
}

func (t *timing) add(o *timing) {
	for i := range t.wall {
		t.wall[i] += o.wall[i]
		t.cpu[i] += o.cpu[i]
		t.bytes[i] += o.bytes[i]
		t.allocs[i] += o.allocs[i]
	}
}

// uniquify makes a repeated article's text its own, so a store does not take it for a copy of
// the first round's. The ending goes after the text, so no span moves.
func uniquify(doc *model.Document, round int) {
	doc.Text += "\n\n(Copy " + strconv.Itoa(round) + ".)"
	if u, err := url.Parse(doc.URL); err == nil && doc.URL != "" {
		q := u.Query()
		q.Set("copy", strconv.Itoa(round))
		u.RawQuery = q.Encode()
		doc.URL = u.String()
	} else {
		doc.URL = ""
	}
	doc.Source += " (copy " + strconv.Itoa(round) + ")"
}

func rate(n, d float64) float64 {
	if d <= 0 {
		return 0
	}
	return n / d
}

// heapSampler records the largest live heap seen while it runs.
type heapSampler struct {
	stopc chan struct{}
	done  chan uint64
}

const heapMetric = "/memory/classes/heap/objects:bytes"

func startHeapSampler() *heapSampler {
	h := &heapSampler{stopc: make(chan struct{}), done: make(chan uint64, 1)}
	go func() {
		sample := []metrics.Sample{{Name: heapMetric}}
		var peak uint64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				peak = max(peak, sample[0].Value.Uint64())
			}
			select {
			case <-tick.C:
			case <-h.stopc:
				h.done <- peak
				return
			}
		}
	}()
	return h
}

func (h *heapSampler) stop() uint64 {
	close(h.stopc)
	return <-h.done
}

// WriteText prints the report for a person.
func (r *Report) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("articles      %d (%d failed), %.1f MB, %d workers\n", r.Articles, r.Failed, float64(r.Bytes)/1e6, r.Workers)
	ew.printf("wall          %.2f s: %.0f articles/s, %.2f MB/s\n", r.Seconds, r.ArticlesPerSecond, r.MBPerSecond)
	ew.printf("cpu           %.2f s: %.0f articles per CPU second (per core)\n", r.CPUSeconds, r.ArticlesPerCPUSecond)
	ew.printf("allocations   %.0f mallocs, %.0f KB per article\n", r.MallocsPerArticle, r.BytesPerArticle/1024)
	ew.printf("peak memory   %.0f MB resident, %.0f MB Go heap\n", r.PeakRSSMB, r.PeakHeapMB)
	ew.printf("\n%-10s %9s %9s %7s %15s %9s %9s\n", "stage", "seconds", "cpu s", "share", "articles/s/core", "mallocs", "KB")
	names := r.Order
	if len(names) == 0 {
		for n := range r.Stages {
			names = append(names, n)
		}
		sort.Strings(names)
	}
	for _, n := range names {
		s := r.Stages[n]
		ew.printf("%-10s %9.2f %9.2f %6.1f%% %15.0f", n, s.Seconds, s.CPUSeconds, 100*s.Share, s.ArticlesPerSecond)
		if s.MallocsPerArticle > 0 {
			ew.printf(" %9.0f %9.1f", s.MallocsPerArticle, s.BytesPerArticle/1024)
		}
		ew.printf("\n")
	}
	if r.FirstError != "" {
		ew.printf("\nfirst failure: %s\n", r.FirstError)
	}
	return ew.err
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
