package main

import (
	"context"
	"fmt"
	"sort"
	"text/tabwriter"
)

func runTree(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "tree", "")
	modelPath := fs.String("model", "default", "model file, or \"default\" for the embedded model")
	format := fs.String("format", "text", "output format: text (rules and feature importances) or dot (Graphviz)")
	depth := fs.Int("depth", 6, "print rules down to this depth (text format)")
	top := fs.Int("top", 20, "feature importances to print")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) != 0:
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, rest)
	case *format != "text" && *format != "dot":
		return fmt.Errorf("%w: unknown -format %q (want text or dot)", errUsage, *format)
	case *depth < 0 || *top < 0:
		return fmt.Errorf("%w: -depth %d and -top %d must not be negative", errUsage, *depth, *top)
	}
	m, err := loadModelFile(*modelPath)
	if err != nil {
		return err
	}
	if *format == "dot" {
		return m.WriteDot(e.stdout)
	}
	shape := fmt.Sprintf("depth %d", m.Depth())
	if b := m.Params.BlendDepths; len(b) > 0 {
		shape = fmt.Sprintf("the mean of %d models of depths %s, %d trees each", len(b), joinInts(b), m.NumTrees()/len(b))
	}
	fmt.Fprintf(e.stdout, "model: trainer %s, %d nodes, %s, trained on %d blocks from %d pages of %v\n\n",
		m.Trainer, m.NumNodes(), shape, m.Summary.Blocks, m.Summary.Pages, m.Summary.Sets)
	if err := m.WriteRules(e.stdout, *depth); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\nfeature importances (impurity decrease, top %d):\n", *top)
	printImportances(e, m.Schema.Names, m.Importances(), *top)
	return nil
}

func printImportances(e *env, names []string, imp []float64, top int) {
	idx := make([]int, len(imp))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return imp[idx[a]] > imp[idx[b]] })
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for k, i := range idx {
		if k >= top || imp[i] == 0 {
			break
		}
		fmt.Fprintf(tw, "  %s\t%.3f\n", names[i], imp[i])
	}
	tw.Flush()
}
