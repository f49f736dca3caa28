package atomic

import "unsafe"

// A Value provides an atomic load and store of a consistently typed value.
// The zero value for a Value returns nil from Load. Once Store has been
// called, a Value must not be copied.
type Value struct {
	v any
}

// eface is the layout of an interface{} value: type word, data word.
type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

// storing marks a Value whose first Store is under way: its type word is
// claimed, its data word not yet written.
var storing byte

func storingMark() unsafe.Pointer { return unsafe.Pointer(&storing) }

// Load returns the value set by the most recent Store. It returns nil if
// there has been no call to Store for this Value.
func (v *Value) Load() (val any) {
	vp := (*eface)(unsafe.Pointer(v))
	typ := LoadPointer(&vp.typ)
	if typ == nil || typ == storingMark() {
		return nil
	}
	data := LoadPointer(&vp.data)
	vlp := (*eface)(unsafe.Pointer(&val))
	vlp.typ = typ
	vlp.data = data
	return
}

// claim makes the first store's type word visible to other stores, or
// reports false when another store got there first.
func (vp *eface) claim() bool {
	return CompareAndSwapPointer(&vp.typ, nil, storingMark())
}

// typeWord waits out a first store in progress and returns the type word.
func (vp *eface) typeWord() unsafe.Pointer {
	for {
		typ := LoadPointer(&vp.typ)
		if typ != storingMark() {
			return typ
		}
		yield()
	}
}

// Store sets the value of the Value v to val. All calls to Store for a
// given Value must use values of the same concrete type. Store of an
// inconsistent type panics, as does Store(nil).
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	vp := (*eface)(unsafe.Pointer(v))
	vlp := (*eface)(unsafe.Pointer(&val))
	for {
		typ := vp.typeWord()
		if typ == nil {
			if !vp.claim() {
				continue
			}
			StorePointer(&vp.data, vlp.data)
			StorePointer(&vp.typ, vlp.typ)
			return
		}
		if typ != vlp.typ {
			panic("sync/atomic: store of inconsistently typed value into Value")
		}
		StorePointer(&vp.data, vlp.data)
		return
	}
}

// Swap stores new into Value and returns the previous value. It returns
// nil if the Value is empty. All calls to Swap for a given Value must use
// values of the same concrete type.
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	vp := (*eface)(unsafe.Pointer(v))
	np := (*eface)(unsafe.Pointer(&new))
	for {
		typ := vp.typeWord()
		if typ == nil {
			if !vp.claim() {
				continue
			}
			StorePointer(&vp.data, np.data)
			StorePointer(&vp.typ, np.typ)
			return nil
		}
		if typ != np.typ {
			panic("sync/atomic: swap of inconsistently typed value into Value")
		}
		op := (*eface)(unsafe.Pointer(&old))
		op.typ, op.data = np.typ, SwapPointer(&vp.data, np.data)
		return old
	}
}

// CompareAndSwap executes the compare-and-swap operation for the Value.
// All calls to CompareAndSwap for a given Value must use values of the
// same concrete type; old and new must be of the same type, and old must
// be comparable.
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	vp := (*eface)(unsafe.Pointer(v))
	np := (*eface)(unsafe.Pointer(&new))
	op := (*eface)(unsafe.Pointer(&old))
	if op.typ != nil && np.typ != op.typ {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	for {
		typ := vp.typeWord()
		if typ == nil {
			if old != nil {
				return false
			}
			if !vp.claim() {
				continue
			}
			StorePointer(&vp.data, np.data)
			StorePointer(&vp.typ, np.typ)
			return true
		}
		if typ != np.typ {
			panic("sync/atomic: compare and swap of inconsistently typed value into Value")
		}
		// Compare the current value with old as interfaces (which panics
		// for incomparable types, as gc does), then swap only if the data
		// word is still the one compared.
		data := LoadPointer(&vp.data)
		var cur any
		(*eface)(unsafe.Pointer(&cur)).typ = typ
		(*eface)(unsafe.Pointer(&cur)).data = data
		if cur != old {
			return false
		}
		return CompareAndSwapPointer(&vp.data, data, np.data)
	}
}

//rgo:extern rgo_yield
func yield()
