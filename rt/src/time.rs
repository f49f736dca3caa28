//! Clocks and sleeping for the overlay `time` package.

use crate::sys;

/// Monotonic nanoseconds (an arbitrary origin), as gc's `nanotime`.
#[no_mangle]
pub extern "C" fn rgo_nanotime() -> i64 {
    sys::clock_ns(sys::CLOCK_MONOTONIC)
}

/// Wall-clock time: `out[0]` seconds and `out[1]` nanoseconds since the
/// Unix epoch.
///
/// # Safety
/// `out` must point to two writable `i64`s.
#[no_mangle]
pub unsafe extern "C" fn rgo_walltime(out: *mut [i64; 2]) {
    let mut ts = sys::timespec::default();
    // SAFETY: `ts` is a valid out-parameter; `out` is the caller's.
    unsafe {
        sys::clock_gettime(sys::CLOCK_REALTIME, &mut ts);
        *out = [ts.tv_sec, ts.tv_nsec];
    }
}

/// Sleeps for `ns` nanoseconds (nothing for `ns <= 0`), resuming after
/// signal interruptions.
#[no_mangle]
pub extern "C" fn rgo_sleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let mut req = sys::timespec {
        tv_sec: ns / 1_000_000_000,
        tv_nsec: ns % 1_000_000_000,
    };
    let mut rem = sys::timespec::default();
    // SAFETY: both are valid timespec pointers.
    while unsafe { sys::nanosleep(&req, &mut rem) } != 0 {
        // SAFETY: errno is thread-local.
        if unsafe { *sys::__errno_location() } != sys::EINTR {
            break;
        }
        req = rem;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_advance() {
        let a = rgo_nanotime();
        rgo_sleep(1_000_000);
        assert!(rgo_nanotime() - a >= 1_000_000);
        let mut w = [0i64; 2];
        // SAFETY: `w` is two i64s.
        unsafe { rgo_walltime(&mut w) };
        assert!(w[0] > 1_600_000_000 && (0..1_000_000_000).contains(&w[1]));
    }
}
