package eval

import (
	"github.com/winnow-dev/winnow/dataset"
)

// Report is the result of one evaluation run (Run or CV). Its JSON keys
// are stable; every number WriteText prints is in it.
type Report struct {
	// Split is "test" (the held-back sites of dataset.Split), "all",
	// "gold" (a folder of the user's pages) or "cv".
	Split     string  `json:"split"`
	Seed      uint64  `json:"seed"`
	Threshold float64 `json:"threshold"`
	// PostProcessing says whether any post-processing rule ran; PostRules
	// names those that did (Options.Rules). Whether a model's smoothing
	// model ran is ModelInfo.Smoothed.
	PostProcessing bool     `json:"post_processing"`
	PostRules      []string `json:"post_rules"`
	Pages          int      `json:"pages"`
	// Skipped is how many pages the loader could not use; Run and CV
	// leave it to the caller, who loaded the pages.
	Skipped int          `json:"skipped"`
	Models  []ModelInfo  `json:"models"`
	Systems []string     `json:"systems"`
	Groups  []GroupScore `json:"groups"`
	// Diffs compare the second model with the first (second minus first),
	// when two models are given.
	Diffs []DiffRow `json:"diffs,omitempty"`
	// Kinds break each model's block mistakes down by L3S-GN1's fine
	// labels, over the pages that have them; empty without such pages.
	Kinds []KindErrors `json:"kinds,omitempty"`
	// Roles are each model's block roles per group (see RoleReport);
	// empty when no page labels a role.
	Roles []RoleReport `json:"roles,omitempty"`
	// PageTypes are each model's page types against the sets' (see
	// PageTypeScore); empty when no page has a known type or no model
	// predicts types.
	PageTypes []PageTypeScore `json:"page_types,omitempty"`
	// Rules are, per model, the blocks each post-processing rule decided
	// against the threshold's verdict; empty with smoothing off.
	Rules       []RuleEffects      `json:"rules,omitempty"`
	Worst       []WorstPages       `json:"worst"`
	Importances []ModelImportances `json:"importances"`
	CV          *CVReport          `json:"cv,omitempty"`
}

// ModelInfo describes an evaluated model.
type ModelInfo struct {
	Name      string   `json:"name"`
	Path      string   `json:"path"`
	Trainer   string   `json:"trainer"`
	Trees     int      `json:"trees"`
	Nodes     int      `json:"nodes"`
	Depth     int      `json:"depth"`
	TrainSets []string `json:"train_sets"`
	// TrainPages and TrainBlocks are from the model file's summary.
	TrainPages  int `json:"train_pages"`
	TrainBlocks int `json:"train_blocks"`
	// Smoothed says a smoothing model decides the blocks from the
	// model's probabilities (winnow.WithSmoother).
	Smoothed bool `json:"smoothed"`
	// RecordsSmoothed says a records smoothing model decides the pages
	// taken for a type other than article (winnow.WithRecordsSmoother).
	RecordsSmoothed bool `json:"records_smoothed"`
}

func describeModel(s *System) ModelInfo {
	m := s.m
	return ModelInfo{Name: s.name, Path: s.path, Trainer: m.Trainer, Trees: m.NumTrees(), Nodes: m.NumNodes(), Depth: m.Depth(),
		TrainSets: m.Summary.Sets, TrainPages: m.Summary.Pages, TrainBlocks: m.Summary.Blocks, Smoothed: s.smoothed, RecordsSmoothed: s.recordsSmoothed}
}

// GroupScore is every system's scores on one group of pages: a set, a
// page type or a language of a set, or all pages pooled.
type GroupScore struct {
	Name string `json:"name"`
	// Kind is "set", "page-type", "language" or "pooled".
	Kind string `json:"kind"`
	// Note says what the gold is when it is not human gold.
	Note  string `json:"note,omitempty"`
	Pages int    `json:"pages"`
	// CharacterPages counts the pages whose texts were scored by
	// characters (dataset.Characters); the other pages with gold text
	// were scored by words.
	CharacterPages int           `json:"character_pages"`
	Systems        []SystemScore `json:"systems"`
}

// SystemScore is one system's scores on one group.
type SystemScore struct {
	System   string          `json:"system"`
	Block    BlockScore      `json:"block"`
	Text     *TextScore      `json:"text,omitempty"`
	Snippets *SnippetScore   `json:"snippets,omitempty"`
	Ranking  *ThresholdScore `json:"thresholds,omitempty"`
	// Comments counts the reader-comment blocks kept as content, on the
	// group's pages with comment labels; nil when it has none.
	Comments *CommentScore `json:"comments,omitempty"`
}

// BlockScore is block-level classification of content, over blocks with a
// known label.
type BlockScore struct {
	Blocks    int     `json:"blocks"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	TN        int     `json:"tn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Accuracy  float64 `json:"accuracy"`
}

