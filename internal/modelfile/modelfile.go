package modelfile

import (
	"errors"
	"fmt"
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
	if path == "" || path == "default" {
		return winnow.DefaultRoles()
	}
	rp := RolesPath(path)
	f, err := os.Open(rp)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h, err := winnow.LoadRoles(f)
	if err != nil {
		return nil, fmt.Errorf("role models %s: %w", rp, err)
	}
	return h, nil
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
	if path == "" || path == "default" {
		return winnow.DefaultPageTypes()
	}
	pp := PageTypesPath(path)
	f, err := os.Open(pp)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h, err := winnow.LoadPageTypes(f)
	if err != nil {
		return nil, fmt.Errorf("page-type models %s: %w", pp, err)
	}
	return h, nil
}
