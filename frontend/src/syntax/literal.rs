//! Values of literals: decoding string, rune and number literals from their
//! source text ([`super::ast::BasicLit::raw`]).
//!
//! The lexer has already reported malformed literals; these functions
//! return an error string for them instead of a value. Numbers are returned
//! exactly (digits and exponents), because Go's untyped constants are exact;
//! the checker builds its constant values from them.

/// The bytes a string literal denotes: `"a\tb"` or `` `raw` `` (carriage
/// returns are dropped from raw strings, as the specification says).
pub fn unquote_string(raw: &str) -> Result<Vec<u8>, String> {
    let b = raw.as_bytes();
    if b.len() >= 2 && b[0] == b'`' && b[b.len() - 1] == b'`' {
        return Ok(b[1..b.len() - 1]
            .iter()
            .copied()
            .filter(|&c| c != b'\r')
            .collect());
    }
    if b.len() < 2 || b[0] != b'"' || b[b.len() - 1] != b'"' {
        return Err(format!("malformed string literal {raw}"));
    }
    let body = &raw[1..raw.len() - 1];
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '\\' => {
                let (value, is_byte) = escape(&mut chars, '"')?;
                push_value(&mut out, value, is_byte)?;
            }
            '"' | '\n' => return Err(format!("malformed string literal {raw}")),
            _ => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    Ok(out)
}

/// The code point a rune literal denotes: `'a'` → 97, `'\xff'` → 255.
pub fn unquote_rune(raw: &str) -> Result<u32, String> {
    let b = raw.as_bytes();
    if b.len() < 3 || b[0] != b'\'' || b[b.len() - 1] != b'\'' {
        return Err(format!("malformed rune literal {raw}"));
    }
    let body = &raw[1..raw.len() - 1];
    let mut chars = body.char_indices().peekable();
    let value = match chars.next() {
        Some((_, '\\')) => escape(&mut chars, '\'')?.0,
        Some((_, '\'')) | Some((_, '\n')) | None => {
            return Err(format!("malformed rune literal {raw}"))
        }
        Some((_, c)) => c as u32,
    };
    if chars.next().is_some() {
        return Err("more than one character in rune literal".to_string());
    }
    Ok(value)
}

type CharIter<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

/// Decodes the escape after a backslash. Returns the value and whether it
/// denotes a single byte (`\x`, octal) rather than a code point.
fn escape(chars: &mut CharIter, quote: char) -> Result<(u32, bool), String> {
    let Some((_, c)) = chars.next() else {
        return Err("escape sequence not terminated".to_string());
    };
    let simple = match c {
        'a' => Some(7),
        'b' => Some(8),
        'f' => Some(12),
        'n' => Some(10),
        'r' => Some(13),
        't' => Some(9),
        'v' => Some(11),
        '\\' => Some(b'\\' as u32),
        c if c == quote => Some(c as u32),
        _ => None,
    };
    if let Some(v) = simple {
        return Ok((v, false));
    }
    let (n, base, first) = match c {
        '0'..='7' => (3, 8, Some(c)),
        'x' => (2, 16, None),
        'u' => (4, 16, None),
        'U' => (8, 16, None),
        _ => return Err("unknown escape".to_string()),
    };
    let mut x: u32 = 0;
    let mut count = 0;
    if let Some(d) = first {
        x = d as u32 - '0' as u32;
        count = 1;
    }
    while count < n {
        let Some((_, d)) = chars.next() else {
            return Err("escape sequence not terminated".to_string());
        };
        let Some(v) = d.to_digit(base) else {
            return Err(format!("invalid character {d:?} in escape"));
        };
        x = x * base + v;
        count += 1;
    }
    let is_byte = base == 8 || c == 'x';
    if is_byte && x > 255 {
        return Err(format!("octal escape value {x} > 255"));
    }
    if !is_byte && (x > 0x10FFFF || (0xD800..0xE000).contains(&x)) {
        return Err("escape is invalid Unicode code point".to_string());
    }
    Ok((x, is_byte))
}

fn push_value(out: &mut Vec<u8>, value: u32, is_byte: bool) -> Result<(), String> {
    if is_byte {
        out.push(value as u8);
        return Ok(());
    }
    let c = char::from_u32(value).ok_or("escape is invalid Unicode code point")?;
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    Ok(())
}

/// An integer literal's digits: the value is `digits` read in `base`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntLit {
    /// 2, 8, 10 or 16.
    pub base: u32,
    /// Digit values, most significant first, separators and prefix removed.
    pub digits: Vec<u8>,
}

