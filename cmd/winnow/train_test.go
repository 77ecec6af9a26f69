package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/model"
	"github.com/winnow-dev/winnow/model/train"
)

// TestTrainerFlagHelp checks that the flags' help states the defaults the
// trainers fill in, so that changing a default changes the help.
func TestTrainerFlagHelp(t *testing.T) {
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	var tf trainerFlags
	tf.register(fs)
	for _, tc := range []struct{ flag, want string }{
		{"trees", fmt.Sprintf("0: %d for boost, %d for cart", train.DefaultBoostTrees, train.DefaultForestTrees)},
		{"tree-depth", fmt.Sprintf("0: %d for boost, %d for cart", train.DefaultBoostDepth, train.DefaultMaxDepth)},
		{"min-leaf", fmt.Sprintf("0: %d for boost", train.DefaultBoostMinLeaf)},
		{"learning-rate", fmt.Sprintf("0: %v", train.DefaultLearningRate)},
		{"max-features", fmt.Sprintf("0: %d", train.DefaultMaxFeatures)},
	} {
		f := fs.Lookup(tc.flag)
		if u := f.Usage; !strings.Contains(u, tc.want) {
			t.Errorf("-%s help %q lacks %q", tc.flag, u, tc.want)
		}
		if f.DefValue != "0" {
			t.Errorf("-%s defaults to %s, want 0: the trainer's default", tc.flag, f.DefValue)
		}
	}
}

// TestTrainIsLibraryTraining checks that winnow train without trainer
// flags writes the model the library trains with a zero model.Config (but
// for the seed, which winnow train always passes: its -seed, 1 by
// default, and the boosted content model's blend of depths,
// train.DefaultBlendDepths) on the same blocks, for the default trainer and for cart: the
// trainers, not the command, hold the defaults. With -weight words it is
// the model of the weight feature Words.
func TestTrainIsLibraryTraining(t *testing.T) {
	const data = "../../testdata/dataset"
	corpus, err := dataset.Load(data, dataset.Options{Sets: []string{"wcxb"}})
	if err != nil {
		t.Fatal(err)
	}
	var x [][]float64
	var y []model.Label
	for _, p := range corpus.Pages {
		for i, v := range features.Vectors(p.Page) {
			switch p.Labels[i] {
			case dataset.Content:
				x, y = append(x, v), append(y, model.Content)
			case dataset.Boilerplate:
				x, y = append(x, v), append(y, model.Boilerplate)
			}
		}
	}
	for _, tc := range []struct {
		name   string
		flags  []string
		fit    func(model.Schema, [][]float64, []model.Label, model.Config) (*model.Model, error)
		weight string
	}{
		{"default", nil, train.FitBoost, ""},
		{"words", []string{"-weight", "words"}, train.FitBoost, "Words"},
		{"cart", []string{"-trainer", "cart"}, train.Fit, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "model.json")
			args := append([]string{"train", "-data", data, "-sets", "wcxb", "-test-frac", "0", "-o", out}, tc.flags...)
			var stdout, stderr bytes.Buffer
			e := &env{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader(""), getenv: func(string) string { return "" }}
			if code := run(context.Background(), e, args); code != 0 {
				t.Fatalf("winnow %v: exit %d\n%s", args, code, stderr.String())
			}
			file, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			cli, err := model.Load(bytes.NewReader(file), winnow.Schema())
			if err != nil {
				t.Fatal(err)
			}
			if cli.Summary.Blocks != len(x) {
				t.Fatalf("winnow train saw %d blocks, the test %d: not the same rows", cli.Summary.Blocks, len(x))
			}
			// The content model is trained without the role models' own
			// features and, boosted, as the blend of train.DefaultBlendDepths.
			cfg := model.Config{Seed: 1, Exclude: winnow.CommentFeatures(), WeightFeature: tc.weight}
			if tc.name != "cart" {
				cfg.BlendDepths = train.DefaultBlendDepths()
			}
			lib, err := tc.fit(winnow.Schema(), x, y, cfg)
			if err != nil {
				t.Fatal(err)
			}
			lib.Summary = cli.Summary // what the command says of its data
			var b bytes.Buffer
			if err := lib.Save(&b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), file) {
				t.Errorf("library model (params %+v) differs from winnow train's (params %+v)", lib.Params, cli.Params)
			}
			// The smoothing model beside it, trained with it, read as
			// winnow extract -model reads it.
			h, err := loadSmoothFor(out)
			if err != nil || h == nil || h.Head(winnow.SmootherHead) == nil {
				t.Fatalf("the smoothing model beside %s: %v", out, err)
			}
			// It weighs its rows as the content model does, by the
			// smoothing schema's word count.
			wantSmooth := ""
			if tc.weight != "" {
				wantSmooth = smoothWeightFeature
			}
			if got := h.Head(winnow.SmootherHead).Params.WeightFeature; got != wantSmooth {
				t.Errorf("smoothing model weighs rows by %q, want %q", got, wantSmooth)
			}
			// The comment head beside it is trained on every feature, the
			// other role heads as the content model is.
			roles, err := loadRolesFor(out)
			if err != nil {
				t.Fatal(err)
			}
			if roles == nil || len(roles.Models) == 0 {
				t.Fatal("no role model beside the model")
			}
			for i, m := range roles.Models {
				want := winnow.CommentFeatures()
				if roles.Names[i] == "comment" {
					want = nil
				}
				if !slices.Equal(m.Params.Exclude, want) {
					t.Errorf("role head %s trained without %q, want %q", roles.Names[i], m.Params.Exclude, want)
				}
				if m.Params.WeightFeature != "" {
					t.Errorf("role head %s weighs rows by %s, want every block 1", roles.Names[i], m.Params.WeightFeature)
				}
			}
		})
	}
}

