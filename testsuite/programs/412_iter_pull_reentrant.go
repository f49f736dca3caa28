package main

import (
	"fmt"
	"iter"
)

// Pull's functions called from inside the iterator itself.

func nextInside() {
	var next func() (int, bool)
	var stop func()
	next, stop = iter.Pull(func(yield func(int) bool) {
		yield(1)
		fmt.Println("iterator calls next itself")
		next()
	})
	defer func() { fmt.Println("recovered:", recover()); stop(); fmt.Println(next()) }()
	fmt.Println(next())
	fmt.Println(next())
}

func stopInside() {
	var next func() (int, bool)
	var stop func()
	next, stop = iter.Pull(func(yield func(int) bool) {
		defer fmt.Println("iterator returns")
		yield(1)
		fmt.Println("iterator calls stop itself")
		stop()
		fmt.Println("iterator resumed, yield says", yield(2))
	})
	fmt.Println(next())
	fmt.Println(next())
	fmt.Println(next())
	stop()
	fmt.Println(next())
}

func main() {
	nextInside()
	stopInside()
}
