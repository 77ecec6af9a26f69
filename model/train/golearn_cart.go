package train

import (
	"fmt"
	"math"
	"reflect"

	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/trees"
	"github.com/winnow-dev/winnow/model"
)

// GolearnCART trains golearn's CART (trees.NewDecisionTreeClassifier) as a
// reference for TreeLearner, then converts its tree into a Model, so it can
// be saved, printed and evaluated like ours.
//
// It honours Criterion and MaxDepth only (MinLeaf, Bins, ClassWeight and
// MaxFeatures are ignored; Trees must be 1, and a WeightFeature or an OffsetFeature is refused). golearn's CART tries every
// midpoint between distinct values and recomputes impurities from scratch,
// O(n²) per feature and node: with 80 features, 4k rows took 22 CPU
// seconds and 8k rows 96 (BenchmarkFitGolearnCART), so use it on small
// sets only; the histogram CART fits 400k rows in under 2 CPU seconds. Its tests are x <
// threshold, as ours; the converted leaves carry the class counts of the
// training rows that reach them, so Predict equals golearn's prediction on
// every training row (ties go to boilerplate in both). One golearn quirk is
// not copied: when no split helps at the root, golearn predicts class 0 for
// x[0] >= 0; the converted model is a single leaf.
type GolearnCART struct {
	Config model.Config
	cart   *trees.CARTDecisionTreeClassifier
	model  *model.Model
}

var (
	_ base.Classifier = (*GolearnCART)(nil)
	_ Trainer         = (*GolearnCART)(nil)
)

// NewGolearnCART returns an unfitted GolearnCART with cfg.
func NewGolearnCART(cfg model.Config) *GolearnCART { return &GolearnCART{Config: cfg} }

// Fit trains golearn's CART on the grid (read with FromInstances, then
// rebuilt with the float class attribute golearn's CART requires) and
// converts the tree.
func (c *GolearnCART) Fit(g base.FixedDataGrid) error {
	s, X, y, err := FromInstances(g)
	if err != nil {
		return err
	}
	if err := s.Validate(); err != nil {
		return fmt.Errorf("fit: %w", err)
	}
	if _, err := checkRows(X, y, len(s.Names)); err != nil {
		return fmt.Errorf("fit: %w", err)
	}
	cfg, err := resolve(defaults(TrainerGolearnCART, c.Config, len(X)), len(s.Names))
	if err != nil {
		return fmt.Errorf("fit: %w", err)
	}
	if cfg.Trees != 1 {
		return fmt.Errorf("fit: %s grows a single tree, not %d", TrainerGolearnCART, cfg.Trees)
	}
	if err := boostOnly(cfg, "FitBoost"); err != nil {
		return fmt.Errorf("fit: %w", err)
	}
	skip, err := excluded(s, cfg.Exclude)
	if err != nil {
		return fmt.Errorf("fit: %w", err)
	}
	fg := floatClassInstances(s, X, y, skip)
	cart := trees.NewDecisionTreeClassifier(cfg.Criterion.String(), int64(cfg.MaxDepth), []int64{0, 1})
	if err := fitCART(cart, fg); err != nil {
		return fmt.Errorf("fit: golearn cart: %w", err)
	}
	t, err := convertCART(cart.RootNode, X, y)
	if err != nil {
		return fmt.Errorf("fit: convert golearn tree: %w", err)
	}
	params := model.Config{Criterion: cfg.Criterion, MaxDepth: cfg.MaxDepth, Trees: 1, ClassWeight: [2]float64{1, 1}, Exclude: cfg.Exclude}
	m, err := model.New(s, TrainerGolearnCART, params, []model.Tree{t})
	if err != nil {
		return fmt.Errorf("fit: convert golearn tree: %w", err)
	}
	c.cart, c.model = cart, m
	return nil
}

// fitCART runs golearn's Fit, turning a panic inside golearn into an error.
func fitCART(cart *trees.CARTDecisionTreeClassifier, g base.FixedDataGrid) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return cart.Fit(g)
}

// floatClassInstances builds the grid golearn's CART wants: the features,
// then a float class attribute holding 0 or 1. A feature skip marks is 0 on
// every row (nil skip: none is).
func floatClassInstances(s model.Schema, X [][]float64, y []model.Label, skip []bool) *base.DenseInstances {
	g := base.NewDenseInstances()
	specs := make([]base.AttributeSpec, len(s.Names))
	for i, n := range s.Names {
		specs[i] = g.AddAttribute(base.NewFloatAttribute(n))
	}
	class := base.NewFloatAttribute(ClassAttribute)
	cspec := g.AddAttribute(class)
	g.AddClassAttribute(class)
	g.Extend(len(X))
	for r, row := range X {
		for i, v := range row {
			if skip != nil && skip[i] {
				v = 0
			}
			g.Set(specs[i], r, base.PackFloatToBytes(v))
		}
		g.Set(cspec, r, base.PackFloatToBytes(float64(y[r])))
	}
	return g
}

