//! Go-syntax quoting as `strconv` does it (`Quote`, `QuoteToASCII`,
//! `QuoteRune`, `QuoteRuneToASCII`, `CanBackquote`), for `%q`, `%#v` and
//! the overlay `strconv` package.

pub use super::isprint::is_print;
use crate::string::{decode_rune, encode_rune, valid_rune, RUNE_ERROR};

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut Vec<u8>, v: u32, digits: u32) {
    for i in (0..digits).rev() {
        out.push(HEX[((v >> (4 * i)) & 0xF) as usize]);
    }
}

fn escaped_rune(out: &mut Vec<u8>, r: u32, quote: u8, ascii_only: bool) {
    if r == quote as u32 || r == '\\' as u32 {
        out.push(b'\\');
        out.push(r as u8);
        return;
    }
    if ascii_only {
        if r < 0x80 && is_print(r) {
            out.push(r as u8);
            return;
        }
    } else if is_print(r) {
        encode_rune(out, r as i64);
        return;
    }
    let esc = match r {
        0x07 => b'a',
        0x08 => b'b',
        0x0C => b'f',
        0x0A => b'n',
        0x0D => b'r',
        0x09 => b't',
        0x0B => b'v',
        _ => 0,
    };
    if esc != 0 {
        out.push(b'\\');
        out.push(esc);
        return;
    }
    if r < 0x20 || r == 0x7F {
        out.extend_from_slice(b"\\x");
        push_hex(out, r, 2);
    } else if !valid_rune(r as i64) || r < 0x10000 {
        let r = if valid_rune(r as i64) { r } else { RUNE_ERROR };
        out.extend_from_slice(b"\\u");
        push_hex(out, r, 4);
    } else {
        out.extend_from_slice(b"\\U");
        push_hex(out, r, 8);
    }
}

/// Appends `s` double-quoted with Go escapes (`strconv.AppendQuote`, or
/// `AppendQuoteToASCII` when `ascii_only`).
pub fn append_quote(out: &mut Vec<u8>, s: &[u8], ascii_only: bool) {
    out.push(b'"');
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(s, i);
        if w == 1 && r == RUNE_ERROR {
            out.extend_from_slice(b"\\x");
            push_hex(out, s[i] as u32, 2);
        } else {
            escaped_rune(out, r, b'"', ascii_only);
        }
        i += w;
    }
    out.push(b'"');
}

/// Appends a single-quoted rune literal (`strconv.AppendQuoteRune`).
pub fn append_quote_rune(out: &mut Vec<u8>, r: i64, ascii_only: bool) {
    let r = if valid_rune(r) { r as u32 } else { RUNE_ERROR };
    out.push(b'\'');
    escaped_rune(out, r, b'\'', ascii_only);
    out.push(b'\'');
}

/// `strconv.CanBackquote(s)`.
pub fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(s, i);
        i += w;
        if w > 1 {
            if r == 0xFEFF {
                return false;
            }
            continue;
        }
        if r == RUNE_ERROR {
            return false;
        }
        if (r < 0x20 && r != 0x09) || r == '`' as u32 || r == 0x7F {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &[u8], ascii: bool) -> String {
        let mut v = Vec::new();
        append_quote(&mut v, s, ascii);
        String::from_utf8(v).unwrap()
    }

    /// Expectations from go1.27.3's strconv.
    #[test]
    fn quotes_as_strconv() {
        assert_eq!(q(b"hi\n\"x\"\\", false), r#""hi\n\"x\"\\""#);
        assert_eq!(
            q("héllo\u{7f}\u{ad}😀".as_bytes(), false),
            "\"héllo\\x7f\\u00ad😀\""
        );
        assert_eq!(q("héllo😀".as_bytes(), true), r#""h\u00e9llo\U0001f600""#);
        assert_eq!(q(b"\xff\x00", false), r#""\xff\x00""#);
        let mut v = Vec::new();
        append_quote_rune(&mut v, '\'' as i64, false);
        append_quote_rune(&mut v, 0x263A, true);
        append_quote_rune(&mut v, 0x110000, false);
        assert_eq!(String::from_utf8(v).unwrap(), r"'\'''\u263a''�'");
        assert!(can_backquote(b"a\tb"));
        assert!(!can_backquote(b"a`b"));
        assert!(!can_backquote(b"a\nb"));
        assert!(!can_backquote("\u{feff}".as_bytes()));
    }
}
