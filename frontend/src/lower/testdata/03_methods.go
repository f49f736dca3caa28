package main

import (
	"fmt"
	"strings"
)

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b Base) Name() string      { return b.name }
func (b *Base) Rename(n string)  { b.name = n }
func (b Base) Describe() string  { return "I am " + b.name }

type Dog struct {
	Base
	breed string
}

func (d Dog) Sound() string { return "woof" }

type Cat struct {
	*Base
}

func (c Cat) Sound() string { return "meow" }

type Loud struct {
	Animal
	times int
}

func (l Loud) Sound() string { return strings.Repeat(l.Animal.Sound()+"!", l.times) }

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }
func (c Counter) Get() int { return c.n }

type Stringer interface{ String() string }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type List []int

func (l List) Sum() (s int) {
	for _, v := range l {
		s += v
	}
	return
}

func (l *List) Add(v int) { *l = append(*l, v) }

func main() {
	d := Dog{Base{"rex"}, "lab"}
	fmt.Println(d.Name(), d.Sound(), d.Describe(), d.name)
	d.Rename("max")
	fmt.Println(d.Name())
	c := Cat{&Base{"tom"}}
	c.Rename("felix")
	fmt.Println(c.Name(), c.Sound())
	animals := []Animal{d, c, &d, Loud{c, 2}}
	for _, a := range animals {
		fmt.Println(a.Name(), a.Sound())
	}
	var cnt Counter
	cnt.Inc()
	cnt.Inc()
	inc := cnt.Inc
	inc()
	get := cnt.Get
	cnt.Inc()
	fmt.Println(cnt.Get(), get())
	pc := &cnt
	pc.Inc()
	fmt.Println(pc.Get(), (*Counter).Get(pc), Counter.Get(cnt))
	f := (*Counter).Inc
	f(pc)
	fmt.Println(cnt.n)
	var s Stringer = Temp(21.55)
	fmt.Println(s, s.String(), Temp(3))
	fmt.Printf("%v %s %d\n", Temp(1), Temp(2), 3)
	var l List
	l.Add(1)
	l.Add(2)
	l.Add(3)
	fmt.Println(l, l.Sum(), len(l))
	nameOf := Animal.Name
	fmt.Println(nameOf(d))
	snd := animals[3].Sound
	fmt.Println(snd())
	if a, ok := animals[2].(*Dog); ok {
		fmt.Println("dog ptr", a.breed)
	}
	if _, ok := animals[0].(Cat); !ok {
		fmt.Println("not a cat")
	}
	var st fmt.Stringer = Temp(5)
	if t, ok := st.(Temp); ok {
		fmt.Println(float64(t) + 1)
	}
}
