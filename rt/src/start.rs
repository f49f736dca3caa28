//! Program start-up: the C `main`, fault signals, the main goroutine's stack.
//!
//! `main` records the arguments, turns Rust panics inside the runtime into
//! `fatal error: ...` (exit 2, never unwinding into Go frames), installs
//! handlers for SIGSEGV/SIGBUS/SIGFPE on an alternate signal stack, and
//! runs `__rgo_main` (package initialisers, then `main.main`) on a thread
//! whose stack is a 1 GB lazily committed mapping with a guard region below
//! it — gc's maximum goroutine stack — so deep recursion works as under gc
//! and running off the end reports gc's `stack overflow`.
//!
//! A fault is turned into a Go panic by making the faulting thread resume
//! in [`rgo_sigpanic`] as if the faulting instruction had called it (as
//! gc's `sigpanic`), so the panic runs as ordinary code on the goroutine's
//! own stack.

// The start-up path runs only in programs, not under unit tests.
#![cfg_attr(test, allow(dead_code))]

use core::ffi::{c_char, c_int, c_void};
use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::panic::{self, SigNote};
use crate::print::{put_hex, Sink, Stderr};
use crate::sys;

/// gc's limit on a goroutine stack, which we also use as the main
/// goroutine's stack size.
const MAX_STACK: usize = 1_000_000_000;
/// Inaccessible pages below the stack; a fault in them is an overflow.
const GUARD: usize = 256 << 10;
const ALT_STACK: usize = 64 << 10;

static ARGC: AtomicUsize = AtomicUsize::new(0);
static ARGV: AtomicUsize = AtomicUsize::new(0);
/// Bounds of the main goroutine's stack `[lo, hi)`, and its guard's low end.
static STACK_LO: AtomicUsize = AtomicUsize::new(0);
static STACK_HI: AtomicUsize = AtomicUsize::new(0);
static GUARD_LO: AtomicUsize = AtomicUsize::new(0);

/// The command-line arguments as C strings.
pub fn args() -> &'static [*const c_char] {
    let n = ARGC.load(Ordering::Relaxed);
    let v = ARGV.load(Ordering::Relaxed) as *const *const c_char;
    if v.is_null() {
        return &[];
    }
    // SAFETY: argv holds argc pointers and lives for the whole process.
    unsafe { core::slice::from_raw_parts(v, n) }
}

/// The top of the main goroutine's stack (0 before it exists).
pub fn main_stack_hi() -> usize {
    STACK_HI.load(Ordering::Relaxed)
}

/// Bytes of the main goroutine's stack in use (for MemStats).
pub fn main_stack_inuse() -> usize {
    let hi = STACK_HI.load(Ordering::Relaxed);
    let here = &hi as *const usize as usize;
    if hi == 0 || here > hi || here < STACK_LO.load(Ordering::Relaxed) {
        return 0;
    }
    // Round to whole pages, as stacks are counted in spans.
    (hi - here).div_ceil(8192) * 8192
}

#[cfg(not(test))]
extern "C" {
    /// Emitted by codegen: runs the package initialisers, then `main.main`.
    fn __rgo_main();
}

#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn main(argc: c_int, argv: *const *const c_char) -> c_int {
    ARGC.store(argc.max(0) as usize, Ordering::Relaxed);
    ARGV.store(argv as usize, Ordering::Relaxed);
    install_rust_panic_hook();
    crate::mem::gc::roots::register(crate::sched::scan_roots);
    crate::mem::gc::roots::register(crate::defer::scan_roots);
    crate::mem::gc::enable();
    install_signal_handlers();
    run_main_goroutine(go_main)
}

#[cfg(not(test))]
extern "C" fn go_main(_: *mut c_void) -> *mut c_void {
    set_alt_stack();
    // SAFETY: `__rgo_main` is the program's Go entry, emitted by codegen.
    unsafe { __rgo_main() };
    sys::exit(0)
}