// blockScoreOf reports a Confusion: precision is 1 where nothing was
// kept and recall 1 where nothing is content (model's convention).
func blockScoreOf(c Confusion) BlockScore {
	return BlockScore{Blocks: int(c.Total()), TP: int(c.TP), FP: int(c.FP), FN: int(c.FN), TN: int(c.TN),
		Precision: c.Precision(), Recall: c.Recall(), F1: c.F1(), Accuracy: c.Accuracy()}
}

// PRF is a precision, recall and F1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// TextScore compares extracted text with the gold text, over the pages
// that have one.
type TextScore struct {
	Pages int `json:"pages"`
	// Shingles is the Scrapinghub benchmark measure (see dataset.ShingleMean);
	// PrecisionPages counts the pages where something was predicted.
	Shingles       PRF `json:"shingles"`
	PrecisionPages int `json:"precision_pages"`
	// BagOfWords is the mean over pages of dataset.BagOfWords.
	BagOfWords PRF `json:"bag_of_words"`
	// PageF1 is the distribution of per-page shingle F1.
	PageF1 Distribution `json:"page_f1"`
	// Empty is the number of pages where nothing was extracted.
	Empty int `json:"empty"`
	// pageF1s are the per-page values, for the HTML report's plot.
	pageF1s []float64
}

// SnippetScore counts the must / must-not snippets of the pages.
type SnippetScore struct {
	With          int     `json:"with"`
	WithFound     int     `json:"with_found"`
	WithShare     float64 `json:"with_share"`
	Without       int     `json:"without"`
	WithoutLeaked int     `json:"without_leaked"`
	LeakedShare   float64 `json:"leaked_share"`
}

// ThresholdScore is the threshold behaviour of a model's probabilities,
// before smoothing.
type ThresholdScore struct {
	// ROCAUC is null when the group's blocks are all of one class.
	ROCAUC *float64       `json:"roc_auc"`
	At     []ThresholdRow `json:"at"`
	// curve is the precision–recall curve, for the HTML plot only.
	curve []prPoint
}

// DiffRow is the second model minus the first on one group.
type DiffRow struct {
	Group      string   `json:"group"`
	ShingleF1  float64  `json:"shingle_f1"`
	BagOfWords float64  `json:"bag_of_words_f1"`
	BlockF1    float64  `json:"block_f1"`
	ROCAUC     *float64 `json:"roc_auc,omitempty"`
}

// KindErrors are one model's block mistakes by fine label.
type KindErrors struct {
	System string    `json:"system"`
	Pages  int       `json:"pages"`
	Kinds  []KindRow `json:"kinds"`
}

// KindRow is a model's decisions on the blocks of one fine label.
type KindRow struct {
	Kind string `json:"kind"`
	// Content says whether the kind counts as main content.
	Content bool `json:"content"`
	Blocks  int  `json:"blocks"`
	// Wrong is how many of them the model got wrong: content dropped for a
	// content kind, boilerplate kept for the others.
	Wrong      int     `json:"wrong"`
	WrongShare float64 `json:"wrong_share"`
	// MistakeShare is Wrong over the model's mistakes on all kinds.
	MistakeShare float64 `json:"mistake_share"`
}

// RuleEffects are what one model's post-processing rules did.
type RuleEffects struct {
	System string    `json:"system"`
	Rules  []RuleRow `json:"rules"`
}

// RuleRow is one rule's verdicts on blocks with a known label. Each is the
// opposite of the threshold's, so Right-Wrong is how many more blocks the
// rule got right than the threshold alone would have.
type RuleRow struct {
	Rule   string `json:"rule"`
	Pages  int    `json:"pages"`
	Blocks int    `json:"blocks"`
	Right  int    `json:"right"`
	Wrong  int    `json:"wrong"`
}

// WorstPages are a model's pages with the lowest per-page shingle F1.
type WorstPages struct {
	System string      `json:"system"`
	Pages  []WorstPage `json:"pages"`
}

type WorstPage struct {
	Set      string  `json:"set"`
	ID       string  `json:"id"`
	URL      string  `json:"url,omitempty"`
	PageType string  `json:"page_type,omitempty"`
	F1       float64 `json:"f1"`
	BlockF1  float64 `json:"block_f1"`
	// Empty says nothing was extracted.
	Empty bool `json:"empty"`
	// Source is the page's file (dataset.LabelledPage.Source).
	Source string `json:"source,omitempty"`
	// Command is the winnow extract command line that extracts Source
	// as the report's model, threshold and rules did ("" under
	// cross-validation, whose models are not saved). For l3s-gn1, whose
	// labels are on an annotated copy of the page, the original is close
	// to but not the bytes scored.
	Command string `json:"command,omitempty"`
	// Tokenisation is how the page's texts were scored: "words" or
	// "characters" (dataset.Tokenisation).
	Tokenisation string    `json:"tokenisation"`
	Mistakes     []Mistake `json:"mistakes"`
	// page and keep are for the HTML report's highlighted blocks.
	page *dataset.LabelledPage
	keep []bool
}

type ModelImportances struct {
	System   string       `json:"system"`
	Features []Importance `json:"features"`
}

type Importance struct {
	Feature    string  `json:"feature"`
	Importance float64 `json:"importance"`
}
