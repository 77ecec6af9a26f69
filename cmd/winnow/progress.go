package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress draws a one-line progress bar on stderr when stderr is a
// terminal (env.tty), and nothing otherwise (so logs and pipes stay
// clean). Its methods are not safe for concurrent use.
type progress struct {
	w     io.Writer
	label string
	total int
	n     int
	start time.Time
	last  time.Time
}

func newProgress(e *env, label string, total int) *progress {
	if !e.tty || total < 2 {
		return &progress{}
	}
	return &progress{w: e.stderr, label: label, total: total, start: time.Now()}
}

// set moves the bar to n done of total (total may change).
func (p *progress) set(n, total int) {
	if p.w == nil || total < 1 {
		return
	}
	p.n, p.total = n, total
	if now := time.Now(); now.Sub(p.last) > 100*time.Millisecond || p.n == p.total {
		p.last = now
		const width = 30
		filled := width * min(p.n, p.total) / p.total
		rate := float64(p.n) / time.Since(p.start).Seconds()
		fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d %.0f/s ", p.label, strings.Repeat("#", filled), strings.Repeat(".", width-filled), p.n, p.total, rate)
	}
}

func (p *progress) add(k int) { p.set(p.n+k, p.total) }

func (p *progress) done() {
	if p.w != nil {
		fmt.Fprintln(p.w)
	}
}

// stages reports the stages of a long command on stderr and times them:
// on a terminal the stage at hand has a bar (bar) or a running clock;
// elsewhere each stage is one line as it starts. summary says where the
// time went.
type stages struct {
	e     *env
	cmd   string
	names []string
	times []time.Duration
	start time.Time
	stop  chan struct{}
	wg    sync.WaitGroup
}

func newStages(e *env, cmd string) *stages { return &stages{e: e, cmd: cmd} }

// begin ends the current stage and starts stage name, described by what.
func (s *stages) begin(name, what string) {
	s.end()
	s.names = append(s.names, name)
	s.start = time.Now()
	if !s.e.tty {
		fmt.Fprintf(s.e.stderr, "winnow %s: %s: %s\n", s.cmd, name, what)
		return
	}
	s.stop = make(chan struct{})
	s.wg.Add(1)
	go func(stop chan struct{}, start time.Time) {
		defer s.wg.Done()
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			fmt.Fprintf(s.e.stderr, "\r%s: %s %v ", name, what, time.Since(start).Round(time.Second))
			select {
			case <-stop:
				fmt.Fprintln(s.e.stderr)
				return
			case <-t.C:
			}
		}
	}(s.stop, s.start)
}

// bar starts stage name with a progress bar over total items instead of a
// clock; the caller moves it and calls its done.
func (s *stages) bar(name, what string, total int) *progress {
	s.end()
	s.names = append(s.names, name)
	s.start = time.Now()
	if !s.e.tty {
		fmt.Fprintf(s.e.stderr, "winnow %s: %s: %s\n", s.cmd, name, what)
		return &progress{}
	}
	return &progress{w: s.e.stderr, label: name, total: max(total, 1), start: s.start}
}

// end ends the current stage, if any.
func (s *stages) end() {
	if len(s.times) == len(s.names) {
		return
	}
	s.times = append(s.times, time.Since(s.start))
	if s.stop != nil {
		close(s.stop)
		s.wg.Wait()
		s.stop = nil
	}
}

// summary ends the current stage and lists the stages' times and their
// total, as "load 12.9s, fit 8.6s (total 21.5s)".
func (s *stages) summary() string {
	s.end()
	var parts []string
	var total time.Duration
	for i, n := range s.names {
		parts = append(parts, fmt.Sprintf("%s %v", n, round(s.times[i])))
		total += s.times[i]
	}
	return fmt.Sprintf("%s (total %v)", strings.Join(parts, ", "), round(total))
}

// round rounds d to what a person reads: hundredths of a millisecond
// under 10 ms, milliseconds under 10 s, tenths of a second above.
func round(d time.Duration) time.Duration {
	if d < 10*time.Millisecond {
		return d.Round(10 * time.Microsecond)
	}
	if d < 10*time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}
