package dataset

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/internal/gzfile"
)

// ErrNoData is returned by Load when the data directory or a requested set
// folder does not exist.
var ErrNoData = errors.New("no data")

// PageError is why one page could not be loaded. Load reports it as a Skip.
type PageError struct {
	// Stage is the short, groupable cause: "read", "parse", "empty gold", ...
	Stage string
	Err   error
}

func (e *PageError) Error() string {
	if e.Err == nil {
		return e.Stage
	}
	return e.Stage + ": " + e.Err.Error()
}

func (e *PageError) Unwrap() error { return e.Err }

// reason is the groupable text of a page failure: the stage, and for
// input refused by features the refusal (without its details).
func reason(err error) string {
	var pe *PageError
	if !errors.As(err, &pe) {
		return "error"
	}
	for _, e := range []error{page.ErrEmpty, page.ErrNotHTML, page.ErrTooLarge, page.ErrTooDeep, page.ErrTooManyBlocks} {
		if errors.Is(err, e) {
			return pe.Stage + ": " + e.Error()
		}
	}
	return pe.Stage
}

func fail(stage string, err error) error { return &PageError{Stage: stage, Err: err} }

// job loads one page.
type job struct {
	set, id string
	// source is the file of the page's raw HTML (LabelledPage.Source).
	source string
	load   func() (*LabelledPage, error)
}

// lister lists a set's pages under its folder; it fails only if the folder
// is unusable.
type lister func(dir string, threshold float64) ([]job, error)

var listers = map[string]lister{
	SetL3S:             listL3S,
	SetCleanEval:       listCleanEval,
	SetVictor:          listVictor,
	SetCleanPortalEval: listCleanPortalEval,
	SetWCXB:            listWCXB,
	SetMSVCode:         listMSVCode,
	SetReadability:     listReadability,
	SetDragnet:         listDragnet,
	SetDaniel:          listDaniel,
}

// Load reads the sets under dir (one folder per set, named as AllSetNames)
// with a pool of opts.Workers goroutines. Pages come back in a
// deterministic order whatever the number of workers. A page that cannot
// be read, parsed or aligned is recorded in Corpus.Skipped; Load fails only
// if dir or a requested set is missing (ErrNoData), a set name is unknown
// or opts.Threshold is not in [0, 1].
func Load(dir string, opts Options) (*Corpus, error) {
	if !(opts.Threshold >= 0 && opts.Threshold <= 1) {
		return nil, fmt.Errorf("alignment threshold %v outside [0, 1]", opts.Threshold)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%w: data directory %q is not a readable directory", ErrNoData, dir)
	}
	sets := opts.Sets
	if len(sets) == 0 {
		sets = SetNames()
	}
	for _, s := range sets {
		if listers[s] == nil {
			return nil, fmt.Errorf("unknown set %q (want one of %v)", s, SetNames())
		}
	}
	var jobs []job
	for _, name := range SetNames() {
		if !slices.Contains(sets, name) {
			continue
		}
		sub := filepath.Join(dir, name)
		if fi, err := os.Stat(sub); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("%w: set %s: no folder %s", ErrNoData, name, sub)
		}
		js, err := listers[name](sub, opts.Threshold)
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", name, err)
		}
		for i := 0; i < len(js); i += max(opts.Every, 1) {
			jobs = append(jobs, js[i])
		}
	}
	pages, errs := run(jobs, opts.Workers, opts.Progress)
	c := &Corpus{}
	for i, j := range jobs {
		if errs[i] != nil {
			c.Skipped = append(c.Skipped, Skip{Set: j.set, ID: j.id, Source: j.source, Reason: reason(errs[i]), Err: errs[i]})
			continue
		}
		c.Pages = append(c.Pages, pages[i])
	}
	return c, nil
}

// run executes jobs on a worker pool; result i belongs to job i. A panic in
// one page's loader becomes that page's error, not the end of the load.
// progress, if not nil, is called after each job, one call at a time.
func run(jobs []job, workers int, progress func(done, total int)) ([]*LabelledPage, []error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	pages := make([]*LabelledPage, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				pages[i], errs[i] = runOne(jobs[i])
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(jobs))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return pages, errs
}

func runOne(j job) (p *LabelledPage, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fail("panic", fmt.Errorf("%v", r))
		}
	}()
	p, err = j.load()
	if err != nil {
		return nil, err
	}
	if len(p.Page.Blocks) == 0 {
		return nil, fail("no blocks", nil)
	}
	if len(p.Labels) != len(p.Page.Blocks) || (p.Fine != nil && len(p.Fine) != len(p.Page.Blocks)) || (p.Comment != nil && len(p.Comment) != len(p.Page.Blocks)) {
		return nil, fail("panic", fmt.Errorf("dataset: %d labels for %d blocks", len(p.Labels), len(p.Page.Blocks)))
	}
	p.Set, p.ID, p.Source = j.set, j.id, j.source
	return p, nil
}

// maxPageBytes bounds a decompressed page; the largest page of the sets is
// a few MB.
const maxPageBytes = page.DefaultMaxBytes

// readFile reads a file, decompressing it if its name ends in .gz.
func readFile(path string) ([]byte, error) {
	b, over, err := gzfile.ReadFile(path, maxPageBytes)
	if err != nil {
		return nil, err
	}
	if over {
		return nil, fmt.Errorf("%s: %w: more than %d bytes", path, page.ErrTooLarge, maxPageBytes)
	}
	return b, nil
}

// parse segments a page, as a PageError on failure.
func parse(b []byte, markPrefix string) (*page.Page, error) {
	p, err := page.ParseBytes(b, page.Options{MarkPrefix: markPrefix})
	if err != nil {
		return nil, fail("parse", err)
	}
	return p, nil
}

// pagesIn lists the files of folder whose names match pattern, sorted; a
// folder without one is an error naming it.
func pagesIn(folder, pattern string) ([]string, error) {
	files, err := globSorted(filepath.Join(folder, pattern))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no pages in %s", folder)
	}
	return files, nil
}

// globSorted lists the files matching pattern, sorted.
func globSorted(pattern string) ([]string, error) {
	m, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	slices.Sort(m)
	return m, nil
}

// skipsNamed is how many skipped pages WriteSkips names per set and
// reason.
const skipsNamed = 10

// WriteSkips prints how many pages the loader skipped and why, one line
// per set and reason in order of first appearance, then the pages
// themselves: set/ID, the page's file and the whole error, at most
// skipsNamed per set and reason (a last line counts the others). It
// prints nothing when no page was skipped.
func (c *Corpus) WriteSkips(w io.Writer) error {
	if len(c.Skipped) == 0 {
		return nil
	}
	counts := map[string]int{}
	var order []string
	for _, s := range c.Skipped {
		k := s.Set + ": " + s.Reason
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	fmt.Fprintf(w, "skipped %d pages:\n", len(c.Skipped))
	for _, k := range order {
		fmt.Fprintf(w, "  %4d  %s\n", counts[k], k)
	}
	for _, k := range order {
		named := 0
		for _, s := range c.Skipped {
			if s.Set+": "+s.Reason != k {
				continue
			}
			if named == skipsNamed {
				fmt.Fprintf(w, "  ... and %d more of %s\n", counts[k]-named, k)
				break
			}
			named++
			msg := s.Reason
			if s.Err != nil {
				msg = s.Err.Error()
			}
			if s.Source != "" {
				msg = s.Source + ": " + msg
			}
			if _, err := fmt.Fprintf(w, "  %s/%s  %s\n", s.Set, s.ID, msg); err != nil {
				return err
			}
		}
	}
	return nil
}
