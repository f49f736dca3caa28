package main

import "fmt"

var log []string

func t(s string, v int) int {
	log = append(log, s)
	return v
}

func idx(s string, v int) int { return t(s, v) }

type S struct{ a, b int }

func get() *S {
	log = append(log, "get")
	return &S{}
}

func main() {
	arr := []int{0, 0, 0}
	arr[idx("i", 1)] = t("v", 5)
	fmt.Println(arr, log)
	log = nil
	m := map[string]int{}
	m[fmt.Sprint(t("k", 1))] += t("add", 3)
	fmt.Println(m, log)
	log = nil
	get().a = t("rhs", 2)
	fmt.Println(log)
	log = nil
	a, b := t("a", 1), t("b", 2)
	fmt.Println(a, b, log)
	log = nil
	fmt.Println(t("x", 1)+t("y", 2)*t("z", 3), log)
	log = nil
	x := []int{1, 2, 3}
	i := 0
	i, x[i] = t("p", 1), t("q", 9)
	fmt.Println(i, x, log)
	ok := t("l", 0) == 1 && t("r", 1) == 1
	ok2 := t("l2", 1) == 1 || t("r2", 1) == 1
	fmt.Println(ok, ok2, log)
	var p *S
	defer func() { fmt.Println("deferred ran") }()
	fmt.Println(p == nil)
	cnt := 0
	next := func() int { cnt++; return cnt }
	vals := [3]int{next(), next(), next()}
	fmt.Println(vals)
	mm := map[int]int{next(): next()}
	fmt.Println(mm)
}
