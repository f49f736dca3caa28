// Structs by value in both directions: small, mixed int/float, and
// larger than 16 bytes (passed in memory by the C ABI).
package main

/*
typedef struct { int x, y; } point;
typedef struct { float f; int i; double d; } mixed;
struct big { long a, b, c, d; char tag; };

static point add(point p, point q) { point r = { p.x + q.x, p.y + q.y }; return r; }
static mixed scale(mixed m, double k) { m.f *= k; m.i *= (int)k; m.d *= k; return m; }
static struct big grow(struct big b) { b.a++; b.b += 2; b.c += 3; b.d += 4; b.tag = 'Z'; return b; }
static long sum(struct big b) { return b.a + b.b + b.c + b.d; }
static double dot(point p, mixed m) { return p.x * m.f + p.y * m.d; }
*/
import "C"
import "fmt"

func main() {
	p := C.add(C.point{x: 1, y: 2}, C.point{x: 10, y: 20})
	fmt.Println(p.x, p.y)
	m := C.scale(C.mixed{f: 1.5, i: 3, d: 2.25}, 2)
	fmt.Println(m.f, m.i, m.d)
	b := C.grow(C.struct_big{a: 1, b: 2, c: 3, d: 4, tag: 'a'})
	fmt.Println(b.a, b.b, b.c, b.d, string(rune(b.tag)))
	fmt.Println(C.sum(b), C.dot(p, m))
	fmt.Printf("%T %T %T\n", p, m, b)
}
