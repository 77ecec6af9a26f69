// Package pageset is the fixed set of real pages that winnow's benchmarks
// time: the root package's stage benchmarks, the features package's stage
// benchmarks and the peer comparison in bench/peers all read these pages,
// so their numbers are over the same bytes.
package pageset

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/winnow-dev/winnow/internal/gzfile"
)

// ErrNoData is returned by Load when the data folder or one of the sampled
// sets is missing.
var ErrNoData = errors.New("page set not available")

// Sample is one sampled folder of the page set: every Every-th file of Dir
// (relative to the data folder) in byte-sorted name order, starting with the
// first.
type Sample struct {
	Set   string
	Dir   string
	Every int
}

// Samples is the page set: 291 pages (30 MB) from five labelled sets, mixing
// news (L3S-GN1, CleanPortalEval), the 2007 CleanEval crawl, the recent
// WCXB pages and MSVCode's multilingual pages. The strides are fixed so the
// set never changes with the order the file system lists names in.
var Samples = []Sample{
	{"l3s-gn1", "l3s-gn1/original", 10},
	{"cleaneval", "cleaneval/orig", 12},
	{"wcxb", "wcxb/dev/html", 24},
	{"msvcode", "msvcode/big5-05/html", 12},
	{"msvcode", "msvcode/big5-09/html", 12},
	{"msvcode", "msvcode/big5-13/html", 12},
	{"msvcode", "msvcode/big5-17/html", 12},
	{"msvcode", "msvcode/chaos-all/html", 12},
	{"cleanportaleval", "cleanportaleval/input", 2},
}

// Page is one page of the set: its raw bytes as stored (any charset),
// after gunzip.
type Page struct {
	Set  string
	Name string // path relative to the data folder
	HTML []byte
}

// Files lists the page set's files, relative to dir, in order. It reads
// only directory listings.
func Files(dir string) ([]Page, error) {
	var pages []Page
	for _, s := range Samples {
		entries, err := os.ReadDir(filepath.Join(dir, s.Dir))
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNoData, err)
		}
		var names []string
		for _, e := range entries {
			if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".gz") {
				names = append(names, e.Name())
			}
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("%w: no .gz files in %s", ErrNoData, s.Dir)
		}
		sort.Strings(names)
		for i := 0; i < len(names); i += s.Every {
			pages = append(pages, Page{Set: s.Set, Name: filepath.Join(s.Dir, names[i])})
		}
	}
	return pages, nil
}

// Load reads the whole page set from dir into memory.
func Load(dir string) ([]Page, error) {
	pages, err := Files(dir)
	if err != nil {
		return nil, err
	}
	for i := range pages {
		b, err := ReadPage(dir, pages[i].Name)
		if err != nil {
			return nil, err
		}
		pages[i].HTML = b
	}
	return pages, nil
}

// ReadPage reads and gunzips one page (a .gz name, as Files lists); name
// is relative to dir.
func ReadPage(dir, name string) ([]byte, error) {
	b, _, err := gzfile.ReadFile(filepath.Join(dir, name), -1)
	if err != nil {
		return nil, fmt.Errorf("read page: %w", err)
	}
	return b, nil
}

// Bytes is the total size of pages.
func Bytes(pages []Page) int64 {
	var n int64
	for _, p := range pages {
		n += int64(len(p.HTML))
	}
	return n
}
