package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan string, 1)
	select {
	case v := <-a:
		fmt.Println("a", v)
	default:
		fmt.Println("nothing ready")
	}
	a <- 1
	select {
	case v := <-a:
		fmt.Println("a", v)
	case s := <-b:
		fmt.Println("b", s)
	}
	b <- "x"
	select {
	case v := <-a:
		fmt.Println("a", v)
	case s := <-b:
		fmt.Println("b", s)
	}
	full := make(chan int, 1)
	full <- 0
	select {
	case full <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("would block")
	}
	quit := make(chan bool)
	nums := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			nums <- i
		}
		quit <- true
	}()
	for {
		select {
		case n := <-nums:
			fmt.Println("num", n)
		case <-quit:
			fmt.Println("quit")
			return
		}
	}
}
