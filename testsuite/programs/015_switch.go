package main

import "fmt"

func kind(c byte) string {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return "vowel"
	case ' ':
		return "space"
	default:
		return "consonant"
	}
}

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for _, c := range []byte("hi u") {
		fmt.Println(string(c), kind(c))
	}
	fmt.Println(grade(95), grade(85), grade(10))
	for i := 0; i < 4; i++ {
		switch i {
		case 0:
			fmt.Println("zero")
			fallthrough
		case 1:
			fmt.Println("zero or one")
		case 2:
			fmt.Println("two")
			if i == 2 {
				break
			}
			fmt.Println("unreachable")
		default:
			fmt.Println("other")
		}
	}
	switch x := 5; {
	case x > 3:
		fmt.Println("x > 3")
	}
	switch f := 2.5; f {
	case 2.5:
		fmt.Println("float tag")
	}
}
