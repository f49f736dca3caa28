//! Program start-up: an executable's `main`, a library's initializer, fault
//! signals, the main goroutine's stack.
//!
//! [`rgo_main`] (the C `main` codegen emits calls it) records the arguments, turns Rust panics inside the runtime into
//! `fatal error: ...` (exit 2, never unwinding into Go frames), installs
//! handlers for SIGSEGV/SIGBUS/SIGFPE on an alternate signal stack, and
//! starts the scheduler (see `sched`) with the main goroutine running
//! `__rgo_main` (package initialisers, then `main.main`) on a 1 GB lazily
//! committed stack with a guard region below it — gc's maximum goroutine
//! stack — so deep recursion works as under gc and running off the end
//! reports gc's `stack overflow`.
//!
//! A library (`-buildmode=c-shared`/`c-archive`) is a guest in its host's
//! process: its initializer ([`rgo_lib_start`], called from a constructor
//! in the generated C) starts the scheduler on a thread of its own, where
//! the main goroutine runs the package initialisers (never `main.main`)
//! and then exits; calls from the host into exported functions wait until
//! then (see `sched::callback`). Its fault handlers pass faults outside Go
//! code on to the handler the host had installed.
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

const ALT_STACK: usize = 64 << 10;

static ARGC: AtomicUsize = AtomicUsize::new(0);
static ARGV: AtomicUsize = AtomicUsize::new(0);

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

#[cfg(not(test))]
extern "C" {
    /// Emitted by codegen: runs the package initialisers, then (in an
    /// executable) `main.main`.
    fn __rgo_main();
}

/// Set in a library (c-shared, c-archive).
static LIBRARY: AtomicBool = AtomicBool::new(false);

/// Whether the runtime is a library's, in a host's process.
pub fn is_library() -> bool {
    LIBRARY.load(Ordering::Relaxed)
}

/// The runtime's start-up shared by programs and libraries.
#[cfg(not(test))]
fn init(argc: c_int, argv: *const *const c_char) {
    ARGC.store(argc.max(0) as usize, Ordering::Relaxed);
    ARGV.store(argv as usize, Ordering::Relaxed);
    install_rust_panic_hook();
    crate::mem::gc::roots::register(crate::sched::scan_roots);
    crate::mem::gc::enable();
    install_signal_handlers();
}

/// An executable's start: the C `main` codegen emits calls this.
#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn rgo_main(argc: c_int, argv: *const *const c_char) -> c_int {
    init(argc, argv);
    crate::sched::start(go_main)
}

/// The main goroutine's code.
#[cfg(not(test))]
extern "C" fn go_main(_g: usize) -> ! {
    // SAFETY: `__rgo_main` is the program's Go entry, emitted by codegen.
    unsafe { __rgo_main() };
    sys::exit(0)
}

/// A library's start, from its constructor (glibc passes the process's
/// arguments to constructors): the scheduler starts on a new thread and
/// the host's thread returns at once.
#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn rgo_lib_start(argc: c_int, argv: *const *const c_char) {
    if LIBRARY.swap(true, Ordering::AcqRel) {
        return;
    }
    crate::sched::rgo_iscgo();
    init(argc, argv);
    if !sys::spawn_detached(lib_thread, 0) {
        panic::fatal(b"newosproc: cannot create a thread");
    }
}

#[cfg(not(test))]
extern "C" fn lib_thread(_: *mut c_void) -> *mut c_void {
    crate::sched::start(lib_go_main)
}

