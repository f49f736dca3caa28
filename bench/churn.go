// Allocates 20 GB in total in objects of mixed sizes (16 B to 64 KiB),
// writing to every page of each, while keeping under 50 MB live in a ring
// buffer: peak memory shows how well freed memory is reused.
package main

import "fmt"

type rec struct {
	buf []byte
	id  int
}

func main() {
	const total = 20 << 30
	ring := make([]*rec, 2048)
	sizes := []int{16, 48, 200, 1000, 5000, 40000, 65536}
	allocated := 0
	sum := 0
	for i := 0; allocated < total; i++ {
		n := sizes[i%len(sizes)]
		r := &rec{buf: make([]byte, n), id: i}
		for j := 0; j < n; j += 512 {
			r.buf[j] = byte(i) // every page of the buffer is used
		}
		r.buf[n-1] = byte(i)
		slot := i % len(ring)
		if old := ring[slot]; old != nil {
			sum += int(old.buf[len(old.buf)-1]) + old.id%7
		}
		ring[slot] = r
		allocated += n + 48
	}
	fmt.Println("checksum", sum)
}
