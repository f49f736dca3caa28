// sync.WaitGroup with Add, Done and Wait: goroutines fill their own slots,
// Add(n) up front, nested spawning, reuse, and a negative counter panics.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	squares := make([]int, 10)
	for i := range squares {
		wg.Add(1)
		go func() {
			defer wg.Done()
			squares[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println("squares:", squares)

	// Add(n) once, then reuse the same WaitGroup.
	cubes := make([]int, 8)
	wg.Add(len(cubes))
	for i := range cubes {
		go func() {
			cubes[i] = i * i * i
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("cubes:", cubes)

	// Goroutines that start goroutines: Add before each go statement.
	var mu sync.Mutex
	leaves := 0
	var spawn func(depth int)
	spawn = func(depth int) {
		defer wg.Done()
		if depth == 0 {
			mu.Lock()
			leaves++
			mu.Unlock()
			return
		}
		for k := 0; k < 3; k++ {
			wg.Add(1)
			go spawn(depth - 1)
		}
	}
	wg.Add(1)
	go spawn(4)
	wg.Wait()
	fmt.Println("leaves:", leaves)

	// Wait on a zero counter returns at once.
	var idle sync.WaitGroup
	idle.Wait()
	fmt.Println("wait on zero counter returned")

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var bad sync.WaitGroup
		bad.Add(1)
		bad.Done()
		bad.Done()
	}()
}