/// A library's main goroutine: the package initialisers, then the
/// exported functions may run.
#[cfg(not(test))]
extern "C" fn lib_go_main(_g: usize) -> ! {
    // SAFETY: as in `go_main` (a library's `__rgo_main` does not call
    // `main.main`).
    unsafe { __rgo_main() };
    crate::sched::lib_ready();
    crate::sched::goexit()
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

/// Gives the calling thread an alternate stack for fault handlers (so a
/// stack overflow can still be reported).
pub fn set_alt_stack() {
    let mut old = sys::stack_t {
        ss_sp: core::ptr::null_mut(),
        ss_flags: 0,
        ss_size: 0,
    };
    // SAFETY: queries the thread's alternate stack into `old`.
    let r = unsafe { sys::sigaltstack(core::ptr::null(), &mut old) };
    if r == 0 && old.ss_flags & sys::SS_DISABLE == 0 {
        // A C thread that has one already keeps it.
        return;
    }
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

/// The dispositions the fault handlers replaced (a library passes faults
/// outside Go code on to them): SIGSEGV, SIGBUS, SIGFPE.
static OLD_ACTIONS: [AtomicUsize; 3] = [const { AtomicUsize::new(0) }; 3];
static OLD_FLAGS: [AtomicUsize; 3] = [const { AtomicUsize::new(0) }; 3];

const FAULT_SIGNALS: [c_int; 3] = [sys::SIGSEGV, sys::SIGBUS, sys::SIGFPE];

fn install_signal_handlers() {
    for (k, sig) in FAULT_SIGNALS.into_iter().enumerate() {
        let act = sys::sigaction_t {
            sa_sigaction: on_fault as *const () as usize,
            sa_mask: [0; 16],
            sa_flags: sys::SA_SIGINFO | sys::SA_ONSTACK | sys::SA_NODEFER,
            sa_restorer: 0,
        };
        let mut old = sys::sigaction_t {
            sa_sigaction: 0,
            sa_mask: [0; 16],
            sa_flags: 0,
            sa_restorer: 0,
        };
        // SAFETY: `act` is a valid disposition whose handler has the
        // SA_SIGINFO signature; `old` receives the previous one.
        unsafe { sys::sigaction(sig, &act, &mut old) };
        OLD_ACTIONS[k].store(old.sa_sigaction, Ordering::Relaxed);
        OLD_FLAGS[k].store(old.sa_flags as usize, Ordering::Relaxed);
    }
}

/// A library's fault outside Go code: the host's handler takes it (or,
/// with none, the default action, once the handler returns and the
/// faulting instruction runs again).
fn chain_fault(sig: c_int, info: *mut sys::siginfo_t, uc: *mut c_void) {
    let Some(k) = FAULT_SIGNALS.iter().position(|&s| s == sig) else {
        return;
    };
    let h = OLD_ACTIONS[k].load(Ordering::Relaxed);
    let flags = OLD_FLAGS[k].load(Ordering::Relaxed) as c_int;
    match h {
        sys::SIG_DFL | sys::SIG_IGN => {
            let act = sys::sigaction_t {
                sa_sigaction: sys::SIG_DFL,
                sa_mask: [0; 16],
                sa_flags: 0,
                sa_restorer: 0,
            };
            // SAFETY: restores the default disposition.
            unsafe { sys::sigaction(sig, &act, core::ptr::null_mut()) };
        }
        _ if flags & sys::SA_SIGINFO != 0 => {
            // SAFETY: the host installed this SA_SIGINFO handler.
            let f: extern "C" fn(c_int, *mut sys::siginfo_t, *mut c_void) =
                unsafe { core::mem::transmute(h) };
            f(sig, info, uc);
        }
        _ => {
            // SAFETY: the host installed this plain handler.
            let f: extern "C" fn(c_int) = unsafe { core::mem::transmute(h) };
            f(sig);
        }
    }
}

/// A panic has been recovered: later faults are new panics.
pub fn clear_sigpanic() {
    let g = crate::sched::current();
    if !g.is_null() {
        // SAFETY: the running G.
        unsafe { (*g).in_sigpanic = false };
    }
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
    if is_library() && !crate::sched::in_go_code() {
        chain_fault(sig, info, uc);
        return;
    }
    // The faulting goroutine's stack.
    let (guard_lo, lo) = crate::sched::fault_stack_bounds().unwrap_or((0, 0));
    let in_guard = addr >= guard_lo && addr < lo + 4096;
    // A frame larger than the guard can jump past it: then sp is below the
    // stack too.
    let sp_below = sp < lo && sp + (64 << 20) >= guard_lo;
    if sig == sys::SIGSEGV && guard_lo != 0 && (in_guard || sp_below) {
        stack_overflow(sp);
    }
    let g = crate::sched::current();
    let m = crate::sched::this_m();
    // SAFETY: the faulting thread's own G and M (a fault elsewhere — on a
    // thread the runtime did not make — cannot be a Go panic).
    if g.is_null() || m.is_null() || unsafe { core::mem::replace(&mut (*g).in_sigpanic, true) } {
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
    // SAFETY: as above.
    unsafe { (*m).fault = [kind, code as usize, addr, pc] };
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

/// gc's report of a stack overflow at `sp`; exits with status 2.
pub fn stack_overflow(sp: usize) -> ! {
    let out = &mut Stderr;
    out.put(b"runtime: goroutine stack exceeds 1000000000-byte limit\n");
    out.put(b"runtime: sp=");
    put_hex(out, sp as u64);
    let g = crate::sched::current();
    if !g.is_null() {
        // SAFETY: the running G.
        let (lo, hi) = unsafe { ((*g).stack_lo, (*g).stack_hi) };
        out.put(b" stack=[");
        put_hex(out, lo as u64);
        out.put(b", ");
        put_hex(out, hi as u64);
        out.put(b"]");
    }
    out.put(b"\n");
    out.put(b"fatal error: stack overflow\n\nruntime stack:\n\n");
    crate::sched::put_running_header(out);
    sys::exit(2)
}

/// Where a faulting goroutine resumes: raises the fault as a Go panic.
#[no_mangle]
pub extern "C" fn rgo_sigpanic() -> ! {
    // SAFETY: the faulting thread's own M, filled in by `on_fault`.
    let [kind, code, addr, pc] = unsafe { (*crate::sched::this_m()).fault };
    let (code, addr, pc) = (code as u64, addr as u64, pc as u64);
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
