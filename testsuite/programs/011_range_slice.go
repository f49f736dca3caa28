package main

import "fmt"

func main() {
	s := []string{"a", "b", "c"}
	for i, v := range s {
		fmt.Println(i, v)
	}
	for i := range s {
		fmt.Print(i, " ")
	}
	fmt.Println()
	total := 0
	for _, v := range []int{10, 20, 30} {
		total += v
	}
	fmt.Println(total)
	// The range expression is evaluated once: appending inside the loop
	// does not extend it.
	nums := []int{1, 2, 3}
	for _, v := range nums {
		nums = append(nums, v*10)
	}
	fmt.Println(nums)
	arr := [3]int{7, 8, 9}
	for i, v := range arr {
		arr[2] = 100
		fmt.Println(i, v)
	}
}
