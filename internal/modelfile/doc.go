// Package modelfile finds and loads the model files the command line names:
// a content model by path, or the model embedded in winnow for "" and
// "default", and the role models that go with it, which winnow train writes
// beside the model file (RolesPath). Loading goes through winnow.LoadModel
// and winnow.LoadRoles, so a file of another feature schema is refused as
// they refuse it; the errors name the file.
package modelfile
