package winnow

import (
	_ "embed"
	"io"
	"slices"
	"strconv"

	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
)

// Role is what a block is to the article.
type Role uint8

// Block roles.
const (
	RoleBoilerplate Role = iota // navigation, teasers, promotions, footers, ...
	RoleBody                    // the article's text: paragraphs, subheadings, lists, tables, quotes
	RoleTitle                   // the headline
	RoleByline                  // author, dateline, "last modified"
	RoleCaption                 // figure captions, image credits
	RoleComment                 // reader comments and their headers
)

var roleNames = [...]string{"boilerplate", "body", "title", "byline", "caption", "comment"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "Role(" + strconv.Itoa(int(r)) + ")"
}

// The role heads: one-vs-rest models in a heads file (model.Heads), named
// by the role they detect. RoleHeads lists them in the order the pipeline
// scores them.
const (
	headComment = iota
	headTitle
	headByline
	headCaption
)

// RoleHeads are the names of the heads a role model file holds, in the
// order `winnow train` writes them: each names the Role it detects.
func RoleHeads() []string {
	return []string{RoleComment.String(), RoleTitle.String(), RoleByline.String(), RoleCaption.String()}
}

// RoleThreshold is the probability of a role head at or above which a
// block gets that role.
const RoleThreshold = 0.5

// partFloor is the block model's probability of content below which a
// block is never read as a byline or a caption (it is body when kept): the
// lowest threshold a page gets by default (DefaultThreshold scaled by
// typeThresholdScale). It does not move with the threshold, so that
// raising the threshold never turns a byline into body text, and the
// byline and caption heads need scoring only on the blocks above it.
const partFloor = 0.3

// captionMaxWords is the most words of a block the caption head may
// claim: about the length of the longest captions it learns from
// (docs/accuracy.md, "Long blocks are not captions"). A longer block it
// claims is body, so that a story paragraph the head takes for a caption
// stays in the article's text. A figure's caption in the markup
// (page.KindCaption) is a caption whatever its length (refineRoles).
const captionMaxWords = 72

// roles assigns every block of p its role from the content decisions keep
// and the role heads' probabilities heads (heads[h][i] for head h of
// RoleHeads and block i; nil without role models):
//
//   - comment: P(comment) ≥ RoleThreshold, kept or not: reader comments
//     are never main content; but on a page that has none (noComments:
//     a forum thread, whose posts are its content, or a documentation
//     page, see readerComments) no block is a reader comment: the comment
//     head is not read, and the blocks it marks are body when kept
//     (without being read as bylines or captions, see headScorer);
//   - title: the one block, not a comment, with the highest P(title), if
//     that is at least RoleThreshold, kept or not;
//   - of the other kept blocks, byline, then caption, when that head's
//     probability reaches RoleThreshold and the block model's probability
//     of content reaches partFloor (readPart), a caption only of at most
//     captionMaxWords words, and body otherwise;
//   - the rest boilerplate.
//
// Reader comments follow the article and come together: a block the
// comment head claims with at least commentBodyAfter words of body after
// it is not one, but body when kept and boilerplate otherwise, and a
// short run of body blocks between two comments is comments too
// (settleComments).
//
// Without role models, kept blocks are body and the rest boilerplate.
func (x *Extractor) roles(p *page.Page, keep, readPart []bool, heads [][]float64, noComments bool) []Role {
	out := make([]Role, len(p.Blocks))
	title, best := -1, RoleThreshold
	for i, k := range keep {
		switch {
		case heads != nil && !noComments && heads[headComment][i] >= RoleThreshold:
			out[i] = RoleComment
			continue
		case !k:
			out[i] = RoleBoilerplate
		case heads != nil && readPart[i] && heads[headByline][i] >= RoleThreshold:
			out[i] = RoleByline
		case heads != nil && readPart[i] && heads[headCaption][i] >= RoleThreshold && p.Blocks[i].Words <= captionMaxWords:
			out[i] = RoleCaption
		default:
			out[i] = RoleBody
		}
		if heads != nil && heads[headTitle][i] >= best {
			title, best = i, heads[headTitle][i]
		}
	}
	if title >= 0 {
		out[title] = RoleTitle
	}
	settleComments(p, keep, out)
	return out
}

