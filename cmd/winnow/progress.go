package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress draws a one-line progress bar on stderr when stderr is a
// terminal, and nothing otherwise (so logs and pipes stay clean).
type progress struct {
	w     io.Writer
	label string
	total int
	n     int
	start time.Time
	last  time.Time
}

func newProgress(e *env, label string, total int) *progress {
	f, ok := e.stderr.(*os.File)
	if !ok || total < 2 {
		return &progress{}
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return &progress{}
	}
	return &progress{w: f, label: label, total: total, start: time.Now()}
}

func (p *progress) add(k int) {
	if p.w == nil {
		return
	}
	p.n += k
	if now := time.Now(); now.Sub(p.last) > 100*time.Millisecond || p.n == p.total {
		p.last = now
		const width = 30
		filled := width * p.n / p.total
		bar := make([]byte, width)
		for i := range bar {
			bar[i] = '.'
			if i < filled {
				bar[i] = '#'
			}
		}
		rate := float64(p.n) / time.Since(p.start).Seconds()
		fmt.Fprintf(p.w, "\r%s [%s] %d/%d %.0f/s ", p.label, bar, p.n, p.total, rate)
	}
}

func (p *progress) done() {
	if p.w != nil {
		fmt.Fprintln(p.w)
	}
}
