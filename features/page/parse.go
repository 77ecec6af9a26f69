package page

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// Default limits, used where Options leaves a limit at zero.
const (
	DefaultMaxBytes  = 32 << 20
	DefaultMaxBlocks = 200_000
)

// Options controls Parse. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxBlocks is the most text blocks a page may have; 0 means DefaultMaxBlocks.
	MaxBlocks int
	// MaxNodes is the most nodes (elements, text, comments) the parsed
	// tree of a page may have; 0 means DefaultMaxNodes. Whatever it says,
	// a page of n bytes may have at most MinNodeBudget + NodesPerByte×n.
	// The tree is measured before it is built (see treeBound), and a page
	// over the limit is refused with ErrTooLarge.
	MaxNodes int
	// MaxDepth is the deepest element nesting accepted, counting <html> as
	// 1; 0 means DefaultMaxDepth, which is also the most the HTML parser
	// accepts, so larger values have no effect.
	MaxDepth int
	// ContentType is the HTTP Content-Type header, if known; its charset
	// parameter overrides any declaration inside the page.
	ContentType string
	// MarkPrefix, if set, makes segmentation count, for every block, the
	// characters under elements having a class token that starts with it
	// (Block.Marks). The labelled datasets use this to read annotations.
	MarkPrefix string
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) maxBlocks() int {
	if o.MaxBlocks > 0 {
		return o.MaxBlocks
	}
	return DefaultMaxBlocks
}

// Parse reads an HTML page from r, decodes it to UTF-8, parses it and splits
// it into blocks. It reads at most opts.MaxBytes+1 bytes and does not close r.
// Errors wrap ErrEmpty, ErrNotHTML, ErrTooLarge, ErrTooDeep or
// ErrTooManyBlocks where those apply.
func Parse(r io.Reader, opts Options) (*Page, error) {
	return ParseContext(context.Background(), r, opts)
}

// ParseBytes is Parse over a byte slice. It does not modify b.
func ParseBytes(b []byte, opts Options) (*Page, error) {
	return parseBytes(context.Background(), b, opts)
}

func parseBytes(ctx context.Context, b []byte, opts Options) (*Page, error) {
	root, enc, err := parseTree(ctx, b, opts, true)
	if err != nil {
		return nil, err
	}
	p, err := segmentContext(ctx, root, opts, nil)
	if err != nil {
		return nil, err
	}
	p.Encoding = enc
	readHead(root, p)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("read head: %w", err)
	}
	return p, nil
}

// parseTree is the part of Parse before segmentation, shared with
// Highlight: it checks b against the limits of opts, decodes it to UTF-8
// and parses it. It returns the tree and the name of the encoding.
//
// With skipRaw, the parser is not given the text of the page's scripts
// and styles, nor the comments, the content of inline svg and the
// attributes that nothing reads (see rawSkip); their elements stay.
func parseTree(ctx context.Context, b []byte, opts Options, skipRaw bool) (*html.Node, string, error) {
	if max := opts.maxBytes(); int64(len(b)) > max {
		return nil, "", fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(b), max)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, "", ErrEmpty
	}
	decoded, enc, err := Decode(b, opts.ContentType)
	if err != nil {
		return nil, "", err
	}
	var skip *rawSkip
	if skipRaw {
		skip = new(rawSkip)
	}
	if err := checkTreeSize(decoded, opts, skip); err != nil {
		return nil, "", err
	}
	in := decoded
	if skip != nil {
		in = cutSpans(decoded, skip.spans)
	}
	var src io.Reader = bytes.NewReader(in)
	if ctx.Done() != nil {
		src = ctxReader{ctx, src}
	}
	root, err := html.ParseWithOptions(src, html.ParseOptionEnableScripting(false))
	putCut(in, decoded)
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements") {
			return nil, "", fmt.Errorf("%w: more than %d nested elements (%v)", ErrTooDeep, parserMaxDepth, err)
		}
		return nil, "", fmt.Errorf("parse html: %w", err)
	}
	if root, err = reveal(ctx, root, decoded, opts.maxDepth()); err != nil {
		return nil, "", err
	}
	if max := opts.maxDepth(); max < parserMaxDepth {
		if err := checkDepth(root, max); err != nil {
			return nil, "", err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, "", fmt.Errorf("parse html: %w", err)
	}
	return root, enc, nil
}

// IsInputError reports whether err is one of the refusals of bad input
// (as opposed to an I/O error).
func IsInputError(err error) bool {
	for _, e := range []error{ErrEmpty, ErrNotHTML, ErrTooLarge, ErrTooDeep, ErrTooManyBlocks} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