// cartNode mirrors the exported fields of golearn's unexported
// classifierNode, read by reflection.
type cartNode struct {
	left, right *reflect.Value
	threshold   float64
	feature     int
	needed      bool
}

func readCARTNode(v reflect.Value) (cartNode, error) {
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return cartNode{}, fmt.Errorf("golearn node is a %v", v.Kind())
	}
	var n cartNode
	for _, name := range []string{"Left", "Right", "Threshold", "Feature", "isNodeNeeded"} {
		if !v.FieldByName(name).IsValid() {
			return n, fmt.Errorf("golearn node has no field %s", name)
		}
	}
	if l := v.FieldByName("Left"); !l.IsNil() {
		n.left = &l
	}
	if r := v.FieldByName("Right"); !r.IsNil() {
		n.right = &r
	}
	n.threshold = v.FieldByName("Threshold").Float()
	n.feature = int(v.FieldByName("Feature").Int())
	n.needed = v.FieldByName("isNodeNeeded").Bool()
	return n, nil
}

// convertCART flattens golearn's tree in preorder, routing the training
// rows down it to give every node its class counts.
func convertCART(root any, X [][]float64, y []model.Label) (model.Tree, error) {
	var t model.Tree
	rv := reflect.ValueOf(root)
	if !rv.IsValid() || rv.IsNil() {
		return t, fmt.Errorf("golearn tree has no root")
	}
	rows := make([]int, len(X))
	for i := range rows {
		rows[i] = i
	}
	counts := func(rows []int) [2]float64 {
		var c [2]float64
		for _, r := range rows {
			c[y[r]]++
		}
		return c
	}
	rn, err := readCARTNode(rv)
	if err != nil {
		return t, err
	}
	if !rn.needed {
		addLeaf(&t, counts(rows))
		return t, nil
	}
	nf := len(X[0])
	var conv func(v reflect.Value, rows []int, depth int) (int32, error)
	conv = func(v reflect.Value, rows []int, depth int) (int32, error) {
		n, err := readCARTNode(v)
		if err != nil {
			return 0, err
		}
		if n.feature < 0 || n.feature >= nf || math.IsNaN(n.threshold) || math.IsInf(n.threshold, 0) {
			return 0, fmt.Errorf("golearn node tests feature %d < %v", n.feature, n.threshold)
		}
		if depth > model.MaxTreeDepth {
			return 0, fmt.Errorf("golearn tree deeper than %d", model.MaxTreeDepth)
		}
		id := addLeaf(&t, counts(rows))
		setSplit(&t, id, n.feature, n.threshold)
		var lr, rr []int
		for _, r := range rows {
			if X[r][n.feature] < n.threshold {
				lr = append(lr, r)
			} else {
				rr = append(rr, r)
			}
		}
		if len(lr) == 0 || len(rr) == 0 {
			return 0, fmt.Errorf("golearn split on feature %d at %v leaves a side empty", n.feature, n.threshold)
		}
		side := func(child *reflect.Value, rows []int) (int32, error) {
			if child == nil {
				return addLeaf(&t, counts(rows)), nil
			}
			return conv(*child, rows, depth+1)
		}
		l, err := side(n.left, lr)
		if err != nil {
			return 0, err
		}
		r, err := side(n.right, rr)
		if err != nil {
			return 0, err
		}
		t.Left[id], t.Right[id] = l, r
		return id, nil
	}
	if _, err := conv(rv, rows, 0); err != nil {
		return model.Tree{}, err
	}
	return t, nil
}

// Predict returns a grid with one categorical ClassAttribute per row of g,
// predicted by the converted model.
func (c *GolearnCART) Predict(g base.FixedDataGrid) (base.FixedDataGrid, error) {
	if c.model == nil {
		return nil, fmt.Errorf("predict: %w", ErrNotFitted)
	}
	return predictGrid(c.model, g)
}

// Model returns the converted model.
func (c *GolearnCART) Model() (*model.Model, error) {
	if c.model == nil {
		return nil, ErrNotFitted
	}
	return c.model, nil
}

// String describes the trainer and, once fitted, the tree's size.
func (c *GolearnCART) String() string { return describe(TrainerGolearnCART, c.Config, c.model) }

// GetMetadata describes the classifier for golearn.
func (c *GolearnCART) GetMetadata() base.ClassifierMetadataV1 {
	return metadata(TrainerGolearnCART, c.Config)
}

// Save returns ErrUnsupported.
func (c *GolearnCART) Save(string) error { return ErrUnsupported }

// Load returns ErrUnsupported.
func (c *GolearnCART) Load(string) error { return ErrUnsupported }

// SaveWithPrefix returns ErrUnsupported.
func (c *GolearnCART) SaveWithPrefix(*base.ClassifierSerializer, string) error {
	return ErrUnsupported
}

// LoadWithPrefix returns ErrUnsupported.
func (c *GolearnCART) LoadWithPrefix(*base.ClassifierDeserializer, string) error {
	return ErrUnsupported
}
