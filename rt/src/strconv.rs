//! Entry points of the overlay `strconv` package: float formatting and
//! parsing with strconv's exact results, and Go-syntax quoting.

use crate::abi::GoString;
use crate::fmt::{float, quote};
use crate::string::copy_to_go;

/// `strconv.FormatFloat(f, fmt, prec, bitSize)`.
#[no_mangle]
pub extern "C" fn rgo_strconv_formatfloat(f: f64, fmt: u8, prec: i64, bitsize: i64) -> GoString {
    let mut v = Vec::with_capacity(32);
    float::append_float(&mut v, f, fmt, prec as i32, bitsize as u32);
    copy_to_go(&v)
}

/// `strconv.Quote` (`ascii` = 0) and `strconv.QuoteToASCII` (1).
///
/// # Safety
/// `s` must be a Go string.
#[no_mangle]
pub unsafe extern "C" fn rgo_strconv_quote(s: *const u8, len: isize, ascii: u8) -> GoString {
    let mut v = Vec::with_capacity(len as usize + 2);
    // SAFETY: the caller passes a Go string.
    quote::append_quote(
        &mut v,
        unsafe { GoString { ptr: s, len }.as_bytes() },
        ascii != 0,
    );
    copy_to_go(&v)
}

/// `strconv.QuoteRune` (`ascii` = 0) and `strconv.QuoteRuneToASCII` (1).
#[no_mangle]
pub extern "C" fn rgo_strconv_quoterune(r: i32, ascii: u8) -> GoString {
    let mut v = Vec::with_capacity(8);
    quote::append_quote_rune(&mut v, r as i64, ascii != 0);
    copy_to_go(&v)
}

/// `strconv.IsPrint(r)`.
#[no_mangle]
pub extern "C" fn rgo_strconv_isprint(r: i32) -> u8 {
    (r >= 0 && quote::is_print(r as u32)) as u8
}

/// `strconv.CanBackquote(s)`.
///
/// # Safety
/// `s` must be a Go string.
#[no_mangle]
pub unsafe extern "C" fn rgo_strconv_canbackquote(s: *const u8, len: isize) -> u8 {
    // SAFETY: the caller passes a Go string.
    quote::can_backquote(unsafe { GoString { ptr: s, len }.as_bytes() }) as u8
}

/// `(value, error)` of `rgo_strconv_parsefloat`: 0 ok, 1 syntax, 2 range.
#[repr(C)]
pub struct ParseResult {
    pub value: f64,
    pub err: i64,
}

/// Go's `math.NaN()`.
const GO_NAN: u64 = 0x7ff8_0000_0000_0001;

fn eq_ignore_case(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_ascii_lowercase() == *y)
}

