//! Constant values and exact constant arithmetic.
//!
//! Go constants are exact. Integer constants are [`BigInt`]s (the checker
//! reports `constant overflow` past 512 bits, as gc does). Floating-point
//! constants are exact rationals ([`Rat`]) as long as numerator and
//! denominator stay below 4096 bits; beyond that they are rounded to a
//! 512-bit mantissa, which is what gc's `go/constant` does with its
//! `big.Float`s. Values are converted to `float32`/`float64` with correct
//! rounding (round half to even, subnormals included) only when a constant
//! gets a typed floating-point type.

use std::cmp::Ordering;
use std::fmt;

pub use super::bigint::BigInt;

/// Past this many bits in numerator or denominator, a rational is rounded.
const MAX_RAT_BITS: u64 = 4096;
/// The mantissa precision rationals are rounded to when they grow too big.
const FLOAT_PREC: u32 = 512;

/// An exact rational; `den > 0`, and the fraction is reduced.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Rat {
    num: BigInt,
    den: BigInt,
}

impl fmt::Debug for Rat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

impl Ord for Rat {
    fn cmp(&self, o: &Rat) -> Ordering {
        self.num.mul(&o.den).cmp(&o.num.mul(&self.den))
    }
}

impl PartialOrd for Rat {
    fn partial_cmp(&self, o: &Rat) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Rat {
    pub fn new(num: BigInt, den: BigInt) -> Rat {
        let (num, den) = if den.is_neg() {
            (num.neg(), den.neg())
        } else {
            (num, den)
        };
        if den.is_zero() {
            return Rat::from_int(BigInt::zero());
        }
        let g = num.gcd(&den);
        let r = if g.is_zero() || g == BigInt::one() {
            Rat { num, den }
        } else {
            let n = num.quo_rem(&g).map(|x| x.0).unwrap_or_default();
            let d = den.quo_rem(&g).map(|x| x.0).unwrap_or_else(BigInt::one);
            Rat { num: n, den: d }
        };
        r.limit()
    }

    pub fn from_int(i: BigInt) -> Rat {
        Rat {
            num: i,
            den: BigInt::one(),
        }
    }

    pub fn zero() -> Rat {
        Rat::from_int(BigInt::zero())
    }

    pub fn num(&self) -> &BigInt {
        &self.num
    }

    pub fn den(&self) -> &BigInt {
        &self.den
    }

    pub fn sign(&self) -> i32 {
        self.num.sign()
    }

    pub fn is_int(&self) -> bool {
        self.den == BigInt::one()
    }

    /// Rounds a rational that grew past [`MAX_RAT_BITS`] to a binary float
    /// of [`FLOAT_PREC`] bits.
    fn limit(self) -> Rat {
        if self.num.bit_len() <= MAX_RAT_BITS && self.den.bit_len() <= MAX_RAT_BITS {
            return self;
        }
        match round_binary(&self, FLOAT_PREC, i64::MIN / 4, i64::MAX / 4) {
            Some((neg, m, e)) => {
                let mut n = m;
                if neg {
                    n = n.neg();
                }
                if e >= 0 {
                    Rat {
                        num: n.shl(e as u64),
                        den: BigInt::one(),
                    }
                } else {
                    let den = BigInt::one().shl(e.unsigned_abs());
                    let g = n.gcd(&den);
                    if g.is_zero() {
                        return Rat::zero();
                    }
                    Rat {
                        num: n.quo_rem(&g).map(|x| x.0).unwrap_or_default(),
                        den: den.quo_rem(&g).map(|x| x.0).unwrap_or_else(BigInt::one),
                    }
                }
            }
            None => self,
        }
    }

    pub fn neg(&self) -> Rat {
        Rat {
            num: self.num.neg(),
            den: self.den.clone(),
        }
    }

    pub fn add(&self, o: &Rat) -> Rat {
        Rat::new(
            self.num.mul(&o.den).add(&o.num.mul(&self.den)),
            self.den.mul(&o.den),
        )
    }

    pub fn sub(&self, o: &Rat) -> Rat {
        self.add(&o.neg())
    }

    pub fn mul(&self, o: &Rat) -> Rat {
        Rat::new(self.num.mul(&o.num), self.den.mul(&o.den))
    }

    /// `None` when dividing by zero.
    pub fn quo(&self, o: &Rat) -> Option<Rat> {
        if o.num.is_zero() {
            return None;
        }
        Some(Rat::new(self.num.mul(&o.den), self.den.mul(&o.num)))
    }

    /// Truncates toward zero.
    pub fn trunc(&self) -> BigInt {
        self.num.quo_rem(&self.den).map(|x| x.0).unwrap_or_default()
    }

    pub fn from_f64(x: f64) -> Option<Rat> {
        if !x.is_finite() {
            return None;
        }
        let bits = x.to_bits();
        let neg = bits >> 63 == 1;
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        let (m, e) = if exp == 0 {
            (frac, -1074)
        } else {
            (frac | (1u64 << 52), exp - 1075)
        };
        let mut n = BigInt::from_u64(m);
        if neg {
            n = n.neg();
        }
        Some(if e >= 0 {
            Rat::from_int(n.shl(e as u64))
        } else {
            Rat::new(n, BigInt::one().shl(e.unsigned_abs()))
        })
    }

    /// Correctly rounded `float64`; `None` if it overflows to infinity.
    pub fn to_f64(&self) -> Option<f64> {
        to_ieee(self, 53, -1022, 1023, 11).map(f64::from_bits)
    }

    /// Correctly rounded `float32` (as an `f64`); `None` on overflow.
    pub fn to_f32(&self) -> Option<f32> {
        to_ieee(self, 24, -126, 127, 8).map(|b| f32::from_bits(b as u32))
    }

    /// The nearest `f64`, saturating to infinities.
    pub fn approx_f64(&self) -> f64 {
        match self.to_f64() {
            Some(f) => f,
            None if self.sign() < 0 => f64::NEG_INFINITY,
            None => f64::INFINITY,
        }
    }
}

/// Rounds `|r|` to `prec` significant bits, half to even: `(negative,
/// mantissa, exponent)` with value `mantissa * 2^exponent`. `min_lsb` is
/// the smallest exponent the mantissa's lowest bit may have (subnormals);
/// `None` if the top bit's exponent would exceed `max_top`.
fn round_binary(r: &Rat, prec: u32, min_lsb: i64, max_top: i64) -> Option<(bool, BigInt, i64)> {
    if r.num.is_zero() {
        return Some((false, BigInt::zero(), 0));
    }
    let neg = r.num.is_neg();
    let n = r.num.abs();
    let d = &r.den;
    let k = n.bit_len() as i64 - d.bit_len() as i64;
    // Scale so the quotient has at least prec + 2 bits.
    let s = prec as i64 + 2 - k;
    let (q, rem) = if s >= 0 {
        n.shl(s as u64).quo_rem(d)?
    } else {
        n.quo_rem(&d.shl(s.unsigned_abs()))?
    };
    let sticky = !rem.is_zero();
    let bl = q.bit_len() as i64;
    let mut drop = bl - prec as i64;
    let mut exp = -s + drop;
    if exp < min_lsb {
        drop += min_lsb - exp;
        exp = min_lsb;
    }
    let (mut m, half, rest) = if drop <= 0 {
        (q.shl(drop.unsigned_abs()), false, sticky)
    } else {
        let d = drop as u64;
        (q.shr(d), q.mag_bit(d - 1), q.mag_any_below(d - 1) || sticky)
    };
    if half && (rest || m.mag_bit(0)) {
        m = m.add(&BigInt::one());
        if m.bit_len() > prec as u64 {
            m = m.shr(1);
            exp += 1;
        }
    }
    if m.is_zero() {
        return Some((neg, m, 0));
    }
    let top = exp + m.bit_len() as i64 - 1;
    if top > max_top {
        return None;
    }
    Some((neg, m, exp))
}

/// IEEE bits of the rational rounded to a binary format with `prec`
/// mantissa bits (hidden bit included) and exponent range `emin..=emax`.
fn to_ieee(r: &Rat, prec: u32, emin: i64, emax: i64, ebits: u32) -> Option<u64> {
    let min_lsb = emin - (prec as i64 - 1);
    let (neg, m, exp) = round_binary(r, prec, min_lsb, emax)?;
    let sign = if neg { 1u64 << (prec - 1 + ebits) } else { 0 };
    if m.is_zero() {
        return Some(sign);
    }
    let mant = m.to_u64().unwrap_or(0);
    let frac_bits = prec - 1;
    if m.bit_len() < prec as u64 {
        // Subnormal: exp == min_lsb.
        return Some(sign | mant);
    }
    let bias = emax;
    let biased = (exp + frac_bits as i64 + bias) as u64;
    Some(sign | (biased << frac_bits) | (mant & ((1u64 << frac_bits) - 1)))
}

/// A constant value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// The result of an erroneous operation (already reported).
    Unknown,
    Bool(bool),
    /// String bytes (Go strings need not be UTF-8).
    String(Vec<u8>),
    Int(BigInt),
    Float(Rat),
    Complex(Rat, Rat),
}

