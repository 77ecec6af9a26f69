package eval

import (
	"strings"
	"testing"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/dataset"
)

// TestScoreFields checks the article fields against the gold: words for
// title and author, the day for the date, nothing where the gold is empty.
func TestScoreFields(t *testing.T) {
	p := &dataset.LabelledPage{GoldTitle: "Tide tables: how they’re made", GoldAuthor: "Ann Lee", GoldDate: "2024-04-09"}
	a := &winnow.Article{Title: "Tide Tables - How they're made", Author: "Bob Ray", Date: "2024-04-09T13:45:00Z"}
	got := scoreFields(p, a)
	if !got[0].has || !got[0].exact || got[0].f1 != 1 {
		t.Errorf("title: %+v, want equal as words", got[0])
	}
	if !got[1].has || got[1].exact || got[1].f1 != 0 {
		t.Errorf("author: %+v, want a miss", got[1])
	}
	if !got[2].has || !got[2].exact {
		t.Errorf("date: %+v, want the same day", got[2])
	}
	if got := scoreFields(&dataset.LabelledPage{GoldDate: "March 2024"}, a); got[0].has || got[1].has || got[2].has {
		t.Errorf("no gold title or author and a date that is not ISO: %+v, want nothing scored", got)
	}
	prs := []pageRoles{{fields: scoreFields(p, a)}, {fields: scoreFields(p, &winnow.Article{Title: "Tide tables"})}, {}}
	fs := fieldScores(prs)
	if len(fs) != 3 || fs[0].Field != "title" || fs[0].Pages != 2 || fs[0].Exact != 0.5 || fs[2].Exact != 0.5 {
		t.Errorf("fieldScores = %+v, want title on 2 pages, half exact; date half exact", fs)
	}
	tab := fieldTable(&Report{Roles: []RoleReport{{System: "model", Group: "wcxb", Fields: fs}}})
	if len(tab.Rows) != 3 || !strings.Contains(strings.Join(tab.Rows[0], " "), "title 2 0.500") {
		t.Errorf("table rows %q", tab.Rows)
	}
}

func TestIsoDay(t *testing.T) {
	for in, want := range map[string]string{"2024-04-09": "2024-04-09", " 2024-04-09T13:45Z": "2024-04-09", "2024-4-9": "", "09.04.2024": "", "": ""} {
		if got, ok := isoDay(in); got != want || ok != (want != "") {
			t.Errorf("isoDay(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
