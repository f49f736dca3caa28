package main
func f(x int, x string) {}
func g() (r int, r int) { return }
func h(a int) (a int) { return }
func main() {
	for a, a := range []int{} { _ = a }
	a, a := 1, 2
	_ = a
}
