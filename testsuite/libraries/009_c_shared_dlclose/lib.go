// dlclose of a loaded Go library does not crash: the library stays
// (its runtime's threads are still running), and opening it again gives
// the same, still working, functions and state.
package main

import "C"

var calls int

//export Count
func Count() int {
	calls++
	return calls
}

func main() {}
