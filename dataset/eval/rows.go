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
	return rowsOf(pages, func(p *dataset.LabelledPage) [][]float64 { return features.Vectors(p.Page) })
}

// RoleRows are the training rows of role head h: the blocks with a known
// role label (dataset.LabelledPage.RoleLabels) of the pages whose set
// labels h, each page's vectors given by vecsOf (features.Vectors when
// nil). Content marks a block that has the role.
func RoleRows(pages []*dataset.LabelledPage, h dataset.RoleHead, vecsOf func(*dataset.LabelledPage) [][]float64) (x [][]float64, y []model.Label) {
	if vecsOf == nil {
		vecsOf = func(p *dataset.LabelledPage) [][]float64 { return features.Vectors(p.Page) }
	}
	for _, p := range pages {
		labels := p.RoleLabels(h)
		if labels == nil {
			continue
		}
		for i, v := range vecsOf(p) {
			switch labels[i] {
			case dataset.Content:
				x, y = append(x, v), append(y, model.Content)
			case dataset.Boilerplate:
				x, y = append(x, v), append(y, model.Boilerplate)
			}
		}
	}
	return x, y
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

// RowsWith is Rows with each page's vectors given by vecsOf.
func RowsWith(pages []*dataset.LabelledPage, vecsOf func(*dataset.LabelledPage) [][]float64) (x [][]float64, y []model.Label) {
	return rowsOf(pages, vecsOf)
}

// rowsOf is Rows with each page's vectors given by vecsOf.
func rowsOf(pages []*dataset.LabelledPage, vecsOf func(*dataset.LabelledPage) [][]float64) (x [][]float64, y []model.Label) {
	for _, p := range pages {
		for i, v := range vecsOf(p) {
			switch p.Labels[i] {
			case dataset.Content:
				x, y = append(x, v), append(y, model.Content)
			case dataset.Boilerplate:
				x, y = append(x, v), append(y, model.Boilerplate)
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
