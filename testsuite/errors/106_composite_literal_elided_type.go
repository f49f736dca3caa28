package main
type P struct{ x int }
func main() {
	_ = []*P{{1}}
	_ = map[P]int{{1}: 2}
	_ = P{{1}}
	_ = [][]int{{1}, {2}}
	var m map[[]int]int
	var n map[func()]int
	type K struct{ s []int }
	var o map[K]bool
	_, _, _ = m, n, o
}
