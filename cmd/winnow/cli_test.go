package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestHelpAndVersion checks the command line's conventions: help that is
// asked for goes to stdout with exit 0, help for a mistake to stderr with
// exit 2, and the version is printed by every spelling.
func TestHelpAndVersion(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string // prefix of stdout ("" : stdout empty)
		stderr string // substring of stderr ("" : stderr empty)
	}{
		{[]string{"--help"}, 0, "usage: winnow <command>", ""},
		{[]string{"-h"}, 0, "usage: winnow <command>", ""},
		{[]string{"help"}, 0, "usage: winnow <command>", ""},
		{[]string{"help", "extract"}, 0, "usage: winnow extract [flags] PATH", ""},
		{[]string{"help", "data", "export"}, 0, "usage: winnow data export [flags]", ""},
		{[]string{"help", "data"}, 0, "usage: winnow data <subcommand>", ""},
		{[]string{"extract", "-h"}, 0, "usage: winnow extract", ""},
		{[]string{"extract", "--help"}, 0, "usage: winnow extract", ""},
		{[]string{"train", "-help"}, 0, "usage: winnow train", ""},
		{[]string{"version"}, 0, "winnow ", ""},
		{[]string{"-version"}, 0, "winnow ", ""},
		{[]string{"--version"}, 0, "winnow ", ""},
		{nil, 2, "", "usage: winnow <command>"},
		{[]string{"nosuch"}, 2, "", `unknown command "nosuch"`},
		{[]string{"help", "nosuch"}, 2, "", `unknown command "nosuch"`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errOut := runWinnow(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			if !strings.HasPrefix(out, tc.stdout) || (tc.stdout == "") != (out == "") {
				t.Errorf("stdout %.200q, want it to start with %q", out, tc.stdout)
			}
			if !strings.Contains(errOut, tc.stderr) || (tc.stderr == "") != (errOut == "") {
				t.Errorf("stderr %.200q, want %q", errOut, tc.stderr)
			}
		})
	}
	if _, out, _ := runWinnow(t, "", "help", "extract"); !strings.Contains(out, "-format") || !strings.Contains(out, "-user-agent") {
		t.Errorf("winnow help extract lacks the flags:\n%s", out)
	}
}

// TestUsageErrors checks that every command's mistakes exit 2 and are
// printed once, on stderr, with where to find help.
func TestUsageErrors(t *testing.T) {
	page := writeFile(t, "page.html", seedPage(t))
	for _, args := range [][]string{
		{"extract", "-nosuch", page},
		{"extract", page, "-nosuch"},
		{"extract"},
		{"extract", "-format", "xml", page},
		{"blocks", "-nosuch", page},
		{"blocks"},
		{"train", "-nosuch"},
		{"train", "extra"},
		{"train", "-max-depth", "3"},
		{"eval", "-nosuch"},
		{"eval", "-format", "xml"},
		{"tree", "-nosuch"},
		{"tree", "-format", "png"},
		{"data", "stats", "-nosuch"},
		{"data", "export", "-nosuch"},
		{"data", "nosuch"},
		{"data"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, errOut := runWinnow(t, "", args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			if len(lines) != 2 || !strings.HasPrefix(lines[0], "winnow "+args[0]+": ") || !strings.HasPrefix(lines[1], "Run 'winnow help "+args[0]+"'") {
				t.Errorf("stderr is not one error and where to find help:\n%s", errOut)
			}
			if strings.Contains(lines[0], "usage: ") {
				t.Errorf("the message says \"usage:\": %s", lines[0])
			}
		})
	}
	if _, _, errOut := runWinnow(t, "", "train", "-max-depth", "3"); !strings.Contains(errOut, "renamed -tree-depth") {
		t.Errorf("an old flag name does not say the new one: %s", errOut)
	}
}

// TestFlagsAfterArguments checks that flags may follow the file names and
// that "--" ends them.
func TestFlagsAfterArguments(t *testing.T) {
	page := writeFile(t, "page.html", seedPage(t))
	code, out, errOut := runWinnow(t, "", "extract", page, "-format", "json", "-threshold", "0.5")
	if code != 0 || !strings.HasPrefix(out, "{") || !strings.Contains(out, seedStory) {
		t.Errorf("flags after the file: exit %d, stderr %q, stdout %.100q", code, errOut, out)
	}
	code, out, _ = runWinnow(t, "", "blocks", page, "-format", "json")
	if code != 0 || !strings.HasPrefix(out, "{") {
		t.Errorf("blocks FILE -format json: exit %d, %.100q", code, out)
	}
	// After --, -format is a file name.
	code, _, errOut = runWinnow(t, "", "extract", "--", page, "-format")
	if code != 1 || !strings.Contains(errOut, "-format: no such file") {
		t.Errorf("-- did not end the flags: exit %d, %q", code, errOut)
	}
	// -- as a flag's value is a value.
	if args, err := parseFlags(newFlags(&env{}, "x", ""), []string{"a"}); err != nil || !slices.Equal(args, []string{"a"}) {
		t.Errorf("parseFlags: %q %v", args, err)
	}
	fs := newFlags(&env{}, "x", "")
	o := fs.String("o", "", "")
	if args, err := parseFlags(fs, []string{"-o", "--", "a", "-o", "b"}); err != nil || *o != "b" || !slices.Equal(args, []string{"a"}) {
		t.Errorf("-o -- a -o b: args %q, -o %q, %v; want [a] and b", args, *o, err)
	}
}

