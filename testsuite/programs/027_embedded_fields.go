package main

import "fmt"

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string {
	return fmt.Sprintf("%s has %d legs", a.Name, a.Legs)
}

func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

type Loud struct {
	*Dog
	Volume int
}

func main() {
	d := Dog{Animal{"rex", 4}, "collie"}
	fmt.Println(d.Name, d.Legs, d.Breed)
	fmt.Println(d.Describe())
	d.Rename("max")
	fmt.Println(d.Animal.Name)
	fmt.Printf("%v\n%+v\n", d, d)
	l := Loud{&d, 11}
	l.Rename("maximus")
	fmt.Println(d.Name, l.Describe(), l.Volume)
}
