package cliflag

import (
	"bytes"
	"errors"
	"flag"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	var stdout bytes.Buffer
	fs := New(&stdout, "x", "FILE")
	o := fs.String("o", "", "output")
	v := fs.Bool("v", false, "verbose")
	fs.Int("tree-depth", 0, "depth")
	args, err := Parse(fs, []string{"a", "-o", "out", "b", "-v", "--", "-c"}, nil)
	if err != nil || *o != "out" || !*v || !slices.Equal(args, []string{"a", "b", "-c"}) {
		t.Errorf("interleaved: %q %v (o %q v %v)", args, err, *o, *v)
	}
	if args, err := Parse(fs, []string{"-o", "--", "a"}, nil); err != nil || *o != "--" || !slices.Equal(args, []string{"a"}) {
		t.Errorf("-o --: %q %v (o %q)", args, err, *o)
	}
	_, err = Parse(fs, []string{"-max-depth", "3"}, map[string]string{"max-depth": "-tree-depth"})
	var ue *UsageError
	if !errors.As(err, &ue) || ue.Error() != "flag provided but not defined: -max-depth (renamed -tree-depth)" {
		t.Errorf("renamed flag: %v", err)
	}
	if stdout.Len() != 0 {
		t.Errorf("a mistake printed help: %q", stdout.String())
	}
	if _, err := Parse(fs, []string{"-h"}, nil); !errors.Is(err, flag.ErrHelp) || !strings.HasPrefix(stdout.String(), "usage: winnow x [flags] FILE\n") {
		t.Errorf("-h: %v, printed %q", err, stdout.String())
	}
}
