package features

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/features/page"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors/*.golden from the current feature vectors")

// goldenPages are the test pages whose vectors are pinned in
// testdata/vectors: a forum, a product page with tables, a Japanese page
// and a Russian one.
var goldenPages = []string{"forum-archlinux", "product-keychron", "shift_jis-declared", "windows-1251-declared"}

// formatVectors writes vecs one line per block: the block's
// index, then every feature as name=value, in schema order, each value in
// the shortest form that reads back to the same float64.
func formatVectors(vecs [][]float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: one line per block, the block's index and then name=value for every feature, in vector order\n", SchemaVersion)
	for i, v := range vecs {
		b.WriteString(strconv.Itoa(i))
		for k, x := range v {
			b.WriteByte(' ')
			b.WriteString(Names()[k])
			b.WriteByte('=')
			b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// goldenValue is one name=value of a golden file.
type goldenValue struct {
	name  string
	value float64
}

// parseVectors reads what formatVectors wrote: per line, the block index
// and its values.
func parseVectors(s string) ([][]goldenValue, error) {
	var out [][]goldenValue
	for n, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) == 0 || fields[0] != strconv.Itoa(len(out)) {
			return nil, fmt.Errorf("line %d: does not start with block index %d", n+1, len(out))
		}
		row := make([]goldenValue, 0, len(fields)-1)
		for _, f := range fields[1:] {
			name, val, ok := strings.Cut(f, "=")
			x, err := strconv.ParseFloat(val, 64)
			if !ok || err != nil {
				return nil, fmt.Errorf("line %d: %q is not name=number", n+1, f)
			}
			row = append(row, goldenValue{name, x})
		}
		out = append(out, row)
	}
	return out, nil
}

// TestGoldenVectors compares the feature vectors of goldenPages with
// testdata/vectors/<page>.golden, value by value and bit for bit, and names
// every difference: block, feature, expected and computed value.
func TestGoldenVectors(t *testing.T) {
	for _, name := range goldenPages {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(pagesDir, name, "page.html"))
			if err != nil {
				t.Fatal(err)
			}
			p, err := page.ParseBytes(raw, page.Options{})
			if err != nil {
				t.Fatal(err)
			}
			vecs := Vectors(p)
			golden := filepath.Join("testdata", "vectors", name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(formatVectors(vecs)), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./features -update to create it)", err)
			}
			want, err := parseVectors(string(b))
			if err != nil {
				t.Fatalf("%s: %v", golden, err)
			}
			if len(want) != len(vecs) {
				t.Fatalf("%d blocks, %s has %d", len(vecs), golden, len(want))
			}
			diffs := 0
			for i, v := range vecs {
				if len(want[i]) != len(v) {
					t.Fatalf("block %d: %d features, %s has %d", i, len(v), golden, len(want[i]))
				}
				for k, x := range v {
					w := want[i][k]
					if w.name != Names()[k] {
						t.Fatalf("block %d: feature %d is %s, %s has %s", i, k, Names()[k], golden, w.name)
					}
					if math.Float64bits(x) != math.Float64bits(w.value) {
						if diffs++; diffs <= 20 {
							t.Errorf("block %d %q: %s = %v, want %v", i, preview(p.Blocks[i].Text, 40), w.name, x, w.value)
						}
					}
				}
			}
			if diffs > 0 {
				t.Errorf("%d values differ from %s; if the change is intended, bump SchemaVersion and run go test ./features -update", diffs, golden)
			}
		})
	}
}

// preview is the first n runes of s, with an ellipsis if cut.
func preview(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
