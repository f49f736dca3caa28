package main

import "fmt"

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Label    string
}

func move(p Point) Point {
	p.X++
	return p
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p, q, move(p), p)
	fmt.Println(p == Point{1, 2}, p == q)
	r := Rect{Min: Point{0, 0}, Max: Point{3, 4}, Label: "box"}
	fmt.Println(r)
	fmt.Printf("%+v\n", r)
	fmt.Printf("%v\n", &p)
	fmt.Printf("%+v\n", &r)
	anon := struct {
		Name string
		Age  int
	}{"ann", 30}
	fmt.Printf("%v %+v\n", anon, anon)
	var zero Rect
	fmt.Printf("%+v\n", zero)
	pr := &r
	pr.Max.Y = 40
	fmt.Println(r.Max)
}
