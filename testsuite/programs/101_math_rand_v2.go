package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// PCG and ChaCha8 give gc's exact sequences; the top-level functions are
// random, so only their properties are printed.
func main() {
	pcg := rand.New(rand.NewPCG(42, 1024))
	fmt.Println(pcg.IntN(100), pcg.Int64(), pcg.Uint32(), pcg.Float64(), pcg.Perm(7))
	fmt.Printf("%.6f %.6f %d\n", pcg.NormFloat64(), pcg.ExpFloat64(), pcg.Uint64N(1_000_000))

	var seed [32]byte
	copy(seed[:], "rgo says hello to chacha8rand!!!")
	cc := rand.New(rand.NewChaCha8(seed))
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon"}
	cc.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println(words, cc.Int32N(50), cc.Float32())
	sum := 0
	for range 10000 {
		sum += cc.IntN(6) + 1
	}
	fmt.Println(sum)

	p := rand.Perm(6)
	slices.Sort(p)
	fmt.Println(p, rand.N(100*int64(1)) < 100, rand.Float64() < 1)
}
