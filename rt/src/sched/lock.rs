//! The runtime's own locks and sleeps, on Linux futexes: [`Lock`], a
//! mutex for short critical sections of runtime code (never held while
//! Go code runs or across a goroutine switch), and [`Note`], a one-shot
//! event a thread sleeps on until another wakes it (gc's `note`).

use core::cell::UnsafeCell;
use core::ops::{Deref, DerefMut};
use core::sync::atomic::{AtomicU32, Ordering};

const SYS_FUTEX: i64 = 202;
const FUTEX_WAIT_PRIVATE: i64 = 128;
const FUTEX_WAKE_PRIVATE: i64 = 129;

/// Sleeps while `*word == val`, at most `timeout_ns` (negative: no limit).
/// May return early (signals, spurious wake-ups).
pub fn futex_wait(word: &AtomicU32, val: u32, timeout_ns: i64) {
    let ts = crate::sys::timespec {
        tv_sec: timeout_ns / 1_000_000_000,
        tv_nsec: timeout_ns % 1_000_000_000,
    };
    let tsp = if timeout_ns < 0 {
        core::ptr::null()
    } else {
        &ts as *const crate::sys::timespec
    };
    // SAFETY: FUTEX_WAIT reads the aligned u32 at `word` and sleeps; the
    // timeout, if any, is a valid timespec.
    unsafe {
        crate::sys::syscall(
            SYS_FUTEX,
            word.as_ptr(),
            FUTEX_WAIT_PRIVATE,
            val as i64,
            tsp,
            0usize,
            0i64,
        );
    }
}

/// Wakes up to `n` threads sleeping on `word`.
pub fn futex_wake(word: &AtomicU32, n: i32) {
    // SAFETY: FUTEX_WAKE only uses the address as a key.
    unsafe {
        crate::sys::syscall(
            SYS_FUTEX,
            word.as_ptr(),
            FUTEX_WAKE_PRIVATE,
            n as i64,
            0usize,
            0usize,
            0i64,
        );
    }
}

/// A raw futex mutex: 0 free, 1 held, 2 held with sleepers.
pub struct RawLock(AtomicU32);

impl Default for RawLock {
    fn default() -> RawLock {
        RawLock::new()
    }
}

impl RawLock {
    pub const fn new() -> RawLock {
        RawLock(AtomicU32::new(0))
    }

    #[inline]
    pub fn lock(&self) {
        if self
            .0
            .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            self.lock_slow();
        }
    }

    #[cold]
    fn lock_slow(&self) {
        // Spin briefly: runtime critical sections are short.
        for i in 0..64 {
            if self.0.load(Ordering::Relaxed) == 0
                && self
                    .0
                    .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
            {
                return;
            }
            if i < 48 {
                core::hint::spin_loop();
            } else {
                // SAFETY: sched_yield has no preconditions.
                unsafe { crate::sys::sched_yield() };
            }
        }
        while self.0.swap(2, Ordering::Acquire) != 0 {
            futex_wait(&self.0, 2, -1);
        }
    }

    #[inline]
    pub fn unlock(&self) {
        if self.0.swap(0, Ordering::Release) == 2 {
            futex_wake(&self.0, 1);
        }
    }
}

/// Data behind a [`RawLock`].
pub struct Lock<T> {
    raw: RawLock,
    data: UnsafeCell<T>,
}

// SAFETY: the data is only reached through a guard, which holds the lock.
unsafe impl<T: Send> Sync for Lock<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Send for Lock<T> {}

impl<T> Lock<T> {
    pub const fn new(v: T) -> Lock<T> {
        Lock {
            raw: RawLock::new(),
            data: UnsafeCell::new(v),
        }
    }

    #[inline]
    pub fn lock(&self) -> Guard<'_, T> {
        self.raw.lock();
        Guard { lock: self }
    }

    /// The raw lock, for code that must release it on another stack (a
    /// goroutine parking releases it from the scheduler).
    pub fn raw(&self) -> &RawLock {
        &self.raw
    }

    /// The data, with the lock already held by the caller.
    ///
    /// # Safety
    /// The caller holds the lock (taken through [`Lock::raw`]) and no
    /// other reference to the data is live.
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn held(&self) -> &mut T {
        // SAFETY: caller.
        unsafe { &mut *self.data.get() }
    }
}

pub struct Guard<'a, T> {
    lock: &'a Lock<T>,
}

impl<T> Deref for Guard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard holds the lock.
        unsafe { &*self.lock.data.get() }
    }
}

impl<T> DerefMut for Guard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard holds the lock.
        unsafe { &mut *self.lock.data.get() }
    }
}

impl<T> Drop for Guard<'_, T> {
    fn drop(&mut self) {
        self.lock.raw.unlock();
    }
}

impl<T> Guard<'_, T> {
    /// Keeps the lock held past the guard's end (it is released later with
    /// `RawLock::unlock`).
    pub fn leak(self) {
        core::mem::forget(self);
    }
}

/// A one-shot wake-up: [`Note::sleep`] blocks until [`Note::wake`] (or
/// the timeout); [`Note::clear`] rearms it.
pub struct Note(AtomicU32);

impl Default for Note {
    fn default() -> Note {
        Note::new()
    }
}

impl Note {
    pub const fn new() -> Note {
        Note(AtomicU32::new(0))
    }

    pub fn clear(&self) {
        self.0.store(0, Ordering::Relaxed);
    }

    pub fn wake(&self) {
        if self.0.swap(1, Ordering::Release) == 0 {
            futex_wake(&self.0, 1);
        }
    }

    /// Sleeps until woken or `timeout_ns` passes (negative: no limit);
    /// whether it was woken.
    pub fn sleep(&self, timeout_ns: i64) -> bool {
        let deadline = if timeout_ns < 0 {
            i64::MAX
        } else {
            crate::sys::clock_ns(crate::sys::CLOCK_MONOTONIC).saturating_add(timeout_ns)
        };
        loop {
            if self.0.load(Ordering::Acquire) != 0 {
                return true;
            }
            let left = if deadline == i64::MAX {
                -1
            } else {
                let now = crate::sys::clock_ns(crate::sys::CLOCK_MONOTONIC);
                if now >= deadline {
                    return false;
                }
                deadline - now
            };
            futex_wait(&self.0, 0, left);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_counts_across_threads() {
        static L: Lock<u64> = Lock::new(0);
        let ts: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    for _ in 0..10000 {
                        *L.lock() += 1;
                    }
                })
            })
            .collect();
        for t in ts {
            t.join().unwrap();
        }
        assert_eq!(*L.lock(), 40000);
    }

    #[test]
    fn note_wakes_and_times_out() {
        let n = std::sync::Arc::new(Note::new());
        assert!(!n.sleep(1_000_000));
        let n2 = n.clone();
        let t = std::thread::spawn(move || n2.wake());
        assert!(n.sleep(-1));
        t.join().unwrap();
    }
}
