// The first user's walk-through as a static archive (-buildmode=c-archive): two exported functions.
package main

import "C"
import "fmt"

//export HelloGo
func HelloGo() {
	fmt.Println("Hello from GO!")
}

//export Multiply
func Multiply(a, b int) int {
	return a * b
}

func main() {

}
