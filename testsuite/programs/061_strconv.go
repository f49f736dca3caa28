package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(-45), strconv.FormatInt(255, 2), strconv.FormatInt(-255, 16))
	n, err := strconv.Atoi("1234")
	fmt.Println(n, err)
	_, err = strconv.Atoi("99999999999999999999")
	fmt.Println(err)
	f, err := strconv.ParseFloat("3.25e2", 64)
	fmt.Println(f, err)
	b, err := strconv.ParseBool("true")
	fmt.Println(b, err)
	i, err := strconv.ParseInt("-ff", 16, 32)
	fmt.Println(i, err)
	u, err := strconv.ParseUint("300", 10, 8)
	fmt.Println(u, err)
	fmt.Println(strconv.Quote("hi\n\"there\""), strconv.QuoteRune('☺'), strconv.QuoteToASCII("日本"))
	s, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", s, err)
	fmt.Println(strconv.FormatFloat(1.5, 'f', 3, 64), strconv.FormatFloat(1234567.0, 'e', -1, 64), strconv.FormatFloat(0.1, 'g', -1, 32))
	fmt.Println(string(strconv.AppendInt([]byte("n="), 42, 10)))
}
