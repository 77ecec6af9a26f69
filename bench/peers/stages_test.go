package peers_test

import (
	"bytes"
	"testing"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/features"
	"github.com/winnow-dev/winnow/features/page"
	"golang.org/x/net/html"
)

// BenchmarkWinnowStages splits winnow's time per page into cumulative
// stages, to see what the gap to the bare parser is made of: each stage
// runs everything before it too, so the cost of a stage is the difference
// from the one before. One op is one pass over the page set, as in
// BenchmarkPeers.
//
//	decode   page.Decode: binary sniffing, charset choice, conversion to UTF-8
//	parse    + html.ParseWithOptions (scripting off), as page.ParseBytes does
//	segment  page.ParseBytes: + segmentation into blocks and the <head> facts
//	vectors  + features.Vectors
//	extract  Extractor.ExtractBytes: + prediction, smoothing, the Article and its text
func BenchmarkWinnowStages(b *testing.B) {
	pages := loadPages(b)
	x, err := winnow.New()
	if err != nil {
		b.Fatal(err)
	}
	stages := []struct {
		name string
		run  func(raw []byte)
	}{
		{"decode", func(raw []byte) { _, _, _ = page.Decode(raw, "") }},
		{"parse", func(raw []byte) {
			text, _, err := page.Decode(raw, "")
			if err == nil {
				_, _ = html.ParseWithOptions(bytes.NewReader(text), html.ParseOptionEnableScripting(false))
			}
		}},
		{"segment", func(raw []byte) { _, _ = page.ParseBytes(raw, page.Options{}) }},
		{"vectors", func(raw []byte) {
			if p, err := page.ParseBytes(raw, page.Options{}); err == nil {
				_ = features.Vectors(p)
			}
		}},
		{"extract", func(raw []byte) { _, _ = x.ExtractBytes(raw) }},
	}
	for _, s := range stages {
		b.Run("stage="+s.name, func(b *testing.B) { passes(b, pages, s.run) })
	}
}
