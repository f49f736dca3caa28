package main

import "fmt"
import "a b"

func main() { fmt.Println() }
