package features

import (
	"bytes"

	"github.com/winnow-dev/winnow/features/page"
)

// Comment sections: reader comments usually follow a heading that names
// them ("Comments", "12 Responses to …", "Leave a Reply", "Kommentare"),
// whether or not a class or id says so. The features below say where such
// a heading is and which blocks it heads. They are for the comment head
// alone (CommentOnly): the labelled sets disagree about whether comments
// are content, so the content model is not trained on them, and the other
// role heads have no use for them.

// commentHeadingMaxWords is the most words a block may have to be read as
// the heading of a comment section.
const commentHeadingMaxWords = 12

// commentHeadingOpen are lower-case openings of a comment section's heading,
// read after any leading digits, spaces and punctuation ("12 Comments",
// "(3) Kommentare"). Each must start the block's text.
var commentHeadingOpen = [][]byte{
	[]byte("comments"), []byte("comment ("), []byte("comment:"),
	[]byte("leave a reply"), []byte("leave a comment"), []byte("post a comment"),
	[]byte("add a comment"), []byte("add comment"), []byte("write a comment"),
	[]byte("reader comments"), []byte("readers' comments"), []byte("your comments"),
	[]byte("join the discussion"), []byte("join the conversation"),
	[]byte("kommentare"), []byte("kommentar schreiben"), []byte("commentaires"),
	[]byte("laisser un commentaire"), []byte("comentarios"), []byte("deja un comentario"),
	[]byte("comentários"), []byte("deixe um comentário"), []byte("commenti"),
	[]byte("lascia un commento"), []byte("reacties"),
	[]byte("komentarze"), []byte("dodaj komentarz"), []byte("zostaw komentarz"),
	[]byte("napisz komentarz"), []byte("opinie ("), // Polish; "Opinie" alone is the opinion section
	[]byte("комментари"), []byte("оставить комментарий"), []byte("добавить комментарий"),
	[]byte("коментар"), // Ukrainian
	[]byte("σχόλια"), []byte("σχολιάστε"), []byte("γράψτε σχόλιο"),
	[]byte("评论"), []byte("网友评论"), []byte("发表评论"), []byte("跟帖"), []byte("留言"), []byte("コメント"),
}

// commentHeadingCounted are openings that name a comment section only after
// a count: "12 Responses to …", "One thought on …", "3 Replies".
var commentHeadingCounted = [][]byte{
	[]byte("response"), []byte("repl"), []byte("thought"), []byte("comment"),
}

// noCommentsSaid are lower-case phrases by which a comment heading says
// that there are none ("No Comments", "Comments (0)", "Comments (No
// comments posted.)", "Be the first to comment"); a zero count before the
// opening ("0 Comments") says it too (commentHeading).
var noCommentsSaid = [][]byte{
	[]byte("no comment"), []byte("no response"), []byte("no repl"), []byte("no thought"),
	[]byte("(0)"), []byte("be the first"), []byte("keine kommentare"), []byte("aucun commentaire"),
	[]byte("sin comentarios"), []byte("nessun commento"), []byte("geen reacties"),
	[]byte("brak komentarzy"), []byte("brak opinii"), []byte("нет комментариев"),
	[]byte("комментариев нет"), []byte("δεν υπάρχουν σχόλια"), []byte("暂无评论"), []byte("还没有评论"),
}

// commentHeading reports whether the lower-cased text low of a block with
// words words, of which linked are inside links, reads as a comment
// section's heading: short, not a link (a "12 Comments" link at the top of
// a post points to the section, it does not head it), and opening with
// one of commentHeadingOpen, or with a count and one of
// commentHeadingCounted. opens reports whether it heads comments: not when
// it says there are none (a zero count, or one of noCommentsSaid), for
// then nothing under it is a comment. A "Comments (No comments posted.)"
// badge above a story would otherwise head the story.
func commentHeading(low []byte, words, linked int) (heading, opens bool) {
	if words == 0 || words > commentHeadingMaxWords || linked == words {
		return false, false
	}
	// Leading digits, spaces and ASCII punctuation: the count, a bracket.
	i := 0
	for i < len(low) && low[i] < 0x80 && !('a' <= low[i] && low[i] <= 'z') {
		i++
	}
	counted := i > 0 && bytes.ContainsAny(low[:i], "0123456789")
	zero := counted && !bytes.ContainsAny(low[:i], "123456789")
	rest := low[i:]
	if !counted {
		for _, w := range [][]byte{[]byte("one "), []byte("no ")} {
			if bytes.HasPrefix(rest, w) {
				counted, zero, rest = true, w[0] == 'n', rest[len(w):]
				break
			}
		}
	}
	for _, o := range commentHeadingOpen {
		if bytes.HasPrefix(rest, o) {
			heading = true
			break
		}
	}
	if !heading && counted {
		for _, o := range commentHeadingCounted {
			if bytes.HasPrefix(rest, o) {
				heading = true
				break
			}
		}
	}
	if !heading || zero {
		return heading, false
	}
	for _, p := range noCommentsSaid {
		if bytes.Contains(low, p) {
			return true, false
		}
	}
	return true, true
}

