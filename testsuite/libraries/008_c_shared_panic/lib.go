// A Go panic escaping an exported function ends the process with gc's
// message and exit status 2.
package main

import "C"

//export MustPositive
func MustPositive(x int) int {
	if x <= 0 {
		panic("not positive")
	}
	return x
}

func main() {}
