//! Custom formatters: values with a `Format(fmt.State, rune)` method are
//! handed the printer as a `fmt.State`.
//!
//! The overlay `fmt` has a small type (`*fmt.state`, one pointer to the
//! running [`Printer`]) whose `Write`, `Width`, `Precision` and `Flag`
//! methods call the entry points below; at start-up it registers the itab
//! of that type as a `fmt.State`, so the engine can build the interface
//! value it passes to `Format`.

use core::sync::atomic::{AtomicPtr, Ordering};

use super::Printer;
use crate::abi::{Eface, GoString, Type};

/// The itab of `*fmt.state` as `fmt.State` (null until registered).
static STATE_ITAB: AtomicPtr<u8> = AtomicPtr::new(core::ptr::null_mut());

/// A `Format(f fmt.State, verb rune)` method called through its `ifn`.
type FormatMethod = unsafe extern "C" fn(*mut u8, *mut u8, *const u8, *mut u8, i32);

/// Registers the `fmt.State` itab of the overlay's state type (called by
/// the overlay with a `fmt.State` value; only its itab is kept).
#[no_mangle]
pub extern "C" fn rgo_fmt_register_state(tab: *mut u8, _data: *mut u8) {
    STATE_ITAB.store(tab, Ordering::Release);
}

/// The `Format` method of `typ`'s method set, if it has the signature of
/// `fmt.Formatter`'s.
pub(super) fn format_method(typ: &Type) -> Option<FormatMethod> {
    let m = typ.find_method(b"Format")?;
    if m.ifn.is_null() {
        return None;
    }
    // SAFETY: method types are constant descriptors.
    let ft = unsafe { m.typ.as_ref() }?;
    let ps = ft.func_types();
    if ft.len != 2 || ft.extra != 0 || ps.len() != 2 {
        return None;
    }
    // SAFETY: parameter entries are descriptor pointers.
    let (a, b) = unsafe { (ps[0].as_ref()?, ps[1].as_ref()?) };
    if a.kind != crate::abi::KIND_INTERFACE
        || a.name_bytes() != b"fmt.State"
        || b.kind != crate::abi::KIND_INT32
    {
        return None;
    }
    // SAFETY: by the Go calling convention (ABI.md) a method with
    // parameters (fmt.State, rune) called through an interface takes the
    // context, the receiver word, the interface's two words and the rune.
    Some(unsafe { core::mem::transmute::<*const u8, FormatMethod>(m.ifn) })
}

/// The overlay's `callMethod(*methodCall)`, a Go func value (null until
/// registered).
static CALLER: AtomicPtr<u8> = AtomicPtr::new(core::ptr::null_mut());

/// Registers the overlay's `callMethod`, which makes a method call for the
/// engine and catches a panic in it (as the standard package's
/// `catchPanic`): Go code must do that, with `defer` and `recover`.
#[no_mangle]
pub extern "C" fn rgo_fmt_register_caller(f: *mut u8) {
    CALLER.store(f, Ordering::Release);
}

/// The overlay's `methodCall`, field for field.
#[repr(C)]
struct MethodCall {
    /// A closure object whose code is the method's (the method ignores
    /// the context it is then given).
    func: *const usize,
    recv: *mut u8,
    /// For `Format`: the `fmt.State`.
    st_tab: *mut u8,
    st_data: *mut u8,
    result: GoString,
    /// The panic value, if the method panicked.
    value: Eface,
    verb: i32,
    format: bool,
    panicked: bool,
}

/// How a method call ended.
pub(super) enum Called {
    Returned(GoString),
    Panicked(Eface),
}

/// Calls method code `code` on receiver word `recv` through the overlay's
/// `callMethod`: a `String`-like method (`func() string`), or with `st`
/// a `Format` method. `None` if the overlay is not registered.
fn call_method(
    code: *const u8,
    recv: *mut u8,
    st: Option<(*mut u8, *mut u8, char)>,
) -> Option<Called> {
    let caller = CALLER.load(Ordering::Acquire);
    if caller.is_null() {
        return None;
    }
    let clo = [code as usize];
    let (st_tab, st_data, verb) = st.unwrap_or((core::ptr::null_mut(), core::ptr::null_mut(), 'v'));
    // On this goroutine's stack, which the collector scans: the string and
    // value the call leaves stay reachable.
    let mut c = MethodCall {
        func: clo.as_ptr(),
        recv,
        st_tab,
        st_data,
        result: GoString::EMPTY,
        value: Eface {
            typ: core::ptr::null(),
            data: core::ptr::null_mut(),
        },
        verb: verb as i32,
        format: st.is_some(),
        panicked: false,
    };
    // SAFETY: `caller` is the Go func value `callMethod(*methodCall)`,
    // whose first word is its code (rt/ABI.md); `c` has the layout of
    // `methodCall`, and `clo` is a closure object for the method's code.
    // A panic in the method is recovered inside `callMethod`: it does not
    // unwind this frame.
    unsafe {
        let f: extern "C" fn(*mut u8, *mut MethodCall) =
            core::mem::transmute(*(caller as *const usize));
        f(caller, &mut c);
    }
    Some(if c.panicked {
        Called::Panicked(c.value)
    } else {
        Called::Returned(c.result)
    })
}

