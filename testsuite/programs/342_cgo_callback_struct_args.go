// Exported Go functions take and return C structs by value.
package main

/*
struct vec { double x, y, z; };
struct pair { int a; float b; };
extern struct vec goScale(struct vec, double);
extern struct pair goSwap(struct pair);
static double scaled_len2(double k) {
	struct vec v = {1, 2, 3};
	struct vec r = goScale(v, k);
	return r.x * r.x + r.y * r.y + r.z * r.z;
}
static float swapped(void) {
	struct pair p = {7, 2.5f};
	struct pair q = goSwap(p);
	return q.a + q.b * 100;
}
*/
import "C"
import "fmt"

//export goScale
func goScale(v C.struct_vec, k C.double) C.struct_vec {
	return C.struct_vec{x: v.x * k, y: v.y * k, z: v.z * k}
}

//export goSwap
func goSwap(p C.struct_pair) C.struct_pair {
	return C.struct_pair{a: C.int(p.b), b: C.float(p.a)}
}

func main() {
	fmt.Println(C.scaled_len2(2))
	fmt.Println(C.swapped())
}
