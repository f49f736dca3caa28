//! Floating-point formatting as Go's `strconv.AppendFloat` lays it out:
//! formats `e E f F g G b x X`, a precision (−1 = the shortest digits
//! that read back as the same value) and a bit size (32 or 64).
//!
//! Decimal digits come from `core`'s float formatting, which is exact:
//! `{:e}` gives the shortest round-trip digits and `{:.*e}` / `{:.*}` give
//! correctly rounded digits (ties to even, as strconv). Everything after
//! that — where the point goes, exponent form, padding of the exponent,
//! `%g`'s choice between the forms — is Go's layout, done here.

use core::fmt::Write;

/// Decimal digits `0.d1d2d3... × 10^dp` with no trailing zeros; no digits
/// means zero.
struct Decimal {
    d: Vec<u8>,
    dp: i32,
}

/// A `core::fmt::Write` into a byte vector.
struct VecWriter<'a>(&'a mut Vec<u8>);

impl Write for VecWriter<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Parses core's scientific output `d[.ddd]e[-]x` (sign already removed).
fn parse_sci(s: &[u8]) -> Decimal {
    let mut d = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() && s[i] != b'e' {
        if s[i].is_ascii_digit() {
            d.push(s[i]);
        }
        i += 1;
    }
    let mut exp: i32 = 0;
    let mut neg = false;
    i += 1;
    if i < s.len() && s[i] == b'-' {
        neg = true;
        i += 1;
    }
    while i < s.len() {
        exp = exp * 10 + (s[i] - b'0') as i32;
        i += 1;
    }
    if neg {
        exp = -exp;
    }
    trim(d, exp + 1)
}

/// Parses core's fixed output `ddd[.ddd]` (sign already removed).
fn parse_fixed(s: &[u8]) -> Decimal {
    let point = s.iter().position(|&c| c == b'.').unwrap_or(s.len());
    let mut d = Vec::with_capacity(s.len());
    let mut dp = point as i32;
    for &c in s {
        if c == b'.' {
            continue;
        }
        if d.is_empty() && c == b'0' {
            // Leading zeros (before or after the point) shift the point.
            dp -= 1;
            continue;
        }
        d.push(c);
    }
    // `dp` counted integer digits minus skipped zeros; zeros after the
    // point that precede the first digit were subtracted too, which is
    // exactly the shift for 0.000ddd.
    if d.is_empty() {
        return Decimal { d, dp: 0 };
    }
    trim(d, dp)
}

fn trim(mut d: Vec<u8>, dp: i32) -> Decimal {
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        return Decimal { d, dp: 0 };
    }
    Decimal { d, dp }
}

/// Shortest digits that read back as `v` (at the given bit size).
fn shortest(v: f64, bitsize: u32) -> Decimal {
    if v == 0.0 {
        return Decimal {
            d: Vec::new(),
            dp: 0,
        };
    }
    let mut s = Vec::with_capacity(32);
    let a = v.abs();
    let _ = if bitsize == 32 {
        write!(VecWriter(&mut s), "{:e}", a as f32)
    } else {
        write!(VecWriter(&mut s), "{:e}", a)
    };
    parse_sci(&s)
}

/// `n` (≥ 1) significant digits, correctly rounded.
fn significant(v: f64, n: usize) -> Decimal {
    if v == 0.0 {
        return Decimal {
            d: Vec::new(),
            dp: 0,
        };
    }
    let mut s = Vec::with_capacity(n + 8);
    let _ = write!(VecWriter(&mut s), "{:.*e}", n - 1, v.abs());
    parse_sci(&s)
}

/// Digits rounded at `prec` places after the decimal point.
fn fixed(v: f64, prec: usize) -> Decimal {
    let mut s = Vec::with_capacity(prec + 32);
    let _ = write!(VecWriter(&mut s), "{:.*}", prec, v.abs());
    parse_fixed(&s)
}

