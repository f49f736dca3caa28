// Structs inside structs, arrays of structs, pointers between them.
package main

/*
struct point { int x, y; };
struct rect { struct point min, max; };
struct shape { const char *name; struct rect box; struct point pts[3]; };
static int area(struct rect r) { return (r.max.x - r.min.x) * (r.max.y - r.min.y); }
static void grow(struct shape *s) { s->box.max.x += 1; s->box.max.y += 1; s->pts[2].x = 99; }
*/
import "C"
import "fmt"

func main() {
	var s C.struct_shape
	s.name = C.CString("box")
	s.box = C.struct_rect{min: C.struct_point{x: 1, y: 2}, max: C.struct_point{x: 4, y: 6}}
	s.pts[0] = C.struct_point{x: 7, y: 8}
	fmt.Println(C.area(s.box))
	C.grow(&s)
	fmt.Println(C.area(s.box), s.box.max, s.pts)
	fmt.Println(C.GoString(s.name))
}
