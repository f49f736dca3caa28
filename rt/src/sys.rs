//! The few C library functions and kernel structures the runtime uses
//! (linux/amd64, glibc layout). Declared here rather than through a crate
//! so the runtime depends on nothing but the C library.

#![allow(non_camel_case_types)]

use core::ffi::{c_char, c_int, c_long, c_void};

pub type size_t = usize;
pub type ssize_t = isize;
pub type off_t = i64;
pub type pthread_t = u64;

pub const PROT_NONE: c_int = 0;
pub const PROT_READ: c_int = 1;
pub const PROT_WRITE: c_int = 2;
pub const MAP_PRIVATE: c_int = 0x02;
pub const MAP_ANONYMOUS: c_int = 0x20;
pub const MAP_NORESERVE: c_int = 0x4000;
pub const MADV_DONTNEED: c_int = 4;
pub const MAP_FAILED: *mut c_void = !0usize as *mut c_void;

pub const SIGBUS: c_int = 7;
pub const SIGFPE: c_int = 8;
pub const SIGSEGV: c_int = 11;
pub const SIGABRT: c_int = 6;
pub const SIGPIPE: c_int = 13;
pub const SIGURG: c_int = 23;
pub const SA_RESTART: c_int = 0x1000_0000;
pub const SA_ONSTACK: c_int = 0x0800_0000;
/// `stack_t.ss_flags`: no alternate signal stack.
pub const SS_DISABLE: c_int = 2;
pub const SA_SIGINFO: c_int = 4;
pub const SA_NODEFER: c_int = 0x4000_0000;
pub const SIG_IGN: usize = 1;
pub const SIG_DFL: usize = 0;

pub const CLOCK_REALTIME: c_int = 0;
pub const CLOCK_MONOTONIC: c_int = 1;

pub const EINTR: c_int = 4;

#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct timespec {
    pub tv_sec: i64,
    pub tv_nsec: c_long,
}

/// glibc's `struct sigaction` on x86-64.
#[repr(C)]
pub struct sigaction_t {
    pub sa_sigaction: usize,
    pub sa_mask: [u64; 16],
    pub sa_flags: c_int,
    pub sa_restorer: usize,
}

/// `stack_t`, for `sigaltstack`.
#[repr(C)]
pub struct stack_t {
    pub ss_sp: *mut c_void,
    pub ss_flags: c_int,
    pub ss_size: size_t,
}

/// The leading fields of `siginfo_t` for fault signals.
#[repr(C)]
pub struct siginfo_t {
    pub si_signo: c_int,
    pub si_errno: c_int,
    pub si_code: c_int,
    pub _pad: c_int,
    pub si_addr: usize,
}

/// Offsets into `ucontext_t` (x86-64): `uc_mcontext.gregs` starts at 40;
/// REG_RSP is greg 15 and REG_RIP greg 16.
pub const UC_RSP_OFFSET: usize = 40 + 15 * 8;
pub const UC_RIP_OFFSET: usize = 40 + 16 * 8;

extern "C" {
    pub fn write(fd: c_int, buf: *const c_void, count: size_t) -> ssize_t;
    pub fn read(fd: c_int, buf: *mut c_void, count: size_t) -> ssize_t;
    pub fn _exit(status: c_int) -> !;
    pub fn mmap(
        addr: *mut c_void,
        len: size_t,
        prot: c_int,
        flags: c_int,
        fd: c_int,
        off: off_t,
    ) -> *mut c_void;
    pub fn munmap(addr: *mut c_void, len: size_t) -> c_int;
    pub fn madvise(addr: *mut c_void, len: size_t, advice: c_int) -> c_int;
    pub fn mprotect(addr: *mut c_void, len: size_t, prot: c_int) -> c_int;
    pub fn sigaction(sig: c_int, act: *const sigaction_t, old: *mut sigaction_t) -> c_int;
    pub fn raise(sig: c_int) -> c_int;
    pub fn sigaltstack(ss: *const stack_t, old: *mut stack_t) -> c_int;
    pub fn clock_gettime(clk: c_int, tp: *mut timespec) -> c_int;
    pub fn nanosleep(req: *const timespec, rem: *mut timespec) -> c_int;
    pub fn getenv(name: *const c_char) -> *const c_char;
    pub fn setenv(name: *const c_char, value: *const c_char, overwrite: c_int) -> c_int;
    pub fn unsetenv(name: *const c_char) -> c_int;
    pub fn clearenv() -> c_int;
    pub fn strerror(errnum: c_int) -> *const c_char;
    pub fn strsignal(sig: c_int) -> *const c_char;
    pub fn strlen(s: *const c_char) -> size_t;
    pub fn __errno_location() -> *mut c_int;
    pub fn pthread_attr_init(attr: *mut PthreadAttr) -> c_int;
    pub fn pthread_attr_setstack(attr: *mut PthreadAttr, stack: *mut c_void, size: size_t)
        -> c_int;
    pub fn pthread_create(
        thread: *mut pthread_t,
        attr: *const PthreadAttr,
        start: extern "C" fn(*mut c_void) -> *mut c_void,
        arg: *mut c_void,
    ) -> c_int;
    pub fn pthread_join(thread: pthread_t, ret: *mut *mut c_void) -> c_int;
    pub fn getrandom(buf: *mut c_void, len: size_t, flags: u32) -> ssize_t;
    pub fn syscall(num: c_long, ...) -> c_long;
    pub fn sched_yield() -> c_int;
    pub fn pthread_self() -> pthread_t;
    pub fn pthread_kill(thread: pthread_t, sig: c_int) -> c_int;
    pub fn pthread_detach(thread: pthread_t) -> c_int;
    pub fn sched_getaffinity(pid: c_int, size: size_t, mask: *mut u64) -> c_int;
}

