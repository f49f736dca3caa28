package main

import (
	"bufio"
	"fmt"
	"strings"
)

type Celsius float64

// Point scans itself from "(x,y)".
type Point struct{ X, Y int }

func (p *Point) Scan(st fmt.ScanState, verb rune) error {
	_, err := fmt.Fscanf(st, "(%d,%d)", &p.X, &p.Y)
	return err
}

func main() {
	var a, b int
	var s string
	var f float64
	n, err := fmt.Sscanf("10 apples 2.5", "%d %s %g", &a, &s, &f)
	fmt.Println(n, err, a, s, f)
	n, err = fmt.Sscanf("7-8", "%d-%d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("x", "%d", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscan("0x1f true", &a, new(bool))
	fmt.Println(n, err, a)
	n, err = fmt.Sscanln("1 2\n3", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	fmt.Println(n, err)
	var c Celsius
	var p Point
	n, err = fmt.Sscan("36.6 (3,4)", &c, &p)
	fmt.Println(n, err, c, p)
	var q string
	n, err = fmt.Sscanf(`"a \"quoted\" word"`, "%q", &q)
	fmt.Println(n, err, q)
	var small int8
	n, err = fmt.Sscan("300", &small)
	fmt.Println(n, err, small)

	// Summing pairs until the input runs out.
	r := bufio.NewReader(strings.NewReader("1 2\n3 4\n5 6\n"))
	sum := 0
	for {
		var x, y int
		if _, err := fmt.Fscan(r, &x, &y); err != nil {
			fmt.Println("stop:", err)
			break
		}
		sum += x * y
	}
	fmt.Println("sum", sum)
}
