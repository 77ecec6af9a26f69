package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// IsTerminal reports whether w is a terminal (a character device).
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Bar draws a one-line progress bar, "label [###...] n/total rate/s".
// The zero Bar draws nothing.
type Bar struct {
	w     io.Writer
	label string
	total int
	n     int
	start time.Time
	last  time.Time
}

// NewBar returns a bar over total items drawn on w when tty is true and
// total is at least 2, and a bar that draws nothing otherwise.
func NewBar(w io.Writer, tty bool, label string, total int) *Bar {
	if !tty || total < 2 {
		return &Bar{}
	}
	return &Bar{w: w, label: label, total: total, start: time.Now()}
}

// Set moves the bar to n done of total (total may change). It redraws at
// most every 100 ms, and always at the end.
func (p *Bar) Set(n, total int) {
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

// Add moves the bar k items on.
func (p *Bar) Add(k int) { p.Set(p.n+k, p.total) }

// Done ends the bar's line.
func (p *Bar) Done() {
	if p.w != nil {
		fmt.Fprintln(p.w)
	}
}

// Counter shows "label: n records, m HTML responses" for a count whose end
// is not known (a web archive's records). The zero Counter draws nothing.
type Counter struct {
	w     io.Writer
	label string
	last  time.Time
}

// NewCounter returns a counter drawn on w when w is a terminal, and one
// that draws nothing otherwise.
func NewCounter(w io.Writer, label string) *Counter {
	if !IsTerminal(w) {
		return &Counter{}
	}
	return &Counter{w: w, label: label}
}

// Show draws the counts, at most every 100 ms.
func (c *Counter) Show(records, pages int) {
	if c.w == nil || time.Since(c.last) < 100*time.Millisecond {
		return
	}
	c.last = time.Now()
	fmt.Fprintf(c.w, "\r%s: %d records, %d HTML responses ", c.label, records, pages)
}

// Clear erases the counter's line, if it drew one, so that a message can
// take it; the next Show draws again.
func (c *Counter) Clear() {
	if c.w != nil && !c.last.IsZero() {
		fmt.Fprint(c.w, "\r\033[K")
		c.last = time.Time{}
	}
}
