// defer and go of built-in functions: arguments evaluated at the statement,
// the built-in applied later.
package main

import (
	"fmt"
	"sync"
)

type I interface{ M(int) }
type T struct{ n int }

func (t T) M(x int) { fmt.Println("M", t.n, x) }

type S struct{ c chan int }

func (s S) M(x int) { s.c <- x }

func main() {
	m := map[int]int{1: 1, 2: 2}
	func() {
		defer delete(m, 1)
		fmt.Println(len(m))
	}()
	fmt.Println(len(m))
	a := []int{1, 2, 3}
	b := []int{9, 9}
	func() {
		defer copy(a, b)
	}()
	fmt.Println(a)
	ch := make(chan int, 1)
	func() {
		defer close(ch)
		ch <- 1
	}()
	for v := range ch {
		fmt.Println(v)
	}
	func() {
		defer println("deferred println", 1, true)
		defer print("deferred print\n")
	}()
	var i I = T{5}
	func() {
		defer i.M(7)
		f := i.M
		defer f(8)
	}()
	c := make(chan int)
	var j I = S{c}
	go j.M(9)
	fmt.Println("sent by a method of an interface:", <-c)
	func() {
		defer func() { fmt.Println(recover()) }()
		defer panic("p")
	}()
	func() {
		defer recover()
		fmt.Println("x")
	}()
}

func init() {
	var wg sync.WaitGroup
	m := map[string]int{"a": 1, "b": 2}
	s := []int{1, 2, 3}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer clear(s)
	}()
	wg.Wait()
	done := make(chan bool)
	go delete(m, "a")
	go close(done)
	<-done
	fmt.Println(s)
}
