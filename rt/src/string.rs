//! Strings: concatenation, comparison, conversions to and from byte and
//! rune slices, and UTF-8 decoding with Go's rules (each byte of an invalid
//! sequence decodes to U+FFFD, width 1).

use crate::abi::{GoSlice, GoString};
use crate::mem::{self, sizeclasses::roundupsize};

pub const RUNE_ERROR: u32 = 0xFFFD;

/// Copies `b` into a new Go heap string.
pub fn copy_to_go(b: &[u8]) -> GoString {
    if b.is_empty() {
        return GoString::EMPTY;
    }
    let p = mem::alloc_noscan(b.len());
    // SAFETY: `p` is a fresh allocation of `b.len()` bytes.
    unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len()) };
    GoString {
        ptr: p,
        len: b.len() as isize,
    }
}

/// Decodes the rune starting at `s[i]`: (rune, width). Invalid encodings
/// give (U+FFFD, 1).
pub fn decode_rune(s: &[u8], i: usize) -> (u32, usize) {
    let b0 = s[i];
    if b0 < 0x80 {
        return (b0 as u32, 1);
    }
    let cont = |j: usize, lo: u8, hi: u8| -> Option<u32> {
        let b = *s.get(i + j)?;
        if b < lo || b > hi {
            None
        } else {
            Some((b & 0x3F) as u32)
        }
    };
    let r = match b0 {
        0xC2..=0xDF => cont(1, 0x80, 0xBF).map(|c1| (((b0 & 0x1F) as u32) << 6 | c1, 2)),
        0xE0..=0xEF => {
            let (lo, hi) = match b0 {
                0xE0 => (0xA0, 0xBF),
                0xED => (0x80, 0x9F),
                _ => (0x80, 0xBF),
            };
            cont(1, lo, hi).and_then(|c1| {
                cont(2, 0x80, 0xBF).map(|c2| (((b0 & 0x0F) as u32) << 12 | c1 << 6 | c2, 3))
            })
        }
        0xF0..=0xF4 => {
            let (lo, hi) = match b0 {
                0xF0 => (0x90, 0xBF),
                0xF4 => (0x80, 0x8F),
                _ => (0x80, 0xBF),
            };
            cont(1, lo, hi).and_then(|c1| {
                cont(2, 0x80, 0xBF).and_then(|c2| {
                    cont(3, 0x80, 0xBF)
                        .map(|c3| (((b0 & 0x07) as u32) << 18 | c1 << 12 | c2 << 6 | c3, 4))
                })
            })
        }
        _ => None,
    };
    r.unwrap_or((RUNE_ERROR, 1))
}

/// Whether `r` can be encoded (a valid Unicode scalar value).
pub fn valid_rune(r: i64) -> bool {
    (0..0xD800).contains(&r) || (0xE000..=0x10FFFF).contains(&r)
}

/// Appends the UTF-8 encoding of `r` (U+FFFD if invalid).
pub fn encode_rune(out: &mut Vec<u8>, r: i64) {
    let r = if valid_rune(r) { r as u32 } else { RUNE_ERROR };
    let mut buf = [0u8; 4];
    let n = encode_into(&mut buf, r);
    out.extend_from_slice(&buf[..n]);
}

/// Encodes a valid scalar value into `buf`; returns the width.
fn encode_into(buf: &mut [u8; 4], r: u32) -> usize {
    if r < 0x80 {
        buf[0] = r as u8;
        1
    } else if r < 0x800 {
        buf[0] = 0xC0 | (r >> 6) as u8;
        buf[1] = 0x80 | (r & 0x3F) as u8;
        2
    } else if r < 0x10000 {
        buf[0] = 0xE0 | (r >> 12) as u8;
        buf[1] = 0x80 | ((r >> 6) & 0x3F) as u8;
        buf[2] = 0x80 | (r & 0x3F) as u8;
        3
    } else {
        buf[0] = 0xF0 | (r >> 18) as u8;
        buf[1] = 0x80 | ((r >> 12) & 0x3F) as u8;
        buf[2] = 0x80 | ((r >> 6) & 0x3F) as u8;
        buf[3] = 0x80 | (r & 0x3F) as u8;
        4
    }
}

fn rune_len(r: i64) -> usize {
    if !valid_rune(r) {
        3
    } else if r < 0x80 {
        1
    } else if r < 0x800 {
        2
    } else if r < 0x10000 {
        3
    } else {
        4
    }
}

