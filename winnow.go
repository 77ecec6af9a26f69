package winnow

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
)

// ErrNoContent is returned when a page has no block the model keeps. A page
// whose kept blocks are all headline, byline or captions is no error: its
// Article has those fields and an empty Text.
var ErrNoContent = errors.New("no main content found")

// ErrTimeout is returned, wrapping context.DeadlineExceeded, when a page
// takes longer than the time allowed (WithTimeout, or the deadline of the
// caller's context).
var ErrTimeout = errors.New("time limit per page exceeded")

// Extract reads an HTML page from r and returns its main content, using the
// embedded model unless an option says otherwise. It does not close r.
// Errors wrap the features.Err* sentinels for input it refuses, ErrTimeout
// when the page takes too long and ErrNoContent when nothing is kept.
func Extract(r io.Reader, opts ...Option) (*Article, error) {
	x, err := New(opts...)
	if err != nil {
		return nil, err
	}
	return x.Extract(r)
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
	cfg := config{threshold: DefaultThreshold, typeThresholds: true, repeat: slices.Contains(Rules(), RuleRepeat)}
	for _, o := range opts {
		o(&cfg)
	}
	// The embedded smoothing model goes with the embedded model only.
	givenModel := cfg.model != nil
	if !givenModel {
		m, err := DefaultModel()
		if err != nil {
			return nil, err
		}
		cfg.model = m
	}
	if err := cfg.model.CheckSchema(Schema()); err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	if err := roleHeads.resolve(&cfg.roles, cfg.rolesSet, DefaultRoles); err != nil {
		return nil, err
	}
	if err := pageTypeHeads.resolve(&cfg.pageTypes, cfg.pageTypesSet, DefaultPageTypes); err != nil {
		return nil, err
	}
	if err := smoothHeads.resolve(&cfg.smooth, cfg.smoothSet || givenModel, DefaultSmoother); err != nil {
		return nil, err
	}
	if err := recordsSmoothHeads.resolve(&cfg.smoothRecords, cfg.smoothRecordsSet || cfg.smoothSet || givenModel, DefaultRecordsSmoother); err != nil {
		return nil, err
	}
	if !(cfg.threshold >= 0 && cfg.threshold <= 1) {
		return nil, fmt.Errorf("threshold %v outside [0, 1]", cfg.threshold)
	}
	return &Extractor{cfg: cfg}, nil
}

// Extract reads an HTML page from r and returns its main content. It reads
// at most the configured maximum size plus one byte and does not close r.
// It is ExtractContext with a background context: the time limit per page
// applies.
func (x *Extractor) Extract(r io.Reader) (*Article, error) {
	return x.ExtractContext(context.Background(), r)
}

// ExtractBytes is Extract over a byte slice.
func (x *Extractor) ExtractBytes(b []byte) (*Article, error) {
	return x.ExtractBytesContext(context.Background(), b)
}

// ExtractContext is Extract bounded in time: it stops with an error
// wrapping ErrTimeout (and context.DeadlineExceeded) when the page takes
// longer than the configured timeout or ctx's deadline passes, and with an
// error wrapping context.Canceled when ctx is cancelled. The context is
// checked while the page is read, parsed and segmented, while its feature
// vectors are computed and classified (every few hundred blocks), and
// between the stages; a Read on r that blocks past the deadline is left
// behind (see page.ParseContext). It does not close r.
func (x *Extractor) ExtractContext(ctx context.Context, r io.Reader) (*Article, error) {
	ctx, cancel := x.withTimeout(ctx)
	defer cancel()
	page, err := page.ParseContext(ctx, r, x.cfg.parse)
	if err != nil {
		return nil, x.timeoutError(ctx, err)
	}
	return x.fromPageContext(ctx, page)
}

// ExtractBytesContext is ExtractContext over a byte slice.
func (x *Extractor) ExtractBytesContext(ctx context.Context, b []byte) (*Article, error) {
	ctx, cancel := x.withTimeout(ctx)
	defer cancel()
	page, err := page.ParseBytesContext(ctx, b, x.cfg.parse)
	if err != nil {
		return nil, x.timeoutError(ctx, err)
	}
	return x.fromPageContext(ctx, page)
}

func (x *Extractor) fromPageContext(ctx context.Context, page *page.Page) (*Article, error) {
	a, err := x.fromPage(ctx, page)
	if err != nil && !errors.Is(err, ErrNoContent) {
		return nil, x.timeoutError(ctx, err)
	}
	return a, err
}

