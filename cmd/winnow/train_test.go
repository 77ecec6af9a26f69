package main

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/model"
)

// TestTrainDefaults checks each trainer's defaults for the flags left at 0,
// and that flags given are kept.
func TestTrainDefaults(t *testing.T) {
	const rows = 554_000
	for _, tc := range []struct {
		trainer string
		in      model.Config
		want    model.Config
	}{
		{model.TrainerBoost, model.Config{MaxFeatures: 30},
			model.Config{MaxDepth: model.DefaultBoostDepth, Trees: model.DefaultBoostTrees, MinLeaf: boostMinLeaf}},
		{model.TrainerBoost, model.Config{MaxDepth: 4, Trees: 7, MinLeaf: 2, LearningRate: 0.1},
			model.Config{MaxDepth: 4, Trees: 7, MinLeaf: 2, LearningRate: 0.1}},
		{model.TrainerCART, model.Config{MaxFeatures: 30},
			model.Config{MaxDepth: 14, Trees: 20, MinLeaf: 40, MaxFeatures: 30}},
		{model.TrainerCART, model.Config{Trees: 1, MaxFeatures: 30},
			model.Config{MaxDepth: 14, Trees: 1, MinLeaf: 40}},
		{model.TrainerGolearnCART, model.Config{MaxFeatures: 30},
			model.Config{MaxDepth: 14, Trees: 1, MinLeaf: 40}},
	} {
		if got := trainDefaults(tc.trainer, tc.in, rows); got != tc.want {
			t.Errorf("%s %+v: got %+v, want %+v", tc.trainer, tc.in, got, tc.want)
		}
	}
}

// TestTrainerFlagHelp checks that the flags' help states the defaults
// trainDefaults fills in, so that changing a default changes the help.
func TestTrainerFlagHelp(t *testing.T) {
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	var tf trainerFlags
	tf.register(fs)
	boost := trainDefaults(model.TrainerBoost, model.Config{}, 554_000)
	cart := trainDefaults(model.TrainerCART, model.Config{}, 554_000)
	for _, tc := range []struct{ flag, want string }{
		{"trees", fmt.Sprintf("0: %d for boost, %d for cart", boost.Trees, cart.Trees)},
		{"max-depth", fmt.Sprintf("0: %d for boost, %d for cart", boost.MaxDepth, cart.MaxDepth)},
		{"min-leaf", fmt.Sprintf("0: %d for boost", boost.MinLeaf)},
		{"learning-rate", fmt.Sprintf("0: %v", model.DefaultLearningRate)},
	} {
		if u := fs.Lookup(tc.flag).Usage; !strings.Contains(u, tc.want) {
			t.Errorf("-%s help %q lacks %q", tc.flag, u, tc.want)
		}
	}
}
