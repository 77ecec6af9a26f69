package dataset

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fakePages makes pages for set with the given page count per site.
func fakePages(set string, perSite map[string]int) []*LabelledPage {
	var sites []string
	for s := range perSite {
		sites = append(sites, s)
	}
	slices.Sort(sites)
	var ps []*LabelledPage
	for _, s := range sites {
		for i := range perSite[s] {
			ps = append(ps, &LabelledPage{Set: set, ID: fmt.Sprintf("%s-%d", s, i), Site: s})
		}
	}
	return ps
}

func manySites(prefix string, n, each int) map[string]int {
	m := map[string]int{}
	for i := range n {
		m[fmt.Sprintf("%s%d.example", prefix, i)] = each
	}
	return m
}

func ids(ps []*LabelledPage) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Set+"/"+p.ID)
	}
	return out
}

func testCorpus() []*LabelledPage {
	var pages []*LabelledPage
	pages = append(pages, fakePages(SetL3S, manySites("news", 50, 2))...)
	pages = append(pages, fakePages(SetCleanPortalEval, map[string]int{"bbc.co.uk": 12, "blogs.wsj.com": 14, "tv.msnbc.com": 30, "washingtonpost.com": 15})...)
	pages = append(pages, fakePages(SetWCXB, manySites("w", 200, 1))...)
	// A site shared with L3S-GN1, under another host name.
	pages = append(pages, &LabelledPage{Set: SetMSVCode, ID: "shared", Site: "www2.news3.example"})
	pages = append(pages, fakePages(SetMSVCode, manySites("m", 20, 3))...)
	return pages
}

func TestSplit(t *testing.T) {
	pages := testCorpus()
	train, test := Split(pages, 0.2, 1)

	t.Run("partition", func(t *testing.T) {
		if len(train)+len(test) != len(pages) {
			t.Fatalf("train %d + test %d != %d pages", len(train), len(test), len(pages))
		}
	})
	t.Run("site-disjoint", func(t *testing.T) {
		side := map[string]string{}
		for name, ps := range map[string][]*LabelledPage{"train": train, "test": test} {
			for _, p := range ps {
				k := siteKey(p)
				if s, ok := side[k]; ok && s != name {
					t.Errorf("site %s on both sides (page %s/%s)", k, p.Set, p.ID)
				}
				side[k] = name
			}
		}
	})
	t.Run("every set on both sides", func(t *testing.T) {
		for _, set := range []string{SetL3S, SetCleanPortalEval, SetWCXB, SetMSVCode} {
			n, m := 0, 0
			for _, p := range train {
				if p.Set == set {
					n++
				}
			}
			for _, p := range test {
				if p.Set == set {
					m++
				}
			}
			if n == 0 || m == 0 {
				t.Errorf("set %s: %d train, %d test pages; want both sides", set, n, m)
			}
		}
	})
	t.Run("fraction", func(t *testing.T) {
		n := 0
		for _, p := range test {
			if p.Set == SetWCXB {
				n++
			}
		}
		if n < 35 || n > 45 {
			t.Errorf("WCXB test pages = %d of 200, want about 20%%", n)
		}
	})
	t.Run("deterministic and order-independent", func(t *testing.T) {
		rev := slices.Clone(pages)
		slices.Reverse(rev)
		tr2, te2 := Split(rev, 0.2, 1)
		got, want := ids(te2), ids(test)
		slices.Sort(got)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("test side depends on input order (-want +got): %s", diff)
		}
		if len(tr2) != len(train) {
			t.Errorf("train size %d, want %d", len(tr2), len(train))
		}
	})
	t.Run("seed matters", func(t *testing.T) {
		_, other := Split(pages, 0.2, 2)
		if cmp.Equal(ids(other), ids(test)) {
			t.Errorf("seeds 1 and 2 give the same test side")
		}
	})
}

