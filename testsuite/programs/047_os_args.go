// rgo:args alpha beta "gamma" 42
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	fmt.Println(len(os.Args))
	fmt.Println(filepath.Base(os.Args[0]))
	for i, a := range os.Args[1:] {
		fmt.Printf("%d: %q\n", i+1, a)
	}
}
