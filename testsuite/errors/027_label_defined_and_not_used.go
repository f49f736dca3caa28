package main

func main() {
unused:
	for {
		return
	}
}