/// A Rust panic in the runtime is a runtime bug: report it as gc reports
/// internal errors and exit before any unwinding reaches Go frames.
pub fn install_rust_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let p = info.payload();
        let msg: &str = if let Some(s) = p.downcast_ref::<&str>() {
            s
        } else if let Some(s) = p.downcast_ref::<String>() {
            s
        } else {
            "runtime panic"
        };
        panic::fatal(msg.as_bytes())
    }));
}

/// Runs `f` on a fresh thread with the 1 GB goroutine stack and waits for
/// it; `f` ends the process itself.
fn run_main_goroutine(f: extern "C" fn(*mut c_void) -> *mut c_void) -> c_int {
    let total = MAX_STACK + GUARD;
    let base = sys::map_zeroed(total, true);
    if base.is_null() {
        panic::fatal(b"cannot allocate the main goroutine stack");
    }
    // SAFETY: the guard is the low end of our own fresh mapping.
    unsafe { sys::mprotect(base as *mut c_void, GUARD, sys::PROT_NONE) };
    let lo = base as usize + GUARD;
    GUARD_LO.store(base as usize, Ordering::Relaxed);
    STACK_LO.store(lo, Ordering::Relaxed);
    STACK_HI.store(lo + MAX_STACK, Ordering::Relaxed);
    let mut attr = sys::PthreadAttr { _opaque: [0; 56] };
    let mut th: sys::pthread_t = 0;
    // SAFETY: `attr` is initialised before use and the stack region is a
    // live, writable mapping of MAX_STACK bytes that is never unmapped.
    unsafe {
        sys::pthread_attr_init(&mut attr);
        sys::pthread_attr_setstack(&mut attr, lo as *mut c_void, MAX_STACK);
        if sys::pthread_create(&mut th, &attr, f, core::ptr::null_mut()) != 0 {
            panic::fatal(b"cannot start the main goroutine");
        }
        sys::pthread_join(th, core::ptr::null_mut());
    }
    0
}

/// Gives the calling thread an alternate stack for fault handlers (so a
/// stack overflow can still be reported).
pub fn set_alt_stack() {
    let p = sys::map_zeroed(ALT_STACK, false);
    if p.is_null() {
        return;
    }
    let ss = sys::stack_t {
        ss_sp: p as *mut c_void,
        ss_flags: 0,
        ss_size: ALT_STACK,
    };
    // SAFETY: `ss` describes a live mapping owned by this thread forever.
    unsafe { sys::sigaltstack(&ss, core::ptr::null_mut()) };
}

fn install_signal_handlers() {
    for sig in [sys::SIGSEGV, sys::SIGBUS, sys::SIGFPE] {
        let act = sys::sigaction_t {
            sa_sigaction: on_fault as *const () as usize,
            sa_mask: [0; 16],
            sa_flags: sys::SA_SIGINFO | sys::SA_ONSTACK | sys::SA_NODEFER,
            sa_restorer: 0,
        };
        // SAFETY: `act` is a valid disposition whose handler has the
        // SA_SIGINFO signature.
        unsafe { sys::sigaction(sig, &act, core::ptr::null_mut()) };
    }
}

/// The fault being turned into a panic by `rgo_sigpanic` (one at a time:
/// only the main goroutine runs Go code).
static PENDING: [AtomicUsize; 4] = [
    AtomicUsize::new(0),
    AtomicUsize::new(0),
    AtomicUsize::new(0),
    AtomicUsize::new(0),
];

/// Set while a fault is being turned into a panic (cleared when a deferred
/// call recovers it).
static IN_SIGPANIC: AtomicBool = AtomicBool::new(false);

/// A panic has been recovered: later faults are new panics.
pub fn clear_sigpanic() {
    IN_SIGPANIC.store(false, Ordering::Relaxed);
}

