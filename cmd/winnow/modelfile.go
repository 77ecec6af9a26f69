package main

import (
	"github.com/winnow-dev/winnow"
	"github.com/winnow-dev/winnow/internal/modelfile"
	"github.com/winnow-dev/winnow/model"
)

// The model files a command names (internal/modelfile).
var (
	loadModelFile    = modelfile.Load
	loadRolesFor     = modelfile.LoadRoles
	rolesFileOf      = modelfile.RolesPath
	loadPageTypesFor = modelfile.LoadPageTypes
	pageTypesFileOf  = modelfile.PageTypesPath
	loadSmoothFor    = modelfile.LoadSmoothing
	smoothFileOf     = modelfile.SmoothPath
)

// modelOptions are the extractor's options for the model file at path
// and the smoothing, role and page-type models trained with it, read from
// beside it as winnow eval reads them: none of a part whose file is not
// there.
func modelOptions(path string) ([]winnow.Option, error) {
	m, err := loadModelFile(path)
	if err != nil {
		return nil, err
	}
	var heads [3]*model.Heads
	for i, load := range [...]func(string) (*model.Heads, error){loadSmoothFor, loadRolesFor, loadPageTypesFor} {
		if heads[i], err = load(path); err != nil {
			return nil, err
		}
	}
	return []winnow.Option{winnow.WithModel(m), winnow.WithSmoother(heads[0]), winnow.WithRoles(heads[1]), winnow.WithPageTypes(heads[2])}, nil
}
