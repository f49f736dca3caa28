package main

func main() {
	var small int8 = 300
	_ = small
}
