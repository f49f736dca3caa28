package main

import "fmt"

func main() {
	for i, r := range "héllo, 世界" {
		fmt.Printf("%d %q %U\n", i, r, r)
	}
	// Invalid UTF-8 yields U+FFFD, one byte at a time.
	bad := "a\xffb\xe4\xb8"
	for i, r := range bad {
		fmt.Printf("%d %q %d\n", i, r, r)
	}
	n := 0
	for range "日本語" {
		n++
	}
	fmt.Println(n, len("日本語"))
}
