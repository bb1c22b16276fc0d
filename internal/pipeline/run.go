package pipeline

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/source"
)

// Result is what became of one input.
type Result struct {
	// Seq is the input's position in the stream, from 0.
	Seq  int
	Name string
	Doc  *model.Document
	Err  error
}

// StageFunc receives how long one stage took on one document.
type StageFunc func(stage string, d time.Duration)

// ProcessTimed is Process, reporting the time spent in the reader ("read") and in each
// annotator to stage (which must be safe for concurrent use when called from Run's workers).
func (p *Pipeline) ProcessTimed(in source.Input, stage StageFunc) (doc *model.Document, err error) {
	defer func() {
		// an annotator bug must cost one article, not the batch
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("internal error while annotating (please report it): %v\n%s", r, debug.Stack())
		}
	}()
	t0 := time.Now()
	doc, err = p.Read(in)
	if stage != nil {
		stage("read", time.Since(t0))
	}
	if err != nil {
		return nil, err
	}
	for _, a := range p.annotators {
		t := time.Now()
		a.Annotate(doc)
		if stage != nil {
			stage(a.Name(), time.Since(t))
		}
	}
	return doc, nil
}

// Run processes a stream of inputs on a pool of workers and hands each result to emit in the
// order of the inputs. At most a few results per worker are held at once, so memory stays flat
// however long the stream. An input that failed to be read arrives as a Result with Err set.
// If emit returns an error, Run stops and returns it. workers <= 0 means one per CPU.
func (p *Pipeline) Run(ctx context.Context, inputs iter.Seq2[source.Input, error], workers int, stage StageFunc, emit func(Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		in  source.Input
		err error
	}
	window := make(chan struct{}, workers*4) // inputs in flight, emitted or not
	jobs := make(chan job, workers)
	results := make(chan Result, workers*4)

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := Result{Seq: j.seq, Name: j.in.Name, Err: j.err}
				if j.err == nil {
					r.Doc, r.Err = p.ProcessTimed(j.in, stage)
				}
				results <- r
			}
		}()
	}
	go func() {
		defer close(jobs)
		seq := 0
		for in, err := range inputs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{seq: seq, in: in, err: err}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := make(map[int]Result, workers*4)
	next := 0
	var emitErr error
	for r := range results {
		pending[r.Seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if emitErr == nil {
				if err := emit(r); err != nil {
					emitErr = err
					cancel()
				}
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}