extern "C" fn on_fault(sig: c_int, info: *mut sys::siginfo_t, uc: *mut c_void) {
    // SAFETY: the kernel passes valid siginfo and ucontext pointers to an
    // SA_SIGINFO handler; the offsets are those of x86-64 `ucontext_t`.
    let (code, addr, rip, rsp) = unsafe {
        let rip = (uc as *mut u8).add(sys::UC_RIP_OFFSET) as *mut usize;
        let rsp = (uc as *mut u8).add(sys::UC_RSP_OFFSET) as *mut usize;
        ((*info).si_code, (*info).si_addr, rip, rsp)
    };
    // SAFETY: as above.
    let (pc, sp) = unsafe { (*rip, *rsp) };
    // The faulting goroutine's stack: its own, or the main one's.
    let (guard_lo, lo) = crate::sched::fault_stack_bounds().unwrap_or((
        GUARD_LO.load(Ordering::Relaxed),
        STACK_LO.load(Ordering::Relaxed),
    ));
    let in_guard = addr >= guard_lo && addr < lo + 4096;
    // A frame larger than the guard can jump past it: then sp is below the
    // stack too.
    let sp_below = sp < lo && sp + (64 << 20) >= guard_lo;
    if sig == sys::SIGSEGV && guard_lo != 0 && (in_guard || sp_below) {
        stack_overflow(sp);
    }
    if IN_SIGPANIC.swap(true, Ordering::Relaxed) {
        // A fault while reporting a fault: give up at once.
        let out = &mut Stderr;
        out.put(b"fatal error: unexpected signal during runtime execution\n");
        sys::exit(2);
    }
    let kind = match sig {
        sys::SIGSEGV => 0,
        sys::SIGBUS => 1,
        _ => 2,
    };
    PENDING[0].store(kind, Ordering::Relaxed);
    PENDING[1].store(code as usize, Ordering::Relaxed);
    PENDING[2].store(addr, Ordering::Relaxed);
    PENDING[3].store(pc, Ordering::Relaxed);
    // Resume in rgo_sigpanic as if called from the faulting instruction:
    // push the pc as the return address on a 16-byte-aligned frame below
    // the red zone.
    let new_sp = ((sp - 256) & !15) - 8;
    // SAFETY: `new_sp` is below the interrupted stack pointer on the
    // thread's own (mapped, not overflowed) stack; the saved registers are
    // written back by the kernel on return from the handler.
    unsafe {
        *(new_sp as *mut usize) = pc;
        *rsp = new_sp;
        *rip = rgo_sigpanic as *const () as usize;
    }
}

fn stack_overflow(sp: usize) -> ! {
    let out = &mut Stderr;
    out.put(b"runtime: goroutine stack exceeds 1000000000-byte limit\n");
    out.put(b"runtime: sp=");
    put_hex(out, sp as u64);
    out.put(b" stack=[");
    put_hex(out, STACK_LO.load(Ordering::Relaxed) as u64);
    out.put(b", ");
    put_hex(out, STACK_HI.load(Ordering::Relaxed) as u64);
    out.put(b"]\n");
    out.put(b"fatal error: stack overflow\n\nruntime stack:\n\n");
    crate::sched::put_running_header(out);
    sys::exit(2)
}

/// Where a faulting goroutine resumes: raises the fault as a Go panic.
#[no_mangle]
pub extern "C" fn rgo_sigpanic() -> ! {
    let kind = PENDING[0].load(Ordering::Relaxed);
    let code = PENDING[1].load(Ordering::Relaxed) as u64;
    let addr = PENDING[2].load(Ordering::Relaxed) as u64;
    let pc = PENDING[3].load(Ordering::Relaxed) as u64;
    match kind {
        0 => panic::signal_panic(&SigNote {
            name: b"SIGSEGV: segmentation violation",
            code,
            addr,
            pc,
        }),
        1 => panic::signal_panic(&SigNote {
            name: b"SIGBUS: bus error",
            code,
            addr,
            pc,
        }),
        // SIGFPE: integer division trap (gc checks explicitly and prints
        // no signal line).
        _ => panic::runtime_error(b"runtime error: integer divide by zero"),
    }
}
