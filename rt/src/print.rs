//! The `print`/`println` builtins, and the byte-level output the rest of the
//! runtime uses for its own messages. Everything goes to stderr, one
//! `write(2)` per piece, unbuffered, as gc's runtime does; values are laid
//! out as gc prints them (floats in strconv's shortest `%g` form, pointers
//! in hex, `(type,data)` for interfaces).

use crate::abi::GoString;
use crate::fmt::float;
use crate::sys;

/// Where runtime messages go: stderr in programs, a buffer in tests.
pub trait Sink {
    fn put(&mut self, b: &[u8]);
}

impl Sink for Vec<u8> {
    fn put(&mut self, b: &[u8]) {
        self.extend_from_slice(b);
    }
}

/// File descriptor 2, unbuffered.
pub struct Stderr;

impl Sink for Stderr {
    fn put(&mut self, b: &[u8]) {
        sys::write_all(2, b);
    }
}

pub fn put_uint(s: &mut dyn Sink, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    s.put(&buf[i..]);
}

pub fn put_int(s: &mut dyn Sink, v: i64) {
    if v < 0 {
        s.put(b"-");
    }
    put_uint(s, v.unsigned_abs());
}

/// `0x` and lowercase hex digits, as gc's `printhex`.
pub fn put_hex(s: &mut dyn Sink, mut v: u64) {
    const DIG: &[u8; 16] = b"0123456789abcdef";
    let mut buf = [0u8; 18];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIG[(v % 16) as usize];
        v /= 16;
        if v == 0 {
            break;
        }
    }
    i -= 2;
    buf[i] = b'0';
    buf[i + 1] = b'x';
    s.put(&buf[i..]);
}

pub fn put_bool(s: &mut dyn Sink, b: bool) {
    s.put(if b { b"true" } else { b"false" });
}

/// A float as gc's runtime prints it: strconv's shortest `%g`.
pub fn put_float(s: &mut dyn Sink, v: f64, bitsize: u32) {
    let mut b = Vec::with_capacity(24);
    float::append_float(&mut b, v, b'g', -1, bitsize);
    s.put(&b);
}

pub fn put_complex(s: &mut dyn Sink, re: f64, im: f64, bitsize: u32) {
    let mut b = Vec::with_capacity(48);
    float::append_complex(&mut b, re, im, b'g', -1, bitsize);
    s.put(&b);
}

/// # Safety
/// `p` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn rgo_printstring(p: *const u8, len: isize) {
    // SAFETY: the caller passes a Go string.
    Stderr.put(unsafe { GoString { ptr: p, len }.as_bytes() });
}

#[no_mangle]
pub extern "C" fn rgo_printint(v: i64) {
    put_int(&mut Stderr, v);
}

#[no_mangle]
pub extern "C" fn rgo_printuint(v: u64) {
    put_uint(&mut Stderr, v);
}

#[no_mangle]
pub extern "C" fn rgo_printfloat(v: f64) {
    put_float(&mut Stderr, v, 64);
}

#[no_mangle]
pub extern "C" fn rgo_printfloat32(v: f32) {
    put_float(&mut Stderr, v as f64, 32);
}

#[no_mangle]
pub extern "C" fn rgo_printcomplex(re: f64, im: f64) {
    put_complex(&mut Stderr, re, im, 128);
}

#[no_mangle]
pub extern "C" fn rgo_printcomplex64(re: f32, im: f32) {
    put_complex(&mut Stderr, re as f64, im as f64, 64);
}

#[no_mangle]
pub extern "C" fn rgo_printbool(b: u8) {
    put_bool(&mut Stderr, b != 0);
}

#[no_mangle]
pub extern "C" fn rgo_printpointer(p: *const u8) {
    put_hex(&mut Stderr, p as u64);
}

#[no_mangle]
pub extern "C" fn rgo_printsp() {
    Stderr.put(b" ");
}

#[no_mangle]
pub extern "C" fn rgo_printnl() {
    Stderr.put(b"\n");
}

/// An interface value: `(0xtype,0xdata)`.
#[no_mangle]
pub extern "C" fn rgo_printeface(t: *const u8, data: *const u8) {
    let s = &mut Stderr;
    s.put(b"(");
    put_hex(s, t as u64);
    s.put(b",");
    put_hex(s, data as u64);
    s.put(b")");
}

/// A slice: `[len/cap]0xptr`.
#[no_mangle]
pub extern "C" fn rgo_printslice(p: *const u8, len: isize, cap: isize) {
    let s = &mut Stderr;
    s.put(b"[");
    put_int(s, len as i64);
    s.put(b"/");
    put_int(s, cap as i64);
    s.put(b"]");
    put_hex(s, p as u64);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(f: impl FnOnce(&mut dyn Sink)) -> String {
        let mut v: Vec<u8> = Vec::new();
        f(&mut v);
        String::from_utf8(v).unwrap()
    }

    /// As go1.27.3's `println` prints them.
    #[test]
    fn builtin_formats() {
        assert_eq!(out(|s| put_float(s, 1.5, 64)), "1.5");
        assert_eq!(out(|s| put_float(s, 0.1f32 as f64, 32)), "0.1");
        assert_eq!(out(|s| put_float(s, 1e21, 64)), "1e+21");
        assert_eq!(out(|s| put_float(s, 1e-7, 64)), "1e-07");
        assert_eq!(out(|s| put_float(s, -0.0, 64)), "-0");
        assert_eq!(out(|s| put_float(s, f64::NAN, 64)), "NaN");
        assert_eq!(out(|s| put_float(s, f64::INFINITY, 64)), "+Inf");
        assert_eq!(out(|s| put_float(s, 12345678.0, 64)), "1.2345678e+07");
        assert_eq!(out(|s| put_float(s, 100000.0, 64)), "100000");
        assert_eq!(out(|s| put_float(s, 1e-4, 64)), "0.0001");
        assert_eq!(out(|s| put_complex(s, 3.0, 4.0, 128)), "(3+4i)");
        assert_eq!(out(|s| put_complex(s, 1.5, -2.0, 64)), "(1.5-2i)");
        assert_eq!(out(|s| put_int(s, i64::MIN)), "-9223372036854775808");
        assert_eq!(out(|s| put_uint(s, 1 << 63)), "9223372036854775808");
        assert_eq!(out(|s| put_hex(s, 0)), "0x0");
        assert_eq!(out(|s| put_hex(s, 0xc000012345)), "0xc000012345");
    }
}
