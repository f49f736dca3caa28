package main

import "fmt"

func main() {
	var m map[string]int
	fmt.Println(m["read is fine"])
	m["write"] = 1
	fmt.Println("unreachable")
}