// flagMeanings says what each flag name means, by a phrase its help must
// hold in every command that has it: one name, one meaning.
var flagMeanings = map[string]string{
	"max-depth":       "nesting",
	"threshold":       "P(content)",
	"fixed-threshold": "-threshold alone",
	"align-threshold": "alignment threshold",
	"j":               "in parallel",
	"data":            "labelled sets",
	"sets":            "sets",
	"seed":            "seed",
	"o":               "file",
	"force":           "overwrite",
	"format":          "format",
	"model":           "model file",
	"max-bytes":       "largest page accepted",
	"max-blocks":      "most text blocks",
	"timeout":         "time allowed per page",
	"split":           "(split by site)",
	"test-frac":       "share of sites held back",
	"trainer":         "boost (gradient-boosted",
	"trees":           "boosting rounds",
	"tree-depth":      "maximum tree depth",
	"blend-depths":    "mean of one boosted model per depth",
	"min-leaf":        "minimum blocks per leaf",
	"criterion":       "split criterion",
	"learning-rate":   "shrinkage",
	"max-features":    "split candidates",
	"weight":          "weighs a block",
	"rules":           "post-processing rules",
	"no-smooth":       "no post-processing rule",
	"user-agent":      "User-Agent",
	"fetch-timeout":   "fetch a URL",
	"max-redirects":   "redirects",
}

// commandFlags reads every command's flags and their help from its -h.
func commandFlags(t *testing.T) map[string]map[string]string {
	t.Helper()
	re := regexp.MustCompile(`(?m)^  -([\w-]+)((?:.|\n    )*)`)
	out := map[string]map[string]string{}
	for _, cmd := range []string{"extract", "blocks", "train", "eval", "tree", "data stats", "data export"} {
		code, help, errOut := runWinnow(t, "", append(strings.Fields(cmd), "-h")...)
		if code != 0 {
			t.Fatalf("winnow %s -h: exit %d %s", cmd, code, errOut)
		}
		out[cmd] = map[string]string{}
		for _, m := range re.FindAllStringSubmatch(help, -1) {
			out[cmd][m[1]] = m[2]
		}
	}
	return out
}

// TestOneMeaningPerFlag checks that a flag name shared by commands means
// the same thing in each.
func TestOneMeaningPerFlag(t *testing.T) {
	seen := map[string][]string{}
	all := commandFlags(t)
	for cmd, flags := range all {
		for name := range flags {
			seen[name] = append(seen[name], cmd)
		}
	}
	for name, cmds := range seen {
		if len(cmds) < 2 {
			continue
		}
		phrase, ok := flagMeanings[name]
		if !ok {
			t.Errorf("-%s is in %v: add its meaning to flagMeanings", name, cmds)
			continue
		}
		for _, cmd := range cmds {
			if !strings.Contains(all[cmd][name], phrase) {
				t.Errorf("winnow %s -%s: help %q does not say %q, what -%s means elsewhere", cmd, name, all[cmd][name], phrase, name)
			}
		}
	}
}

// TestDocumentedFlags checks that every `winnow CMD -flag` in the README
// and the docs names a flag CMD has.
func TestDocumentedFlags(t *testing.T) {
	flags := commandFlags(t)
	docs, _ := filepath.Glob("../../docs/*.md")
	docs = append(docs, "../../README.md", "../../bench/README.md", "../../doc.go")
	re := regexp.MustCompile(`winnow (extract|blocks|train|eval|tree|data stats|data export)((?: +[^\s` + "`" + `#|)]+)*)`)
	n := 0
	for _, doc := range docs {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			for _, tok := range strings.Fields(m[2]) {
				name, ok := strings.CutPrefix(tok, "-")
				if !ok || name == "" || !regexp.MustCompile(`^[a-z]`).MatchString(name) {
					continue
				}
				name, _, _ = strings.Cut(name, "=")
				n++
				if _, ok := flags[m[1]][name]; !ok {
					t.Errorf("%s: %q: winnow %s has no -%s", doc, m[0], m[1], name)
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("found only %d documented flags: is the pattern right?", n)
	}
}
