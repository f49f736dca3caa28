//! The formatting engine behind the overlay `fmt` package: `Sprint`,
//! `Sprintln`, `Sprintf` (and `Errorf`'s `%w` bookkeeping) with Go's
//! semantics, driven by type descriptors instead of reflection.
//!
//! [`Printer`] mirrors fmt's printer state (flags, width, precision,
//! argument bookkeeping). `value.rs` walks values by kind as fmt's
//! `printArg`/`printValue` do — including calling `Error()`, `String()`
//! and `GoString()` through the descriptors' method tables — `verbs.rs`
//! holds the per-verb primitives, `float.rs` strconv's float layouts,
//! `quote.rs` strconv's quoting, `sort.rs` the key order of printed
//! maps and `state.rs` the `fmt.State` handed to custom formatters.

pub mod float;
mod isprint;
pub mod quote;
mod sort;
mod state;
#[cfg(test)]
mod tests;
mod value;
mod verbs;

use crate::abi::{Eface, GoSlice, GoString};
use crate::string::copy_to_go;

/// fmt's flags for one verb.
#[derive(Clone, Copy, Default)]
struct Flags {
    plus: bool,
    minus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    plus_v: bool,
    sharp_v: bool,
    wid_present: bool,
    prec_present: bool,
    wid: i64,
    prec: i64,
}

/// One formatting run.
pub struct Printer {
    buf: Vec<u8>,
    f: Flags,
    reordered: bool,
    good_arg_num: bool,
    /// Printing a bad verb's operand: no methods are called.
    erroring: bool,
    /// `Errorf`: `%w` is allowed.
    wrap_errs: bool,
    /// Argument numbers of `%w` verbs.
    wrapped: Vec<usize>,
    /// Printing the value of a panic a method raised.
    panicking: bool,
}

impl Printer {
    pub fn new() -> Printer {
        Printer {
            buf: Vec::with_capacity(64),
            f: Flags::default(),
            reordered: false,
            good_arg_num: true,
            erroring: false,
            wrap_errs: false,
            wrapped: Vec::new(),
            panicking: false,
        }
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }

    fn clear_flags(&mut self) {
        self.f = Flags::default();
    }

    /// `Sprint`: operands separated by a space when neither is a string.
    pub fn do_print(&mut self, args: &[Eface]) {
        let mut prev_string = false;
        for (i, a) in args.iter().enumerate() {
            // SAFETY: a non-null type word of an `interface{}` is a descriptor.
            let is_string = !a.typ.is_null() && unsafe { (*a.typ).kind } == crate::abi::KIND_STRING;
            if i > 0 && !is_string && !prev_string {
                self.buf.push(b' ');
            }
            self.print_arg(*a, 'v');
            prev_string = is_string;
        }
    }

