//! Panics and fatal errors, with gc's messages and exit status 2.
//!
//! A panic prints `panic: <value>`, the `[signal ...]` line when it came
//! from a fault, a blank line and the goroutine header, then exits with
//! status 2, after running deferred calls (all panics go through
//! [`do_panic`], which hands them to [`crate::defer`]).
//! The value is printed as gc's `printpanicval` does: errors through
//! `Error()`, Stringers through `String()`, basic kinds by value, named
//! basic kinds as `main.T(5)`, anything else as `(T) 0xADDR`; newlines in
//! strings are followed by a tab so the message stays indented.

use crate::abi::*;
use crate::print::{put_bool, put_complex, put_float, put_hex, put_int, put_uint, Sink, Stderr};
use crate::sys;

/// What a panic carries.
pub enum PanicValue<'a> {
    /// `panic(v)` with an `interface{}` value.
    Eface(*const Type, *mut u8),
    /// A runtime error (`runtime.Error`): its `Error()` text.
    Runtime(&'a [u8]),
}

/// The `[signal ...]` note of a panic raised by a fault.
#[derive(Clone, Copy)]
pub struct SigNote {
    pub name: &'static [u8],
    pub code: u64,
    pub addr: u64,
    pub pc: u64,
}

/// Prints `s` with a tab after each newline (gc's `printindented`).
fn put_indented(out: &mut dyn Sink, s: &[u8]) {
    let mut rest = s;
    while let Some(i) = rest.iter().position(|&c| c == b'\n') {
        out.put(&rest[..=i]);
        out.put(b"\t");
        rest = &rest[i + 1..];
    }
    out.put(rest);
}

/// The text of `Error()` or `String()` if the dynamic type has one (in
/// that order, as gc's `preprintpanics`).
///
/// # Safety
/// `typ`/`data` must form a valid interface value.
pub unsafe fn method_text(typ: &Type, data: *mut u8) -> Option<GoString> {
    let m = typ
        .string_method(b"Error")
        .or_else(|| typ.string_method(b"String"))?;
    // SAFETY: `m` has the `func() string` interface-call signature and
    // `data` is the value's interface data word.
    Some(unsafe { m(core::ptr::null_mut(), data) })
}

/// Prints a panic value as gc does.
///
/// # Safety
/// `typ`/`data` must form a valid interface value (typ null = nil).
pub unsafe fn put_panic_value(out: &mut dyn Sink, typ: *const Type, data: *mut u8) {
    if typ.is_null() {
        out.put(b"nil");
        return;
    }
    // SAFETY: non-null descriptors are valid.
    let t = unsafe { &*typ };
    // SAFETY: forwarded from the caller.
    if let Some(s) = unsafe { method_text(t, data) } {
        // SAFETY: method results are Go strings.
        put_indented(out, unsafe { s.as_bytes() });
        return;
    }
    if !is_basic(t.kind) {
        out.put(b"(");
        out.put(t.name_bytes());
        out.put(b") ");
        put_hex(out, data as u64);
        return;
    }
    let named = t.is_named() && t.name_bytes().contains(&b'.');
    if named {
        out.put(t.name_bytes());
        match t.kind {
            KIND_STRING => out.put(b"(\""),
            KIND_COMPLEX64 | KIND_COMPLEX128 => {}
            _ => out.put(b"("),
        }
    }
    // SAFETY: `data` points to a value of basic type `t` (basic types are
    // never pointer-shaped, so the data word is a pointer to the value).
    unsafe { put_basic(out, t.kind, data) };
    if named {
        match t.kind {
            KIND_STRING => out.put(b"\")"),
            KIND_COMPLEX64 | KIND_COMPLEX128 => {}
            _ => out.put(b")"),
        }
    }
}

