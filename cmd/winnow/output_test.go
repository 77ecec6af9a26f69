package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/winnow-dev/winnow/internal/articleout"
	xhtml "golang.org/x/net/html"
)

// TestOutputChecked checks that every command refuses an output file it
// could not write before doing any work: the runs below would otherwise
// fail on their input (a corrupt model, a missing data folder), so an
// error about the output file shows it was checked first.
func TestOutputChecked(t *testing.T) {
	dir := t.TempDir()
	existing := writeFile(t, "exists.json", []byte("{}"))
	badModel := writeFile(t, "bad.json", []byte("not a model"))
	noData := filepath.Join(dir, "no-data")
	noFolder := filepath.Join(dir, "missing", "out.json")
	type check struct {
		name, out, want string
		force           bool
	}
	checks := []check{
		{"exists", existing, "file exists (use -force to overwrite)", false},
		{"is a folder", dir, "is a folder", true},
		{"folder missing", noFolder, "folder " + filepath.Dir(noFolder) + " does not exist", true},
	}
	if runtime.GOOS == "linux" {
		// Not writable even by root: a file system that takes no new files.
		checks = append(checks, check{"not writable", "/proc/winnow-out.json", "folder /proc is not writable", true})
	}
	commands := []struct {
		name string
		args func(out string) []string
	}{
		{"extract -o", func(out string) []string { return []string{"extract", "-model", badModel, "-o", out, seedPath} }},
		{"extract -highlight", func(out string) []string {
			return []string{"extract", "-model", badModel, "-highlight", out, seedPath}
		}},
		{"train -o", func(out string) []string { return []string{"train", "-data", noData, "-o", out} }},
		{"eval -html", func(out string) []string { return []string{"eval", "-gold", noData, "-html", out} }},
		{"data export -o", func(out string) []string { return []string{"data", "export", "-data", noData, "-o", out} }},
	}
	for _, c := range commands {
		for _, ch := range checks {
			t.Run(c.name+"/"+ch.name, func(t *testing.T) {
				args := c.args(ch.out)
				if ch.force {
					args = append(args, "-force")
				}
				code, _, errOut := runWinnow(t, "", args...)
				if code != 1 || !strings.Contains(errOut, ch.want) {
					t.Errorf("winnow %s: exit %d, stderr %q; want 1 and %q before any work", strings.Join(args, " "), code, errOut, ch.want)
				}
			})
		}
	}
}

// TestExtractOutputs covers the output side of winnow extract.
func TestExtractOutputs(t *testing.T) {
	dir := t.TempDir()
	seed := seedPage(t)
	other := writeFile(t, "other.html", seed)

	t.Run("mode 0644", func(t *testing.T) {
		out, view := filepath.Join(dir, "out.txt"), filepath.Join(dir, "view.html")
		if code, _, errOut := runWinnow(t, "", "extract", "-o", out, "-highlight", view, seedPath); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		for _, p := range []string{out, view} {
			if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o644 {
				t.Errorf("%s: %v %v, want mode 0644", p, fi.Mode(), err)
			}
		}
	})
	t.Run("-highlight -", func(t *testing.T) {
		code, out, errOut := runWinnow(t, "", "extract", "-highlight", "-", seedPath)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "winnow: <span") {
			t.Errorf("stdout is not the view:\n%.300s", out)
		}
	})
	t.Run("json array", func(t *testing.T) {
		code, out, errOut := runWinnow(t, "", "extract", "-format", "json", seedPath, other)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var pages []articleout.JSON
		if err := json.Unmarshal([]byte(out), &pages); err != nil {
			t.Fatalf("-format json over two pages is not one JSON value: %v\n%.500s", err, out)
		}
		if len(pages) != 2 || pages[0].Source != seedPath || pages[1].Source != other || !strings.Contains(pages[1].Text, seedStory) {
			t.Errorf("got %d pages %+v", len(pages), pages)
		}
	})
	t.Run("-explain json", func(t *testing.T) {
		code, out, errOut := runWinnow(t, "", "extract", "-explain", "-format", "json", seedPath)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var a articleout.JSON
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatalf("-explain -format json is not JSON: %v\n%.300s", err, out)
		}
		kept := 0
		roles := map[string]string{} // block text → role, for the article's parts
		for _, b := range a.Blocks {
			if b.Content {
				kept++
			}
			if len(b.Path) == 0 || b.Rule == "" || b.Probability < 0 || b.Probability > 1 {
				t.Fatalf("block %d lacks its explanation: %+v", b.Index, b)
			}
			if b.Content && b.Role == "boilerplate" {
				t.Errorf("block %d: kept, but its role is boilerplate", b.Index)
			}
			roles[b.Text] = b.Role
		}
		if r := roles[a.Author]; r != "byline" {
			t.Errorf("the author's block %q has role %q, want byline", a.Author, r)
		}
		if r := roles[a.Title]; r != "title" {
			t.Errorf("the title's block %q has role %q, want title", a.Title, r)
		}
		if r := roles[strings.SplitN(a.Text, "\n", 2)[0]]; r != "body" {
			t.Errorf("the text's first paragraph has role %q, want body", r)
		}
		if len(a.Blocks) < 10 || kept == 0 || !strings.Contains(a.Text, seedStory) {
			t.Errorf("%d blocks, %d kept", len(a.Blocks), kept)
		}
	})
	t.Run("no content", func(t *testing.T) {
		// Nothing reaches P(content) 1, and no rule runs.
		code, out, errOut := runWinnow(t, "", "extract", "-format", "jsonl", "-threshold", "1", "-no-smooth", seedPath, other)
		if code != 0 {
			t.Fatalf("exit %d, want 0 (no main content is not a failure): %s", code, errOut)
		}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var a articleout.JSON
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				t.Fatal(err)
			}
			if a.Status != articleout.StatusNoContent || !strings.Contains(a.Error, "no main content") {
				t.Errorf("status %q error %q, want %q and the reason", a.Status, a.Error, articleout.StatusNoContent)
			}
		}
		if !strings.Contains(errOut, "2 pages: 0 extracted, 2 without main content, 0 failed") {
			t.Errorf("summary missing:\n%s", errOut)
		}
	})
}

