//! The lexer: bytes of one file in, [`Token`]s out.
//!
//! It follows the Go specification's lexical rules and gc's scanner where the
//! specification leaves room: semicolons are inserted after a line's last
//! token when that token could end a statement; NUL bytes, invalid UTF-8 and
//! a byte order mark anywhere but at the start are reported and skipped;
//! malformed literals are reported with gc's messages and still returned (as
//! `bad` literals) so the parser can go on.
//!
//! Comments are not tokens. The lexer records every comment's range in
//! [`Lexer::comments`]; the parser reads directives (`//go:noinline`) and the
//! cgo preamble from there.

use super::ast::{BinaryOp, LitKind};
use super::token::{Op, SemiKind, Tok, Token};
use crate::diag::Diagnostic;
use crate::source::{FileId, Span};

/// A comment's byte range: `//` to the end of the line (newline excluded)
/// or `/*` to `*/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment {
    pub lo: u32,
    pub hi: u32,
}

const EOF: i32 = -1;

const ADD: Op = Op::Binary(BinaryOp::Add);
const SUB: Op = Op::Binary(BinaryOp::Sub);
const MUL: Op = Op::Binary(BinaryOp::Mul);
const DIV: Op = Op::Binary(BinaryOp::Div);
const REM: Op = Op::Binary(BinaryOp::Rem);
const AND: Op = Op::Binary(BinaryOp::And);
const AND_NOT: Op = Op::Binary(BinaryOp::AndNot);
const OR: Op = Op::Binary(BinaryOp::Or);
const XOR: Op = Op::Binary(BinaryOp::Xor);
const SHL: Op = Op::Binary(BinaryOp::Shl);
const SHR: Op = Op::Binary(BinaryOp::Shr);
const LAND: Op = Op::Binary(BinaryOp::LAnd);
const LOR: Op = Op::Binary(BinaryOp::LOr);
const EQ: Op = Op::Binary(BinaryOp::Eq);
const NE: Op = Op::Binary(BinaryOp::Ne);
const LT: Op = Op::Binary(BinaryOp::Lt);
const LE: Op = Op::Binary(BinaryOp::Le);
const GT: Op = Op::Binary(BinaryOp::Gt);
const GE: Op = Op::Binary(BinaryOp::Ge);

