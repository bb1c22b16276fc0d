package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// The embedded model, written by cmd/train-ner from the GUM corpus (CC BY-NC-SA 4.0 for some of
// its texts, see docs/ner.md); it holds feature weights only, no text of the corpus.
//
//go:embed model.bin.gz
var modelFS embed.FS

// ModelFile is the embedded model's name in this package's folder.
const ModelFile = "model.bin.gz"

const modelMagic = "tidings-ner 1\n"

// maxModelRows bounds the rows a model file may declare.
const maxModelRows = 1 << 24

// LoadFinder returns a Finder with the embedded model and no gazetteers.
func LoadFinder() (*Finder, error) { return LoadFinderWith(nil) }

// LoadFinderWith returns a Finder with the embedded model reading the word classes of lex
// (nil for none). The model is trained with a Lexicon; without one it finds fewer names.
func LoadFinderWith(lex Lexicon) (*Finder, error) {
	fh, err := modelFS.Open(ModelFile)
	if err != nil {
		return nil, fmt.Errorf("opening the embedded name model: %w", err)
	}
	defer fh.Close()
	f, err := ReadFinder(fh)
	if err != nil {
		return nil, err
	}
	f.lex = lex
	return f, nil
}

// WithLexicon returns a copy of f that reads the word classes of lex (nil for none).
func (f *Finder) WithLexicon(lex Lexicon) *Finder {
	return &Finder{index: f.index, weights: f.weights, trans: f.trans, scale: f.scale, lex: lex}
}

// ReadFinder reads a model written by WriteTo.
func ReadFinder(r io.Reader) (*Finder, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading the name model: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("reading the name model: not a tidings name model")
	}
	var head struct {
		Tags  uint32
		Scale float32
		Step  float32
		Rows  uint32
	}
	if err := binary.Read(br, binary.LittleEndian, &head); err != nil {
		return nil, fmt.Errorf("reading the name model's header: %w", err)
	}
	if head.Tags != uint32(numTags) || head.Rows > maxModelRows {
		return nil, fmt.Errorf("reading the name model: %d tags and %d rows, want %d tags", head.Tags, head.Rows, numTags)
	}
	f := &Finder{
		trans:   make([]float32, (numTags+1)*numTags),
		scale:   float64(head.Scale),
		index:   make(map[uint32]int32, head.Rows),
		weights: make([]float32, int(head.Rows)*numTags),
	}
	if err := binary.Read(br, binary.LittleEndian, f.trans); err != nil {
		return nil, fmt.Errorf("reading the name model's transitions: %w", err)
	}
	step := head.Step
	var key uint32
	for row := range int(head.Rows) {
		d, err := binary.ReadUvarint(br)
		if err != nil || d > math.MaxUint32 {
			return nil, fmt.Errorf("reading the name model's row %d: %w", row, errOr(err))
		}
		key += uint32(d)
		var mask uint16
		if err := binary.Read(br, binary.LittleEndian, &mask); err != nil {
			return nil, fmt.Errorf("reading the name model's row %d: %w", row, err)
		}
		w := f.weights[row*numTags : (row+1)*numTags]
		for t := range numTags {
			if mask&(1<<t) == 0 {
				continue
			}
			q, err := binary.ReadVarint(br)
			if err != nil {
				return nil, fmt.Errorf("reading the name model's row %d: %w", row, err)
			}
			w[t] = float32(q) * step
		}
		f.index[key] = int32(row)
	}
	return f, nil
}

func errOr(err error) error {
	if err == nil {
		return errors.New("value out of range")
	}
	return err
}

// WriteTo writes the model, gzip-compressed, with weights rounded to multiples of step; rows
// whose weights all round to zero are left out.
func (f *Finder) WriteTo(w io.Writer, step float32) error {
	keys := make([]uint32, 0, len(f.index))
	for k, r := range f.index {
		if !roundsToZero(f.weights[int(r)*numTags:(int(r)+1)*numTags], step) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	buf.WriteString(modelMagic)
	head := struct {
		Tags  uint32
		Scale float32
		Step  float32
		Rows  uint32
	}{uint32(numTags), float32(f.scale), step, uint32(len(keys))}
	_ = binary.Write(&buf, binary.LittleEndian, head) // a bytes.Buffer does not fail
	_ = binary.Write(&buf, binary.LittleEndian, f.trans)
	var prev uint32
	var tmp [binary.MaxVarintLen64]byte
	for _, k := range keys {
		buf.Write(tmp[:binary.PutUvarint(tmp[:], uint64(k-prev))])
		prev = k
		r := int(f.index[k])
		row := f.weights[r*numTags : (r+1)*numTags]
		var mask uint16
		for t, v := range row {
			if quantize(v, step) != 0 {
				mask |= 1 << t
			}
		}
		_ = binary.Write(&buf, binary.LittleEndian, mask)
		for _, v := range row {
			if q := quantize(v, step); q != 0 {
				buf.Write(tmp[:binary.PutVarint(tmp[:], q)])
			}
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("writing the name model: %w", err)
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("writing the name model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing the name model: %w", err)
	}
	return nil
}

func quantize(v, step float32) int64 { return int64(math.Round(float64(v / step))) }

func roundsToZero(row []float32, step float32) bool {
	for _, v := range row {
		if quantize(v, step) != 0 {
			return false
		}
	}
	return true
}
