// fmt catches a panic in a String, Error, GoString or Format method: a nil
// pointer receiver prints <nil>, anything else %!verb(PANIC=M method: v).
package main

import (
	"errors"
	"fmt"
)

type Bad struct{ n int }

func (b *Bad) String() string {
	if b.n == 0 {
		panic("boom")
	}
	return fmt.Sprint("Bad", b.n)
}

type BadErr struct{}

func (BadErr) Error() string { panic(errors.New("inner error")) }

type BadGo struct{}

func (BadGo) GoString() string { panic(42) }

type BadFmt struct{}

func (BadFmt) Format(f fmt.State, c rune) {
	fmt.Fprint(f, "partial ")
	panic(fmt.Sprintf("format %c", c))
}

type V struct{}

func (V) String() string { return "V!" }

func main() {
	var nilBad *Bad
	fmt.Printf("[%v] [%s] [%8v]\n", nilBad, &Bad{}, nilBad)
	fmt.Printf("%v %d\n", &Bad{3}, &Bad{})
	fmt.Println(BadErr{}, []any{BadGo{}})
	fmt.Printf("%#v|%v\n", BadGo{}, BadGo{})
	fmt.Printf("%v|%x\n", BadFmt{}, BadFmt{})
	var nilV *V
	fmt.Println(nilV, []*V{nil, {}})
	s := fmt.Sprint(&Bad{})
	fmt.Println(len(s), s)
	err := fmt.Errorf("wrapped: %w", BadErr{})
	fmt.Println(err)
}
