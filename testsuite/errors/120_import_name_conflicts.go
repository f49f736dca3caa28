package main

import main "fmt"
import init "os"
import . "strings"
import "math"

var math = 1

func main() { main.Println() }