/// Appends `v` formatted as `strconv.AppendFloat(dst, v, fmt, prec, bitsize)`.
pub fn append_float(dst: &mut Vec<u8>, v: f64, fmt: u8, prec: i32, bitsize: u32) {
    let v = if bitsize == 32 { v as f32 as f64 } else { v };
    if v.is_nan() {
        dst.extend_from_slice(b"NaN");
        return;
    }
    if v.is_infinite() {
        dst.extend_from_slice(if v > 0.0 { b"+Inf" } else { b"-Inf" });
        return;
    }
    let neg = v.is_sign_negative();
    match fmt {
        b'b' => return fmt_b(dst, v, bitsize),
        b'x' | b'X' => return fmt_x(dst, v, prec, fmt, bitsize),
        _ => {}
    }
    let shortest_mode = prec < 0;
    let mut prec = prec;
    let digs;
    if shortest_mode {
        digs = shortest(v, bitsize);
        let nd = digs.d.len() as i32;
        prec = match fmt {
            b'e' | b'E' => (nd - 1).max(0),
            b'f' | b'F' => (nd - digs.dp).max(0),
            _ => nd,
        };
    } else {
        digs = match fmt {
            b'e' | b'E' => significant(v, prec as usize + 1),
            b'f' | b'F' => fixed(v, prec as usize),
            b'g' | b'G' => {
                if prec == 0 {
                    prec = 1;
                }
                significant(v, prec as usize)
            }
            _ => significant(v, 1),
        };
    }
    format_digits(dst, neg, &digs, prec, fmt, shortest_mode);
}

fn format_digits(dst: &mut Vec<u8>, neg: bool, digs: &Decimal, prec: i32, fmt: u8, shortest: bool) {
    let nd = digs.d.len() as i32;
    match fmt {
        b'e' | b'E' => fmt_e(dst, neg, digs, prec, fmt),
        b'f' | b'F' => fmt_f(dst, neg, digs, prec),
        b'g' | b'G' => {
            let mut eprec = prec;
            if eprec > nd && nd >= digs.dp {
                eprec = nd;
            }
            // %e is used if the exponent from the conversion is less than
            // -4 or at least the precision; the shortest form decides as if
            // the precision were 6.
            if shortest {
                eprec = 6;
            }
            let exp = digs.dp - 1;
            if exp < -4 || exp >= eprec {
                let p = if prec > nd { nd } else { prec };
                fmt_e(dst, neg, digs, p - 1, fmt + b'e' - b'g');
            } else {
                let p = if prec > digs.dp { nd } else { prec };
                fmt_f(dst, neg, digs, (p - digs.dp).max(0));
            }
        }
        _ => {
            dst.push(b'%');
            dst.push(fmt);
        }
    }
}

fn fmt_e(dst: &mut Vec<u8>, neg: bool, digs: &Decimal, prec: i32, fmt: u8) {
    if neg {
        dst.push(b'-');
    }
    let d = &digs.d;
    dst.push(if d.is_empty() { b'0' } else { d[0] });
    if prec > 0 {
        dst.push(b'.');
        let mut i = 1;
        let m = (d.len() as i32).min(prec + 1);
        while i < m {
            dst.push(d[i as usize]);
            i += 1;
        }
        while i <= prec {
            dst.push(b'0');
            i += 1;
        }
    }
    dst.push(fmt);
    let mut exp = if d.is_empty() { 0 } else { digs.dp - 1 };
    if exp < 0 {
        dst.push(b'-');
        exp = -exp;
    } else {
        dst.push(b'+');
    }
    if exp < 10 {
        dst.push(b'0');
        dst.push(b'0' + exp as u8);
    } else if exp < 100 {
        dst.push(b'0' + (exp / 10) as u8);
        dst.push(b'0' + (exp % 10) as u8);
    } else {
        dst.push(b'0' + (exp / 100) as u8);
        dst.push(b'0' + (exp / 10 % 10) as u8);
        dst.push(b'0' + (exp % 10) as u8);
    }
}

fn fmt_f(dst: &mut Vec<u8>, neg: bool, digs: &Decimal, prec: i32) {
    if neg {
        dst.push(b'-');
    }
    let d = &digs.d;
    let nd = d.len() as i32;
    if digs.dp > 0 {
        let m = nd.min(digs.dp);
        dst.extend_from_slice(&d[..m as usize]);
        for _ in m..digs.dp {
            dst.push(b'0');
        }
    } else {
        dst.push(b'0');
    }
    if prec > 0 {
        dst.push(b'.');
        for i in 1..=prec {
            let j = digs.dp + i - 1;
            dst.push(if 0 <= j && j < nd {
                d[j as usize]
            } else {
                b'0'
            });
        }
    }
}

/// `%b`: `-ddddp±ddd`, the binary mantissa and exponent.
fn fmt_b(dst: &mut Vec<u8>, v: f64, bitsize: u32) {
    let (neg, mant, mut exp, mantbits) = decompose(v, bitsize);
    if neg {
        dst.push(b'-');
    }
    exp -= mantbits as i32;
    append_u64(dst, mant);
    dst.push(b'p');
    if exp >= 0 {
        dst.push(b'+');
    }
    append_i64(dst, exp as i64);
}

