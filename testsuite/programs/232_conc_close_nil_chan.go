// Closing a nil channel without recovering ends the program with exit
// code 2 and gc's panic message; deferred calls run first.
package main

import "fmt"

func main() {
	var ch chan struct{}
	defer fmt.Println("deferred call runs")
	fmt.Println("closing a nil channel")
	close(ch)
	fmt.Println("not reached")
}
