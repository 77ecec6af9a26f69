package eval

import (
	"context"
	"sync"

	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/model"
)

// Rows turns labelled pages into a feature matrix and labels, leaving out
// blocks whose label is unknown: the training rows of winnow train and of
// every cross-validation fold.
func Rows(pages []*dataset.LabelledPage) (x [][]float64, y []model.Label) {
	return RowsWith(pages, pageVectors)
}

// RowsWith is Rows with each page's vectors given by vecsOf.
func RowsWith(pages []*dataset.LabelledPage, vecsOf func(*dataset.LabelledPage) [][]float64) (x [][]float64, y []model.Label) {
	return labelledRows(pages, func(p *dataset.LabelledPage) []dataset.Label { return p.Labels }, vecsOf)
}

// RoleRows are the training rows of role head h: the blocks with a known
// role label (dataset.LabelledPage.RoleLabels) of the pages whose set
// labels h, each page's vectors given by vecsOf (features.Vectors when
// nil). Content marks a block that has the role.
func RoleRows(pages []*dataset.LabelledPage, h dataset.RoleHead, vecsOf func(*dataset.LabelledPage) [][]float64) (x [][]float64, y []model.Label) {
	if vecsOf == nil {
		vecsOf = pageVectors
	}
	return labelledRows(pages, func(p *dataset.LabelledPage) []dataset.Label { return p.RoleLabels(h) }, vecsOf)
}

// VectorsOf computes the feature vectors of every page once, on workers
// goroutines, and returns them by page (nil for a page not given).
func VectorsOf(ctx context.Context, pages []*dataset.LabelledPage, workers int) (func(*dataset.LabelledPage) [][]float64, error) {
	vecs, err := vectorsOf(ctx, pages, workers)
	if err != nil {
		return nil, err
	}
	return func(p *dataset.LabelledPage) [][]float64 { return vecs[p] }, nil
}

// pageVectors computes a page's feature vectors.
func pageVectors(p *dataset.LabelledPage) [][]float64 { return features.Vectors(p.Page) }

// labelledRows is the rows of the blocks of pages whose label (labelsOf;
// nil: the page says nothing) is Content or Boilerplate, with their
// vectors from vecsOf; Unknown blocks are left out.
func labelledRows(pages []*dataset.LabelledPage, labelsOf func(*dataset.LabelledPage) []dataset.Label, vecsOf func(*dataset.LabelledPage) [][]float64) (x [][]float64, y []model.Label) {
	for _, p := range pages {
		labels := labelsOf(p)
		if labels == nil {
			continue
		}
		for i, v := range vecsOf(p) {
			if l := labels[i]; l == model.Content || l == model.Boilerplate {
				x, y = append(x, v), append(y, l)
			}
		}
	}
	return x, y
}

// vectorsOf computes the feature vectors of every page once, on workers
// goroutines.
func vectorsOf(ctx context.Context, pages []*dataset.LabelledPage, workers int) (map[*dataset.LabelledPage][][]float64, error) {
	vecs := make([][][]float64, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				vecs[i] = features.Vectors(pages[i].Page)
			}
		}()
	}
feed:
	for i := range pages {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make(map[*dataset.LabelledPage][][]float64, len(pages))
	for i, p := range pages {
		out[p] = vecs[i]
	}
	return out, nil
}