    /// `Sprintln`: operands always separated by spaces, then a newline.
    pub fn do_println(&mut self, args: &[Eface]) {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.buf.push(b' ');
            }
            self.print_arg(*a, 'v');
        }
        self.buf.push(b'\n');
    }

    /// `Sprintf`.
    pub fn do_printf(&mut self, format: &[u8], args: &[Eface]) {
        let end = format.len();
        let mut arg_num = 0usize;
        let mut after_index;
        self.reordered = false;
        let mut i = 0;
        'format: while i < end {
            self.good_arg_num = true;
            let lasti = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.buf.extend_from_slice(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1; // skip %
            self.clear_flags();
            // Flags, and the fast path for a simple verb right after them.
            while i < end {
                let c = format[i];
                match c {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = true,
                    b'+' => self.f.plus = true,
                    b'-' => self.f.minus = true,
                    b' ' => self.f.space = true,
                    _ => {
                        if c.is_ascii_lowercase() && arg_num < args.len() {
                            if c == b'w' {
                                self.wrapped.push(arg_num);
                            }
                            if c == b'v' || c == b'w' {
                                self.f.sharp_v = self.f.sharp;
                                self.f.sharp = false;
                                self.f.plus_v = self.f.plus;
                                self.f.plus = false;
                            }
                            self.print_arg(args[arg_num], c as char);
                            arg_num += 1;
                            i += 1;
                            continue 'format;
                        }
                        break;
                    }
                }
                i += 1;
            }

            (arg_num, i, after_index) = self.arg_number(arg_num, format, i, args.len());

            // Width.
            if i < end && format[i] == b'*' {
                i += 1;
                let (n, ok, next) = int_from_arg(args, arg_num);
                self.f.wid = n;
                self.f.wid_present = ok;
                arg_num = next;
                if !ok {
                    self.buf.extend_from_slice(b"%!(BADWIDTH)");
                }
                if self.f.wid < 0 {
                    self.f.wid = -self.f.wid;
                    self.f.minus = true;
                    self.f.zero = false; // no zero padding to the right
                }
                after_index = false;
            } else {
                let (n, ok, next) = parse_num(format, i, end);
                self.f.wid = n;
                self.f.wid_present = ok;
                i = next;
                if after_index && ok {
                    // "%[3]2d"
                    self.good_arg_num = false;
                }
            }

            // Precision.
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    // "%[3].2d"
                    self.good_arg_num = false;
                }
                (arg_num, i, after_index) = self.arg_number(arg_num, format, i, args.len());
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (n, ok, next) = int_from_arg(args, arg_num);
                    self.f.prec = n;
                    self.f.prec_present = ok;
                    arg_num = next;
                    if self.f.prec < 0 {
                        self.f.prec = 0;
                        self.f.prec_present = false;
                    }
                    if !self.f.prec_present {
                        self.buf.extend_from_slice(b"%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (n, ok, next) = parse_num(format, i, end);
                    self.f.prec = n;
                    self.f.prec_present = ok;
                    i = next;
                    if !ok {
                        self.f.prec = 0;
                        self.f.prec_present = true;
                    }
                }
            }

            if !after_index {
                (arg_num, i, _) = self.arg_number(arg_num, format, i, args.len());
            }

            if i >= end {
                self.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }

            let (r, size) = crate::string::decode_rune(format, i);
            let verb = char::from_u32(r).unwrap_or('\u{FFFD}');
            i += size;

            if verb == '%' {
                // Percent does not absorb operands and ignores width and
                // precision.
                self.buf.push(b'%');
            } else if !self.good_arg_num {
                self.bad_arg(verb, b"(BADINDEX)");
            } else if arg_num >= args.len() {
                self.bad_arg(verb, b"(MISSING)");
            } else {
                if verb == 'w' {
                    self.wrapped.push(arg_num);
                }
                if verb == 'v' || verb == 'w' {
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                }
                self.print_arg(args[arg_num], verb);
                arg_num += 1;
            }
        }

        if !self.reordered && arg_num < args.len() {
            self.clear_flags();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for (k, a) in args[arg_num..].iter().enumerate() {
                if k > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                if a.typ.is_null() {
                    self.buf.extend_from_slice(b"<nil>");
                } else {
                    // SAFETY: non-null descriptors are valid.
                    self.buf.extend_from_slice(unsafe { (*a.typ).name_bytes() });
                    self.buf.push(b'=');
                    self.print_arg(*a, 'v');
                }
            }
            self.buf.push(b')');
        }
    }

    fn bad_arg(&mut self, verb: char, what: &[u8]) {
        self.buf.extend_from_slice(b"%!");
        self.push_rune(verb);
        self.buf.extend_from_slice(what);
    }

    fn push_rune(&mut self, c: char) {
        let mut b = [0u8; 4];
        self.buf.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
    }

    /// An explicit argument index `[n]` at `format[i]`, if any:
    /// (argument number, new position, whether an index was found).
    fn arg_number(
        &mut self,
        arg_num: usize,
        format: &[u8],
        i: usize,
        num_args: usize,
    ) -> (usize, usize, bool) {
        if format.len() <= i || format[i] != b'[' {
            return (arg_num, i, false);
        }
        self.reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok && 0 <= index && (index as usize) < num_args {
            return (index as usize, i + wid, true);
        }
        self.good_arg_num = false;
        (arg_num, i + wid, ok)
    }
}

impl Default for Printer {
    fn default() -> Self {
        Printer::new()
    }
}

fn too_large(x: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&x)
}

/// A decimal number at `s[start..end]`: (value, found, position after).
fn parse_num(s: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let mut num = 0i64;
    let mut isnum = false;
    let mut i = start;
    while i < end && s[i].is_ascii_digit() {
        if too_large(num) {
            return (0, false, end); // overflow: most likely a crazy number
        }
        num = num * 10 + (s[i] - b'0') as i64;
        isnum = true;
        i += 1;
    }
    (num, isnum, i)
}

