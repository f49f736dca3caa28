package main

import "fmt"

type Celsius float64
type Fahrenheit float64
type Name = string
type Pair struct{ A, B int }
type IntList []int

func CToF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }

func main() {
	c := Celsius(100)
	fmt.Println(CToF(c))
	fmt.Printf("%T %T\n", c, CToF(c))
	var n Name = "alias"
	fmt.Printf("%T %v\n", n, n)
	p := Pair{1, 2}
	fmt.Printf("%T %v\n", p, p)
	l := IntList{3, 4}
	fmt.Printf("%T %v %d\n", l, l, len(l))
	type local struct{ s string }
	fmt.Printf("%T %+v\n", local{"in"}, local{"in"})
}