/// Calls the `String`-like method `code` (`func() string`) on `recv`.
pub(super) fn call_string_method(code: *const u8, recv: *mut u8) -> Called {
    if let Some(r) = call_method(code, recv, None) {
        return r;
    }
    // Without the overlay (no `fmt` package): a direct call.
    // SAFETY: `code` is a `func() string` method taking the context and
    // the receiver word.
    let m: unsafe extern "C" fn(*mut u8, *mut u8) -> GoString =
        unsafe { core::mem::transmute(code) };
    // SAFETY: as above.
    Called::Returned(unsafe { m(core::ptr::null_mut(), recv) })
}

impl Printer {
    /// Calls a `Format` method with this printer as its `fmt.State`;
    /// `None` if the state type is not registered.
    pub(super) fn call_format(
        &mut self,
        m: FormatMethod,
        word: *mut u8,
        verb: char,
    ) -> Option<Called> {
        let tab = STATE_ITAB.load(Ordering::Acquire);
        if tab.is_null() {
            return None;
        }
        let st = crate::mem::alloc_noscan(8) as *mut *mut Printer;
        let me: *mut Printer = self;
        // SAFETY: `st` is a fresh 8-byte allocation, the layout of
        // `fmt.state`; the method reaches the printer only through it, and
        // nothing uses `self` until the call returns.
        unsafe { *st = me };
        call_method(m as *const u8, word, Some((tab, st as *mut u8, verb)))
    }
}

/// The printer a `fmt.state` points to.
///
/// # Safety
/// `p` is the pointer `call_format` stored, used during that call.
unsafe fn printer<'a>(p: *mut Printer) -> &'a mut Printer {
    // SAFETY: see above.
    unsafe { &mut *p }
}

/// `State.Write(b)`: appends to the output, unpadded.
///
/// # Safety
/// `p` as for [`printer`]; `b` points to `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn rgo_fmt_state_write(
    p: *mut Printer,
    b: *const u8,
    len: isize,
    _cap: isize,
) {
    // SAFETY: forwarded from the caller.
    let (pr, bytes) = unsafe { (printer(p), super::bytes(b, len)) };
    pr.buf.extend_from_slice(bytes);
}

/// `State.Width()`: the width, or -1 if none was given.
///
/// # Safety
/// `p` as for [`printer`].
#[no_mangle]
pub unsafe extern "C" fn rgo_fmt_state_width(p: *mut Printer) -> i64 {
    // SAFETY: forwarded from the caller.
    let pr = unsafe { printer(p) };
    if pr.f.wid_present {
        pr.f.wid
    } else {
        -1
    }
}

/// `State.Precision()`: the precision, or -1 if none was given.
///
/// # Safety
/// `p` as for [`printer`].
#[no_mangle]
pub unsafe extern "C" fn rgo_fmt_state_precision(p: *mut Printer) -> i64 {
    // SAFETY: forwarded from the caller.
    let pr = unsafe { printer(p) };
    if pr.f.prec_present {
        pr.f.prec
    } else {
        -1
    }
}

/// `State.Flag(c)`: whether the flag was given (`+` and `#` also count
/// when they became `%+v` / `%#v`).
///
/// # Safety
/// `p` as for [`printer`].
#[no_mangle]
pub unsafe extern "C" fn rgo_fmt_state_flag(p: *mut Printer, c: i64) -> u8 {
    // SAFETY: forwarded from the caller.
    let f = unsafe { printer(p) }.f;
    (match c as u8 {
        b'-' => f.minus,
        b'+' => f.plus || f.plus_v,
        b'#' => f.sharp || f.sharp_v,
        b' ' => f.space,
        b'0' => f.zero,
        _ => false,
    }) as u8
}
