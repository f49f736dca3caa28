// strconv.ParseFloat results: the table behind rt's ParseFloat test.
// Regenerate (from rt/src/fmt/testdata): go run gen_parsefloat/main.go > parsefloat.txt
package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

func main() {
	in := []string{"1", "-1.5", "+2.5e3", "1e400", "-1e400", "1e-400", "inf", "+Inf", "-infinity", "NaN", "nan", "+nan", "infin", "1_000.5", "1__0", "_1", "0x1p-2", "0x1.8p1", "0X_1FFFP-16", "0x1p", "1e", ".5", "5.", ".", "", "abc", "1.5x", "3.4028235e38", "3.5e38", "0.1", "1e23", "4.9e-324", "2.4e-324", "0x1.fffffffffffff8p1023", "00012", "1E+2", "0x10", "1_e5"}
	fmt.Println("# strconv.ParseFloat from go1.27.3: input(quoted) bitsize bits err(0 ok,1 syntax,2 range)")
	for _, s := range in {
		for _, bs := range []int{64, 32} {
			f, err := strconv.ParseFloat(s, bs)
			code := 0
			if errors.Is(err, strconv.ErrSyntax) {
				code = 1
			} else if errors.Is(err, strconv.ErrRange) {
				code = 2
			}
			fmt.Printf("%q %d %016x %d\n", s, bs, math.Float64bits(f), code)
		}
	}
}
