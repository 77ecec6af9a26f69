package winnow

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/winnow-dev/winnow/features/page"
	"github.com/winnow-dev/winnow/model"
	"github.com/winnow-dev/winnow/model/train"
)

// seedPage is the seed fixture and the first paragraph of its story, which
// a correct extraction returns.
func seedPage(t testing.TB) (page []byte, story string) {
	t.Helper()
	page, err := os.ReadFile("testdata/seed/news.html")
	if err != nil {
		t.Fatal(err)
	}
	s, err := os.ReadFile("testdata/seed/story.txt")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(s), "\n")
	return page, first
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
		c := copy(b[k:], r.pattern[r.off%int64(len(r.pattern)):])
		if rest := r.n - r.off; int64(c) > rest {
			c = int(rest)
		}
		k += c
		r.off += int64(c)
	}
	return k, nil
}

// TestHostileInput runs the pages a crawler meets in the wild, and some
// made to hurt, through the whole pipeline: each gives a clear, typed
// error or a correct result, never a panic or a hang.
func TestHostileInput(t *testing.T) {
	seed, story := seedPage(t)
	words := strings.Fields(story)
	storyStart := strings.Join(words[:8], " ")
	// Edits go inside the story's first paragraph, which extraction keeps.
	inStory := func(page []byte, add string) []byte {
		if !bytes.Contains(page, []byte(storyStart)) {
			t.Fatalf("the seed page lacks %q", storyStart)
		}
		return bytes.Replace(page, []byte(storyStart), []byte(storyStart+add), 1)
	}
	withInvalid := inStory(seed, "\xe2\x80 tail\xff") // a sequence cut short, a byte no UTF-8 has
	declaredLatin := inStory(bytes.Replace(seed, []byte(`<meta charset="utf-8">`), []byte(`<meta charset="iso-8859-1">`), 1), " café")
	declaredUTF8 := inStory(seed, " caf\xe9") // a windows-1252 é in a UTF-8 page
	// Leave out the closing tags that HTML lets authors leave out, and
	// more: the parser closes them.
	unclosed := regexp.MustCompile(`</(p|div|li|ul|span|section|article|header|footer|nav|td|tr|table|body|html|h[1-6])>`).ReplaceAll(seed, nil)
	deep := func(n int, tag string) []byte {
		return []byte("<html><body>" + strings.Repeat("<"+tag+">", n) + "deep text" + strings.Repeat("</"+tag+">", n))
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")
	links := func(n int, item string) []byte {
		var b bytes.Buffer
		b.WriteString("<html><body><ul>")
		for i := range n {
			b.WriteString(strings.ReplaceAll(item, "N", string(rune('a'+i%26))))
		}
		return b.Bytes()
	}

	tests := []struct {
		name, reason string
		in           []byte
		reader       func() io.Reader // instead of in, read through Extract
		opts         []Option
		wantErr      error  // nil: a result
		wantText     string // with wantErr nil: a substring of the article
	}{
		{name: "empty", reason: "no bytes is no page", in: nil, wantErr: page.ErrEmpty},
		{name: "whitespace", reason: "blank input is no page", in: []byte(" \n\t\r\n  "), wantErr: page.ErrEmpty},
		{name: "png", reason: "an image is refused by its magic number", in: png, wantErr: page.ErrNotHTML},
		{name: "pdf", reason: "a PDF is refused by its magic number", in: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), wantErr: page.ErrNotHTML},
		{name: "nul bytes", reason: "NUL bytes throughout are binary data", in: bytes.Repeat([]byte("<p>a\x00b\x00</p>"), 500), wantErr: page.ErrNotHTML},
		{name: "invalid utf-8", reason: "a sequence cut short becomes U+FFFD, a lone byte is read as Windows-1252; the story still comes out", in: withInvalid, wantText: storyStart + "\ufffd tailÿ"},
		{name: "charset says latin-1, page is utf-8", reason: "the common mislabel is read as UTF-8", in: declaredLatin, wantText: storyStart + " café"},
		{name: "charset says utf-8, page has a windows-1252 byte", reason: "the stray byte is read as Windows-1252, the rest is intact", in: declaredUTF8, wantText: storyStart + " café"},
		{name: "unclosed tags", reason: "the parser closes them; the story comes out", in: unclosed, wantText: storyStart},
		{name: "10,000-deep nesting", reason: "refused by depth, not a stack overflow or a hang", in: deep(10_000, "div"), wantErr: page.ErrTooDeep},
		{name: "10,000-deep inline nesting", reason: "inline elements count too", in: deep(10_000, "span"), wantErr: page.ErrTooDeep},
		// wrapsMostText stops walking once it has visited twice the page's
		// nodes; the wrappers past that count as hidden.
		{name: "500 nested hiding wrappers", reason: "checking each wrapper's share of the text is not quadratic; the innermost wrappers count as hidden", in: []byte("<html><body>" + strings.Repeat(`<div class="hide">`, 500) + strings.Repeat("<p>A paragraph of the story, long enough to keep.</p>", 20_000)), wantErr: ErrNoContent},
		{name: "deeper than -max-depth", reason: "WithMaxDepth lowers the parser's 512", in: deep(100, "div"), opts: []Option{WithMaxDepth(50)}, wantErr: page.ErrTooDeep},
		{name: "within -max-depth", reason: "html, body and 48 divs are 50 levels", in: deep(48, "div"), opts: []Option{WithMaxDepth(50), WithThreshold(0)}, wantText: "deep text"},
		{name: "100 MB page", reason: "Extract reads MaxBytes+1 bytes and stops", reader: func() io.Reader {
			return &repeatReader{pattern: []byte("<p>" + strings.Repeat("lorem ipsum ", 40) + "</p>\n"), n: 100 << 20}
		}, wantErr: page.ErrTooLarge},
		{name: "over WithMaxBytes", reason: "the size limit is an option", in: seed, opts: []Option{WithMaxBytes(1000)}, wantErr: page.ErrTooLarge},
		// Threshold 0, so that the block is kept whatever the model's
		// probability of it: the test is that a block of a million links
		// is segmented, classified and rendered whole within the limits.
		{name: "400,000 links in one block", reason: "a page that is one block of 400,000 links comes out whole", in: links(400_000, `<a href="/N">N</a> `), opts: []Option{WithThreshold(0)}, wantText: "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c"},
		{name: "250,000 list links", reason: "250,000 blocks is above the default block limit", in: links(250_000, `<li><a href="/N">N</a>`), wantErr: page.ErrTooManyBlocks},
		{name: "a million list links", reason: "a tree of over page.DefaultMaxNodes nodes is refused before it is built", in: links(1_000_000, `<li><a href="/N">N</a>`), wantErr: page.ErrTooLarge},
		{name: "over WithMaxBlocks", reason: "the block limit is an option", in: seed, opts: []Option{WithMaxBlocks(5)}, wantErr: page.ErrTooManyBlocks},
		{name: "over WithMaxNodes", reason: "the tree size limit is an option", in: seed, opts: []Option{WithMaxNodes(100)}, wantErr: page.ErrTooLarge},
		{name: "timeout", reason: "a page that takes longer than WithTimeout stops with ErrTimeout", in: seed, opts: []Option{WithTimeout(time.Nanosecond)}, wantErr: ErrTimeout},
		{name: "no timeout", reason: "WithTimeout(0) lifts the limit", in: seed, opts: []Option{WithTimeout(0)}, wantText: storyStart},
		{name: "seed page", reason: "the control: a real article comes out whole", in: seed, wantText: story},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// These cases test what a page costs and which error it gets,
			// not how fast a busy machine is: the per-page time limit is
			// lifted unless a case sets it (the timeout cases; a million
			// links take most of the default 30 s under -race).
			opts := append([]Option{WithTimeout(0)}, tt.opts...)
			x, err := New(opts...)
			if err != nil {
				t.Fatal(err)
			}
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			var a *Article
			if tt.reader != nil {
				a, err = x.ExtractContext(context.Background(), tt.reader())
			} else {
				a, err = x.ExtractBytesContext(context.Background(), tt.in)
			}
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			// A page costs memory in proportion to its size: at most the
			// default size limit (32 MB) times a generous factor.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64*page.DefaultMaxBytes {
				t.Errorf("allocated %d MB", alloc>>20)
			}
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v: %s", err, tt.wantErr, tt.reason)
				}
				if msg := err.Error(); msg == "" || strings.ToLower(msg[:1]) != msg[:1] {
					t.Errorf("error %q should be a lowercase message", msg)
				}
				if a != nil && !errors.Is(err, ErrNoContent) {
					t.Errorf("an article with error %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v: %s", err, tt.reason)
			}
			if !utf8.ValidString(a.Text) {
				t.Errorf("article text is not valid UTF-8")
			}
			if !strings.Contains(a.Text, tt.wantText) {
				t.Errorf("article lacks %q: %s\ngot: %.400q", tt.wantText, tt.reason, a.Text)
			}
		})
	}
}

