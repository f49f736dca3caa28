package main

import "fmt"
import "fmt"
import os "strings"
import "os"

func main() {
	fmt.Println()
	_ = os.Args
}
