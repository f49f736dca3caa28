package main

import "fmt"

func main() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	fmt.Println("after outer")

loop:
	for i := 0; ; i++ {
		switch {
		case i == 4:
			break loop
		case i%2 == 0:
			continue loop
		}
		fmt.Println("odd", i)
	}
}
