// Package atomic provides low-level atomic memory primitives useful for
// implementing synchronization algorithms (rgo overlay: each operation is
// a sequentially consistent runtime call).
package atomic

import "unsafe"

// SwapInt32 atomically stores new into *addr and returns the previous *addr value.
//
//rgo:extern rgo_atomic_swap32
func SwapInt32(addr *int32, new int32) (old int32)

// CompareAndSwapInt32 executes the compare-and-swap operation for an int32 value.
//
//rgo:extern rgo_atomic_cas32
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)

// AddInt32 atomically adds delta to *addr and returns the new value.
//
//rgo:extern rgo_atomic_add32
func AddInt32(addr *int32, delta int32) (new int32)

// AndInt32 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//rgo:extern rgo_atomic_and32
func AndInt32(addr *int32, mask int32) (old int32)

// OrInt32 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//rgo:extern rgo_atomic_or32
func OrInt32(addr *int32, mask int32) (old int32)

// LoadInt32 atomically loads *addr.
//
//rgo:extern rgo_atomic_load32
func LoadInt32(addr *int32) (val int32)

// StoreInt32 atomically stores val into *addr.
//
//rgo:extern rgo_atomic_store32
func StoreInt32(addr *int32, val int32)

// SwapInt64 atomically stores new into *addr and returns the previous *addr value.
//
//rgo:extern rgo_atomic_swap64
func SwapInt64(addr *int64, new int64) (old int64)

// CompareAndSwapInt64 executes the compare-and-swap operation for an int64 value.
//
//rgo:extern rgo_atomic_cas64
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)

// AddInt64 atomically adds delta to *addr and returns the new value.
//
//rgo:extern rgo_atomic_add64
func AddInt64(addr *int64, delta int64) (new int64)

// AndInt64 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//rgo:extern rgo_atomic_and64
func AndInt64(addr *int64, mask int64) (old int64)

// OrInt64 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//rgo:extern rgo_atomic_or64
func OrInt64(addr *int64, mask int64) (old int64)

// LoadInt64 atomically loads *addr.
//
//rgo:extern rgo_atomic_load64
func LoadInt64(addr *int64) (val int64)

// StoreInt64 atomically stores val into *addr.
//
//rgo:extern rgo_atomic_store64
func StoreInt64(addr *int64, val int64)

// SwapUint32 atomically stores new into *addr and returns the previous *addr value.
//
//rgo:extern rgo_atomic_swap32
func SwapUint32(addr *uint32, new uint32) (old uint32)

// CompareAndSwapUint32 executes the compare-and-swap operation for a uint32 value.
//
//rgo:extern rgo_atomic_cas32
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)

// AddUint32 atomically adds delta to *addr and returns the new value.
//
//rgo:extern rgo_atomic_add32
func AddUint32(addr *uint32, delta uint32) (new uint32)

// AndUint32 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//rgo:extern rgo_atomic_and32
func AndUint32(addr *uint32, mask uint32) (old uint32)

// OrUint32 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//rgo:extern rgo_atomic_or32
func OrUint32(addr *uint32, mask uint32) (old uint32)

// LoadUint32 atomically loads *addr.
//
//rgo:extern rgo_atomic_load32
func LoadUint32(addr *uint32) (val uint32)

// StoreUint32 atomically stores val into *addr.
//
//rgo:extern rgo_atomic_store32
func StoreUint32(addr *uint32, val uint32)

// SwapUint64 atomically stores new into *addr and returns the previous *addr value.
//
//rgo:extern rgo_atomic_swap64
func SwapUint64(addr *uint64, new uint64) (old uint64)

// CompareAndSwapUint64 executes the compare-and-swap operation for a uint64 value.
//
//rgo:extern rgo_atomic_cas64
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)

// AddUint64 atomically adds delta to *addr and returns the new value.
//
//rgo:extern rgo_atomic_add64
func AddUint64(addr *uint64, delta uint64) (new uint64)

// AndUint64 atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//rgo:extern rgo_atomic_and64
func AndUint64(addr *uint64, mask uint64) (old uint64)

// OrUint64 atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//rgo:extern rgo_atomic_or64
func OrUint64(addr *uint64, mask uint64) (old uint64)

// LoadUint64 atomically loads *addr.
//
//rgo:extern rgo_atomic_load64
func LoadUint64(addr *uint64) (val uint64)

// StoreUint64 atomically stores val into *addr.
//
//rgo:extern rgo_atomic_store64
func StoreUint64(addr *uint64, val uint64)

// SwapUintptr atomically stores new into *addr and returns the previous *addr value.
//
//rgo:extern rgo_atomic_swap64
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)

// CompareAndSwapUintptr executes the compare-and-swap operation for a uintptr value.
//
//rgo:extern rgo_atomic_cas64
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)

// AddUintptr atomically adds delta to *addr and returns the new value.
//
//rgo:extern rgo_atomic_add64
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)

// AndUintptr atomically performs a bitwise AND operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//rgo:extern rgo_atomic_and64
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr)

// OrUintptr atomically performs a bitwise OR operation on *addr using the
// bitmask provided as mask and returns the old value.
//
//rgo:extern rgo_atomic_or64
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr)

// LoadUintptr atomically loads *addr.
//
//rgo:extern rgo_atomic_load64
func LoadUintptr(addr *uintptr) (val uintptr)

// StoreUintptr atomically stores val into *addr.
//
//rgo:extern rgo_atomic_store64
func StoreUintptr(addr *uintptr, val uintptr)

// SwapPointer atomically stores new into *addr and returns the previous
// *addr value.
//
//rgo:extern rgo_atomic_swapptr
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer)

// CompareAndSwapPointer executes the compare-and-swap operation for a
// unsafe.Pointer value.
//
//rgo:extern rgo_atomic_casptr
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool)

// LoadPointer atomically loads *addr.
//
//rgo:extern rgo_atomic_loadptr
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer)

// StorePointer atomically stores val into *addr.
//
//rgo:extern rgo_atomic_storeptr
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer)