/// A value's numeric kind, ordered as Go's untyped constant kinds are when
/// operands of different kinds meet (int < float < complex).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NumKind {
    Int,
    Float,
    Complex,
}

/// Operators on constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    /// Exact division (floats, complex).
    Quo,
    /// Truncated integer division.
    IntDiv,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    LAnd,
    LOr,
}

impl Value {
    pub fn int(i: i64) -> Value {
        Value::Int(BigInt::from_i64(i))
    }

    pub fn num_kind(&self) -> Option<NumKind> {
        match self {
            Value::Int(_) => Some(NumKind::Int),
            Value::Float(_) => Some(NumKind::Float),
            Value::Complex(..) => Some(NumKind::Complex),
            _ => None,
        }
    }

    /// The value as an integer if it is one exactly.
    pub fn to_int(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(i.clone()),
            Value::Float(r) if r.is_int() => Some(r.num().clone()),
            Value::Complex(re, im) if im.sign() == 0 && re.is_int() => Some(re.num().clone()),
            _ => None,
        }
    }

    pub fn to_rat(&self) -> Option<Rat> {
        match self {
            Value::Int(i) => Some(Rat::from_int(i.clone())),
            Value::Float(r) => Some(r.clone()),
            Value::Complex(re, im) if im.sign() == 0 => Some(re.clone()),
            _ => None,
        }
    }

    pub fn to_complex(&self) -> Option<(Rat, Rat)> {
        match self {
            Value::Int(i) => Some((Rat::from_int(i.clone()), Rat::zero())),
            Value::Float(r) => Some((r.clone(), Rat::zero())),
            Value::Complex(re, im) => Some((re.clone(), im.clone())),
            _ => None,
        }
    }

    /// Converts a numeric value to the given kind (the larger of two
    /// operands' kinds). `None` if not possible (e.g. complex → float with
    /// an imaginary part).
    pub fn to_kind(&self, k: NumKind) -> Option<Value> {
        match k {
            NumKind::Int => self.to_int().map(Value::Int),
            NumKind::Float => self.to_rat().map(Value::Float),
            NumKind::Complex => self.to_complex().map(|(a, b)| Value::Complex(a, b)),
        }
    }

    /// A float value that happens to be integral is demoted back so that
    /// e.g. `1.0 << 2` works; used for shifts and integer conversions.
    pub fn as_bigint(&self) -> Option<&BigInt> {
        match self {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&[u8]> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Number of bits of an integer's magnitude.
    pub fn int_bit_len(&self) -> u64 {
        match self {
            Value::Int(i) => i.bit_len(),
            _ => 0,
        }
    }

    /// `x op y` for two values of the same kind. `None` for division by
    /// zero or an operator that does not apply.
    pub fn binary(&self, op: Op, y: &Value) -> Option<Value> {
        use Value::*;
        Some(match (self, y) {
            (Bool(a), Bool(b)) => match op {
                Op::LAnd => Bool(*a && *b),
                Op::LOr => Bool(*a || *b),
                _ => return None,
            },
            (String(a), String(b)) => match op {
                Op::Add => {
                    let mut s = a.clone();
                    s.extend_from_slice(b);
                    String(s)
                }
                _ => return None,
            },
            (Int(a), Int(b)) => match op {
                Op::Add => Int(a.add(b)),
                Op::Sub => Int(a.sub(b)),
                Op::Mul => Int(a.mul(b)),
                Op::Quo => Float(Rat::from_int(a.clone()).quo(&Rat::from_int(b.clone()))?),
                Op::IntDiv => Int(a.quo_rem(b)?.0),
                Op::Rem => Int(a.quo_rem(b)?.1),
                Op::And => Int(a.and(b)),
                Op::Or => Int(a.or(b)),
                Op::Xor => Int(a.xor(b)),
                Op::AndNot => Int(a.and_not(b)),
                _ => return None,
            },
            (Float(a), Float(b)) => match op {
                Op::Add => Float(a.add(b)),
                Op::Sub => Float(a.sub(b)),
                Op::Mul => Float(a.mul(b)),
                Op::Quo => Float(a.quo(b)?),
                _ => return None,
            },
            (Complex(ar, ai), Complex(br, bi)) => match op {
                Op::Add => Complex(ar.add(br), ai.add(bi)),
                Op::Sub => Complex(ar.sub(br), ai.sub(bi)),
                Op::Mul => Complex(ar.mul(br).sub(&ai.mul(bi)), ar.mul(bi).add(&ai.mul(br))),
                Op::Quo => {
                    let d = br.mul(br).add(&bi.mul(bi));
                    if d.sign() == 0 {
                        return None;
                    }
                    let re = ar.mul(br).add(&ai.mul(bi));
                    let im = ai.mul(br).sub(&ar.mul(bi));
                    Complex(re.quo(&d)?, im.quo(&d)?)
                }
                _ => return None,
            },
            _ => return None,
        })
    }

    /// Compares two values of the same kind; `None` if not comparable with
    /// that operator (only `==`/`!=` for bools and complex numbers).
    pub fn compare(&self, op: CmpOp, y: &Value) -> Option<bool> {
        use Value::*;
        let ord = match (self, y) {
            (Bool(a), Bool(b)) => {
                return match op {
                    CmpOp::Eq => Some(a == b),
                    CmpOp::Ne => Some(a != b),
                    _ => None,
                }
            }
            (Complex(ar, ai), Complex(br, bi)) => {
                let eq = ar.cmp(br) == Ordering::Equal && ai.cmp(bi) == Ordering::Equal;
                return match op {
                    CmpOp::Eq => Some(eq),
                    CmpOp::Ne => Some(!eq),
                    _ => None,
                };
            }
            (String(a), String(b)) => a.cmp(b),
            (Int(a), Int(b)) => a.cmp(b),
            (Float(a), Float(b)) => a.cmp(b),
            _ => return None,
        };
        Some(match op {
            CmpOp::Eq => ord == Ordering::Equal,
            CmpOp::Ne => ord != Ordering::Equal,
            CmpOp::Lt => ord == Ordering::Less,
            CmpOp::Le => ord != Ordering::Greater,
            CmpOp::Gt => ord == Ordering::Greater,
            CmpOp::Ge => ord != Ordering::Less,
        })
    }

    /// Unary `-`, `+`, `^` (unbounded; the caller masks for unsigned typed
    /// operands), `!`.
    pub fn unary(&self, op: UnOp) -> Option<Value> {
        use Value::*;
        Some(match (op, self) {
            (UnOp::Pos, v) if v.num_kind().is_some() => v.clone(),
            (UnOp::Neg, Int(a)) => Int(a.neg()),
            (UnOp::Neg, Float(a)) => Float(a.neg()),
            (UnOp::Neg, Complex(a, b)) => Complex(a.neg(), b.neg()),
            (UnOp::Not, Bool(b)) => Bool(!b),
            (UnOp::Complement, Int(a)) => Int(a.not()),
            _ => return None,
        })
    }

    /// Whether this is a numeric zero.
    pub fn is_zero(&self) -> bool {
        match self {
            Value::Int(i) => i.is_zero(),
            Value::Float(r) => r.sign() == 0,
            Value::Complex(a, b) => a.sign() == 0 && b.sign() == 0,
            _ => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Pos,
    Neg,
    Not,
    Complement,
}

// ---------------------------------------------------------------------------
// Formatting, as go/constant's String
// ---------------------------------------------------------------------------

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Unknown => write!(f, "unknown"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::String(s) => {
                const MAX_LEN: usize = 72;
                let q = quote_go(s);
                if q.chars().count() > MAX_LEN {
                    let short: String = q.chars().take(MAX_LEN - 3).collect();
                    write!(f, "{short}...")
                } else {
                    write!(f, "{q}")
                }
            }
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(r) => write!(f, "{}", format_rat(r)),
            Value::Complex(re, im) => write!(f, "({} + {}i)", format_rat(re), format_rat(im)),
        }
    }
}

fn format_rat(r: &Rat) -> String {
    match r.to_f64() {
        Some(x) if (r.sign() == 0) == (x == 0.0) => {
            let s = format_g(x, Some(6));
            if !r.is_int() && !s.contains('.') {
                return format_g(x, None);
            }
            s
        }
        _ => {
            // Out of float64 range: approximate m * 10^e by hand.
            let (neg, m, e) = match round_binary(r, 64, i64::MIN / 4, i64::MAX / 4) {
                Some(x) => x,
                None => return "+Inf".into(),
            };
            let mant = m.to_u64().unwrap_or(0) as f64;
            // value = mant * 2^e = (mant / 2^64) * 2^(e+64)
            let bits = e + 64;
            let mut m = mant / 2f64.powi(64);
            let d = bits as f64 * (std::f64::consts::LN_2 / std::f64::consts::LN_10);
            let mut de = d as i64;
            m *= 10f64.powf(d - de as f64);
            let am = m.abs();
            if am < 1.0 - 0.5e-6 {
                m *= 10.0;
                de -= 1;
            } else if am >= 10.0 {
                m /= 10.0;
                de += 1;
            }
            if neg {
                m = -m;
            }
            format!(
                "{}e{}{}",
                format_g(m, Some(6)),
                if de >= 0 { "+" } else { "-" },
                de.abs()
            )
        }
    }
}

/// Go's `strconv.FormatFloat(x, 'g', prec, 64)`; `None` is the shortest
/// representation (`%v`).
pub fn format_g(x: f64, prec: Option<usize>) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let neg = x.is_sign_negative();
    let a = x.abs();
    // Decimal digits and the decimal point position (value = 0.d1d2... * 10^dp).
    let sci = match prec {
        Some(p) => format!("{:.*e}", p.max(1) - 1, a),
        None => format!("{a:e}"),
    };
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let (nd, dp) = if digits == "0" {
        (1usize, 1i64)
    } else {
        (digits.len(), exp + 1)
    };
    let shortest = prec.is_none();
    let mut p = prec.unwrap_or(nd);
    let mut eprec = p as i64;
    if eprec > nd as i64 && nd as i64 >= dp {
        eprec = nd as i64;
    }
    if shortest {
        eprec = 6;
    }
    let e = dp - 1;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if e < -4 || e >= eprec {
        if p > nd {
            p = nd;
        }
        // %e with p-1 digits after the point.
        out.push_str(&digits[..1]);
        if p > 1 {
            out.push('.');
            let rest = &digits[1..];
            out.push_str(rest);
            for _ in rest.len()..p - 1 {
                out.push('0');
            }
        }
        let ee = if digits == "0" { 0 } else { e };
        out.push('e');
        out.push(if ee < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", ee.abs()));
        return out;
    }
    if p as i64 > dp {
        p = nd;
    }
    let decimals = (p as i64 - dp).max(0) as usize;
    // %f with `decimals` digits after the point.
    if dp <= 0 {
        out.push('0');
    } else {
        for i in 0..dp as usize {
            out.push(digits.as_bytes().get(i).map(|&b| b as char).unwrap_or('0'));
        }
    }
    if decimals > 0 {
        out.push('.');
        for i in 0..decimals as i64 {
            let idx = dp + i;
            let c = if idx < 0 {
                '0'
            } else {
                digits
                    .as_bytes()
                    .get(idx as usize)
                    .map(|&b| b as char)
                    .unwrap_or('0')
            };
            out.push(c);
        }
    }
    out
}

/// Go's `strconv.Quote`.
pub fn quote_go(s: &[u8]) -> String {
    let mut out = String::from("\"");
    let mut i = 0;
    while i < s.len() {
        let (r, size) = decode_rune(&s[i..]);
        if r == 0xFFFD && size == 1 {
            out.push_str(&format!("\\x{:02x}", s[i]));
            i += 1;
            continue;
        }
        i += size;
        let c = char::from_u32(r).unwrap_or('\u{FFFD}');
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0b' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}

fn is_printable(c: char) -> bool {
    !c.is_control() && !matches!(c as u32, 0x80..=0x9f | 0xad | 0x2028 | 0x2029 | 0xfeff)
}

/// Decodes one UTF-8 sequence as Go does: `(U+FFFD, 1)` for invalid input.
pub fn decode_rune(s: &[u8]) -> (u32, usize) {
    let b0 = match s.first() {
        Some(&b) => b,
        None => return (0xFFFD, 0),
    };
    if b0 < 0x80 {
        return (b0 as u32, 1);
    }
    let (len, min, init) = match b0 {
        0xC2..=0xDF => (2, 0x80, (b0 & 0x1F) as u32),
        0xE0..=0xEF => (3, 0x800, (b0 & 0x0F) as u32),
        0xF0..=0xF4 => (4, 0x10000, (b0 & 0x07) as u32),
        _ => return (0xFFFD, 1),
    };
    if s.len() < len {
        return (0xFFFD, 1);
    }
    let mut r = init;
    for &b in &s[1..len] {
        if b & 0xC0 != 0x80 {
            return (0xFFFD, 1);
        }
        r = (r << 6) | (b & 0x3F) as u32;
    }
    if r < min || r > 0x10FFFF || (0xD800..=0xDFFF).contains(&r) {
        return (0xFFFD, 1);
    }
    (r, len)
}

/// Encodes a rune as UTF-8 (invalid code points as U+FFFD), as Go's
/// `string(rune)` conversion.
pub fn encode_rune(r: i64) -> Vec<u8> {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf).as_bytes().to_vec()
}

// ---------------------------------------------------------------------------
// Literals
// ---------------------------------------------------------------------------

/// An integer literal's value.
fn int_lit_value(l: &crate::syntax::literal::IntLit) -> BigInt {
    BigInt::from_limbs(l.to_limbs())
}

/// A floating-point literal's exact value (`None` for absurd exponents).
fn float_lit_value(l: &crate::syntax::literal::FloatLit) -> Option<Rat> {
    let m = int_lit_value(&l.mantissa);
    if m.is_zero() {
        return Some(Rat::zero());
    }
    // gc's constants cannot get anywhere near these exponents.
    if l.exp10.abs() > 100_000 || l.exp2.abs() > 400_000 {
        return None;
    }
    let mut r = Rat::from_int(m);
    if l.exp10 > 0 {
        r = r.mul(&Rat::from_int(BigInt::pow10(l.exp10 as u32)));
    } else if l.exp10 < 0 {
        r = Rat::new(
            r.num().clone(),
            BigInt::pow10(l.exp10.unsigned_abs() as u32),
        );
    }
    if l.exp2 > 0 {
        r = r.mul(&Rat::from_int(BigInt::one().shl(l.exp2 as u64)));
    } else if l.exp2 < 0 {
        r = r.mul(&Rat::new(
            BigInt::one(),
            BigInt::one().shl(l.exp2.unsigned_abs()),
        ));
    }
    Some(r)
}

/// The value of a numeric literal of the given kind (`Imag` literals give a
/// complex value); `None` if malformed.
pub fn parse_number(kind: crate::syntax::ast::LitKind, raw: &str) -> Option<Value> {
    use crate::syntax::ast::LitKind;
    use crate::syntax::literal;
    match kind {
        LitKind::Int => literal::parse_int(raw)
            .ok()
            .map(|l| Value::Int(int_lit_value(&l))),
        LitKind::Float => literal::parse_float(raw)
            .ok()
            .and_then(|l| float_lit_value(&l))
            .map(Value::Float),
        LitKind::Imag => literal::parse_imag(raw)
            .ok()
            .and_then(|l| float_lit_value(&l))
            .map(|im| Value::Complex(Rat::zero(), im)),
        _ => None,
    }
}

/// The bytes of a string literal.
pub fn string_value(raw: &str) -> Option<Vec<u8>> {
    crate::syntax::literal::unquote_string(raw).ok()
}

/// The value of a rune literal.
pub fn rune_value(raw: &str) -> Option<i64> {
    crate::syntax::literal::unquote_rune(raw)
        .ok()
        .map(|r| r as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_correctly() {
        let f = |s: &str| match parse_number(crate::syntax::ast::LitKind::Float, s) {
            Some(Value::Float(r)) => Some(r),
            _ => None,
        };
        let parse_float_lit = f;
        let r = parse_float_lit("0.1").unwrap_or_else(Rat::zero);
        assert_eq!(r.to_f64(), Some(0.1));
        assert_eq!(r.to_f32(), Some(0.1f32));
        let r = parse_float_lit("1e308").unwrap_or_else(Rat::zero);
        assert_eq!(r.to_f64(), Some(1e308));
        assert_eq!(parse_float_lit("1e309").and_then(|r| r.to_f64()), None);
        let r = parse_float_lit("4.9406564584124654e-324").unwrap_or_else(Rat::zero);
        assert_eq!(r.to_f64(), Some(5e-324));
        let r = parse_float_lit("0x1.8p1").unwrap_or_else(Rat::zero);
        assert_eq!(r.to_f64(), Some(3.0));
        let third = Rat::new(BigInt::one(), BigInt::from_u64(3));
        assert_eq!(third.to_f64(), Some(1.0 / 3.0));
        assert_eq!(
            parse_float_lit("3.4028235e38").and_then(|r| r.to_f32()),
            Some(f32::MAX)
        );
        assert_eq!(parse_float_lit("3.5e38").and_then(|r| r.to_f32()), None);
    }

    #[test]
    fn formats_like_go_constant() {
        let v =
            |s: &str| parse_number(crate::syntax::ast::LitKind::Float, s).unwrap_or(Value::Unknown);
        assert_eq!(v("1.5").to_string(), "1.5");
        assert_eq!(v("1e6").to_string(), "1e+06");
        assert_eq!(v("100000").to_string(), "100000");
        assert_eq!(
            Value::Float(Rat::new(BigInt::one(), BigInt::from_u64(3))).to_string(),
            "0.333333"
        );
        assert_eq!(v("1e100").to_string(), "1e+100");
        assert_eq!(v("0.0001").to_string(), "0.0001");
        assert_eq!(v("0.00001").to_string(), "1e-05");
        assert_eq!(v("1e1000").to_string(), "1e+1000");
        assert_eq!(format_g(3.0, None), "3");
        assert_eq!(format_g(1e21, None), "1e+21");
        assert_eq!(
            Value::String(b"a\"b\n".to_vec()).to_string(),
            "\"a\\\"b\\n\""
        );
    }

    #[test]
    fn literals() {
        use crate::syntax::ast::LitKind;
        let i = |s: &str| parse_number(LitKind::Int, s).map(|v| v.to_string());
        assert_eq!(i("0x_FF"), Some("255".into()));
        assert_eq!(i("017"), Some("15".into()));
        assert_eq!(i("0b101"), Some("5".into()));
        assert_eq!(rune_value("'a'"), Some(97));
        assert_eq!(rune_value("'\\xff'"), Some(255));
        assert_eq!(
            string_value("\"a\\tb\\x41\\101\""),
            Some(b"a\tbAA".to_vec())
        );
    }
}
