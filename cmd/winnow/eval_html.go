package main

func writeEvalHTML(path string, force bool, r *evalReport) error { return nil }
