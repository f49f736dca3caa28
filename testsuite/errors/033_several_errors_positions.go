// rgo:diag-match position
package main

import "fmt"

func main() {
	var a int = "x"
	b := undefinedName
	fmt.Println(a + true)
	c := 1
}
