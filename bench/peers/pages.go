package peers

import (
	"os"

	"github.com/winnow-dev/winnow/internal/pageset"
)

// DefaultDataDir is the shared data folder relative to bench/peers, used
// when WINNOW_DATA is unset.
const DefaultDataDir = "../../../shared/data"

// DataDir returns the data folder: $WINNOW_DATA, or DefaultDataDir.
func DataDir() string {
	if d := os.Getenv("WINNOW_DATA"); d != "" {
		return d
	}
	return DefaultDataDir
}

// The page set is winnow's benchmark page set (internal/pageset): the
// peers are timed over the same pages as winnow's own stage benchmarks.
type (
	Sample = pageset.Sample
	Page   = pageset.Page
)

// ErrNoData: the data folder or one of the sampled sets is missing.
var ErrNoData = pageset.ErrNoData

// Samples is the page set; see pageset.Samples.
var Samples = pageset.Samples

// Files lists the page set's files in dir; see pageset.Files.
func Files(dir string) ([]Page, error) { return pageset.Files(dir) }

// Load reads the whole page set from dir; see pageset.Load.
func Load(dir string) ([]Page, error) { return pageset.Load(dir) }

// ReadPage reads and gunzips one page; see pageset.ReadPage.
func ReadPage(dir, name string) ([]byte, error) { return pageset.ReadPage(dir, name) }

// Bytes is the total size of pages.
func Bytes(pages []Page) int64 { return pageset.Bytes(pages) }
