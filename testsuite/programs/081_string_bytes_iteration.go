package main

import "fmt"

func main() {
	s := "Añ€"
	for i := 0; i < len(s); i++ {
		fmt.Printf("%d:%02x ", i, s[i])
	}
	fmt.Println()
	fmt.Printf("%c %v %T\n", s[0], s[0], s[0])
	b := []byte(s)
	fmt.Printf("%v\n%x\n% X\n", b, b, b)
	fmt.Printf("%q %+q %x\n", s, s, s)
	fmt.Printf("%s|%v|%q\n", []byte("raw"), []byte("raw"), []byte("raw"))
	fmt.Printf("%q\n", "\x00\a\b\f\n\r\t\v\\\x7f")
}
