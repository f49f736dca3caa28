//! The formatting primitives under each verb, with Go's flag semantics:
//! padding to a width (counted in runes), integers in a base with
//! precision, sign, `#` prefixes and zero padding, strings truncated to a
//! precision, hex dumps, quoting, runes, `U+` notation and floats.

use super::float;
use super::quote;
use super::Printer;
use crate::string::{encode_rune, RUNE_ERROR};

pub const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
pub const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

fn rune_count(b: &[u8]) -> i64 {
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        i += crate::string::decode_rune(b, i).1;
        n += 1;
    }
    n
}

impl Printer {
    pub(super) fn write_padding(&mut self, n: i64) {
        if n <= 0 {
            return;
        }
        let c = if self.f.zero && !self.f.minus {
            b'0'
        } else {
            b' '
        };
        self.buf.extend(core::iter::repeat_n(c, n as usize));
    }

    /// Writes `b` padded to the width (spaces or zeros on the left, spaces
    /// on the right with `-`).
    pub(super) fn pad(&mut self, b: &[u8]) {
        if !self.f.wid_present || self.f.wid == 0 {
            self.buf.extend_from_slice(b);
            return;
        }
        let width = self.f.wid - rune_count(b);
        if !self.f.minus {
            self.write_padding(width);
            self.buf.extend_from_slice(b);
        } else {
            self.buf.extend_from_slice(b);
            self.write_padding(width);
        }
    }

    pub(super) fn fmt_boolean(&mut self, v: bool) {
        self.pad(if v { b"true" } else { b"false" });
    }

    /// `%U`: `U+0041`, and with `#` the rune itself: `U+0041 'A'`.
    pub(super) fn fmt_unicode(&mut self, u: u64) {
        let mut prec = 4;
        if self.f.prec_present && self.f.prec > 4 {
            prec = self.f.prec;
        }
        let mut digits = Vec::new();
        let mut v = u;
        loop {
            digits.push(UDIGITS[(v & 0xF) as usize]);
            v >>= 4;
            if v == 0 {
                break;
            }
        }
        let mut out = b"U+".to_vec();
        let zeros = (prec - digits.len() as i64).max(0) as usize;
        out.extend(core::iter::repeat_n(b'0', zeros));
        out.extend(digits.iter().rev());
        if self.f.sharp && u <= 0x10FFFF && super::isprint::is_print(u as u32) {
            out.extend_from_slice(b" '");
            encode_rune(&mut out, u as i64);
            out.push(b'\'');
        }
        let old_zero = self.f.zero;
        self.f.zero = false;
        self.pad(&out);
        self.f.zero = old_zero;
    }

    /// An integer in `base` with the flags' sign, prefix, precision and
    /// zero padding.
    pub(super) fn fmt_integer(
        &mut self,
        u: u64,
        base: u32,
        signed: bool,
        verb: char,
        digits: &[u8; 17],
    ) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative {
            (u as i64).unsigned_abs()
        } else {
            u
        };
        let mut prec: i64 = 0;
        if self.f.prec_present {
            prec = self.f.prec;
            if prec == 0 && u == 0 {
                let old_zero = self.f.zero;
                self.f.zero = false;
                self.write_padding(self.f.wid);
                self.f.zero = old_zero;
                return;
            }
        } else if self.f.zero && !self.f.minus && self.f.wid_present {
            prec = self.f.wid;
            if negative || self.f.plus || self.f.space {
                prec -= 1; // leave room for the sign
            }
        }
        // Digits, least significant first.
        let mut rev: Vec<u8> = Vec::with_capacity(24);
        let b = base as u64;
        while u >= b {
            rev.push(digits[(u % b) as usize]);
            u /= b;
        }
        rev.push(digits[u as usize]);
        while (rev.len() as i64) < prec {
            rev.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => rev.extend_from_slice(b"b0"),
                8 if rev.last() != Some(&b'0') => rev.push(b'0'),
                16 => {
                    rev.push(digits[16]);
                    rev.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            rev.extend_from_slice(b"o0");
        }
        if negative {
            rev.push(b'-');
        } else if self.f.plus {
            rev.push(b'+');
        } else if self.f.space {
            rev.push(b' ');
        }
        rev.reverse();
        let old_zero = self.f.zero;
        self.f.zero = false;
        self.pad(&rev);
        self.f.zero = old_zero;
    }

