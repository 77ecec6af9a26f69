// Package eval scores extraction on labelled pages (package dataset): the
// engine behind winnow eval, winnow data stats and winnow train's held-back
// scores.
//
// It takes labelled pages and models, and gives a Report:
//
//	c, _, err := eval.LoadPages(eval.Selection{Dir: dir, HeldBack: true, Seed: 1})
//	m, _ := winnow.DefaultModel()
//	o := eval.Options{Threshold: winnow.DefaultThreshold, Rules: winnow.Rules(), Split: "test", Seed: 1, Workers: 2}
//	s, _ := eval.NewModelSystem("default", "default", m, o)
//	r, err := eval.Run(ctx, c.Pages, []*eval.System{s}, o)
//	eval.WriteText(os.Stdout, r) // or json.Marshal(r), or eval.WriteHTML
//
// Every system runs on the same pages and the same feature vectors,
// computed once per page: the models through the extractor
// (winnow.Extractor.FromVectors: threshold and rules as in winnow extract),
// the baselines (keep everything; boilerpipe's number-of-words and
// densitometric rules) through winnow.Assemble, so all texts are rendered
// alike. The report gives, per set, per WCXB page type, per DAnIEL language
// and pooled over the sets with human gold:
//
//   - text level: the Scrapinghub article-extraction benchmark's shingle
//     measure, bag of words, per-page F1 distribution (dataset's measures);
//   - block level: a Confusion over blocks with a known label;
//   - snippets (WCXB): "with" found, "without" leaked, on word tokens;
//   - thresholds: ROC AUC and precision/recall of the raw P(content);
//   - reader comments (Dragnet, L3S-GN1): the comment blocks kept as content;
//   - tokenisation: the pages scored by characters (CJK gold), per group
//     and per worst page;
//   - the worst pages with their biggest mistakes, feature importances;
//   - under CV (K folds by site, each trained by a Trainer), per-fold
//     scores and mean ± standard deviation.
//
// Its JSON form is the machine-readable one: keys are stable, every number
// of the text report (WriteText) is in it, and lists keep the text
// report's order. WriteHTML adds plots drawn with gonum/plot.
//
// Files: eval.go (Options, Run, page selection), run.go (systems, per-page
// scoring), aggregate.go and report.go (the Report), cv.go, baselines.go,
// confusion.go and metrics.go (the measures), text.go and html.go (output),
// stats.go (the labelled sets described), blockscores.go, rows.go.
package eval
