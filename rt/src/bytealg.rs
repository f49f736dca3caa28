//! Entry points of the overlay `internal/bytealg` package (gc implements
//! these in assembly or inside its runtime).

use crate::abi::GoSlice;
use crate::mem::{self, sizeclasses::roundupsize, MAX_ALLOC};
use crate::panic;

/// The index of the first byte `c` in `p[..n]`, or -1.
///
/// # Safety
/// `p` must point to `n` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn rgo_indexbyte(p: *const u8, n: isize, c: u8) -> isize {
    if n <= 0 {
        return -1;
    }
    // SAFETY: the caller passes `n` readable bytes.
    let s = unsafe { core::slice::from_raw_parts(p, n as usize) };
    s.iter().position(|&b| b == c).map_or(-1, |i| i as isize)
}

/// `bytealg.MakeNoZero(n)`: a byte slice of length `n` whose capacity is
/// the whole size class, as gc's (the memory happens to be zeroed here).
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn rgo_makenozero(out: *mut GoSlice, n: isize) {
    if n < 0 || n as usize > MAX_ALLOC {
        panic::rgo_panic_makeslice_len();
    }
    let cap = roundupsize(n as usize, true);
    let p = mem::alloc_noscan(cap);
    // SAFETY: `out` is the caller's result slot.
    unsafe {
        *out = GoSlice {
            ptr: p,
            len: n,
            cap: cap as isize,
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_byte() {
        let s = b"hello";
        // SAFETY: `s` has 5 bytes.
        unsafe {
            assert_eq!(rgo_indexbyte(s.as_ptr(), 5, b'l'), 2);
            assert_eq!(rgo_indexbyte(s.as_ptr(), 5, b'z'), -1);
            assert_eq!(rgo_indexbyte(s.as_ptr(), 0, b'h'), -1);
        }
    }

    #[test]
    fn make_no_zero_rounds_capacity() {
        let mut out = GoSlice {
            ptr: core::ptr::null_mut(),
            len: 0,
            cap: 0,
        };
        // SAFETY: `out` is writable.
        unsafe { rgo_makenozero(&mut out, 3) };
        assert_eq!((out.len, out.cap), (3, 8));
    }
}
