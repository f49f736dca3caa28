//! Semaphores: the blocking primitive under the overlay `sync` package
//! (gc's `runtime_Semacquire`/`runtime_Semrelease`).
//!
//! A semaphore is a `uint32` count in a Go variable. Acquiring takes one
//! unit, parking the goroutine (see `sched`) while the count is zero;
//! releasing adds one and wakes the oldest waiter. If no goroutine can ever
//! release it, the scheduler reports gc's deadlock with the goroutine in
//! the state `reason` names (`sync.Mutex.Lock`, `sync.WaitGroup.Wait`, ...).

use core::sync::atomic::AtomicU32;

use crate::abi::GoString;

/// Takes one unit of the semaphore at `addr`, blocking while it is zero.
///
/// # Safety
/// `addr` points to a live, aligned `uint32`; `reason` is a Go string.
#[no_mangle]
pub unsafe extern "C" fn rgo_semacquire(addr: *mut u32, reason: *const u8, reason_len: isize) {
    // SAFETY: `addr` is a live aligned Go variable (caller).
    let sem = unsafe { AtomicU32::from_ptr(addr) };
    // SAFETY: the caller passes a Go string (a constant: it outlives the
    // wait).
    let why = unsafe {
        GoString {
            ptr: reason,
            len: reason_len,
        }
        .as_bytes()
    };
    crate::sched::sema_acquire(sem, why);
}

/// Adds one unit to the semaphore at `addr`, waking a waiter if any.
///
/// # Safety
/// `addr` points to a live, aligned `uint32`.
#[no_mangle]
pub unsafe extern "C" fn rgo_semrelease(addr: *mut u32) {
    // SAFETY: `addr` is a live aligned Go variable (caller).
    crate::sched::sema_release(unsafe { AtomicU32::from_ptr(addr) });
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
