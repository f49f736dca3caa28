package main

import "fmt"

type Greeter struct{ name string }

func (g Greeter) Greet(greeting string) string { return greeting + ", " + g.name }

func (g *Greeter) SetName(n string) { g.name = n }

func main() {
	g := Greeter{"ann"}
	f := g.Greet // bound to a copy of g
	g.name = "bob"
	fmt.Println(f("hi"), g.Greet("hey"))
	set := g.SetName
	set("cid")
	fmt.Println(g.name)
	expr := Greeter.Greet
	fmt.Println(expr(Greeter{"dan"}, "yo"))
	pexpr := (*Greeter).SetName
	pexpr(&g, "eve")
	fmt.Println(g.name)
	fmt.Printf("%T\n", expr)
}
