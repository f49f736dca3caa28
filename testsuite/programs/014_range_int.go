package main

import "fmt"

func main() {
	for i := range 5 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	var n int64 = 3
	for i := range n {
		fmt.Printf("%T %v\n", i, i)
	}
	count := 0
	for range 10 {
		count++
	}
	fmt.Println(count)
	for i := range 0 {
		fmt.Println("never", i)
	}
}
