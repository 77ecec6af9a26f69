package page

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestSparseLatin(t *testing.T) {
	english := strings.Repeat("an English sentence with enough letters around the few accented ones. ", 6)
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"plain ASCII has nothing to decide", false},
		{"caf\xe9 au lait and cr\xe8me br\xfbl\xe9e, " + english, true},
		{"\x93quoted\x94 text in windows-1252, " + english, true},
		{"\xcf\xf0\xe8\xe2\xe5\xf2 windows-1251 Cyrillic writes runs of high bytes", false},
		{"d\xe9j\xe0 vu", false},           // too dense: 2 high bytes for 6 letters
		{"\xcf\xf0\xe8 " + english, false}, // a run of high bytes
	} {
		if got := sparseLatin([]byte(c.in)); got != c.want {
			t.Errorf("sparseLatin(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestSparseLatinAgreesWithDetector: on every page of the shared sets that
// reaches the detector (knownEncoding cannot settle it),
// a page sparseLatin takes as windows-1252 is one the detector also reads
// as windows-1252, so the shortcut changes no page's text.
func TestSparseLatinAgreesWithDetector(t *testing.T) {
	root := dataDir(t, ".")
	var files []string
	for _, g := range []string{"*/*/*.gz", "*/*/*/*.gz", "*/*/*/*/*.gz"} {
		f, err := filepath.Glob(filepath.Join(root, g))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f...)
	}
	if len(files) == 0 {
		t.Fatalf("no .gz pages under %s", root)
	}
	detected, fired := 0, 0
	for _, f := range files {
		b := readGzip(t, f)
		if _, _, _, known := knownEncoding(b, ""); known {
			continue
		}
		detected++
		text := detectInput(b)
		if !sparseLatin(text) {
			continue
		}
		fired++
		if _, name := chardetDetect(text[:min(len(text), detectSampleBytes)]); name != "windows-1252" {
			t.Errorf("%s: sparse Latin, but the detector says %s", f, name)
		}
	}
	t.Logf("%d pages reach the detector; sparseLatin takes %d of them", detected, fired)
	if fired == 0 {
		t.Errorf("sparseLatin took none of the %d pages", detected)
	}
}
