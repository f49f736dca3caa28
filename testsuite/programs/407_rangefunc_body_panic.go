package main

import "fmt"

// Panics in range-over-func bodies: a function deferred in the body
// belongs to the enclosing function, so its recover stops the panic; a
// panic nothing recovers runs every deferred call (the bodies', the
// iterators' and the functions') before the program dies.

func count(yield func(int) bool) {
	defer fmt.Println("iterator's defer")
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

type myErr struct{ at int }

func (e myErr) Error() string { return fmt.Sprint("failed at ", e.at) }

func run() {
	defer fmt.Println("run's defer")
	for i := range count {
		defer fmt.Println("body defer", i)
		for j := range count {
			defer func() {
				if j == 1 {
					fmt.Println("inner defer", i, j, "recovered:", recover())
				}
			}()
			if i == 1 && j == 1 {
				panic(myErr{i*10 + j})
			}
		}
	}
}

func crash() {
	defer fmt.Println("crash's defer")
	for i := range count {
		defer fmt.Println("crash body defer", i)
		if i == 2 {
			var p *myErr
			fmt.Println(p.at)
		}
	}
}

func main() {
	defer fmt.Println("main's defer")
	run()
	crash()
}