// commentBodyAfter is the words of body text after a block above which
// roles does not read it as a reader comment. Chosen from the held-back
// sites' Text F1 (docs/accuracy.md, "Comments follow the article").
const commentBodyAfter = 50

// commentRunMax is the most body blocks between two comments that
// settleComments reads as comments.
const commentRunMax = 3

// settleComments settles which of the blocks the comment head claims are
// reader comments, and fills the gaps the head leaves among them, in one
// pass from the page's end:
//
//   - comments follow the article: a claimed block with at least
//     commentBodyAfter words of body after it is not a comment, but body
//     when kept and boilerplate otherwise. In a comment section, the
//     body after the last claimed block counts only if it has at least
//     as many words as the claimed blocks of the section: fewer is a
//     sidebar under the comments, which would turn them into body one
//     after another;
//   - comments come together: a run of at most commentRunMax body blocks
//     (boilerplate among them or not) between two comments is comments
//     too, and so is one between a heading that opens a comment section
//     (opensComments, kept or not) and a comment, the heading with it. A
//     title, byline, caption or such heading inside a run ends it; what
//     comes before a comment section's heading is not in the section;
//   - what follows the comments is theirs: a run of at most
//     commentRunMax body blocks after a comment section's last comment,
//     to the page's end, is comments too (fillTail).
//
// A run is filled only inside a comment section, at or after the page's
// first heading that opens one, and only when the comment before it is
// one; the words of a filled run are not body after the comments before
// it. The comment head misses some comments among those it finds, such
// as the text of a comment whose "Posted by" line it claims, or the
// first comment under the section's heading: left as body, they would
// put comments in the text, and turn the comments before them into body
// as well. It also claims some paragraphs of an article (a list of tips,
// questions to ask), without a comment heading above them: the runs
// between them are not filled, and the body after them keeps them body.
//
// Raising the threshold leaves fewer body blocks, so it never takes a
// block out of the comments.
func settleComments(p *page.Page, keep []bool, out []Role) {
	if !slices.Contains(out, RoleComment) {
		return
	}
	section := len(out) // the first heading that opens a comment section
	for i := range p.Blocks {
		if opensComments(&p.Blocks[i]) {
			section = i
			break
		}
	}
	fillTail(out, section)
	// ignored is the words of body after the last block the head claims
	// in a comment section, when they are fewer than the words it claims
	// there: a sidebar under the comments, not an article after them.
	claimed, ignored := 0, 0
	for i := len(out) - 1; i >= section; i-- {
		switch {
		case out[i] == RoleComment:
			claimed += p.Blocks[i].Words
		case out[i] == RoleBody && claimed == 0:
			ignored += p.Blocks[i].Words
		}
	}
	if ignored >= claimed {
		ignored = 0
	}
	after := 0     // words of body after block i
	right := false // the run after i ends at a block that is a comment
	var run []int  // the run's body blocks, last first
	runWords := 0  // their words
	for i := len(out) - 1; i >= 0; i-- {
		fill := right && len(run) > 0 && len(run) <= commentRunMax && i >= section
		opens := i >= section && opensComments(&p.Blocks[i])
		switch r := out[i]; {
		case r == RoleComment:
			rest := after
			if fill {
				rest -= runWords
			}
			if rest-ignored >= commentBodyAfter {
				out[i] = RoleBoilerplate
				if keep[i] {
					out[i] = RoleBody
				}
				right, run, runWords = false, run[:0], 0
				continue
			}
			if fill {
				fillRun(out, run)
				after = rest
			}
			right, run, runWords = true, run[:0], 0
		case (r == RoleBody || r == RoleBoilerplate) && opens:
			if fill {
				fillRun(out, run)
				after -= runWords
				out[i] = RoleComment
			} else if r == RoleBody {
				after += p.Blocks[i].Words
			}
			right, run, runWords = false, run[:0], 0
		case r == RoleBody:
			after += p.Blocks[i].Words
			run = append(run, i)
			runWords += p.Blocks[i].Words
		case r == RoleBoilerplate:
		default: // a title, byline or caption
			right, run, runWords = false, run[:0], 0
		}
	}
}

