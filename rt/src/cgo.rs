//! Calls into C (`import "C"`).
//!
//! Each `C.f` goes through a C wrapper the compiler generates: it stores
//! the arguments in a frame and calls [`rgo_cgocall`] with the function
//! that makes the real call. The call runs as a system call does: the
//! goroutine's P can go to another thread while C runs (so a C function
//! that blocks does not stall the other goroutines), and the collector
//! scans the goroutine's stack from the entry without waiting for C to
//! return. C runs on the goroutine's stack.
//!
//! C calls Go through the functions generated for `//export`: each stores
//! its arguments in a frame and calls [`rgo_cgocallback`] with the Go
//! thunk that unpacks them.
//!
//! The cgo pointer rules are checked as gc's `GODEBUG=cgocheck=1` does:
//! pointer arguments to C (by the C wrappers) and the results of exported
//! functions (by their thunks).

use core::ffi::c_void;
use core::sync::atomic::{AtomicU8, Ordering};

use crate::mem::span::Span;
use crate::{mem, panic, sched};

/// Runs `f(frame)` as a C call from Go (see the module doc).
///
/// # Safety
///
/// `f` must be a C function that may be called with `frame`.
#[no_mangle]
pub unsafe extern "C" fn rgo_cgocall(f: unsafe extern "C" fn(*mut c_void), frame: *mut c_void) {
    // SAFETY: the caller's contract.
    sched::syscall(|| unsafe { f(frame) });
}

/// Runs `f(frame)`: a C function generated for an `//export` Go function
/// calls this with the export's thunk and its argument frame (see
/// `sched::callback`).
///
/// # Safety
///
/// `f` must be an export thunk that may be called with `frame`.
#[no_mangle]
pub unsafe extern "C" fn rgo_cgocallback(f: unsafe extern "C" fn(*mut c_void), frame: *mut c_void) {
    // SAFETY: the caller's contract.
    unsafe { sched::cgo_callback(f, frame) };
}

/// `GODEBUG=cgocheck`: 0 unread, 1 on (gc's default), 2 off.
static CGOCHECK: AtomicU8 = AtomicU8::new(0);

/// Whether the cgo pointer rules are checked (`GODEBUG=cgocheck=0` turns
/// the checks off, as in gc).
fn cgocheck() -> bool {
    let v = CGOCHECK.load(Ordering::Relaxed);
    if v != 0 {
        return v == 1;
    }
    let off = crate::mem::gc::pacer::godebug(b"cgocheck").is_some_and(|v| v == b"0");
    CGOCHECK.store(if off { 2 } else { 1 }, Ordering::Relaxed);
    !off
}

/// The live Go heap object holding address `p`: its span and slot.
fn heap_object(p: usize) -> Option<(&'static Span, usize)> {
    let s = mem::span_of(p)?;
    // SAFETY: spans of the heap are never freed.
    let span = unsafe { &*s };
    let i = span.slot_of(p)?;
    span.is_allocated(i).then_some((span, i))
}

/// gc's check of a pointer argument to a C function: it may point to Go
/// memory, but that memory may not hold pointers to Go memory.
#[no_mangle]
pub extern "C" fn rgo_cgocheck_arg(p: usize) {
    if p == 0 || !cgocheck() {
        return;
    }
    let Some((span, i)) = heap_object(p) else {
        return;
    };
    if span.noscan {
        return;
    }
    let mut bad = false;
    mem::gc::mark::for_each_object_pointer(span, i, |w| {
        bad = bad || heap_object(w).is_some();
    });
    if bad {
        panic::runtime_error(
            b"runtime error: argument of cgo function has Go pointer to unpinned Go pointer",
        );
    }
}

/// gc's check of a result an exported Go function returns to C: it may
/// not point to Go memory. `what` is how gc names the kind (`pointer`,
/// `string`, `slice`, `map`, `channel`, `function`), `func` the function,
/// `pos` its `file:line`.
///
/// # Safety
///
/// The three strings are valid for their lengths.
#[no_mangle]
pub unsafe extern "C" fn rgo_cgocheck_result(
    p: usize,
    what: *const u8,
    what_len: usize,
    func: *const u8,
    func_len: usize,
    pos: *const u8,
    pos_len: usize,
) {
    if p == 0 || !cgocheck() || heap_object(p).is_none() {
        return;
    }
    // SAFETY: the caller's contract.
    let (what, func, pos) = unsafe {
        (
            core::slice::from_raw_parts(what, what_len),
            core::slice::from_raw_parts(func, func_len),
            core::slice::from_raw_parts(pos, pos_len),
        )
    };
    let mut msg = b"runtime error: ".to_vec();
    msg.extend_from_slice(pos);
    msg.extend_from_slice(b": result of Go function ");
    msg.extend_from_slice(func);
    msg.extend_from_slice(b" called from cgo is unpinned Go ");
    msg.extend_from_slice(what);
    msg.extend_from_slice(b" or points to unpinned Go ");
    msg.extend_from_slice(what);
    panic::runtime_error(&msg)
}
