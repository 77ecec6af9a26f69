// Package pipeline is winnow's extraction over web archives as an Apache
// Beam pipeline: match the WARC (or ARC) files, reshuffle their names so
// that the runner spreads the files over its workers, and extract each file
// in one DoFn that streams its records and writes
// <output>/<input name>.jsonl.gz itself, the same lines as
// `winnow extract -format jsonl`.
//
// Only file names and per-file tallies cross a shuffle: page bodies never do
// (reshuffling them took 4.7 GB for 1,600 pages), and no line goes through
// textio.Write, which funnels every line through one worker into one file.
package pipeline

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"reflect"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/klauspost/compress/gzip"

	"github.com/winnow-dev/winnow/warc"
)

// Every DoFn and emitter is registered: prism (and any portable runner)
// refuses a DoFn it cannot look up by name.
func init() {
	register.DoFn4x1[context.Context, fileio.FileMetadata, func(string), func(Tally), error](&ExtractFileFn{})
	register.Emitter1[string]()
	register.Emitter1[Tally]()
	// Tally crosses a shuffle: a worker must find its type by name.
	beam.RegisterType(reflect.TypeOf((*Tally)(nil)).Elem())
	register.Function2x0(logWritten)
	register.Function2x1(addTallies)
	register.Function2x0(countTally)
}

// Counters, in the "winnow" namespace, summed over the whole job. They are
// incremented in one place only, countTally, from the one element of the
// job's summed Tally, and not in ExtractFileFn's bundles: prism (v2.78.0)
// loses counter values when two bundles report the same counter before it
// knows the counter's short id (jobservices/metrics.go, contributeMetrics
// keeps one unprocessed payload per short id, and a second bundle's
// payload replaces the first's), which dropped a whole file's counts when
// two extracting bundles, split by prism, finished together.
var (
	recordsRead  = beam.NewCounter("winnow", "records")
	pagesWritten = beam.NewCounter("winnow", "pages")
	pagesEmpty   = beam.NewCounter("winnow", "pages_empty")
	damaged      = beam.NewCounter("winnow", "damaged_records")
	failures     = beam.NewCounter("winnow", "failed_files")
)

// Build adds the pipeline to s: the files matching input (a glob on any
// filesystem Beam has registered) are extracted into the folder output.
// jobs is the number of pages of one file extracted at once. The result
// holds the path of every file written. The files' tallies are summed over
// the job and added to the counters once, when every file is done.
func Build(s beam.Scope, input, output string, jobs int) beam.PCollection {
	s = s.Scope("winnow")
	files := fileio.MatchFiles(s, input)
	files = beam.Reshuffle(s, files)
	written, tallies := beam.ParDo2(s, &ExtractFileFn{Output: output, Jobs: jobs}, files)
	// The names go through a shuffle of their own, so that the extracting
	// stage has an output: prism (v2.78.0) waits on a bundle of a stage
	// without outputs in a loop that keeps a core busy while the bundle
	// runs, about as much CPU as the extraction itself.
	written = beam.Reshuffle(s, written)
	beam.ParDo0(s, logWritten, written)
	beam.ParDo0(s, countTally, beam.Combine(s, addTallies, tallies))
	return written
}

// Tally is what extracting one file counted, or, summed by addTallies, a
// set of files.
type Tally struct {
	Records int64 // records read (warc.Summary.Records)
	Pages   int64 // pages written (warc.Summary.HTML)
	Empty   int64 // pages with no content (warc.Summary.Empty)
	Damaged int64 // damaged records stepped over (warc.Summary.Damaged)
	Failed  int64 // files that are not web archives
}

// addTallies is the sum of a and b.
func addTallies(a, b Tally) Tally {
	return Tally{
		Records: a.Records + b.Records,
		Pages:   a.Pages + b.Pages,
		Empty:   a.Empty + b.Empty,
		Damaged: a.Damaged + b.Damaged,
		Failed:  a.Failed + b.Failed,
	}
}

// countTally adds t to the counters. Build calls it once per job, on the
// sum of every file's Tally.
func countTally(ctx context.Context, t Tally) {
	recordsRead.Inc(ctx, t.Records)
	pagesWritten.Inc(ctx, t.Pages)
	pagesEmpty.Inc(ctx, t.Empty)
	damaged.Inc(ctx, t.Damaged)
	failures.Inc(ctx, t.Failed)
}

// logWritten logs the name of a file written.
func logWritten(ctx context.Context, name string) {
	log.Infof(ctx, "winnow: wrote %s", name)
}

