package main

import _ "unsafe"

//go:noescape
func f(p *int) {}

func main() {
	x := 1
	f(&x)
}
