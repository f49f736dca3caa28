//! The collector's roots: the program's pointer-holding globals (the
//! table codegen emits in section `rgo_gcroots`, scanned precisely) and
//! whatever the runtime's upper floors register at start-up: goroutine
//! stacks, goroutines not yet started, timers, panics in flight.
//!
//! A registered scanner is called with the marker and the stack pointer
//! of the collecting goroutine, below which its callee-saved registers
//! have been spilled, so the running goroutine's stack is scanned from
//! there up.

use core::sync::atomic::{AtomicUsize, Ordering};

use super::mark::Marker;
use crate::abi::Type;

/// A root scanner: `(marker, sp)`.
pub type Scanner = fn(&mut Marker, usize);

const MAX_SCANNERS: usize = 8;
static SCANNERS: [AtomicUsize; MAX_SCANNERS] = [const { AtomicUsize::new(0) }; MAX_SCANNERS];

/// Adds a root scanner (at start-up, before any collection).
pub fn register(f: Scanner) {
    for slot in &SCANNERS {
        if slot
            .compare_exchange(0, f as usize, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            return;
        }
    }
    crate::panic::fatal(b"too many GC root scanners");
}

/// One entry of a global root table (rt/ABI.md, "GC roots").
#[repr(C)]
struct Root {
    addr: *mut u8,
    typ: *const Type,
}

// The tables codegen emits; rt's own empty entry makes sure the section
// (and with it the linker's start and stop symbols) exists in every
// program.
#[used]
#[link_section = "rgo_gcroots"]
static EMPTY_ROOT: Root = Root {
    addr: core::ptr::null_mut(),
    typ: core::ptr::null(),
};

// SAFETY: only read; the pointers are addresses of globals and constant
// descriptors.
unsafe impl Sync for Root {}

extern "C" {
    static __start_rgo_gcroots: Root;
    static __stop_rgo_gcroots: Root;
}

fn global_roots() -> &'static [Root] {
    // SAFETY: the linker places every `rgo_gcroots` entry between these
    // two symbols; the section holds whole `Root`s.
    unsafe {
        let lo = &__start_rgo_gcroots as *const Root;
        let hi = &__stop_rgo_gcroots as *const Root;
        core::slice::from_raw_parts(lo, hi.offset_from(lo) as usize)
    }
}

/// Bytes of pointer-holding globals (gctrace's "MB globals").
pub fn globals_bytes() -> u64 {
    global_roots()
        .iter()
        .filter(|r| !r.typ.is_null())
        // SAFETY: a valid descriptor (codegen's table).
        .map(|r| unsafe { (*r.typ).size } as u64)
        .sum()
}

/// Marks from every root.
#[inline(never)]
pub fn mark_roots(m: &mut Marker) {
    for r in global_roots() {
        if !r.typ.is_null() {
            // SAFETY: a global of the program and its descriptor.
            let t = unsafe { &*r.typ };
            m.scan_typed(r.addr as usize, t.size, t);
        }
    }
    let mut regs = [0usize; 6];
    let sp: usize;
    // SAFETY: stores the callee-saved registers into `regs` (which lives
    // in this frame, above `sp`) and reads the stack pointer.
    unsafe {
        core::arch::asm!(
            "mov [{r}], rbx",
            "mov [{r} + 8], rbp",
            "mov [{r} + 16], r12",
            "mov [{r} + 24], r13",
            "mov [{r} + 32], r14",
            "mov [{r} + 40], r15",
            "mov {sp}, rsp",
            r = in(reg) regs.as_mut_ptr(),
            sp = out(reg) sp,
        );
    }
    for slot in &SCANNERS {
        let f = slot.load(Ordering::Acquire);
        if f != 0 {
            // SAFETY: only `Scanner`s are stored (see `register`).
            let f: Scanner = unsafe { core::mem::transmute::<usize, Scanner>(f) };
            f(m, sp);
        }
    }
    core::hint::black_box(&regs);
}
