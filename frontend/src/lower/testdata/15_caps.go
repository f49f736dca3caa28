package main

import "fmt"

func main() {
	var a []int
	for i := 0; i < 10; i++ {
		a = append(a, i)
		fmt.Print(cap(a), " ")
	}
	fmt.Println()
	var b []int
	for i := 0; i < 10; i++ {
		b = append(b, i)
		fmt.Print(cap(b), " ")
	}
	fmt.Println(b)
	var c []string
	c = append(c, "x")
	fmt.Println(cap(c), len(c))
	var d []int32
	d = append(d, 1, 2, 3)
	fmt.Println(cap(d))
	e := []byte{}
	e = append(e, 'a')
	fmt.Println(cap(e))
	var f []int
	f = append(f, 1, 2, 3, 4, 5)
	fmt.Println(cap(f))
}
