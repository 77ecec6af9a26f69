package dataset

import "testing"

// TestLoadProgress checks that Options.Progress counts every page, loaded
// or skipped, up to the total.
func TestLoadProgress(t *testing.T) {
	var calls, last, total int
	c, err := Load("../testdata/dataset", Options{Sets: []string{SetWCXB}, Progress: func(done, n int) {
		calls++
		if done != last+1 {
			t.Errorf("done %d after %d", done, last)
		}
		last, total = done, n
	}})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Pages) + len(c.Skipped); calls != n || last != n || total != n {
		t.Errorf("%d calls, last done %d of %d; want %d", calls, last, total, n)
	}
}
