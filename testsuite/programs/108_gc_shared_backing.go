// Strings and slices sharing backing arrays: substrings of big built
// strings kept while the rest is dropped, strings.Fields/Split pieces,
// subslices and append aliasing (appends that write into a shared array
// and appends that move to a new one). The shared arrays must stay alive
// through their only remaining pieces; everything else must be reclaimed.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
)

func bigString(seed, n int) string {
	var buf []byte // grows by appending, leaving its old arrays behind
	for i := 0; len(buf) < n; i++ {
		buf = append(buf, 'w')
		buf = strconv.AppendInt(buf, int64(seed), 10)
		buf = append(buf, '.')
		buf = strconv.AppendInt(buf, int64(i), 10)
		buf = append(buf, ' ')
	}
	return string(buf)
}

func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

func hashInts(s []int) uint32 {
	h := uint32(2166136261)
	for _, x := range s {
		h = (h ^ uint32(x)) * 16777619
	}
	return h
}

var sinkS string
var sinkB []byte

func main() {
	// substrings: each keeps a whole large string alive
	var subs []string
	var subWant []uint32
	// pieces from Fields of a dropped string
	var words []string
	// the tail of a large byte slice, and a subslice of a converted string
	var tails [][]byte
	var tailWant []uint32

	for r := 0; r < 80; r++ {
		s := bigString(r, 1<<20) // ~1 MiB, built through a growing buffer
		if r%10 == 0 {
			off := len(s)/2 + r
			sub := s[off : off+40]
			subs = append(subs, sub)
			subWant = append(subWant, hash(sub))
			f := strings.Fields(s[:200])
			words = append(words, f[1], f[len(f)-2])
			b := []byte(s)
			t := b[len(b)-100:]
			tails = append(tails, t)
			tailWant = append(tailWant, hash(string(t)))
		}
		// garbage made of the same big strings
		up := strings.ToUpper(s)
		sinkS = strings.Repeat(up[:1000], 300)
		sinkB = []byte(up)
		if r%8 == 0 {
			runtime.GC()
		}
	}

	// append aliasing
	base := make([]int, 10, 100000) // 800 KB backing array, pointer-free
	for i := range base {
		base[i] = i
	}
	a := append(base[:5], 100, 101) // writes into base's array
	b := append(base, 200)          // also into the same array
	c := append(base[:10:10], 300)  // full: copies to a new array
	base = nil
	ptrs := make([]*int, 4, 20000)
	for i := range ptrs {
		v := i * 11
		ptrs[i] = &v
	}
	pa := append(ptrs, nil)[:4] // shares the pointer array
	ptrs = nil

	for r := 0; r < 300; r++ {
		sinkB = make([]byte, 1<<20+r)
		sinkS = string(sinkB[:50000])
		if r%30 == 0 {
			runtime.GC()
		}
	}
	sinkS, sinkB = "", nil
	runtime.GC()

	okSub := len(subs) == 8
	for i, s := range subs {
		okSub = okSub && hash(s) == subWant[i]
	}
	fmt.Println("substrings:", okSub, subs[0], strings.Count(strings.Join(subs, ""), "w"))
	fmt.Println("fields:", len(words), words[0], words[1], words[len(words)-2], words[len(words)-1])
	okTail := true
	for i, t := range tails {
		okTail = okTail && hash(string(t)) == tailWant[i]
	}
	fmt.Println("byte tails:", okTail)
	fmt.Println("append aliasing:", a, len(b), b[5], b[6], b[10], hashInts(b[:11]) == hashInts(append(append([]int{}, a...), 7, 8, 9, 200)), c)
	okP := len(pa) == 4 && cap(pa) == 20000
	for i, p := range pa {
		okP = okP && *p == i*11
	}
	fmt.Println("pointer slice prefix:", okP)

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("collected:", m.NumGC > 0, m.Frees > 0)
	fmt.Println("allocated at least 500 MB:", m.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", m.HeapAlloc < 64<<20, m.HeapSys < 256<<20)
}
