// A callback from C runs on the thread that called C: C's thread
// identity is the same before, during and after the call back.
package main

/*
#include <pthread.h>
extern int goCheck(unsigned long);
static int check(void) {
	unsigned long me = (unsigned long)pthread_self();
	int r = goCheck(me);
	return r && me == (unsigned long)pthread_self();
}
static unsigned long self_id(void) { return (unsigned long)pthread_self(); }
*/
import "C"
import (
	"fmt"
	"runtime"
)

//export goCheck
func goCheck(tid C.ulong) C.int {
	runtime.Gosched()
	if C.self_id() == tid {
		return 1
	}
	return 0
}

func main() {
	ok := 0
	for i := 0; i < 50; i++ {
		ok += int(C.check())
	}
	fmt.Println(ok)
}
