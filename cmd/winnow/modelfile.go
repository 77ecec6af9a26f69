package main

import (
	"fmt"
	"os"

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
