// An //export comment must name the function it precedes.
package main

import "C"

//export Other
func Exported() {}

func main() {}