// TestTrainProgress checks that winnow train says what it is doing: a
// line per stage when stderr is not a terminal, a bar and a clock when it
// is, and a summary of where the time went.
func TestTrainProgress(t *testing.T) {
	for _, tty := range []bool{false, true} {
		t.Run(fmt.Sprintf("tty=%v", tty), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "m.json")
			var stdout, stderr bytes.Buffer
			e := &env{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader(""), getenv: func(string) string { return "" }, tty: tty}
			args := []string{"train", "-data", "../../testdata/dataset", "-sets", "wcxb", "-trees", "2", "-o", out}
			if code := run(context.Background(), e, args); code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr.String())
			}
			var want []string
			if tty {
				want = []string{"\rload [", "] 3/3 ", "\rfit: boost on ", "\rwrite: " + out, "\rscore: the held-back sites"}
			} else {
				want = []string{"winnow train: load: reading the labelled sets in ../../testdata/dataset\n",
					"winnow train: fit: boost on ", "winnow train: write: " + out + "\n", "winnow train: score: the held-back sites (1 pages)\n"}
			}
			for _, w := range want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%q", w, stderr.String())
				}
			}
			if !regexp.MustCompile(`(?m)^time +load [0-9.]+[µm]?s, fit [0-9.]+[µm]?s, write [0-9.]+[µm]?s, smooth [0-9.]+[µm]?s, roles [0-9.]+[µm]?s, page types [0-9.]+[µm]?s, score [0-9.]+[µm]?s \(total [0-9.]+[µm]?s\)$`).MatchString(stdout.String()) {
				t.Errorf("the summary does not say where the time went:\n%s", stdout.String())
			}
		})
	}
}

// TestTrainBlendFlags checks which models -blend-depths and -tree-depth
// shape: by default the content model is the blend of
// train.DefaultBlendDepths; -tree-depth alone makes it one model of that
// depth, -blend-depths the blend it lists; the smoothing and role models
// are never blends.
func TestTrainBlendFlags(t *testing.T) {
	for _, tc := range []struct {
		flags []string
		blend []int
		depth int
	}{
		{nil, train.DefaultBlendDepths(), slices.Max(train.DefaultBlendDepths())},
		{[]string{"-tree-depth", "3"}, nil, 3},
		{[]string{"-tree-depth", "3", "-blend-depths", "2,4"}, []int{2, 4}, 4},
		{[]string{"-blend-depths", "0"}, nil, train.DefaultBoostDepth},
	} {
		t.Run(strings.Join(append([]string{"flags"}, tc.flags...), " "), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "model.json")
			args := append([]string{"train", "-data", "../../testdata/dataset", "-sets", "wcxb", "-test-frac", "0", "-trees", "3", "-page-types", "-", "-o", out}, tc.flags...)
			var stdout, stderr bytes.Buffer
			e := &env{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader(""), getenv: func(string) string { return "" }}
			if code := run(context.Background(), e, args); code != 0 {
				t.Fatalf("winnow %v: exit %d\n%s", args, code, stderr.String())
			}
			m, err := model.ReadFile(out, winnow.Schema())
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(m.Params.BlendDepths, tc.blend) || m.Params.MaxDepth != tc.depth {
				t.Errorf("content model: blend %v, depth %d; want %v, %d", m.Params.BlendDepths, m.Params.MaxDepth, tc.blend, tc.depth)
			}
			h, err := loadSmoothFor(out)
			if err != nil {
				t.Fatal(err)
			}
			roles, err := loadRolesFor(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, heads := range []*model.Heads{h, roles} {
				for _, hm := range heads.Models {
					if hm.Params.BlendDepths != nil {
						t.Errorf("a smoothing or role model is a blend: %v", hm.Params.BlendDepths)
					}
				}
			}
		})
	}
}

