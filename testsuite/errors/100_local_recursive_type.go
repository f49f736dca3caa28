package main
func main() {
	type L struct{ l L }
	type M [2]M
	type N = []N
	var _ L
}
