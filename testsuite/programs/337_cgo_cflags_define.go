// #cgo CFLAGS with -D and -U, and build constraints on #cgo lines.
package main

/*
#cgo CFLAGS: -DLEVEL=3 -DNAME_LEN=5
#cgo linux CFLAGS: -DON_LINUX=1
#cgo windows CFLAGS: -DON_WINDOWS=1
#cgo amd64 arm64 CFLAGS: -DSIXTY_FOUR=1
#ifndef ON_WINDOWS
#define ON_WINDOWS 0
#endif
static int level(void) { return LEVEL; }
static int name_len(void) { return NAME_LEN; }
static int linux_flag(void) { return ON_LINUX; }
static int windows_flag(void) { return ON_WINDOWS; }
static int wide(void) { return SIXTY_FOUR; }
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.level(), C.name_len(), C.linux_flag(), C.windows_flag(), C.wide())
}
