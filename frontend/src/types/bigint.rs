//! Arbitrary-precision integers for exact constant arithmetic.
//!
//! Go's untyped constants are exact: integer constants are checked against a
//! 512-bit limit only after each operation, and float constants are exact
//! rationals (see [`super::constant`]). This is a small sign-magnitude
//! integer with 32-bit limbs; division is Knuth's algorithm D. It only needs
//! to be fast enough for constants written in programs.

use std::cmp::Ordering;
use std::fmt;

/// A signed integer of any size. Invariant: `mag` has no trailing (most
/// significant) zero limbs, and zero is never negative.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct BigInt {
    neg: bool,
    mag: Vec<u32>,
}

impl fmt::Debug for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")
    }
}

fn trim(v: &mut Vec<u32>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        match a[i].cmp(&b[i]) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    Ordering::Equal
}

fn add_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u64;
    for (i, &x) in a.iter().enumerate() {
        let s = x as u64 + b.get(i).copied().unwrap_or(0) as u64 + carry;
        out.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        out.push(carry as u32);
    }
    out
}

/// `a - b` for `a >= b`.
fn sub_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for (i, &x) in a.iter().enumerate() {
        let mut d = x as i64 - b.get(i).copied().unwrap_or(0) as i64 - borrow;
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        } else {
            borrow = 0;
        }
        out.push(d as u32);
    }
    trim(&mut out);
    out
}

