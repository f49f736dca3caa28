// A word-frequency counter over a fixed text, with a hand-written sort:
// by count descending, then alphabetically.
package main

import (
	"fmt"
	"strings"
)

const text = `It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair.`

type entry struct {
	word  string
	count int
}

func less(a, b entry) bool {
	if a.count != b.count {
		return a.count > b.count
	}
	return a.word < b.word
}

func sortEntries(es []entry) {
	// Merge sort, to exercise slices and recursion.
	if len(es) < 2 {
		return
	}
	mid := len(es) / 2
	left := append([]entry(nil), es[:mid]...)
	right := append([]entry(nil), es[mid:]...)
	sortEntries(left)
	sortEntries(right)
	i, j, k := 0, 0, 0
	for i < len(left) && j < len(right) {
		if less(right[j], left[i]) {
			es[k] = right[j]
			j++
		} else {
			es[k] = left[i]
			i++
		}
		k++
	}
	for ; i < len(left); i++ {
		es[k] = left[i]
		k++
	}
	for ; j < len(right); j++ {
		es[k] = right[j]
		k++
	}
}

func main() {
	counts := map[string]int{}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	})
	for _, w := range words {
		counts[w]++
	}
	var es []entry
	for w, c := range counts {
		es = append(es, entry{w, c})
	}
	sortEntries(es)
	fmt.Println(len(words), "words,", len(es), "distinct")
	for _, e := range es {
		fmt.Printf("%-12s %2d %s\n", e.word, e.count, strings.Repeat("*", e.count))
	}
}
