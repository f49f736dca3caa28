package main

import "fmt"

func main() {
	m := make(map[string]int)
	m["one"] = 1
	m["two"] = 2
	m["three"] = 3
	fmt.Println(len(m), m["two"], m["missing"])
	v, ok := m["one"]
	fmt.Println(v, ok)
	v, ok = m["nope"]
	fmt.Println(v, ok)
	delete(m, "one")
	delete(m, "never there")
	fmt.Println(len(m), m)
	m["two"] += 20
	m["new"]++
	fmt.Println(m)
	var nilMap map[string]bool
	fmt.Println(nilMap["x"], len(nilMap), nilMap == nil)
	delete(nilMap, "x")
	lit := map[int]string{3: "c", 1: "a", 2: "b"}
	fmt.Println(lit)
	counts := map[rune]int{}
	for _, r := range "mississippi" {
		counts[r]++
	}
	fmt.Println(counts)
	nested := map[string][]int{}
	nested["a"] = append(nested["a"], 1, 2)
	fmt.Println(nested)
	clear(lit)
	fmt.Println(len(lit))
}
