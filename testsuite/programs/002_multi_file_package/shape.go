package main

import "fmt"

type shape struct {
	name string
	side int
}

func newShape(name string, side int) shape {
	return shape{name: name, side: side}
}

func (s shape) describe() string {
	return fmt.Sprintf("%s with side %d", s.name, s.side)
}

func init() {
	registry = append(registry, "shape.go")
}
