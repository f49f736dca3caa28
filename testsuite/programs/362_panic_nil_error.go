// panic(nil) raises a *runtime.PanicNilError, a runtime.Error.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

func main() {
	defer func() {
		r := recover()
		fmt.Printf("%T\n", r)
		err, ok := r.(error)
		fmt.Println(ok, err)
		var re runtime.Error
		fmt.Println(errors.As(err, &re))
		var pe *runtime.PanicNilError
		fmt.Println(errors.As(err, &pe))
	}()
	panic(nil)
}
