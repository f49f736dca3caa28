package main

import (
	"errors"
	"fmt"
	"runtime"
)

// An iterator that calls yield when it must not gets gc's runtime errors.

func afterFalse(yield func(int) bool) {
	yield(1)
	yield(2)
}

func swallow(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

func resumeAfterPanic(yield func(int) bool) {
	func() {
		defer func() { fmt.Println("  iterator recovered:", recover()) }()
		yield(1)
	}()
	yield(2)
}

var saved func(int) bool

func keep(yield func(int) bool) {
	saved = yield
	yield(1)
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %v\n", name, r)
		var re runtime.Error
		if e, ok := r.(error); ok && errors.As(e, &re) {
			fmt.Printf("  runtime.Error %q\n", re.Error())
		}
	}()
	f()
}

func main() {
	try("after break", func() {
		for x := range afterFalse {
			defer fmt.Println("deferred", x)
			break
		}
	})
	try("after return", func() {
		for x := range afterFalse {
			if x > 0 {
				return
			}
		}
	})
	try("recovered body panic", func() {
		for x := range swallow {
			panic(x)
		}
	})
	try("resumed after panic", func() {
		for x := range resumeAfterPanic {
			fmt.Println("body", x)
			panic("in body")
		}
	})
	try("after exit", func() {
		for x := range keep {
			fmt.Println("body", x)
		}
		saved(5)
	})
	try("nested break", func() {
		for x := range afterFalse {
			for y := range afterFalse {
				fmt.Println("nested", x, y)
				break
			}
		}
	})
	for range afterFalse {
		break
	}
}
