//! Semaphores: the blocking primitive under the overlay `sync` package
//! (gc's `runtime_Semacquire`/`runtime_Semrelease`).
//!
//! A semaphore is a `uint32` count in a Go variable. Acquiring takes one
//! unit, parking the goroutine (see `sched`) while the count is zero;
//! releasing adds one and wakes the oldest waiter. If no goroutine can ever
//! release it, the scheduler reports gc's deadlock with the goroutine in
//! the state `reason` names (`sync.Mutex.Lock`, `sync.WaitGroup.Wait`, ...).

use core::sync::atomic::AtomicU32;
use core::sync::atomic::Ordering::SeqCst;

use crate::abi::GoString;
use crate::print::{Sink, Stderr};
use crate::sys;

/// Prints gc's deadlock report for the main goroutine blocked in `reason`
/// and exits with status 2.
pub fn deadlock(reason: &[u8]) -> ! {
    let out = &mut Stderr;
    out.put(b"fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [");
    out.put(reason);
    out.put(b"]:\n");
    sys::exit(2)
}

/// Takes one unit of the semaphore at `addr`, blocking while it is zero.
///
/// # Safety
/// `addr` points to a live, aligned `uint32`; `reason` is a Go string.
#[no_mangle]
pub unsafe extern "C" fn rgo_semacquire(addr: *mut u32, reason: *const u8, reason_len: isize) {
    // SAFETY: `addr` is a live aligned Go variable (caller).
    let sem = unsafe { AtomicU32::from_ptr(addr) };
    loop {
        let mut n = sem.load(SeqCst);
        while n > 0 {
            match sem.compare_exchange(n, n - 1, SeqCst, SeqCst) {
                Ok(_) => return,
                Err(cur) => n = cur,
            }
        }
        // Park until a release (the scheduler reports a deadlock if no
        // goroutine can ever release it).
        // SAFETY: the caller passes a Go string (a constant: it outlives
        // the wait).
        let why = unsafe {
            GoString {
                ptr: reason,
                len: reason_len,
            }
            .as_bytes()
        };
        crate::sched::sema_wait(addr as usize, why);
    }
}

/// Adds one unit to the semaphore at `addr`, waking a waiter if any.
///
/// # Safety
/// `addr` points to a live, aligned `uint32`.
#[no_mangle]
pub unsafe extern "C" fn rgo_semrelease(addr: *mut u32) {
    // SAFETY: `addr` is a live aligned Go variable (caller).
    unsafe { AtomicU32::from_ptr(addr) }.fetch_add(1, SeqCst);
    crate::sched::sema_wake(addr as usize);
}

/// Lets other threads run (a spinning waiter's pause).
#[no_mangle]
pub extern "C" fn rgo_yield() {
    crate::sched::rgo_gosched();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let mut s = 0u32;
        // SAFETY: `s` is a live local; the count is positive when acquiring.
        unsafe {
            rgo_semrelease(&mut s);
            rgo_semrelease(&mut s);
            rgo_semacquire(&mut s, b"x".as_ptr(), 1);
        }
        assert_eq!(s, 1);
    }
}
