package winnow

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/model"
)

// ErrNoContent is returned when a page has no block the model keeps.
var ErrNoContent = errors.New("no main content found")

//go:embed model/default.json
var defaultModelFile []byte

var defaultModel = sync.OnceValues(func() (*model.Model, error) {
	return LoadModel(bytes.NewReader(defaultModelFile))
})

// DefaultModel returns the model embedded in the package, trained on the
// training side of the shared labelled sets. It is loaded once.
func DefaultModel() (*model.Model, error) {
	m, err := defaultModel()
	if err != nil {
		return nil, fmt.Errorf("embedded model: %w", err)
	}
	return m, nil
}

// LoadModel reads a model file written by `winnow train` and checks that it
// was trained on the feature schema of this version of winnow.
func LoadModel(r io.Reader) (*model.Model, error) {
	return model.Load(r, Schema())
}

// Schema is the feature schema of this version of winnow, as models record it.
func Schema() model.Schema {
	return model.Schema{Version: features.SchemaVersion, Names: features.Names()}
}

// Extractor extracts main content with one model and one configuration. It
// is immutable and safe for concurrent use by many goroutines.
type Extractor struct {
	cfg config
}

// New returns an Extractor. Without WithModel it uses the embedded model. A
// model trained on another feature schema gives an error wrapping
// model.ErrSchemaMismatch.
func New(opts ...Option) (*Extractor, error) {
	cfg := config{threshold: DefaultThreshold, rules: allRules}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.model == nil {
		m, err := DefaultModel()
		if err != nil {
			return nil, err
		}
		cfg.model = m
	}
	if err := cfg.model.CheckSchema(Schema()); err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	if cfg.threshold < 0 || cfg.threshold > 1 {
		return nil, fmt.Errorf("threshold %v outside [0, 1]", cfg.threshold)
	}
	return &Extractor{cfg: cfg}, nil
}

// Extract reads an HTML page from r and returns its main content, using the
// embedded model unless an option says otherwise. It does not close r.
// Errors wrap the features.Err* sentinels for input it refuses and
// ErrNoContent when nothing is kept.
func Extract(r io.Reader, opts ...Option) (*Article, error) {
	x, err := New(opts...)
	if err != nil {
		return nil, err
	}
	return x.Extract(r)
}

// Extract reads an HTML page from r and returns its main content. It reads
// at most the configured maximum size plus one byte and does not close r.
// It is ExtractContext with a background context: the time limit per page
// (WithTimeout, default DefaultTimeout) applies.
func (x *Extractor) Extract(r io.Reader) (*Article, error) {
	return x.ExtractContext(context.Background(), r)
}

// ExtractBytes is Extract over a byte slice.
func (x *Extractor) ExtractBytes(b []byte) (*Article, error) {
	return x.ExtractBytesContext(context.Background(), b)
}

// FromPage classifies the blocks of an already segmented page. On
// ErrNoContent the Article is returned too, with every block and its
// probability, so that callers can see why nothing was kept.
func (x *Extractor) FromPage(page *features.Page) (*Article, error) {
	if x.cfg.explain {
		return x.FromVectors(page, features.Vectors(page))
	}
	return x.decide(page, nil, x.Classify(page))
}

// FromVectors is FromPage for a page whose feature vectors
// (features.Vectors(page)) the caller has computed already, as evaluation
// does to share them among the systems it scores.
func (x *Extractor) FromVectors(page *features.Page, vecs [][]float64) (*Article, error) {
	return x.decide(page, vecs, x.predict(vecs))
}

// decide applies the threshold and the rules to the probabilities of
// page's blocks; vecs are needed for explanations only.
func (x *Extractor) decide(page *features.Page, vecs [][]float64, probs []float64) (*Article, error) {
	keep := make([]bool, len(probs))
	for i, p := range probs {
		keep[i] = p >= x.cfg.threshold
	}
	var why []Rule
	if x.cfg.rules != 0 {
		why = postProcess(page.Blocks, probs, keep, x.cfg.threshold, x.cfg.rules)
	}
	var paths [][]model.Step
	if x.cfg.explain {
		paths = make([][]model.Step, len(page.Blocks))
		for i, v := range vecs {
			_, paths[i] = x.cfg.model.Explain(v)
		}
	}
	a := Assemble(page, probs, keep, paths)
	for i, r := range why {
		a.Blocks[i].Rule = r
	}
	if a.Text == "" {
		return a, ErrNoContent
	}
	return a, nil
}

// Assemble builds the Article of a page from per-block decisions: keep
// says which blocks are content, probs (may be nil) their probabilities,
// paths (may be nil) their decision paths. Evaluation uses it to render
// baselines exactly as the model's output is rendered.
func Assemble(page *features.Page, probs []float64, keep []bool, paths [][]model.Step) *Article {
	a := &Article{Encoding: page.Encoding, Blocks: make([]Block, len(page.Blocks))}
	for i := range page.Blocks {
		b := &page.Blocks[i]
		a.Blocks[i] = Block{Text: b.Text, Tag: b.Tag, Kind: b.Kind, Level: b.Level, Row: b.Row, Content: keep[i]}
		if probs != nil {
			a.Blocks[i].Probability = probs[i]
		}
		if paths != nil {
			a.Blocks[i].Path = paths[i]
		}
	}
	a.Title = chooseTitle(page, a.Blocks)
	a.Text = a.render(formatText)
	return a
}

// Classify returns the probability of content of every block of page.
func (x *Extractor) Classify(page *features.Page) []float64 {
	// The vectors are computed straight into a chunk buffer, and every full
	// chunk is classified with one PredictBatch call: no copy, and no
	// vectors kept for the whole page.
	probs := make([]float64, len(page.Blocks))
	buf, _ := chunkBufs.Get().(*[]float64)
	nf := features.NumFeatures()
	if buf == nil || len(*buf) != classifyChunk*nf {
		b := make([]float64, classifyChunk*nf)
		buf = &b
	}
	defer chunkBufs.Put(buf)
	features.EachChunk(page, *buf, func(first int, vecs []float64) {
		x.cfg.model.PredictBatch(vecs, probs[first:first+len(vecs)/nf])
	})
	return probs
}

// predict returns the probability of content of each of vecs, for
// callers that keep the page's vectors anyway.
func (x *Extractor) predict(vecs [][]float64) []float64 {
	probs := make([]float64, len(vecs))
	for i, v := range vecs {
		probs[i] = x.cfg.model.Predict(v)
	}
	return probs
}

// classifyChunk is the number of vectors Classify computes before it
// classifies them with one PredictBatch call: enough for the batch walk to
// pay off, few enough (54 KB of vectors) to stay in the cache.
const classifyChunk = 64

// chunkBufs recycles Classify's chunk buffers between pages.
var chunkBufs sync.Pool
