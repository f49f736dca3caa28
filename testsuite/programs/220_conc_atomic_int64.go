// sync/atomic integer types and functions: Add from many goroutines loses
// nothing; Load, Store, Swap and CompareAndSwap return the right values.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n atomic.Int64
	var u atomic.Uint64
	var i32 atomic.Int32
	var plain int64
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20000; i++ {
				n.Add(3)
				u.Add(1)
				i32.Add(-1)
				atomic.AddInt64(&plain, 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println("Int64:", n.Load(), "Uint64:", u.Load(), "Int32:", i32.Load(), "AddInt64:", atomic.LoadInt64(&plain))

	n.Store(100)
	fmt.Println("Swap returns old:", n.Swap(7), "now:", n.Load())
	fmt.Println("CAS 7->8:", n.CompareAndSwap(7, 8), "CAS 7->9:", n.CompareAndSwap(7, 9), "now:", n.Load())
	fmt.Println("Add returns new:", n.Add(-10))

	var x int32 = 5
	swapped := atomic.CompareAndSwapInt32(&x, 5, 6)
	fmt.Println("CompareAndSwapInt32:", swapped, x)
	prev := atomic.SwapInt32(&x, 40)
	fmt.Println("SwapInt32:", prev, x)
	atomic.StoreInt32(&x, -3)
	fmt.Println("LoadInt32:", atomic.LoadInt32(&x))

	// Subtracting from unsigned values with Add(^uint64(k-1)).
	u.Store(10)
	u.Add(^uint64(2 - 1))
	fmt.Println("Uint64 after subtracting 2:", u.Load())
	var u32 uint32 = 0
	atomic.AddUint32(&u32, ^uint32(0))
	fmt.Println("AddUint32 wraps:", u32)

	// And/Or (Go 1.23) return the old value.
	var flags atomic.Uint32
	flags.Store(0b1100)
	fmt.Printf("Or old=%04b ", flags.Or(0b0011))
	fmt.Printf("now=%04b\n", flags.Load())
	fmt.Printf("And old=%04b ", flags.And(0b0110))
	fmt.Printf("now=%04b\n", flags.Load())
	var bits int64 = 0b1010
	old := atomic.OrInt64(&bits, 1)
	fmt.Println("OrInt64 old:", old, "now:", bits)
	old = atomic.AndInt64(&bits, 0b11)
	fmt.Println("AndInt64 old:", old, "now:", bits)

	// Concurrent Or of distinct bits sets all of them.
	var mask atomic.Uint64
	for b := 0; b < 64; b++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mask.Or(1 << b)
		}()
	}
	wg.Wait()
	fmt.Printf("mask: %#x\n", mask.Load())
}
