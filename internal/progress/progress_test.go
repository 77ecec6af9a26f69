package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestBarDrawsOnlyOnATerminal(t *testing.T) {
	var buf bytes.Buffer
	NewBar(&buf, false, "x", 10).Add(5)
	NewBar(&buf, true, "x", 1).Add(1) // one item: no bar
	if buf.Len() != 0 {
		t.Fatalf("drew %q without a terminal or with one item", buf.String())
	}
	b := NewBar(&buf, true, "extract", 4)
	b.Set(4, 4) // the end is always drawn
	b.Done()
	if got := buf.String(); !strings.HasPrefix(got, "\rextract [##############################] 4/4 ") || !strings.HasSuffix(got, "\n") {
		t.Errorf("bar drew %q", got)
	}
}

func TestStagesWithoutTerminal(t *testing.T) {
	var buf bytes.Buffer
	s := NewStages(&buf, false, "train")
	s.Begin("load", "reading")
	b := s.Bar("fit", "fitting", 3)
	b.Add(1) // not drawn: no terminal
	sum := s.Summary()
	if want := "winnow train: load: reading\nwinnow train: fit: fitting\n"; buf.String() != want {
		t.Errorf("printed %q, want %q", buf.String(), want)
	}
	if !strings.HasPrefix(sum, "load ") || !strings.Contains(sum, ", fit ") || !strings.Contains(sum, " (total ") {
		t.Errorf("summary %q", sum)
	}
}

func TestStagesClockOnTerminal(t *testing.T) {
	var buf bytes.Buffer
	s := NewStages(&buf, true, "train")
	s.Begin("fit", "fitting")
	s.End()
	if got := buf.String(); !strings.HasPrefix(got, "\rfit: fitting ") || !strings.HasSuffix(got, "\n") {
		t.Errorf("clock drew %q", got)
	}
}

func TestRound(t *testing.T) {
	for _, tc := range []struct{ in, want time.Duration }{
		{1234567 * time.Nanosecond, 1230 * time.Microsecond},
		{1234567890 * time.Nanosecond, 1235 * time.Millisecond},
		{12345678901 * time.Nanosecond, 12300 * time.Millisecond},
	} {
		if got := Round(tc.in); got != tc.want {
			t.Errorf("Round(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestCounterOffTerminal(t *testing.T) {
	var buf bytes.Buffer
	c := NewCounter(&buf, "extract")
	c.Show(1, 1)
	c.Clear()
	if buf.Len() != 0 || IsTerminal(&buf) {
		t.Errorf("counter drew %q on a buffer", buf.String())
	}
}
