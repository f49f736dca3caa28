package main

type Speaker interface {
	Speak() string
}

type Cat struct{}

func (c *Cat) Speak() string { return "meow" }

func main() {
	var s Speaker = Cat{}
	_ = s
}
