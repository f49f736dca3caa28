//! Atomic memory operations behind the overlay `sync/atomic` package.
//!
//! Every operation is sequentially consistent, as Go's memory model
//! specifies for `sync/atomic`. `Add` returns the new value, `And`/`Or`
//! the old one, `CompareAndSwap` 1 when it swapped. Pointer variants exist
//! separately so each symbol has one signature. (No write barrier is needed
//! for stored pointers while the collector stops the world.)

use core::sync::atomic::Ordering::SeqCst;
use core::sync::atomic::{AtomicI32, AtomicI64, AtomicPtr};

use crate::panic;

/// Go's atomic functions fault on a nil address; raise the same panic here
/// rather than a fault inside the runtime.
#[inline]
fn check<T>(p: *const T) {
    if p.is_null() {
        panic::runtime_error(b"runtime error: invalid memory address or nil pointer dereference")
    }
}

macro_rules! atomics {
    ($t:ty, $a:ty, $load:ident, $store:ident, $swap:ident, $cas:ident, $add:ident, $and:ident, $or:ident) => {
        /// Atomic load.
        ///
        /// # Safety
        /// `p` is nil or points to an aligned, live Go variable.
        #[no_mangle]
        pub unsafe extern "C" fn $load(p: *mut $t) -> $t {
            check(p);
            // SAFETY: `p` is a live, aligned variable (caller); Go code only
            // accesses it atomically when it races.
            unsafe { <$a>::from_ptr(p) }.load(SeqCst)
        }

        /// Atomic store.
        ///
        /// # Safety
        /// As for the load.
        #[no_mangle]
        pub unsafe extern "C" fn $store(p: *mut $t, v: $t) {
            check(p);
            // SAFETY: see the load.
            unsafe { <$a>::from_ptr(p) }.store(v, SeqCst)
        }

        /// Atomic swap; returns the old value.
        ///
        /// # Safety
        /// As for the load.
        #[no_mangle]
        pub unsafe extern "C" fn $swap(p: *mut $t, v: $t) -> $t {
            check(p);
            // SAFETY: see the load.
            unsafe { <$a>::from_ptr(p) }.swap(v, SeqCst)
        }

        /// Compare-and-swap; 1 if `*p` was `old` and is now `new`.
        ///
        /// # Safety
        /// As for the load.
        #[no_mangle]
        pub unsafe extern "C" fn $cas(p: *mut $t, old: $t, new: $t) -> u8 {
            check(p);
            // SAFETY: see the load.
            unsafe { <$a>::from_ptr(p) }
                .compare_exchange(old, new, SeqCst, SeqCst)
                .is_ok() as u8
        }

        /// Atomic add (wrapping); returns the new value.
        ///
        /// # Safety
        /// As for the load.
        #[no_mangle]
        pub unsafe extern "C" fn $add(p: *mut $t, d: $t) -> $t {
            check(p);
            // SAFETY: see the load.
            unsafe { <$a>::from_ptr(p) }
                .fetch_add(d, SeqCst)
                .wrapping_add(d)
        }

        /// Atomic bitwise and; returns the old value.
        ///
        /// # Safety
        /// As for the load.
        #[no_mangle]
        pub unsafe extern "C" fn $and(p: *mut $t, m: $t) -> $t {
            check(p);
            // SAFETY: see the load.
            unsafe { <$a>::from_ptr(p) }.fetch_and(m, SeqCst)
        }

        /// Atomic bitwise or; returns the old value.
        ///
        /// # Safety
        /// As for the load.
        #[no_mangle]
        pub unsafe extern "C" fn $or(p: *mut $t, m: $t) -> $t {
            check(p);
            // SAFETY: see the load.
            unsafe { <$a>::from_ptr(p) }.fetch_or(m, SeqCst)
        }
    };
}

