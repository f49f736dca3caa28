package main

import "fmt"

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func counted() (n int, err error) {
	defer func() { n *= 2 }()
	n = 21
	return n, nil
}

func zero() (s string, b bool, f float64) { return }

func main() {
	fmt.Println(split(17))
	fmt.Println(counted())
	s, b, f := zero()
	fmt.Printf("%q %v %v\n", s, b, f)
}
