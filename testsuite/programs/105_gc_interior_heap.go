// Interior pointers held only by heap objects: a struct field pointing into
// the middle of another object's array, a subslice big[1000:1010] that is
// the only reference to a large backing array, pointers to fields of
// structs stored in slices and maps, and chains of such holders. The
// objects pointed into must survive while garbage is churned.
package main

import (
	"fmt"
	"runtime"
)

type block struct {
	id   int
	vals [4096]int32 // 16 KiB: small object
}

type bigBlock struct {
	vals [1 << 16]int32 // 256 KiB: large object
}

type holder struct {
	elem  *int32  // into some block's vals
	field *string // into a record
	sub   []int32 // subslice of a big backing array
	next  *holder
	win   *[8]int32 // slice-to-array-pointer into a block
}

type record struct {
	n    int
	name string
	pad  [10]int
}

func val(id, i int) int32 { return int32(id*7919 + i*31) }

func newBlock(id int) *block {
	b := &block{id: id}
	for i := range b.vals {
		b.vals[i] = val(id, i)
	}
	return b
}

func newBigBlock(id int) *bigBlock {
	b := &bigBlock{}
	for i := range b.vals {
		b.vals[i] = val(id, i)
	}
	return b
}

var sink interface{}

func churn(mb int) {
	for i := 0; i < mb; i++ {
		for k := 0; k < 16; k++ {
			// same size classes as the live objects, so freed memory is reused
			b := newBlock(-k)
			sink = b
			r := &record{n: k, name: "garbage"}
			sink = r
			s := make([]int32, 8192)
			s[k] = 1
			sink = s
		}
		if i%4 == 0 {
			sink = newBigBlock(-i)
		}
		if i%25 == 0 {
			runtime.GC()
		}
	}
	sink = nil
}

func main() {
	// A chain of holders; nothing else references the blocks, records and
	// big backing arrays they point into.
	var first *holder
	for id := 0; id < 50; id++ {
		rec := &record{n: id, name: fmt.Sprintf("rec-%d", id)}
		h := &holder{
			elem:  &newBlock(id).vals[1000+id],
			field: &rec.name,
			sub:   newBigBlock(id + 1000).vals[1000+id : 1010+id],
			win:   (*[8]int32)(newBlock(id + 2000).vals[4088:]),
			next:  first,
		}
		first = h
	}

	// A slice of pointers into the middle of one large array of structs.
	recs := make([]record, 2000)
	for i := range recs {
		recs[i] = record{n: i, name: fmt.Sprint("r", i)}
	}
	ptrs := make([]*record, 0, 20)
	for i := 100; i < 2000; i += 100 {
		ptrs = append(ptrs, &recs[i])
	}
	recs = nil

	// A map whose values point at fields of otherwise unreferenced structs.
	m := map[int]*int{}
	for i := 0; i < 100; i++ {
		r := &record{n: i * i}
		r.pad[9] = i
		m[i] = &r.pad[9]
	}

	churn(620)
	runtime.GC()

	chainOK, n := true, 0
	for h := first; h != nil; h = h.next {
		id := 49 - n
		chainOK = chainOK && *h.elem == val(id, 1000+id) && *h.field == fmt.Sprintf("rec-%d", id)
		chainOK = chainOK && len(h.sub) == 10 && cap(h.sub) == 1<<16-1000-id
		for i, x := range h.sub {
			chainOK = chainOK && x == val(id+1000, 1000+id+i)
		}
		for i, x := range h.win {
			chainOK = chainOK && x == val(id+2000, 4088+i)
		}
		n++
	}
	fmt.Println("holder chain:", chainOK, n)

	ptrsOK := len(ptrs) == 19
	for k, p := range ptrs {
		i := 100 * (k + 1)
		ptrsOK = ptrsOK && p.n == i && p.name == fmt.Sprint("r", i)
	}
	fmt.Println("pointers into array of structs:", ptrsOK)

	mapOK := len(m) == 100
	for i := 0; i < 100; i++ {
		mapOK = mapOK && *m[i] == i
	}
	fmt.Println("map of field pointers:", mapOK)

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("collected:", ms.NumGC > 0, ms.Frees > 0)
	fmt.Println("allocated at least 500 MB:", ms.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", ms.HeapAlloc < 64<<20, ms.HeapSys < 256<<20)
}
