package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// HeadsMagic is the format name of a heads file: several named models over
// one feature schema in one file,
//
//	{"format": "winnow-heads", "version": 1, "heads": [{"name": "...", "model": {...}}, ...]}
//
// where each "model" is a complete model file (see FormatMagic) with its
// own checksum. Heads are written in the order given, so equal heads give
// equal bytes.
const (
	HeadsMagic   = "winnow-heads"
	HeadsVersion = 1
)

// Heads are named models over one feature schema, such as the one-vs-rest
// models of block roles: Names[i] names Models[i]. Like a Model, Heads are
// safe for concurrent use once built.
type Heads struct {
	Names  []string
	Models []*Model
}

// Head returns the model named name, or nil.
func (h *Heads) Head(name string) *Model {
	if h == nil {
		return nil
	}
	if i := slices.Index(h.Names, name); i >= 0 {
		return h.Models[i]
	}
	return nil
}

// CheckSchema checks every head's schema (see Model.CheckSchema).
func (h *Heads) CheckSchema(want Schema) error {
	for i, m := range h.Models {
		if err := m.CheckSchema(want); err != nil {
			return fmt.Errorf("head %s: %w", h.Names[i], err)
		}
	}
	return nil
}

type headsFile struct {
	Format  string      `json:"format"`
	Version int         `json:"version"`
	Heads   []headEntry `json:"heads"`
}

type headEntry struct {
	Name  string          `json:"name"`
	Model json.RawMessage `json:"model"`
}

// Save writes h to w in the heads file format. Names must be distinct and
// not empty, one per model.
func (h *Heads) Save(w io.Writer) error {
	if len(h.Names) != len(h.Models) {
		return fmt.Errorf("save heads: %d names for %d models", len(h.Names), len(h.Models))
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "{\n\"format\": %q,\n\"version\": %d,\n\"heads\": [", HeadsMagic, HeadsVersion)
	for i, m := range h.Models {
		name := h.Names[i]
		if name == "" || slices.Index(h.Names, name) != i {
			return fmt.Errorf("save heads: empty or repeated name %q", name)
		}
		var b bytes.Buffer
		if err := m.Save(&b); err != nil {
			return fmt.Errorf("save heads: %s: %w", name, err)
		}
		if i > 0 {
			out.WriteByte(',')
		}
		n, _ := json.Marshal(name)
		fmt.Fprintf(&out, "\n{\"name\": %s, \"model\": ", n)
		out.Write(bytes.TrimSpace(b.Bytes()))
		out.WriteString("}")
	}
	out.WriteString("\n]\n}\n")
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("save heads: %w", err)
	}
	return nil
}

// LoadHeads reads a heads file from r (at most MaxFileSize bytes; r is not
// closed) and loads every head as Load does, with its checks: ErrNotModel
// for foreign input, ErrVersion for a newer format, ErrCorrupt for a
// damaged file, ErrSchemaMismatch when a head's schema is not want.
func LoadHeads(r io.Reader, want Schema) (*Heads, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("load heads: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("load heads: %w: larger than %d bytes", ErrCorrupt, MaxFileSize)
	}
	var f headsFile
	if err := json.Unmarshal(data, &f); err != nil {
		if bytes.Contains(data, []byte(`"`+HeadsMagic+`"`)) {
			return nil, fmt.Errorf("load heads: %w: %v", ErrCorrupt, err)
		}
		return nil, fmt.Errorf("load heads: %w: %v", ErrNotModel, err)
	}
	if f.Format != HeadsMagic {
		return nil, fmt.Errorf("load heads: %w: format %q, want %q", ErrNotModel, f.Format, HeadsMagic)
	}
	if f.Version > HeadsVersion {
		return nil, fmt.Errorf("load heads: %w: heads version %d, this build reads up to %d", ErrVersion, f.Version, HeadsVersion)
	}
	if f.Version < 1 {
		return nil, fmt.Errorf("load heads: %w: heads version %d", ErrCorrupt, f.Version)
	}
	h := &Heads{}
	for _, e := range f.Heads {
		if e.Name == "" || slices.Contains(h.Names, e.Name) {
			return nil, fmt.Errorf("load heads: %w: empty or repeated name %q", ErrCorrupt, e.Name)
		}
		m, err := Load(bytes.NewReader(e.Model), want)
		if err != nil {
			return nil, fmt.Errorf("load heads: %s: %w", e.Name, err)
		}
		h.Names = append(h.Names, e.Name)
		h.Models = append(h.Models, m)
	}
	return h, nil
}

// WriteHeadsFile saves h to path atomically, as WriteFile saves a model.
func WriteHeadsFile(path string, h *Heads, force bool) error { return writeSaved(path, h, force) }

// ReadHeadsFile loads the heads file at path; see LoadHeads.
func ReadHeadsFile(path string, want Schema) (*Heads, error) {
	return readFile(path, "heads", func(r io.Reader) (*Heads, error) { return LoadHeads(r, want) })
}
