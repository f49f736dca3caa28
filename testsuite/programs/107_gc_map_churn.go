// Maps growing and shrinking across collections: map[string]*T,
// map[int][]byte and map[[2]string]interface{} under insert/delete churn,
// plus whole maps built and dropped. Deleted entries and dropped maps must
// be reclaimed; the entries that remain (keys, values and what they point
// to) must survive every growth and collection.
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

type T struct {
	key  string
	n    int
	tags []string
}

type pair struct {
	a, b *T
}

func newT(k string, n int) *T {
	return &T{key: k, n: n, tags: []string{k + "/a", k + "/b"}}
}

func tOK(t *T, k string, n int) bool {
	return t != nil && t.key == k && t.n == n && len(t.tags) == 2 && t.tags[0] == k+"/a" && t.tags[1] == k+"/b"
}

func bytesFor(k, gen int) []byte {
	b := make([]byte, 4096+(k*37)%12288)
	for i := range b {
		b[i] = byte(k + gen + i)
	}
	return b
}

func bytesOK(b []byte, k, gen int) bool {
	if len(b) != 4096+(k*37)%12288 {
		return false
	}
	for i, c := range b {
		if c != byte(k+gen+i) {
			return false
		}
	}
	return true
}

var sink map[int]string

func main() {
	ms := map[string]*T{}
	mb := map[int][]byte{}
	gen := map[int]int{} // generation each mb entry was written at
	mi := map[[2]string]interface{}{}

	const rounds = 40
	for r := 0; r < rounds; r++ {
		// grow all three maps to tens of thousands of entries
		for i := 0; i < 2000; i++ {
			k := r*2000 + i
			s := "k" + strconv.Itoa(k)
			ms[s] = newT(s, k)
			mb[k%3000] = bytesFor(k%3000, r)
			gen[k%3000] = r
			if i%4 == 0 {
				ks := [2]string{s, strconv.Itoa(r)}
				switch i % 3 {
				case 0:
					mi[ks] = newT(s, -k)
				case 1:
					mi[ks] = pair{newT(s, 1), newT(s, 2)}
				default:
					mi[ks] = []int{k, k + 1, k + 2}
				}
			}
		}
		// shrink: delete all but every 100th string key and most of the rest
		for i := 0; i < 2000; i++ {
			k := r*2000 + i
			if k%100 != 0 {
				delete(ms, "k"+strconv.Itoa(k))
			}
			if i%4 == 0 && k%100 != 0 {
				delete(mi, [2]string{"k" + strconv.Itoa(k), strconv.Itoa(r)})
			}
		}
		for k := range mb {
			if k%7 != 0 {
				delete(mb, k)
				delete(gen, k)
			}
		}
		// a whole map built and dropped
		tmp := make(map[int]string)
		for i := 0; i < 1000; i++ {
			tmp[i] = strconv.Itoa(i * r)
		}
		sink = tmp
		if r%5 == 0 {
			runtime.GC()
		}
	}
	sink = nil
	runtime.GC()

	okS := len(ms) == rounds*20
	for k := 0; k < rounds*2000; k += 100 {
		s := "k" + strconv.Itoa(k)
		okS = okS && tOK(ms[s], s, k)
	}
	fmt.Println("map[string]*T:", okS, len(ms))

	okB := len(mb) == len(gen)
	sumB := 0
	for k, b := range mb {
		okB = okB && k%7 == 0 && bytesOK(b, k, gen[k])
		sumB += len(b)
	}
	fmt.Println("map[int][]byte:", okB, len(mb), sumB)

	okI, kinds := true, [3]int{}
	for ks, v := range mi {
		k, err := strconv.Atoi(ks[0][1:])
		r, err2 := strconv.Atoi(ks[1])
		okI = okI && err == nil && err2 == nil && k%100 == 0 && k/2000 == r
		switch v := v.(type) {
		case *T:
			okI = okI && tOK(v, ks[0], -k)
			kinds[0]++
		case pair:
			okI = okI && tOK(v.a, ks[0], 1) && tOK(v.b, ks[0], 2)
			kinds[1]++
		case []int:
			okI = okI && len(v) == 3 && v[0] == k && v[2] == k+2
			kinds[2]++
		default:
			okI = false
		}
	}
	fmt.Println("map[[2]string]interface{}:", okI, len(mi), kinds)

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("collected:", m.NumGC > 0, m.Frees > 0)
	fmt.Println("allocated at least 500 MB:", m.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", m.HeapAlloc < 64<<20, m.HeapSys < 256<<20)
}
