// Command peakmem measures the memory one contender needs over the page
// set, in a fresh process.
//
//	go build -tags winnow -o peakmem-winnow ./cmd/peakmem
//	./peakmem-winnow [-data dir] [-header] winnow
//
// The build tag (parse, winnow, trafilatura or readability; none for the
// baseline) picks the one contender the binary links, so that its start
// and peak RSS carry no other contender's package initialisation (compiled
// regular expressions, tables, embedded models). The argument repeats the
// name as a guard against running the wrong binary.
//
// It builds the contender, then reads the page set one file at a time
// (gunzip, extract, drop) so that at most one page is held, and prints one
// row, sizes from /proc/self/status (Linux only):
//
//	setup-MiB       peak RSS while building the contender (VmHWM)
//	start-MiB       RSS before the first page, after a collection that
//	                returns freed memory to the OS (VmRSS: runtime, code,
//	                the contender's tables and models)
//	peak-MiB        peak RSS over the pages (VmHWM, reset through
//	                /proc/self/clear_refs after setup)
//	mean-alloc-KiB  bytes allocated per page (runtime.MemStats.TotalAlloc
//	max-alloc-MiB   around the Extract call alone): mean and maximum
//
// "none" reads the pages and extracts nothing, the baseline to subtract.
// The Go collector runs with its defaults (GOGC=100), so the peak RSS is
// roughly twice the largest live heap plus the runtime.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/winnow-dev/winnow/bench/peers"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "peakmem:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("peakmem", flag.ContinueOnError)
	dir := fs.String("data", peers.DataDir(), "shared data folder")
	header := fs.Bool("header", false, "print the column names first")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: peakmem [-data dir] [-header] NAME (the contender the binary was built for with -tags NAME)")
	}
	x, err := contender()
	if err != nil {
		return err
	}
	if name := fs.Arg(0); name != x.Name {
		return fmt.Errorf("this binary measures %q, not %q: build it with -tags %s", x.Name, name, name)
	}
	pages, err := peers.Files(*dir)
	if err != nil {
		return err
	}
	// The setup (a model decoded from JSON, compiled expressions) may peak
	// higher than any page: record that peak, hand freed memory back to
	// the OS, then reset the high-water mark so the run's peak is the
	// pages' alone.
	setup, err := procStatus("VmHWM")
	if err != nil {
		return err
	}
	debug.FreeOSMemory()
	start, err := procStatus("VmRSS")
	if err != nil {
		return err
	}
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		return fmt.Errorf("reset peak RSS: %w", err)
	}
	var total, most uint64
	var before, after runtime.MemStats
	for _, p := range pages {
		b, err := peers.ReadPage(*dir, p.Name)
		if err != nil {
			return err
		}
		runtime.ReadMemStats(&before)
		_, _ = x.Extract(b)
		runtime.ReadMemStats(&after)
		n := after.TotalAlloc - before.TotalAlloc
		total += n
		most = max(most, n)
	}
	peak, err := procStatus("VmHWM")
	if err != nil {
		return err
	}
	const mib = 1 << 20
	if *header {
		fmt.Fprintf(stdout, "%-12s %6s %10s %10s %10s %14s %14s\n", "contender", "pages", "setup-MiB", "start-MiB", "peak-MiB", "mean-alloc-KiB", "max-alloc-MiB")
	}
	fmt.Fprintf(stdout, "%-12s %6d %10.1f %10.1f %10.1f %14.0f %14.1f\n", x.Name, len(pages),
		float64(setup)/mib, float64(start)/mib, float64(peak)/mib,
		float64(total)/float64(len(pages))/1024, float64(most)/mib)
	return nil
}

// procStatus returns a size field of /proc/self/status in bytes.
func procStatus(field string) (uint64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("peak memory needs Linux /proc: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || k != field {
			continue
		}
		kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("/proc/self/status %s: %w", field, err)
		}
		return kb << 10, nil
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("/proc/self/status has no %s", field)
}
