package modelfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/model"
)

// Load reads a model file, or the embedded model for "default".
func Load(path string) (*model.Model, error) {
	if path == "" || path == "default" {
		return winnow.DefaultModel()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := winnow.LoadModel(f)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", path, err)
	}
	return m, nil
}

// RolesPath is the role model file winnow train writes beside the model
// file path (-roles' default): its name with .roles.json for .json.
func RolesPath(path string) string { return strings.TrimSuffix(path, ".json") + ".roles.json" }

// LoadRoles loads the role models of the model read from path: the
// embedded ones for the embedded model, else the file RolesPath(path)
// if it exists, else none (nil: kept blocks are body).
func LoadRoles(path string) (*model.Heads, error) {
	return loadBeside(path, "role models", RolesPath, winnow.DefaultRoles, winnow.LoadRoles)
}

// PageTypesPath is the page-type model file winnow train writes beside
// the model file path (-page-types' default): its name with
// .pagetypes.json for .json.
func PageTypesPath(path string) string {
	return strings.TrimSuffix(path, ".json") + ".pagetypes.json"
}

// LoadPageTypes loads the page-type models of the model read from path:
// the embedded ones for the embedded model, else the file
// PageTypesPath(path) if it exists, else none (nil: no page type).
func LoadPageTypes(path string) (*model.Heads, error) {
	return loadBeside(path, "page-type models", PageTypesPath, winnow.DefaultPageTypes, winnow.LoadPageTypes)
}

// loadBeside loads the heads file (what, in errors) of the model read from
// path: embedded() for the embedded model, else the file beside(path),
// SmoothPath is where winnow train writes the smoothing model of the model
// file at path: beside it, ".json" replaced by ".smooth.json".
func SmoothPath(path string) string { return strings.TrimSuffix(path, ".json") + ".smooth.json" }

// LoadSmoothing reads the smoothing model beside the model file at path
// (SmoothPath), or the embedded one for "default" or ""; it returns nil,
// nil when the model has no smoothing model beside it.
func LoadSmoothing(path string) (*model.Heads, error) {
	return loadBeside(path, "smoothing model", SmoothPath, winnow.DefaultSmoother, winnow.LoadSmoother)
}

// SmoothRecordsPath is where winnow train writes the records smoothing
// model of the model file at path: beside it, ".json" replaced by
// ".smooth-records.json".
func SmoothRecordsPath(path string) string {
	return strings.TrimSuffix(path, ".json") + ".smooth-records.json"
}

// LoadRecordsSmoothing reads the records smoothing model beside the model
// file at path (SmoothRecordsPath), or the embedded one for "default" or
// ""; it returns nil, nil when the model has none beside it.
func LoadRecordsSmoothing(path string) (*model.Heads, error) {
	return loadBeside(path, "records smoothing model", SmoothRecordsPath, winnow.DefaultRecordsSmoother, winnow.LoadRecordsSmoother)
}

// read with load, if it exists, else none.
func loadBeside(path, what string, beside func(string) string, embedded func() (*model.Heads, error), load func(io.Reader) (*model.Heads, error)) (*model.Heads, error) {
	if path == "" || path == "default" {
		return embedded()
	}
	hp := beside(path)
	f, err := os.Open(hp)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h, err := load(f)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", what, hp, err)
	}
	return h, nil
}

// Options are the extractor's options for the model file at path (the
// embedded models for "default" or "") and the smoothing, records
// smoothing, role and page-type models trained with it, read from beside it as winnow eval
// reads them: none of a part whose file is not there.
func Options(path string) ([]winnow.Option, error) {
	m, err := Load(path)
	if err != nil {
		return nil, err
	}
	var heads [4]*model.Heads
	for i, load := range [...]func(string) (*model.Heads, error){LoadSmoothing, LoadRoles, LoadPageTypes, LoadRecordsSmoothing} {
		if heads[i], err = load(path); err != nil {
			return nil, err
		}
	}
	return []winnow.Option{winnow.WithModel(m), winnow.WithSmoother(heads[0]), winnow.WithRoles(heads[1]), winnow.WithPageTypes(heads[2]), winnow.WithRecordsSmoother(heads[3])}, nil
}
