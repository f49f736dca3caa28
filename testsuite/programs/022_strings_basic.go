package main

import "fmt"

func main() {
	s := "hello"
	t := s + ", " + "world"
	fmt.Println(t, len(t))
	fmt.Println(s[0], s[1:3], s[:2], s[3:], string(s[4]))
	fmt.Println("abc" < "abd", "abc" < "ab", "Z" < "a", "x" == "x")
	u := s
	u += "!"
	fmt.Println(s, u)
	fmt.Println(len(""), "" == "")
	multi := `raw
string \n`
	fmt.Println(multi)
	fmt.Println("tab\there", "quote\"", "back\\slash", "\u00e9\U0001F600")
	var b []byte
	for i := 0; i < len(s); i++ {
		b = append(b, s[len(s)-1-i])
	}
	fmt.Println(string(b))
}