pub struct Lexer<'a> {
    src: &'a [u8],
    file: FileId,
    /// Current character (a Unicode scalar value) or `EOF`.
    ch: i32,
    /// Offset of `ch`.
    ch_lo: usize,
    /// Offset just after `ch`.
    next_off: usize,
    /// A newline or the end of the file now yields a semicolon.
    nlsemi: bool,
    pub diags: Vec<Diagnostic>,
    pub comments: Vec<Comment>,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str, file: FileId) -> Lexer<'a> {
        Lexer::from_bytes(src.as_bytes(), file)
    }

    /// Lexes arbitrary bytes (invalid UTF-8 is reported, not assumed away).
    pub fn from_bytes(src: &'a [u8], file: FileId) -> Lexer<'a> {
        let mut lx = Lexer {
            src,
            file,
            ch: b' ' as i32,
            ch_lo: 0,
            next_off: 0,
            nlsemi: false,
            diags: Vec::new(),
            comments: Vec::new(),
        };
        lx.nextch();
        lx
    }

    pub fn source(&self) -> &'a [u8] {
        self.src
    }

    fn span(&self, lo: usize, hi: usize) -> Span {
        Span::new(self.file, lo as u32, hi as u32)
    }

    fn error_at(&mut self, offset: usize, msg: impl Into<String>) {
        let hi = (offset + 1).min(self.src.len()).max(offset);
        let span = self.span(offset, hi);
        self.diags.push(Diagnostic::error(span, msg));
    }

    /// An error at the current character.
    fn error(&mut self, msg: impl Into<String>) {
        self.error_at(self.ch_lo, msg);
    }

    /// Advances to the next character, skipping (and reporting) NUL bytes,
    /// invalid UTF-8 and misplaced byte order marks, as gc does.
    fn nextch(&mut self) {
        loop {
            self.ch_lo = self.next_off;
            let Some(&b) = self.src.get(self.next_off) else {
                self.ch = EOF;
                return;
            };
            if b < 0x80 {
                self.next_off += 1;
                if b == 0 {
                    self.error("invalid NUL character");
                    continue;
                }
                self.ch = b as i32;
                return;
            }
            match decode_utf8(&self.src[self.next_off..]) {
                Some((c, width)) => {
                    self.next_off += width;
                    if c == '\u{FEFF}' {
                        if self.ch_lo > 0 {
                            self.error("invalid BOM in the middle of the file");
                        }
                        continue;
                    }
                    self.ch = c as i32;
                    return;
                }
                None => {
                    self.next_off += 1;
                    self.error("invalid UTF-8 encoding");
                }
            }
        }
    }

    fn is(&self, c: u8) -> bool {
        self.ch == c as i32
    }

    /// The next token.
    pub fn next_token(&mut self) -> Token {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        loop {
            while self.is(b' ') || self.is(b'\t') || self.is(b'\r') || (self.is(b'\n') && !nlsemi) {
                self.nextch();
            }
            let lo = self.ch_lo;
            let ch = self.ch;

            if is_letter(ch) || (ch >= 0x80 && self.at_ident_char(true)) {
                self.nextch();
                return self.ident(lo);
            }

            let simple = |lx: &mut Lexer, tok: Tok| {
                lx.nextch();
                Token::new(tok, lo as u32, lx.ch_lo as u32)
            };

            if ch == EOF {
                if nlsemi {
                    let mut t = Token::new(Tok::Semi, lo as u32, lo as u32);
                    t.semi = SemiKind::Eof;
                    return t;
                }
                return Token::new(Tok::Eof, lo as u32, lo as u32);
            }
            let c = ch as u32 as u8;
            if ch >= 0x80 {
                // Not an identifier character either: reported by
                // at_ident_char above, never reached. Be safe anyway.
                self.nextch();
                continue;
            }
            let tok = match c {
                b'\n' => {
                    let mut t = simple(self, Tok::Semi);
                    t.semi = SemiKind::Newline;
                    t
                }
                b'0'..=b'9' => self.number(lo, false),
                b'"' => self.std_string(lo),
                b'`' => self.raw_string(lo),
                b'\'' => self.rune(lo),
                b'(' => simple(self, Tok::LParen),
                b'[' => simple(self, Tok::LBrack),
                b'{' => simple(self, Tok::LBrace),
                b',' => simple(self, Tok::Comma),
                b';' => simple(self, Tok::Semi),
                b')' => {
                    self.nlsemi = true;
                    simple(self, Tok::RParen)
                }
                b']' => {
                    self.nlsemi = true;
                    simple(self, Tok::RBrack)
                }
                b'}' => {
                    self.nlsemi = true;
                    simple(self, Tok::RBrace)
                }
                b':' => {
                    self.nextch();
                    if self.is(b'=') {
                        self.nextch();
                        self.token(Tok::Define, lo)
                    } else {
                        self.token(Tok::Colon, lo)
                    }
                }
                b'.' => {
                    self.nextch();
                    if is_decimal(self.ch) {
                        self.number(lo, true)
                    } else if self.is(b'.') && self.src.get(self.next_off) == Some(&b'.') {
                        self.nextch();
                        self.nextch();
                        self.token(Tok::DotDotDot, lo)
                    } else {
                        self.token(Tok::Dot, lo)
                    }
                }
                b'+' | b'-' => {
                    self.nextch();
                    let op = if c == b'+' { ADD } else { SUB };
                    if self.is(c) {
                        self.nextch();
                        self.nlsemi = true;
                        self.op_token(Tok::IncOp, op, lo)
                    } else {
                        self.assign_op(op, lo)
                    }
                }
                b'*' => {
                    self.nextch();
                    if self.is(b'=') {
                        self.nextch();
                        self.op_token(Tok::AssignOp, MUL, lo)
                    } else {
                        self.op_token(Tok::Star, MUL, lo)
                    }
                }
                b'/' => {
                    self.nextch();
                    if self.is(b'/') {
                        self.nextch();
                        self.line_comment(lo);
                        continue;
                    }
                    if self.is(b'*') {
                        self.nextch();
                        let had_newline = self.full_comment(lo);
                        if had_newline && nlsemi {
                            let mut t = Token::new(Tok::Semi, lo as u32, lo as u32);
                            t.semi = SemiKind::Newline;
                            return t;
                        }
                        continue;
                    }
                    self.assign_op(DIV, lo)
                }
                b'%' => {
                    self.nextch();
                    self.assign_op(REM, lo)
                }
                b'&' => {
                    self.nextch();
                    if self.is(b'&') {
                        self.nextch();
                        self.op_token(Tok::Operator, LAND, lo)
                    } else if self.is(b'^') {
                        self.nextch();
                        self.assign_op(AND_NOT, lo)
                    } else {
                        self.assign_op(AND, lo)
                    }
                }
                b'|' => {
                    self.nextch();
                    if self.is(b'|') {
                        self.nextch();
                        self.op_token(Tok::Operator, LOR, lo)
                    } else {
                        self.assign_op(OR, lo)
                    }
                }
                b'^' => {
                    self.nextch();
                    self.assign_op(XOR, lo)
                }
                b'<' => {
                    self.nextch();
                    if self.is(b'=') {
                        self.nextch();
                        self.op_token(Tok::Operator, LE, lo)
                    } else if self.is(b'<') {
                        self.nextch();
                        self.assign_op(SHL, lo)
                    } else if self.is(b'-') {
                        self.nextch();
                        self.token(Tok::Arrow, lo)
                    } else {
                        self.op_token(Tok::Operator, LT, lo)
                    }
                }
                b'>' => {
                    self.nextch();
                    if self.is(b'=') {
                        self.nextch();
                        self.op_token(Tok::Operator, GE, lo)
                    } else if self.is(b'>') {
                        self.nextch();
                        self.assign_op(SHR, lo)
                    } else {
                        self.op_token(Tok::Operator, GT, lo)
                    }
                }
                b'=' => {
                    self.nextch();
                    if self.is(b'=') {
                        self.nextch();
                        self.op_token(Tok::Operator, EQ, lo)
                    } else {
                        self.token(Tok::Assign, lo)
                    }
                }
                b'!' => {
                    self.nextch();
                    if self.is(b'=') {
                        self.nextch();
                        self.op_token(Tok::Operator, NE, lo)
                    } else {
                        self.op_token(Tok::Operator, Op::Not, lo)
                    }
                }
                b'~' => {
                    self.nextch();
                    self.op_token(Tok::Operator, Op::Tilde, lo)
                }
                _ => {
                    let msg = format!("invalid character {}", format_char_u(ch as u32));
                    self.error(msg);
                    self.nextch();
                    continue;
                }
            };
            return tok;
        }
    }

    fn token(&self, tok: Tok, lo: usize) -> Token {
        Token::new(tok, lo as u32, self.ch_lo as u32)
    }

    fn op_token(&self, tok: Tok, op: Op, lo: usize) -> Token {
        let mut t = self.token(tok, lo);
        t.op = op;
        t
    }

    /// `op` or `op=`.
    fn assign_op(&mut self, op: Op, lo: usize) -> Token {
        if self.is(b'=') {
            self.nextch();
            return self.op_token(Tok::AssignOp, op, lo);
        }
        self.op_token(Tok::Operator, op, lo)
    }

    fn ident(&mut self, lo: usize) -> Token {
        while is_letter(self.ch) || is_decimal(self.ch) {
            self.nextch();
        }
        if self.ch >= 0x80 {
            while self.at_ident_char(false) {
                self.nextch();
            }
        }
        let word = &self.src[lo..self.ch_lo];
        if let Some(kw) = Tok::keyword(word) {
            self.nlsemi = matches!(
                kw,
                Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return
            );
            return self.token(kw, lo);
        }
        self.nlsemi = true;
        self.token(Tok::Name, lo)
    }

    /// Whether the current character may continue (or, with `first`, start)
    /// an identifier. Digits at the start and non-letters beyond ASCII are
    /// reported but accepted, as gc does, so one bad character does not
    /// split an identifier in two.
    fn at_ident_char(&mut self, first: bool) -> bool {
        let ch = self.ch;
        if ch < 0 {
            return false;
        }
        let Some(c) = char::from_u32(ch as u32) else {
            return false;
        };
        if is_unicode_letter(c) || c == '_' {
            return true;
        }
        if is_unicode_digit(c) {
            if first {
                let msg = format!(
                    "identifier cannot begin with digit {}",
                    format_char_u(ch as u32)
                );
                self.error(msg);
            }
            return true;
        }
        if ch >= 0x80 {
            let msg = format!(
                "invalid character {} in identifier",
                format_char_u(ch as u32)
            );
            self.error(msg);
            return true;
        }
        false
    }

    fn lit_token(&mut self, kind: LitKind, lo: usize, ok: bool) -> Token {
        self.nlsemi = true;
        let mut t = self.token(Tok::Literal, lo);
        t.lit = kind;
        t.bad = !ok;
        t
    }

    /// Scans digits of `base` (and `_`); returns bit 0 set if a digit was
    /// seen, bit 1 if a `_` was. Records the offset of the first digit not
    /// valid in `base` (for bases up to 10).
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u32 {
        let mut digsep = 0;
        if base <= 10 {
            let max = b'0' as i32 + base as i32;
            while is_decimal(self.ch) || self.is(b'_') {
                let mut ds = 1;
                if self.is(b'_') {
                    ds = 2;
                } else if self.ch >= max && invalid.is_none() {
                    *invalid = Some(self.ch_lo);
                }
                digsep |= ds;
                self.nextch();
            }
        } else {
            while is_hex(self.ch) || self.is(b'_') {
                digsep |= if self.is(b'_') { 2 } else { 1 };
                self.nextch();
            }
        }
        digsep
    }

    fn number(&mut self, lo: usize, mut seen_point: bool) -> Token {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        let mut prefix = 0u8; // 0 (decimal), b'0' (old octal), b'x', b'o', b'b'
        let mut digsep = 0;
        let mut invalid = None;

        if !seen_point {
            if self.is(b'0') {
                self.nextch();
                match lower(self.ch) {
                    x if x == b'x' as i32 => {
                        self.nextch();
                        base = 16;
                        prefix = b'x';
                    }
                    o if o == b'o' as i32 => {
                        self.nextch();
                        base = 8;
                        prefix = b'o';
                    }
                    b if b == b'b' as i32 => {
                        self.nextch();
                        base = 2;
                        prefix = b'b';
                    }
                    _ => {
                        base = 8;
                        prefix = b'0';
                        digsep = 1; // the leading 0
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.is(b'.') {
                if prefix == b'o' || prefix == b'b' {
                    self.error(format!(
                        "invalid radix point in {} literal",
                        base_name(base)
                    ));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }

        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, &mut invalid);
        }

        if digsep & 1 == 0 && ok {
            self.error(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }

        let e = lower(self.ch);
        if e == b'e' as i32 || e == b'p' as i32 {
            if ok {
                let shown = self.ch as u8 as char;
                if e == b'e' as i32 && prefix != 0 && prefix != b'0' {
                    self.error(format!("'{shown}' exponent requires decimal mantissa"));
                    ok = false;
                } else if e == b'p' as i32 && prefix != b'x' {
                    self.error(format!("'{shown}' exponent requires hexadecimal mantissa"));
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.is(b'+') || self.is(b'-') {
                self.nextch();
            }
            let mut none = None;
            digsep = self.digits(10, &mut none) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.error("exponent has no digits");
                ok = false;
            }
        } else if prefix == b'x' && kind == LitKind::Float && ok {
            self.error("hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }

        if self.is(b'i') {
            kind = LitKind::Imag;
            self.nextch();
        }

        let hi = self.ch_lo;
        if kind == LitKind::Int && ok {
            if let Some(at) = invalid {
                let digit = self.src[at] as char;
                self.error_at(
                    at,
                    format!("invalid digit '{digit}' in {} literal", base_name(base)),
                );
                ok = false;
            }
        }
        if digsep & 2 != 0 && ok {
            if let Some(i) = invalid_separator(&self.src[lo..hi]) {
                self.error_at(lo + i, "'_' must separate successive digits");
                ok = false;
            }
        }
        self.lit_token(kind, lo, ok)
    }

    fn rune(&mut self, lo: usize) -> Token {
        let mut ok = true;
        self.nextch();
        let mut n = 0;
        loop {
            if self.is(b'\'') {
                if ok {
                    if n == 0 {
                        self.error("empty rune literal or unescaped '");
                        ok = false;
                    } else if n != 1 {
                        self.error_at(lo, "more than one character in rune literal");
                        ok = false;
                    }
                }
                self.nextch();
                break;
            }
            if self.is(b'\\') {
                self.nextch();
                if !self.escape(b'\'') {
                    ok = false;
                }
                n += 1;
                continue;
            }
            if self.is(b'\n') {
                if ok {
                    self.error("newline in rune literal");
                    ok = false;
                }
                break;
            }
            if self.ch == EOF {
                if ok {
                    self.error_at(lo, "rune literal not terminated");
                    ok = false;
                }
                break;
            }
            n += 1;
            self.nextch();
        }
        self.lit_token(LitKind::Rune, lo, ok)
    }

    fn std_string(&mut self, lo: usize) -> Token {
        let mut ok = true;
        self.nextch();
        loop {
            if self.is(b'"') {
                self.nextch();
                break;
            }
            if self.is(b'\\') {
                self.nextch();
                if !self.escape(b'"') {
                    ok = false;
                }
                continue;
            }
            if self.is(b'\n') {
                self.error("newline in string");
                ok = false;
                break;
            }
            if self.ch == EOF {
                self.error_at(lo, "string not terminated");
                ok = false;
                break;
            }
            self.nextch();
        }
        self.lit_token(LitKind::String, lo, ok)
    }

    fn raw_string(&mut self, lo: usize) -> Token {
        let mut ok = true;
        self.nextch();
        loop {
            if self.is(b'`') {
                self.nextch();
                break;
            }
            if self.ch == EOF {
                self.error_at(lo, "string not terminated");
                ok = false;
                break;
            }
            self.nextch();
        }
        self.lit_token(LitKind::String, lo, ok)
    }

    fn line_comment(&mut self, lo: usize) {
        while self.ch != EOF && !self.is(b'\n') {
            self.nextch();
        }
        self.comments.push(Comment {
            lo: lo as u32,
            hi: self.ch_lo as u32,
        });
    }

    /// Skips a `/* */` comment (the opening is consumed); reports whether
    /// it contained a newline.
    fn full_comment(&mut self, lo: usize) -> bool {
        let mut newline = false;
        loop {
            if self.ch == EOF {
                self.error_at(lo, "comment not terminated");
                break;
            }
            if self.is(b'*') {
                self.nextch();
                if self.is(b'/') {
                    self.nextch();
                    break;
                }
                continue;
            }
            if self.is(b'\n') {
                newline = true;
            }
            self.nextch();
        }
        self.comments.push(Comment {
            lo: lo as u32,
            hi: self.ch_lo as u32,
        });
        newline
    }

    /// Checks one escape sequence after a backslash (consumed). Returns
    /// false after reporting a malformed one. An escape cut short by the end
    /// of the file is left for the caller to report.
    fn escape(&mut self, quote: u8) -> bool {
        let (n, base, max): (u32, u32, u32) = match self.ch {
            c if c == quote as i32 => {
                self.nextch();
                return true;
            }
            c if c >= 0 && b"abfnrtv\\".contains(&(c as u8)) && c < 0x80 => {
                self.nextch();
                return true;
            }
            c if (b'0' as i32..=b'7' as i32).contains(&c) => (3, 8, 255),
            c if c == b'x' as i32 => {
                self.nextch();
                (2, 16, 255)
            }
            c if c == b'u' as i32 => {
                self.nextch();
                (4, 16, 0x10FFFF)
            }
            c if c == b'U' as i32 => {
                self.nextch();
                (8, 16, 0x10FFFF)
            }
            EOF => return true,
            _ => {
                self.error("unknown escape");
                return false;
            }
        };
        let mut x: u32 = 0;
        for _ in 0..n {
            if self.ch == EOF {
                return true;
            }
            let d = digit_value(self.ch).unwrap_or(base);
            if d >= base {
                let msg = format!(
                    "invalid character {} in {} escape",
                    quote_rune(self.ch as u32),
                    base_name(base)
                );
                self.error(msg);
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.nextch();
        }
        if x > max && base == 8 {
            self.error(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.error(format!(
                "escape is invalid Unicode code point {}",
                format_char_u(x)
            ));
            return false;
        }
        true
    }
}

fn lower(ch: i32) -> i32 {
    (b'a' - b'A') as i32 | ch
}

fn is_letter(ch: i32) -> bool {
    let l = lower(ch);
    (b'a' as i32..=b'z' as i32).contains(&l) || ch == b'_' as i32
}

fn is_decimal(ch: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&ch)
}

fn is_hex(ch: i32) -> bool {
    is_decimal(ch) || (b'a' as i32..=b'f' as i32).contains(&lower(ch))
}

fn digit_value(ch: i32) -> Option<u32> {
    if is_decimal(ch) {
        Some((ch - b'0' as i32) as u32)
    } else if (b'a' as i32..=b'f' as i32).contains(&lower(ch)) {
        Some((lower(ch) - b'a' as i32 + 10) as u32)
    } else {
        None
    }
}

/// Go's `unicode.IsLetter` (approximated by the Unicode Alphabetic
/// property, which also covers letter-like numerals and some marks).
pub(crate) fn is_unicode_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// Go's `unicode.IsDigit` (decimal digits, category Nd), approximated.
pub(crate) fn is_unicode_digit(c: char) -> bool {
    c.is_numeric() && !c.is_alphabetic()
}

pub(crate) fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// The offset of the first `_` in a number literal that does not separate
/// two digits (or the prefix and a digit), if any.
fn invalid_separator(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1] | 0x20;
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}

/// Decodes one UTF-8 sequence at the start of `b` (which is non-empty and
/// starts with a non-ASCII byte). `None` for an invalid or truncated
/// sequence, overlong encodings and surrogates included.
pub(crate) fn decode_utf8(b: &[u8]) -> Option<(char, usize)> {
    let n = match b.first()? {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let seq = b.get(..n)?;
    let s = std::str::from_utf8(seq).ok()?;
    s.chars().next().map(|c| (c, n))
}

/// Whether Go's `strconv.IsPrint` holds (approximately): letters, marks,
/// numbers, punctuation, symbols and the ASCII space.
pub(crate) fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c as u32,
        0xAD | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F | 0xFEFF
        | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF)
}

/// Go's `%#U`: `U+0040 '@'` (the character only when printable).
pub fn format_char_u(c: u32) -> String {
    match char::from_u32(c) {
        Some(ch) if is_print(ch) => format!("U+{c:04X} '{ch}'"),
        _ => format!("U+{c:04X}"),
    }
}

/// Go's `%q` for a rune: `'a'`, `'\n'`, `'\x00'`, `'\u00a0'`.
pub fn quote_rune(c: u32) -> String {
    let inner = match char::from_u32(c) {
        Some('\x07') => "\\a".to_string(),
        Some('\x08') => "\\b".to_string(),
        Some('\x0c') => "\\f".to_string(),
        Some('\n') => "\\n".to_string(),
        Some('\r') => "\\r".to_string(),
        Some('\t') => "\\t".to_string(),
        Some('\x0b') => "\\v".to_string(),
        Some('\\') => "\\\\".to_string(),
        Some('\'') => "\\'".to_string(),
        Some(ch) if is_print(ch) => ch.to_string(),
        Some(_) if c < 0x20 || c == 0x7f => format!("\\x{c:02x}"),
        Some(_) if c < 0x10000 => format!("\\u{c:04x}"),
        Some(_) => format!("\\U{c:08x}"),
        None => "\\ufffd".to_string(),
    };
    format!("'{inner}'")
}
