package winnow

import (
	_ "embed"
	"io"
	"slices"
	"sync"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
)

// The smoothing model: a second content model that decides each block
// again from the block model's probabilities of content around it, in the
// page's order and in its tree, and from a few of the block's own
// features (features.SmoothVectors). It is a heads file (model.Heads)
// over SmootherSchema with two heads, trained by `winnow train` on
// probabilities the block model gave pages it was not trained on
// (out-of-fold), so that they learn how far to trust them on unseen
// sites:
//
//   - SmootherHead reads the neighbourhood alone (trained without the
//     block's own features): the blocks around a block can outweigh what
//     the block model made of it;
//   - SmootherCorrectionHead starts from the block model's log-odds and
//     learns a correction to them from the neighbourhood and the block's
//     own features (model.Config.OffsetFeature "P").
//
// A block's probability is the mean of the two heads' log-odds, so that
// neither the neighbourhood nor the block's own marks decide alone. A file
// with SmootherHead alone is read too: its probability is that head's.
//
// A file may hold a second round, SmootherAgainHead: a correction head
// trained on the smoothing features computed again from the first round's
// (out-of-fold) probabilities, starting from the first round's log-odds,
// so that a block is decided again with what the first round made of its
// neighbours and its own marks. A block's probability is then the mean of
// the first round's log-odds and that head's: the second round's
// correction at half its weight. A file without it decides in one round.

// SmootherHead is the name of the smoothing model's neighbourhood head.
const SmootherHead = "content"

// SmootherCorrectionHead is the name of the smoothing model's head that
// corrects the block model's log-odds.
const SmootherCorrectionHead = "correction"

// SmootherAgainHead is the name of the smoothing model's second round: a
// correction head (as SmootherCorrectionHead) over the smoothing features
// of the first round's probabilities.
const SmootherAgainHead = "again"

// SmootherSchema is the smoothing feature schema of this version of winnow,
// as smoothing models record it.
func SmootherSchema() model.Schema {
	return model.Schema{Version: features.SmoothSchemaVersion, Names: features.SmoothNames()}
}

// SmootherOwnFeatures returns the smoothing features that copy the
// block's own features, which SmootherHead is trained without.
func SmootherOwnFeatures() []string { return features.SmoothOwnNames() }

var smoothHeads = headsKind{"smoothing model", []string{SmootherHead, SmootherCorrectionHead, SmootherAgainHead}, SmootherSchema(),
	map[string]string{SmootherAgainHead: SmootherHead}}

//go:embed model/smooth.json
var defaultSmoothFile []byte

var defaultSmooth = loadOnce("smoothing model", defaultSmoothFile, LoadSmoother)

// DefaultSmoother returns the smoothing model embedded in the package,
// trained with the embedded block model (DefaultModel). It is loaded once.
func DefaultSmoother() (*model.Heads, error) { return defaultSmooth() }

// LoadSmoother reads a smoothing model file written by `winnow train` (a
// heads file holding SmootherHead, SmootherCorrectionHead and
// SmootherAgainHead, trained on SmootherSchema; a file of one round, without
// SmootherAgainHead, is read too).
func LoadSmoother(r io.Reader) (*model.Heads, error) { return smoothHeads.load(r) }

// RecordsSmootherSchema is the schema of the records smoothing model: the
// smoothing features with the blocks that look alike
// (features.RecordsSmoothNames).
func RecordsSmootherSchema() model.Schema {
	return model.Schema{Version: features.RecordsSchemaVersion, Names: features.RecordsSmoothNames()}
}

var recordsSmoothHeads = headsKind{"records smoothing model", []string{SmootherHead, SmootherCorrectionHead}, RecordsSmootherSchema(), nil}

//go:embed model/smooth-records.json
var defaultRecordsSmoothFile []byte

var defaultRecordsSmooth = loadOnce("records smoothing model", defaultRecordsSmoothFile, LoadRecordsSmoother)

// DefaultRecordsSmoother returns the records smoothing model embedded in
// the package, which goes with the embedded smoothing model. It is loaded
// once.
func DefaultRecordsSmoother() (*model.Heads, error) { return defaultRecordsSmooth() }

