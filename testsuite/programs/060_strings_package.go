package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "  The quick brown fox  "
	fmt.Printf("%q\n", strings.TrimSpace(s))
	fmt.Println(strings.Fields(s), len(strings.Fields(s)))
	fmt.Println(strings.Split("a,b,,c", ","), len(strings.Split("", ",")))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "/"))
	fmt.Println(strings.Repeat("ab", 3), strings.ToUpper("mixed Case"), strings.ToLower("ÀB"))
	fmt.Println(strings.Contains("seafood", "foo"), strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"))
	fmt.Println(strings.Index("chicken", "ken"), strings.Index("chicken", "dmr"), strings.LastIndex("go gopher", "go"))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "o", "0"))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.Title("x"), strings.TrimLeft("xxhixx", "x"), strings.TrimSuffix("file.go", ".go"))
	var b strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "%d;", i)
	}
	b.WriteString("end")
	b.WriteByte('.')
	b.WriteRune('✓')
	fmt.Println(b.String(), b.Len())
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Compare("a", "b"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.Map(func(r rune) rune { return r + 1 }, "HAL"))
}
