package main

func helper(x int) int

func main() {
	_ = helper(1)
}