// TestTimeoutAndCancel checks that the context stops a page and that the
// two ways it can stop are told apart.
func TestTimeoutAndCancel(t *testing.T) {
	seed, _ := seedPage(t)
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	expired, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel()
	cancelled, cancel2 := context.WithCancel(context.Background())
	cancel2()
	tests := []struct {
		name, reason string
		ctx          context.Context
		opts         []Option
		want         []error
		notWant      error
	}{
		{"expired deadline", "the caller's deadline is a timeout", expired, nil, []error{ErrTimeout, context.DeadlineExceeded}, context.Canceled},
		{"1ns timeout", "WithTimeout bounds each page", context.Background(), []Option{WithTimeout(time.Nanosecond)}, []error{ErrTimeout, context.DeadlineExceeded}, context.Canceled},
		{"cancelled", "cancellation (Ctrl-C) is not a timeout", cancelled, nil, []error{context.Canceled}, ErrTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := x
			if tt.opts != nil {
				if x, err = New(tt.opts...); err != nil {
					t.Fatal(err)
				}
			}
			for via, extract := range map[string]func() (*Article, error){
				"ExtractContext":      func() (*Article, error) { return x.ExtractContext(tt.ctx, bytes.NewReader(seed)) },
				"ExtractBytesContext": func() (*Article, error) { return x.ExtractBytesContext(tt.ctx, seed) },
			} {
				a, err := extract()
				for _, w := range tt.want {
					if !errors.Is(err, w) {
						t.Errorf("%s: err = %v, want it to wrap %v: %s", via, err, w, tt.reason)
					}
				}
				if errors.Is(err, tt.notWant) {
					t.Errorf("%s: err = %v wraps %v: %s", via, err, tt.notWant, tt.reason)
				}
				if a != nil {
					t.Errorf("%s: an article with error %v", via, err)
				}
			}
		})
	}
}

