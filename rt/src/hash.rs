//! Generic hashing and equality driven by type descriptors, for maps and
//! interface comparison: memory for integers and pointers, IEEE semantics
//! for floats (+0 == -0, NaN != NaN, so a NaN key hashes randomly),
//! contents for strings, dynamic type plus value for interfaces,
//! element- and field-wise for arrays and structs (blank fields ignored).
//! Slices, maps and functions panic as gc does.

use core::sync::atomic::{AtomicU64, Ordering};

use crate::abi::*;
use crate::panic;

const K0: u64 = 0xa076_1d64_78bd_642f;
const K1: u64 = 0xe703_7ed1_a0b4_28db;
const K2: u64 = 0x8ebc_6af0_9c88_c6e3;

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

/// Hash of a byte string.
pub fn mem_hash(b: &[u8], seed: u64) -> u64 {
    let mut h = seed ^ K0 ^ (b.len() as u64).wrapping_mul(K1);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h ^ u64::from_le_bytes(w), K1);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = mix(h ^ u64::from_le_bytes(w), K2);
    }
    mix(h, K0 ^ K2)
}

/// Hash of one 64-bit word (fast path for int and pointer keys).
#[inline]
pub fn word_hash(w: u64, seed: u64) -> u64 {
    mix(mix(w ^ seed ^ K0, K1), K2)
}

/// A fresh random value per call (NaN keys, map seeds, iteration starts).
pub fn random() -> u64 {
    static STATE: AtomicU64 = AtomicU64::new(0);
    let mut s = STATE.load(Ordering::Relaxed);
    if s == 0 {
        let mut seed = [0u8; 8];
        // SAFETY: `seed` is a writable 8-byte buffer.
        let n = unsafe { crate::sys::getrandom(seed.as_mut_ptr() as *mut _, 8, 0) };
        s = if n == 8 {
            u64::from_le_bytes(seed)
        } else {
            crate::sys::clock_ns(crate::sys::CLOCK_MONOTONIC) as u64 ^ (&STATE as *const _ as u64)
        } | 1;
    }
    // wyrand step.
    s = s.wrapping_add(K0);
    STATE.store(s, Ordering::Relaxed);
    mix(s, s ^ K1)
}

fn float_hash(f: f64, seed: u64) -> u64 {
    if f == 0.0 {
        word_hash(0, seed)
    } else if f.is_nan() {
        word_hash(random(), seed)
    } else {
        word_hash(f.to_bits(), seed)
    }
}

fn is_blank(f: &StructField) -> bool {
    // SAFETY: field names are constant string data.
    unsafe { f.name.as_bytes() == b"_" }
}

/// The value an interface's data word stands for, as a pointer to it.
///
/// # Safety
/// `data` must be the data word of a value of type `t`, and `word` the
/// address it was read from.
unsafe fn iface_value_ptr(t: &Type, word: *const *mut u8) -> *const u8 {
    if t.is_direct_iface() {
        word as *const u8
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { *word }
    }
}

/// Hash of the value of type `t` at `p`.
///
/// # Safety
/// `p` must point to a valid value of type `t`.
pub unsafe fn type_hash(t: &Type, p: *const u8, seed: u64) -> u64 {
    // SAFETY: `p` points to a value of type `t` (caller's contract); each
    // arm reads it according to its kind.
    unsafe {
        match t.kind {
            KIND_BOOL | KIND_INT8 | KIND_UINT8 => word_hash(*p as u64, seed),
            KIND_INT16 | KIND_UINT16 => word_hash(*(p as *const u16) as u64, seed),
            KIND_INT32 | KIND_UINT32 => word_hash(*(p as *const u32) as u64, seed),
            KIND_INT | KIND_INT64 | KIND_UINT | KIND_UINT64 | KIND_UINTPTR | KIND_POINTER
            | KIND_CHAN | KIND_UNSAFE_POINTER => word_hash(*(p as *const u64), seed),
            KIND_FLOAT32 => float_hash(*(p as *const f32) as f64, seed),
            KIND_FLOAT64 => float_hash(*(p as *const f64), seed),
            KIND_COMPLEX64 => {
                let c = p as *const f32;
                float_hash(*c.add(1) as f64, float_hash(*c as f64, seed))
            }
            KIND_COMPLEX128 => {
                let c = p as *const f64;
                float_hash(*c.add(1), float_hash(*c, seed))
            }
            KIND_STRING => mem_hash((*(p as *const GoString)).as_bytes(), seed),
            KIND_INTERFACE => {
                let tab = *(p as *const *const u8);
                let dt = dynamic_type(t.len == 0, tab);
                if dt.is_null() {
                    return word_hash(0, seed);
                }
                let dt = &*dt;
                if !dt.is_comparable() {
                    panic::rgo_panic_unhashable(dt);
                }
                let vp = iface_value_ptr(dt, (p as *const *mut u8).add(1));
                type_hash(dt, vp, seed ^ dt.hash as u64)
            }
            KIND_ARRAY => {
                let et = t.elem();
                let mut h = seed;
                for i in 0..t.len {
                    h = type_hash(et, p.add(i * et.size), h);
                }
                word_hash(h, t.len as u64)
            }
            KIND_STRUCT => {
                let mut h = seed;
                for f in t.struct_fields() {
                    if !is_blank(f) {
                        h = type_hash(&*f.typ, p.add(f.offset), h);
                    }
                }
                h
            }
            _ => panic::rgo_panic_unhashable(t),
        }
    }
}

