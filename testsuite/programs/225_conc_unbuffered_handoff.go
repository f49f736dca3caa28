// Unbuffered channels hand values over synchronously: writes before a send
// are visible after the receive, and two goroutines can take strict turns.
package main

import (
	"fmt"
	"strings"
)

type message struct {
	text string
	seq  int
}

func main() {
	var before, after string
	ch := make(chan message)
	go func() {
		before = "written before first send"
		ch <- message{"hello", 1}
		after = "written after first send"
		ch <- message{"world", 2}
		close(ch)
	}()
	m := <-ch
	fmt.Println("received", m.text, m.seq, "-", before)
	m = <-ch
	fmt.Println("received", m.text, m.seq, "-", after)
	_, ok := <-ch
	fmt.Println("closed:", !ok)

	// Strict alternation: each goroutine prints only while it holds the
	// turn, and passes it on over an unbuffered channel.
	ping, pong := make(chan int), make(chan int)
	done := make(chan bool)
	go func() {
		for n := range ping {
			fmt.Println("ping", n)
			pong <- n + 1
		}
		close(pong)
	}()
	go func() {
		for n := range pong {
			fmt.Println("pong", n)
			if n >= 6 {
				close(ping)
				continue
			}
			ping <- n + 1
		}
		done <- true
	}()
	ping <- 1
	<-done

	// The receiver is ready before the sender: the handoff still happens.
	result := make(chan string)
	go func() {
		result <- strings.Repeat("ab", 3)
	}()
	fmt.Println(<-result)

	// A send blocks until someone receives: sync via a "done" handshake.
	req := make(chan chan struct{})
	go func() {
		ack := <-req
		fmt.Println("worker got request")
		ack <- struct{}{}
	}()
	ack := make(chan struct{})
	req <- ack
	<-ack
	fmt.Println("main got ack")
}