/// Whether the underscores of a float literal are where Go allows them:
/// each between two digits, or between a base prefix and a digit.
fn underscores_ok(s: &[u8]) -> bool {
    let mut saw = b'^';
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(s[1] | 0x20, b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = s[1] | 0x20 == b'x';
    }
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() || hex && (c | 0x20).is_ascii_hexdigit() {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// A hexadecimal float literal body (after `0x`): mantissa digits with an
/// optional point, then a mandatory binary exponent `p±d`.
fn parse_hex(s: &[u8], neg: bool, bitsize: u32) -> Option<f64> {
    let mut mant: u64 = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut seen_point = false;
    let mut ndigits = 0;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == b'.' {
            if seen_point {
                return None;
            }
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            ndigits += 1;
            if mant >> 59 == 0 {
                mant = mant << 4 | d as u64;
                if seen_point {
                    exp -= 4;
                }
            } else {
                sticky |= d != 0;
                if !seen_point {
                    exp += 4;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if ndigits == 0 || i >= s.len() || s[i] | 0x20 != b'p' {
        return None;
    }
    i += 1;
    let mut eneg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        eneg = s[i] == b'-';
        i += 1;
    }
    if i >= s.len() {
        return None;
    }
    let mut e: i64 = 0;
    while i < s.len() {
        let c = s[i];
        if !c.is_ascii_digit() {
            return None;
        }
        e = (e * 10 + (c - b'0') as i64).min(100_000);
        i += 1;
    }
    exp += if eneg { -e } else { e };
    // Fold lost low digits into the last bit so rounding stays correct.
    if sticky {
        mant |= 1;
    }
    let v = if bitsize == 32 {
        scale(mant, exp) as f32 as f64
    } else {
        scale(mant, exp)
    };
    Some(if neg { -v } else { v })
}

/// `mant × 2^exp`, rounded once (ties to even) to a float64.
fn scale(mant: u64, exp: i64) -> f64 {
    if mant == 0 {
        return 0.0;
    }
    // Drop the bits below the 53 the result can hold (more for subnormal
    // results), rounding, so that what remains converts and scales exactly.
    let top = 63 - mant.leading_zeros() as i64; // highest set bit
    let mut shift = top - 52;
    if exp + top < -1022 {
        shift += -1022 - (exp + top);
    }
    let mut m = mant;
    if shift > 0 {
        if shift >= 64 {
            return 0.0;
        }
        let rem = m & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        m >>= shift;
        if rem > half || rem == half && m & 1 == 1 {
            m += 1;
        }
    }
    let mut e = exp + shift.max(0);
    if m >> 53 != 0 {
        m >>= 1;
        e += 1;
    }
    // Powers of two scale exactly (or overflow to infinity).
    let mut v = m as f64;
    while e > 0 {
        let step = e.min(1000);
        v *= f64::powi(2.0, step as i32);
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(1000);
        v /= f64::powi(2.0, step as i32);
        e += step;
    }
    v
}

/// `strconv.ParseFloat(s, bitSize)`: the value and an error code.
///
/// # Safety
/// `out` must be writable; `s` must be a Go string.
#[no_mangle]
pub unsafe extern "C" fn rgo_strconv_parsefloat(
    out: *mut ParseResult,
    s: *const u8,
    len: isize,
    bitsize: i64,
) {
    // SAFETY: the caller passes a Go string.
    let s = unsafe { GoString { ptr: s, len }.as_bytes() };
    let r = parse_float(s, bitsize as u32);
    // SAFETY: the caller passes a writable result.
    unsafe {
        *out = match r {
            Ok(v) => ParseResult { value: v, err: 0 },
            Err(Some(v)) => ParseResult { value: v, err: 2 },
            Err(None) => ParseResult { value: 0.0, err: 1 },
        };
    }
}

/// Ok(value), Err(Some(±Inf)) when out of range, Err(None) for bad syntax.
fn parse_float(s: &[u8], bitsize: u32) -> Result<f64, Option<f64>> {
    let (neg, body) = match s.first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    if eq_ignore_case(body, b"inf") || eq_ignore_case(body, b"infinity") {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if body.len() == s.len() && eq_ignore_case(body, b"nan") {
        return Ok(if bitsize == 32 {
            f32::NAN as f64
        } else {
            f64::from_bits(GO_NAN)
        });
    }
    if body.contains(&b'_') && !underscores_ok(body) {
        return Err(None);
    }
    let clean: Vec<u8> = body.iter().copied().filter(|&c| c != b'_').collect();
    if clean.len() >= 2 && clean[0] == b'0' && clean[1] | 0x20 == b'x' {
        let v = parse_hex(&clean[2..], neg, bitsize).ok_or(None)?;
        return if v.is_infinite() { Err(Some(v)) } else { Ok(v) };
    }
    // Decimal: digits, optional point and fraction, optional exponent.
    let ok_chars = clean
        .iter()
        .all(|&c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'));
    if clean.is_empty() || !ok_chars || !clean[0].is_ascii_digit() && clean[0] != b'.' {
        return Err(None);
    }
    let text = core::str::from_utf8(&clean).map_err(|_| None)?;
    let v = if bitsize == 32 {
        text.parse::<f32>().map_err(|_| None)? as f64
    } else {
        text.parse::<f64>().map_err(|_| None)?
    };
    let v = if neg { -v } else { v };
    if v.is_infinite() {
        Err(Some(v))
    } else {
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expectations from go1.27.3's `strconv.ParseFloat`.
    #[test]
    fn parses_as_go() {
        for line in include_str!("fmt/testdata/parsefloat.txt").lines() {
            if line.starts_with('#') {
                continue;
            }
            let end = line.rfind('"').unwrap();
            let input = &line[1..end];
            let rest: Vec<&str> = line[end + 2..].split(' ').collect();
            let bits: u32 = rest[0].parse().unwrap();
            let want = u64::from_str_radix(rest[1], 16).unwrap();
            let code: i64 = rest[2].parse().unwrap();
            let mut r = ParseResult { value: 0.0, err: 0 };
            // SAFETY: a valid string and result.
            unsafe {
                rgo_strconv_parsefloat(&mut r, input.as_ptr(), input.len() as isize, bits as i64)
            };
            assert_eq!((r.value.to_bits(), r.err), (want, code), "{line}");
        }
    }
}
