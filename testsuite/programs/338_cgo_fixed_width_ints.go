// intN_t/uintN_t and their limits, through typedef chains.
package main

/*
#include <stdint.h>
#include <inttypes.h>
static int8_t   i8(void)  { return INT8_MIN; }
static uint8_t  u8(void)  { return UINT8_MAX; }
static int16_t  i16(void) { return INT16_MIN; }
static uint16_t u16(void) { return UINT16_MAX; }
static int32_t  i32(void) { return INT32_MIN; }
static uint32_t u32(void) { return UINT32_MAX; }
static int64_t  i64(void) { return INT64_MIN; }
static uint64_t u64(void) { return UINT64_MAX; }
static uintptr_t up(void) { return (uintptr_t)-1; }
static int64_t add64(int64_t a, uint32_t b) { return a + b; }
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.i8(), C.u8(), C.i16(), C.u16())
	fmt.Println(C.i32(), C.u32(), C.i64(), C.u64(), C.up())
	fmt.Println(C.add64(-5, 4000000000))
	fmt.Printf("%T %T %T\n", C.int8_t(0), C.uint64_t(0), C.uintptr_t(0))
}
