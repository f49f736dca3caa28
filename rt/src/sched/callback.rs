//! Go code entered from C: the `//export` functions of cgo.
//!
//! A C function reaches Go through [`cgo_callback`] in one of two ways.
//!
//! - On a goroutine that is itself in a C call (Go called C, which calls
//!   back): the goroutine leaves its system call (taking a P back), runs
//!   the Go function on its own stack below the C frames, and enters the
//!   system call again. It stays on its thread meanwhile (as if it had
//!   called `LockOSThread`), since the C frames below belong to that
//!   thread.
//! - On a thread the runtime did not make (a C thread): the thread gets an
//!   M of its own, kept until the thread exits (then pooled for the next
//!   C thread), and a goroutine with a stack of its own, locked to the M.
//!   The thread's native stack serves as that M's scheduler stack: it
//!   takes a P (or queues the goroutine, to be handed back with a P, if
//!   none is free), runs the goroutine, and gives the P back when the Go
//!   function returns.
//!
//! A program with cgo code never reports a deadlock (as gc): a C thread
//! may call in at any moment.

use core::ffi::c_void;
use core::sync::atomic::{AtomicBool, Ordering};
use std::cell::Cell;

use super::*;

/// Set once C code is linked in (`rgo_iscgo`, from a constructor in the
/// package's generated C).
pub(super) static ISCGO: AtomicBool = AtomicBool::new(false);

/// In a library: set once the package initialisers have run; calls from
/// the host wait for it (as gc's `_cgo_wait_runtime_init_done`).
static LIB_READY: AtomicBool = AtomicBool::new(false);
static LIB_READY_NOTE: Note = Note::new();

/// A library's initialisers are done: exported functions may run.
pub fn lib_ready() {
    LIB_READY.store(true, Ordering::Release);
    LIB_READY_NOTE.wake();
}

/// Whether the calling thread runs Go code (not C code, nor the
/// runtime's scheduler): a fault there is the program's.
pub fn in_go_code() -> bool {
    let g = current();
    // SAFETY: the running G is live.
    !g.is_null() && unsafe { (*g).status.load(Ordering::Acquire) } == status::RUNNING
}

/// The first id of a C thread's goroutine (see `on_c_thread`).
const EXTRA_FIRST_ID: u64 = 17;

/// Ms of C threads that have exited, for the next C thread to take.
static EXTRA_MS: Lock<Vec<usize>> = Lock::new(Vec::new());

/// Gives this thread's M back to the pool when the thread exits.
struct ExtraM(Cell<*mut M>);

impl Drop for ExtraM {
    fn drop(&mut self) {
        let m = self.0.get();
        if !m.is_null() {
            CUR_M.with(|c| c.set(core::ptr::null_mut()));
            EXTRA_MS.lock().push(m as usize);
        }
    }
}

std::thread_local! {
    static EXTRA_M: ExtraM = const { ExtraM(Cell::new(core::ptr::null_mut())) };
}

/// Called from the constructor of a cgo program's generated C.
#[no_mangle]
pub extern "C" fn rgo_iscgo() {
    ISCGO.store(true, Ordering::Relaxed);
}

/// Runs `f(frame)`, Go code entered from C (see the module doc).
///
/// # Safety
///
/// `f` is an export thunk: Go code that takes `frame`.
pub unsafe fn cgo_callback(f: unsafe extern "C" fn(*mut c_void), frame: *mut c_void) {
    if crate::start::is_library() {
        while !LIB_READY.load(Ordering::Acquire) {
            LIB_READY_NOTE.sleep(1_000_000);
        }
    }
    if !STARTED.load(Ordering::Acquire) {
        // Before the scheduler runs (a C constructor): run it in place.
        // SAFETY: the caller's contract.
        unsafe { f(frame) };
        return;
    }
    let m = this_m();
    // SAFETY: Ms are never freed.
    if !m.is_null() && !unsafe { (*m).curg }.is_null() {
        // SAFETY: as above; the thread's own M, running a goroutine.
        unsafe { on_goroutine(m, f, frame) };
    } else {
        // SAFETY: as above.
        unsafe { on_c_thread(f, frame) };
    }
}

/// Go called C, which calls back: out of the system call, run, back in.
unsafe fn on_goroutine(m: *mut M, f: unsafe extern "C" fn(*mut c_void), frame: *mut c_void) {
    // SAFETY: the thread's own M; its G is in a system call made by
    // `rgo_cgocall` (so its saved `sp` is above the C frames).
    unsafe {
        let g = (*m).curg;
        let saved_sp = (*g).sp;
        (*g).locked += 1;
        (*g).cgo_locks += 1;
        (*g).locked_m = m;
        (*m).locked_g = g;
        exit_syscall(&mut *m, g, (*m).p);
        crate::defer::callback_enter();
        f(frame);
        crate::defer::callback_exit();
        // Locked: still this thread and its M, which holds a P.
        let p = (*m).p;
        unlock(m, g);
        (*g).sp = saved_sp;
        (*g).status.store(status::SYSCALL, Ordering::Release);
        (*p).syscalltick.fetch_add(1, Ordering::Relaxed);
        (*p).status.store(pstatus::SYSCALL, Ordering::Release);
    }
}

