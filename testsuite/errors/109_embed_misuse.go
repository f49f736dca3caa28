package main

import _ "embed"

//go:embed 109_embed_misuse.go
var s, t string

//go:embed 109_embed_misuse.go
var u = "a"

//go:embed 109_embed_misuse.go
const c = "a"

func main() {
	//go:embed 109_embed_misuse.go
	var l string
	_ = l
}
