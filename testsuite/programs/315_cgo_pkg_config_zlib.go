// pkg-config against a library Debian ships: zlib compresses a buffer and
// decompresses it again.
package main

/*
#cgo pkg-config: zlib
#include <zlib.h>
*/
import "C"
import (
	"bytes"
	"fmt"
	"unsafe"
)

func main() {
	src := bytes.Repeat([]byte("rgo compiles Go through LLVM. "), 40)
	bound := C.compressBound(C.uLong(len(src)))
	dst := make([]byte, bound)
	dlen := C.uLongf(bound)
	rc := C.compress((*C.Bytef)(unsafe.Pointer(&dst[0])), &dlen, (*C.Bytef)(unsafe.Pointer(&src[0])), C.uLong(len(src)))
	fmt.Println("compress:", rc == C.Z_OK, "smaller:", int(dlen) < len(src))
	out := make([]byte, len(src))
	olen := C.uLongf(len(out))
	rc = C.uncompress((*C.Bytef)(unsafe.Pointer(&out[0])), &olen, (*C.Bytef)(unsafe.Pointer(&dst[0])), dlen)
	fmt.Println("uncompress:", rc == C.Z_OK, int(olen) == len(src), bytes.Equal(out, src))
	fmt.Println("version has a dot:", bytes.Contains([]byte(C.GoString(C.zlibVersion())), []byte(".")))
}