/// Sign, integer mantissa (with the implicit bit), unbiased exponent and
/// mantissa width, as strconv's `%b`/`%x` see a float.
fn decompose(v: f64, bitsize: u32) -> (bool, u64, i32, u32) {
    let (bits, mantbits, expbits, bias) = if bitsize == 32 {
        ((v as f32).to_bits() as u64, 23u32, 8u32, -127i32)
    } else {
        (v.to_bits(), 52u32, 11u32, -1023i32)
    };
    let neg = (bits >> (expbits + mantbits)) != 0;
    let mut exp = ((bits >> mantbits) & ((1u64 << expbits) - 1)) as i32;
    let mut mant = bits & ((1u64 << mantbits) - 1);
    if exp == 0 {
        // Denormal.
        exp += 1;
    } else {
        mant |= 1u64 << mantbits;
    }
    exp += bias;
    (neg, mant, exp, mantbits)
}

/// `%x`/`%X`: `-0x1.yyyyyyp±dd`, hexadecimal mantissa and binary exponent.
fn fmt_x(dst: &mut Vec<u8>, v: f64, prec: i32, fmt: u8, bitsize: u32) {
    let (neg, mant0, exp0, mantbits) = decompose(v, bitsize);
    let mut mant = mant0;
    let mut exp = exp0;
    if mant == 0 {
        exp = 0;
    }
    // Shift digits so the leading 1 (if any) is at bit 60.
    mant <<= 60 - mantbits;
    while mant != 0 && mant & (1u64 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    // Round if requested.
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1u64 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > (1u64 << 59) {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1u64 << 61) != 0 {
            // Wrapped around.
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    if neg {
        dst.push(b'-');
    }
    dst.push(b'0');
    dst.push(fmt);
    dst.push(b'0' + ((mant >> 60) & 1) as u8);
    mant <<= 4; // remove leading 0 or 1
    if prec < 0 && mant != 0 {
        dst.push(b'.');
        while mant != 0 {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        dst.push(b'.');
        for _ in 0..prec {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    dst.push(if fmt == b'X' { b'P' } else { b'p' });
    if exp < 0 {
        dst.push(b'-');
        exp = -exp;
    } else {
        dst.push(b'+');
    }
    if exp < 10 {
        dst.push(b'0');
    }
    append_u64(dst, exp as u64);
}

/// Appends a complex number as `strconv.AppendComplex`: `(re±imi)`.
pub fn append_complex(dst: &mut Vec<u8>, re: f64, im: f64, fmt: u8, prec: i32, bitsize: u32) {
    let b = if bitsize == 64 { 32 } else { 64 };
    dst.push(b'(');
    append_float(dst, re, fmt, prec, b);
    let at = dst.len();
    append_float(dst, im, fmt, prec, b);
    if dst[at] != b'+' && dst[at] != b'-' {
        dst.insert(at, b'+');
    }
    dst.extend_from_slice(b"i)");
}

pub fn append_u64(dst: &mut Vec<u8>, mut v: u64) {
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
    dst.extend_from_slice(&buf[i..]);
}

pub fn append_i64(dst: &mut Vec<u8>, v: i64) {
    if v < 0 {
        dst.push(b'-');
    }
    append_u64(dst, v.unsigned_abs());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64, fmt: u8, prec: i32, bits: u32) -> String {
        let mut out = Vec::new();
        append_float(&mut out, v, fmt, prec, bits);
        String::from_utf8(out).unwrap()
    }

    /// Expectations produced by go1.27.3's `strconv.FormatFloat`.
    #[test]
    fn matches_strconv() {
        for line in include_str!("testdata/floats.txt").lines() {
            if line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.splitn(5, ' ').collect();
            let v = f64::from_bits(u64::from_str_radix(f[0], 16).unwrap());
            let fmt = f[1].as_bytes()[0];
            let prec: i32 = f[2].parse().unwrap();
            let bits: u32 = f[3].parse().unwrap();
            assert_eq!(self::f(v, fmt, prec, bits), f[4], "{line}");
        }
    }

    #[test]
    fn complex_layout() {
        let mut out = Vec::new();
        append_complex(&mut out, 1.0, -2.5, b'g', -1, 128);
        assert_eq!(out, b"(1-2.5i)");
        out.clear();
        append_complex(&mut out, 0.0, f64::NAN, b'g', -1, 128);
        assert_eq!(out, b"(0+NaNi)");
    }
}
