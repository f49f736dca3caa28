//! Slices: `make` and `append`'s growth, with gc's checks, messages and
//! growth policy (double below 256 elements, then about 1.25×, then round
//! the byte size up to the allocator's size class), so `cap()` after
//! `append` prints the same numbers as under gc.

use crate::abi::{GoSlice, Type};
use crate::mem::{self, sizeclasses::roundupsize, MAX_ALLOC, ZEROBASE};
use crate::panic;

/// The allocation type for an array of `elem`: None when it has no
/// pointers.
fn alloc_type(elem: &Type) -> Option<&Type> {
    (!elem.noscan()).then_some(elem)
}

/// `make([]T, len, cap)`: the backing array (zeroed).
///
/// # Safety
/// `elem` must be a valid descriptor.
#[no_mangle]
pub unsafe extern "C" fn rgo_makeslice(elem: *const Type, len: isize, cap: isize) -> *mut u8 {
    // SAFETY: the caller passes a valid descriptor.
    let et = unsafe { &*elem };
    let mem = et.size.checked_mul(cap as usize);
    if cap < 0 || len < 0 || len > cap || mem.is_none_or(|m| m > MAX_ALLOC) {
        let lmem = et.size.checked_mul(len as usize);
        if len < 0 || lmem.is_none_or(|m| m > MAX_ALLOC) {
            panic::rgo_panic_makeslice_len();
        }
        panic::rgo_panic_makeslice_cap();
    }
    mem::alloc(mem.unwrap_or(0), alloc_type(et))
}

/// gc's `nextslicecap`: the capacity before size-class rounding.
pub fn next_slice_cap(new_len: isize, old_cap: isize) -> isize {
    let mut newcap = old_cap;
    let doublecap = newcap.wrapping_add(newcap);
    if new_len > doublecap {
        return new_len;
    }
    const THRESHOLD: isize = 256;
    if old_cap < THRESHOLD {
        return doublecap;
    }
    loop {
        // Transition from doubling small slices to growing large ones by
        // 1.25×, smoothly.
        newcap = newcap.wrapping_add((newcap.wrapping_add(3 * THRESHOLD)) >> 2);
        if newcap as usize >= new_len as usize {
            break;
        }
    }
    if newcap <= 0 {
        return new_len;
    }
    newcap
}

/// The capacity and byte size `append` allocates for `new_len` elements
/// of `elem_size` bytes growing from `old_cap`; None on overflow.
pub fn grow_cap(
    elem_size: usize,
    noscan: bool,
    new_len: isize,
    old_cap: isize,
) -> Option<(usize, usize)> {
    let newcap = next_slice_cap(new_len, old_cap) as usize;
    let capmem = elem_size.checked_mul(newcap)?;
    if capmem > MAX_ALLOC {
        return None;
    }
    let capmem = roundupsize(capmem, noscan);
    let newcap = capmem / elem_size;
    Some((newcap, newcap * elem_size))
}

/// `append` past capacity: a new backing array holding the old `len`
/// elements, with room for `len + extra`.
///
/// # Safety
/// `out` must be writable; `elem` valid; `ptr` must hold `len` elements.
#[no_mangle]
pub unsafe extern "C" fn rgo_growslice(
    out: *mut GoSlice,
    elem: *const Type,
    ptr: *mut u8,
    len: isize,
    cap: isize,
    extra: isize,
) {
    // SAFETY: the caller passes a valid descriptor.
    let et = unsafe { &*elem };
    let new_len = len.wrapping_add(extra);
    if new_len < 0 {
        panic::runtime_error(b"runtime error: growslice: len out of range");
    }
    if et.size == 0 {
        // SAFETY: the caller passes a writable header.
        unsafe {
            *out = GoSlice {
                ptr: &ZEROBASE as *const u64 as *mut u8,
                len: new_len,
                cap: new_len,
            };
        }
        return;
    }
    let Some((newcap, capmem)) = grow_cap(et.size, et.noscan(), new_len, cap) else {
        panic::runtime_error(b"runtime error: growslice: len out of range")
    };
    let p = mem::alloc(capmem, alloc_type(et));
    // SAFETY: the new array holds at least `len` elements; the old one
    // holds `len` (they do not overlap: `p` is fresh).
    unsafe {
        if len > 0 {
            core::ptr::copy_nonoverlapping(ptr, p, len as usize * et.size);
        }
        *out = GoSlice {
            ptr: p,
            len: new_len,
            cap: newcap as isize,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Capacities after successive appends of one element, starting from a
    /// nil slice.
    fn caps(elem_size: usize, noscan: bool, n: usize) -> Vec<usize> {
        let (mut len, mut cap) = (0isize, 0isize);
        let mut out = Vec::new();
        for _ in 0..n {
            if len == cap {
                cap = grow_cap(elem_size, noscan, len + 1, cap).unwrap().0 as isize;
            }
            len += 1;
            out.push(cap as usize);
        }
        out
    }

    /// From go1.27.3 (appending to escaping nil slices, printing cap()).
    #[test]
    fn growth_matches_gc() {
        assert_eq!(
            caps(8, true, 20),
            [1, 2, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 32, 32, 32, 32]
        );
        let b = caps(1, true, 40);
        assert_eq!(&b[..9], &[8, 8, 8, 8, 8, 8, 8, 8, 16]);
        assert_eq!(b[16], 32);
        assert_eq!(b[39], 64);
        assert_eq!(
            caps(3, true, 20),
            [2, 2, 5, 5, 5, 10, 10, 10, 10, 10, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21]
        );
        // Pointers: the malloc header moves 1024 bytes to class 1152.
        let p = caps(8, false, 100);
        assert_eq!(p[63], 64);
        assert_eq!(p[64], 143);
        // append(nil, 5 ints) → 6.
        assert_eq!(grow_cap(8, true, 5, 0).unwrap().0, 6);
        // append(make([]int, 5), 1) → 10.
        assert_eq!(grow_cap(8, true, 6, 5).unwrap().0, 10);
    }

    #[test]
    fn growth_table_matches_gc() {
        for line in include_str!("testdata/grow.txt").lines() {
            if line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split(' ').collect();
            let size: usize = f[0].parse().unwrap();
            let noscan = f[1] == "true";
            let old_cap: isize = f[2].parse().unwrap();
            let new_len: isize = f[3].parse().unwrap();
            let want: usize = f[4].parse().unwrap();
            assert_eq!(
                grow_cap(size, noscan, new_len, old_cap).unwrap().0,
                want,
                "{line}"
            );
        }
    }
}