/// # Safety
/// Both arguments must be Go strings.
#[no_mangle]
pub unsafe extern "C" fn rgo_concatstring(
    a: *const u8,
    alen: isize,
    b: *const u8,
    blen: isize,
) -> GoString {
    if alen == 0 {
        return GoString { ptr: b, len: blen };
    }
    if blen == 0 {
        return GoString { ptr: a, len: alen };
    }
    let n = alen as usize + blen as usize;
    let p = mem::alloc_noscan(n);
    // SAFETY: `p` has room for both; the sources are the callers' strings.
    unsafe {
        core::ptr::copy_nonoverlapping(a, p, alen as usize);
        core::ptr::copy_nonoverlapping(b, p.add(alen as usize), blen as usize);
    }
    GoString {
        ptr: p,
        len: n as isize,
    }
}

/// `s[0] + s[1] + ... + s[n-1]` in one allocation.
///
/// # Safety
/// `s` must point to `n` Go strings.
#[no_mangle]
pub unsafe extern "C" fn rgo_concatstrings(s: *const GoString, n: isize) -> GoString {
    // SAFETY: guaranteed by the caller.
    let parts = unsafe { core::slice::from_raw_parts(s, n.max(0) as usize) };
    let total: usize = parts.iter().map(|p| p.len as usize).sum();
    let nonempty = parts.iter().filter(|p| p.len > 0).count();
    if nonempty <= 1 {
        // A lone non-empty operand is returned as is (gc does the same).
        return parts
            .iter()
            .find(|p| p.len > 0)
            .copied()
            .unwrap_or(GoString::EMPTY);
    }
    let p = mem::alloc_noscan(total);
    let mut at = 0;
    for part in parts {
        // SAFETY: `p` has room for `total` bytes; parts are Go strings.
        unsafe { core::ptr::copy_nonoverlapping(part.ptr, p.add(at), part.len as usize) };
        at += part.len as usize;
    }
    GoString {
        ptr: p,
        len: total as isize,
    }
}

/// # Safety
/// Both arguments must be Go strings.
#[no_mangle]
pub unsafe extern "C" fn rgo_cmpstring(
    a: *const u8,
    alen: isize,
    b: *const u8,
    blen: isize,
) -> isize {
    // SAFETY: the caller passes Go strings.
    let (x, y) = unsafe {
        (
            GoString { ptr: a, len: alen }.as_bytes(),
            GoString { ptr: b, len: blen }.as_bytes(),
        )
    };
    match x.cmp(y) {
        core::cmp::Ordering::Less => -1,
        core::cmp::Ordering::Equal => 0,
        core::cmp::Ordering::Greater => 1,
    }
}

/// # Safety
/// Both arguments must be Go strings.
#[no_mangle]
pub unsafe extern "C" fn rgo_eqstring(a: *const u8, alen: isize, b: *const u8, blen: isize) -> u8 {
    if alen != blen {
        return 0;
    }
    if a == b {
        return 1;
    }
    // SAFETY: the caller passes Go strings.
    unsafe {
        (GoString { ptr: a, len: alen }.as_bytes() == GoString { ptr: b, len: blen }.as_bytes())
            as u8
    }
}

/// `string(rune(r))`.
#[no_mangle]
pub extern "C" fn rgo_intstring(r: i64) -> GoString {
    let mut v = Vec::with_capacity(4);
    encode_rune(&mut v, r);
    copy_to_go(&v)
}

/// # Safety
/// `p` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn rgo_slicebytetostring(p: *const u8, len: isize) -> GoString {
    // SAFETY: the caller passes a byte slice's data.
    copy_to_go(unsafe { GoString { ptr: p, len }.as_bytes() })
}

/// `[]byte(s)`: capacity rounded up to the size class, as gc's
/// `rawbyteslice`.
///
/// # Safety
/// `out` must be writable; `p` must point to `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn rgo_stringtoslicebyte(out: *mut GoSlice, p: *const u8, len: isize) {
    let n = len.max(0) as usize;
    let cap = roundupsize(n, true);
    let dst = mem::alloc_noscan(cap);
    // SAFETY: `dst` has room for `cap >= n` bytes; `p` has `n`.
    unsafe {
        core::ptr::copy_nonoverlapping(p, dst, n);
        *out = GoSlice {
            ptr: dst,
            len: n as isize,
            cap: cap as isize,
        };
    }
}

