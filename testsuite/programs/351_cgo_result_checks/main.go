// gc's cgocheck on exported functions' results: a slice, an error (an
// interface), a map, a channel and a function value referring to Go memory
// may not be returned to C.
package main

/*
void callSlice(void);
void callErr(void);
void callMap(void);
void callChan(void);
void callFunc(void);
*/
import "C"
import (
	"errors"
	"fmt"
)

//export retSlice
func retSlice() []byte { return make([]byte, 4) }

//export retErr
func retErr() error { return errors.New("x") }

//export retChan
func retChan() chan int { return make(chan int) }

//export retFunc
func retFunc() func() int { x := 3; return func() int { x++; return x } }

//export retMap
func retMap() map[int]int { return map[int]int{1: 1} }

func main() {
	for _, f := range []func(){func() { C.callSlice() }, func() { C.callErr() }, func() { C.callMap() }, func() { C.callChan() }, func() { C.callFunc() }} {
		func() {
			defer func() { fmt.Println(recover()) }()
			f()
		}()
	}
}