// rewrap returns a model file with body as its body, a correct checksum
// and the given format version, as a tool that edits model files would.
func rewrap(t *testing.T, body []byte, version int) []byte {
	t.Helper()
	var c bytes.Buffer
	if err := json.Compact(&c, body); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(c.Bytes())
	out := fmt.Appendf(nil, `{"format":%q,"version":%d,"sha256":%q,"body":`, model.FormatMagic, version, hex.EncodeToString(sum[:]))
	return append(append(out, c.Bytes()...), '}')
}

// modelEdits makes edited copies of the default model file. Only the
// fields an edit touches are decoded (the file is large, the race detector
// slow): the rest stay raw JSON.
type modelEdits struct {
	t      *testing.T
	fields map[string]json.RawMessage // of the body
}

func newModelEdits(t *testing.T) *modelEdits {
	t.Helper()
	var env struct{ Body json.RawMessage }
	if err := json.Unmarshal(defaultModelFile, &env); err != nil {
		t.Fatal(err)
	}
	e := &modelEdits{t: t}
	if err := json.Unmarshal(env.Body, &e.fields); err != nil {
		t.Fatal(err)
	}
	return e
}

// file returns a well-formed model file of the given format version whose
// body is the default model's after edit (may be nil).
func (e *modelEdits) file(version int, edit func(body map[string]any)) []byte {
	e.t.Helper()
	body := make(map[string]any, len(e.fields))
	for k, v := range e.fields {
		body[k] = v
	}
	if edit != nil {
		edit(body)
	}
	return rewrap(e.t, appendJSON(nil, body), version)
}

