//! The order in which fmt prints map entries (Go's `internal/fmtsort`):
//! numbers, strings and booleans by value (NaN first), pointers and
//! channels by address, structs and arrays element by element, interfaces
//! by dynamic type (descriptor address) and then value, nil first.

use core::cmp::Ordering;

use crate::abi::*;

fn cmp_float(a: f64, b: f64) -> Ordering {
    // cmp.Compare: NaN is less than everything and equal to NaN.
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        _ => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
    }
}

/// Compares two values of type `t`.
///
/// # Safety
/// `a` and `b` must point to values of type `t`.
unsafe fn compare(t: &Type, a: *const u8, b: *const u8) -> Ordering {
    // SAFETY: both point to values of type `t` (caller's contract).
    unsafe {
        match t.kind {
            KIND_INT | KIND_INT64 => (*(a as *const i64)).cmp(&*(b as *const i64)),
            KIND_INT8 => (*(a as *const i8)).cmp(&*(b as *const i8)),
            KIND_INT16 => (*(a as *const i16)).cmp(&*(b as *const i16)),
            KIND_INT32 => (*(a as *const i32)).cmp(&*(b as *const i32)),
            KIND_UINT | KIND_UINT64 | KIND_UINTPTR | KIND_POINTER | KIND_CHAN
            | KIND_UNSAFE_POINTER => (*(a as *const u64)).cmp(&*(b as *const u64)),
            KIND_UINT8 | KIND_BOOL => (*a).cmp(&*b),
            KIND_UINT16 => (*(a as *const u16)).cmp(&*(b as *const u16)),
            KIND_UINT32 => (*(a as *const u32)).cmp(&*(b as *const u32)),
            KIND_STRING => (*(a as *const GoString))
                .as_bytes()
                .cmp((*(b as *const GoString)).as_bytes()),
            KIND_FLOAT32 => cmp_float(*(a as *const f32) as f64, *(b as *const f32) as f64),
            KIND_FLOAT64 => cmp_float(*(a as *const f64), *(b as *const f64)),
            KIND_COMPLEX64 => {
                let (x, y) = (a as *const f32, b as *const f32);
                cmp_float(*x as f64, *y as f64)
                    .then_with(|| cmp_float(*x.add(1) as f64, *y.add(1) as f64))
            }
            KIND_COMPLEX128 => {
                let (x, y) = (a as *const f64, b as *const f64);
                cmp_float(*x, *y).then_with(|| cmp_float(*x.add(1), *y.add(1)))
            }
            KIND_STRUCT => {
                for f in t.struct_fields() {
                    let c = compare(&*f.typ, a.add(f.offset), b.add(f.offset));
                    if c != Ordering::Equal {
                        return c;
                    }
                }
                Ordering::Equal
            }
            KIND_ARRAY => {
                let et = t.elem();
                for i in 0..t.len {
                    let c = compare(et, a.add(i * et.size), b.add(i * et.size));
                    if c != Ordering::Equal {
                        return c;
                    }
                }
                Ordering::Equal
            }
            KIND_INTERFACE => {
                let empty = t.len == 0;
                let ta = dynamic_type(empty, *(a as *const *const u8));
                let tb = dynamic_type(empty, *(b as *const *const u8));
                match (ta.is_null(), tb.is_null()) {
                    (true, true) => return Ordering::Equal,
                    (true, false) => return Ordering::Less,
                    (false, true) => return Ordering::Greater,
                    _ => {}
                }
                let c = (ta as usize).cmp(&(tb as usize));
                if c != Ordering::Equal {
                    return c;
                }
                let dt = &*ta;
                let value = |p: *const u8| {
                    let data = p.add(8);
                    if dt.is_direct_iface() {
                        data
                    } else {
                        *(data as *const *const u8)
                    }
                };
                compare(dt, value(a), value(b))
            }
            _ => Ordering::Equal,
        }
    }
}

/// Sorts map entries `(key, value)` by key, stably.
pub fn sort_entries(kt: &Type, entries: &mut [(*const u8, *const u8)]) {
    // SAFETY: every key pointer points to a key of type `kt`.
    entries.sort_by(|x, y| unsafe { compare(kt, x.0, y.0) });
}
