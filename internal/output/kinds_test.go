package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckDevice checks that a character device is fine with or without
// -force (it is written in place, nothing is replaced).
func TestCheckDevice(t *testing.T) {
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skipf("no character device at %s", os.DevNull)
	}
	for _, force := range []bool{false, true} {
		if err := Check("-o", os.DevNull, force); err != nil {
			t.Errorf("force %v: %v", force, err)
		}
	}
}

// TestDistinct checks that two output flags naming one file, however
// spelled, are refused, and different files are not.
func TestDistinct(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("exists", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	links := os.Symlink("exists", "link") == nil && os.Symlink("sub", "sublink") == nil
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"out", "out", true},
		{"out", "./out", true},
		{"out", filepath.Join(dir, "out"), true},
		{"sub/out", "sub/../sub/out", true},
		{"exists", "./exists", true},
		{"out", "other", false},
		{"-", "-", false},
		{"", "", false},
		{os.DevNull, os.DevNull, false},
	} {
		err := Distinct("-o", tc.a, "-highlight", tc.b)
		if (err != nil) != tc.same {
			t.Errorf("Distinct(%q, %q) = %v, want same %v", tc.a, tc.b, err, tc.same)
		}
		if err != nil && !strings.Contains(err.Error(), "name the same file") {
			t.Errorf("error %q does not say why", err)
		}
	}
	if !links {
		t.Skip("no symbolic links")
	}
	for _, pair := range [][2]string{{"exists", "link"}, {"sub/new", "sublink/new"}} {
		if err := Distinct("-o", pair[0], "-highlight", pair[1]); err == nil {
			t.Errorf("%s and %s, one through a link, were not refused", pair[0], pair[1])
		}
	}
}
