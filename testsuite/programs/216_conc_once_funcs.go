// sync.OnceFunc, OnceValue and OnceValues: the wrapped function runs once
// however many goroutines call the result; a panic is replayed each call.
package main

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

func main() {
	var runs atomic.Int32
	setup := sync.OnceFunc(func() { runs.Add(1) })
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			setup()
		}()
	}
	wg.Wait()
	setup()
	fmt.Println("OnceFunc runs:", runs.Load())

	var computed atomic.Int32
	table := sync.OnceValue(func() []int {
		computed.Add(1)
		t := make([]int, 10)
		for i := range t {
			t[i] = i * i * i
		}
		return t
	})
	sums := make([]int, 8)
	for g := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, v := range table() {
				sums[g] += v
			}
		}()
	}
	wg.Wait()
	fmt.Println("OnceValue computed:", computed.Load(), "sums:", sums)

	var opened atomic.Int32
	open := sync.OnceValues(func() (string, error) {
		opened.Add(1)
		_, err := os.Stat("/definitely/not/here")
		return "handle", err
	})
	errs := make([]bool, 5)
	for g := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := open()
			errs[g] = errors.Is(err, os.ErrNotExist)
		}()
	}
	wg.Wait()
	h, err := open()
	fmt.Println("OnceValues opened:", opened.Load(), h, errs, err != nil)

	// A panic in the function is re-raised, with the same value, on every call.
	var tries atomic.Int32
	boom := sync.OnceFunc(func() {
		tries.Add(1)
		panic(fmt.Sprintf("boom #%d", tries.Load()))
	})
	for i := 0; i < 3; i++ {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			boom()
		}()
	}
	fmt.Println("panicking function ran:", tries.Load())

	val := sync.OnceValue(func() int { panic(errors.New("no value")) })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			fmt.Println(val())
		}()
	}
}
