package main

import "fmt"

func main() {
	var s []int
	e := []int{}
	fmt.Println(s == nil, e == nil, len(s), cap(s), len(e))
	fmt.Println(s, e)
	fmt.Printf("%v %d %#v %#v\n", s, e, s, e)
	s = append(s, 1)
	fmt.Println(s, s == nil)
	for range []int(nil) {
		fmt.Println("never")
	}
	var m [][]string
	fmt.Println(len(m), m)
	t := s[:0]
	fmt.Println(t == nil, len(t), cap(t))
	var nb []byte
	fmt.Println(string(nb) == "", len(string(nb)))
}