// FromPage extracts the main content of an already parsed page: the
// model classifies its blocks, the threshold decides them, and the kept
// blocks are rendered. On ErrNoContent the Article is returned too, with
// every block and its probability, so that callers can see why nothing
// was kept.
func (x *Extractor) FromPage(p *page.Page) (*Article, error) {
	return x.fromPage(context.Background(), p)
}

// fromPage is FromPage that stops, with an error wrapping ctx.Err(), when
// ctx is done.
func (x *Extractor) fromPage(ctx context.Context, p *page.Page) (*Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("after segmentation: %w", err)
	}
	if x.cfg.explain {
		vecs, err := features.VectorsContext(ctx, p)
		if err != nil {
			return nil, err
		}
		return x.fromVectors(ctx, p, vecs)
	}
	probs, sv, heads, pageType, err := x.probabilities(ctx, p)
	defer putFloats(sv)
	if err != nil {
		return nil, err
	}
	return x.decide(p, pageType, probs, *sv, heads, nil)
}

// FromVectors is FromPage for a page whose feature vectors
// (features.Vectors(p)) the caller has computed already, as evaluation
// does to share them among the systems it scores.
func (x *Extractor) FromVectors(p *page.Page, vecs [][]float64) (*Article, error) {
	return x.fromVectors(context.Background(), p, vecs)
}

// ctxEvery is how many blocks fromVectors classifies between checks of
// its context.
const ctxEvery = 256

// fromVectors is FromVectors that stops, with an error wrapping
// ctx.Err(), when ctx is done.
func (x *Extractor) fromVectors(ctx context.Context, p *page.Page, vecs [][]float64) (*Article, error) {
	probs := make([]float64, len(vecs))
	hms := x.headModels()
	heads := newHeadProbs(hms, len(vecs))
	var paths [][]model.Step
	if x.cfg.explain {
		paths = make([][]model.Step, len(vecs))
	}
	for i, v := range vecs {
		if i%ctxEvery == 0 && i > 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("classify: %w", err)
			}
		}
		if paths != nil {
			probs[i], paths[i] = x.cfg.model.Explain(v) // one walk: Explain's p is Predict's
		} else {
			probs[i] = x.cfg.model.Predict(v)
		}
		for h, m := range hms {
			if m != nil {
				heads[h][i] = m.Predict(v)
			}
		}
	}
	sv := smoothVectorsBuf(x.cfg.smooth, len(vecs))
	defer putFloats(sv)
	if len(*sv) > 0 {
		features.SetSmoothOwnRows(*sv, vecs)
	}
	return x.decide(p, x.pageType(p), probs, *sv, heads, paths)
}

// decide applies the threshold of p's page type (see pageType and
// threshold) to the probabilities of p's blocks (the block model's
// blockProbs, through the smoothing model, whose vectors it fills in sv:
// see smoothProbs), drops the copies of kept
// blocks on the page types RuleRepeat runs on (repeats), assigns the
// blocks' roles from the role heads' probabilities heads (nil without role
// models) and renders the kept ones; paths are the blocks' decision paths
// for explanations (nil without).
func (x *Extractor) decide(p *page.Page, pageType string, blockProbs, sv []float64, heads [][]float64, paths [][]model.Step) (*Article, error) {
	t := x.threshold(pageType)
	probs := smoothProbs(x.cfg.smooth, x.cfg.smoothRecords, p, pageType, blockProbs, sv)
	keep, readPart := make([]bool, len(probs)), make([]bool, len(probs))
	for i, pr := range probs {
		keep[i], readPart[i] = pr >= t, blockProbs[i] >= partFloor
	}
	var why []Rule
	if x.cfg.repeat && repeatTypes(pageType) {
		why = repeats(p, probs, keep)
	}
	roles := x.roles(p, keep, readPart, heads, !readerComments(pageType))
	a := assemble(p, pageType, probs, keep, roles, why, paths, &x.cfg)
	if !slices.ContainsFunc(a.Blocks, func(b Block) bool { return b.Content }) {
		return a, ErrNoContent
	}
	return a, nil
}

