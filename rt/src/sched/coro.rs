//! Coroutines: gc's `runtime.newcoro` and `runtime.coroswitch`, which
//! `iter.Pull` and `iter.Pull2` are built on.
//!
//! A coroutine is a goroutine that runs only when another hands it
//! control: [`rgo_coroswitch`] parks the running goroutine and makes the
//! coroutine's goroutine the next its processor runs (`runnext`); the
//! coroutine switches back the same way. When the coroutine's function
//! returns (or it calls `runtime.Goexit`), control goes back to the
//! goroutine that switched to it last ([`exit`]).
//!
//! Panics need nothing here: each goroutine unwinds its own frames, and
//! `iter.Pull` recovers a panic of the iterator in the coroutine and
//! raises it again in the caller of `next`.

use core::sync::atomic::Ordering;

use super::{current, new_g, park_unlock, ready, status, G, NGOROUTINE};
use crate::abi::Type;

/// A coroutine: also the `func()` its goroutine starts with (so its first
/// word is that function's code), and the `*coro` handed to Go.
#[repr(C)]
struct Coro {
    /// [`coro_main`].
    code: extern "C" fn(*mut Coro),
    /// The Go `func(*coro)` it runs.
    f: *mut u8,
    /// The goroutine that does not run: the coroutine's while another
    /// runs, the one that switched to it while it runs (null once it has
    /// exited).
    other: *mut G,
}

/// Word 1 (`f`) is the only Go pointer.
static CORO_PTRS: u8 = 0b10;
static CORO_TYPE: Type = Type::internal("coro", 24, 16, &CORO_PTRS);

/// `runtime.newcoro`: a coroutine that will run the Go `func(*coro)` `f`,
/// started by the first switch to it.
///
/// # Safety
/// `f` is a non-nil Go func value of type `func(*coro)`.
#[no_mangle]
pub unsafe extern "C" fn rgo_newcoro(f: *mut u8) -> *mut u8 {
    let c = crate::mem::alloc(core::mem::size_of::<Coro>(), Some(&CORO_TYPE)) as *mut Coro;
    NGOROUTINE.fetch_add(1, Ordering::Relaxed);
    let g = new_g(c as *mut u8, None);
    // SAFETY: `c` is a fresh allocation of a `Coro`; `g` is new and not
    // queued anywhere, so it is ours to set up.
    unsafe {
        c.write(Coro {
            code: coro_main,
            f,
            other: g,
        });
        (*g).coro = c as *mut u8;
        (*g).reason = (WAIT_REASON.as_ptr(), WAIT_REASON.len());
        (*g).status.store(status::WAITING, Ordering::Release);
    }
    c as *mut u8
}

const WAIT_REASON: &[u8] = b"coroutine";

/// The coroutine's goroutine starts here: calls `f(c)`.
extern "C" fn coro_main(c: *mut Coro) {
    // SAFETY: `c` is the coroutine this goroutine was made for; its `f`
    // is a Go `func(*coro)`, whose code takes `(ctx, c)` (rt/ABI.md).
    unsafe {
        let f = (*c).f;
        let code: extern "C" fn(*mut u8, *mut u8) = core::mem::transmute(*(f as *const usize));
        code(f, c as *mut u8);
    }
}

/// `runtime.coroswitch`: the running goroutine parks, and the other side
/// of coroutine `c` runs.
///
/// # Safety
/// `c` is a coroutine made by [`rgo_newcoro`].
#[no_mangle]
pub unsafe extern "C" fn rgo_coroswitch(c: *mut u8) {
    let c = c as *mut Coro;
    let me = current();
    // SAFETY: `c` is a live coroutine; only the goroutine running on its
    // behalf (this one) touches `other`.
    let next = unsafe { core::mem::replace(&mut (*c).other, me) };
    if next.is_null() {
        crate::panic::fatal(b"coroswitch on an exited coroutine");
    }
    park_unlock(
        WAIT_REASON.as_ptr(),
        WAIT_REASON.len(),
        Some((ready_parked, next as usize)),
    );
}

/// Runs on the scheduler once the switching goroutine is off its stack.
fn ready_parked(g: usize) {
    // SAFETY: `g` is the other side of a coroutine: parked in
    // `rgo_coroswitch` (or new), and only that coroutine wakes it.
    unsafe { ready(g as *mut G) };
}

/// The running coroutine's goroutine `g` is exiting: the goroutine that
/// switched to it last runs next.
///
/// # Safety
/// `g` is the running goroutine, and a coroutine's.
pub(super) unsafe fn exit(g: *mut G) {
    // SAFETY: caller; the coroutine object is live (the G holds it).
    unsafe {
        let c = core::mem::replace(&mut (*g).coro, core::ptr::null_mut()) as *mut Coro;
        let back = core::mem::replace(&mut (*c).other, core::ptr::null_mut());
        if !back.is_null() {
            ready(back);
        }
    }
}
