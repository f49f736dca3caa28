// A linked list built by C, walked and modified from Go through
// pointers to C structs, then freed by C.
package main

/*
#include <stdlib.h>
struct node { int value; struct node *next; };
static struct node *build(int n) {
	struct node *head = 0;
	for (int i = n; i > 0; i--) {
		struct node *p = malloc(sizeof *p);
		p->value = i;
		p->next = head;
		head = p;
	}
	return head;
}
static int total(struct node *p) { int t = 0; for (; p; p = p->next) t += p->value; return t; }
static void release(struct node *p) { while (p) { struct node *n = p->next; free(p); p = n; } }
*/
import "C"
import "fmt"

func main() {
	head := C.build(6)
	for p := head; p != nil; p = p.next {
		fmt.Print(p.value, " ")
		p.value *= 10
	}
	fmt.Println()
	fmt.Println(C.total(head))
	C.release(head)
}
