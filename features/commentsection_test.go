package features

import "testing"

func TestCommentHeading(t *testing.T) {
	cases := []struct {
		text          string
		words, linked int
		want          bool
	}{
		{"comments", 1, 0, true},
		{"12 comments", 2, 0, true},
		{"(3) kommentare", 2, 0, true},
		{"leave a reply", 3, 0, true},
		{"one response to “a day at the lake”", 7, 0, true},
		{"14 responses to “a day at the lake”", 7, 0, true},
		{"3 thoughts on “a day at the lake”", 7, 0, true},
		{"комментарии (5)", 2, 0, true},
		{"opinie (46)", 2, 0, true},
		{"opinie", 1, 0, false}, // the opinion section
		{"zostaw komentarz", 2, 0, true},
		{"σχόλια αναγνωστών", 2, 0, true},
		{"网友评论", 1, 0, true},
		{"12 comments", 2, 2, false},               // a link to the section
		{"responses to the crisis", 4, 0, false},   // no count: a subheading
		{"thoughts on a long winter", 5, 0, false}, // the same
		{"commentary: the vote", 3, 0, false},
		{"recent comments", 2, 0, false}, // a sidebar's list
		{"comments are closed but this sentence goes on for far too many words to be a heading", 17, 0, false},
		{"", 0, 0, false},
	}
	for _, c := range cases {
		if got, _ := commentHeading([]byte(c.text), c.words, c.linked); got != c.want {
			t.Errorf("commentHeading(%q, %d, %d) = %v, want %v", c.text, c.words, c.linked, got, c.want)
		}
	}
}

// TestNoCommentsHeading checks that a comment heading that says there are
// no comments is a heading that heads nothing, and that one with comments
// heads them.
func TestNoCommentsHeading(t *testing.T) {
	cases := []struct {
		text           string
		words          int
		heading, opens bool
	}{
		{"no comments", 2, true, false},
		{"no responses to “a day at the lake”", 7, true, false},
		{"0 comments", 2, true, false},
		{"(0) kommentare", 2, true, false},
		{"comments (0)", 2, true, false},
		{"σχόλια (0)", 2, true, false},
		{"opinie (0)", 2, true, false},
		{"komentarze (brak opinii)", 3, true, false},
		{"comments (no comments posted.)", 4, true, false},
		{"leave a comment – be the first", 6, true, false},
		{"keine kommentare", 2, false, false}, // not a heading's opening at all
		{"10 comments", 2, true, true},
		{"comments (10)", 2, true, true},
		{"comments", 1, true, true},
		{"one response to “a day at the lake”", 7, true, true},
		{"responses to the crisis", 4, false, false},
	}
	for _, c := range cases {
		heading, opens := commentHeading([]byte(c.text), c.words, 0)
		if heading != c.heading || opens != c.opens {
			t.Errorf("commentHeading(%q) = %v, %v; want %v, %v", c.text, heading, opens, c.heading, c.opens)
		}
	}
	for _, c := range []struct {
		text           string
		words          int
		heading, opens bool
	}{{"12 Comments", 2, true, true}, {"Comments (0)", 2, true, false}, {"Comments", 0, false, false}} {
		if heading, opens := CommentHeading(c.text, c.words, 0); heading != c.heading || opens != c.opens {
			t.Errorf("CommentHeading(%q, %d) = %v, %v; want %v, %v", c.text, c.words, heading, opens, c.heading, c.opens)
		}
	}
	p := parseString(t, `<html><body><div class="story">
<h1>The story</h1>
<div class="tools"><a href="#c">Comments</a> (No comments posted.)</div>
<p>The story's first paragraph, long enough to be prose.</p>
<p>The story's second paragraph, as long as the first one.</p>
</div></body></html>`)
	vecs := Vectors(p)
	if got := featureOf(t, vecs[blockWith(t, p, "Comments (No comments posted.)")], "CommentHeading"); got != 1 {
		t.Errorf("the no-comments badge: CommentHeading = %v, want 1", got)
	}
	for _, b := range []string{"The story's first paragraph, long enough to be prose.", "The story's second paragraph, as long as the first one."} {
		if got := featureOf(t, vecs[blockWith(t, p, b)], "UnderCommentHeading"); got != 0 {
			t.Errorf("%q under a badge saying there are no comments: UnderCommentHeading = %v, want 0", b, got)
		}
	}
}

func TestCommentSectionFeatures(t *testing.T) {
	p := parseString(t, `<html><body>
<div class="head"><h1>The story</h1><div class="meta"><span>By Anna</span> <div>54 comments / 100 views</div></div></div>
<div class="post"><p>The story's first paragraph, long enough to be prose.</p>
<p><a href="#comments">4 Comments</a></p>
<h3>A subheading</h3><p>More of the story.</p></div>
<div class="wrap"><h3>3 Comments</h3></div><ol><li>The first comment, in a list.</li></ol>
<h2>Comments</h2>
<p>A reader's comment on the story.</p>
<h4>Anna</h4><p>Another reader's comment.</p>
<h2>Recent posts</h2><p>A link list of the blog.</p>
<div class="x">Leave a reply</div><p>Name and email, please.</p>
<h3>Archives</h3><p>Older posts.</p>
</body></html>`)
	vecs := Vectors(p)
	cases := []struct {
		block          string
		heading, under float64
	}{
		{"54 comments / 100 views", 1, 0},
		{"The story's first paragraph, long enough to be prose.", 0, 0}, // outside the count's scope
		{"4 Comments", 0, 0},                                            // a link, not a heading
		{"More of the story.", 0, 0},
		{"3 Comments", 1, 0},
		{"The first comment, in a list.", 0, 1}, // the heading's wrapper holds nothing else: its scope is the next level up
		{"Comments", 1, 1},                      // a comment heading does not end the section before it
		{"A reader's comment on the story.", 0, 1},
		{"Anna", 0, 1}, // an <h4> below the <h2> does not end the section
		{"Another reader's comment.", 0, 1},
		{"Recent posts", 0, 0}, // an <h2> does
		{"A link list of the blog.", 0, 0},
		{"Leave a reply", 1, 0},
		{"Name and email, please.", 0, 1},
		{"Older posts.", 0, 0}, // an <h3> ends a section opened by a <div>
	}
	for _, c := range cases {
		v := vecs[blockWith(t, p, c.block)]
		if got := featureOf(t, v, "CommentHeading"); got != c.heading {
			t.Errorf("%q: CommentHeading = %v, want %v", c.block, got, c.heading)
		}
		if got := featureOf(t, v, "UnderCommentHeading"); got != c.under {
			t.Errorf("%q: UnderCommentHeading = %v, want %v", c.block, got, c.under)
		}
	}
}
