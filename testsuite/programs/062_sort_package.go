package main

import (
	"fmt"
	"slices"
	"sort"
)

type person struct {
	name string
	age  int
}

func main() {
	ints := []int{5, 2, 8, 1, 9, 3}
	sort.Ints(ints)
	fmt.Println(ints, sort.IntsAreSorted(ints), sort.SearchInts(ints, 8))
	strs := []string{"pear", "apple", "fig"}
	sort.Strings(strs)
	fmt.Println(strs)
	people := []person{{"al", 30}, {"bo", 25}, {"cy", 30}, {"di", 20}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people)
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	fl := []float64{2.5, -1, 3.75}
	slices.Sort(fl)
	fmt.Println(fl, slices.Contains(fl, 3.75), slices.Index(fl, 2.5))
	fmt.Println(slices.Max(ints), slices.Min(ints))
}
