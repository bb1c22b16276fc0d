package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/nlp"
	"github.com/tidings-news/tidings/internal/source"
)

// slowOdd sleeps on odd-numbered articles so that workers finish out of order.
type slowOdd struct{}

func (slowOdd) Name() string { return "slow" }
func (slowOdd) Annotate(doc *model.Document) {
	if strings.HasSuffix(doc.Title, "1") || strings.HasSuffix(doc.Title, "3") {
		time.Sleep(2 * time.Millisecond)
	}
}

type panicky struct{}

func (panicky) Name() string { return "panicky" }
func (panicky) Annotate(doc *model.Document) {
	if strings.Contains(doc.Text, "boom") {
		panic("boom")
	}
}

func inputs(n int, bad map[int]error) iter.Seq2[source.Input, error] {
	return func(yield func(source.Input, error) bool) {
		for i := range n {
			name := fmt.Sprintf("in%d", i)
			if err := bad[i]; err != nil {
				if !yield(source.Input{Name: name}, err) {
					return
				}
				continue
			}
			text := "Body text."
			if i == 7 {
				text = "boom"
			}
			if !yield(source.Input{Name: name, Data: []byte(fmt.Sprintf("Title %d\n\n%s", i, text))}, nil) {
				return
			}
		}
	}
}

func TestRunKeepsOrderAndGoesOnAfterFailures(t *testing.T) {
	p := &Pipeline{annotators: []nlp.Annotator{slowOdd{}, panicky{}}}
	readErr := errors.New("cannot read")
	var got []string
	var stages atomic.Int64
	err := p.Run(context.Background(), inputs(200, map[int]error{3: readErr}), 4,
		func(string, time.Duration) { stages.Add(1) },
		func(r Result) error {
			switch {
			case r.Seq == 3 && !errors.Is(r.Err, readErr):
				t.Errorf("input 3: err = %v, want the read error", r.Err)
			case r.Seq == 7 && (r.Err == nil || !strings.Contains(r.Err.Error(), "internal error")):
				t.Errorf("input 7: err = %v, want the recovered panic", r.Err)
			case r.Seq != 3 && r.Seq != 7 && r.Err != nil:
				t.Errorf("input %d: %v", r.Seq, r.Err)
			}
			got = append(got, r.Name)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 200 {
		t.Fatalf("emitted %d results, want 200", len(got))
	}
	for i, name := range got {
		if name != fmt.Sprintf("in%d", i) {
			t.Fatalf("result %d is %s: order not kept", i, name)
		}
	}
	if stages.Load() == 0 {
		t.Error("stage timings were never reported")
	}
}

func TestRunStopsWhenEmitFails(t *testing.T) {
	p := &Pipeline{}
	stop := errors.New("disk full")
	n := 0
	err := p.Run(context.Background(), inputs(10000, nil), 2, nil, func(Result) error {
		n++
		if n == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("err = %v, want the emit error", err)
	}
	if n != 5 {
		t.Errorf("emit called %d times after failing, want 5", n)
	}
}
