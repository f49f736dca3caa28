package main

import "fmt"

type point struct {
	X, Y int
}

func main() {
	p := point{1, 2}
	fmt.Printf("%v|%+v|%T\n", p, p, p)
	fmt.Printf("%d|%5d|%-5d|%05d|%+d\n", 42, 42, 42, 42, 42)
	fmt.Printf("%x|%X|%o|%O|%b|%#x\n", 255, 255, 8, 8, 5, 255)
	fmt.Printf("%s|%q|%10s|%-10s|%.2s\n", "go", "go", "right", "left", "truncate")
	fmt.Printf("%x|% x|%X\n", "hi", "hi", []byte("hi"))
	fmt.Printf("%t|%v\n", true, false)
	fmt.Printf("%c|%q|%U|%#U\n", 'G', 'G', 'G', '世')
	fmt.Printf("%6.2f|%-8.3f|%e|%E|%g\n", 3.14159, 2.5, 1234.5678, 0.000123, 100000000.0)
	fmt.Printf("%v|%d|%s\n", []int{1, 2}, []int{3, 4}, []string{"a", "b"})
	fmt.Printf("%q\n", []string{"x", "y z"})
	fmt.Printf("%v %v\n", map[string]int{"b": 2, "a": 1}, [2]bool{true, false})
	fmt.Printf("%T %T %T %T %T\n", 1, 1.0, 'x', "s", nil)
	fmt.Printf("%%|%d%%\n", 50)
	fmt.Printf("%*d|%-*d|\n", 4, 7, 3, 8)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	s := fmt.Sprintf("%03d-%s", 7, "x")
	fmt.Println(s, len(s))
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Println("a", "b", 1, 2, "c")
}
