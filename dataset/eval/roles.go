package eval

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/internal/render"
	"github.com/winnow-dev/winnow/model"
)

// HeadScore is one role head's block classification, alone (P ≥
// winnow.RoleThreshold, before the extractor combines the heads), on the
// blocks of pages whose sets label that role.
type HeadScore struct {
	Head          string
	Pages, Blocks int
	Confusion
}

// HeadScores scores every head of heads that dataset.RoleHeads names on
// the pages that label it: the held-back scores winnow train prints.
func HeadScores(heads *model.Heads, pages []*dataset.LabelledPage) []HeadScore {
	var out []HeadScore
	for _, h := range dataset.RoleHeads() {
		m := heads.Head(h.String())
		if m == nil {
			continue
		}
		sc := HeadScore{Head: h.String()}
		for _, p := range pages {
			if p.RoleLabels(h) == nil {
				continue
			}
			sc.Pages++
			x, y := RoleRows([]*dataset.LabelledPage{p}, h, nil)
			sc.Blocks += len(x)
			for i, v := range x {
				sc.Add(m.Predict(v) >= winnow.RoleThreshold, y[i] == model.Content)
			}
		}
		out = append(out, sc)
	}
	return out
}

// WriteHeadScores prints scores as a right-aligned table of precision,
// recall and F1.
func WriteHeadScores(w io.Writer, scores []HeadScore) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "role\tpages\tblocks\twith role\tprecision\trecall\tF1\t\n")
	for _, s := range scores {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.0f\t%.3f\t%.3f\t%.3f\t\n", s.Head, s.Pages, s.Blocks, s.TP+s.FN, s.Precision(), s.Recall(), s.F1())
	}
	return tw.Flush()
}

// roleTruth returns, per block of p, whether it has role r, with Unknown
// where p's set does not say, and nil when it says nothing of r. Body is
// known only from L3S-GN1's fine labels (full text); the other roles are
// the role heads' labels (dataset.LabelledPage.RoleLabels).
func roleTruth(p *dataset.LabelledPage, r winnow.Role) []dataset.Label {
	switch r {
	case winnow.RoleComment:
		return p.RoleLabels(dataset.HeadComment)
	case winnow.RoleTitle:
		return p.RoleLabels(dataset.HeadTitle)
	case winnow.RoleByline:
		return p.RoleLabels(dataset.HeadByline)
	case winnow.RoleCaption:
		return p.RoleLabels(dataset.HeadCaption)
	case winnow.RoleBody:
		if p.Fine == nil {
			return nil
		}
		out := make([]dataset.Label, len(p.Fine))
		for i, f := range p.Fine {
			switch {
			case p.Labels[i] == dataset.Unknown:
				out[i] = dataset.Unknown
			case f == dataset.FullText:
				out[i] = dataset.Content
			}
		}
		return out
	}
	return nil
}

// scoredRoles are the roles the report scores, in its order.
var scoredRoles = []winnow.Role{winnow.RoleBody, winnow.RoleTitle, winnow.RoleByline, winnow.RoleCaption, winnow.RoleComment}

// pageRoles is how a model's roles did on one page.
type pageRoles struct {
	id string // the page's dataset.LabelledPage.ID
	// conf is, per scoredRoles entry, the confusion of "block has the
	// role" on the blocks whose role the set knows; known says whether the
	// page's set labels that role at all.
	conf  []Confusion
	known []bool
	// Body-only text against BodyGold, when the page has it.
	hasBody    bool
	tp, fp, fn float64
	// Comments: blocks the set flags as comments, and those that went into
	// the text; only for sets that label comments.
	hasComments                   bool
	commentBlocks, commentsInText int
	// fields are the article's fields against the page's gold, in
	// scoredFields order (scoreFields).
	fields [len(scoredFields)]fieldMatch
}

// scoreRoles scores the roles of a model's article a on p; c is the page's
// comment count (commentCountOf), computed once for both reports.
func scoreRoles(p *dataset.LabelledPage, a *winnow.Article, c commentCount) pageRoles {
	pr := pageRoles{id: p.ID, conf: make([]Confusion, len(scoredRoles)), known: make([]bool, len(scoredRoles))}
	for k, r := range scoredRoles {
		truth := roleTruth(p, r)
		if truth == nil {
			continue
		}
		pr.known[k] = true
		for i, b := range a.Blocks {
			if truth[i] != dataset.Unknown {
				pr.conf[k].Add(b.Role == r, truth[i] == dataset.Content)
			}
		}
	}
	if p.BodyGold != "" {
		pr.hasBody = true
		body := render.Blocks(len(a.Blocks), func(i int) render.Block {
			b := &a.Blocks[i]
			return render.Block{Text: b.Text, Kind: b.Kind, Level: b.Level, Row: b.Row, Keep: b.Content && b.Role == winnow.RoleBody}
		}, render.Text)
		pr.tp, pr.fp, pr.fn = dataset.Shingles(body, p.BodyGold)
	}
	pr.hasComments, pr.commentBlocks, pr.commentsInText = c.labelled, c.blocks, c.kept
	pr.fields = scoreFields(p, a)
	return pr
}

