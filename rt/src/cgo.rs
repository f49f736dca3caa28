//! Calls into C (`import "C"`).
//!
//! Each `C.f` goes through a C wrapper the compiler generates: it stores
//! the arguments in a frame and calls [`rgo_cgocall`] with the function
//! that makes the real call. The call runs as a system call does: the
//! goroutine's P can go to another thread while C runs (so a C function
//! that blocks does not stall the other goroutines), and the collector
//! scans the goroutine's stack from the entry without waiting for C to
//! return. C runs on the goroutine's stack.

use core::ffi::c_void;

use crate::sched;

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
