// Package page turns the bytes of an HTML page into its text blocks.
//
// It takes bytes (and, optionally, the HTTP Content-Type) and gives a Page:
// the title and language from the head, and the visible text split into
// Blocks, each carrying the DOM facts later stages need. The stages, in
// order:
//
//   - limits and refusals: empty, binary, too large, too deep, too many
//     blocks (ErrEmpty, ErrNotHTML, ErrTooLarge, ErrTooDeep, ErrTooManyBlocks);
//
//   - charset decoding to UTF-8 (Decode);
//
//   - parsing with golang.org/x/net/html;
//
//   - segmentation: one walk of the tree that skips what readers do not see
//     (hidden markup, hiding classes, closed and consent dialogs), splits
//     the rest into blocks and records each block's tag path, enclosing
//     elements, class/id vocabulary and whether it sits in a data table;
//
//   - the head: <title>, og:title, lang.
//
//     p, err := page.Parse(r, page.Options{})
//
// A block is a run of visible text not interrupted by a block-level boundary;
// inline elements (a, b, i, em, span, ...) do not break a block. This follows
// the boilerpipe definition (Kohlschütter, Fankhauser, Nejdl, WSDM 2010) and
// the L3S-GN1 annotation, except that inline formatting tags other than A do
// not split blocks here either.
//
// Highlight gives the page back as HTML with every block wrapped in a span,
// numbered as Parse numbers them: both go through the one segmenter.
// MarkedText reads the annotators' selection of a labelled page.
//
// This is the only package of winnow that sees the DOM. Segmentation and the
// head metadata walk golang.org/x/net/html's nodes directly, once, because
// that is the hot path; goquery (imported nowhere else) edits the tree where
// speed does not matter, in Highlight. Text rules (white space, word
// counting) come from internal/text.
package page