// probabilities returns the model's probability of content of every block
// of page, a buffer for the page's smoothing vectors with the block
// features they copy set (features.SetSmoothOwn; empty without a
// smoothing model; from floatBufs, which the caller gives it back to with
// putFloats), the role
// heads' probabilities (nil without role models, see
// newHeadProbs and headScorer: the byline and caption heads only of the
// blocks roles reads them of) and the page's type (see pageType). The
// vectors are computed straight into a chunk buffer and every full chunk
// is classified with one PredictBatch call: no copy, and no vectors kept
// for the whole page. The page vector comes from the same page sums as
// the block vectors (features.EachChunkPageContext). It stops, with an
// error wrapping ctx.Err(), when ctx is done.
func (x *Extractor) probabilities(ctx context.Context, page *page.Page) (probs []float64, sv *[]float64, heads [][]float64, pageType string, err error) {
	probs = make([]float64, len(page.Blocks))
	hms := x.headModels()
	heads = newHeadProbs(hms, len(page.Blocks))
	sv = smoothVectorsBuf(x.cfg.smooth, len(page.Blocks))
	buf, _ := chunkBufs.Get().(*[]float64)
	nf := features.NumFeatures()
	if buf == nil || len(*buf) != classifyChunk*nf {
		b := make([]float64, classifyChunk*nf)
		buf = &b
	}
	defer chunkBufs.Put(buf)
	var pageVec []float64
	if hasHeads(x.cfg.pageTypes) {
		pageVec = make([]float64, features.NumPageFeatures())
	}
	hs := headScorer{models: hms, heads: heads}
	err = features.EachChunkPageContext(ctx, page, *buf, pageVec, func(first int, vecs []float64) {
		chunk := probs[first : first+len(vecs)/nf]
		x.cfg.model.PredictBatch(vecs, chunk)
		if len(*sv) > 0 {
			features.SetSmoothOwn(*sv, first, vecs) // before hs.score compacts vecs
		}
		hs.score(first, vecs, nf, chunk)
	})
	if err != nil {
		return nil, sv, nil, "", fmt.Errorf("classify: %w", err)
	}
	return probs, sv, heads, pageTypeOfVector(x.cfg.pageTypes, pageVec), nil
}

// newHeadProbs allocates the probabilities of n blocks under each of the
// role heads hms, nil when there are none.
func newHeadProbs(hms []*model.Model, n int) [][]float64 {
	if hms == nil {
		return nil
	}
	heads := make([][]float64, len(hms))
	for h := range heads {
		heads[h] = make([]float64, n)
	}
	return heads
}

// classifyChunk is the number of vectors computed before they are
// classified with one PredictBatch call: enough for the batch walk to pay
// off, few enough (54 KB of vectors) to stay in the cache.
const classifyChunk = 64

// chunkBufs recycles the chunk buffers of probabilities between pages.
var chunkBufs sync.Pool

func (x *Extractor) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if t := x.cfg.timeout(); t > 0 {
		return context.WithTimeout(ctx, t)
	}
	return ctx, func() {}
}

// timeoutError marks err with ErrTimeout when it is the context's deadline
// that stopped the page.
func (x *Extractor) timeoutError(ctx context.Context, err error) error {
	if !errors.Is(err, context.DeadlineExceeded) || ctx.Err() == nil {
		return err
	}
	if t := x.cfg.timeout(); t > 0 {
		return fmt.Errorf("%w (%v): %w", ErrTimeout, t, err)
	}
	return fmt.Errorf("%w: %w", ErrTimeout, err)
}

//go:embed model/default.json
var defaultModelFile []byte

var defaultModel = loadOnce("model", defaultModelFile, LoadModel)

// DefaultModel returns the model embedded in the package, trained on the
// training side of the shared labelled sets. It is loaded once.
func DefaultModel() (*model.Model, error) { return defaultModel() }

// LoadModel reads a model file written by `winnow train` and checks that it
// was trained on the feature schema of this version of winnow.
func LoadModel(r io.Reader) (*model.Model, error) {
	return model.Load(r, Schema())
}

// CommentFeatures are the features of Schema that only the comment head of
// the role models is trained on: the content model and the other heads
// are trained with them in their model.Config.Exclude
// (features.CommentOnly).
func CommentFeatures() []string { return features.CommentOnly() }

// Schema is the feature schema of this version of winnow, as models record it.
func Schema() model.Schema {
	return model.Schema{Version: features.SchemaVersion, Names: features.Names()}
}
