package modelfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	m, err := Load("default")
	if err != nil || m == nil {
		t.Fatalf("the embedded model: %v", err)
	}
	if h, err := LoadRoles("default"); err != nil || h == nil {
		t.Errorf("the embedded role models: %v", err)
	}
	if got := RolesPath("dir/model.json"); got != "dir/model.roles.json" {
		t.Errorf("RolesPath: %s", got)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bad); err == nil || !strings.HasPrefix(err.Error(), "model "+bad+": ") {
		t.Errorf("a file that is no model: %v", err)
	}
	if h, err := LoadRoles(bad); h != nil || err != nil {
		t.Errorf("no role file beside the model: %v %v, want none", h, err)
	}
	if h, err := LoadPageTypes(bad); h != nil || err != nil {
		t.Errorf("no page-type file beside the model: %v %v, want none", h, err)
	}
	if err := os.WriteFile(PageTypesPath(bad), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadPageTypes(bad); err == nil || !strings.HasPrefix(err.Error(), "page-type models "+PageTypesPath(bad)+": ") {
		t.Errorf("a page-type file that is no heads file: %v", err)
	}
	if got := PageTypesPath("dir/model.json"); got != "dir/model.pagetypes.json" {
		t.Errorf("PageTypesPath: %s", got)
	}
	if h, err := LoadPageTypes("default"); err != nil || h == nil {
		t.Errorf("the embedded page-type models: %v", err)
	}
	if got := SmoothPath("dir/model.json"); got != "dir/model.smooth.json" {
		t.Errorf("SmoothPath: %s", got)
	}
	if got := SmoothRecordsPath("dir/model.json"); got != "dir/model.smooth-records.json" {
		t.Errorf("SmoothRecordsPath: %s", got)
	}
	if h, err := LoadSmoothing(bad); h != nil || err != nil {
		t.Errorf("no smoothing file beside the model: %v %v, want none", h, err)
	}
	if h, err := LoadSmoothing("default"); err != nil || h == nil {
		t.Errorf("the embedded smoothing model: %v", err)
	}
	if err := os.WriteFile(SmoothPath(bad), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSmoothing(bad); err == nil || !strings.HasPrefix(err.Error(), "smoothing model "+SmoothPath(bad)+": ") {
		t.Errorf("a smoothing file that is no heads file: %v", err)
	}
	if h, err := LoadRecordsSmoothing(bad); h != nil || err != nil {
		t.Errorf("no records smoothing file beside the model: %v %v, want none", h, err)
	}
	if h, err := LoadRecordsSmoothing("default"); err != nil || h == nil {
		t.Errorf("the embedded records smoothing model: %v", err)
	}
	if err := os.WriteFile(SmoothRecordsPath(bad), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRecordsSmoothing(bad); err == nil || !strings.HasPrefix(err.Error(), "records smoothing model "+SmoothRecordsPath(bad)+": ") {
		t.Errorf("a records smoothing file that is no heads file: %v", err)
	}
}
