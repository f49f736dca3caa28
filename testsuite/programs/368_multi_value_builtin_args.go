// A multi-value call as the whole argument list of a built-in:
// append, copy, delete, complex, min, max, print, println.
package main

func three() ([]int, int, int) { return []int{0}, 5, 6 }
func two() (float64, float64) { return 1, 2 }
func mm() (int, int, int)       { return 4, 2, 9 }
func cs() ([]byte, string)      { return make([]byte, 3), "hello" }
func dm() (map[string]int, string) { return map[string]int{"a": 1, "b": 2}, "a" }

func main() {
	println(len(append(three())))
	println(complex(two()))
	println(min(mm()), max(mm()))
	b, _ := cs()
	println(copy(cs()), string(b))
	m, _ := dm()
	delete(dm())
	println(len(m))
	print(two())
	println()
}