// appendJSON encodes v, copying json.RawMessage parts as they are rather
// than through json.Marshal, which would re-validate them.
func appendJSON(dst []byte, v any) []byte {
	switch v := v.(type) {
	case json.RawMessage:
		return append(dst, v...)
	case map[string]any:
		keys := slices.Sorted(maps.Keys(v))
		dst = append(dst, '{')
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = strconv.AppendQuote(dst, k)
			dst = appendJSON(append(dst, ':'), v[k])
		}
		return append(dst, '}')
	case []any:
		dst = append(dst, '[')
		for i, x := range v {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSON(dst, x)
		}
		return append(dst, ']')
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic("winnow test: " + err.Error())
	}
	return append(dst, b...)
}

// decode replaces body[key], raw JSON, by its decoded value and returns it.
func decode(body map[string]any, key string) any {
	raw, ok := body[key].(json.RawMessage)
	if !ok {
		return body[key]
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		panic("winnow test: " + err.Error())
	}
	body[key] = v
	return v
}

// firstTree decodes the first tree of body, leaving the others raw.
func firstTree(body map[string]any) map[string]any {
	var trees []json.RawMessage
	if err := json.Unmarshal(body["trees"].(json.RawMessage), &trees); err != nil {
		panic("winnow test: " + err.Error())
	}
	out := make([]any, len(trees))
	for i, tr := range trees {
		out[i] = tr
	}
	body["trees"] = out
	holder := map[string]any{"t": trees[0]}
	tree := decode(holder, "t").(map[string]any)
	out[0] = tree
	return tree
}

