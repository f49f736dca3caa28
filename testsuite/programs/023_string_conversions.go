package main

import "fmt"

func main() {
	r := 'é'
	fmt.Println(string(r), string(rune(65)), string(rune(0x4e16)))
	fmt.Println(string(rune(-1)) == "\uFFFD")
	b := []byte("héllo")
	fmt.Println(b, len(b))
	b[0] = 'H'
	fmt.Println(string(b))
	runes := []rune("héllo, 世界")
	fmt.Println(runes, len(runes))
	runes[1] = 'e'
	fmt.Println(string(runes))
	fmt.Println(string([]byte{0x67, 0x6f}), string([]rune{0x1F600}))
	s := "abc"
	bs := []byte(s)
	bs[0] = 'x'
	fmt.Println(s, string(bs))
}
