//! Goroutine stacks: reserved, committed lazily, limit-checked.
//!
//! Each goroutine's stack is a private anonymous mapping reserved with
//! `MAP_NORESERVE`: the kernel commits a page only when it is touched, so
//! a blocked goroutine costs the page or two its frames use, however
//! large the reservation. Stacks carry no guard pages (each would be a
//! mapping of its own, and a hundred thousand goroutines would exceed the
//! kernel's limit on mappings per process); adjacent reservations merge
//! into one mapping instead. Overflow is caught by compiled code: every
//! Go function's prologue compares the stack pointer with the running
//! goroutine's limit, which the scheduler keeps where LLVM's split-stack
//! prologues read it (`%fs:0x70`, glibc's `__private_ss`), and calls
//! [`__morestack`] below it, which reports gc's `stack overflow`. The
//! limit sits [`HEADROOM`] bytes above the stack's low end: room for the
//! runtime's own (unchecked) frames called from the deepest Go frame.
//! Stacks are not moved or grown: the reservation is the goroutine's
//! limit (64 MiB; the main goroutine's is gc's 1 GB, with a guard below).

use core::arch::global_asm;

use crate::sys;

/// Bytes reserved for a goroutine stack.
pub const STACK_SIZE: usize = 64 << 20;
/// gc's limit on a goroutine stack: the main goroutine's stack size.
pub const MAX_STACK: usize = 1_000_000_000;
/// Inaccessible bytes below the main goroutine's stack.
pub const MAIN_GUARD: usize = 256 << 10;
/// Room below the limit for runtime code (which has no prologue checks).
pub const HEADROOM: usize = 256 << 10;

/// A fresh stack of `size` bytes above `guard` inaccessible ones:
/// `(guard_lo, lo, hi)`.
pub fn alloc(size: usize, guard: usize) -> (usize, usize, usize) {
    let total = size + guard;
    let base = sys::map_zeroed(total, true);
    if base.is_null() {
        crate::panic::fatal(b"out of memory allocating a goroutine stack");
    }
    // SAFETY: the guard is the low end of our own fresh mapping.
    if guard > 0
        && unsafe { sys::mprotect(base as *mut core::ffi::c_void, guard, sys::PROT_NONE) } != 0
    {
        crate::panic::fatal(b"mprotect failed for a goroutine stack guard");
    }
    let lo = base as usize + guard;
    (base as usize, lo, lo + size)
}

/// Gives the pages of a dead goroutine's stack below `keep_from` back to
/// the kernel (its top pages stay, for the next goroutine on it).
pub fn release_below(lo: usize, keep_from: usize) {
    let top = keep_from & !4095;
    if top > lo {
        sys::release_pages(lo, top - lo);
    }
}

/// Sets the calling thread's stack limit for Go code (0: no limit).
#[inline]
pub fn set_limit(limit: usize) {
    // SAFETY: %fs:0x70 is the thread control block's word reserved for
    // split-stack limits (glibc's `__private_ss`); nothing else uses it.
    unsafe {
        core::arch::asm!(
            "mov qword ptr fs:[0x70], {}",
            in(reg) limit,
            options(nostack, preserves_flags)
        );
    }
}

/// The limit for a stack whose low end is `lo`.
pub fn limit_for(lo: usize) -> usize {
    lo + HEADROOM
}

// __morestack: called by a prologue whose frame would pass the limit (r10
// holds the frame size). The goroutine's stack is exhausted: report it on
// the headroom below the limit.
global_asm!(
    ".text",
    ".globl __morestack",
    ".type __morestack,@function",
    "__morestack:",
    "    mov rdi, rsp",
    "    and rsp, -16",
    "    call rgo_morestack",
    "    ud2",
    ".size __morestack, .-__morestack",
);

/// gc's report of a goroutine that outgrew its stack; exits with status 2.
#[no_mangle]
pub extern "C" fn rgo_morestack(sp: usize) -> ! {
    crate::start::stack_overflow(sp)
}
