package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func find(key string) error {
	if key == "" {
		return &QueryError{"empty", ErrNotFound}
	}
	return fmt.Errorf("find %q: %w", key, ErrNotFound)
}

func main() {
	err := find("x")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	err = find("")
	var qe *QueryError
	fmt.Println(errors.As(err, &qe), qe.Query, errors.Is(err, ErrNotFound))
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num)
	joined := errors.Join(errors.New("a"), errors.New("b"))
	fmt.Println(joined)
	var nilErr error
	fmt.Println(nilErr == nil, nilErr)
}