/// A value of a basic kind, as `print` shows it (strings indented).
///
/// # Safety
/// `data` must point to a value of the given kind.
unsafe fn put_basic(out: &mut dyn Sink, kind: u8, data: *const u8) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match kind {
            KIND_BOOL => put_bool(out, *data != 0),
            KIND_INT | KIND_INT64 => put_int(out, *(data as *const i64)),
            KIND_INT8 => put_int(out, *(data as *const i8) as i64),
            KIND_INT16 => put_int(out, *(data as *const i16) as i64),
            KIND_INT32 => put_int(out, *(data as *const i32) as i64),
            KIND_UINT | KIND_UINT64 | KIND_UINTPTR => put_uint(out, *(data as *const u64)),
            KIND_UINT8 => put_uint(out, *data as u64),
            KIND_UINT16 => put_uint(out, *(data as *const u16) as u64),
            KIND_UINT32 => put_uint(out, *(data as *const u32) as u64),
            KIND_FLOAT32 => put_float(out, *(data as *const f32) as f64, 32),
            KIND_FLOAT64 => put_float(out, *(data as *const f64), 64),
            KIND_COMPLEX64 => {
                let c = data as *const f32;
                put_complex(out, *c as f64, *c.add(1) as f64, 64)
            }
            KIND_COMPLEX128 => {
                let c = data as *const f64;
                put_complex(out, *c, *c.add(1), 128)
            }
            _ => put_indented(out, (*(data as *const GoString)).as_bytes()),
        }
    }
}

fn is_basic(kind: u8) -> bool {
    matches!(kind, KIND_BOOL..=KIND_COMPLEX128 | KIND_STRING)
}

/// Formats the whole panic report (up to the goroutine header).
///
/// # Safety
/// An `Eface` value must be a valid interface value.
pub unsafe fn put_panic(out: &mut dyn Sink, v: &PanicValue, sig: Option<&SigNote>, note: &[u8]) {
    out.put(b"panic: ");
    match *v {
        // SAFETY: forwarded from the caller.
        PanicValue::Eface(t, d) => unsafe { put_panic_value(out, t, d) },
        PanicValue::Runtime(msg) => put_indented(out, msg),
    }
    out.put(note);
    out.put(b"\n");
    if let Some(s) = sig {
        put_signal_line(out, s);
    }
    out.put(b"\n");
    crate::sched::put_running_header(out);
}

fn put_signal_line(out: &mut dyn Sink, s: &SigNote) {
    out.put(b"[signal ");
    out.put(s.name);
    out.put(b" code=");
    put_hex(out, s.code);
    out.put(b" addr=");
    put_hex(out, s.addr);
    out.put(b" pc=");
    put_hex(out, s.pc);
    out.put(b"]\n");
}

/// Raises a panic: runs deferred calls (see [`crate::defer`]) and, unless
/// one recovers, reports it and ends the program.
pub fn do_panic(v: PanicValue, sig: Option<&SigNote>) -> ! {
    crate::defer::start_panic(v, sig)
}

/// A runtime error whose text is `msg`.
pub fn runtime_error(msg: &[u8]) -> ! {
    do_panic(PanicValue::Runtime(msg), None)
}

/// gc's `fatal`/`throw`: unrecoverable; `fatal error: msg`, exit 2.
pub fn fatal(msg: &[u8]) -> ! {
    let out = &mut Stderr;
    out.put(b"fatal error: ");
    out.put(msg);
    out.put(b"\n\n");
    crate::sched::put_running_header(out);
    sys::exit_failed()
}

/// The message of a bounds failure (gc's `boundsError.Error()`).
pub fn bounds_message(out: &mut Vec<u8>, kind: u8, x: i64, y: i64, signed: bool) {
    const FMTS: [&[u8]; 9] = [
        b"index out of range [%x] with length %y",
        b"slice bounds out of range [:%x] with length %y",
        b"slice bounds out of range [:%x] with capacity %y",
        b"slice bounds out of range [%x:%y]",
        b"slice bounds out of range [::%x] with length %y",
        b"slice bounds out of range [::%x] with capacity %y",
        b"slice bounds out of range [:%x:%y]",
        b"slice bounds out of range [%x:%y:]",
        b"cannot convert slice with length %y to array or pointer to array with length %x",
    ];
    const NEG: [&[u8]; 8] = [
        b"index out of range [%x]",
        b"slice bounds out of range [:%x]",
        b"slice bounds out of range [:%x]",
        b"slice bounds out of range [%x:]",
        b"slice bounds out of range [::%x]",
        b"slice bounds out of range [::%x]",
        b"slice bounds out of range [:%x:]",
        b"slice bounds out of range [%x::]",
    ];
    let k = (kind as usize).min(FMTS.len() - 1);
    let fmt = if signed && x < 0 && k < NEG.len() {
        NEG[k]
    } else {
        FMTS[k]
    };
    out.extend_from_slice(b"runtime error: ");
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] == b'%' {
            i += 1;
            if fmt[i] == b'x' {
                if signed {
                    put_int(out, x);
                } else {
                    put_uint(out, x as u64);
                }
            } else {
                put_int(out, y);
            }
        } else {
            out.push(fmt[i]);
        }
        i += 1;
    }
}

