package main

//go:embed 110_embed_without_import.go
var src string

func main() { println(len(src)) }
