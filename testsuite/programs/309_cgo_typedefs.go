// Typedef chains and their Go names; struct tags vs typedef names; a
// self-referencing struct walked from Go.
package main

/*
#include <stdlib.h>
typedef int myint;
typedef myint counter;
typedef struct node { struct node *next; counter v; } node;
static node *cons(counter v, node *next) { node *n = malloc(sizeof *n); n->v = v; n->next = next; return n; }
static void freelist(node *n) { while (n) { node *t = n->next; free(n); n = t; } }
*/
import "C"
import "fmt"

func main() {
	var a C.myint = 1
	var b C.counter = a + 1
	var n C.node
	var s C.struct_node
	fmt.Printf("%T %T %T %T\n", a, b, n, s)
	var list *C.node
	for i := 0; i < 5; i++ {
		list = C.cons(C.counter(i*i), list)
	}
	sum := C.counter(0)
	for p := list; p != nil; p = p.next {
		sum += p.v
		fmt.Print(p.v, " ")
	}
	fmt.Println("sum", sum)
	C.freelist(list)
}
