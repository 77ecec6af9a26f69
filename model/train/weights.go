package train

import (
	"fmt"
	"math"
	"slices"

	"github.com/winnow-dev/winnow/model"
)

// rowWeights is each row's weight under model.Config.WeightFeature
// feature: the row's value of that feature plus one, scaled so that the
// weights average 1 (nil when feature is ""). A feature s does not have,
// or a value that is negative, NaN or infinite, is an error naming it.
func rowWeights(s model.Schema, X [][]float64, feature string) ([]float64, error) {
	if feature == "" {
		return nil, nil
	}
	k := slices.Index(s.Names, feature)
	if k < 0 {
		return nil, fmt.Errorf("weight feature %q is not in the schema %s", feature, s.Version)
	}
	w := make([]float64, len(X))
	var sum float64
	for i, row := range X {
		v := row[k]
		if !(v >= 0) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("row %d: weight feature %s is %v, want a finite number at least 0", i, feature, v)
		}
		w[i] = v + 1
		sum += w[i]
	}
	scale := float64(len(w)) / sum
	for i := range w {
		w[i] *= scale
	}
	return w, nil
}
