package main

import "fmt"

type Ball struct{ hits int }

// player returns the ball on the table until the hit limit is reached.
func player(name string, table chan *Ball, limit int, done chan<- string) {
	for {
		b := <-table
		if b.hits == limit {
			done <- name
			return
		}
		b.hits++
		fmt.Println(name, b.hits)
		table <- b
	}
}

func main() {
	table := make(chan *Ball) // unbuffered: every pass is a handoff
	done := make(chan string)
	go player("ping", table, 6, done)
	table <- new(Ball)
	go player("pong", table, 6, done)
	fmt.Println("stopped by", <-done)

	// Request/response over a channel of channels.
	type req struct {
		n     int
		reply chan int
	}
	reqs := make(chan req)
	go func() {
		for r := range reqs {
			r.reply <- r.n * r.n
		}
	}()
	for i := 1; i <= 3; i++ {
		r := req{i, make(chan int)}
		reqs <- r
		fmt.Println(i, "squared is", <-r.reply)
	}
	close(reqs)

	// Nil channels block forever; closed ones are always ready.
	var never chan int
	closed := make(chan int)
	close(closed)
	v, ok := <-closed
	select {
	case <-never:
		fmt.Println("impossible")
	case x, ok2 := <-closed:
		fmt.Println("closed channel gives", x, ok2, v, ok)
	}

	// A panic on a closed channel, recovered.
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	closed <- 1
}
