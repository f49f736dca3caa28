package main

import "fmt"

func main() {
	arr := [6]int{0, 1, 2, 3, 4, 5}
	s := arr[1:4]
	fmt.Println(s, len(s), cap(s))
	s = append(s, 100)
	fmt.Println(arr, s)
	t := arr[2:3:4]
	fmt.Println(t, len(t), cap(t))
	t = append(t, 7)
	t = append(t, 8)
	fmt.Println(arr, t)
	p := &arr
	fmt.Println(p[5], len(p), p[1:2])
	for i, v := range p {
		if i > 2 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	src := []int{1, 2, 3, 4, 5}
	n := copy(src[1:], src)
	fmt.Println(n, src)
	bs := make([]byte, 3)
	n = copy(bs, "hello")
	fmt.Println(n, string(bs))
	b2 := append([]byte("ab"), "cd"...)
	fmt.Println(string(b2))
	var nilS []int
	fmt.Println(nilS == nil, len(nilS), cap(nilS), nilS[:0] == nil)
	nilS = append(nilS, 1)
	fmt.Println(nilS)
	matrix := make([][]int, 3)
	for i := range matrix {
		matrix[i] = make([]int, 3)
		for j := range matrix[i] {
			matrix[i][j] = i * j
		}
	}
	fmt.Println(matrix)
	s2 := []string{"a", "b", "c", "d"}
	s2 = append(s2[:1], s2[2:]...)
	fmt.Println(s2, len(s2))
	ks := []int{5: 1, 2, 0: 9}
	fmt.Println(ks, len(ks))
	ka := [...]string{2: "c", 0: "a"}
	fmt.Println(ka, len(ka))
	type pt struct{ x, y int }
	pts := []*pt{{1, 2}, {3, 4}}
	fmt.Println(*pts[0], pts[1].y)
	mpts := map[string]pt{"o": {0, 0}}
	fmt.Println(mpts)
	arrOfSlices := [2][]int{{1}, {2, 3}}
	fmt.Println(arrOfSlices)
	str := "hello"
	fmt.Println(str[1:3], str[:0] == "", str[4:])
	sl := src[:]
	sl2 := sl[len(sl)-2:]
	fmt.Println(sl2, cap(sl2))
	var a3 [3]int
	a3s := a3[:]
	a3s[1] = 5
	fmt.Println(a3)
	x := make([]int, 2, 5)
	y := append(x, 1)
	z := append(x, 2)
	fmt.Println(y, z)
	r := []rune("héllo")
	fmt.Println(len(r), string(r[1]))
	words := []string{}
	for i := 0; i < 3; i++ {
		words = append(words, fmt.Sprint("w", i))
	}
	fmt.Printf("%v %q %d\n", words, words, len(words))
}