// badModels are model files that must be refused, with the error each gives.
func badModels(t *testing.T) []struct {
	name, reason string
	file         []byte
	want         error
} {
	edits := newModelEdits(t)
	corrupt := bytes.Clone(defaultModelFile)
	i := bytes.Index(corrupt, []byte(`"threshold":[`)) + len(`"threshold":[`)
	corrupt[i] = map[bool]byte{true: '2', false: '1'}[corrupt[i] == '1']
	return []struct {
		name, reason string
		file         []byte
		want         error
	}{
		{"empty", "no bytes is no model", nil, model.ErrCorrupt},
		{"html", "a page given as -model", []byte("<html><body><p>not a model</p></body></html>"), model.ErrNotModel},
		{"truncated", "a file cut in half", defaultModelFile[:len(defaultModelFile)/2], model.ErrCorrupt},
		{"corrupt", "one digit of a threshold changed: the checksum catches it", corrupt, model.ErrCorrupt},
		{"newer version", "a file from a newer winnow", edits.file(model.FormatVersion+1, nil), model.ErrVersion},
		{"schema mismatch", "a feature renamed", edits.file(model.FormatVersion, func(b map[string]any) {
			decode(b, "schema").(map[string]any)["names"].([]any)[0] = "NotAFeature"
		}), model.ErrSchemaMismatch},
		{"schema version mismatch", "another version of the feature schema", edits.file(model.FormatVersion, func(b map[string]any) {
			decode(b, "schema").(map[string]any)["version"] = "winnow-features-0"
		}), model.ErrSchemaMismatch},
		{"enormous node count", "more nodes than MaxNodes, refused before building trees", edits.file(model.FormatVersion, func(b map[string]any) {
			feat := make([]int, model.MaxNodes+1)
			firstTree(b)["feature"] = feat
		}), model.ErrCorrupt},
		{"child out of range", "a child index past the end of the tree", edits.file(model.FormatVersion, func(b map[string]any) {
			firstTree(b)["left"].([]any)[0] = 1 << 30
		}), model.ErrCorrupt},
		{"negative child", "a child index below -1", edits.file(model.FormatVersion, func(b map[string]any) {
			firstTree(b)["right"].([]any)[0] = -5
		}), model.ErrCorrupt},
		{"child points back up", "a cycle to the root would loop forever", edits.file(model.FormatVersion, func(b map[string]any) {
			tr := firstTree(b)
			left := tr["left"].([]any)
			l, _ := left[0].(json.Number).Int64()
			left[l] = 0
			tr["right"].([]any)[l] = 0
		}), model.ErrCorrupt},
		{"child points to itself", "a self-loop", edits.file(model.FormatVersion, func(b map[string]any) {
			firstTree(b)["left"].([]any)[0] = 0
		}), model.ErrCorrupt},
		{"feature out of range", "a split on a feature the schema lacks", edits.file(model.FormatVersion, func(b map[string]any) {
			firstTree(b)["feature"].([]any)[0] = 100000
		}), model.ErrCorrupt},
		{"no trees", "a model that predicts nothing", edits.file(model.FormatVersion, func(b map[string]any) {
			b["trees"] = []any{}
		}), model.ErrCorrupt},
	}
}

// TestForeignSchemaModel passes New a model trained on another feature
// schema (three made-up features): New refuses it with ErrSchemaMismatch
// instead of panicking later on the first page.
func TestForeignSchemaModel(t *testing.T) {
	s := model.Schema{Version: "other-features-1", Names: []string{"a", "b", "c"}}
	X := [][]float64{{0, 1, 2}, {1, 0, 2}, {2, 1, 0}, {0, 2, 1}}
	y := []model.Label{model.Content, model.Boilerplate, model.Content, model.Boilerplate}
	m, err := train.Fit(s, X, y, model.Config{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(WithModel(m))
	if !errors.Is(err, model.ErrSchemaMismatch) || x != nil {
		t.Fatalf("New with a 3-feature model: %v, %v; want ErrSchemaMismatch", x, err)
	}
	// Editing the exported Schema field does not fool the check: the
	// trees still read three values.
	m.Schema = Schema()
	if _, err := New(WithModel(m)); !errors.Is(err, model.ErrSchemaMismatch) {
		t.Fatalf("New with a relabelled 3-feature model: %v; want ErrSchemaMismatch", err)
	}
	if _, err := Extract(strings.NewReader("<p>text</p>"), WithModel(m)); !errors.Is(err, model.ErrSchemaMismatch) {
		t.Fatalf("Extract with a 3-feature model: %v; want ErrSchemaMismatch", err)
	}
}

// TestHostileModelFiles loads bad model files through LoadModel: each is
// refused with its sentinel, and a good file still loads.
func TestHostileModelFiles(t *testing.T) {
	if _, err := LoadModel(bytes.NewReader(newModelEdits(t).file(model.FormatVersion, nil))); err != nil {
		t.Fatalf("the default model, re-encoded: %v", err)
	}
	for _, tt := range badModels(t) {
		t.Run(tt.name, func(t *testing.T) {
			m, err := LoadModel(bytes.NewReader(tt.file))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v: %s", err, tt.want, tt.reason)
			}
			if m != nil {
				t.Error("a model with an error")
			}
		})
	}
}