// TestTrainRecipe checks the configuration each model gets from the
// trainer flags: the content model alone is a blend, the content and
// smoothing models alone weigh rows under -weight words (each by its own
// schema's word count), and every model shares the flags' other settings.
func TestTrainRecipe(t *testing.T) {
	comment := winnow.CommentFeatures()
	own := winnow.SmootherOwnFeatures()
	type want struct {
		base, content, smooth, correction model.Config
	}
	for _, tc := range []struct {
		flags []string
		want  want
	}{
		{nil, want{
			base:       model.Config{Seed: 7},
			content:    model.Config{Seed: 7, Exclude: comment, BlendDepths: train.DefaultBlendDepths()},
			smooth:     model.Config{Seed: 7, Exclude: own},
			correction: model.Config{Seed: 7, OffsetFeature: smoothOffsetFeature},
		}},
		{[]string{"-weight", "words"}, want{
			base:       model.Config{Seed: 7},
			content:    model.Config{Seed: 7, Exclude: comment, BlendDepths: train.DefaultBlendDepths(), WeightFeature: "Words"},
			smooth:     model.Config{Seed: 7, Exclude: own, WeightFeature: "BlockWords"},
			correction: model.Config{Seed: 7, OffsetFeature: smoothOffsetFeature, WeightFeature: "BlockWords"},
		}},
		{[]string{"-tree-depth", "6", "-trees", "9", "-min-leaf", "3", "-learning-rate", "0.1"}, want{
			base:       model.Config{Seed: 7, MaxDepth: 6, Trees: 9, MinLeaf: 3, LearningRate: 0.1},
			content:    model.Config{Seed: 7, MaxDepth: 6, Trees: 9, MinLeaf: 3, LearningRate: 0.1, Exclude: comment},
			smooth:     model.Config{Seed: 7, MaxDepth: 6, Trees: 9, MinLeaf: 3, LearningRate: 0.1, Exclude: own},
			correction: model.Config{Seed: 7, MaxDepth: 6, Trees: 9, MinLeaf: 3, LearningRate: 0.1, OffsetFeature: smoothOffsetFeature},
		}},
		{[]string{"-blend-depths", "5,7", "-weight", "words"}, want{
			base:       model.Config{Seed: 7},
			content:    model.Config{Seed: 7, Exclude: comment, BlendDepths: []int{5, 7}, WeightFeature: "Words"},
			smooth:     model.Config{Seed: 7, Exclude: own, WeightFeature: "BlockWords"},
			correction: model.Config{Seed: 7, OffsetFeature: smoothOffsetFeature, WeightFeature: "BlockWords"},
		}},
		{[]string{"-trainer", "cart", "-criterion", "entropy", "-max-features", "12"}, want{
			base:       model.Config{Seed: 7, Criterion: model.Entropy, MaxFeatures: 12},
			content:    model.Config{Seed: 7, Criterion: model.Entropy, MaxFeatures: 12, Exclude: comment},
			smooth:     model.Config{Seed: 7, Criterion: model.Entropy, MaxFeatures: 12, Exclude: own},
			correction: model.Config{Seed: 7, Criterion: model.Entropy, MaxFeatures: 12, OffsetFeature: smoothOffsetFeature},
		}},
	} {
		t.Run(strings.Join(append([]string{"flags"}, tc.flags...), " "), func(t *testing.T) {
			fs := flag.NewFlagSet("", flag.ContinueOnError)
			var tf trainerFlags
			tf.register(fs)
			if err := fs.Parse(tc.flags); err != nil {
				t.Fatal(err)
			}
			r, err := tf.recipe(7)
			if err != nil {
				t.Fatal(err)
			}
			check := func(name string, got, want model.Config) {
				t.Helper()
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s config:\n got %+v\nwant %+v", name, got, want)
				}
			}
			check("content", r.content(), tc.want.content)
			check("smoothing", r.smooth(), tc.want.smooth)
			check("correction", r.correction(), tc.want.correction)
			check("page-type", r.pageTypes(), tc.want.base)
			for _, h := range dataset.RoleHeads() {
				want := tc.want.base
				if h != dataset.HeadComment {
					want.Exclude = comment
				}
				check("role "+h.String(), r.head(h), want)
			}
		})
	}
}
