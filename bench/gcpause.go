// The first user's program: 4M entries in a slice of structs, a map of
// pointers, a plain map and 200 sharded maps, then a forced collection.
package main

import (
	"fmt"
	"runtime"
)

type data struct {
	i, j int
}

func main() {
	var N = 4000000
	var structure []data
	myMap := make(map[int]*int)
	myMapPlain := make(map[int]int)
	splitMap := make([]map[int]int, 200)
	for i := range splitMap {
		splitMap[i] = make(map[int]int)
	}
	for i := 0; i < N; i++ {
		value := int(i)
		structure = append(structure, data{value, value})
		myMap[i] = &value
		myMapPlain[i] = value
		splitMap[i%200][i] = value
	}
	runtime.GC()
	fmt.Println(structure[0])
	fmt.Println(*myMap[1])
	fmt.Println(myMapPlain[2])
	fmt.Println(splitMap[0][0])
}
