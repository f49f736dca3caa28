package main

import (
	"fmt"
	"math"
)

type Celsius float64
type Miles int
type Bytes []byte
type Str string

const Big = 1 << 62
const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

func main() {
	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	var u16 uint16 = 65535
	u16 += 2
	fmt.Println(i8, u8, u16)
	x := 300
	fmt.Println(int8(x), uint8(x), int16(x), uint32(-1*x))
	f := 3.99
	fmt.Println(int(f), int(-f), int64(math.Floor(-2.5)), uint8(f))
	fmt.Println(float32(1)/3, float64(float32(0.1)), Celsius(36.6), Miles(5)+2)
	big := int64(Big)
	fmt.Println(big, KB, MB, GB, big>>60)
	fmt.Println(Monday, Tuesday+0, Weekday(0), fmt.Sprint(Sunday))
	fmt.Printf("%d %v %s\n", Monday, Monday, Monday)
	b := Bytes("hi")
	s := Str(b)
	fmt.Println(b, s, string(b), []byte(s))
	r := rune(0x4e16)
	fmt.Println(string(r), string(rune(65)), []rune("ab"), string([]rune{0x4e16, 'x'}))
	var u uint = 1<<64 - 1
	fmt.Println(u, int64(u), uint32(u>>40))
	n := -7
	fmt.Println(n/2, n%2, n>>1, uint(n)>>60, -n/2, 7/-2, 7%-2)
	var sh uint = 70
	fmt.Println(1<<sh == 0, int32(1)<<30, int64(-1)>>63, uint8(1)<<7)
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32)
	fl := 1e100
	fmt.Println(int64(fl) == math.MinInt64, math.Inf(1) > 0, math.NaN() == math.NaN())
	c := complex(1, 2)
	fmt.Println(c*c, real(c), imag(c), c == complex(1, 2))
	var c64 complex64 = 3 + 4i
	fmt.Println(c64, real(c64))
	fmt.Println(0.1+0.2 == 0.3, float32(0.1)+float32(0.2) == float32(0.3))
	h := 0xFF
	o := 0o17
	bb := 0b1010
	fmt.Println(h, o, bb, 1_000_000, 'a', '\n')
	var any interface{} = Celsius(5)
	if cc, ok := any.(Celsius); ok {
		fmt.Println(cc + 1)
	}
	fmt.Printf("%T %T %T\n", any, Monday, b)
	fmt.Println(^0, ^uint8(1), 5&^3, 6|1, 6^3)
}