// sectionOpenLevel is the level given to a comment heading that is not an
// <h1>-<h6>: its section ends at the next <h1>-<h3> (an <h4>-<h6> inside
// comments often names a comment's author).
const sectionOpenLevel = 3

// commentState follows a page's comment sections as its blocks are read in
// order (step), and says what they are to the current block.
type commentState struct {
	open int     // the open section's level, 0 for none
	end  int     // the last element of the open section's scope
	ends []int32 // by element: the last element inside it, once a heading needs it
	buf  []int32 // memory for ends, kept from page to page (vecScratch.elemEnds)
	// heading and under are the current block's: it reads as a comment
	// heading; a comment heading before it heads it.
	heading, under bool
}

// step reads block c.i (blocks must come in order), whose lower-cased text
// c.low is when block has lowered it. A comment heading's section (one
// that does not say there are none, see commentHeading) runs from the
// block after it to the next heading of its level or above that
// is not one itself (a heading block of level L ends the sections of level
// L and below), and no further than the heading's scope: the nearest
// block-level element above it that holds another block than the heading,
// wrappers that hold only the heading passed over. So a comment count
// beside a post's byline ("54 comments") heads the rest of that line's
// element, not the post.
func (s *commentState) step(c *blockContext) {
	p, i, b := c.p, c.i, c.b
	s.heading = false
	opens := false
	if b.Words <= commentHeadingMaxWords && b.LinkWords < b.Words {
		if !c.needTitle && !c.needPhrases { // block lowers the text of short blocks
			c.low = appendLower(c.low[:0], b.Text)
		}
		s.heading, opens = commentHeading(c.low, b.Words, b.LinkWords)
	}
	if s.open > 0 && (b.Element > s.end || !s.heading && b.Kind == page.KindHeading && b.Level <= s.open) {
		s.open = 0
	}
	s.under = s.open > 0
	if !opens {
		return
	}
	if s.ends == nil {
		s.ends = zeroed(s.buf, len(p.Elements))
		s.buf = s.ends
		elementEnds(p, s.ends)
	}
	a := parentOf(p, b.Element)
	for a > 0 && !holdsOther(p, i, a, int(s.ends[a])) {
		a = parentOf(p, a)
	}
	s.open, s.end = sectionOpenLevel, len(p.Elements)-1
	if a > 0 {
		s.end = int(s.ends[a])
	}
	if b.Kind == page.KindHeading {
		s.open = b.Level
	}
}

// holdsOther reports whether element a, whose last element inside is end,
// holds a block of p next to block i, before or after it: blocks come in
// document order, so the blocks inside a are consecutive.
func holdsOther(p *page.Page, i, a, end int) bool {
	in := func(j int) bool {
		return j >= 0 && j < len(p.Blocks) && p.Blocks[j].Element >= a && p.Blocks[j].Element <= end
	}
	return in(i-1) || in(i+1)
}

// elementEnds sets ends[e] to the number of the last element inside
// element e of p (e itself when it holds none), from the elements' parents
// in one pass: elements are numbered in document order, so a parent comes
// before its children.
func elementEnds(p *page.Page, ends []int32) {
	for e := range ends {
		ends[e] = int32(e)
	}
	for e := len(ends) - 1; e > 0; e-- {
		if a := parentOf(p, e); ends[a] < ends[e] {
			ends[a] = ends[e]
		}
	}
}

// CommentOnly returns the names of the features meant for the comment
// head alone, which the content model and the other role heads are trained
// without (model.Config.Exclude): the comment-section features.
func CommentOnly() []string { return featureNames(commentGroup.features) }

// commentGroup is the comment-section features.
var commentGroup = group{[]feature{
	{"CommentHeading", "1 if the block reads as the heading of a comment section: at most 12 words, not all linked, opening with comments, leave a reply, N responses, kommentare, ... (commentHeading)"},
	{"UnderCommentHeading", "1 if a comment heading that does not say there are none (\"No comments\", \"Comments (0)\") comes before the block with no other heading of its level or above between them (an <h1>-<h3> for a heading that is not <h1>-<h6>)"},
}, func(c *blockContext, v []float64) {
	_ = v[1]
	v[0] = bool01(c.comments.heading)
	v[1] = bool01(c.comments.under)
}}

// CommentHeading reports whether a block with text s, of words words of
// which linkWords are inside links, reads as the heading of a comment
// section (the CommentHeading feature), and whether it opens one: not
// when it says there are no comments.
func CommentHeading(s string, words, linkWords int) (heading, opens bool) {
	if words == 0 || words > commentHeadingMaxWords {
		return false, false
	}
	var buf [128]byte // a heading's few words, lowered without allocating
	return commentHeading(appendLower(buf[:0], s), words, linkWords)
}