/// `[n]` at the start of `format`: (n − 1, length consumed, ok).
fn parse_arg_number(format: &[u8]) -> (i64, usize, bool) {
    if format.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..format.len() {
        if format[i] == b']' {
            let (width, ok, newi) = parse_num(format, 1, i);
            if !ok || newi != i {
                return (0, i + 1, false);
            }
            return (width - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

/// A `*` width or precision from argument `n`: (value, is an int, next).
fn int_from_arg(args: &[Eface], n: usize) -> (i64, bool, usize) {
    if n >= args.len() {
        return (0, false, n);
    }
    let a = args[n];
    let (mut num, mut ok) = (0i64, false);
    if !a.typ.is_null() {
        // SAFETY: non-null descriptors are valid; the data word points to
        // a value of that integer kind (integers are stored indirectly).
        unsafe {
            let t = &*a.typ;
            let p = a.data as *const u8;
            use crate::abi::*;
            match t.kind {
                KIND_INT | KIND_INT64 => (num, ok) = (*(p as *const i64), true),
                KIND_INT8 => (num, ok) = (*(p as *const i8) as i64, true),
                KIND_INT16 => (num, ok) = (*(p as *const i16) as i64, true),
                KIND_INT32 => (num, ok) = (*(p as *const i32) as i64, true),
                KIND_UINT | KIND_UINT64 | KIND_UINTPTR => {
                    let v = *(p as *const u64);
                    if (v as i64) >= 0 {
                        (num, ok) = (v as i64, true);
                    }
                }
                KIND_UINT8 => (num, ok) = (*p as i64, true),
                KIND_UINT16 => (num, ok) = (*(p as *const u16) as i64, true),
                KIND_UINT32 => (num, ok) = (*(p as *const u32) as i64, true),
                _ => {}
            }
        }
    }
    if too_large(num) {
        num = 0;
        ok = false;
    }
    (num, ok, n + 1)
}

/// The `[]any` argument of the entry points.
///
/// # Safety
/// `p` must point to `len` interface values.
unsafe fn args<'a>(p: *const Eface, len: isize) -> &'a [Eface] {
    if len <= 0 || p.is_null() {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { core::slice::from_raw_parts(p, len as usize) }
    }
}

/// A byte slice from a pointer and length (empty for null or `len <= 0`).
///
/// # Safety
/// `p` must point to `len` readable bytes that outlive `'a`.
unsafe fn bytes<'a>(p: *const u8, len: isize) -> &'a [u8] {
    if len <= 0 || p.is_null() {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { core::slice::from_raw_parts(p, len as usize) }
    }
}

/// `fmt.Sprint(a...)`.
///
/// # Safety
/// `a` must point to `len` interface values.
#[no_mangle]
pub unsafe extern "C" fn rgo_fmt_sprint(a: *const Eface, len: isize, _cap: isize) -> GoString {
    let mut p = Printer::new();
    // SAFETY: forwarded from the caller.
    p.do_print(unsafe { args(a, len) });
    copy_to_go(&p.buf)
}

/// `fmt.Sprintln(a...)`.
///
/// # Safety
/// `a` must point to `len` interface values.
#[no_mangle]
pub unsafe extern "C" fn rgo_fmt_sprintln(a: *const Eface, len: isize, _cap: isize) -> GoString {
    let mut p = Printer::new();
    // SAFETY: forwarded from the caller.
    p.do_println(unsafe { args(a, len) });
    copy_to_go(&p.buf)
}

/// `fmt.Sprintf(format, a...)`.
///
/// # Safety
/// `format` must be a Go string and `a` point to `len` interface values.
#[no_mangle]
pub unsafe extern "C" fn rgo_fmt_sprintf(
    fmt: *const u8,
    fmt_len: isize,
    a: *const Eface,
    len: isize,
    _cap: isize,
) -> GoString {
    let mut p = Printer::new();
    // SAFETY: forwarded from the caller.
    unsafe {
        p.do_printf(
            GoString {
                ptr: fmt,
                len: fmt_len,
            }
            .as_bytes(),
            args(a, len),
        )
    };
    copy_to_go(&p.buf)
}

/// `fmt.Errorf`'s formatting: like `Sprintf` but `%w` accepts errors;
/// the argument numbers of the `%w` verbs (sorted when arguments were
/// reordered, as fmt does) are stored in `*wrapped` as a new `[]int`.
///
/// # Safety
/// As `rgo_fmt_sprintf`; `wrapped` must point to a writable `[]int`.
#[no_mangle]
pub unsafe extern "C" fn rgo_fmt_errorf(
    fmt: *const u8,
    fmt_len: isize,
    a: *const Eface,
    len: isize,
    _cap: isize,
    wrapped: *mut GoSlice,
) -> GoString {
    let mut p = Printer::new();
    p.wrap_errs = true;
    // SAFETY: forwarded from the caller.
    unsafe {
        p.do_printf(
            GoString {
                ptr: fmt,
                len: fmt_len,
            }
            .as_bytes(),
            args(a, len),
        )
    };
    if p.reordered {
        p.wrapped.sort_unstable();
    }
    let n = p.wrapped.len();
    let data = crate::mem::alloc_noscan(n * 8) as *mut i64;
    for (i, &w) in p.wrapped.iter().enumerate() {
        // SAFETY: `data` has room for `n` ints.
        unsafe { *data.add(i) = w as i64 };
    }
    // SAFETY: the caller passes a writable slice header.
    unsafe {
        *wrapped = GoSlice {
            ptr: data as *mut u8,
            len: n as isize,
            cap: n as isize,
        };
    }
    copy_to_go(&p.buf)
}
