// The generated header compiles as C++ (extern "C" guards, GoString).
package main

import "C"
import "strings"

//export Shout
func Shout(s string) int {
	return len(strings.ToUpper(s))
}

//export Pair
func Pair(a int) (int, float64) {
	return a + 1, float64(a) / 2
}

func main() {}
