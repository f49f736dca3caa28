package main

import (
	"errors"
	"fmt"
)

func main() {
	defer fmt.Println("deferred in main runs before the crash report")
	fmt.Println("start")
	panic(errors.New("fatal: " + fmt.Sprint(1, 2)))
}