// RoleReport is one model's block roles on one group of pages.
type RoleReport struct {
	System string `json:"system"`
	Group  string `json:"group"`
	Pages  int    `json:"pages"`
	// Roles are the block-level scores of each role some page of the
	// group labels.
	Roles []RoleScore `json:"roles"`
	// BodyText is the body-only text (blocks kept with role body) against
	// the body-only gold (dataset.LabelledPage.BodyGold), over the pages
	// that have it; nil without.
	BodyText *BodyTextScore `json:"body_text,omitempty"`
	// Comments are the reader comments that went into the text, over the
	// pages of sets that label comments; nil without.
	Comments *CommentLeak `json:"comments,omitempty"`
	// Fields are the article's fields against the gold the group's sets
	// give (see scoredFields); nil without.
	Fields []FieldScore `json:"fields,omitempty"`
}

// RoleScore is the block-level precision, recall and F1 of one role.
type RoleScore struct {
	Role   string `json:"role"`
	Pages  int    `json:"pages"`
	Blocks int    `json:"blocks"`
	// Labelled is how many of the blocks have the role.
	Labelled int `json:"labelled"`
	PRF
}

// BodyTextScore is the shingle precision, recall and F1 (dataset.ShingleMean)
// of the body-only text.
type BodyTextScore struct {
	Pages int `json:"pages"`
	PRF
}

// CommentLeak counts reader comments in the text.
type CommentLeak struct {
	Pages int `json:"pages"`
	// PagesWithComments have at least one comment block; PagesLeaking of
	// them have one in the text, a share LeakingShare of them.
	PagesWithComments int     `json:"pages_with_comments"`
	PagesLeaking      int     `json:"pages_leaking"`
	LeakingShare      float64 `json:"leaking_share"`
	CommentBlocks     int     `json:"comment_blocks"`
	BlocksInText      int     `json:"blocks_in_text"`
	// Leaking are the leaking pages, most comment blocks in the text first
	// (then by ID): the pages to read with winnow extract -explain.
	Leaking []LeakingPage `json:"leaking"`
}

// LeakingPage is a page some of whose reader comments went into the text.
type LeakingPage struct {
	ID           string `json:"id"` // dataset.LabelledPage.ID
	BlocksInText int    `json:"blocks_in_text"`
}

// roleReport aggregates the pages' role scores of one system.
func roleReport(system, group string, prs []pageRoles) (RoleReport, bool) {
	rr := RoleReport{System: system, Group: group, Pages: len(prs)}
	any := false
	for k, r := range scoredRoles {
		var c Confusion
		pages := 0
		for _, pr := range prs {
			if pr.known[k] {
				pages++
				c.Merge(pr.conf[k])
			}
		}
		if pages == 0 {
			continue
		}
		any = true
		rr.Roles = append(rr.Roles, RoleScore{Role: r.String(), Pages: pages, Blocks: int(c.Total()), Labelled: int(c.TP + c.FN),
			PRF: PRF{Precision: c.Precision(), Recall: c.Recall(), F1: c.F1()}})
	}
	var sh dataset.ShingleMean
	bodyPages := 0
	var cl CommentLeak
	for _, pr := range prs {
		if pr.hasBody {
			bodyPages++
			sh.Add(pr.tp, pr.fp, pr.fn)
		}
		if pr.hasComments {
			cl.Pages++
			cl.CommentBlocks += pr.commentBlocks
			cl.BlocksInText += pr.commentsInText
			if pr.commentBlocks > 0 {
				cl.PagesWithComments++
				if pr.commentsInText > 0 {
					cl.PagesLeaking++
					cl.Leaking = append(cl.Leaking, LeakingPage{ID: pr.id, BlocksInText: pr.commentsInText})
				}
			}
		}
	}
	if bodyPages > 0 {
		any = true
		rr.BodyText = &BodyTextScore{Pages: bodyPages, PRF: PRF{Precision: sh.Precision(), Recall: sh.Recall(), F1: sh.F1()}}
	}
	if rr.Fields = fieldScores(prs); rr.Fields != nil {
		any = true
	}
	if cl.Pages > 0 {
		any = true
		if cl.PagesWithComments > 0 {
			cl.LeakingShare = float64(cl.PagesLeaking) / float64(cl.PagesWithComments)
		}
		slices.SortFunc(cl.Leaking, func(a, b LeakingPage) int {
			return cmp.Or(b.BlocksInText-a.BlocksInText, strings.Compare(a.ID, b.ID))
		})
		rr.Comments = &cl
	}
	return rr, any
}

// rolesOf reports the roles of every model system of evals: per set whose
// pages label some role or have body-only gold or comment flags, and
// pooled over those sets' pages.
func rolesOf(evals []pageEval, systems []*System) []RoleReport {
	var out []RoleReport
	for k, s := range systems {
		if !s.isModel() {
			continue
		}
		var sets []string
		bySet := map[string][]pageRoles{}
		for _, pe := range evals {
			set := pe.page.Set
			if bySet[set] == nil {
				sets = append(sets, set)
			}
			bySet[set] = append(bySet[set], pe.sys[k].roles)
		}
		var pool []pageRoles
		n := 0
		for _, set := range sets {
			if rr, ok := roleReport(s.name, set, bySet[set]); ok {
				out = append(out, rr)
				if !isRegression(set) {
					pool = append(pool, bySet[set]...)
					n++
				}
			}
		}
		if n > 1 {
			if rr, ok := roleReport(s.name, "all", pool); ok {
				out = append(out, rr)
			}
		}
	}
	return out
}

