package main

import "fmt"

func main() {
	ages := map[string]int{"carol": 41, "alice": 30, "bob": 25, "dave": 19}
	// Map iteration order is unspecified: collect and sort the keys.
	keys := make([]string, 0, len(ages))
	for k := range ages {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	for _, k := range keys {
		fmt.Println(k, ages[k])
	}
	sum := 0
	for _, v := range ages {
		sum += v
	}
	fmt.Println("sum:", sum)
	one := map[int]string{7: "seven"}
	for k, v := range one {
		fmt.Println(k, v)
	}
	var nilMap map[string]int
	for range nilMap {
		fmt.Println("never")
	}
	fmt.Println(ages)
}