/// `*a == *b` for values of type `t`.
///
/// # Safety
/// `a` and `b` must point to valid values of type `t`.
pub unsafe fn type_equal(t: &Type, a: *const u8, b: *const u8) -> bool {
    // SAFETY: both point to values of type `t` (caller's contract).
    unsafe {
        match t.kind {
            KIND_BOOL | KIND_INT8 | KIND_UINT8 => *a == *b,
            KIND_INT16 | KIND_UINT16 => *(a as *const u16) == *(b as *const u16),
            KIND_INT32 | KIND_UINT32 => *(a as *const u32) == *(b as *const u32),
            KIND_INT | KIND_INT64 | KIND_UINT | KIND_UINT64 | KIND_UINTPTR | KIND_POINTER
            | KIND_CHAN | KIND_UNSAFE_POINTER => *(a as *const u64) == *(b as *const u64),
            KIND_FLOAT32 => *(a as *const f32) == *(b as *const f32),
            KIND_FLOAT64 => *(a as *const f64) == *(b as *const f64),
            KIND_COMPLEX64 => {
                let (x, y) = (a as *const f32, b as *const f32);
                *x == *y && *x.add(1) == *y.add(1)
            }
            KIND_COMPLEX128 => {
                let (x, y) = (a as *const f64, b as *const f64);
                *x == *y && *x.add(1) == *y.add(1)
            }
            KIND_STRING => {
                let (x, y) = (*(a as *const GoString), *(b as *const GoString));
                x.len == y.len && (x.ptr == y.ptr || x.as_bytes() == y.as_bytes())
            }
            KIND_INTERFACE => {
                let empty = t.len == 0;
                let ta = dynamic_type(empty, *(a as *const *const u8));
                let tb = dynamic_type(empty, *(b as *const *const u8));
                if ta != tb {
                    return false;
                }
                if ta.is_null() {
                    return true;
                }
                let dt = &*ta;
                if !dt.is_comparable() {
                    panic::rgo_panic_uncomparable(dt);
                }
                let va = iface_value_ptr(dt, (a as *const *mut u8).add(1));
                let vb = iface_value_ptr(dt, (b as *const *mut u8).add(1));
                type_equal(dt, va, vb)
            }
            KIND_ARRAY => {
                let et = t.elem();
                (0..t.len).all(|i| type_equal(et, a.add(i * et.size), b.add(i * et.size)))
            }
            KIND_STRUCT => t
                .struct_fields()
                .iter()
                .filter(|f| !is_blank(f))
                .all(|f| type_equal(&*f.typ, a.add(f.offset), b.add(f.offset))),
            _ => panic::rgo_panic_uncomparable(t),
        }
    }
}

/// # Safety
/// `t` must be a valid descriptor and `p` point to a value of that type.
#[no_mangle]
pub unsafe extern "C" fn rgo_typehash(t: *const Type, p: *const u8, seed: usize) -> usize {
    // SAFETY: forwarded from the caller.
    unsafe { type_hash(&*t, p, seed as u64) as usize }
}

/// # Safety
/// `t` must be a valid descriptor and `a`, `b` point to values of it.
#[no_mangle]
pub unsafe extern "C" fn rgo_typeequal(t: *const Type, a: *const u8, b: *const u8) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe { type_equal(&*t, a, b) as u8 }
}

/// Equality of two interface data words holding the same dynamic type.
///
/// # Safety
/// `a` and `b` must be data words of values of type `t` (or `t` null).
#[no_mangle]
pub unsafe extern "C" fn rgo_efaceeq(t: *const Type, a: *mut u8, b: *mut u8) -> u8 {
    if t.is_null() {
        return 1;
    }
    // SAFETY: a non-null descriptor is valid.
    let t = unsafe { &*t };
    if !t.is_comparable() {
        panic::rgo_panic_uncomparable(t);
    }
    if t.is_direct_iface() {
        return (a == b) as u8;
    }
    // SAFETY: indirect data words point at values of type `t`.
    unsafe { type_equal(t, a, b) as u8 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    #[test]
    fn floats_follow_ieee() {
        // SAFETY: test descriptors and values match.
        unsafe {
            let t = &*float64_type();
            let (pz, nz, nan) = (0.0f64, -0.0f64, f64::NAN);
            let p = |x: &f64| x as *const f64 as *const u8;
            assert!(type_equal(t, p(&pz), p(&nz)));
            assert_eq!(type_hash(t, p(&pz), 1), type_hash(t, p(&nz), 1));
            assert!(!type_equal(t, p(&nan), p(&nan)));
            assert_ne!(type_hash(t, p(&nan), 1), type_hash(t, p(&nan), 1));
        }
    }

    #[test]
    fn strings_and_interfaces() {
        // SAFETY: test descriptors and values match.
        unsafe {
            let st = &*string_type();
            let a = GoString::from_static("hello");
            let b = crate::string::copy_to_go(b"hello");
            let pa = &a as *const GoString as *const u8;
            let pb = &b as *const GoString as *const u8;
            assert!(type_equal(st, pa, pb));
            assert_eq!(type_hash(st, pa, 7), type_hash(st, pb, 7));
            let et = &*empty_iface_type();
            let ea = Eface {
                typ: string_type(),
                data: pa as *mut u8,
            };
            let eb = Eface {
                typ: string_type(),
                data: pb as *mut u8,
            };
            let (qa, qb) = (
                &ea as *const Eface as *const u8,
                &eb as *const Eface as *const u8,
            );
            assert!(type_equal(et, qa, qb));
            assert_eq!(type_hash(et, qa, 3), type_hash(et, qb, 3));
        }
    }
}