// roleTable shows each model's block roles per group: block-level
// precision, recall and F1 of every role the group's sets label, the
// body-only text F1 and the comments that went into the text.
func roleTable(r *Report) *table {
	t := &table{Title: "Block roles: per role, block P/R/F1 where a set labels it; body text: body-only text (role body) against body-only gold (L3S-GN1 full text, Dragnet's article part), shingle P/R/F1; comments in text: pages with comments whose comments reached the text",
		Head: []string{"system", "group", "role", "pages", "blocks", "labelled", "precision", "recall", "F1"}}
	for _, rr := range r.Roles {
		for _, rs := range rr.Roles {
			t.add(rr.System, rr.Group, rs.Role, strconv.Itoa(rs.Pages), strconv.Itoa(rs.Blocks), strconv.Itoa(rs.Labelled), f3(rs.Precision), f3(rs.Recall), f3(rs.F1))
		}
		if b := rr.BodyText; b != nil {
			t.add(rr.System, rr.Group, "body text", strconv.Itoa(b.Pages), "", "", f3(b.Precision), f3(b.Recall), f3(b.F1))
		}
		if c := rr.Comments; c != nil {
			t.add(rr.System, rr.Group, "comments in text", strconv.Itoa(c.Pages), fmt.Sprintf("%d of %d", c.BlocksInText, c.CommentBlocks), "",
				fmt.Sprintf("%d of %d pages", c.PagesLeaking, c.PagesWithComments), fmt.Sprintf("%.1f%%", 100*c.LeakingShare), "")
		}
	}
	return t
}

// leakTable names, per group of pages, the pages whose reader comments
// reached the text: the ones to read first.
func leakTable(r *Report) *table {
	t := &table{Title: fmt.Sprintf("Pages whose reader comments reached the text, with their comment blocks in it, most first (at most %d per group; the JSON report lists all): read them with winnow extract -explain", leakingShown),
		Head: []string{"system", "group", "pages"}}
	for _, rr := range r.Roles {
		if c := rr.Comments; c != nil && len(c.Leaking) > 0 && rr.Group != "all" {
			t.add(rr.System, rr.Group, leakingList(c.Leaking))
		}
	}
	return t
}

// leakingShown is how many leaking pages leakTable names per group.
const leakingShown = 8

// leakingList names the first leakingShown pages of leaking, each with
// its comment blocks in the text, and how many more there are.
func leakingList(leaking []LeakingPage) string {
	var parts []string
	for i, l := range leaking {
		if i == leakingShown {
			parts = append(parts, fmt.Sprintf("+%d more", len(leaking)-i))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", l.ID, l.BlocksInText))
	}
	return strings.Join(parts, ", ")
}

// RoleFit describes the training of one role head.
type RoleFit struct {
	Head              string
	Blocks, Positives int
	Pages             int
	Sets              []string
}

// TrainRoles fits one model per role head h (dataset.RoleHeads, named as
// winnow.RoleHeads names them) with fit(h), on the blocks of pages whose
// sets label that role (RoleRows), each page's vectors given by vecsOf;
// summary is recorded in every head, its sets, pages and blocks made the
// head's.
func TrainRoles(pages []*dataset.LabelledPage, vecsOf func(*dataset.LabelledPage) [][]float64, fit func(dataset.RoleHead) Trainer, summary model.TrainingSummary) (*model.Heads, []RoleFit, error) {
	heads := &model.Heads{}
	var fits []RoleFit
	for _, h := range dataset.RoleHeads() {
		x, y := RoleRows(pages, h, vecsOf)
		if len(x) == 0 {
			continue // no set among pages draws this role's line: no head
		}
		m, err := fit(h)(x, y)
		if err != nil {
			return nil, nil, fmt.Errorf("role %s: %w", h, err)
		}
		rf := RoleFit{Head: h.String(), Blocks: len(x)}
		var labelled []*dataset.LabelledPage
		for _, p := range pages {
			if p.RoleLabels(h) != nil {
				labelled = append(labelled, p)
			}
		}
		rf.Sets, rf.Pages = dataset.SetsOf(labelled), len(labelled)
		for _, l := range y {
			if l == model.Content {
				rf.Positives++
			}
		}
		s := summary
		s.Sets, s.Pages, s.Blocks = rf.Sets, rf.Pages, rf.Blocks
		s.Note = "role head " + h.String() + ": P(block is " + h.String() + ")"
		m.Summary = s
		heads.Names = append(heads.Names, h.String())
		heads.Models = append(heads.Models, m)
		fits = append(fits, rf)
	}
	return heads, fits, nil
}
