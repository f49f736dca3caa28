package main
type T struct{ f int }
func (int) m() {}
func (t T) f() {}
func (t T) g() {}
func (t *T) g() {}
type P *T
func (p P) h() {}
func (t **T) k() {}
type I interface{ m(); m() }
func (i I) x() {}
func main() {}
