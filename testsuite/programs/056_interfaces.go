package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64         { return r.W * r.H }
func (r Rect) Perimeter() float64    { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c *Circle) String() string     { return fmt.Sprintf("circle(%g)", c.R) }

func describe(i interface{}) string {
	switch v := i.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", v)
	case string, []byte:
		return fmt.Sprintf("text %v", v)
	case fmt.Stringer:
		return "stringer " + v.String()
	case error:
		return "error " + v.Error()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}}
	for _, s := range shapes {
		fmt.Printf("%T %.3f %.3f\n", s, s.Area(), s.Perimeter())
	}
	var s Shape = Rect{1, 2}
	r, ok := s.(Rect)
	fmt.Println(r, ok)
	_, ok = s.(*Circle)
	fmt.Println(ok)
	fmt.Println(describe(nil), "|", describe(42), "|", describe("hi"), "|", describe(&Circle{2}), "|", describe(3.5))
	var empty interface{}
	fmt.Println(empty == nil, s != nil)
	var cp *Circle
	var sh Shape = cp
	fmt.Println(sh == nil, cp == nil)
	var a, b interface{} = 1, 1
	fmt.Println(a == b, a != interface{}("1"))
	fmt.Println(shapes[1])
}
