// GODEBUG=panicnil=1 restores the old behaviour: recover returns nil.
// rgo:env GODEBUG=panicnil=1
package main

import "fmt"

func main() {
	func() {
		defer func() {
			fmt.Println("recovered:", recover())
		}()
		panic(nil)
	}()
	panic(nil)
}
