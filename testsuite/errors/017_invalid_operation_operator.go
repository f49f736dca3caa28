package main

func main() {
	s := "text"
	_ = -s
}
