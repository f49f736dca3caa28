package main

import "fmt"

type Counter struct {
	n int
}

func (c Counter) Value() int { return c.n }

func (c *Counter) Incr() { c.n++ }

func (c Counter) IncrCopy() { c.n++ }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type List []int

func (l List) Sum() (s int) {
	for _, v := range l {
		s += v
	}
	return
}

func main() {
	var c Counter
	c.Incr()
	c.Incr()
	c.IncrCopy()
	fmt.Println(c.Value())
	p := &c
	p.Incr()
	fmt.Println(p.Value(), c.n)
	fmt.Println(Temp(21.5))
	fmt.Println(List{1, 2, 3}.Sum())
}
