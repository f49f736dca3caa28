// recover stops a panic only when called directly by a deferred function
// that the panic is running: not from a helper that function calls, not
// outside a panic, not at top level.
package main

import (
	"errors"
	"fmt"
)

func helper() any { return recover() }

type T struct{ name string }

func (t T) rec() {
	fmt.Println(t.name, "recovered:", recover())
}

func (t *T) prec() {
	fmt.Println(t.name, "recovered:", recover())
}

func viaHelper() (r any) {
	defer func() {
		r = helper()
		if r == nil {
			fmt.Println("helper got nil")
			r = recover()
		}
	}()
	panic("p1")
}

func deferredHelper() {
	defer helper()
	panic("p2")
}

func methodValue() {
	t := T{"value"}
	defer t.rec()
	panic("p3")
}

func pointerMethod() {
	t := &T{"pointer"}
	defer t.prec()
	panic("p4")
}

func funcValue() {
	f := func() {
		fmt.Println("func value recovered:", recover())
	}
	defer f()
	panic("p5")
}

func nested() {
	defer func() {
		fmt.Println("outer recovered:", recover())
	}()
	defer func() {
		defer func() {
			fmt.Println("inner recovered:", recover())
		}()
		panic("second")
	}()
	panic("first")
}

func noPanic() {
	defer func() {
		fmt.Println("no panic:", recover())
	}()
}

func deeper() {
	defer func() {
		func() {
			fmt.Println("two levels down:", recover())
		}()
		fmt.Println("direct:", recover())
	}()
	panic(errors.New("p6"))
}

func rethrow() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("wrapped: %v", r)
		}
	}()
	defer func() {
		r := recover()
		panic(fmt.Sprint("again after ", r))
	}()
	panic("p7")
}

func main() {
	fmt.Println("top level:", recover())
	fmt.Println(viaHelper())
	func() {
		defer func() { fmt.Println("deferred helper let through:", recover() == nil) }()
		deferredHelper()
	}()
	methodValue()
	pointerMethod()
	funcValue()
	nested()
	noPanic()
	deeper()
	fmt.Println(rethrow())
}
