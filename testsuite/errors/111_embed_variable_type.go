package main

import "embed"

//go:embed 111_embed_variable_type.go
var ok []byte

//go:embed 111_embed_variable_type.go
var n int

//go:embed 111_embed_variable_type.go
var p *embed.FS

func main() { println(len(ok), n, p) }
