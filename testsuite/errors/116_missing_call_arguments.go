package main

type T int

func (T) M(a int) {}

func f(a int, b string) {}

func main() {
	f()
	T.M()
	func(int) {}()
	_ = T()
}
