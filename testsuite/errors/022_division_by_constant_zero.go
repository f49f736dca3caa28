package main

func main() {
	n := 10
	_ = n / 0
}
