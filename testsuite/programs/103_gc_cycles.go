// Cyclic garbage: rings, doubly linked lists, self-referential structs and
// cycles through two types are dropped by the thousand and must be
// reclaimed (a reference-counting or leaking collector keeps them all),
// while a few kept cycles must survive every collection intact.
package main

import (
	"fmt"
	"runtime"
)

type ring struct {
	next, prev *ring
	self       *ring
	id         int
	payload    []byte
}

func makeRing(n, seed int) *ring {
	var head, cur *ring
	for i := 0; i < n; i++ {
		r := &ring{id: seed*10007 + i}
		r.self = r
		r.payload = make([]byte, 256+(seed+i)%512)
		for j := range r.payload {
			r.payload[j] = byte(r.id + j)
		}
		if head == nil {
			head = r
		} else {
			cur.next = r
			r.prev = cur
		}
		cur = r
	}
	cur.next = head
	head.prev = cur
	return head
}

// ringSum walks the ring forwards, checking every back link, self link and
// payload, and returns a checksum (or -1 if anything is inconsistent).
func ringSum(head *ring) int {
	sum, n := 0, 0
	r := head
	for {
		if r.self != r || r.next.prev != r || r.prev.next != r {
			return -1
		}
		for j, b := range r.payload {
			if b != byte(r.id+j) {
				return -1
			}
		}
		sum = (sum*31 + r.id + len(r.payload)) % 1000000007
		n++
		r = r.next
		if r == head {
			break
		}
	}
	return sum + n
}

type dnode struct {
	prev, next *dnode
	list       *dlist
	val        int
	data       [24]int64
}

type dlist struct {
	first, last *dnode
	n           int
}

func (l *dlist) push(v int) {
	d := &dnode{val: v, list: l, prev: l.last}
	for i := range d.data {
		d.data[i] = int64(v * (i + 1))
	}
	if l.last == nil {
		l.first = d
	} else {
		l.last.next = d
	}
	l.last = d
	l.n++
}

func (l *dlist) check() int {
	sum, n := 0, 0
	var prev *dnode
	for d := l.first; d != nil; d = d.next {
		if d.prev != prev || d.list != l {
			return -1
		}
		for i, x := range d.data {
			if x != int64(d.val*(i+1)) {
				return -1
			}
		}
		sum = (sum*7 + d.val) % 1000000007
		prev = d
		n++
	}
	if prev != l.last || n != l.n {
		return -1
	}
	return sum
}

// A self-referential struct whose only pointer is to itself.
type selfRef struct {
	me  *selfRef
	tag int
	buf [200]byte
}

// Two types pointing at each other.
type owner struct {
	pet  *pet
	name string
}

type pet struct {
	owner *owner
	age   int
	tags  []string
}

func makePair(i int) *owner {
	o := &owner{name: fmt.Sprintf("owner-%d", i)}
	o.pet = &pet{owner: o, age: i % 17, tags: []string{fmt.Sprint(i), fmt.Sprint(i * 3)}}
	return o
}

func pairOK(o *owner, i int) bool {
	return o.pet.owner == o && o.name == fmt.Sprintf("owner-%d", i) && o.pet.age == i%17 &&
		len(o.pet.tags) == 2 && o.pet.tags[0] == fmt.Sprint(i) && o.pet.tags[1] == fmt.Sprint(i*3)
}

var sink *ring

func main() {
	keptRing := makeRing(500, 1)
	wantRing := ringSum(keptRing)
	keptList := &dlist{}
	for i := 0; i < 300; i++ {
		keptList.push(i)
	}
	wantList := keptList.check()
	keptSelf := &selfRef{tag: 42}
	keptSelf.me = keptSelf
	for i := range keptSelf.buf {
		keptSelf.buf[i] = byte(i * 3)
	}
	keptPair := makePair(99)

	ringsOK, listsOK := true, true
	for round := 0; round < 120; round++ {
		// About 4.5 MB of rings per round, every one garbage at once.
		for k := 0; k < 8; k++ {
			r := makeRing(1000, round*8+k)
			if k == 0 && round%20 == 0 && ringSum(r) < 0 {
				ringsOK = false
			}
			sink = r
		}
		sink = nil
		l := &dlist{}
		for i := 0; i < 2000; i++ {
			l.push(round + i)
		}
		if l.check() < 0 {
			listsOK = false
		}
		for i := 0; i < 500; i++ {
			s := &selfRef{tag: i}
			s.me = s
			_ = makePair(i)
		}
		if round%10 == 0 {
			runtime.GC()
		}
	}
	runtime.GC()

	fmt.Println("garbage rings consistent:", ringsOK)
	fmt.Println("garbage lists consistent:", listsOK)
	fmt.Println("kept ring intact:", ringSum(keptRing) == wantRing, wantRing)
	fmt.Println("kept list intact:", keptList.check() == wantList, wantList)
	selfOK := keptSelf.me == keptSelf && keptSelf.tag == 42
	for i, b := range keptSelf.buf {
		if b != byte(i*3) {
			selfOK = false
		}
	}
	fmt.Println("kept self-reference intact:", selfOK)
	fmt.Println("kept pair intact:", pairOK(keptPair, 99))

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("collected:", m.NumGC > 0, m.Frees > 0)
	fmt.Println("allocated at least 500 MB:", m.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", m.HeapAlloc < 64<<20, m.HeapSys < 256<<20)
}
