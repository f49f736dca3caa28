package main

import (
	"fmt"
	"math/rand"
	"sort"
)

// Seeded generators give gc's exact sequences; the top-level functions are
// random, so only their properties are printed.
func main() {
	r := rand.New(rand.NewSource(2024))
	fmt.Println(r.Intn(100), r.Int63(), r.Uint32(), r.Float64(), r.Perm(8))
	deck := []string{"A", "K", "Q", "J", "10", "9"}
	r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	fmt.Println(deck)
	fmt.Printf("%.6f %.6f\n", r.NormFloat64(), r.ExpFloat64())

	hist := make([]int, 5)
	for i := 0; i < 1000; i++ {
		hist[rand.Intn(5)]++
	}
	total := 0
	for _, h := range hist {
		total += h
	}
	p := rand.Perm(10)
	sort.Ints(p)
	fmt.Println(total, p, rand.Float64() < 1)
}
