package main

import "fmt"

const big = 1 << 100
const huge = big * big

const third = 1.0 / 3
const exact = 3 * third // exactly 1 as an untyped constant

func main() {
	fmt.Println(1 << 100 >> 98)
	fmt.Println(big >> 90)
	fmt.Println(huge / big / big)
	fmt.Println(exact == 1)
	fmt.Println(7/2, 7/2.0, -7/2, 7%3, -7%3)
	const f = 1e300 * 1e300 / 1e300
	fmt.Println(f)
	var i int64 = big >> 40
	fmt.Println(i)
	const r = 'a' + 1
	fmt.Printf("%c %v %T\n", r, r, r)
	const s = "con" + "cat"
	fmt.Println(s, len(s))
}
