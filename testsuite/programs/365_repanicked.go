// A recovered panic raised again with the same value is reported once,
// marked [recovered, repanicked]; other chains print each panic.
package main

import "fmt"

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic(r)
	}()
	defer func() {
		panic(&E{"second"})
	}()
	panic(fmt.Sprint("first"))
}
