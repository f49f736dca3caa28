// A goroutine returns while a time.AfterFunc timer it started is due: the
// timer's function starts a goroutine while the exiting one is still on
// its stack (that stack must not be handed to the new goroutine).
package main

import (
	"fmt"
	"time"
)

func main() {
	for round := 0; round < 20; round++ {
		done := make(chan bool)
		go func() {
			time.AfterFunc(time.Millisecond, func() { done <- true })
			start := time.Now()
			for time.Since(start) < 3*time.Millisecond {
			}
		}()
		<-done
	}
	fmt.Println("ok")
}