    /// `s` cut to the precision, counted in runes.
    fn truncate<'a>(&self, s: &'a [u8]) -> &'a [u8] {
        if self.f.prec_present {
            let mut n = self.f.prec;
            let mut i = 0;
            while i < s.len() {
                n -= 1;
                if n < 0 {
                    return &s[..i];
                }
                i += crate::string::decode_rune(s, i).1;
            }
        }
        s
    }

    pub(super) fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(s);
    }

    /// `%x`/`%X` of a string or byte slice: two hex digits per byte, with
    /// `#` for `0x` prefixes and space for separators.
    pub(super) fn fmt_sbx(&mut self, b: &[u8], digits: &[u8; 17]) {
        let mut length = b.len() as i64;
        if self.f.prec_present && self.f.prec < length {
            length = self.f.prec;
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if self.f.wid_present {
                self.write_padding(self.f.wid);
            }
            return;
        }
        if self.f.wid_present && self.f.wid > width && !self.f.minus {
            self.write_padding(self.f.wid - width);
        }
        if self.f.sharp {
            self.buf.push(b'0');
            self.buf.push(digits[16]);
        }
        for (i, &c) in b[..length as usize].iter().enumerate() {
            if self.f.space && i > 0 {
                self.buf.push(b' ');
                if self.f.sharp {
                    self.buf.push(b'0');
                    self.buf.push(digits[16]);
                }
            }
            self.buf.push(digits[(c >> 4) as usize]);
            self.buf.push(digits[(c & 0xF) as usize]);
        }
        if self.f.wid_present && self.f.wid > width && self.f.minus {
            self.write_padding(self.f.wid - width);
        }
    }

    /// `%q`: a double-quoted Go string (`#`: backquoted if possible; `+`:
    /// ASCII only).
    pub(super) fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        if self.f.sharp && quote::can_backquote(s) {
            let mut v = Vec::with_capacity(s.len() + 2);
            v.push(b'`');
            v.extend_from_slice(s);
            v.push(b'`');
            self.pad(&v);
            return;
        }
        let mut v = Vec::with_capacity(s.len() + 2);
        quote::append_quote(&mut v, s, self.f.plus);
        self.pad(&v);
    }

    /// `%c`.
    pub(super) fn fmt_c(&mut self, c: u64) {
        let r = if c > 0x10FFFF {
            RUNE_ERROR as i64
        } else {
            c as i64
        };
        let mut v = Vec::with_capacity(4);
        encode_rune(&mut v, r);
        self.pad(&v);
    }

    /// `%q` of an integer: a quoted rune literal.
    pub(super) fn fmt_qc(&mut self, c: u64) {
        let r = if c > 0x10FFFF {
            RUNE_ERROR as i64
        } else {
            c as i64
        };
        let mut v = Vec::with_capacity(8);
        quote::append_quote_rune(&mut v, r, self.f.plus);
        self.pad(&v);
    }

    /// A float with the flags: sign handling, `#` keeping the point and
    /// trailing zeros, zero padding after the sign, no zero padding for
    /// infinities and NaN.
    pub(super) fn fmt_float(&mut self, v: f64, size: u32, verb: u8, prec: i32) {
        let prec = if self.f.prec_present {
            self.f.prec as i32
        } else {
            prec
        };
        let mut num = Vec::with_capacity(32);
        num.push(b'+');
        float::append_float(&mut num, v, verb, prec, size);
        if num[1] == b'-' || num[1] == b'+' {
            num.remove(0);
        }
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        if num[1] == b'I' || num[1] == b'N' {
            let old_zero = self.f.zero;
            self.f.zero = false;
            if num[1] == b'N' && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad(&num);
            self.f.zero = old_zero;
            return;
        }
        if self.f.sharp && verb != b'b' {
            let mut digits: i64 = 0;
            if matches!(verb, b'v' | b'g' | b'G' | b'x') {
                digits = prec as i64;
                if digits == -1 {
                    digits = 6;
                }
            }
            let mut tail: Vec<u8> = Vec::new();
            let mut has_point = false;
            let mut saw_nonzero = false;
            let mut i = 1;
            while i < num.len() {
                match num[i] {
                    b'.' => has_point = true,
                    b'p' | b'P' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    b'e' | b'E' if verb != b'x' && verb != b'X' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    c => {
                        if c != b'0' {
                            saw_nonzero = true;
                        }
                        if saw_nonzero {
                            digits -= 1;
                        }
                    }
                }
                i += 1;
            }
            if !has_point {
                if num.len() == 2 && num[1] == b'0' {
                    digits -= 1;
                }
                num.push(b'.');
            }
            while digits > 0 {
                num.push(b'0');
                digits -= 1;
            }
            num.extend_from_slice(&tail);
        }
        if self.f.plus || num[0] != b'+' {
            if self.f.zero && !self.f.minus && self.f.wid_present && self.f.wid > num.len() as i64 {
                self.buf.push(num[0]);
                self.write_padding(self.f.wid - num.len() as i64);
                self.buf.extend_from_slice(&num[1..]);
                return;
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }
}
