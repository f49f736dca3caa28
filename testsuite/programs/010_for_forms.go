package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		sum += i
	}
	fmt.Println("three-clause:", sum)

	n := 1
	for n < 100 {
		n *= 3
	}
	fmt.Println("condition only:", n)

	count := 0
	for {
		count++
		if count == 5 {
			break
		}
	}
	fmt.Println("infinite with break:", count)

	odd := 0
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			continue
		}
		odd += i
	}
	fmt.Println("continue:", odd)

	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, ",", j, " ")
	}
	fmt.Println()
}
