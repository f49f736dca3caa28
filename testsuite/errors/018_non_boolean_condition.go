package main

func main() {
	n := 1
	if n {
		n++
	}
}
