package dataset

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/winnow-dev/winnow/features/page"
)

// GoldSet is the set name of the pages LoadGoldDir reads.
const GoldSet = "gold"

// LoadGoldDir reads a folder of NAME.html (or NAME.htm) pages, each with
// its gold text in NAME.txt (UTF-8), for users who evaluate on their own
// pages. Blocks are labelled by aligning them to the gold text
// (Align with its default threshold), so block scores are as good
// as that alignment. Every page is its own site, so cross-validation splits by
// page. A page without a .txt, or that features refuses, is an error naming it:
// a user's folder is small and should be fixed rather than half-read.
func LoadGoldDir(dir string) ([]*LabelledPage, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("gold folder: %w", err)
	}
	var names []string
	for _, en := range entries {
		ext := strings.ToLower(filepath.Ext(en.Name()))
		if en.Type().IsRegular() && (ext == ".html" || ext == ".htm") {
			names = append(names, en.Name())
		}
	}
	slices.Sort(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("gold folder %s: no .html pages", dir)
	}
	var pages []*LabelledPage
	for _, name := range names {
		p, err := loadGoldPage(dir, name)
		if err != nil {
			return nil, err
		}
		pages = append(pages, p)
	}
	return pages, nil
}

func loadGoldPage(dir, name string) (*LabelledPage, error) {
	id := strings.TrimSuffix(name, filepath.Ext(name))
	gold, err := os.ReadFile(filepath.Join(dir, id+".txt"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("gold folder: %s has no gold text %s.txt", name, id)
	}
	if err != nil {
		return nil, fmt.Errorf("gold folder: %w", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("gold folder: %w", err)
	}
	page, err := page.ParseBytes(b, page.Options{})
	if err != nil {
		return nil, fmt.Errorf("gold folder: %s: %w", name, err)
	}
	text := string(gold)
	return &LabelledPage{
		Set: GoldSet, ID: id, Site: id, Page: page, Source: filepath.Join(dir, name),
		Labels: Align(page.Blocks, text, 0),
		Gold:   text,
	}, nil
}
