//! Goroutines: stackful coroutines scheduled cooperatively on one OS
//! thread (the thread running `main.main`).
//!
//! A goroutine runs until it blocks (channel operation, select, semaphore,
//! sleep), yields (`runtime.Gosched`) or exits; then [`schedule`] switches
//! to the next runnable one. As in gc, a goroutine made runnable (created
//! or woken) runs next, pushing any previous "next" goroutine to the back
//! of the run queue. With nothing runnable, the scheduler sleeps until the
//! earliest timer; with no timer either, every goroutine is blocked
//! forever: gc's `all goroutines are asleep - deadlock!`.
//!
//! The main goroutine runs on the thread's own (1 GB) stack; the others on
//! fixed-size stacks with an inaccessible guard page below, reused after
//! their goroutine exits.

pub mod switch;

use std::cell::UnsafeCell;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};

use crate::print::{Sink, Stderr};
use crate::sys;

/// Bytes reserved for a goroutine stack (the main goroutine's is larger).
/// Pages are committed only when touched, so this costs address space,
/// not memory, and deep recursion in a goroutine works as under gc.
const STACK_SIZE: usize = 64 << 20;
/// Inaccessible bytes below each goroutine stack: running into them is a
/// stack overflow (see `start`).
const STACK_GUARD: usize = 64 << 10;
/// gc's first user goroutine id in a simple program: ids below it belong
/// to its runtime's own goroutines.
const FIRST_USER_ID: u64 = 6;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Runnable,
    Running,
    Waiting,
    Dead,
}

/// A goroutine.
pub struct G {
    /// Saved stack pointer while it is not running.
    sp: usize,
    pub id: u64,
    /// Its stack `[lo, hi)`; both 0 for the main goroutine.
    stack_lo: usize,
    stack_hi: usize,
    /// The `func()` value it runs.
    closure: *mut u8,
    pub status: Status,
    /// Why it waits (gc's wait reason): a static or Go-constant string.
    reason: (*const u8, usize),
    /// Set by whoever wakes it: which operation completed (channel code's
    /// business).
    pub param: usize,
    /// Channel code's list of waiters a blocked `select` has queued.
    pub sel_waiters: usize,
    pub sel_count: usize,
}

struct Sched {
    current: *mut G,
    main: *mut G,
    runnext: *mut G,
    runq: VecDeque<*mut G>,
    /// Exited goroutines whose stacks can be reused.
    free: Vec<*mut G>,
    /// Every goroutine ever made, main first (dead ones are in `free`).
    all: Vec<*mut G>,
    next_id: u64,
    /// Live goroutines, main included.
    count: usize,
    /// Timers: (when, sequence number, G); a sleeping goroutine, or with
    /// G null the function timer of that number in `funcs`.
    timers: BinaryHeap<Reverse<(i64, u64, usize)>>,
    timer_seq: u64,
    /// Pending function timers (`time.Timer`, `time.Ticker`): number →
    /// (the `func()` to run, period in ns or 0).
    funcs: HashMap<u64, (*mut u8, i64)>,
    /// Goroutines blocked on each semaphore address, oldest first.
    sema: HashMap<usize, VecDeque<*mut G>>,
    rng: u64,
}

struct SchedCell(UnsafeCell<Option<Sched>>);

// SAFETY: every goroutine runs on the one thread that runs Go code, and
// the scheduler is only used from Go code (never from signal handlers), so
// there is no concurrent access.
unsafe impl Sync for SchedCell {}

static SCHED: SchedCell = SchedCell(UnsafeCell::new(None));

/// The scheduler, created on first use with the calling thread's code as
/// the main goroutine.
fn sched() -> &'static mut Sched {
    // SAFETY: see `SchedCell`: single-threaded use; callers never hold two
    // of these references across a context switch in a way that aliases
    // (each use is a short-lived borrow).
    let s = unsafe { &mut *SCHED.0.get() };
    s.get_or_insert_with(|| {
        let main = Box::into_raw(Box::new(G {
            sp: 0,
            id: 1,
            stack_lo: 0,
            stack_hi: 0,
            closure: core::ptr::null_mut(),
            status: Status::Running,
            reason: (core::ptr::null(), 0),
            param: 0,
            sel_waiters: 0,
            sel_count: 0,
        }));
        Sched {
            current: main,
            main,
            runnext: core::ptr::null_mut(),
            runq: VecDeque::new(),
            free: Vec::new(),
            all: vec![main],
            next_id: FIRST_USER_ID,
            count: 1,
            timers: BinaryHeap::new(),
            timer_seq: 0,
            funcs: HashMap::new(),
            sema: HashMap::new(),
            rng: (sys::clock_ns(sys::CLOCK_MONOTONIC) as u64) | 1,
        }
    })
}

