package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/dataset"
	"github.com/winnow-dev/winnow/internal/shareddata"
	"github.com/winnow-dev/winnow/model"
)

// seedPath is the seed fixture, whose story extraction returns.
const seedPath = "../../testdata/seed/news.html"

// seedPage reads the seed fixture.
func seedPage(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const seedStory = "Russia and China have agreed to discuss ways to deepen security co-operation"

// gzipBomb writes n zero bytes, gzipped, to dir/name without holding them
// in memory: a few hundred kilobytes on disk.
func gzipBomb(t *testing.T, dir, name string, n int64) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zero := make([]byte, 1<<20)
	for w := int64(0); w < n; w += int64(len(zero)) {
		if _, err := zw.Write(zero); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestExtractHostile runs hostile pages and model files through
// `winnow extract`: each fails with exit code 1 and a message that names
// the file and says what is wrong, or succeeds with the story.
func TestExtractHostile(t *testing.T) {
	dir := t.TempDir()
	seed := seedPage(t)
	bomb := gzipBomb(t, dir, "bomb.html.gz", 200<<20)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(seed)
	zw.Close()
	put := func(name string, b []byte) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	page := put("page.html", seed)
	pageGz := put("page.html.gz", gz.Bytes())
	notGzip := put("fake.html.gz", seed)
	deep := put("deep.html", []byte(strings.Repeat("<div>", 10_000)+"x"))
	mid := put("mid.html", []byte("<html><body>"+strings.Repeat("<div>", 100)+"<p>"+seedStory+"</p>"))
	png := put("image.html", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	empty := put("empty.html", nil)

	modelFile, err := os.ReadFile("../../model/default.json")
	if err != nil {
		t.Fatal(err)
	}
	truncated := put("truncated.json", modelFile[:len(modelFile)/2])
	newer := put("newer.json", regexp.MustCompile(`"version": [0-9]+,`).ReplaceAll(modelFile, []byte(`"version": 99,`)))
	corrupt := bytes.Clone(modelFile)
	i := bytes.Index(corrupt, []byte(`"threshold":[`)) + len(`"threshold":[`)
	corrupt[i] = map[bool]byte{true: '2', false: '1'}[corrupt[i] == '1']
	corruptPath := put("corrupt.json", corrupt)
	mismatch := put("mismatch.json", rewrapBody(t, bytes.Replace(modelBody(t, modelFile), []byte(`"names":["`), []byte(`"names":["Renamed`), 1)))
	// The root's left child made the root itself: a loop back up the tree.
	body := modelBody(t, modelFile)
	j := bytes.Index(body, []byte(`"left":[`)) + len(`"left":[`)
	k := j + bytes.IndexByte(body[j:], ',')
	cyclic := put("cyclic.json", rewrapBody(t, append(append(append([]byte(nil), body[:j]...), '0'), body[k:]...)))
	notModel := put("page.json", seed)

	tests := []struct {
		name, reason string
		args         []string
		code         int
		stdout       string   // substring of stdout
		stderr       []string // substrings of stderr
	}{
		{"page", "the control: the story comes out", []string{"extract", page}, 0, seedStory, nil},
		{"gzip page", ".html.gz is read decompressed", []string{"extract", pageGz}, 0, seedStory, nil},
		{"gzip bomb", "200 MB of zeros in a .gz stop at -max-bytes, named, with the flag to raise it",
			[]string{"extract", bomb}, 1, "", []string{bomb, "input too large", "decompresses to more than the 33554432-byte limit", "-max-bytes"}},
		{"gzip bomb, lower limit", "-max-bytes applies to the decompressed size",
			[]string{"extract", "-max-bytes", "1000", pageGz}, 1, "", []string{pageGz, "decompresses to more than the 1000-byte limit"}},
		{"not gzip", "a .gz name on plain bytes is an error naming the file", []string{"extract", notGzip}, 1, "", []string{notGzip, "gzip"}},
		{"too deep", "10,000-deep nesting is refused", []string{"extract", deep}, 1, "", []string{deep, "nesting too deep"}},
		{"-max-depth", "the flag lowers the depth limit", []string{"extract", "-max-depth", "50", mid}, 1, "", []string{mid, "nesting too deep", "more than 50"}},
		{"-max-depth high enough", "the page is within the limit", []string{"extract", "-max-depth", "200", "-threshold", "0", mid}, 0, seedStory, nil},
		{"-max-depth too high", "the parser cannot go past 512", []string{"extract", "-max-depth", "1000", page}, 2, "", []string{"-max-depth between 1 and 512"}},
		{"-max-blocks", "the flag bounds the blocks", []string{"extract", "-max-blocks", "3", page}, 1, "", []string{page, "too many blocks", "more than 3"}},
		{"-timeout", "a page over the time limit fails with a timeout", []string{"extract", "-timeout", "1ns", page}, 1, "", []string{page, "time limit per page exceeded"}},
		{"-timeout 0", "no limit", []string{"extract", "-timeout", "0", page}, 0, seedStory, nil},
		{"png", "an image is refused", []string{"extract", png}, 1, "", []string{png, "not HTML", "PNG"}},
		{"empty", "an empty file is refused", []string{"extract", empty}, 1, "", []string{empty, "empty input"}},
		{"truncated model", "a cut model file is corrupt, and named", []string{"extract", "-model", truncated, page}, 1, "", []string{truncated, "corrupt model file"}},
		{"corrupt model", "a changed digit fails the checksum", []string{"extract", "-model", corruptPath, page}, 1, "", []string{corruptPath, "corrupt model file", "checksum"}},
		{"newer model", "a newer format version is named as such", []string{"extract", "-model", newer, page}, 1, "", []string{newer, "unsupported model file version", "99"}},
		{"schema mismatch", "a model for other features is refused", []string{"extract", "-model", mismatch, page}, 1, "", []string{mismatch, "feature schema mismatch"}},
		{"cyclic model", "a child index pointing back up the tree is corrupt", []string{"extract", "-model", cyclic, page}, 1, "", []string{cyclic, "corrupt model file"}},
		{"not a model", "a page given as -model", []string{"extract", "-model", notModel, page}, 1, "", []string{notModel, "not a winnow model file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			code, stdout, stderr := runWinnow(t, "", tt.args...)
			runtime.ReadMemStats(&after)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s\nstderr: %s", code, tt.code, tt.reason, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout lacks %q: %s\n%.300s", tt.stdout, tt.reason, stdout)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q: %s\n%s", s, tt.reason, stderr)
				}
			}
			// The bomb is read through a limit: memory stays near -max-bytes.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 300<<20 {
				t.Errorf("allocated %d MB", alloc>>20)
			}
		})
	}
}