// TestBlocksJSONUnescaped checks that blocks -format json writes <, > and
// & as themselves.
func TestBlocksJSONUnescaped(t *testing.T) {
	p := writeFile(t, "amp.html", []byte(`<html><body><p>Fish &amp; chips &lt;b&gt; for two</p></body></html>`))
	code, out, errOut := runWinnow(t, "", "blocks", "-format", "json", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `"text": "Fish & chips <b> for two"`) {
		t.Errorf("text escaped:\n%s", out)
	}
}

// TestHighlightDocument checks the view's structure: the page's doctype
// first, one <meta charset="utf-8"> in <head> (the page's own charset
// declaration replaced, since the view is UTF-8), and the banner inside
// <body>, so that browsers render it in standards mode like the page.
func TestHighlightDocument(t *testing.T) {
	seed := seedPage(t)
	latin := strings.Replace(string(seed), `<meta charset="utf-8">`, `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, 1)
	for name, page := range map[string]string{"seed": string(seed), "windows-1252": latin} {
		t.Run(name, func(t *testing.T) {
			p := writeFile(t, "page.html", []byte(page))
			code, out, errOut := runWinnow(t, "", "extract", "-highlight", "-", p)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if !strings.HasPrefix(out, "<!DOCTYPE html>") {
				t.Fatalf("the view does not start with the doctype:\n%.200s", out)
			}
			z := xhtml.NewTokenizer(strings.NewReader(out))
			var stack []string
			var charsets, banners int
			for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() {
				tok := z.Token()
				switch tt {
				case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
					stack = append(stack, tok.Data)
					if tok.Data == "meta" || tt == xhtml.SelfClosingTagToken {
						for _, a := range tok.Attr {
							if a.Key == "charset" || a.Key == "http-equiv" {
								charsets++
								if a.Key != "charset" || a.Val != "utf-8" || strings.Join(stack, ">") != "html>head>meta" {
									t.Errorf("charset declaration %v in %v", tok, stack)
								}
							}
						}
					}
					if tok.Data == "meta" || tt == xhtml.SelfClosingTagToken {
						stack = stack[:len(stack)-1] // void element
					}
				case xhtml.EndTagToken:
					if len(stack) > 0 {
						stack = stack[:len(stack)-1]
					}
				case xhtml.TextToken:
					if strings.HasPrefix(tok.Data, "winnow: ") {
						banners++
						if len(stack) < 3 || stack[0] != "html" || stack[1] != "body" || stack[2] != "div" {
							t.Errorf("banner in %v, want html>body>div", stack)
						}
					}
				}
			}
			if charsets != 1 || banners != 1 {
				t.Errorf("%d charset declarations, %d banners; want 1 and 1", charsets, banners)
			}
		})
	}
}