/// The running goroutine.
pub fn current() -> *mut G {
    sched().current
}

/// The running goroutine's id (for panic reports); 1 before any
/// goroutine exists.
pub fn current_id() -> u64 {
    // SAFETY: a shared read; the scheduler is only written by the thread
    // running Go code, which is the one calling this.
    match unsafe { &*SCHED.0.get() } {
        // SAFETY: `current` is always a live G.
        Some(s) => unsafe { (*s.current).id },
        None => 1,
    }
}

/// The running goroutine's stack guard `(guard_lo, stack_lo)` if it is
/// not the main goroutine (for the fault handler's overflow check).
pub fn fault_stack_bounds() -> Option<(usize, usize)> {
    // SAFETY: a read from the fault handler on the thread running Go code
    // (see `current_id`).
    let s = unsafe { &*SCHED.0.get() }.as_ref()?;
    // SAFETY: `current` is always a live G.
    let g = unsafe { &*s.current };
    (g.stack_lo != 0).then(|| (g.stack_lo - STACK_GUARD, g.stack_lo))
}

/// `goroutine N [running]:` and a newline, N the running goroutine.
pub fn put_running_header(out: &mut dyn Sink) {
    out.put(b"goroutine ");
    crate::print::put_uint(out, current_id());
    out.put(b" [running]:\n");
}