impl IntLit {
    /// The value as 32-bit limbs, least significant first (no trailing zero
    /// limbs; zero is an empty vector).
    pub fn to_limbs(&self) -> Vec<u32> {
        let mut limbs: Vec<u32> = Vec::new();
        for &d in &self.digits {
            let mut carry = d as u64;
            for limb in limbs.iter_mut() {
                let v = *limb as u64 * self.base as u64 + carry;
                *limb = v as u32;
                carry = v >> 32;
            }
            if carry != 0 {
                limbs.push(carry as u32);
            }
        }
        limbs
    }

    /// The value, if it fits in 64 bits.
    pub fn to_u64(&self) -> Option<u64> {
        let mut v: u64 = 0;
        for &d in &self.digits {
            v = v.checked_mul(self.base as u64)?.checked_add(d as u64)?;
        }
        Some(v)
    }

    /// The value, if it fits in 128 bits.
    pub fn to_u128(&self) -> Option<u128> {
        let mut v: u128 = 0;
        for &d in &self.digits {
            v = v.checked_mul(self.base as u128)?.checked_add(d as u128)?;
        }
        Some(v)
    }
}

/// A floating-point (or imaginary) literal, exactly:
/// `mantissa × 10^exp10 × 2^exp2`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FloatLit {
    pub mantissa: IntLit,
    pub exp10: i64,
    pub exp2: i64,
}

impl FloatLit {
    /// The nearest `f64` (round half to even), ±0 and ±inf included.
    pub fn to_f64(&self) -> f64 {
        let limbs = self.mantissa.to_limbs();
        if limbs.is_empty() {
            return 0.0;
        }
        if self.exp10 == 0 {
            return scale_limbs(&limbs, self.exp2);
        }
        if self.exp2 == 0 && self.mantissa.base == 10 {
            // Rust's decimal parser rounds correctly.
            let mut s: String = self
                .mantissa
                .digits
                .iter()
                .map(|d| (b'0' + d) as char)
                .collect();
            s.push('e');
            s.push_str(&self.exp10.to_string());
            return s.parse().unwrap_or(f64::INFINITY);
        }
        // Mixed bases only arise for hand-built values; go through decimal.
        let int = IntLit {
            base: 10,
            digits: limbs_to_decimal(&limbs),
        };
        let f = FloatLit {
            mantissa: int,
            exp10: self.exp10,
            exp2: 0,
        };
        f.to_f64() * 2f64.powi(self.exp2.clamp(-2000, 2000) as i32)
    }
}

fn limbs_to_decimal(limbs: &[u32]) -> Vec<u8> {
    let mut n = limbs.to_vec();
    let mut out = Vec::new();
    while n.iter().any(|&l| l != 0) {
        let mut rem: u64 = 0;
        for limb in n.iter_mut().rev() {
            let cur = (rem << 32) | *limb as u64;
            *limb = (cur / 10) as u32;
            rem = cur % 10;
        }
        out.push(rem as u8);
    }
    out.reverse();
    out
}

/// `m × 2^e` rounded to the nearest `f64`, where `m` is given as limbs.
fn scale_limbs(limbs: &[u32], e: i64) -> f64 {
    let bit_len = |limbs: &[u32]| -> i64 {
        let top = limbs.len() - 1;
        top as i64 * 32 + (32 - limbs[top].leading_zeros()) as i64
    };
    let len = bit_len(limbs);
    let bit = |i: i64| -> bool {
        if i < 0 {
            return false;
        }
        let (w, b) = ((i / 32) as usize, i % 32);
        limbs.get(w).is_some_and(|l| (l >> b) & 1 == 1)
    };
    // Binary exponent of the leading bit.
    let top_exp = len - 1 + e;
    if top_exp > 1023 {
        return f64::INFINITY;
    }
    // Bits of precision available at this magnitude.
    let precision = if top_exp >= -1022 { 53 } else { top_exp + 1075 };
    if precision <= 0 {
        // Below half the smallest subnormal, or exactly half of it
        // (which rounds to even, zero) - unless bits below make it larger.
        if precision == 0 {
            let above_half = (0..len - 1).any(bit);
            return if above_half { f64::from_bits(1) } else { 0.0 };
        }
        return 0.0;
    }
    // Take the top `precision` bits, rounding half to even on the rest.
    let drop = (len - precision).max(0);
    let mut q: u64 = 0;
    for i in (drop..len).rev() {
        q = (q << 1) | bit(i) as u64;
    }
    if drop > 0 {
        let half = bit(drop - 1);
        let sticky = (0..drop - 1).any(bit);
        if half && (sticky || q & 1 == 1) {
            q += 1;
        }
    }
    // q < 2^54 is exact in f64; scaling by a power of two is exact too
    // because the rounding above left exactly the representable bits.
    let mut shift = e + drop;
    let mut v = q as f64;
    while shift > 0 {
        let s = shift.min(1000);
        v *= 2f64.powi(s as i32);
        shift -= s;
    }
    while shift < 0 {
        let s = shift.max(-1000);
        v *= 2f64.powi(s as i32);
        shift -= s;
    }
    v
}

