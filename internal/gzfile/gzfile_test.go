package gzfile

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	text := []byte("<p>" + strings.Repeat("words ", 100) + "</p>")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(text)
	zw.Close()
	put := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plain, packed, fake := put("a.html", text), put("a.html.gz", gz.Bytes()), put("b.html.gz", text)
	for _, tc := range []struct {
		name, path string
		limit      int64
		want       []byte
		over       bool
		errHas     string
	}{
		{"plain", plain, -1, text, false, ""},
		{"gzip is decompressed", packed, -1, text, false, ""},
		{"at the limit", packed, int64(len(text)), text, false, ""},
		{"over the limit, decompressed", packed, 10, text[:11], true, ""},
		{"a .gz name on plain bytes", fake, -1, nil, false, fake},
		{"missing", filepath.Join(dir, "none.gz"), -1, nil, false, "none.gz"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, over, err := ReadFile(tc.path, tc.limit)
			if tc.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errHas) {
					t.Fatalf("err %v, want one naming %s", err, tc.errHas)
				}
				return
			}
			if err != nil || over != tc.over || !bytes.Equal(b, tc.want) {
				t.Fatalf("got %d bytes, over %v, err %v; want %d bytes, over %v", len(b), over, err, len(tc.want), tc.over)
			}
		})
	}
}
