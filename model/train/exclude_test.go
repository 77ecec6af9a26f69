package train

import (
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/model"
)

// TestExclude checks that every trainer leaves the features Config.Exclude
// names untested: f02 decides the label, so each trainer tests it unless
// told not to; and that an unknown name is an error.
func TestExclude(t *testing.T) {
	s := synthSchema(6)
	X, y := synth(600, 6, 8, 0.02)
	g, err := NewInstances(s, X, y)
	if err != nil {
		t.Fatal(err)
	}
	f02 := slices.Index(s.Names, "f02")
	for _, name := range TrainerNames() {
		t.Run(name, func(t *testing.T) {
			fit := func(cfg model.Config) (*model.Model, error) {
				tr, err := NewTrainer(name, cfg)
				if err != nil {
					return nil, err
				}
				if err := tr.Fit(g); err != nil {
					return nil, err
				}
				return tr.Model()
			}
			all, err := fit(model.Config{MaxDepth: 4, Trees: 1})
			if err != nil {
				t.Fatal(err)
			}
			if all.Importances()[f02] == 0 {
				t.Fatal("f02 is not tested without Exclude; the test cannot tell")
			}
			m, err := fit(model.Config{MaxDepth: 4, Trees: 1, Exclude: []string{"f02"}})
			if err != nil {
				t.Fatal(err)
			}
			if imp := m.Importances()[f02]; imp != 0 {
				t.Errorf("f02 has importance %v with Exclude", imp)
			}
			if !slices.Equal(m.Params.Exclude, []string{"f02"}) {
				t.Errorf("Params.Exclude = %q, want [f02]", m.Params.Exclude)
			}
			if _, err := fit(model.Config{MaxDepth: 4, Trees: 1, Exclude: []string{"nope"}}); err == nil || !strings.Contains(err.Error(), `"nope"`) {
				t.Errorf("unknown excluded feature: %v, want an error naming it", err)
			}
		})
	}
}