#[no_mangle]
pub extern "C" fn rgo_panic_bounds(kind: u8, x: i64, y: i64, signed: u8) -> ! {
    let mut msg = Vec::with_capacity(100);
    bounds_message(&mut msg, kind, x, y, signed != 0);
    runtime_error(&msg)
}

/// Converting a slice of length `have` to an array (or pointer to one) of
/// length `want`.
#[no_mangle]
pub extern "C" fn rgo_panic_slicetoarray(have: i64, want: i64) -> ! {
    rgo_panic_bounds(8, want, have, 1)
}

#[no_mangle]
pub extern "C" fn rgo_panic_divide() -> ! {
    runtime_error(b"runtime error: integer divide by zero")
}

#[no_mangle]
pub extern "C" fn rgo_panic_nil() -> ! {
    let sig = SigNote {
        name: b"SIGSEGV: segmentation violation",
        code: 1,
        addr: 0,
        pc: 0,
    };
    do_panic(
        PanicValue::Runtime(b"runtime error: invalid memory address or nil pointer dereference"),
        Some(&sig),
    )
}

#[no_mangle]
pub extern "C" fn rgo_panic_shift() -> ! {
    runtime_error(b"runtime error: negative shift amount")
}

#[no_mangle]
pub extern "C" fn rgo_panic_makeslice_len() -> ! {
    runtime_error(b"runtime error: makeslice: len out of range")
}

#[no_mangle]
pub extern "C" fn rgo_panic_makeslice_cap() -> ! {
    runtime_error(b"runtime error: makeslice: cap out of range")
}

#[no_mangle]
pub extern "C" fn rgo_panic_nilmap() -> ! {
    runtime_error(b"assignment to entry in nil map")
}

/// A range-over-func loop's iterator misused `yield`: called it in loop
/// state `state` (done 0, running 2, exhausted 3), or (4) returned
/// normally after the loop body panicked.
#[no_mangle]
pub extern "C" fn rgo_panic_rangestate(state: i64) -> ! {
    let msg: &[u8] = match state {
        0 => b"runtime error: range function continued iteration after function for loop body returned false",
        2 => b"runtime error: range function continued iteration after loop body panic",
        3 => b"runtime error: range function continued iteration after whole loop exit",
        4 => b"runtime error: range function recovered a loop body panic and did not resume panicking",
        _ => b"runtime error: range function in an unexpected state",
    };
    runtime_error(msg)
}

/// The message of a failed type assertion (gc's
/// `TypeAssertionError.Error()`).
pub fn typeassert_message(
    out: &mut Vec<u8>,
    have: Option<&Type>,
    want: &Type,
    iface: Option<&Type>,
) {
    out.extend_from_slice(b"interface conversion: ");
    let inter: &[u8] = iface.map_or(b"interface", |t| t.name_bytes());
    let Some(have) = have else {
        out.extend_from_slice(inter);
        out.extend_from_slice(b" is nil, not ");
        out.extend_from_slice(want.name_bytes());
        return;
    };
    if want.kind == KIND_INTERFACE {
        if let Some(m) = crate::iface::missing_method(want, have) {
            out.extend_from_slice(have.name_bytes());
            out.extend_from_slice(b" is not ");
            out.extend_from_slice(want.name_bytes());
            out.extend_from_slice(b": missing method ");
            out.extend_from_slice(m);
            return;
        }
    }
    out.extend_from_slice(inter);
    out.extend_from_slice(b" is ");
    out.extend_from_slice(have.name_bytes());
    out.extend_from_slice(b", not ");
    out.extend_from_slice(want.name_bytes());
    if have.name_bytes() == want.name_bytes() {
        // SAFETY: package paths are constant string data.
        if unsafe { have.pkg_path.as_bytes() != want.pkg_path.as_bytes() } {
            out.extend_from_slice(b" (types from different packages)");
        } else {
            out.extend_from_slice(b" (types from different scopes)");
        }
    }
}

