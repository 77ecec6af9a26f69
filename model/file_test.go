package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// goodFile makes a small model and returns it with its file bytes.
func goodFile(t *testing.T) (*Model, []byte) {
	t.Helper()
	m := randForest(t, 6, 1, 5, 21)
	m.Summary = TrainingSummary{Sets: []string{"synthetic"}, Pages: 30, Blocks: 1500, Seed: 21}
	return m, saved(t, m)
}

// bodyOf returns the body of a model file, decoded.
func bodyOf(t *testing.T, file []byte) fileBody {
	t.Helper()
	var env envelope
	if err := json.Unmarshal(file, &env); err != nil {
		t.Fatal(err)
	}
	var b fileBody
	if err := json.Unmarshal(env.Body, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

// retextFile rewrites the first old in a model file's body text to new and
// re-wraps the body with a valid checksum.
func retextFile(t *testing.T, file []byte, old, new string) []byte {
	t.Helper()
	var env envelope
	if err := json.Unmarshal(file, &env); err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(string(env.Body), old, new, 1)
	if body == string(env.Body) {
		t.Fatalf("retext: %q not in body", old)
	}
	out, err := wrap(FormatVersion, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m, file := goodFile(t)
	for _, tc := range []struct {
		name   string
		file   []byte
		reason string
	}{
		{"as saved", file, "Save output must load"},
		{"compacted", compact(t, file), "the checksum ignores whitespace"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Load(bytes.NewReader(tc.file), m.Schema)
			if err != nil {
				t.Fatalf("%s: %v", tc.reason, err)
			}
			X, _ := synth(500, 6, 22, 0)
			for i, x := range X {
				if got.Predict(x) != m.Predict(x) {
					t.Fatalf("row %d: loaded model predicts %v, original %v", i, got.Predict(x), m.Predict(x))
				}
			}
			if got.Trainer != m.Trainer || !reflect.DeepEqual(got.Params, m.Params) || got.Summary.Blocks != 1500 ||
				got.NumNodes() != m.NumNodes() || got.Depth() != m.Depth() {
				t.Errorf("metadata differs after round trip: %+v vs %+v", got, m)
			}
			if !bytes.Equal(saved(t, got), file) {
				t.Errorf("re-saving a loaded model changed the bytes")
			}
		})
	}
}

func compact(t *testing.T, b []byte) []byte {
	var c bytes.Buffer
	if err := json.Compact(&c, b); err != nil {
		t.Fatal(err)
	}
	return c.Bytes()
}

func TestLoadErrors(t *testing.T) {
	m, file := goodFile(t)
	// rebody encodes a modified copy of the body with a valid checksum.
	rebody := func(edit func(b *fileBody)) []byte {
		b := bodyOf(t, file)
		edit(&b)
		out, err := encode(b)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	retext := func(old, new string) []byte { return retextFile(t, file, old, new) }
	flipped := bytes.Clone(file)
	i := bytes.Index(flipped, []byte(`"threshold":[`)) + len(`"threshold":[`)
	flipped[i] ^= 0x01 // a digit becomes another digit
	var env envelope
	if err := json.Unmarshal(file, &env); err != nil {
		t.Fatal(err)
	}
	newer, err := wrap(FormatVersion+1, env.Body)
	if err != nil {
		t.Fatal(err)
	}
	zeroVersion, err := wrap(0, env.Body)
	if err != nil {
		t.Fatal(err)
	}
	internal := func(b *fileBody) int {
		for i, f := range b.Trees[0].Feature {
			if f >= 0 {
				return i
			}
		}
		t.Fatal("no internal node")
		return 0
	}
	renamed := m.Schema.clone()
	renamed.Names[3] = "other"
	for _, tc := range []struct {
		name   string
		file   []byte
		want   Schema
		lim    limits
		err    error
		reason string
	}{
		{"empty", nil, m.Schema, limits{}, ErrCorrupt, "a zero-length file is a truncated model"},
		{"truncated", file[:len(file)/2], m.Schema, limits{}, ErrCorrupt, "cut in half, still starts like ours"},
		{"flipped byte", flipped, m.Schema, limits{}, ErrCorrupt, "a changed threshold digit breaks the checksum"},
		{"trailing garbage", append(bytes.Clone(file), "xx"...), m.Schema, limits{}, ErrCorrupt, "bytes after the object"},
		{"foreign json", []byte(`{"hello": "world", "version": 1}`), m.Schema, limits{}, ErrNotModel, "JSON without our magic"},
		{"other format", []byte(`{"format": "onnx", "version": 1}`), m.Schema, limits{}, ErrNotModel, "someone else's magic"},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00"), m.Schema, limits{}, ErrNotModel, "not JSON at all"},
		{"newer version", newer, m.Schema, limits{}, ErrVersion, "written by a newer winnow"},
		{"version zero", zeroVersion, m.Schema, limits{}, ErrCorrupt, "versions start at 1"},
		{"schema names", file, renamed, limits{}, ErrSchemaMismatch, "a feature was renamed"},
		{"schema version", file, Schema{Version: "test-2", Names: m.Schema.Names}, limits{}, ErrSchemaMismatch, "same names, new version"},
		{"schema count", file, synthSchema(7), limits{}, ErrSchemaMismatch, "a feature was added"},
		{"too many nodes", file, m.Schema, limits{fileSize: MaxFileSize, nodes: m.NumNodes() - 1}, ErrCorrupt, "node count above the cap"},
		{"too large", file, m.Schema, limits{fileSize: len(file) - 1, nodes: MaxNodes}, ErrCorrupt, "file above the size cap"},
		{"child out of range", rebody(func(b *fileBody) { b.Trees[0].Left[internal(b)] = 9999 }), m.Schema, limits{}, ErrCorrupt, "child index past the end"},
		{"cycle", rebody(func(b *fileBody) { b.Trees[0].Right[internal(b)] = 0 }), m.Schema, limits{}, ErrCorrupt, "child pointing back at the root"},
		{"shared child", rebody(func(b *fileBody) { i := internal(b); b.Trees[0].Right[i] = b.Trees[0].Left[i] }), m.Schema, limits{}, ErrCorrupt, "two edges into one node"},
		{"feature out of range", rebody(func(b *fileBody) { b.Trees[0].Feature[internal(b)] = 6 }), m.Schema, limits{}, ErrCorrupt, "feature index beyond the schema"},
		{"arrays differ", rebody(func(b *fileBody) { b.Trees[0].Threshold = b.Trees[0].Threshold[1:] }), m.Schema, limits{}, ErrCorrupt, "parallel arrays of different lengths"},
		{"no trees", rebody(func(b *fileBody) { b.Trees = nil }), m.Schema, limits{}, ErrCorrupt, "a model needs a tree"},
		{"empty leaf", rebody(func(b *fileBody) {
			for i, f := range b.Trees[0].Feature {
				if f < 0 {
					b.Trees[0].Counts[i] = [2]float64{}
					return
				}
			}
		}), m.Schema, limits{}, ErrCorrupt, "a leaf without rows has no probability"},
		{"huge counts", rebody(func(b *fileBody) {
			for i := range b.Trees[0].Counts {
				b.Trees[0].Counts[i] = [2]float64{1e300, 2e300}
			}
		}), m.Schema, limits{}, ErrCorrupt, "finite counts whose impurity overflows: importances would be NaN"},
		{"counts summing to infinity", rebody(func(b *fileBody) {
			for i, f := range b.Trees[0].Feature {
				if f < 0 {
					b.Trees[0].Counts[i] = [2]float64{1.5e308, 1.5e308}
					return
				}
			}
		}), m.Schema, limits{}, ErrCorrupt, "a leaf's rows overflow: its probability is not a number"},
		{"huge threshold", retext(`"threshold":[`, `"threshold":[1e999,`), m.Schema, limits{}, ErrCorrupt, "not a finite float64"},
		{"unknown field", retext(`"trainer":`, `"extra": 1, "trainer":`), m.Schema, limits{}, ErrCorrupt, "same version, unexpected content"},
		{"bad criterion", retext(`"criterion":"gini"`, `"criterion":"chaos"`), m.Schema, limits{}, ErrCorrupt, "unknown parameter value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lim := tc.lim
			if lim == (limits{}) {
				lim = limits{MaxFileSize, MaxNodes}
			}
			_, err := load(bytes.NewReader(tc.file), tc.want, lim)
			if !errors.Is(err, tc.err) {
				t.Errorf("%s: got %v, want %v", tc.reason, err, tc.err)
			}
		})
	}
}

func TestSchemaMismatchMessage(t *testing.T) {
	m, file := goodFile(t)
	want := m.Schema.clone()
	want.Names = append(want.Names[:2], "NewFeature")
	_, err := Load(bytes.NewReader(file), want)
	for _, part := range []string{"6 features, want 3", "missing NewFeature", "unexpected f02, f03, f04, f05"} {
		if err == nil || !strings.Contains(err.Error(), part) {
			t.Errorf("error %q should say %q", err, part)
		}
	}
}

func TestLoadAnySchema(t *testing.T) {
	m, file := goodFile(t)
	got, err := Load(bytes.NewReader(file), Schema{})
	if err != nil || !got.Schema.Equal(m.Schema) {
		t.Errorf("Load with a zero schema: %v, schema %v; want the file's schema", err, got)
	}
}

func TestWriteFile(t *testing.T) {
	m, file := goodFile(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "model.json")
	if err := WriteFile(path, m, false); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, file) {
		t.Fatalf("file content differs from Save output (err %v)", err)
	}
	if _, err := ReadFile(path, m.Schema); err != nil {
		t.Fatalf("ReadFile: %v", err)
	}

	other := randForest(t, 6, 1, 2, 8)
	for _, tc := range []struct {
		name   string
		force  bool
		err    error
		want   []byte
		reason string
	}{
		{"refuse", false, ErrExists, file, "an existing model must not be overwritten silently"},
		{"force", true, nil, nil, "force replaces the file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := WriteFile(path, other, tc.force)
			if !errors.Is(err, tc.err) {
				t.Fatalf("%s: got %v, want %v", tc.reason, err, tc.err)
			}
			if err != nil && !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the path", err)
			}
			got, _ := os.ReadFile(path)
			if tc.want != nil && !bytes.Equal(got, tc.want) {
				t.Errorf("%s: file changed", tc.reason)
			}
			if tc.want == nil {
				if _, err := ReadFile(path, m.Schema); err != nil {
					t.Errorf("forced file does not load: %v", err)
				}
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only model.json (temp files left behind?)", len(entries))
	}
}
