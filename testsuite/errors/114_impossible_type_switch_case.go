package main
type I interface{ M() }
type T struct{}
func (t *T) M() {}
func main() {
	var i I = T{}
	_ = i.(T)
	var x int
	_ = x.(int)
	switch y := x.(type) {}
	switch z := i.(type) {
	case int:
	}
	_ = i.(string)
}
