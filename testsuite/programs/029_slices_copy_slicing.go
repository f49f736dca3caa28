package main

import "fmt"

func main() {
	a := []int{0, 1, 2, 3, 4, 5, 6, 7}
	b := a[2:5]
	fmt.Println(b, len(b), cap(b))
	b[0] = 20
	fmt.Println(a)
	c := a[2:4:5]
	fmt.Println(c, len(c), cap(c))
	c = append(c, 40)
	fmt.Println(a)
	c = append(c, 50)
	c[0] = 99
	fmt.Println(a, c)
	dst := make([]int, 3)
	n := copy(dst, a)
	fmt.Println(n, dst)
	n = copy(a[1:], a)
	fmt.Println(n, a)
	bs := make([]byte, 5)
	n = copy(bs, "hello world")
	fmt.Println(n, string(bs))
	full := a[:]
	fmt.Println(len(full), a[len(a)-1], a[:0], a[8:])
	arr := [4]string{"w", "x", "y", "z"}
	sl := arr[1:3]
	sl[0] = "X"
	fmt.Println(arr, sl)
}
