// The ranges of strconv.IsPrint, pasted into fmt/isprint.rs.
// Regenerate (from rt/src/fmt/testdata): go run gen_isprint/main.go
package main

import (
	"fmt"
	"strconv"
)

func main() {
	var ranges [][2]rune
	in := false
	var lo rune
	for r := rune(0); r <= 0x10FFFF; r++ {
		p := strconv.IsPrint(r)
		if p && !in {
			lo = r
			in = true
		} else if !p && in {
			ranges = append(ranges, [2]rune{lo, r - 1})
			in = false
		}
	}
	if in {
		ranges = append(ranges, [2]rune{lo, 0x10FFFF})
	}
	fmt.Println("// Generated with go1.27.3 from strconv.IsPrint: inclusive ranges of")
	fmt.Println("// printable runes.")
	fmt.Printf("pub static PRINT_RANGES: [(u32, u32); %d] = [\n", len(ranges))
	for _, r := range ranges {
		fmt.Printf("    (0x%x, 0x%x),\n", r[0], r[1])
	}
	fmt.Println("];")
}
