package main

type T [1 << 62]byte

type S struct{ a, b [1 << 61]byte }

var y [1 << 40][1 << 40]int

func main() {}
