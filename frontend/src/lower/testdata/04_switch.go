package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }
type Sq struct{ s float64 }
type Ci struct{ r float64 }

func (s Sq) Area() float64  { return s.s * s.s }
func (c *Ci) Area() float64 { return 3 * c.r * c.r }

func classify(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string " + x
	case error:
		return "error " + x.Error()
	case Shape:
		return fmt.Sprintf("shape %.1f", x.Area())
	case []int:
		return fmt.Sprint("slice ", len(x))
	case func() int:
		return fmt.Sprint("func ", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	case n >= 70:
		fallthrough
	case n >= 60:
		return "C/D"
	}
	return "F"
}

func main() {
	for _, v := range []interface{}{nil, 1, int64(2), "s", errors.New("e"), Sq{2}, &Ci{1}, []int{1, 2}, func() int { return 7 }, 3.5, Ci{1}} {
		fmt.Println(classify(v))
	}
	for _, n := range []int{95, 85, 75, 65, 5} {
		fmt.Print(grade(n), " ")
	}
	fmt.Println()
	for i := 0; i < 6; i++ {
		switch i {
		case 0:
			fmt.Print("zero ")
		case 1, 2:
			fmt.Print("small ")
			if i == 2 {
				break
			}
			fmt.Print("one ")
		case 3:
			fmt.Print("three ")
			fallthrough
		case 4:
			fmt.Print("four-ish ")
		default:
			fmt.Print("big ")
		}
	}
	fmt.Println()
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			switch {
			case j == 2:
				continue outer
			case i == 2:
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	calls := 0
	tag := func() int { calls++; return 2 }
	switch tag() {
	case 1:
	case 2:
		fmt.Println("two", calls)
	case 3:
	}
	switch x := 5; x {
	case 5:
		fmt.Println("five")
	}
	var e error = errors.New("boom")
	switch e.(type) {
	case fmt.Stringer:
		fmt.Println("stringer")
	default:
		fmt.Println("plain error")
	}
	i := 0
loop:
	if i < 3 {
		fmt.Print("goto", i, " ")
		i++
		goto loop
	}
	fmt.Println()
}
