// rgo:env GREETING=bonjour
// rgo:env GOGC=50
package main

import (
	"fmt"
	"os"
	"runtime/debug"
)

func main() {
	fmt.Println(os.Getenv("GREETING"))
	v, ok := os.LookupEnv("RGO_SURELY_UNSET_VARIABLE")
	fmt.Printf("%q %v\n", v, ok)
	// The runtime reads GOGC at start-up: the previous setting is returned.
	fmt.Println(debug.SetGCPercent(100))
	fmt.Println(debug.SetGCPercent(100))
	os.Setenv("GREETING", "hello")
	fmt.Println(os.Getenv("GREETING"))
}
