package main

import "unsafe"

type H [len(H{})]int

type T struct{ a [unsafe.Sizeof(T{})]int }

type A = B
type B = A

type F interface{ G }
type G interface{ F }

func main() {}
