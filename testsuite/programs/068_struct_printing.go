package main

import "fmt"

type Inner struct {
	Tags []string
	M    map[string]int
}

type Outer struct {
	ID    int
	In    Inner
	Ptr   *Inner
	Any   interface{}
	Err   error
	Bytes []byte
	F     float64
}

type Named string

func main() {
	o := Outer{
		ID:    7,
		In:    Inner{[]string{"a", "b"}, map[string]int{"z": 1, "y": 2}},
		Any:   3.5,
		Bytes: []byte("hi"),
		F:     1e21,
	}
	fmt.Println(o)
	fmt.Printf("%+v\n", o)
	fmt.Printf("%v\n", []*Inner{nil})
	fmt.Printf("%v %+v\n", struct{}{}, struct{ A, B Named }{"x", "y"})
	fmt.Printf("%#v\n", Inner{[]string{"q"}, nil})
	fmt.Printf("%#v %#v %#v\n", Named("n"), []int{1}, map[string]bool{"t": true})
	fmt.Printf("%v\n", [][]int{{1, 2}, {3}})
	fmt.Printf("%d\n", struct{ A, B int }{1, 2})
	fmt.Printf("%x\n", struct {
		A int
		S string
	}{255, "hi"})
}
