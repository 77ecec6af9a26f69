package train

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sjwhitworth/golearn/base"
	"github.com/winnow-dev/winnow/model"
)

var (
	// ErrNotFitted is returned by a trainer's Model and Predict before Fit.
	ErrNotFitted = errors.New("trainer not fitted")
	// ErrUnknownTrainer is returned by NewTrainer for an unknown name.
	ErrUnknownTrainer = errors.New("unknown trainer")
	// ErrUnsupported is returned by the golearn Classifier methods that make
	// no sense here (Save, Load and their prefixed forms): save the Model
	// instead, with Model.Save or WriteFile.
	ErrUnsupported = errors.New("not supported: save the Model with Model.Save or WriteFile")
)

// Trainer is a golearn classifier that produces a winnow Model.
type Trainer interface {
	base.Classifier
	// Model returns the model of the last successful Fit, or ErrNotFitted.
	Model() (*model.Model, error)
}

// TrainerNames lists the names NewTrainer accepts, DefaultTrainer first.
func TrainerNames() []string { return []string{TrainerBoost, TrainerCART, TrainerGolearnCART} }

// NewTrainer returns the trainer called name: "boost" (or "", see
// DefaultTrainer) for the boosted oblivious trees of FitBoost, "cart" for
// the histogram CART of Fit, "golearn-cart" for golearn's own CART (small
// sets only, see GolearnCART). cfg is checked, and its zero fields get the
// trainer's defaults, when Fit sees the data.
func NewTrainer(name string, cfg model.Config) (Trainer, error) {
	switch name {
	case TrainerBoost, "":
		return NewBoostLearner(cfg), nil
	case TrainerCART:
		return NewTreeLearner(cfg), nil
	case TrainerGolearnCART:
		return NewGolearnCART(cfg), nil
	}
	return nil, fmt.Errorf("%w %q (want %s)", ErrUnknownTrainer, name, strings.Join(TrainerNames(), ", "))
}

// TreeLearner is the histogram CART trainer (see Fit) as a golearn
// Classifier. Fit reads the grid's float attributes as features and its
// class attribute as the label; Predict labels rows Content when
// P(content) > 0.5. A TreeLearner is not safe for concurrent Fit calls; the
// Model it returns is safe for concurrent use.
type TreeLearner struct {
	Config model.Config
	boost  bool // train with FitBoost
	model  *model.Model
}

var (
	_ base.Classifier = (*TreeLearner)(nil)
	_ Trainer         = (*TreeLearner)(nil)
)

// NewTreeLearner returns an unfitted TreeLearner with cfg.
func NewTreeLearner(cfg model.Config) *TreeLearner { return &TreeLearner{Config: cfg} }

// NewBoostLearner returns an unfitted TreeLearner with cfg that trains with
// FitBoost.
func NewBoostLearner(cfg model.Config) *TreeLearner { return &TreeLearner{Config: cfg, boost: true} }

// name is the trainer's name.
func (t *TreeLearner) name() string {
	if t.boost {
		return TrainerBoost
	}
	return TrainerCART
}

// Fit converts the grid with FromInstances and trains with Fit (FitBoost
// for a NewBoostLearner).
func (t *TreeLearner) Fit(g base.FixedDataGrid) error {
	s, X, y, err := FromInstances(g)
	if err != nil {
		return err
	}
	fit := Fit
	if t.boost {
		fit = FitBoost
	}
	m, err := fit(s, X, y, t.Config)
	if err != nil {
		return err
	}
	t.model = m
	return nil
}

// Predict returns a grid with one categorical ClassAttribute per row of g.
func (t *TreeLearner) Predict(g base.FixedDataGrid) (base.FixedDataGrid, error) {
	if t.model == nil {
		return nil, fmt.Errorf("predict: %w", ErrNotFitted)
	}
	return predictGrid(t.model, g)
}

// Model returns the fitted model.
func (t *TreeLearner) Model() (*model.Model, error) {
	if t.model == nil {
		return nil, ErrNotFitted
	}
	return t.model, nil
}

// String describes the trainer and, once fitted, the tree's size.
func (t *TreeLearner) String() string { return describe(t.name(), t.Config, t.model) }

// GetMetadata describes the classifier for golearn.
func (t *TreeLearner) GetMetadata() base.ClassifierMetadataV1 { return metadata(t.name(), t.Config) }

// Save returns ErrUnsupported.
func (t *TreeLearner) Save(string) error { return ErrUnsupported }

// Load returns ErrUnsupported.
func (t *TreeLearner) Load(string) error { return ErrUnsupported }

// SaveWithPrefix returns ErrUnsupported.
func (t *TreeLearner) SaveWithPrefix(*base.ClassifierSerializer, string) error {
	return ErrUnsupported
}

// LoadWithPrefix returns ErrUnsupported.
func (t *TreeLearner) LoadWithPrefix(*base.ClassifierDeserializer, string) error {
	return ErrUnsupported
}

func describe(name string, cfg model.Config, m *model.Model) string {
	s := fmt.Sprintf("%s(criterion=%v max_depth=%d min_leaf=%d trees=%d seed=%d)",
		name, cfg.Criterion, cfg.MaxDepth, cfg.MinLeaf, cfg.Trees, cfg.Seed)
	if m == nil {
		return s + " unfitted"
	}
	return fmt.Sprintf("%s: %d trees, %d nodes, depth %d", s, m.NumTrees(), m.NumNodes(), m.Depth())
}

func metadata(name string, cfg model.Config) base.ClassifierMetadataV1 {
	return base.ClassifierMetadataV1{
		FormatVersion:     1,
		ClassifierName:    "winnow/" + name,
		ClassifierVersion: fmt.Sprint(model.FormatVersion),
		ClassifierMetadata: map[string]any{
			"criterion": cfg.Criterion.String(), "max_depth": cfg.MaxDepth, "min_leaf": cfg.MinLeaf,
			"bins": cfg.Bins, "trees": cfg.Trees, "seed": cfg.Seed,
		},
	}
}
