package main

import "github.com/winnow-dev/winnow/internal/modelfile"

// The model files a command names (internal/modelfile).
var (
	loadModelFile        = modelfile.Load
	loadRolesFor         = modelfile.LoadRoles
	rolesFileOf          = modelfile.RolesPath
	loadPageTypesFor     = modelfile.LoadPageTypes
	pageTypesFileOf      = modelfile.PageTypesPath
	loadSmoothFor        = modelfile.LoadSmoothing
	loadRecordsSmoothFor = modelfile.LoadRecordsSmoothing
	smoothFileOf         = modelfile.SmoothPath
	recordsSmoothFileOf  = modelfile.SmoothRecordsPath
)

// modelOptions are the extractor's options for the model file at path
// and the models beside it (modelfile.Options).
var modelOptions = modelfile.Options
