package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "Hello, 世界! \xff"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.ValidString(s), utf8.ValidString("ok"))
	r, size := utf8.DecodeRuneInString("世界")
	fmt.Printf("%c %d\n", r, size)
	r, size = utf8.DecodeRuneInString("\xff")
	fmt.Printf("%q %d\n", r, size)
	r, size = utf8.DecodeLastRuneInString("añ")
	fmt.Printf("%c %d\n", r, size)
	fmt.Println(utf8.RuneLen('a'), utf8.RuneLen('é'), utf8.RuneLen('世'), utf8.RuneLen('😀'), utf8.RuneLen(-1))
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '€')
	fmt.Println(buf[:n], n)
	fmt.Println(string(utf8.AppendRune(nil, 0x10FFFF)) == "\U0010FFFF")
	upper, letters, digits := 0, 0, 0
	for _, r := range "Go 1.27 Ünïcode" {
		if unicode.IsUpper(r) {
			upper++
		}
		if unicode.IsLetter(r) {
			letters++
		}
		if unicode.IsDigit(r) {
			digits++
		}
	}
	fmt.Println(upper, letters, digits, string(unicode.ToUpper('ß')), string(unicode.ToLower('Ä')))
}
