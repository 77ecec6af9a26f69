package peers_test

import (
	"errors"
	"os"
	"testing"

	"github.com/winnow-dev/winnow/bench/peers"
	"github.com/winnow-dev/winnow/bench/peers/rd"
	"github.com/winnow-dev/winnow/bench/peers/tf"
	"github.com/winnow-dev/winnow/bench/peers/wn"
	"github.com/winnow-dev/winnow/internal/benchpass"
)

// loadPages reads the page set, or skips when the shared data is absent.
func loadPages(tb testing.TB) []peers.Page {
	tb.Helper()
	dir := peers.DataDir()
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("no page set: data folder %s not found; set WINNOW_DATA to the shared data folder", dir)
	}
	pages, err := peers.Load(dir)
	if errors.Is(err, peers.ErrNoData) {
		tb.Skipf("no page set under %s: %v", dir, err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return pages
}

// extractors returns the contenders in the order of the report: the floor,
// winnow, go-trafilatura, go-readability.
func extractors(tb testing.TB) []peers.Extractor {
	tb.Helper()
	xs := []peers.Extractor{peers.Floor()}
	for _, newX := range []func() (peers.Extractor, error){wn.New, tf.New, rd.New} {
		x, err := newX()
		if err != nil {
			tb.Fatal(err)
		}
		xs = append(xs, x)
	}
	return xs
}

// sink keeps the extracted text alive so no extractor's work is dead code.
var sink string

// BenchmarkPeers runs every contender over the same page set, one page at
// a time. One op is one pass over the whole set, so ns/op is the time per
// pass and MB/s the raw (undecoded) HTML bytes per second; pages/s,
// allocs/page and B/page divide by the number of pages. allocs/op and B/op
// (from -benchmem) are per pass. cpu-pages/s divides the pages by the
// CPU time of the process instead of the wall time: with -cpu 1 that is
// the extraction loop plus the collector, and it does not count time spent
// waiting for a core on a busy machine.
func BenchmarkPeers(b *testing.B) {
	pages := loadPages(b)
	xs := extractors(b)
	for _, x := range xs {
		b.Run("contender="+x.Name, func(b *testing.B) {
			passes(b, pages, func(page []byte) { sink, _ = x.Extract(page) })
		})
	}
}

// passes runs f over every page per op and reports the per-page metrics
// of BenchmarkPeers.
func passes(b *testing.B, pages []peers.Page, f func(page []byte)) {
	b.Helper()
	benchpass.Run(b, len(pages), peers.Bytes(pages), func(i int) { f(pages[i].HTML) })
}

// TestOutcomes runs every contender once over the page set and checks that
// each does real work: the speed comparison means nothing if a contender
// gives up early on most pages. Refusals other than "nothing kept" fail
// for the floor and winnow; the peers' errors are logged.
func TestOutcomes(t *testing.T) {
	pages := loadPages(t)
	t.Logf("%d pages, %d bytes", len(pages), peers.Bytes(pages))
	for _, x := range extractors(t) {
		t.Run(x.Name, func(t *testing.T) {
			var ok, empty, failed, chars int
			for _, p := range pages {
				text, err := x.Extract(p.HTML)
				switch {
				case errors.Is(err, peers.ErrEmpty):
					empty++
				case err != nil:
					failed++
					if x.Name == "parse" || x.Name == "winnow" {
						t.Errorf("%s: %v", p.Name, err)
					} else {
						t.Logf("%s: %v", p.Name, err)
					}
				default:
					ok++
					chars += len(text)
				}
			}
			t.Logf("%-12s ok %d, empty %d, failed %d, %d bytes of text", x.Name, ok, empty, failed, chars)
			if x.Name != "parse" && ok < len(pages)/2 {
				t.Errorf("text on only %d of %d pages", ok, len(pages))
			}
		})
	}
}
