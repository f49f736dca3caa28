package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
)

type item struct {
	name string
	prio int
}

type queue []item

func (q queue) Len() int           { return len(q) }
func (q queue) Less(i, j int) bool { return q[i].prio > q[j].prio }
func (q queue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x any)        { *q = append(*q, x.(item)) }
func (q *queue) Pop() any          { old := *q; x := old[len(old)-1]; *q = old[:len(old)-1]; return x }

func main() {
	q := &queue{{"low", 1}, {"high", 9}, {"mid", 5}}
	heap.Init(q)
	heap.Push(q, item{"urgent", 10})
	for q.Len() > 0 {
		fmt.Print(heap.Pop(q).(item).name, " ")
	}
	fmt.Println()

	l := list.New()
	for _, s := range []string{"b", "c"} {
		l.PushBack(s)
	}
	l.PushFront("a")
	l.MoveToBack(l.Front())
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len())

	r := ring.New(4)
	for i := range 4 {
		r.Value = i * i
		r = r.Next()
	}
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println()

	ages := map[string]int{"ann": 31, "bob": 25, "cy": 40}
	names := slices.Sorted(maps.Keys(ages))
	fmt.Println(names, slices.Max(slices.Collect(maps.Values(ages))))

	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "name\tage\tnote")
	for _, n := range names {
		fmt.Fprintf(w, "%s\t%d\t%s\n", n, ages[n], strings.Repeat("*", ages[n]/10))
	}
	w.Flush()
}
