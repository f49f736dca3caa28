// String building: concatenation, strings.Builder, conversions and
// formatting, creating many short-lived strings. Prints a checksum.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	checksum := 0
	for round := 0; round < 160; round++ {
		var b strings.Builder
		for i := 0; i < 20000; i++ {
			b.WriteString(strconv.Itoa(i))
			b.WriteByte(',')
		}
		s := b.String()
		parts := strings.Split(s, ",")
		checksum += len(s) + len(parts)
		joined := ""
		for i := 0; i < 1000; i++ {
			joined += parts[i]
		}
		checksum += len(joined)
		for i := 0; i < 5000; i++ {
			t := fmt.Sprintf("%d:%s", i, parts[i%len(parts)])
			checksum += len(t)
		}
		checksum += strings.Count(strings.ToUpper(s), "1")
	}
	fmt.Println(checksum)
}
