package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/model"
)

// loadModelFile reads a model file, or the embedded model for "default".
func loadModelFile(path string) (*model.Model, error) {
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

// rolesFileOf is the role model file winnow train writes beside the model
// file path (-roles' default): its name with .roles.json for .json.
func rolesFileOf(path string) string { return strings.TrimSuffix(path, ".json") + ".roles.json" }

// loadRolesFor loads the role models of the model read from path: the
// embedded ones for the embedded model, else the file rolesFileOf(path)
// if it exists, else none (nil: kept blocks are body).
func loadRolesFor(path string) (*model.Heads, error) {
	if path == "" || path == "default" {
		return winnow.DefaultRoles()
	}
	rp := rolesFileOf(path)
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