/// `[]rune(s)`: capacity rounded up as gc's `rawruneslice`.
///
/// # Safety
/// `out` must be writable; `p` must point to `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn rgo_stringtoslicerune(out: *mut GoSlice, p: *const u8, len: isize) {
    // SAFETY: the caller passes a Go string.
    let s = unsafe { GoString { ptr: p, len }.as_bytes() };
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        i += decode_rune(s, i).1;
        n += 1;
    }
    let mem = roundupsize(n * 4, true);
    let dst = mem::alloc_noscan(mem) as *mut i32;
    let mut i = 0;
    let mut k = 0;
    while i < s.len() {
        let (r, w) = decode_rune(s, i);
        // SAFETY: `dst` holds at least `n` runes and `k < n`.
        unsafe { *dst.add(k) = r as i32 };
        i += w;
        k += 1;
    }
    // SAFETY: the caller passes a writable slice header.
    unsafe {
        *out = GoSlice {
            ptr: dst as *mut u8,
            len: n as isize,
            cap: (mem / 4) as isize,
        };
    }
}

/// `string(runes)`.
///
/// # Safety
/// `p` must point to `len` runes.
#[no_mangle]
pub unsafe extern "C" fn rgo_slicerunetostring(p: *const i32, len: isize) -> GoString {
    let rs = if len <= 0 {
        &[][..]
    } else {
        // SAFETY: the caller passes a rune slice's data.
        unsafe { core::slice::from_raw_parts(p, len as usize) }
    };
    let n: usize = rs.iter().map(|&r| rune_len(r as i64)).sum();
    let mut v = Vec::with_capacity(n);
    for &r in rs {
        encode_rune(&mut v, r as i64);
    }
    copy_to_go(&v)
}

/// The result of `rgo_decoderune` (RAX:RDX).
#[repr(C)]
pub struct RuneNext {
    pub rune: i64,
    pub next: i64,
}

/// Decodes the rune at byte `index` of a string (for `range` loops).
///
/// # Safety
/// `p` must point to `len` bytes and `0 <= index < len`.
#[no_mangle]
pub unsafe extern "C" fn rgo_decoderune(p: *const u8, len: isize, index: isize) -> RuneNext {
    // SAFETY: the caller passes a Go string.
    let s = unsafe { GoString { ptr: p, len }.as_bytes() };
    let (r, w) = decode_rune(s, index as usize);
    RuneNext {
        rune: r as i64,
        next: index as i64 + w as i64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gs(s: &'static str) -> GoString {
        GoString::from_static(s)
    }

    #[test]
    fn decodes_as_go() {
        assert_eq!(decode_rune("é".as_bytes(), 0), (0xE9, 2));
        assert_eq!(decode_rune("€".as_bytes(), 0), (0x20AC, 3));
        assert_eq!(decode_rune("😀".as_bytes(), 0), (0x1F600, 4));
        assert_eq!(decode_rune(b"\xff", 0), (RUNE_ERROR, 1));
        // Surrogate halves and overlong forms are invalid.
        assert_eq!(decode_rune(b"\xed\xa0\x80", 0), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xc0\x80", 0), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xe2\x82", 0), (RUNE_ERROR, 1));
    }

    #[test]
    fn conversions() {
        // SAFETY: results are Go strings/slices built above.
        unsafe {
            assert_eq!(rgo_intstring(0x41).as_bytes(), b"A");
            assert_eq!(rgo_intstring(-1).as_bytes(), "\u{FFFD}".as_bytes());
            assert_eq!(rgo_intstring(0xD800).as_bytes(), "\u{FFFD}".as_bytes());
            let a = gs("héllo");
            let c = rgo_concatstring(a.ptr, a.len, a.ptr, a.len);
            assert_eq!(c.as_bytes(), "héllohéllo".as_bytes());
            assert_eq!(rgo_cmpstring(a.ptr, a.len, c.ptr, c.len), -1);
            assert_eq!(rgo_eqstring(a.ptr, a.len, c.ptr, 6), 1);
            let mut sl = GoSlice {
                ptr: core::ptr::null_mut(),
                len: 0,
                cap: 0,
            };
            rgo_stringtoslicebyte(&mut sl, a.ptr, 3);
            assert_eq!((sl.len, sl.cap), (3, 8));
            rgo_stringtoslicerune(&mut sl, a.ptr, a.len);
            assert_eq!((sl.len, sl.cap), (5, 6));
            let back = rgo_slicerunetostring(sl.ptr as *const i32, sl.len);
            assert_eq!(back.as_bytes(), "héllo".as_bytes());
            let parts = [gs("a"), gs(""), gs("bc"), gs("d")];
            assert_eq!(rgo_concatstrings(parts.as_ptr(), 4).as_bytes(), b"abcd");
            let r = rgo_decoderune(a.ptr, a.len, 1);
            assert_eq!((r.rune, r.next), (0xE9, 3));
        }
    }
}