/// A pseudo-random number (select's choice among ready cases).
pub fn fastrand() -> u64 {
    let s = sched();
    // xorshift64*
    let mut x = s.rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    s.rng = x;
    x.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

/// Makes `g` runnable; it runs next (as gc's `ready`).
///
/// # Safety
/// `g` is a live goroutine, blocked (or new), not already queued.
pub unsafe fn ready(g: *mut G) {
    let s = sched();
    // SAFETY: caller.
    unsafe { (*g).status = Status::Runnable };
    let old = core::mem::replace(&mut s.runnext, g);
    if !old.is_null() {
        s.runq.push_back(old);
    }
}

/// Blocks the running goroutine until [`ready`] is called on it.
pub fn park(reason: &'static [u8]) {
    park_raw(reason.as_ptr(), reason.len());
}

fn park_raw(ptr: *const u8, len: usize) {
    if crate::mem::gc::pending() {
        // A cycle asked for by the last allocation runs while this
        // goroutine waits, as gc's background marking would.
        crate::mem::gc::clear_stack();
        crate::mem::gc::collect(crate::mem::gc::Reason::Heap);
    }
    let g = current();
    // SAFETY: the running G is live.
    unsafe {
        (*g).status = Status::Waiting;
        (*g).reason = (ptr, len);
    }
    schedule();
}

/// Switches to the next runnable goroutine, sleeping for timers if none
/// is; returns when the calling goroutine runs again (at once if it is
/// the only runnable one).
fn schedule() {
    loop {
        fire_timers();
        let s = sched();
        let next = if !s.runnext.is_null() {
            core::mem::replace(&mut s.runnext, core::ptr::null_mut())
        } else if let Some(g) = s.runq.pop_front() {
            g
        } else if let Some(when) = s.next_timer() {
            let now = sys::clock_ns(sys::CLOCK_MONOTONIC);
            if when > now {
                crate::time::rgo_sleep(when - now);
            }
            continue;
        } else {
            deadlock();
        };
        let prev = s.current;
        if next == prev {
            // SAFETY: live G.
            unsafe { (*prev).status = Status::Running };
            return;
        }
        s.current = next;
        // SAFETY: `next` is a live, runnable G whose `sp` was saved by
        // `rgo_ctx_switch` or prepared by `init_stack`; `prev` is the G
        // running on this stack, whose context is saved into its `sp`.
        unsafe {
            (*next).status = Status::Running;
            switch::rgo_ctx_switch(&mut (*prev).sp, (*next).sp);
        }
        return;
    }
}

impl Sched {
    /// When the earliest live timer fires (dropping stopped ones).
    fn next_timer(&mut self) -> Option<i64> {
        while let Some(Reverse((when, seq, g))) = self.timers.peek().copied() {
            if g == 0 && !self.funcs.contains_key(&seq) {
                self.timers.pop();
                continue;
            }
            return Some(when);
        }
        None
    }
}

/// Wakes the goroutines whose sleep has ended and runs the functions of
/// the timers that fired (on the current stack: they never block).
fn fire_timers() {
    let now = sys::clock_ns(sys::CLOCK_MONOTONIC);
    loop {
        let s = sched();
        let Some(Reverse((when, seq, g))) = s.timers.peek().copied() else {
            return;
        };
        if when > now {
            return;
        }
        s.timers.pop();
        if g != 0 {
            // SAFETY: a sleeping goroutine's entry: it is parked, live.
            unsafe { ready(g as *mut G) };
            continue;
        }
        let Some(&(f, period)) = s.funcs.get(&seq) else {
            continue;
        };
        if period > 0 {
            let next = when.saturating_add(period).max(now);
            s.timers.push(Reverse((next, seq, 0)));
        } else {
            s.funcs.remove(&seq);
        }
        // SAFETY: `f` is a Go `func()` value (see `rgo_starttimer`); the
        // scheduler is not borrowed across the call.
        unsafe { call_func(f) };
    }
}

/// Calls the Go `func()` value `f`.
///
/// # Safety
/// `f` is a non-nil Go func value of type `func()`.
pub unsafe fn call_func(f: *mut u8) {
    // SAFETY: a func value points to a closure object whose first word is
    // the code of a Go function `func()`: `(ctx) -> void` (rt/ABI.md).
    unsafe {
        let code: extern "C" fn(*mut u8) = core::mem::transmute(*(f as *const usize));
        code(f);
    }
}

/// Starts a timer running the `func()` value `f` after `delay` ns, then
/// every `period` ns if positive; returns its number for
/// [`rgo_stoptimer`]. `f` runs on the scheduler and must not block.
///
/// # Safety
/// `f` is a non-nil Go func value of type `func()`.
#[no_mangle]
pub unsafe extern "C" fn rgo_starttimer(delay: i64, period: i64, f: *mut u8) -> i64 {
    let s = sched();
    let when = sys::clock_ns(sys::CLOCK_MONOTONIC).saturating_add(delay.max(0));
    s.timer_seq += 1;
    let seq = s.timer_seq;
    s.funcs.insert(seq, (f, period));
    s.timers.push(Reverse((when, seq, 0)));
    seq as i64
}

/// Stops timer `id`; whether it was pending.
#[no_mangle]
pub extern "C" fn rgo_stoptimer(id: i64) -> bool {
    sched().funcs.remove(&(id as u64)).is_some()
}

/// gc's report when no goroutine can ever run again.
fn deadlock() -> ! {
    let s = sched();
    let out = &mut Stderr;
    out.put(b"fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [");
    // SAFETY: main is live; its reason is a static or Go-constant string.
    let (p, n) = unsafe { (*s.main).reason };
    if !p.is_null() {
        // SAFETY: as above.
        out.put(unsafe { core::slice::from_raw_parts(p, n) });
    }
    out.put(b"]:\n");
    sys::exit(2)
}

/// First code of every new goroutine (on its own stack).
extern "C" fn goroutine_entry(g: usize) -> ! {
    let g = g as *mut G;
    // SAFETY: `g` is the live G this stack was made for.
    let clo = unsafe { (*g).closure };
    // SAFETY: `rgo_go` was given a `func()` value.
    unsafe { call_func(clo) };
    goexit()
}

/// Ends the running goroutine (its function returned).
pub fn goexit() -> ! {
    let s = sched();
    let g = s.current;
    if g == s.main {
        crate::panic::rgo_goexit();
    }
    // SAFETY: live G. Its stack is only reused by `spawn`, which skips
    // the running goroutine, so not before the switch below leaves this
    // stack for good.
    unsafe {
        (*g).status = Status::Dead;
        (*g).closure = core::ptr::null_mut();
    }
    s.count -= 1;
    s.free.push(g);
    schedule();
    unreachable!("a dead goroutine was scheduled")
}

/// `go f()`: starts a goroutine running the `func()` value `closure`.
///
/// # Safety
/// `closure` is a non-nil Go func value of type `func()`.
#[no_mangle]
pub unsafe extern "C" fn rgo_go(closure: *mut u8) {
    let s = sched();
    let id = s.next_id;
    s.next_id += 1;
    s.count += 1;
    // SAFETY: caller.
    unsafe { spawn(closure, id) };
}

/// Starts a runtime goroutine (gc's system goroutines): it has id `id`
/// from the range below user goroutines' and `NumGoroutine` does not
/// count it.
///
/// # Safety
/// As `rgo_go`.
pub unsafe fn spawn_system(closure: *mut u8, id: u64) -> *mut G {
    // SAFETY: caller.
    unsafe { spawn(closure, id) }
}

/// A new runnable goroutine running `closure`.
///
/// # Safety
/// As `rgo_go`.
unsafe fn spawn(closure: *mut u8, id: u64) -> *mut G {
    let s = sched();
    // Never the running goroutine: a goroutine that has just exited is in
    // `free` while its stack is still in use (until `schedule` switches
    // away), and timer functions that `schedule` runs may start goroutines.
    let reusable = s.free.iter().rposition(|&g| g != s.current);
    let g = match reusable.map(|i| s.free.swap_remove(i)) {
        Some(g) => g,
        None => {
            let total = STACK_SIZE + STACK_GUARD;
            let base = sys::map_zeroed(total, true);
            if base.is_null() {
                crate::panic::fatal(b"out of memory allocating a goroutine stack");
            }
            // SAFETY: the guard is the low end of our own fresh mapping.
            unsafe { sys::mprotect(base as *mut core::ffi::c_void, STACK_GUARD, sys::PROT_NONE) };
            let g = Box::into_raw(Box::new(G {
                sp: 0,
                id: 0,
                stack_lo: base as usize + STACK_GUARD,
                stack_hi: base as usize + total,
                closure: core::ptr::null_mut(),
                status: Status::Dead,
                reason: (core::ptr::null(), 0),
                param: 0,
                sel_waiters: 0,
                sel_count: 0,
            }));
            s.all.push(g);
            g
        }
    };
    // SAFETY: `g` is a dead or fresh G no one else refers to; its stack
    // is writable and unused.
    unsafe {
        (*g).id = id;
        (*g).closure = closure;
        (*g).param = 0;
        (*g).sel_waiters = 0;
        (*g).sel_count = 0;
        (*g).sp = switch::init_stack((*g).stack_hi, g as usize, goroutine_entry);
        debug_assert!((*g).sp > (*g).stack_lo);
    }
    // SAFETY: `g` is the new goroutine, not queued anywhere yet.
    unsafe { ready(g) };
    g
}

/// The collector's roots held by the scheduler: every live goroutine's
/// stack (the running one's from `sp`, the collector's own stack pointer,
/// the others' from where they were suspended, which is below the
/// registers they saved), the `func()` of goroutines not yet started, and
/// the functions of pending timers.
pub fn scan_roots(m: &mut crate::mem::gc::mark::Marker, sp: usize) {
    let main_hi = crate::start::main_stack_hi();
    // SAFETY: the world is stopped: no goroutine runs or changes the
    // scheduler while the collector reads it.
    let Some(s) = (unsafe { &*SCHED.0.get() }) else {
        m.scan_conservative(sp, main_hi);
        return;
    };
    for &g in &s.all {
        // SAFETY: Gs are never freed.
        let g = unsafe { &*g };
        // An exited goroutine is still running on its stack until the
        // scheduler switches away, and timer functions run there meanwhile.
        if g.status == Status::Dead && !core::ptr::eq(g, s.current) {
            continue;
        }
        let hi = if g.stack_hi == 0 { main_hi } else { g.stack_hi };
        let lo = if core::ptr::eq(g, s.current) {
            sp
        } else {
            g.sp
        };
        m.scan_conservative(lo, hi);
        m.mark(g.closure as usize);
    }
    for &(f, _) in s.funcs.values() {
        m.mark(f as usize);
    }
}

/// `runtime.Gosched`: lets the other runnable goroutines run first.
#[no_mangle]
pub extern "C" fn rgo_gosched() {
    let s = sched();
    if s.runnext.is_null() && s.runq.is_empty() {
        return;
    }
    let g = s.current;
    // SAFETY: live G.
    unsafe { (*g).status = Status::Runnable };
    s.runq.push_back(g);
    schedule();
}

/// `runtime.NumGoroutine`.
#[no_mangle]
pub extern "C" fn rgo_numgoroutine() -> isize {
    sched().count as isize
}

/// `time.Sleep`: blocks the running goroutine for `ns` nanoseconds,
/// letting the others run.
#[no_mangle]
pub extern "C" fn rgo_gosleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let s = sched();
    let when = sys::clock_ns(sys::CLOCK_MONOTONIC).saturating_add(ns);
    s.timer_seq += 1;
    s.timers
        .push(Reverse((when, s.timer_seq, s.current as usize)));
    park(b"sleep");
}

/// Blocks on the semaphore at `addr` until [`sema_wake`] for it.
pub fn sema_wait(addr: usize, reason: &[u8]) {
    let s = sched();
    let g = s.current;
    s.sema.entry(addr).or_default().push_back(g);
    park_raw(reason.as_ptr(), reason.len());
}

/// Wakes the oldest goroutine blocked on the semaphore at `addr`, if any.
pub fn sema_wake(addr: usize) {
    // SAFETY: see `current_id`; with no scheduler yet nothing waits.
    if unsafe { (*SCHED.0.get()).is_none() } {
        return;
    }
    let s = sched();
    let Some(q) = s.sema.get_mut(&addr) else {
        return;
    };
    let g = q.pop_front();
    if q.is_empty() {
        s.sema.remove(&addr);
    }
    if let Some(g) = g {
        // SAFETY: queued semaphore waiters are parked, live goroutines.
        unsafe { ready(g) };
    }
}
