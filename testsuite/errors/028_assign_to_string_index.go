package main

func main() {
	s := "immutable"
	s[0] = 'I'
}
