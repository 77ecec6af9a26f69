package page

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestParseBadInput(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")
	tests := []struct {
		name, reason string
		in           []byte
		opts         Options
		wantErr      error    // nil: must parse
		wantTexts    []string // checked when wantErr is nil
	}{
		{"empty", "no bytes is no page", nil, Options{}, ErrEmpty, nil},
		{"whitespace", "only white space is no page", []byte(" \r\n\t \n"), Options{}, ErrEmpty, nil},
		{"png", "an image is refused by its magic number", png, Options{}, ErrNotHTML, nil},
		{"pdf", "a PDF is refused", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), Options{}, ErrNotHTML, nil},
		{"gzip", "compressed bytes are refused: the caller must decompress", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), Options{}, ErrNotHTML, nil},
		{"nul bytes", "NUL bytes in the text mean binary data", []byte("<p>a\x00b\x00c\x00d\x00e\x00</p>"), Options{}, ErrNotHTML, nil},
		{"random binary", "control bytes throughout are binary", bytes.Repeat([]byte{0x01, 0x02, 0x03, 0xfe, 0x10}, 100), Options{}, ErrNotHTML, nil},
		{"one stray control byte", "a single control byte in a real page is tolerated", []byte("<p>text\x01" + strings.Repeat(" more text", 20) + "</p>"),
			Options{}, nil, []string{"text\x01" + strings.Repeat(" more text", 20)}},
		{"truncated", "HTML cut mid-tag still yields the text before the cut", []byte("<html><body><p>first</p><p>second para<a hre"), Options{}, nil, []string{"first", "second para"}},
		{"truncated in comment", "an unclosed comment hides the rest, as in browsers", []byte("<p>seen</p><!-- never closed <p>x</p>"), Options{}, nil, []string{"seen"}},
		{"no markup", "plain text is one block", []byte("hello world"), Options{}, nil, []string{"hello world"}},
		{"markup only", "tags without text give a page with no blocks, not an error", []byte("<html><body><div></div></body></html>"), Options{}, nil, []string{}},
		{"too deep", "more than 512 nested elements is refused, not a stack overflow",
			[]byte(strings.Repeat("<div>", 600) + "x" + strings.Repeat("</div>", 600)), Options{}, ErrTooDeep, nil},
		{"deep inline", "deep inline nesting is refused too", []byte(strings.Repeat("<span>", 600) + "x"), Options{}, ErrTooDeep, nil},
		{"deep but legal", "500 levels parse", []byte(strings.Repeat("<div>", 500) + "x"), Options{}, nil, []string{"x"}},
		{"too many blocks", "MaxBlocks bounds the blocks of a page", []byte(strings.Repeat("<p>x</p>", 11)), Options{MaxBlocks: 10}, ErrTooManyBlocks, nil},
		{"max blocks exactly", "a page with exactly MaxBlocks blocks parses", []byte(strings.Repeat("<p>x</p>", 3)), Options{MaxBlocks: 3}, nil, []string{"x", "x", "x"}},
		{"too large", "MaxBytes bounds the input", []byte("<p>" + strings.Repeat("a", 100) + "</p>"), Options{MaxBytes: 50}, ErrTooLarge, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, via := range []string{"ParseBytes", "Parse"} {
				var p *Page
				var err error
				if via == "Parse" {
					p, err = Parse(bytes.NewReader(tt.in), tt.opts)
				} else {
					p, err = ParseBytes(tt.in, tt.opts)
				}
				if tt.wantErr != nil {
					if !errors.Is(err, tt.wantErr) {
						t.Errorf("%s: err = %v, want %v: %s", via, err, tt.wantErr, tt.reason)
					}
					if p != nil {
						t.Errorf("%s: page is not nil with an error", via)
					}
					if err != nil && (err.Error() == "" || strings.ToLower(err.Error()[:1]) != err.Error()[:1]) {
						t.Errorf("%s: error %q should be a lowercase message", via, err)
					}
					if !IsInputError(err) {
						t.Errorf("%s: IsInputError(%v) = false", via, err)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v (%s)", via, err, tt.reason)
				}
				if got := texts(p); strings.Join(got, "|") != strings.Join(tt.wantTexts, "|") || len(got) != len(tt.wantTexts) {
					t.Errorf("%s: blocks = %q, want %q: %s", via, got, tt.wantTexts, tt.reason)
				}
			}
		})
	}
}

