package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/model"
)

// loadTrainable reads the chosen sets for training: the regression sets
// (readability) are left out of the default and refused when named.
func (d *dataFlags) loadTrainable() (*dataset.Corpus, error) {
	if d.sets == "" {
		var sets []string
		for _, s := range dataset.SetNames() {
			if dataset.Trainable(s) {
				sets = append(sets, s)
			}
		}
		d.sets = strings.Join(sets, ",")
	}
	for _, s := range strings.Split(d.sets, ",") {
		if s = strings.TrimSpace(s); s != "" && slices.Contains(dataset.SetNames(), s) && !dataset.Trainable(s) {
			return nil, fmt.Errorf("%w: set %q is a regression set and is never trained on", errUsage, s)
		}
	}
	return d.load()
}

// rows turns labelled pages into a feature matrix and labels, leaving out
// blocks whose label is unknown.
func rows(pages []*dataset.LabelledPage) (x [][]float64, y []model.Label) {
	for _, p := range pages {
		vecs := features.Vectors(p.Page)
		for i, v := range vecs {
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

// setsOf lists the distinct sets of pages, in order of first appearance.
func setsOf(pages []*dataset.LabelledPage) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range pages {
		if !seen[p.Set] {
			seen[p.Set] = true
			out = append(out, p.Set)
		}
	}
	return out
}