// LoadRecordsSmoother reads a records smoothing model file written by
// `winnow train` (a heads file holding SmootherHead and
// SmootherCorrectionHead, trained on RecordsSmootherSchema).
func LoadRecordsSmoother(r io.Reader) (*model.Heads, error) { return recordsSmoothHeads.load(r) }

// smoothProbs returns the probabilities of content of p's blocks under the
// smoothing model h, given probs, the block model's, and sv, a buffer of
// p's smoothing vectors whose last NumSmoothOwn values per block are set
// (features.SetSmoothOwn) and which it fills with the rest
// (features.FillSmoothVectors); it returns probs itself, sv untouched,
// when h has no SmootherHead (nil h included). When h has a second round
// (SmootherAgainHead), sv is filled again from the first round's
// probabilities and the result is the mean of the two rounds' log-odds.
// On a page of records (RecordPage of pageType) the records smoothing
// model rh decides instead, when it has a SmootherHead, in one round, from
// the same vectors with the blocks that look alike
// (features.FillRecordsVectors).
func smoothProbs(h, rh *model.Heads, p *page.Page, pageType string, probs, sv []float64) []float64 {
	if h.Head(SmootherHead) == nil || len(probs) == 0 {
		return probs
	}
	features.FillSmoothVectors(sv, p, probs)
	out := make([]float64, len(probs))
	if rh.Head(SmootherHead) != nil && RecordPage(pageType) {
		rv := getFloats(len(probs) * features.NumRecordsFeatures())
		defer putFloats(rv)
		features.FillRecordsVectors(*rv, sv, p, probs, true)
		SmoothRound(rh, *rv, out)
		return out
	}
	SmoothRound(h, sv, out)
	if again := h.Head(SmootherAgainHead); again != nil {
		features.FillSmoothVectors(sv, p, out)
		meanLogOdds(again, sv, out)
	}
	return out
}

// SmoothRound writes into out the probabilities of content that the first
// round of the smoothing model h (SmootherHead, which it must have, and
// SmootherCorrectionHead when it has one) gives the blocks whose smoothing
// vectors are vecs (len(out) rows of h's schema, one flat slice): the mean
// of the heads' log-odds.
func SmoothRound(h *model.Heads, vecs, out []float64) {
	h.Head(SmootherHead).PredictBatch(vecs, out)
	if c := h.Head(SmootherCorrectionHead); c != nil {
		meanLogOdds(c, vecs, out)
	}
}

// meanLogOdds replaces each probability in out with the mean of its
// log-odds and those of m on the same block's row of vecs.
func meanLogOdds(m *model.Model, vecs, out []float64) {
	other := getFloats(len(out))
	defer putFloats(other)
	m.PredictBatch(vecs, *other)
	for i, po := range *other {
		out[i] = model.Logistic((model.Logit(out[i]) + model.Logit(po)) / 2)
	}
}

// smoothVectorsBuf returns a buffer from floatBufs for the smoothing
// vectors of n blocks when h has a SmootherHead, one of no values
// otherwise; the caller gives it back with putFloats.
func smoothVectorsBuf(h *model.Heads, n int) *[]float64 {
	if h.Head(SmootherHead) == nil {
		return getFloats(0)
	}
	return getFloats(n * features.NumSmoothFeatures())
}

// floatBufs recycles the buffers of the smoothing vectors and of the
// correction head's probabilities between pages (getFloats, putFloats); a
// huge page's buffer (over maxPooledSmooth values) is left to the
// collector.
var floatBufs sync.Pool

// getFloats returns a buffer of n values from floatBufs, or a new one.
func getFloats(n int) *[]float64 {
	b, _ := floatBufs.Get().(*[]float64)
	if b == nil {
		b = new([]float64)
	}
	*b = slices.Grow((*b)[:0], n)[:n]
	return b
}

// putFloats gives b back to floatBufs; b must not be used after.
func putFloats(b *[]float64) {
	if b != nil && cap(*b) <= maxPooledSmooth {
		floatBufs.Put(b)
	}
}

const maxPooledSmooth = 1 << 20
