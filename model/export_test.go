package model

// Synth and SynthSchema give the external tests (package model_test) the
// synthetic rows of synth and synthSchema.
var (
	Synth       = synth
	SynthSchema = synthSchema
)
