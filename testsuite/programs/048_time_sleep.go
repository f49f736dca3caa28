package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(15 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println("elapsed >= 10ms:", elapsed >= 10*time.Millisecond)
	fmt.Println("elapsed < 5s:", elapsed < 5*time.Second)
	d := 1500 * time.Millisecond
	fmt.Println(d, d.Seconds(), time.Duration(90)*time.Second)
}
