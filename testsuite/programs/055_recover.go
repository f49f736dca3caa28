package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func mustPositive(n int) {
	if n < 0 {
		panic(errors.New("negative"))
	}
}

func tryIt(n int) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("caught ", r)
		}
	}()
	mustPositive(n)
	return "fine"
}

func main() {
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(tryIt(1), "/", tryIt(-1))
	fmt.Println(recover())
	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered:", r)
		}()
		var a []int
		_ = a[3]
	}()
	fmt.Println("still running")
}
