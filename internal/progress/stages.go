package progress

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Stages reports the stages of a long command and times them: on a
// terminal the stage at hand has a bar (Bar) or a running clock (Begin);
// elsewhere each stage is one line, "winnow CMD: NAME: WHAT", as it
// starts. Summary says where the time went.
type Stages struct {
	w     io.Writer
	tty   bool
	cmd   string
	names []string
	times []time.Duration
	start time.Time
	stop  chan struct{}
	wg    sync.WaitGroup
}

// NewStages reports the stages of command cmd on w; tty says w is a
// terminal.
func NewStages(w io.Writer, tty bool, cmd string) *Stages {
	return &Stages{w: w, tty: tty, cmd: cmd}
}

// Begin ends the current stage and starts stage name, described by what.
func (s *Stages) Begin(name, what string) {
	s.End()
	s.names = append(s.names, name)
	s.start = time.Now()
	if !s.tty {
		fmt.Fprintf(s.w, "winnow %s: %s: %s\n", s.cmd, name, what)
		return
	}
	s.stop = make(chan struct{})
	s.wg.Add(1)
	go func(stop chan struct{}, start time.Time) {
		defer s.wg.Done()
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			fmt.Fprintf(s.w, "\r%s: %s %v ", name, what, time.Since(start).Round(time.Second))
			select {
			case <-stop:
				fmt.Fprintln(s.w)
				return
			case <-t.C:
			}
		}
	}(s.stop, s.start)
}

// Bar starts stage name with a progress bar over total items instead of a
// clock; the caller moves it and calls its Done.
func (s *Stages) Bar(name, what string, total int) *Bar {
	s.End()
	s.names = append(s.names, name)
	s.start = time.Now()
	if !s.tty {
		fmt.Fprintf(s.w, "winnow %s: %s: %s\n", s.cmd, name, what)
		return &Bar{}
	}
	return &Bar{w: s.w, label: name, total: max(total, 1), start: s.start}
}

// End ends the current stage, if any.
func (s *Stages) End() {
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

// Summary ends the current stage and lists the stages' times and their
// total, as "load 12.9s, fit 8.6s (total 21.5s)".
func (s *Stages) Summary() string {
	s.End()
	var parts []string
	var total time.Duration
	for i, n := range s.names {
		parts = append(parts, fmt.Sprintf("%s %v", n, Round(s.times[i])))
		total += s.times[i]
	}
	return fmt.Sprintf("%s (total %v)", strings.Join(parts, ", "), Round(total))
}

// Round rounds d to what a person reads: hundredths of a millisecond
// under 10 ms, milliseconds under 10 s, tenths of a second above.
func Round(d time.Duration) time.Duration {
	if d < 10*time.Millisecond {
		return d.Round(10 * time.Microsecond)
	}
	if d < 10*time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}
