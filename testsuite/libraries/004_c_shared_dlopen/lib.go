// A c-shared library loaded at run time with dlopen, its functions found
// with dlsym; its package initialisers run when it is loaded.
package main

import "C"
import "fmt"

var greeting string

func init() {
	greeting = "initialised"
}

//export Greeting
func Greeting() *C.char {
	fmt.Println("Greeting called:", greeting)
	return C.CString(greeting)
}

//export Add3
func Add3(a, b, c int32) int32 {
	return a + b + c
}

func main() {}