atomics!(
    i32,
    AtomicI32,
    rgo_atomic_load32,
    rgo_atomic_store32,
    rgo_atomic_swap32,
    rgo_atomic_cas32,
    rgo_atomic_add32,
    rgo_atomic_and32,
    rgo_atomic_or32
);
atomics!(
    i64,
    AtomicI64,
    rgo_atomic_load64,
    rgo_atomic_store64,
    rgo_atomic_swap64,
    rgo_atomic_cas64,
    rgo_atomic_add64,
    rgo_atomic_and64,
    rgo_atomic_or64
);

/// Atomic pointer load.
///
/// # Safety
/// `p` is nil or points to an aligned, live pointer variable.
#[no_mangle]
pub unsafe extern "C" fn rgo_atomic_loadptr(p: *mut *mut u8) -> *mut u8 {
    check(p);
    // SAFETY: `p` is a live, aligned pointer variable (caller).
    unsafe { AtomicPtr::from_ptr(p) }.load(SeqCst)
}

/// Atomic pointer store.
///
/// # Safety
/// As for [`rgo_atomic_loadptr`].
#[no_mangle]
pub unsafe extern "C" fn rgo_atomic_storeptr(p: *mut *mut u8, v: *mut u8) {
    check(p);
    // SAFETY: see `rgo_atomic_loadptr`.
    unsafe { AtomicPtr::from_ptr(p) }.store(v, SeqCst)
}

/// Atomic pointer swap; returns the old pointer.
///
/// # Safety
/// As for [`rgo_atomic_loadptr`].
#[no_mangle]
pub unsafe extern "C" fn rgo_atomic_swapptr(p: *mut *mut u8, v: *mut u8) -> *mut u8 {
    check(p);
    // SAFETY: see `rgo_atomic_loadptr`.
    unsafe { AtomicPtr::from_ptr(p) }.swap(v, SeqCst)
}

/// Pointer compare-and-swap; 1 if it swapped.
///
/// # Safety
/// As for [`rgo_atomic_loadptr`].
#[no_mangle]
pub unsafe extern "C" fn rgo_atomic_casptr(p: *mut *mut u8, old: *mut u8, new: *mut u8) -> u8 {
    check(p);
    // SAFETY: see `rgo_atomic_loadptr`.
    unsafe { AtomicPtr::from_ptr(p) }
        .compare_exchange(old, new, SeqCst, SeqCst)
        .is_ok() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_operations() {
        let mut x: i32 = 5;
        // SAFETY: `x` is a live local.
        unsafe {
            assert_eq!(rgo_atomic_add32(&mut x, 3), 8);
            assert_eq!(rgo_atomic_cas32(&mut x, 7, 1), 0);
            assert_eq!(rgo_atomic_cas32(&mut x, 8, 1), 1);
            assert_eq!(rgo_atomic_or32(&mut x, 6), 1);
            assert_eq!(rgo_atomic_and32(&mut x, 3), 7);
            assert_eq!(rgo_atomic_swap32(&mut x, -1), 3);
            assert_eq!(rgo_atomic_load32(&mut x), -1);
        }
        let mut y: i64 = i64::MAX;
        // SAFETY: `y` is a live local.
        unsafe {
            assert_eq!(rgo_atomic_add64(&mut y, 1), i64::MIN);
            rgo_atomic_store64(&mut y, 9);
            assert_eq!(rgo_atomic_load64(&mut y), 9);
        }
    }

    #[test]
    fn pointer_operations() {
        let mut a = 1u8;
        let mut b = 2u8;
        let mut p: *mut u8 = core::ptr::null_mut();
        // SAFETY: `p` is a live local pointer variable.
        unsafe {
            assert_eq!(rgo_atomic_casptr(&mut p, core::ptr::null_mut(), &mut a), 1);
            assert_eq!(rgo_atomic_swapptr(&mut p, &mut b), &mut a as *mut u8);
            assert_eq!(rgo_atomic_loadptr(&mut p), &mut b as *mut u8);
        }
    }
}
