package main

import "fmt"

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

var order []string

func init() {
	for x := range seq(2) {
		defer func() { order = append(order, fmt.Sprint("init defer ", x)) }()
	}
	order = append(order, "init body")
}

type T struct{ name string }

func (t T) loop() (out []string) {
	defer func() { out = append(out, "method end") }()
	for x := range seq(2) {
		defer func() { out = append(out, fmt.Sprint(t.name, x)) }()
	}
	return []string{"start"}
}

func deep() {
	n := 0
top:
	n++
	for a := range seq(3) {
		for b := range seq(3) {
			for c := range seq(3) {
				defer fmt.Println("deep defer", n, a, b, c)
				if c == 1 {
					if n < 2 {
						goto top
					}
					goto end
				}
			}
		}
	}
end:
	fmt.Println("deep end", n)
}

func lit() {
	for x := range seq(2) {
		f := func() {
			defer fmt.Println("lit's own defer", x)
			for y := range seq(2) {
				defer fmt.Println("lit body defer", x, y)
			}
		}
		f()
		defer fmt.Println("lit outer defer", x)
	}
	fmt.Println("lit end")
}

func goBody() {
	done := make(chan bool)
	for x := range seq(2) {
		go func() {
			defer func() { done <- true }()
			for y := range seq(2) {
				defer fmt.Println("goroutine defer", x, y)
			}
		}()
		<-done
	}
}

func main() {
	fmt.Println(order)
	fmt.Println(T{"t"}.loop())
	deep()
	lit()
	goBody()
}