fn digits_of(s: &str, base: u32) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c == '_' {
            continue;
        }
        match c.to_digit(base) {
            Some(d) => out.push(d as u8),
            None => return Err(format!("invalid digit {c:?} in number literal")),
        }
    }
    Ok(out)
}

/// Decodes an integer literal: decimal, `0x`, `0o`, `0b`, old-style octal
/// `0777`, with `_` separators.
pub fn parse_int(raw: &str) -> Result<IntLit, String> {
    let lower = raw.to_ascii_lowercase();
    let (base, body) = if let Some(r) = lower.strip_prefix("0x") {
        (16, r)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (8, r)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (2, r)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        (10, lower.as_str())
    };
    let digits = digits_of(body, base)?;
    if digits.is_empty() && base != 8 {
        return Err(format!(
            "{} literal has no digits",
            super::lexer::base_name(base)
        ));
    }
    Ok(IntLit { base, digits })
}

/// Decodes a floating-point literal: `1.5`, `.5`, `1e10`, `0x1p-2`,
/// `0x1.8p+1`, with `_` separators.
pub fn parse_float(raw: &str) -> Result<FloatLit, String> {
    let lower = raw.to_ascii_lowercase();
    if let Some(hex) = lower.strip_prefix("0x") {
        let (mant, exp) = hex
            .split_once('p')
            .ok_or("hexadecimal mantissa requires a 'p' exponent")?;
        let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
        let mut digits = digits_of(int_part, 16)?;
        let frac = digits_of(frac_part, 16)?;
        let frac_len = frac.len() as i64;
        digits.extend(frac);
        if digits.is_empty() {
            return Err("hexadecimal literal has no digits".to_string());
        }
        let exp = parse_exponent(exp)?;
        return Ok(FloatLit {
            mantissa: IntLit { base: 16, digits },
            exp10: 0,
            exp2: exp.saturating_sub(4 * frac_len),
        });
    }
    let (mant, exp) = match lower.split_once('e') {
        Some((m, e)) => (m, parse_exponent(e)?),
        None => (lower.as_str(), 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    let mut digits = digits_of(int_part, 10)?;
    let frac = digits_of(frac_part, 10)?;
    let frac_len = frac.len() as i64;
    digits.extend(frac);
    if digits.is_empty() {
        return Err("decimal literal has no digits".to_string());
    }
    Ok(FloatLit {
        mantissa: IntLit { base: 10, digits },
        exp10: exp.saturating_sub(frac_len),
        exp2: 0,
    })
}

fn parse_exponent(s: &str) -> Result<i64, String> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let d = digits_of(digits, 10)?;
    if d.is_empty() {
        return Err("exponent has no digits".to_string());
    }
    // Saturate: exponents beyond this are infinities or zeros anyway, and
    // the checker reports constant overflow.
    let mut v: i64 = 0;
    for x in d {
        v = v.saturating_mul(10).saturating_add(x as i64).min(1 << 40);
    }
    Ok(if neg { -v } else { v })
}

/// Decodes an imaginary literal (`3i`, `1.5i`, `0x1p2i`) to the value of
/// its imaginary part. For backward compatibility a decimal-digits-only
/// mantissa with a leading zero (`0123i`) is decimal, not octal.
pub fn parse_imag(raw: &str) -> Result<FloatLit, String> {
    let body = raw
        .strip_suffix('i')
        .ok_or_else(|| format!("malformed imaginary literal {raw}"))?;
    if body.bytes().all(|c| c.is_ascii_digit() || c == b'_') {
        let digits = digits_of(body, 10)?;
        return Ok(FloatLit {
            mantissa: IntLit { base: 10, digits },
            exp10: 0,
            exp2: 0,
        });
    }
    let lower = body.to_ascii_lowercase();
    let is_float = if lower.starts_with("0x") {
        lower.contains('p') || lower.contains('.')
    } else {
        lower.contains('e') || lower.contains('.')
    };
    if is_float {
        parse_float(body)
    } else {
        let mantissa = parse_int(body)?;
        Ok(FloatLit {
            mantissa,
            exp10: 0,
            exp2: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        assert_eq!(unquote_string(r#""a\tb""#).unwrap(), b"a\tb");
        assert_eq!(unquote_string("`a\\n\r`").unwrap(), b"a\\n");
        assert_eq!(
            unquote_string(r#""\a\b\f\n\r\t\v\\\"""#).unwrap(),
            b"\x07\x08\x0c\n\r\t\x0b\\\""
        );
        assert_eq!(unquote_string(r#""\377\x41\u00e9\U0001F600""#).unwrap(), {
            let mut v = vec![0xff, b'A'];
            v.extend("é😀".as_bytes());
            v
        });
        assert_eq!(unquote_string("\"日本\"").unwrap(), "日本".as_bytes());
        assert!(unquote_string(r#""\q""#).is_err());
        assert!(unquote_string(r#""\400""#).is_err());
        assert!(unquote_string(r#""\uD800""#).is_err());
        assert!(unquote_string(r#""\'""#).is_err());
    }

    #[test]
    fn runes() {
        assert_eq!(unquote_rune("'a'").unwrap(), 97);
        assert_eq!(unquote_rune("'\\xff'").unwrap(), 255);
        assert_eq!(unquote_rune("'\\377'").unwrap(), 255);
        assert_eq!(unquote_rune("'\\''").unwrap(), 39);
        assert_eq!(unquote_rune("'本'").unwrap(), 0x672c);
        assert_eq!(unquote_rune("'\\U0010FFFF'").unwrap(), 0x10FFFF);
        assert!(unquote_rune("'ab'").is_err());
        assert!(unquote_rune("''").is_err());
        assert!(unquote_rune("'\\\"'").is_err());
    }

    #[test]
    fn ints() {
        let v = |s: &str| parse_int(s).unwrap().to_u64().unwrap();
        assert_eq!(v("42"), 42);
        assert_eq!(v("0x_FF"), 255);
        assert_eq!(v("0o17"), 15);
        assert_eq!(v("017"), 15);
        assert_eq!(v("0b1010"), 10);
        assert_eq!(v("1_000_000"), 1_000_000);
        assert_eq!(v("0"), 0);
        assert!(parse_int("0x").is_err());
        assert!(parse_int("089").is_err());
        let big = parse_int("0x1_0000_0000_0000_0000").unwrap();
        assert_eq!(big.to_u64(), None);
        assert_eq!(big.to_limbs(), vec![0, 0, 1]);
        assert_eq!(big.to_u128(), Some(1u128 << 64));
    }

    #[test]
    fn floats() {
        let f = |s: &str| parse_float(s).unwrap().to_f64();
        assert_eq!(f("1.5"), 1.5);
        assert_eq!(f(".25"), 0.25);
        assert_eq!(f("1e3"), 1000.0);
        assert_eq!(f("1_0.0_1e-1_0"), 10.01e-10);
        assert_eq!(f("0x1p-2"), 0.25);
        assert_eq!(f("0x1.8p1"), 3.0);
        assert_eq!(f("0X.8P0"), 0.5);
        assert_eq!(f("0x_1FFFp-16"), 0.1249847412109375);
        assert_eq!(f("0x1p-1074"), f64::from_bits(1));
        assert_eq!(f("0x1p-1075"), 0.0);
        assert_eq!(f("0x1.8p-1075"), f64::from_bits(1));
        assert_eq!(f("0x1p1024"), f64::INFINITY);
        assert_eq!(f("0x1.fffffffffffff8p1023"), f64::INFINITY);
        assert_eq!(f("0x1.fffffffffffff7p1023"), f64::MAX);
        assert_eq!(f("0x1.00000000000008p0"), 1.0);
        assert_eq!(f("0x1.00000000000018p0"), 1.0 + 2.0 * f64::EPSILON);
        assert_eq!(f("1e400"), f64::INFINITY);
        assert_eq!(f("0.1"), 0.1);
        assert_eq!(f("2.2250738585072014e-308"), f64::MIN_POSITIVE);
        assert_eq!(f("0e0"), 0.0);
        assert_eq!(f("0x0p0"), 0.0);
    }

    #[test]
    fn imaginary() {
        let f = |s: &str| parse_imag(s).unwrap().to_f64();
        assert_eq!(f("3i"), 3.0);
        assert_eq!(f("0123i"), 123.0);
        assert_eq!(f("0o17i"), 15.0);
        assert_eq!(f("0x10i"), 16.0);
        assert_eq!(f("1.5e1i"), 15.0);
        assert_eq!(f("0x1p2i"), 4.0);
        assert_eq!(f("1_0i"), 10.0);
    }
}
