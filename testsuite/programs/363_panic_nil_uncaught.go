// An unrecovered panic(nil) reports gc's runtime error.
package main

func main() {
	var v any
	panic(v)
}