// OutputName is the file ExtractFileFn writes for input in folder output.
func OutputName(output, input string) string {
	return strings.TrimSuffix(output, "/") + "/" + path.Base(strings.ReplaceAll(input, "\\", "/")) + ".jsonl.gz"
}

// ExtractFileFn extracts one web archive per element into
// OutputName(Output, file), and emits that name and the file's Tally. A
// file that is not a web archive is logged and emits only a Tally with
// Failed 1, and the pipeline goes on; damaged records are logged and
// stepped over; a failure to read or write fails the bundle, so that the
// runner retries it, and emits nothing. The output is written under a
// temporary name and renamed when complete, so a retried bundle overwrites
// its own file and a reader never sees half of one.
type ExtractFileFn struct {
	Output string
	Jobs   int

	x *warc.Extractor
}

// Setup makes the extractor, with the embedded model.
func (fn *ExtractFileFn) Setup() error {
	x, err := warc.NewExtractor()
	if err != nil {
		return err
	}
	fn.x = x
	return nil
}

// ProcessElement extracts the file md names.
func (fn *ExtractFileFn) ProcessElement(ctx context.Context, md fileio.FileMetadata, emit func(string), emitTally func(Tally)) error {
	in, err := filesystem.New(ctx, md.Path)
	if err != nil {
		return err
	}
	defer in.Close()
	rc, err := in.OpenRead(ctx, md.Path)
	if err != nil {
		return fmt.Errorf("open %s: %w", md.Path, err)
	}
	defer rc.Close()
	r, err := warc.NewReader(rc, md.Path, warc.Options{})
	if errors.Is(err, warc.ErrNotWARC) {
		log.Errorf(ctx, "winnow: %v", err)
		emitTally(Tally{Failed: 1})
		return nil
	}
	if err != nil {
		return err
	}
	name := OutputName(fn.Output, md.Path)
	out, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer out.Close()
	tmp := tempName(name)
	s, err := writeLines(ctx, out, tmp, func(w io.Writer) (warc.Summary, error) {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return warc.Process(ctx, r, fn.x, fn.Jobs, func(l warc.Line) error { return enc.Encode(l) }, func(d *warc.DamagedError) {
			log.Warnf(ctx, "winnow: %v", d)
		})
	})
	if err != nil {
		// Writing failed, or reading failed otherwise than on a damaged
		// record (which Process reports and steps over): an I/O error the
		// runner retries.
		removeQuietly(ctx, out, tmp)
		return fmt.Errorf("%s: %w", md.Path, err)
	}
	if err := rename(ctx, out, tmp, name); err != nil {
		removeQuietly(ctx, out, tmp)
		return fmt.Errorf("rename %s: %w", tmp, err)
	}
	emit(name)
	emitTally(Tally{Records: int64(s.Records), Pages: int64(s.HTML), Empty: int64(s.Empty), Damaged: int64(s.Damaged)})
	return nil
}

// writeLines opens tmp on fs, gzips into it what fill writes, and closes
// it.
func writeLines(ctx context.Context, fs filesystem.Interface, tmp string, fill func(io.Writer) (warc.Summary, error)) (warc.Summary, error) {
	wc, err := fs.OpenWrite(ctx, tmp)
	if err != nil {
		return warc.Summary{}, fmt.Errorf("write %s: %w", tmp, err)
	}
	zw := gzip.NewWriter(wc)
	s, err := fill(zw)
	if cerr := zw.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("write %s: %w", tmp, cerr)
	}
	if cerr := wc.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("write %s: %w", tmp, cerr)
	}
	return s, err
}

// tempName is a name beside name for writing it, unique to this attempt.
func tempName(name string) string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	dir, base := path.Split(name)
	return dir + "." + base + ".tmp-" + hex.EncodeToString(b[:])
}

// rename moves tmp to name, by the filesystem's rename, or by copying and
// removing where it has no rename.
func rename(ctx context.Context, fs filesystem.Interface, tmp, name string) error {
	if rn, ok := fs.(filesystem.Renamer); ok {
		return rn.Rename(ctx, tmp, name)
	}
	cp, ok := fs.(filesystem.Copier)
	if !ok {
		return fmt.Errorf("the filesystem of %s can neither rename nor copy", name)
	}
	if err := cp.Copy(ctx, tmp, name); err != nil {
		return err
	}
	removeQuietly(ctx, fs, tmp)
	return nil
}

func removeQuietly(ctx context.Context, fs filesystem.Interface, name string) {
	if rm, ok := fs.(filesystem.Remover); ok {
		if err := rm.Remove(ctx, name); err != nil {
			log.Warnf(ctx, "winnow: remove %s: %v", name, err)
		}
	}
}
