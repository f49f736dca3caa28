package main

import (
	"fmt"
	"strconv"
)

// Money formats itself, honouring width, precision and flags.
type Money int64

func (m Money) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		s := fmt.Sprintf("$%d.%02d", int64(m)/100, int64(m)%100)
		if f.Flag('+') {
			s = "+" + s
		}
		if w, ok := f.Width(); ok && len(s) < w {
			for i := len(s); i < w; i++ {
				f.Write([]byte(" "))
			}
		}
		f.Write([]byte(s))
	default:
		fmt.Fprintf(f, "%%!%c(Money=%d)", verb, int64(m))
	}
}

type Temp float64

func (t Temp) String() string { return strconv.FormatFloat(float64(t), 'f', 1, 64) + "°C" }

type Pair struct {
	Price Money
	T     Temp
}

func main() {
	fmt.Printf("[%v] [%8v] [%+v] [%d]\n", Money(1234), Money(5), Money(99), Money(7))
	fmt.Println(Money(250), Temp(21.5), Pair{Money(100), Temp(-3)})
	fmt.Printf("%v %+v\n", Pair{1, 2}, []Money{1, 20})
	fmt.Printf("%s|%10s|%-10s|\n", Temp(1), Temp(2), Temp(3))
}
