package main

func main() {
	x := 1
	_ = x[0]
	var f func()
	_ = f[1:2]
	var p *[]int
	_ = p[0]
}