func TestHeldBack(t *testing.T) {
	pages := testCorpus()
	regression := fakePages(SetReadability, manySites("r", 3, 1))
	// Regression pages among the others, and one on a site of a trainable set.
	all := slices.Concat(pages[:10], regression, pages[10:])
	all = append(all, &LabelledPage{Set: SetReadability, ID: "same-site", Site: pages[0].Site})
	_, test := Split(pages, 0.2, 1)
	var want []*LabelledPage
	for _, p := range all {
		if !Trainable(p.Set) || slices.Contains(test, p) {
			want = append(want, p)
		}
	}
	got := HeldBack(all, 0.2, 1)
	if diff := cmp.Diff(ids(want), ids(got)); diff != "" {
		t.Errorf("HeldBack (-want +got):\n%s", diff)
	}
	if len(got) != len(test)+len(regression)+1 {
		t.Errorf("%d pages held back, want the %d test pages and the %d regression pages", len(got), len(test), len(regression)+1)
	}
}

func TestFolds(t *testing.T) {
	pages := testCorpus()
	const k = 5
	folds := Folds(pages, k, 1)
	if len(folds) != k {
		t.Fatalf("got %d folds, want %d", len(folds), k)
	}
	fold := map[string]int{}
	n := 0
	for f, ps := range folds {
		n += len(ps)
		for _, p := range ps {
			key := siteKey(p)
			if g, ok := fold[key]; ok && g != f {
				t.Errorf("site %s in folds %d and %d", key, g, f)
			}
			fold[key] = f
		}
	}
	if n != len(pages) {
		t.Errorf("folds hold %d pages, want %d", n, len(pages))
	}
	for f, ps := range folds {
		w := 0
		for _, p := range ps {
			if p.Set == SetWCXB {
				w++
			}
		}
		if w != 40 {
			t.Errorf("fold %d has %d WCXB pages, want 40 (200 one-page sites over 5 folds)", f, w)
		}
	}
	if diff := cmp.Diff(ids(folds[0]), ids(Folds(pages, k, 1)[0])); diff != "" {
		t.Errorf("Folds not deterministic: %s", diff)
	}
}

func TestFoldsPanicsOnK1(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Folds(pages, 1, 1) did not panic")
		}
	}()
	Folds(nil, 1, 1)
}

// TestSplitNewSetsLast: adding Dragnet and DAnIEL pages (placed after the
// default sets, whatever the input order) leaves the split of the other
// sets' pages as it was, and a site they share with an earlier set keeps
// that set's side.
func TestSplitNewSetsLast(t *testing.T) {
	pages := testCorpus()
	_, before := Split(pages, 0.2, 1)
	extra := slices.Concat(fakePages(SetDaniel, manySites("d", 30, 2)), fakePages(SetDragnet, manySites("g", 30, 3)))
	extra = append(extra, &LabelledPage{Set: SetDragnet, ID: "shared", Site: pages[0].Site})
	all := slices.Concat(extra, pages)
	_, after := Split(all, 0.2, 1)
	var old []*LabelledPage
	var shared *LabelledPage
	for _, p := range after {
		switch p.Set {
		case SetDaniel, SetDragnet:
			if p.ID == "shared" {
				shared = p
			}
		default:
			old = append(old, p)
		}
	}
	if diff := cmp.Diff(ids(before), ids(old)); diff != "" {
		t.Errorf("the default sets' test side changed (-before +after):\n%s", diff)
	}
	if (shared != nil) != slices.Contains(before, pages[0]) {
		t.Errorf("the shared site's Dragnet page is on another side than its L3S-GN1 pages")
	}
}

func TestSplitSets(t *testing.T) {
	all := SetNames()
	for _, tc := range []struct {
		sets, trained, want []string
	}{
		{[]string{SetL3S}, all, nil},
		{[]string{SetVictor}, all, []string{SetL3S, SetCleanEval}},
		{[]string{SetDragnet, SetCleanEval}, all, []string{SetL3S, SetVictor, SetCleanPortalEval, SetWCXB, SetMSVCode}},
		{[]string{SetDragnet}, []string{SetWCXB, SetDragnet}, []string{SetWCXB}},
		{[]string{SetReadability}, all, nil}, // never trained on: no split
	} {
		if got := SplitSets(tc.sets, tc.trained); !slices.Equal(got, tc.want) {
			t.Errorf("SplitSets(%v, %v) = %v, want %v", tc.sets, tc.trained, got, tc.want)
		}
	}
}