/// # Safety
/// `want` must be a valid descriptor; `have` and `iface` null or valid.
#[no_mangle]
pub unsafe extern "C" fn rgo_panic_typeassert(
    have: *const Type,
    want: *const Type,
    iface: *const Type,
) -> ! {
    crate::defer::note_typeassert(have, want, iface);
    let mut msg = Vec::with_capacity(120);
    // SAFETY: the caller passes valid descriptors (or nulls).
    unsafe { typeassert_message(&mut msg, have.as_ref(), &*want, iface.as_ref()) };
    runtime_error(&msg)
}

fn type_error(prefix: &[u8], typ: *const Type) -> ! {
    let mut msg = prefix.to_vec();
    if !typ.is_null() {
        // SAFETY: non-null descriptors are valid.
        msg.extend_from_slice(unsafe { (*typ).name_bytes() });
    }
    runtime_error(&msg)
}

#[no_mangle]
pub extern "C" fn rgo_panic_unhashable(typ: *const Type) -> ! {
    type_error(b"runtime error: hash of unhashable type ", typ)
}

#[no_mangle]
pub extern "C" fn rgo_panic_uncomparable(typ: *const Type) -> ! {
    type_error(b"runtime error: comparing uncomparable type ", typ)
}

/// `panic(v)`.
///
/// # Safety
/// `typ`/`data` must form a valid `interface{}` value.
#[no_mangle]
pub unsafe extern "C" fn rgo_gopanic(typ: *const Type, data: *mut u8) -> ! {
    if typ.is_null() && crate::mem::gc::pacer::godebug(b"panicnil").is_none_or(|v| v != b"1") {
        let (typ, data) = crate::defer::panic_nil_error();
        if typ.is_null() {
            runtime_error(b"runtime error: panic called with nil argument")
        }
        do_panic(PanicValue::Eface(typ, data), None)
    }
    do_panic(PanicValue::Eface(typ, data), None)
}

/// `runtime.Goexit()`: runs the goroutine's deferred calls, then ends it.
/// When the main goroutine has done so, the program goes on until no
/// other goroutine can run; then the scheduler reports gc's deadlock.
#[no_mangle]
pub extern "C" fn rgo_goexit() -> ! {
    crate::defer::run_all_defers();
    crate::sched::goexit()
}

/// A fatal error raised by compiled code or overlay packages.
///
/// # Safety
/// `p` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn rgo_fatal(p: *const u8, len: isize) -> ! {
    // SAFETY: the caller passes a Go string.
    fatal(unsafe { GoString { ptr: p, len }.as_bytes() })
}

