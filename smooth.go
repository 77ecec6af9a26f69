package winnow

import (
	_ "embed"
	"io"
	"sync"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
)

// The smoothing model: a second content model that decides each block
// again from the block model's probabilities of content around it, in the
// page's order and in its tree (features.SmoothVectors). It is a heads
// file (model.Heads) with one head, SmootherHead, over SmootherSchema,
// trained by `winnow train` on probabilities the block model gave pages
// it was not trained on (out-of-fold), so that it learns how far to trust
// them on unseen sites.

// SmootherHead is the name of the smoothing model's one head.
const SmootherHead = "content"

// SmootherSchema is the smoothing feature schema of this version of winnow,
// as smoothing models record it.
func SmootherSchema() model.Schema {
	return model.Schema{Version: features.SmoothSchemaVersion, Names: features.SmoothNames()}
}

var smoothHeads = headsKind{"smoothing model", []string{SmootherHead}, SmootherSchema()}

//go:embed model/smooth.json
var defaultSmoothFile []byte

var defaultSmooth = loadOnce("smoothing model", defaultSmoothFile, LoadSmoother)

// DefaultSmoother returns the smoothing model embedded in the package,
// trained with the embedded block model (DefaultModel). It is loaded once.
func DefaultSmoother() (*model.Heads, error) { return defaultSmooth() }

// LoadSmoother reads a smoothing model file written by `winnow train` (a
// heads file holding SmootherHead, trained on SmootherSchema).
func LoadSmoother(r io.Reader) (*model.Heads, error) { return smoothHeads.load(r) }

// smoothProbs returns the probabilities of content of p's blocks under the
// smoothing model h, given probs, the block model's; it returns probs
// itself when h has no SmootherHead (nil h included).
func smoothProbs(h *model.Heads, p *page.Page, probs []float64) []float64 {
	m := h.Head(SmootherHead)
	if m == nil || len(probs) == 0 {
		return probs
	}
	out := make([]float64, len(probs))
	buf, _ := smoothBufs.Get().(*[]float64)
	if buf == nil {
		buf = new([]float64)
	}
	*buf = features.AppendSmoothVectors((*buf)[:0], p, probs)
	m.PredictBatch(*buf, out)
	if cap(*buf) <= maxPooledSmooth {
		smoothBufs.Put(buf)
	}
	return out
}

// smoothBufs recycles the smoothing vectors' buffers between pages; a
// huge page's buffer (over maxPooledSmooth values) is left to the
// collector.
var smoothBufs sync.Pool

const maxPooledSmooth = 1 << 20
