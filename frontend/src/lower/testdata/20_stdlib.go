package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type person struct {
	name string
	age  int
}

func main() {
	xs := []int{5, 2, 8, 1, 9}
	slices.Sort(xs)
	fmt.Println(xs, slices.Contains(xs, 8), slices.Index(xs, 9), slices.Max(xs), slices.Min(xs))
	ps := []person{{"bob", 30}, {"al", 25}, {"cy", 35}}
	slices.SortFunc(ps, func(a, b person) int { return a.age - b.age })
	fmt.Println(ps)
	ys := slices.Clone(xs)
	slices.Reverse(ys)
	fmt.Println(ys, xs, slices.Equal(xs, ys))
	idx, found := slices.BinarySearch(xs, 5)
	fmt.Println(idx, found)
	fmt.Println(strings.Fields(" a b  c "), strings.Count("cheese", "e"), strings.LastIndex("go gopher", "go"))
	fmt.Println(strings.Map(func(r rune) rune { return unicode.ToUpper(r) }, "héllo"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.TrimLeft("xxhi", "x"), strings.TrimFunc("123abc456", unicode.IsDigit))
	fmt.Println(utf8.RuneCountInString("héllo"), utf8.ValidString("a\xffb"), utf8.RuneLen('世'))
	n, err := strconv.Atoi("123x")
	fmt.Println(n, err)
	v, _ := strconv.ParseFloat("3.25", 64)
	fmt.Println(v, strconv.Quote("hi\n"), strconv.FormatInt(-255, 16))
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d-%s", 7, "x")
	fmt.Println(sb.String())
	parts := strings.SplitN("a,b,c,d", ",", 2)
	fmt.Println(parts, len(parts))
	fmt.Println(strings.ContainsRune("abc", 'b'), strings.IndexByte("abc", 'c'), strings.ContainsAny("abc", "xyzc"))
}
