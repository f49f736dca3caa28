package main

import "fmt"

type Buffer struct {
	data [4]int
	list []int
	name string
}

func modify(b Buffer) {
	b.data[0] = 100
	b.list[0] = 100
	b.name = "changed"
}

func main() {
	b := Buffer{data: [4]int{1, 2, 3, 4}, list: []int{1, 2}, name: "orig"}
	modify(b)
	fmt.Println(b.data, b.list, b.name)
	c := b
	c.data[1] = 200
	c.list[1] = 200
	fmt.Println(b.data, b.list)
	arr := []Buffer{b, b}
	arr[0].name = "first"
	for _, x := range arr {
		x.name = "not stored"
	}
	fmt.Println(arr[0].name, arr[1].name)
	for i := range arr {
		arr[i].name = "stored"
	}
	fmt.Println(arr[0].name, arr[1].name)
	m := map[string]Buffer{"k": b}
	fmt.Println(m["k"].name)
}
