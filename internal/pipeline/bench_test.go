package pipeline

import (
	"context"
	"iter"
	"slices"
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/bench/samples"
	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/reader"
	"github.com/tidings-news/tidings/internal/source"
)

var benchNow = time.Date(2026, 1, 17, 6, 0, 0, 0, time.UTC)

func benchPipeline(b *testing.B) *Pipeline {
	b.Helper()
	p, err := New(Config{Reader: reader.Options{Now: benchNow, NowHasZone: true}})
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func totalBytes(ss []samples.Sample) int64 {
	var n int64
	for _, s := range ss {
		n += int64(len(s.Data))
	}
	return n
}

// BenchmarkProcess reads and annotates each sample article once per iteration: the whole
// extraction of one article, from bytes to events.
func BenchmarkProcess(b *testing.B) {
	p := benchPipeline(b)
	for _, set := range []struct {
		name string
		docs []samples.Sample
	}{{"text", samples.Texts()}, {"html", samples.Pages()}} {
		b.Run(set.name, func(b *testing.B) {
			if len(set.docs) == 0 {
				b.Fatal("no sample articles")
			}
			b.ReportAllocs()
			b.SetBytes(totalBytes(set.docs) / int64(len(set.docs)))
			i := 0
			for b.Loop() {
				s := set.docs[i%len(set.docs)]
				i++
				if _, err := p.Process(source.Input{Name: s.Name, Data: s.Data}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRun drives the worker pool over the sample texts, as extract and ingest do.
func BenchmarkRun(b *testing.B) {
	p := benchPipeline(b)
	docs := samples.Texts()
	b.ReportAllocs()
	b.SetBytes(totalBytes(docs))
	for b.Loop() {
		inputs := iter.Seq2[source.Input, error](func(yield func(source.Input, error) bool) {
			for _, s := range docs {
				if !yield(source.Input{Name: s.Name, Data: s.Data}, nil) {
					return
				}
			}
		})
		n := 0
		err := p.Run(context.Background(), inputs, 0, nil, func(r Result) error {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			n++
			return nil
		})
		if err != nil || n != len(docs) {
			b.Fatalf("%d of %d articles, error %v", n, len(docs), err)
		}
	}
}

// BenchmarkStage times each annotator alone on the sample texts, given the work of the stages
// before it. Each iteration starts from a copy of the document as those stages left it.
func BenchmarkStage(b *testing.B) {
	p := benchPipeline(b)
	docs := samples.Texts()
	anns := p.Annotators()
	for i, a := range anns {
		bases := make([]*model.Document, len(docs))
		for j, s := range docs {
			doc, err := p.Read(source.Input{Name: s.Name, Data: s.Data})
			if err != nil {
				b.Fatal(err)
			}
			for _, prev := range anns[:i] {
				prev.Annotate(doc)
			}
			bases[j] = doc
		}
		b.Run(a.Name(), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(totalBytes(docs) / int64(len(docs)))
			k := 0
			for b.Loop() {
				doc := fresh(bases[k%len(bases)])
				k++
				a.Annotate(doc)
			}
		})
	}
}

// fresh copies doc so an annotator may append to and change its lists without touching doc.
func fresh(doc *model.Document) *model.Document {
	d := *doc
	d.Sentences = slices.Clone(doc.Sentences)
	d.Tokens = slices.Clone(doc.Tokens)
	d.Times = slices.Clone(doc.Times)
	d.Actors = slices.Clone(doc.Actors)
	d.Quotes = slices.Clone(doc.Quotes)
	d.Reported = slices.Clone(doc.Reported)
	d.Events = slices.Clone(doc.Events)
	return &d
}

// BenchmarkProcessTagged is BenchmarkProcess/text with the syntax stage tagging (Config.Tags),
// as extract --tokens runs it.
func BenchmarkProcessTagged(b *testing.B) {
	p, err := New(Config{Reader: reader.Options{Now: benchNow, NowHasZone: true}, Tags: true})
	if err != nil {
		b.Fatal(err)
	}
	docs := samples.Texts()
	b.ReportAllocs()
	b.SetBytes(totalBytes(docs) / int64(len(docs)))
	i := 0
	for b.Loop() {
		s := docs[i%len(docs)]
		i++
		if _, err := p.Process(source.Input{Name: s.Name, Data: s.Data}); err != nil {
			b.Fatal(err)
		}
	}
}