fn mul_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = x as u64 * y as u64 + out[i + j] as u64 + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry != 0 && k < out.len() {
            let t = out[k] as u64 + carry;
            out[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    trim(&mut out);
    out
}

fn shl_mag(a: &[u32], n: u64) -> Vec<u32> {
    if a.is_empty() {
        return Vec::new();
    }
    let limbs = (n / 32) as usize;
    let bits = (n % 32) as u32;
    let mut out = vec![0u32; limbs];
    if bits == 0 {
        out.extend_from_slice(a);
    } else {
        let mut carry = 0u32;
        for &x in a {
            out.push((x << bits) | carry);
            carry = x >> (32 - bits);
        }
        if carry != 0 {
            out.push(carry);
        }
    }
    out
}

fn shr_mag(a: &[u32], n: u64) -> Vec<u32> {
    let limbs = (n / 32) as usize;
    if limbs >= a.len() {
        return Vec::new();
    }
    let bits = (n % 32) as u32;
    let src = &a[limbs..];
    let mut out = Vec::with_capacity(src.len());
    if bits == 0 {
        out.extend_from_slice(src);
    } else {
        for i in 0..src.len() {
            let hi = src.get(i + 1).copied().unwrap_or(0);
            out.push((src[i] >> bits) | (hi << (32 - bits)));
        }
    }
    trim(&mut out);
    out
}

/// Divides by a single limb: (quotient, remainder).
fn divmod_small(a: &[u32], d: u32) -> (Vec<u32>, u32) {
    let mut q = vec![0u32; a.len()];
    let mut r = 0u64;
    for i in (0..a.len()).rev() {
        let cur = (r << 32) | a[i] as u64;
        q[i] = (cur / d as u64) as u32;
        r = cur % d as u64;
    }
    trim(&mut q);
    (q, r as u32)
}

/// Knuth's algorithm D: (quotient, remainder) of magnitudes; `b` non-empty.
fn divmod_mag(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if cmp_mag(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let (q, r) = divmod_small(a, b[0]);
        let mut r = vec![r];
        trim(&mut r);
        return (q, r);
    }
    // Normalise so the divisor's top limb has its high bit set.
    let s = b.last().map(|x| x.leading_zeros()).unwrap_or(0) as u64;
    let v = shl_mag(b, s);
    let mut u = shl_mag(a, s);
    if u.len() == a.len() {
        u.push(0);
    }
    if u.len() < a.len() + 1 {
        u.resize(a.len() + 1, 0);
    }
    let n = v.len();
    let m = u.len() - n - 1;
    let mut q = vec![0u32; m + 1];
    let base: u64 = 1 << 32;
    let vtop = v[n - 1] as u64;
    let vnext = v[n - 2] as u64;
    for j in (0..=m).rev() {
        let num = ((u[j + n] as u64) << 32) | u[j + n - 1] as u64;
        let mut qhat = num / vtop;
        let mut rhat = num % vtop;
        while qhat >= base || qhat * vnext > ((rhat << 32) | u[j + n - 2] as u64) {
            qhat -= 1;
            rhat += vtop;
            if rhat >= base {
                break;
            }
        }
        // Multiply and subtract.
        let mut borrow: i64 = 0;
        let mut carry: u64 = 0;
        for i in 0..n {
            let p = qhat * v[i] as u64 + carry;
            carry = p >> 32;
            let t = u[i + j] as i64 - borrow - (p & 0xffff_ffff) as i64;
            u[i + j] = t as u32;
            borrow = if t < 0 { 1 } else { 0 };
        }
        let t = u[j + n] as i64 - borrow - carry as i64;
        u[j + n] = t as u32;
        if t < 0 {
            // Add back.
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..n {
                let s2 = u[i + j] as u64 + v[i] as u64 + c;
                u[i + j] = s2 as u32;
                c = s2 >> 32;
            }
            u[j + n] = u[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    trim(&mut q);
    u.truncate(n);
    trim(&mut u);
    let r = shr_mag(&u, s);
    (q, r)
}

impl BigInt {
    pub fn zero() -> BigInt {
        BigInt::default()
    }

    pub fn one() -> BigInt {
        BigInt::from_u64(1)
    }

    fn from_parts(neg: bool, mut mag: Vec<u32>) -> BigInt {
        trim(&mut mag);
        let neg = neg && !mag.is_empty();
        BigInt { neg, mag }
    }

    /// From 32-bit limbs, least significant first.
    pub fn from_limbs(limbs: Vec<u32>) -> BigInt {
        BigInt::from_parts(false, limbs)
    }

    pub fn from_u64(v: u64) -> BigInt {
        BigInt::from_parts(false, vec![v as u32, (v >> 32) as u32])
    }

    pub fn from_i64(v: i64) -> BigInt {
        let mut b = BigInt::from_u64(v.unsigned_abs());
        b.neg = v < 0 && !b.mag.is_empty();
        b
    }

    pub fn from_i128(v: i128) -> BigInt {
        let m = v.unsigned_abs();
        BigInt::from_parts(
            v < 0,
            vec![
                m as u32,
                (m >> 32) as u32,
                (m >> 64) as u32,
                (m >> 96) as u32,
            ],
        )
    }

    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    pub fn is_neg(&self) -> bool {
        self.neg
    }

    /// -1, 0 or 1.
    pub fn sign(&self) -> i32 {
        if self.mag.is_empty() {
            0
        } else if self.neg {
            -1
        } else {
            1
        }
    }

    /// Number of bits of the magnitude.
    pub fn bit_len(&self) -> u64 {
        match self.mag.last() {
            None => 0,
            Some(top) => (self.mag.len() as u64 - 1) * 32 + (32 - top.leading_zeros() as u64),
        }
    }

    pub fn abs(&self) -> BigInt {
        BigInt {
            neg: false,
            mag: self.mag.clone(),
        }
    }

    pub fn neg(&self) -> BigInt {
        BigInt::from_parts(!self.neg, self.mag.clone())
    }

    pub fn add(&self, o: &BigInt) -> BigInt {
        if self.neg == o.neg {
            return BigInt::from_parts(self.neg, add_mag(&self.mag, &o.mag));
        }
        match cmp_mag(&self.mag, &o.mag) {
            Ordering::Equal => BigInt::zero(),
            Ordering::Greater => BigInt::from_parts(self.neg, sub_mag(&self.mag, &o.mag)),
            Ordering::Less => BigInt::from_parts(o.neg, sub_mag(&o.mag, &self.mag)),
        }
    }

    pub fn sub(&self, o: &BigInt) -> BigInt {
        self.add(&o.neg())
    }

    pub fn mul(&self, o: &BigInt) -> BigInt {
        BigInt::from_parts(self.neg != o.neg, mul_mag(&self.mag, &o.mag))
    }

    /// Truncated division (Go's `/` and `%`): the quotient rounds toward
    /// zero and the remainder has the dividend's sign. `None` for a zero
    /// divisor.
    pub fn quo_rem(&self, o: &BigInt) -> Option<(BigInt, BigInt)> {
        if o.is_zero() {
            return None;
        }
        let (q, r) = divmod_mag(&self.mag, &o.mag);
        Some((
            BigInt::from_parts(self.neg != o.neg, q),
            BigInt::from_parts(self.neg, r),
        ))
    }

    pub fn shl(&self, n: u64) -> BigInt {
        BigInt::from_parts(self.neg, shl_mag(&self.mag, n))
    }

    /// Arithmetic shift right (rounds toward negative infinity, as Go's `>>`
    /// on signed values).
    pub fn shr(&self, n: u64) -> BigInt {
        if !self.neg {
            return BigInt::from_parts(false, shr_mag(&self.mag, n));
        }
        // -((|x| - 1) >> n) - 1
        let m1 = self.abs().sub(&BigInt::one());
        let s = BigInt::from_parts(false, shr_mag(&m1.mag, n));
        s.neg().sub(&BigInt::one())
    }

    /// Two's-complement limbs, `n` limbs long (n large enough).
    fn twos(&self, n: usize) -> Vec<u32> {
        let mut v = self.mag.clone();
        v.resize(n, 0);
        if self.neg {
            let mut carry = 1u64;
            for x in v.iter_mut() {
                let t = (!*x) as u64 + carry;
                *x = t as u32;
                carry = t >> 32;
            }
        }
        v
    }

    fn from_twos(mut v: Vec<u32>) -> BigInt {
        let neg = v.last().is_some_and(|x| x & 0x8000_0000 != 0);
        if neg {
            let mut carry = 1u64;
            for x in v.iter_mut() {
                let t = (!*x) as u64 + carry;
                *x = t as u32;
                carry = t >> 32;
            }
        }
        BigInt::from_parts(neg, v)
    }

    fn bitwise(&self, o: &BigInt, f: impl Fn(u32, u32) -> u32) -> BigInt {
        let n = self.mag.len().max(o.mag.len()) + 1;
        let a = self.twos(n);
        let b = o.twos(n);
        BigInt::from_twos(a.iter().zip(b.iter()).map(|(x, y)| f(*x, *y)).collect())
    }

    pub fn and(&self, o: &BigInt) -> BigInt {
        self.bitwise(o, |a, b| a & b)
    }

    pub fn or(&self, o: &BigInt) -> BigInt {
        self.bitwise(o, |a, b| a | b)
    }

    pub fn xor(&self, o: &BigInt) -> BigInt {
        self.bitwise(o, |a, b| a ^ b)
    }

    pub fn and_not(&self, o: &BigInt) -> BigInt {
        self.bitwise(o, |a, b| a & !b)
    }

    /// `^x` for an unbounded integer: `-x - 1`.
    pub fn not(&self) -> BigInt {
        self.neg().sub(&BigInt::one())
    }

    pub fn gcd(&self, o: &BigInt) -> BigInt {
        let mut a = self.abs();
        let mut b = o.abs();
        while !b.is_zero() {
            let r = match a.quo_rem(&b) {
                Some((_, r)) => r,
                None => break,
            };
            a = b;
            b = r;
        }
        a
    }

    pub fn pow10(n: u32) -> BigInt {
        let mut r = BigInt::one();
        let mut base = BigInt::from_u64(10);
        let mut e = n;
        while e > 0 {
            if e & 1 == 1 {
                r = r.mul(&base);
            }
            base = base.mul(&base);
            e >>= 1;
        }
        r
    }

    pub fn to_i64(&self) -> Option<i64> {
        if self.bit_len() > 64 {
            return None;
        }
        let m = self.low_u64();
        if self.neg {
            if m <= 1u64 << 63 {
                Some((m as i64).wrapping_neg())
            } else {
                None
            }
        } else if m <= i64::MAX as u64 {
            Some(m as i64)
        } else {
            None
        }
    }

    pub fn to_u64(&self) -> Option<u64> {
        if self.neg || self.bit_len() > 64 {
            None
        } else {
            Some(self.low_u64())
        }
    }

    fn low_u64(&self) -> u64 {
        let lo = self.mag.first().copied().unwrap_or(0) as u64;
        let hi = self.mag.get(1).copied().unwrap_or(0) as u64;
        lo | (hi << 32)
    }

    /// The value's low 128 bits in two's complement.
    pub fn to_i128_wrapping(&self) -> i128 {
        let t = self.twos(self.mag.len().max(4) + 1);
        let mut v: u128 = 0;
        for i in (0..4).rev() {
            v = (v << 32) | t.get(i).copied().unwrap_or(0) as u128;
        }
        v as i128
    }

    /// Bit `i` of the magnitude.
    pub fn mag_bit(&self, i: u64) -> bool {
        let limb = (i / 32) as usize;
        self.mag.get(limb).is_some_and(|x| (x >> (i % 32)) & 1 == 1)
    }

    /// Whether any of the magnitude's bits below `i` is set.
    pub fn mag_any_below(&self, i: u64) -> bool {
        let limb = (i / 32) as usize;
        for (k, &x) in self.mag.iter().enumerate() {
            if k < limb {
                if x != 0 {
                    return true;
                }
            } else if k == limb {
                let bits = i % 32;
                return bits > 0 && x & ((1u32 << bits) - 1) != 0;
            } else {
                break;
            }
        }
        false
    }

    /// Parses digits in `radix` (underscores ignored). `None` on a bad
    /// digit.
    pub fn parse_radix(digits: &str, radix: u32) -> Option<BigInt> {
        let mut r = BigInt::zero();
        let rb = BigInt::from_u64(radix as u64);
        let mut any = false;
        for c in digits.chars() {
            if c == '_' {
                continue;
            }
            let d = c.to_digit(radix)?;
            r = r.mul(&rb).add(&BigInt::from_u64(d as u64));
            any = true;
        }
        if any {
            Some(r)
        } else {
            None
        }
    }
}

impl Ord for BigInt {
    fn cmp(&self, o: &BigInt) -> Ordering {
        match (self.neg, o.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => cmp_mag(&self.mag, &o.mag),
            (true, true) => cmp_mag(&o.mag, &self.mag),
        }
    }
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, o: &BigInt) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl fmt::Display for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mag.is_empty() {
            return write!(f, "0");
        }
        let mut chunks = Vec::new();
        let mut cur = self.mag.clone();
        while !cur.is_empty() {
            let (q, r) = divmod_small(&cur, 1_000_000_000);
            chunks.push(r);
            cur = q;
        }
        if self.neg {
            write!(f, "-")?;
        }
        let mut first = true;
        for c in chunks.iter().rev() {
            if first {
                write!(f, "{c}")?;
                first = false;
            } else {
                write!(f, "{c:09}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> BigInt {
        let (neg, d) = match s.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, s),
        };
        let v = BigInt::parse_radix(d, 10).unwrap_or_default();
        if neg {
            v.neg()
        } else {
            v
        }
    }

    #[test]
    fn arithmetic() {
        let x = b("123456789012345678901234567890");
        let y = b("987654321");
        assert_eq!(
            x.mul(&y).to_string(),
            "121932631124828532112482853211126352690"
        );
        let (q, r) = x.quo_rem(&y).unwrap_or_default();
        assert_eq!(q.to_string(), "124999998873437499901");
        assert_eq!(r.to_string(), "574845669");
        assert_eq!(q.mul(&y).add(&r), x);
        let (q, r) = b("-7").quo_rem(&b("2")).unwrap_or_default();
        assert_eq!((q.to_string(), r.to_string()), ("-3".into(), "-1".into()));
        assert_eq!(b("-7").shr(1).to_string(), "-4");
        assert_eq!(
            b("1").shl(100).to_string(),
            "1267650600228229401496703205376"
        );
        assert_eq!(b("-6").and(&b("3")).to_string(), "2");
        assert_eq!(b("5").not().to_string(), "-6");
        assert_eq!(b("-1").to_i64(), Some(-1));
        assert_eq!(b("-9223372036854775808").to_i64(), Some(i64::MIN));
        assert_eq!(b("9223372036854775808").to_i64(), None);
        let big = b("1").shl(200).sub(&b("1"));
        let d = b("1").shl(70).add(&b("12345"));
        let (q, r) = big.quo_rem(&d).unwrap_or_default();
        assert_eq!(q.mul(&d).add(&r), big);
        assert_eq!(b("-1").to_i128_wrapping(), -1);
    }
}
