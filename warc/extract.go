package warc

import (
	"context"
	"errors"
	"io"
	"mime"
	"strings"
	"sync"

	"github.com/winnow-dev/winnow"
)

// Line is the JSON line written for one page: where it comes from, and the
// article's fields as winnow extract's jsonl writes them for a page.
type Line struct {
	URL          string `json:"url"`
	WARCDate     string `json:"warc_date"`
	WARCRecordID string `json:"warc_record_id"`
	Source       string `json:"source"` // the WARC file
	Offset       int64  `json:"offset"` // see Page.Offset
	Status       int    `json:"status,omitempty"`
	Title        string `json:"title"`
	Text         string `json:"text"`
	Encoding     string `json:"encoding,omitempty"`
	// Empty says why Text is empty: no main content found, or why the
	// page could not be extracted.
	Empty string `json:"empty,omitempty"`
}

// Extractor extracts pages with winnow, telling it each page's HTTP
// Content-Type so that the header's charset is the page's. It is safe for
// concurrent use.
type Extractor struct {
	opts []winnow.Option
	mu   sync.Mutex
	byCS map[string]*winnow.Extractor // by lowercase charset; "" for none
}

// maxCharsets bounds the Extractors kept, one per charset seen.
const maxCharsets = 64

// NewExtractor makes an Extractor with the given winnow options (which
// must not include winnow.WithContentType: each page brings its own).
func NewExtractor(opts ...winnow.Option) (*Extractor, error) {
	x, err := winnow.New(opts...)
	if err != nil {
		return nil, err
	}
	return &Extractor{opts: opts, byCS: map[string]*winnow.Extractor{"": x}}, nil
}

// forCharset gives the winnow Extractor for pages in charset cs.
func (e *Extractor) forCharset(cs string) (*winnow.Extractor, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if x, ok := e.byCS[cs]; ok {
		return x, nil
	}
	x, err := winnow.New(append(e.opts[:len(e.opts):len(e.opts)], winnow.WithContentType("text/html; charset="+cs))...)
	if err != nil {
		return nil, err
	}
	if len(e.byCS) < maxCharsets {
		e.byCS[cs] = x
	}
	return x, nil
}

// Extract extracts one page into its Line. A page without main content, or
// one that cannot be extracted, gets a Line with empty Text and Empty
// saying why.
func (e *Extractor) Extract(ctx context.Context, source string, p *Page) Line {
	l := Line{URL: p.URL, WARCDate: p.Date, WARCRecordID: p.RecordID, Source: source, Offset: p.Offset, Status: p.Status}
	if p.Problem != "" {
		l.Empty = p.Problem
		return l
	}
	cs := ""
	if _, params, err := mime.ParseMediaType(p.ContentType); err == nil {
		cs = strings.ToLower(params["charset"])
	}
	x, err := e.forCharset(cs)
	if err != nil {
		l.Empty = err.Error()
		return l
	}
	a, err := x.ExtractBytesContext(ctx, p.Body)
	if a != nil {
		l.Title, l.Text, l.Encoding = a.Title, a.Text, a.Encoding
	}
	if err != nil {
		l.Text = ""
		l.Empty = err.Error()
	}
	return l
}

// Summary counts what Process did.
type Summary struct {
	Stats
	Extracted int // pages with text
	Empty     int // pages written with empty text
}

// Process reads r's pages, extracts them with x on jobs goroutines, and
// calls emit with each page's Line and damaged with each damaged record,
// in the order of the file. It holds at most about 3×jobs pages at once.
// It stops at the first error emit returns, when ctx ends, or at an error
// reading r other than a damaged record, and returns that error.
func Process(ctx context.Context, r *Reader, x *Extractor, jobs int, emit func(Line) error, damaged func(*DamagedError)) (Summary, error) {
	jobs = max(jobs, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		page *Page
		out  chan Line
	}
	type item struct {
		damage *DamagedError
		out    chan Line
	}
	work := make(chan job, jobs)
	order := make(chan item, jobs)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.out <- x.Extract(ctx, r.name, j.page)
			}
		}()
	}
	var readErr error
	go func() {
		defer close(order)
		defer close(work)
		for {
			p, err := r.Next()
			if err == io.EOF {
				return
			}
			var d *DamagedError
			if errors.As(err, &d) {
				select {
				case order <- item{damage: d}:
					continue
				case <-ctx.Done():
					return
				}
			}
			if err != nil {
				readErr = err
				return
			}
			j := job{p, make(chan Line, 1)}
			select {
			case order <- item{out: j.out}:
			case <-ctx.Done():
				return
			}
			select {
			case work <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	var s Summary
	var err error
	for it := range order {
		if err != nil {
			continue // drain, so that the reader ends
		}
		if it.damage != nil {
			if damaged != nil {
				damaged(it.damage)
			}
			continue
		}
		var l Line
		select {
		case l = <-it.out:
		case <-ctx.Done():
			err = ctx.Err()
			continue
		}
		if l.Empty != "" {
			s.Empty++
		} else {
			s.Extracted++
		}
		if err = emit(l); err != nil {
			cancel()
		}
	}
	wg.Wait()
	s.Stats = r.Stats()
	if err == nil {
		err = readErr
	}
	if err == nil {
		err = ctx.Err()
	}
	return s, err
}