/// Reports a fault signal: a nil dereference panic for low addresses, a
/// fatal `fault` otherwise (gc's `sigpanic`).
pub fn signal_panic(sig: &SigNote) -> ! {
    if sig.addr < 0x1000 {
        do_panic(
            PanicValue::Runtime(
                b"runtime error: invalid memory address or nil pointer dereference",
            ),
            Some(sig),
        )
    }
    let out = &mut Stderr;
    out.put(b"unexpected fault address ");
    put_hex(out, sig.addr);
    out.put(b"\nfatal error: fault\n");
    put_signal_line(out, sig);
    out.put(b"\n");
    crate::sched::put_running_header(out);
    sys::exit_failed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    fn bounds(kind: u8, x: i64, y: i64, signed: bool) -> String {
        let mut v = Vec::new();
        bounds_message(&mut v, kind, x, y, signed);
        String::from_utf8(v).unwrap()
    }

    /// Messages as go1.27.3 prints them.
    #[test]
    fn bounds_messages() {
        assert_eq!(
            bounds(0, 5, 3, true),
            "runtime error: index out of range [5] with length 3"
        );
        assert_eq!(
            bounds(0, -4, 3, false),
            "runtime error: index out of range [18446744073709551612] with length 3"
        );
        assert_eq!(
            bounds(0, -1, 3, true),
            "runtime error: index out of range [-1]"
        );
        assert_eq!(
            bounds(2, 5, 3, true),
            "runtime error: slice bounds out of range [:5] with capacity 3"
        );
        assert_eq!(
            bounds(3, 2, 1, true),
            "runtime error: slice bounds out of range [2:1]"
        );
        assert_eq!(
            bounds(7, 3, 2, true),
            "runtime error: slice bounds out of range [3:2:]"
        );
        assert_eq!(
            bounds(8, 4, 2, true),
            "runtime error: cannot convert slice with length 2 to array or pointer to array with length 4"
        );
    }

    fn report(v: PanicValue) -> String {
        let mut out = Vec::new();
        // SAFETY: test values are valid.
        unsafe { put_panic(&mut out, &v, None, b"") };
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn panic_values() {
        let mut s = GoString::from_static("a\nb");
        let p = &mut s as *mut GoString as *mut u8;
        assert_eq!(
            report(PanicValue::Eface(string_type(), p)),
            "panic: a\n\tb\n\ngoroutine 1 [running]:\n"
        );
        let named_s = named("main.S", KIND_STRING, 16);
        let mut s = GoString::from_static("hi");
        assert_eq!(
            report(PanicValue::Eface(
                named_s,
                &mut s as *mut GoString as *mut u8
            )),
            "panic: main.S(\"hi\")\n\ngoroutine 1 [running]:\n"
        );
        let mut f = 1.5f64;
        assert_eq!(
            report(PanicValue::Eface(
                float64_type(),
                &mut f as *mut f64 as *mut u8
            )),
            "panic: 1.5\n\ngoroutine 1 [running]:\n"
        );
        let named_c = named("main.C", KIND_COMPLEX128, 16);
        let mut c = [1.0f64, 2.0];
        assert_eq!(
            report(PanicValue::Eface(named_c, c.as_mut_ptr() as *mut u8)),
            "panic: main.C(1+2i)\n\ngoroutine 1 [running]:\n"
        );
        let named_i = named("main.I", KIND_INT, 8);
        let mut i = 5i64;
        assert_eq!(
            report(PanicValue::Eface(named_i, &mut i as *mut i64 as *mut u8)),
            "panic: main.I(5)\n\ngoroutine 1 [running]:\n"
        );
        let st = named("main.T", KIND_STRUCT, 16);
        let r = report(PanicValue::Eface(st, 0x486128 as *mut u8));
        assert_eq!(r, "panic: (main.T) 0x486128\n\ngoroutine 1 [running]:\n");
        let arr = unnamed("[2]int", KIND_ARRAY, 16);
        let r = report(PanicValue::Eface(arr, 0x485f30 as *mut u8));
        assert_eq!(r, "panic: ([2]int) 0x485f30\n\ngoroutine 1 [running]:\n");
        assert_eq!(
            report(PanicValue::Runtime(
                b"runtime error: integer divide by zero"
            )),
            "panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n"
        );
    }

    unsafe extern "C" fn t_string(_ctx: *mut u8, _recv: *mut u8) -> GoString {
        GoString::from_static("T!")
    }

    #[test]
    fn stringer_and_error_values() {
        let t = with_string_method("main.T", "String", t_string as *const u8, false);
        assert_eq!(
            report(PanicValue::Eface(t, core::ptr::null_mut())),
            "panic: T!\n\ngoroutine 1 [running]:\n"
        );
        // A pointer-receiver Error is not in the method set of T itself.
        let t = with_string_method("main.E", "Error", t_string as *const u8, true);
        assert!(
            report(PanicValue::Eface(t, core::ptr::null_mut())).starts_with("panic: (main.E) 0x0")
        );
    }

    #[test]
    fn type_assertion_messages() {
        // SAFETY: leaked test descriptors.
        let (string, int, any) = unsafe { (&*string_type(), &*int_type(), &*empty_iface_type()) };
        let mut v = Vec::new();
        typeassert_message(&mut v, Some(string), int, Some(any));
        assert_eq!(v, b"interface conversion: interface {} is string, not int");
        v.clear();
        typeassert_message(&mut v, None, int, Some(any));
        assert_eq!(v, b"interface conversion: interface {} is nil, not int");
        v.clear();
        // SAFETY: leaked test descriptor.
        let i = unsafe { &*iface_type("main.I", &["M"]) };
        typeassert_message(&mut v, Some(int), i, Some(any));
        assert_eq!(
            v,
            b"interface conversion: int is not main.I: missing method M"
        );
    }
}
