package eval

import "github.com/winnow-dev/winnow/features"

// A baseline decides, for every block of a page, whether it is content,
// from the page's feature vectors.
type baseline struct {
	name   string
	decide func(vecs [][]float64) []bool
}

// featureIndex finds the vector positions of the features the boilerpipe
// rules read.
type featureIndex struct {
	words, prevWords, nextWords       int
	link, prevLink                    int
	density, prevDensity, nextDensity int
}

func newFeatureIndex() featureIndex {
	n := features.Names()
	return featureIndex{
		words: indexOf(n, "Words"), prevWords: indexOf(n, "PrevWords"), nextWords: indexOf(n, "NextWords"),
		link: indexOf(n, "LinkDensity"), prevLink: indexOf(n, "PrevLinkDensity"),
		density: indexOf(n, "TextDensity"), prevDensity: indexOf(n, "PrevTextDensity"), nextDensity: indexOf(n, "NextTextDensity"),
	}
}

// baselines are the comparisons every evaluation prints beside the model.
func baselines() []baseline {
	fi := newFeatureIndex()
	return []baseline{
		{"keep-everything", func(vecs [][]float64) []bool {
			out := make([]bool, len(vecs))
			for i := range out {
				out[i] = true
			}
			return out
		}},
		{"boilerpipe-numwords", func(vecs [][]float64) []bool { return applyRule(vecs, fi.numWordsRule) }},
		{"boilerpipe-density", func(vecs [][]float64) []bool { return applyRule(vecs, fi.densityRule) }},
	}
}

func applyRule(vecs [][]float64, rule func([]float64) bool) []bool {
	out := make([]bool, len(vecs))
	for i, v := range vecs {
		out[i] = rule(v)
	}
	return out
}

// numWordsRule is the paper's classifier on number of words and link density
// (Kohlschütter et al., WSDM 2010, algorithm 2; boilerpipe's
// NumWordsRulesClassifier), with the thresholds as published.
func (fi featureIndex) numWordsRule(v []float64) bool {
	if v[fi.link] > 0.333333 {
		return false
	}
	if v[fi.prevLink] <= 0.555556 {
		if v[fi.words] <= 16 {
			if v[fi.nextWords] <= 15 {
				return v[fi.prevWords] > 4
			}
			return true
		}
		return true
	}
	if v[fi.words] <= 40 {
		return v[fi.nextWords] > 17
	}
	return true
}

// densityRule is the paper's densitometric classifier (algorithm 1;
// boilerpipe's DensityRulesClassifier), with the thresholds as published.
func (fi featureIndex) densityRule(v []float64) bool {
	if v[fi.link] > 0.333333 {
		return false
	}
	if v[fi.prevLink] <= 0.555556 {
		if v[fi.density] <= 9 {
			if v[fi.nextDensity] <= 10 {
				return v[fi.prevDensity] > 4
			}
			return true
		}
		return v[fi.nextDensity] != 0
	}
	return v[fi.nextDensity] > 11
}

// indexOf is the position of the feature name in names; the baselines read
// features the schema has always had, so a missing one is a bug.
func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	panic("eval: no feature named " + name)
}
