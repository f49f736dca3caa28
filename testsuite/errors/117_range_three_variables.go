package main

func main() {
	for i, j, k := range []int{} {
	}
	x := 1
}
