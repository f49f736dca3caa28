package main

var registry []string

func (s shape) area() int {
	return square(s.side)
}

func square(n int) int { return n * n }

func init() {
	registry = append(registry, "util.go")
}
