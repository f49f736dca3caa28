package main

import _ "embed"

//go:embed no_such_file.txt
var s string

func main() { println(s) }
