//! The runtime's random numbers (gc's `runtime.rand`, behind the global
//! generators of math/rand and math/rand/v2): wyrand, per thread, seeded
//! from the kernel's entropy.

use core::cell::Cell;

use crate::sys;

std::thread_local! {
    static STATE: Cell<u64> = const { Cell::new(0) };
}

/// A 64-bit seed from `getrandom(2)` (the clock if that fails).
fn seed() -> u64 {
    let mut b = [0u8; 8];
    // SAFETY: `b` is an 8-byte writable buffer.
    let n = unsafe { sys::getrandom(b.as_mut_ptr() as *mut core::ffi::c_void, 8, 0) };
    if n == 8 {
        u64::from_le_bytes(b) | 1
    } else {
        sys::clock_ns(sys::CLOCK_REALTIME) as u64 | 1
    }
}

/// `runtime.rand`: a uniformly random 64-bit value.
#[no_mangle]
pub extern "C" fn rgo_rand() -> u64 {
    STATE.with(|s| {
        let mut x = s.get();
        if x == 0 {
            x = seed();
        }
        x = x.wrapping_add(0xa076_1d64_78bd_642f);
        s.set(x);
        let m = (x as u128).wrapping_mul((x ^ 0xe703_7ed1_a0b4_28db) as u128);
        (m as u64) ^ ((m >> 64) as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_vary() {
        let a = rgo_rand();
        let b = rgo_rand();
        assert_ne!(a, b);
    }
}
