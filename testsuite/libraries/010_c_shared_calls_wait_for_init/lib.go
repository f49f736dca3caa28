// Exported functions called while the package initialisers still run
// (here a slow init) wait for them, from every thread that calls.
package main

import "C"

import "time"

var table []int

func init() {
	time.Sleep(200 * time.Millisecond)
	for i := 0; i < 10; i++ {
		table = append(table, i*i)
	}
}

//export Lookup
func Lookup(i int) int {
	return table[i]
}

func main() {}
