package model

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/winnow-dev/winnow/internal/atomicfile"
)

// File format constants. A model file is a JSON object
//
//	{"format": "winnow-model", "version": 2, "sha256": "<hex>", "body": {...}}
//
// where body holds "schema" (version and names), "trainer", "params" (the
// Config, defaults filled in), "summary" (TrainingSummary) and "trees", each
// tree as parallel node arrays "feature", "threshold", "left", "right" and
// "counts" (see Tree). Version 2 added boosted models: "link":
// "logistic", "base" (the prior log-odds) and per tree "value", the leaf
// scores; trees and forests are still written as version 1. Version 3
// added "offset_feature" to params (Config.OffsetFeature); boosted models
// without one are still written as version 2. Version 4 added
// "blend_depths" to params (Config.BlendDepths); models without it are
// written in the oldest version that holds them. sha256 is the hex SHA-256 of the body with all
// insignificant whitespace removed (json.Compact), so the file may be
// re-indented but not edited. Save writes fields in a fixed order and
// floats in Go's shortest round-trip form, so equal models give equal bytes.
const (
	FormatMagic   = "winnow-model"
	FormatVersion = 4
	MaxFileSize   = 256 << 20 // bytes; Load rejects larger input as corrupt
)

// Sentinel errors; test with errors.Is.
var (
	// ErrCorrupt: the input is a winnow model file that cannot be trusted:
	// truncated, not valid JSON, checksum mismatch, inconsistent node
	// arrays, out-of-range indices, non-finite thresholds, absurd sizes.
	ErrCorrupt = errors.New("corrupt model file")
	// ErrNotModel: the input is not a winnow model file at all.
	ErrNotModel = errors.New("not a winnow model file")
	// ErrVersion: the file was written by a newer format version.
	ErrVersion = errors.New("unsupported model file version")
	// ErrSchemaMismatch: the model's feature schema is not the expected one.
	ErrSchemaMismatch = errors.New("feature schema mismatch")
	// ErrExists: WriteFile would overwrite an existing file.
	ErrExists = atomicfile.ErrExists
)

type envelope struct {
	Format  string          `json:"format"`
	Version int             `json:"version"`
	SHA256  string          `json:"sha256"`
	Body    json.RawMessage `json:"body"`
}

type fileBody struct {
	Schema  Schema          `json:"schema"`
	Trainer string          `json:"trainer"`
	Params  Config          `json:"params"`
	Summary TrainingSummary `json:"summary"`
	// Link is "" for a tree or forest (the mean of the leaves' P(content))
	// and linkLogistic for boosted trees, with prior log-odds Base.
	Link  string  `json:"link,omitempty"`
	Base  float64 `json:"base,omitempty"`
	Trees []Tree  `json:"trees"`
}

// linkLogistic is fileBody.Link of a boosted model: P(content) is the
// logistic function of Base plus the leaf scores (Tree.Value).
const linkLogistic = "logistic"

// Save writes m to w in the model file format; see FormatMagic. The output
// is a deterministic function of the model and its metadata fields. Save
// does not close w.
func (m *Model) Save(w io.Writer) error {
	if len(m.Schema.Names) != len(m.names) {
		return fmt.Errorf("save model: schema has %d names, trees use %d features", len(m.Schema.Names), len(m.names))
	}
	if err := m.Schema.Validate(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if m.Trainer == "" {
		return fmt.Errorf("save model: no trainer name")
	}
	b := fileBody{Schema: m.Schema, Trainer: m.Trainer, Params: m.Params, Summary: m.Summary, Trees: m.trees}
	if m.boosted {
		b.Link, b.Base = linkLogistic, m.base
	}
	out, err := encode(b)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// encode lays out a model file: the envelope and body fields one per line,
// each tree compact on its own line.
func encode(b fileBody) ([]byte, error) {
	var body bytes.Buffer
	body.WriteString("{\n")
	type field struct {
		key string
		val any
	}
	fields := []field{{"schema", b.Schema}, {"trainer", b.Trainer}, {"params", b.Params}, {"summary", b.Summary}}
	if b.Link != "" {
		fields = append(fields, field{"link", b.Link}, field{"base", b.Base})
	}
	for i, kv := range fields {
		v, err := json.Marshal(kv.val)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", kv.key, err)
		}
		if i > 0 {
			body.WriteString(",\n")
		}
		fmt.Fprintf(&body, "  %q: %s", kv.key, v)
	}
	body.WriteString(",\n  \"trees\": [")
	for i := range b.Trees {
		v, err := json.Marshal(&b.Trees[i])
		if err != nil {
			return nil, fmt.Errorf("tree %d: %w", i, err)
		}
		if i > 0 {
			body.WriteByte(',')
		}
		body.WriteString("\n    ")
		body.Write(v)
	}
	body.WriteString("\n  ]\n}")
	// Each model is written in the oldest version that holds it, so that
	// older builds read it.
	var version int
	switch {
	case b.Link == "":
		version = 1
	case len(b.Params.BlendDepths) > 0:
		version = 4
	case b.Params.OffsetFeature != "":
		version = 3
	default:
		version = 2
	}
	return wrap(version, body.Bytes())
}

// wrap puts body into the envelope with its checksum.
func wrap(version int, body []byte) ([]byte, error) {
	sum, err := bodySum(body)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "{\n\"format\": %q,\n\"version\": %d,\n\"sha256\": %q,\n\"body\": ", FormatMagic, version, sum)
	out.Write(body)
	out.WriteString("\n}\n")
	return out.Bytes(), nil
}

