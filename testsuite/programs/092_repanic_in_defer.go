package main

import (
	"fmt"
	"os"
)

func cleanup(name string) {
	fmt.Println("cleanup", name)
}

func nested() (log string) {
	defer func() {
		log += fmt.Sprint(" outer:", recover())
	}()
	defer func() {
		defer func() {
			log += fmt.Sprint(" inner:", recover())
		}()
		panic("second")
	}()
	panic("first")
}

func work() {
	defer cleanup("work")
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("work saw:", r)
			panic(fmt.Sprintf("wrapped(%v)", r))
		}
	}()
	var p *struct{ x int }
	fmt.Println(p.x)
}

func main() {
	fmt.Println("nested:", nested())
	defer fmt.Println("main deferred")
	defer func() {
		fmt.Fprintln(os.Stderr, "stderr from defer")
		panic("third")
	}()
	work()
}
