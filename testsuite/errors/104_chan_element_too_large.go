package main

var c chan [70000]byte

func f() {
	_ = make(chan [1 << 17]byte)
}

func main() {
	var d chan [1 << 16]byte
	_ = d
	f()
}
