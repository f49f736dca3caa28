package main

import "fmt"

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func join(sep string, parts ...string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func count(xs ...interface{}) int { return len(xs) }

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	xs := []int{4, 5, 6}
	fmt.Println(sum(xs...))
	fmt.Println(join("-", "a", "b", "c"), join(","))
	fmt.Println(count(1, "a", nil), count(), count(nil))
	var none []int
	fmt.Println(sum(none...))
}
