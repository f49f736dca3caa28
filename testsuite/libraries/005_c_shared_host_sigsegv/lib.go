// A host that installs its own SIGSEGV handler before loading the
// library, then faults in its own C code: the host's handler runs.
package main

import "C"

//export Twice
func Twice(x int) int { return 2 * x }

func main() {}