/// Ends the thread lock [`on_goroutine`] took.
///
/// # Safety
///
/// `m` is the calling thread's M and `g` its goroutine.
unsafe fn unlock(m: *mut M, g: *mut G) {
    // SAFETY: the caller's contract.
    unsafe {
        (*g).locked = (*g).locked.saturating_sub(1);
        (*g).cgo_locks = (*g).cgo_locks.saturating_sub(1);
        if (*g).locked == 0 {
            (*g).locked_m = core::ptr::null_mut();
            (*m).locked_g = core::ptr::null_mut();
        }
    }
}

/// A recovered panic resumes a Go function that called C, leaving the C
/// frames of a call back into Go (gc's behaviour too): the goroutine is
/// running Go code again and no longer needs its thread.
pub fn callback_unwound() {
    let m = this_m();
    let g = current();
    if !m.is_null() && !g.is_null() {
        // SAFETY: this thread's M and goroutine.
        unsafe { unlock(m, g) };
    }
}

/// A C thread calls in: an M and a goroutine for it, a P, the call.
unsafe fn on_c_thread(f: unsafe extern "C" fn(*mut c_void), frame: *mut c_void) {
    let m = c_thread_m();
    // SAFETY: this thread's own M, not running anything.
    let mm = unsafe { &mut *m };
    if mm.cb_g.is_null() {
        let g = alloc_g(stack::STACK_SIZE, 0);
        let mut s = SCHED.lock();
        s.allg.push(g);
        // gc numbers a C thread's goroutine once, after the first batch
        // of ids its processors take: 17 for the first such thread.
        let id = s.next_id.max(EXTRA_FIRST_ID);
        s.next_id = id + 1;
        drop(s);
        // SAFETY: a fresh G.
        unsafe { (*g).id = id };
        mm.cb_g = g;
    }
    let g = mm.cb_g;
    mm.cb = (f as usize, frame as usize);
    mm.locked_g = g;
    NGOROUTINE.fetch_add(1, Ordering::Relaxed);
    // Under the scheduler's lock: this thread runs no Go code, so a
    // collection may be under way, and it must not take the G for dead
    // (and release its stack's pages) while its first frame is written.
    let mut s = SCHED.lock();
    // SAFETY: the M's own dead G, known to no run queue.
    unsafe {
        (*g).status.store(status::RUNNABLE, Ordering::Release);
        (*g).closure = core::ptr::null_mut();
        (*g).param = 0;
        (*g).system = false;
        (*g).in_sigpanic = false;
        (*g).stack_used = true;
        (*g).locked = 1;
        (*g).locked_m = m;
        (*g).sp = switch::init_stack((*g).stack_hi, g as usize, callback_entry);
    }
    s.mcount += 1;
    if let Some(p) = pop_idle_p(&mut s) {
        drop(s);
        // SAFETY: Ps are never freed; this one is ours now.
        unsafe { (*p).m.store(m, Ordering::Relaxed) };
        mm.p = p;
        execute(mm, g);
    } else {
        // No P free: queued like a goroutine back from a system call (the
        // monitor then takes a P from one blocked in a system call), it
        // is handed back to this M with a P when its turn comes.
        s.runq_push(g);
        drop(s);
        wakep();
    }
    if !mm.locked_g.is_null() {
        // Queued, or it blocked: wait for it to be handed back, until it
        // finishes.
        stop_locked_m(mm);
    }
    let mut s = SCHED.lock();
    if !mm.p.is_null() {
        release_p(&mut s, mm.p);
        mm.p = core::ptr::null_mut();
    }
    s.mcount -= 1;
    let work = !s.runq.is_empty();
    drop(s);
    if work {
        wakep();
    }
}

/// This thread's M, made (or taken from the pool) on its first call.
fn c_thread_m() -> *mut M {
    let m = this_m();
    if !m.is_null() {
        return m;
    }
    let pooled = EXTRA_MS.lock().pop();
    let m = match pooled {
        Some(m) => m as *mut M,
        None => {
            let mut s = SCHED.lock();
            let m = alloc_m(&mut s);
            // Counted while it runs Go code only (see `on_c_thread`).
            s.mcount -= 1;
            m
        }
    };
    minit(m);
    EXTRA_M.with(|e| e.0.set(m));
    m
}

/// First code of a C thread's goroutine: the call, then back to the M.
extern "C" fn callback_entry(g: usize) -> ! {
    let g = g as *mut G;
    let m = this_m();
    // SAFETY: the M set `cb` before running its goroutine; the function is
    // an export thunk.
    unsafe {
        let (f, frame) = (*m).cb;
        let f: unsafe extern "C" fn(*mut c_void) = core::mem::transmute(f);
        f(frame as *mut c_void);
    }
    // The goroutine may have moved between Ms only if unlocked by the Go
    // code; it ends on whichever M runs it, which the locked M notices.
    retire(g);
    switch_to_g0(After::Nothing);
    unreachable!("a finished callback goroutine was scheduled")
}
