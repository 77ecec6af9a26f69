package page

import "errors"

// Errors returned by Parse for input it refuses. Callers branch on them with
// errors.Is; the returned error wraps one of these with details.
var (
	// ErrEmpty: the input has no bytes, or only whitespace.
	ErrEmpty = errors.New("empty input")
	// ErrNotHTML: the input is binary data (an image, a PDF, an archive, NUL bytes).
	ErrNotHTML = errors.New("not HTML")
	// ErrTooLarge: the input is larger than Options.MaxBytes, or its
	// parsed tree would have more nodes than Options.MaxNodes allows.
	ErrTooLarge = errors.New("input too large")
	// ErrTooDeep: the element nesting is deeper than Options.MaxDepth or
	// than the HTML parser accepts (512).
	ErrTooDeep = errors.New("nesting too deep")
	// ErrTooManyBlocks: the page has more text blocks than Options.MaxBlocks.
	ErrTooManyBlocks = errors.New("too many blocks")
)