func bodySum(body []byte) (string, error) {
	var c bytes.Buffer
	if err := json.Compact(&c, body); err != nil {
		return "", err
	}
	s := sha256.Sum256(c.Bytes())
	return hex.EncodeToString(s[:]), nil
}

// Load reads a model file from r (at most MaxFileSize bytes; r is not
// closed) and checks it: ErrNotModel for foreign input, ErrVersion for a
// newer format, ErrCorrupt for a damaged or inconsistent file or one
// over the limits of a model (MaxNodes, MaxTreeDepth, MaxTests), and
// ErrSchemaMismatch when the model's schema is not want (the message names
// the differences). A want without names accepts any schema, for tools that
// only inspect files.
func Load(r io.Reader, want Schema) (*Model, error) {
	return load(r, want, limits{MaxFileSize, MaxNodes})
}

// limits are Load's size caps, smaller in tests.
type limits struct{ fileSize, nodes int }

func load(r io.Reader, want Schema, lim limits) (*Model, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(lim.fileSize)+1))
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	m, err := decode(data, lim)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	if len(want.Names) > 0 {
		if err := m.CheckSchema(want); err != nil {
			return nil, fmt.Errorf("load model: %w", err)
		}
	}
	return m, nil
}

// CheckSchema returns nil if m's trees were trained on the feature schema
// want, and otherwise an error wrapping ErrSchemaMismatch that names the
// differences. It reads the schema m was built with, which a change to the
// exported Schema field does not alter. Predict and PredictBatch panic on
// vectors of another length, so callers that take a model from elsewhere
// should check it first.
func (m *Model) CheckSchema(want Schema) error {
	got := Schema{Version: m.Schema.Version, Names: m.names}
	if !got.Equal(want) {
		return fmt.Errorf("%w: %s", ErrSchemaMismatch, got.diff(want))
	}
	return nil
}

func decode(data []byte, lim limits) (*Model, error) {
	if len(data) > lim.fileSize {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrCorrupt, lim.fileSize)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrCorrupt)
	}
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		if bytes.Contains(data, []byte(`"`+FormatMagic+`"`)) {
			return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrNotModel, err)
	}
	if env.Format != FormatMagic {
		return nil, fmt.Errorf("%w: format %q, want %q", ErrNotModel, env.Format, FormatMagic)
	}
	if env.Version > FormatVersion {
		return nil, fmt.Errorf("%w: format version %d, this build reads up to %d", ErrVersion, env.Version, FormatVersion)
	}
	if env.Version < 1 {
		return nil, fmt.Errorf("%w: format version %d", ErrCorrupt, env.Version)
	}
	if len(env.Body) == 0 {
		return nil, fmt.Errorf("%w: no body", ErrCorrupt)
	}
	sum, err := bodySum(env.Body)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if sum != env.SHA256 {
		return nil, fmt.Errorf("%w: checksum mismatch: body hashes to %s, file says %q", ErrCorrupt, sum, env.SHA256)
	}
	var b fileBody
	dec := json.NewDecoder(bytes.NewReader(env.Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%w: body: %v", ErrCorrupt, err)
	}
	total := 0
	for _, t := range b.Trees {
		total += len(t.Feature)
	}
	if total > lim.nodes {
		return nil, fmt.Errorf("%w: %d nodes, at most %d", ErrCorrupt, total, lim.nodes)
	}
	if b.Trainer == "" {
		return nil, fmt.Errorf("%w: no trainer name", ErrCorrupt)
	}
	if b.Params.OffsetFeature != "" && env.Version < 3 {
		return nil, fmt.Errorf("%w: offset feature in a version %d file", ErrCorrupt, env.Version)
	}
	if len(b.Params.BlendDepths) > 0 && env.Version < 4 {
		return nil, fmt.Errorf("%w: blended depths in a version %d file", ErrCorrupt, env.Version)
	}
	var m *Model
	switch b.Link {
	case "":
		m, err = buildModel(b.Schema, b.Trainer, b.Params, b.Trees, false, 0)
	case linkLogistic:
		if env.Version < 2 {
			return nil, fmt.Errorf("%w: link %q in a version %d file", ErrCorrupt, b.Link, env.Version)
		}
		m, err = newScoredModel(b.Schema, b.Trainer, b.Params, b.Trees, b.Base)
	default:
		return nil, fmt.Errorf("%w: unknown link %q", ErrCorrupt, b.Link)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	m.Summary = b.Summary
	return m, nil
}

// WriteFile saves m to path atomically: it writes a temporary file in the
// same directory, syncs it and moves it into place, so readers see the old
// file or the new one, never a partial one. If path exists and force is
// false it returns an error wrapping ErrExists and leaves the file as it is,
// also when the file appears while m is written. The file gets mode 0644.
func WriteFile(path string, m *Model, force bool) error { return writeSaved(path, m, force) }

// ReadFile loads the model file at path; see Load.
func ReadFile(path string, want Schema) (*Model, error) {
	return readFile(path, "model", func(r io.Reader) (*Model, error) { return Load(r, want) })
}

// writeSaved writes what s.Save writes to path atomically (WriteFile).
func writeSaved(path string, s interface{ Save(io.Writer) error }, force bool) error {
	var buf bytes.Buffer
	if err := s.Save(&buf); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return atomicfile.WriteFile(path, buf.Bytes(), force)
}

// readFile opens path and loads it with load; what names the file's kind
// in the error when it cannot be opened, and load's errors get the path.
func readFile[T any](path, what string, load func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, fmt.Errorf("read %s: %w", what, err)
	}
	defer f.Close()
	v, err := load(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}
