// Regenerate with the official toolchain: go run testdata/gen_grow/main.go > testdata/grow.txt (from rt/src).
// Prints the capacity gc gives append(make([]T, c, c), make([]T, extra)...)
// for element types of many sizes, with and without pointers: the table
// behind rt's growslice test (testdata/grow.txt).
package main

import (
	"fmt"
	"reflect"
)

func main() {
	noscan := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 17, 24, 32, 33, 48, 64, 100, 128, 200, 256, 1000, 1024, 2000, 4096, 5000, 10000, 40000}
	scan := []int{8, 16, 24, 32, 40, 48, 64, 72, 800, 1024, 520, 4096, 40000}
	caps := []int{0, 1, 2, 3, 5, 7, 8, 15, 16, 31, 100, 255, 256, 257, 300, 511, 512, 1000, 1024, 2000, 5000, 10000, 100000}
	fmt.Println("# cap() after append(make([]T, cap, cap), extra...) from go1.27.3: elemsize noscan oldcap newlen cap")
	var types []reflect.Type
	for _, n := range noscan {
		types = append(types, reflect.ArrayOf(n, reflect.TypeOf(byte(0))))
	}
	for _, n := range scan {
		types = append(types, reflect.StructOf([]reflect.StructField{
			{Name: "P", Type: reflect.TypeOf((*int)(nil))},
			{Name: "B", Type: reflect.ArrayOf(n-8, reflect.TypeOf(byte(0)))},
		}))
	}
	for i, t := range types {
		for _, c := range caps {
			for _, extra := range []int{1, 3} {
				s := reflect.MakeSlice(reflect.SliceOf(t), c, c)
				s = reflect.AppendSlice(s, reflect.MakeSlice(reflect.SliceOf(t), extra, extra))
				fmt.Println(t.Size(), i < len(noscan), c, c+extra, s.Cap())
			}
		}
	}
}