// fillTail makes comments of the body after the last comment of the
// comment section that opens at block section, to the page's end, when it
// is at most commentRunMax blocks (boilerplate among them or not) and no
// title, byline or caption is among them: what follows the comments is the
// section's end (a notice that they are closed, the reply form's words),
// not more of the article.
func fillTail(out []Role, section int) {
	var tail []int
	for i := len(out) - 1; i >= section; i-- {
		switch out[i] {
		case RoleComment:
			if len(tail) <= commentRunMax {
				fillRun(out, tail)
			}
			return
		case RoleBody:
			tail = append(tail, i)
		case RoleBoilerplate:
		default: // a title, byline or caption
			return
		}
	}
}

// fillRun makes comments of the blocks run names.
func fillRun(out []Role, run []int) {
	for _, k := range run {
		out[k] = RoleComment
	}
}

// opensComments reports whether b is a heading that opens a comment
// section (features.CommentHeading).
func opensComments(b *page.Block) bool {
	_, opens := features.CommentHeading(b.Text, b.Words, b.LinkWords)
	return opens
}

// headModels are the role heads of x in RoleHeads order, nil without role
// models; a head the role model file lacks (no training set labelled that
// role) is nil, and no block gets its role.
func (x *Extractor) headModels() []*model.Model {
	if x.cfg.roles == nil {
		return nil
	}
	var ms []*model.Model
	for _, name := range RoleHeads() {
		ms = append(ms, x.cfg.roles.Head(name))
	}
	return ms
}

// headScorer writes the role heads' probabilities of a page's blocks,
// chunk by chunk, into heads (newHeadProbs): of every block for the
// comment and title heads, which roles reads for every block, and for the
// byline and caption heads only of the blocks roles reads them of, those
// whose content probability (the block model's) reaches partFloor and
// that are not comments. The others keep 0.
type headScorer struct {
	models []*model.Model // RoleHeads order; nil without role models
	heads  [][]float64
	blocks []int     // the chunk's blocks that need every head
	out    []float64 // their probabilities under one head
}

// score writes the heads' probabilities of the blocks first, first+1, ...
// whose vectors are vecs (nf values each, row-major) and whose content
// probabilities are probs. It moves the vectors of the blocks that need
// every head to the front of vecs, overwriting the others.
func (s *headScorer) score(first int, vecs []float64, nf int, probs []float64) {
	if s.models == nil {
		return
	}
	n := len(probs)
	for _, h := range [...]int{headComment, headTitle} {
		if m := s.models[h]; m != nil {
			m.PredictBatch(vecs, s.heads[h][first:first+n])
		}
	}
	s.blocks = s.blocks[:0]
	for j, pr := range probs {
		if pr >= partFloor && s.heads[headComment][first+j] < RoleThreshold {
			if k := len(s.blocks); k != j {
				copy(vecs[k*nf:(k+1)*nf], vecs[j*nf:(j+1)*nf])
			}
			s.blocks = append(s.blocks, first+j)
		}
	}
	k := len(s.blocks)
	if k == 0 {
		return
	}
	s.out = slices.Grow(s.out[:0], k)[:k]
	for _, h := range [...]int{headByline, headCaption} {
		if m := s.models[h]; m != nil {
			m.PredictBatch(vecs[:k*nf], s.out)
			for j, i := range s.blocks {
				s.heads[h][i] = s.out[j]
			}
		}
	}
}

//go:embed model/roles.json
var defaultRolesFile []byte

var defaultRoles = loadOnce("role models", defaultRolesFile, LoadRoles)

// DefaultRoles returns the role models embedded in the package, trained by
// `winnow train` beside the default model. They are loaded once.
func DefaultRoles() (*model.Heads, error) { return defaultRoles() }

// LoadRoles reads a role model file written by `winnow train` (a heads
// file, see model.HeadsMagic) and checks that it has every head of
// RoleHeads, trained on the feature schema of this version of winnow.
func LoadRoles(r io.Reader) (*model.Heads, error) { return roleHeads.load(r) }
