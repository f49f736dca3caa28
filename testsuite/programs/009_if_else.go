package main

import "fmt"

func classify(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	} else if n%2 == 0 {
		return "even"
	} else {
		return "odd"
	}
}

func main() {
	for _, n := range []int{-5, 0, 4, 7} {
		fmt.Println(n, classify(n))
	}
	if v := 10 * 3; v > 20 {
		fmt.Println("big", v)
	} else {
		fmt.Println("small", v)
	}
}