func TestParseReadError(t *testing.T) {
	// A failing reader's error is returned, wrapped, and is not an input refusal.
	boom := errors.New("boom")
	_, err := Parse(iotest.ErrReader(boom), Options{})
	if !errors.Is(err, boom) || IsInputError(err) {
		t.Errorf("err = %v, want it to wrap the reader's error only", err)
	}
}

// repeatReader yields n bytes of a repeated pattern without holding them.
type repeatReader struct {
	pattern []byte
	off, n  int64
}

func (r *repeatReader) Read(b []byte) (int, error) {
	if r.off >= r.n {
		return 0, io.EOF
	}
	k := 0
	for k < len(b) && r.off < r.n {
		b[k] = r.pattern[r.off%int64(len(r.pattern))]
		k++
		r.off++
	}
	return k, nil
}

func TestParseHuge(t *testing.T) {
	// A 100 MB page: refused with the default limit without reading it all,
	// parsed correctly when the caller raises the limit.
	const size = 100 << 20
	para := []byte("<p>lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor</p>\n")
	t.Run("default limit", func(t *testing.T) {
		r := &repeatReader{pattern: para, n: size}
		_, err := Parse(r, Options{})
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("err = %v, want ErrTooLarge", err)
		}
		if r.off > DefaultMaxBytes+1 {
			t.Errorf("read %d bytes, want at most the limit + 1", r.off)
		}
	})
	t.Run("raised limit", func(t *testing.T) {
		if testing.Short() {
			t.Skip("parses 100 MB; skipped with -short")
		}
		// One big text block keeps this fast; the limit, not the markup, is under test.
		b := make([]byte, 0, size)
		b = append(b, "<html><body><pre>"...)
		line := []byte("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\n")
		for len(b)+len(line) < size {
			b = append(b, line...)
		}
		wantWords := (len(b) - len("<html><body><pre>")) / len(line) * 12
		p, err := ParseBytes(b, Options{MaxBytes: 200 << 20})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Blocks) != 1 || p.Blocks[0].Words != wantWords {
			t.Errorf("%d blocks, first with %d words; want 1 with %d", len(p.Blocks), p.Blocks[0].Words, wantWords)
		}
		if _, err := ParseBytes(b, Options{}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("ParseBytes with the default limit: err = %v, want ErrTooLarge", err)
		}
	})
}

func TestParseDeterministic(t *testing.T) {
	// The same bytes give the same blocks.
	in := []byte(`<div><p>a <b>b</b></p><ul><li>c</li></ul>d<br>e</div>`)
	a, b := parseString(t, string(in)), parseString(t, string(in))
	if strings.Join(texts(a), "|") != strings.Join(texts(b), "|") {
		t.Errorf("two parses differ: %q vs %q", texts(a), texts(b))
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`<p>a <a href="#">b</a></p><pre>x
y</pre>`))
	f.Add([]byte(strings.Repeat("<div>", 520)))
	f.Add([]byte("\xef\xbb\xbf<p>bom</p>"))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00x\x00"))
	f.Fuzz(func(t *testing.T, in []byte) {
		p, err := ParseBytes(in, Options{MaxBlocks: 1000})
		if err != nil {
			if p != nil {
				t.Fatal("page with error")
			}
			return
		}
		for i, b := range p.Blocks {
			if b.Index != i || b.Words < 0 || b.LinkWords > b.Words || strings.TrimSpace(b.Text) == "" {
				t.Fatalf("bad block %d: %+v", i, b)
			}
		}
	})
}
