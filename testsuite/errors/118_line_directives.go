package main

//line gen.go:10
func main() {
	x := 1
/*line other.go:20:5*/ y := 2
	var z int = "s"
}
