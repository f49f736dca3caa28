package main

func half(f float64) float64 { return f / 2 }

func main() {
	name := "x"
	_ = half(name)
}
