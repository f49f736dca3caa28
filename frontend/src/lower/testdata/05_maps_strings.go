package main

import (
	"fmt"
	"strings"
)

type key struct {
	a int
	b string
}

func main() {
	m := map[string]int{}
	words := strings.Fields("the quick brown fox jumps over the lazy dog the end")
	for _, w := range words {
		m[w]++
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	for _, k := range keys {
		fmt.Print(k, "=", m[k], " ")
	}
	fmt.Println(len(m))
	v, ok := m["the"]
	fmt.Println(v, ok)
	v, ok = m["nope"]
	fmt.Println(v, ok)
	delete(m, "the")
	_, ok = m["the"]
	fmt.Println(ok, len(m))
	sk := map[key][]int{}
	sk[key{1, "a"}] = append(sk[key{1, "a"}], 1, 2)
	sk[key{1, "a"}] = append(sk[key{1, "a"}], 3)
	fmt.Println(sk[key{1, "a"}], len(sk[key{2, "b"}]))
	ik := map[interface{}]string{1: "int", "1": "string", 1.0: "float"}
	fmt.Println(ik[1], ik["1"], ik[1.0], len(ik))
	nested := map[string]map[string]int{}
	if nested["x"] == nil {
		nested["x"] = map[string]int{}
	}
	nested["x"]["y"] += 5
	fmt.Println(nested)
	var nilmap map[string]int
	fmt.Println(nilmap["a"], len(nilmap))
	s := "héllo, 世界!"
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println(len(s))
	fmt.Println(s[1], s[0:1], s[7:], string(s[0]))
	bs := []byte(s)
	bs[0] = 'H'
	fmt.Println(string(bs), s)
	rs := []rune(s)
	fmt.Println(len(rs), string(rs[1]), string(rs[7:9]))
	bad := "a\xffb"
	for i, r := range bad {
		fmt.Print(i, " ", r, " ")
	}
	fmt.Println()
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		sb.WriteString(fmt.Sprint(i))
		sb.WriteByte(',')
	}
	fmt.Println(sb.String(), sb.Len())
	fmt.Println(strings.ToUpper("abc"), strings.Contains("seafood", "foo"), strings.Split("a,b,c", ","), strings.Join([]string{"x", "y"}, "-"))
	fmt.Println("abc" < "abd", "b" > "abc", "x"+"y" == "xy")
	str := ""
	for i := 0; i < 5; i++ {
		str += string(rune('a' + i))
	}
	fmt.Println(str, strings.Repeat("ab", 3), strings.Index("chicken", "ken"))
	fmt.Println(strings.TrimSpace("  hi  "), strings.Replace("oink oink oink", "k", "ky", 2), strings.HasPrefix("golang", "go"))
	fmt.Printf("%q %v %x %X %c %U\n", "hi\n", []string{"a"}, "hi", []byte("hi"), 'G', '世')
}
