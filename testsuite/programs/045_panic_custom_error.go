package main

import "fmt"

type ValidationError struct {
	Field string
	Code  int
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s (code %d)", e.Field, e.Code)
}

func validate() error {
	return &ValidationError{"email", 42}
}

func main() {
	err := validate()
	fmt.Println("got:", err)
	panic(err)
}