/// `pthread_attr_t` is 56 bytes on x86-64 glibc; we only pass it around.
#[repr(C, align(8))]
pub struct PthreadAttr {
    pub _opaque: [u8; 56],
}

/// Writes all of `b` to `fd`, retrying on short writes and EINTR. Errors
/// are otherwise ignored: there is nowhere left to report them.
pub fn write_all(fd: c_int, mut b: &[u8]) {
    while !b.is_empty() {
        // SAFETY: `b` is a valid readable buffer of `b.len()` bytes.
        let n = unsafe { write(fd, b.as_ptr() as *const c_void, b.len()) };
        if n < 0 {
            // SAFETY: errno is thread-local and always readable.
            if unsafe { *__errno_location() } == EINTR {
                continue;
            }
            return;
        }
        b = &b[n as usize..];
    }
}

/// Exits the process at once, without running C `atexit` handlers or
/// flushing stdio (as gc's `exit_group`).
pub fn exit(code: i32) -> ! {
    // SAFETY: `_exit` is always safe to call; it does not return.
    unsafe { _exit(code) }
}

/// Starts a detached thread running `start(arg)`; false if the system
/// could not make one.
pub fn spawn_detached(start: extern "C" fn(*mut c_void) -> *mut c_void, arg: usize) -> bool {
    let mut th: pthread_t = 0;
    let mut attr = PthreadAttr { _opaque: [0; 56] };
    // SAFETY: `attr` is initialised before use; the thread is never
    // joined, so it is detached at once.
    unsafe {
        pthread_attr_init(&mut attr);
        if pthread_create(&mut th, &attr, start, arg as *mut c_void) != 0 {
            return false;
        }
        pthread_detach(th);
    }
    true
}

/// Ends a Go program that failed (an unrecovered panic, a fatal error):
/// exit status 2, or, in a library inside a host's process, SIGABRT (as
/// gc's c-shared and c-archive crash).
pub fn exit_failed() -> ! {
    if crate::start::is_library() {
        let act = sigaction_t {
            sa_sigaction: SIG_DFL,
            sa_mask: [0; 16],
            sa_flags: 0,
            sa_restorer: 0,
        };
        // SAFETY: the default disposition, then the signal to this thread.
        unsafe {
            sigaction(SIGABRT, &act, core::ptr::null_mut());
            raise(SIGABRT);
        }
    }
    exit(2)
}

/// Maps `len` bytes of zeroed, private anonymous memory; null on failure.
pub fn map_zeroed(len: usize, reserve_only: bool) -> *mut u8 {
    map_zeroed_at(0, len, reserve_only)
}

/// As [`map_zeroed`], preferably at address `hint` (0: anywhere); the
/// kernel may place it elsewhere.
pub fn map_zeroed_at(hint: usize, len: usize, reserve_only: bool) -> *mut u8 {
    let flags = MAP_PRIVATE | MAP_ANONYMOUS | if reserve_only { MAP_NORESERVE } else { 0 };
    // SAFETY: an anonymous mapping at a kernel-chosen address touches no
    // existing memory.
    let p = unsafe {
        mmap(
            hint as *mut c_void,
            len,
            PROT_READ | PROT_WRITE,
            flags,
            -1,
            0,
        )
    };
    if p == MAP_FAILED {
        core::ptr::null_mut()
    } else {
        p as *mut u8
    }
}

/// Gives the pages of `[p, p + len)` back to the kernel; they read as
/// zero when next touched.
pub fn release_pages(p: usize, len: usize) {
    // SAFETY: the range is a private anonymous mapping owned by the
    // caller, whose contents it no longer needs.
    unsafe { madvise(p as *mut c_void, len, MADV_DONTNEED) };
}

/// Nanoseconds from the given clock.
pub fn clock_ns(clk: c_int) -> i64 {
    let mut ts = timespec::default();
    // SAFETY: `ts` is a valid out-parameter.
    unsafe { clock_gettime(clk, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}