// modelBody returns the compact body of a model file.
func modelBody(t *testing.T, file []byte) []byte {
	t.Helper()
	var env struct{ Body json.RawMessage }
	if err := json.Unmarshal(file, &env); err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := json.Compact(&c, env.Body); err != nil {
		t.Fatal(err)
	}
	return c.Bytes()
}

// rewrapBody makes a model file around an edited body with a valid
// checksum, as a tool editing model files would.
func rewrapBody(t *testing.T, body []byte) []byte {
	t.Helper()
	sum := sha256.Sum256(body)
	out, err := json.Marshal(map[string]any{"format": "winnow-model", "version": model.FormatVersion, "sha256": hex.EncodeToString(sum[:]), "body": json.RawMessage(body)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestExtractRules checks the post-processing flags on the seed page, an
// article, where the one rule (repeat) does not run: -rules all, none and
// repeat and -no-smooth extract what the default does, -explain says the
// threshold decided every block, and an unknown rule name is a usage error
// naming it.
func TestExtractRules(t *testing.T) {
	const seed = seedPath
	code, def, errOut := runWinnow(t, "", "extract", seed)
	if code != 0 || !strings.Contains(def, seedStory) {
		t.Fatalf("default: exit %d, story %v; stderr %s", code, strings.Contains(def, seedStory), errOut)
	}
	for _, args := range [][]string{{"-rules", "all"}, {"-rules", "none"}, {"-rules", "repeat"}, {"-no-smooth"}} {
		code, out, errOut := runWinnow(t, "", append(append([]string{"extract"}, args...), seed)...)
		if code != 0 || out != def {
			t.Errorf("%v: exit %d, same text as the default %v; stderr %s", args, code, out == def, errOut)
		}
	}
	code, out, errOut := runWinnow(t, "", "extract", "-explain", seed)
	if code != 0 {
		t.Fatalf("-explain: exit %d; stderr %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if head := strings.Fields(lines[0]); !slices.Equal(head[:6], []string{"#", "LABEL", "P", "BY", "ROLE", "TEXT"}) {
		t.Errorf("-explain header %q, want # LABEL P BY ROLE TEXT PATH", head)
	}
	for _, l := range lines[1:] {
		if f := strings.Fields(l); len(f) > 3 && f[3] != "threshold" {
			t.Errorf("-explain line %q: decided by %q, want threshold", l, f[3])
		}
	}
	if code, _, errOut := runWinnow(t, "", "extract", "-rules", "gap", seed); code != 2 || !strings.Contains(errOut, `"gap"`) {
		t.Errorf("-rules gap: exit %d, stderr %q; want 2 and the unknown rule named", code, errOut)
	}
	if code, _, errOut := runWinnow(t, "", "extract", "-rules", "smoothing", seed); code != 2 || !strings.Contains(errOut, `"smoothing"`) {
		t.Errorf("-rules smoothing: exit %d, stderr %q; want 2 and the unknown rule named", code, errOut)
	}
}

// TestExtractRepeatRule checks the repeat rule on a held-back product page
// of the shared data that repeats its description (ridge.com): with the
// rules the paragraph comes out once and -explain names the rule for its
// copies; with -rules none every copy comes out. The embedded models give
// the paragraph P 0.46, so the test keeps it by -threshold 0.4.
func TestExtractRepeatRule(t *testing.T) {
	page := filepath.Join(shareddata.Dir(t, dataset.SetWCXB), "dev", "html", "0587.html.gz")
	const para = "The Ridge is minimalist without being limiting."
	for _, c := range []struct {
		rules string
		want  int
	}{{"all", 1}, {"none", 4}} {
		code, out, errOut := runWinnow(t, "", "extract", "-threshold", "0.4", "-rules", c.rules, page)
		if code != 0 {
			t.Fatalf("-rules %s: exit %d; stderr %s", c.rules, code, errOut)
		}
		if n := strings.Count(out, para); n != c.want {
			t.Errorf("-rules %s: the paragraph %d times, want %d", c.rules, n, c.want)
		}
	}
	code, out, errOut := runWinnow(t, "", "extract", "-threshold", "0.4", "-explain", page)
	if code != 0 {
		t.Fatalf("-explain: exit %d; stderr %s", code, errOut)
	}
	repeats := 0
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 3 && f[3] == "repeat" {
			repeats++
			if f[1] != "boilerplate" {
				t.Errorf("-explain line %q: a copy the rule dropped is labelled %q", l, f[1])
			}
		}
	}
	if repeats == 0 {
		t.Errorf("-explain names no block decided by the repeat rule:\n%s", out)
	}
}

// TestExtractModelBeside checks that `winnow extract -model NAME.json`
// reads the smoothing, role and page-type models winnow train writes
// beside it, as winnow eval does: with copies of the embedded files it
// extracts what the embedded models do, without the page-type file it
// gives no page type, and a corrupt role file is an error naming it.
func TestExtractModelBeside(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "m.json")
	for from, to := range map[string]string{"default.json": m, "smooth.json": smoothFileOf(m), "smooth-records.json": recordsSmoothFileOf(m), "roles.json": rolesFileOf(m), "pagetypes.json": pageTypesFileOf(m)} {
		b, err := os.ReadFile(filepath.Join("../../model", from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, def, errOut := runWinnow(t, "", "extract", "-format", "json", seedPath)
	if code != 0 {
		t.Fatalf("default: exit %d; stderr %s", code, errOut)
	}
	var want struct {
		PageType string `json:"page_type"`
	}
	if err := json.Unmarshal([]byte(def), &want); err != nil || want.PageType == "" {
		t.Fatalf("default: page type %q, %v", want.PageType, err)
	}
	if code, out, errOut := runWinnow(t, "", "extract", "-format", "json", "-model", m, seedPath); code != 0 || out != def {
		t.Errorf("-model with the embedded files beside it: exit %d, same output as the default %v; stderr %s", code, out == def, errOut)
	}
	// Without the page-type file, no page type.
	if err := os.Remove(pageTypesFileOf(m)); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runWinnow(t, "", "extract", "-format", "json", "-model", m, seedPath)
	var got struct {
		PageType string `json:"page_type"`
		Text     string `json:"text"`
	}
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
		t.Fatalf("-model without page types: exit %d, %v; stderr %s", code, err, errOut)
	}
	if got.PageType != "" || !strings.Contains(got.Text, seedStory) {
		t.Errorf("-model without page types: page type %q (want none), story %v", got.PageType, strings.Contains(got.Text, seedStory))
	}
	// A corrupt file beside the model is an error naming it.
	if err := os.WriteFile(rolesFileOf(m), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runWinnow(t, "", "extract", "-model", m, seedPath); code != 1 || !strings.Contains(errOut, rolesFileOf(m)) {
		t.Errorf("-model with a corrupt role file: exit %d, stderr %q; want 1 and the file named", code, errOut)
	}
}
