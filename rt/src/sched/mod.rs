//! Goroutines on `GOMAXPROCS` OS threads (gc's G, M and P).
//!
//! A goroutine (G) is a stackful coroutine. It runs on an OS thread (M)
//! that holds a processor (P); there are `GOMAXPROCS` Ps, so at most that
//! many goroutines run Go code at once. Each M has its own scheduler
//! context (g0, the thread's native stack): a goroutine that blocks,
//! yields or exits switches to its M's g0, which finishes what the
//! goroutine asked for (releasing the lock it parked under, re-queueing
//! it, recycling its stack) and picks the next goroutine: the P's
//! `runnext` (a goroutine just made runnable runs next, as in gc), the
//! global run queue, or one stolen from another P's `runnext`. An M with
//! nothing to run gives its P back and sleeps until [`wakep`] hands it one.
//!
//! A system call (see [`syscall`]) leaves the goroutine's P marked as in a
//! system call: if it blocks, the monitor thread ([`sysmon`]) hands the P
//! to another M, and the returning goroutine waits for a free P. The
//! monitor also preempts a goroutine that has run for 10 ms (signal-driven,
//! see [`preempt`]) and starts an M when a timer is due and a P is idle.
//!
//! The collector stops the world ([`stop_the_world`]): every P is then
//! idle, in a system call, or held by an M that stopped at a safe point
//! (an allocation, a scheduling point, or a preemption signal landing in
//! Go code) with its registers on the stack it stopped on.

mod callback;
mod coro;
pub mod lock;
pub mod preempt;
pub mod stack;
pub mod switch;

use core::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::cell::Cell;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};

use lock::{Lock, Note};

use crate::print::{Sink, Stderr};
use crate::sys;

pub use callback::{callback_unwound, cgo_callback, in_go_code, lib_ready, rgo_iscgo};

/// gc's first user goroutine id in a simple program: ids below it belong
/// to its runtime's own goroutines.
const FIRST_USER_ID: u64 = 6;

/// Goroutine states.
pub mod status {
    pub const RUNNABLE: u32 = 0;
    pub const RUNNING: u32 = 1;
    pub const WAITING: u32 = 2;
    pub const SYSCALL: u32 = 3;
    pub const DEAD: u32 = 4;
}

/// Processor states.
mod pstatus {
    pub const IDLE: u32 = 0;
    pub const RUNNING: u32 = 1;
    pub const SYSCALL: u32 = 2;
    pub const STOPPED: u32 = 3;
}

/// A goroutine.
pub struct G {
    /// Saved stack pointer while it is not running (or, in a system call
    /// or stopped for the collector, where its stack's live part starts).
    pub sp: usize,
    pub id: u64,
    /// Its stack `[lo, hi)` and the low end of the guard below it.
    pub stack_lo: usize,
    pub stack_hi: usize,
    pub guard_lo: usize,
    /// The `func()` value it runs (null once started).
    closure: *mut u8,
    entry: extern "C" fn(usize) -> !,
    pub status: AtomicU32,
    /// Why it waits (gc's wait reason): a static or Go-constant string.
    reason: (*const u8, usize),
    /// Set by whoever wakes it: which operation completed (channel code's
    /// business).
    pub param: usize,
    /// For a goroutine blocked in `select`: set by the first channel
    /// operation that completes one of its cases.
    pub select_done: AtomicU32,
    /// The panic machinery's per-goroutine state (see `defer`), 0 if none.
    pub defer_state: usize,
    /// Set while a fault is being turned into a panic.
    pub in_sigpanic: bool,
    /// Asked to yield at its next safe point.
    pub preempt: AtomicBool,
    /// A runtime goroutine (not counted by `NumGoroutine`).
    system: bool,
    /// `LockOSThread` nesting, and the M it is locked to.
    pub locked: u32,
    locked_m: *mut M,
    /// The part of `locked` that calls back from C hold (gc does not show
    /// those as `locked to thread`).
    cgo_locks: u32,
    /// Its stack has run code since its pages were last released.
    stack_used: bool,
    /// The coroutine it runs (see `coro`), null for other goroutines.
    coro: *mut u8,
}

/// An OS thread running goroutines.
pub struct M {
    /// The scheduler context's saved stack pointer while a goroutine runs.
    g0_sp: usize,
    /// The top of the thread's own stack.
    g0_hi: usize,
    /// The goroutine it runs (null on g0).
    curg: *mut G,
    p: *mut P,
    /// A P handed over by [`startm`] before waking it.
    next_p: *mut P,
    /// The goroutine locked to this thread (`LockOSThread`), and that
    /// goroutine when another thread hands it back to run.
    locked_g: *mut G,
    next_g: *mut G,
    /// Sleeping in `stop_locked_m` until handed its locked goroutine.
    waiting_locked: bool,
    note: Note,
    after: After,
    tid: sys::pthread_t,
    spinning: bool,
    rng: u64,
    /// The fault being turned into a panic (see `start`).
    pub fault: [usize; 4],
    /// While stopped for the collector on its own stack: where the live
    /// part of that stack starts (0 otherwise).
    stop_sp: AtomicUsize,
    /// On a C thread's M: the goroutine that runs its calls into Go, and
    /// the call (export thunk, frame) it is to make (see `callback`).
    cb_g: *mut G,
    cb: (usize, usize),
}

/// What g0 does once a goroutine has switched to it.
#[derive(Clone, Copy)]
enum After {
    Nothing,
    /// Parked: call `f(arg)` (releasing the lock it parked under).
    Park(usize, usize),
    /// Runnable again: to the global run queue.
    Yield,
    /// Exited: its G and stack can be reused.
    Exit,
    /// Back from a system call without a P: to the global run queue.
    NoP,
}

/// A processor: the right to run Go code.
pub struct P {
    id: usize,
    status: AtomicU32,
    runnext: AtomicPtr<G>,
    m: AtomicPtr<M>,
    /// Scheduling rounds and system calls so far (the monitor compares
    /// them between its rounds).
    schedtick: AtomicU64,
    syscalltick: AtomicU64,
    /// In the scheduler's idle list.
    in_idle: bool,
    /// Goroutines made runnable here (other Ps steal from it).
    runq: Lock<VecDeque<*mut G>>,
    /// Exited goroutines whose G and stack this P reuses first.
    gfree: Lock<Vec<*mut G>>,
}

/// Free Gs a P keeps before returning some to the scheduler.
const P_GFREE_MAX: usize = 64;
/// How often a P looks at the global queue first (gc: every 61 rounds),
/// so that its own queue cannot starve it.
const GLOBAL_FAIRNESS: u64 = 61;

struct Sched {
    runq: VecDeque<*mut G>,
    idle_p: Vec<*mut P>,
    idle_m: Vec<*mut M>,
    allp: Vec<*mut P>,
    allm: Vec<*mut M>,
    /// Every goroutine ever made (dead ones are in `free`).
    allg: Vec<*mut G>,
    free: Vec<*mut G>,
    next_id: u64,
    gomaxprocs: usize,
    /// Ms made (the monitor excluded), and those sleeping until their
    /// locked goroutine can run.
    mcount: usize,
    nmlocked: usize,
    /// Timers: (when, sequence number, G); a sleeping goroutine, or with
    /// G null the function timer of that number in `funcs`.
    timers: BinaryHeap<Reverse<(i64, u64, usize)>>,
    timer_seq: u64,
    /// Pending function timers (`time.Timer`, `time.Ticker`): number →
    /// (the `func()` to run, period in ns or 0).
    funcs: BTreeMap<u64, (*mut u8, i64)>,
    /// Function timers whose function is running now.
    firing: Vec<u64>,
    /// Goroutines blocked on each semaphore address, oldest first.
    sema: BTreeMap<usize, VecDeque<*mut G>>,
    /// Goroutines waiting on each notify list (`sync.Cond`), with their
    /// tickets.
    notify: BTreeMap<usize, VecDeque<(u32, *mut G)>>,
    /// A stop-the-world is in progress; Ps still to stop.
    stw: bool,
    stop_wait: usize,
}

// SAFETY: the raw pointers are to Gs, Ms and Ps, which are never freed
// and are shared between threads by design; the scheduler lock guards
// the structure.
unsafe impl Send for Sched {}

impl Sched {
    fn runq_push(&mut self, g: *mut G) {
        self.runq.push_back(g);
        GLOBAL_RUNQ.store(self.runq.len(), Ordering::Relaxed);
    }

    fn runq_pop(&mut self) -> Option<*mut G> {
        let g = self.runq.pop_front();
        GLOBAL_RUNQ.store(self.runq.len(), Ordering::Relaxed);
        g
    }
}

/// Takes a goroutine from the global queue if it looks non-empty.
fn global_pop() -> Option<*mut G> {
    if GLOBAL_RUNQ.load(Ordering::Relaxed) == 0 {
        return None;
    }
    SCHED.lock().runq_pop()
}

static SCHED: Lock<Sched> = Lock::new(Sched {
    runq: VecDeque::new(),
    idle_p: Vec::new(),
    idle_m: Vec::new(),
    allp: Vec::new(),
    allm: Vec::new(),
    allg: Vec::new(),
    free: Vec::new(),
    next_id: FIRST_USER_ID,
    gomaxprocs: 1,
    mcount: 0,
    nmlocked: 0,
    timers: BinaryHeap::new(),
    timer_seq: 0,
    funcs: BTreeMap::new(),
    firing: Vec::new(),
    sema: BTreeMap::new(),
    notify: BTreeMap::new(),
    stw: false,
    stop_wait: 0,
});

/// Counters read without the lock.
static NPIDLE: AtomicUsize = AtomicUsize::new(0);
static NMSPINNING: AtomicUsize = AtomicUsize::new(0);
static STW: AtomicBool = AtomicBool::new(false);
static NGOROUTINE: AtomicUsize = AtomicUsize::new(0);
/// Length of the global run queue (read without the lock).
static GLOBAL_RUNQ: AtomicUsize = AtomicUsize::new(0);
static GOMAXPROCS: AtomicUsize = AtomicUsize::new(1);
/// The main goroutine (its G is never reused).
static MAIN_G: AtomicPtr<G> = AtomicPtr::new(core::ptr::null_mut());
/// Woken when the last P stops for a stop-the-world.
static STW_NOTE: Note = Note::new();
/// Whether the scheduler runs (false in the runtime's unit tests, which
/// call Go-facing functions on plain threads).
static STARTED: AtomicBool = AtomicBool::new(false);

std::thread_local! {
    static CUR_M: Cell<*mut M> = const { Cell::new(core::ptr::null_mut()) };
}

/// The calling thread's M (null on threads the runtime did not make).
/// Never inlined: a goroutine may continue on another thread after any
/// switch, so the thread-local's address must not be kept across one.
#[inline(never)]
pub fn this_m() -> *mut M {
    CUR_M.with(Cell::get)
}

/// The running goroutine (null on a scheduler stack or a foreign thread).
pub fn current() -> *mut G {
    let m = this_m();
    if m.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: Ms are never freed.
    unsafe { (*m).curg }
}

/// The running goroutine's id (for panic reports); 1 before any
/// goroutine exists.
pub fn current_id() -> u64 {
    let g = current();
    if g.is_null() {
        return 1;
    }
    // SAFETY: live G.
    unsafe { (*g).id }
}

/// The running goroutine's stack guard `(guard_lo, stack_lo)` (for the
/// fault handler's overflow check).
pub fn fault_stack_bounds() -> Option<(usize, usize)> {
    let g = current();
    if g.is_null() {
        return None;
    }
    // SAFETY: live G.
    let g = unsafe { &*g };
    (g.stack_lo != 0).then_some((g.guard_lo, g.stack_lo))
}

/// `goroutine N [running]:` and a newline, N the running goroutine.
pub fn put_running_header(out: &mut dyn Sink) {
    out.put(b"goroutine ");
    crate::print::put_uint(out, current_id());
    let g = current();
    // SAFETY: the running G is live.
    if !g.is_null() && unsafe { (*g).locked > (*g).cgo_locks } {
        out.put(b" [running, locked to thread]:\n");
    } else {
        out.put(b" [running]:\n");
    }
}

/// A pseudo-random number (select's choice among ready cases).
pub fn fastrand() -> u64 {
    let m = this_m();
    if m.is_null() {
        return crate::rand::rgo_rand();
    }
    // SAFETY: the calling thread's own M.
    let m = unsafe { &mut *m };
    // xorshift64*
    let mut x = m.rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    m.rng = x;
    x.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

/// Whether a stop-the-world is waiting for this thread.
#[inline]
pub fn stw_requested() -> bool {
    STW.load(Ordering::Relaxed)
}

/// Makes `g` runnable; it runs next on this P (as gc's `ready`).
///
/// # Safety
/// `g` is a live goroutine, parked (or new) and no longer reachable by
/// any other waker.
pub unsafe fn ready(g: *mut G) {
    // SAFETY: caller.
    unsafe { ready_to(g, true) }
}

/// Makes `g` runnable: next on this P if `next`, else at the tail of
/// its run queue (timers firing together keep their deadline order).
///
/// # Safety
/// As [`ready`].
unsafe fn ready_to(g: *mut G, next: bool) {
    // SAFETY: caller.
    unsafe { (*g).status.store(status::RUNNABLE, Ordering::Release) };
    let m = this_m();
    // SAFETY: Ms and Ps are never freed.
    let p = if m.is_null() {
        core::ptr::null_mut()
    } else {
        unsafe { (*m).p }
    };
    if p.is_null() {
        SCHED.lock().runq_push(g);
    } else if !next {
        // SAFETY: as above.
        unsafe { (*p).runq.lock().push_back(g) };
    } else {
        // SAFETY: as above.
        let old = unsafe { (*p).runnext.swap(g, Ordering::AcqRel) };
        if !old.is_null() {
            // SAFETY: as above.
            unsafe { (*p).runq.lock().push_back(old) };
        }
    }
    wakep();
}

/// Starts an M spinning for work if a P is idle and none spins already.
fn wakep() {
    if NPIDLE.load(Ordering::Relaxed) == 0
        || NMSPINNING.load(Ordering::Relaxed) != 0
        || STW.load(Ordering::Relaxed)
        || !STARTED.load(Ordering::Relaxed)
    {
        return;
    }
    if NMSPINNING
        .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
        .is_err()
    {
        return;
    }
    let mut s = SCHED.lock();
    let Some(p) = pop_idle_p(&mut s) else {
        NMSPINNING.fetch_sub(1, Ordering::Relaxed);
        return;
    };
    startm(&mut s, p, true);
}

fn pop_idle_p(s: &mut Sched) -> Option<*mut P> {
    if s.stw {
        return None;
    }
    let p = s.idle_p.pop()?;
    NPIDLE.fetch_sub(1, Ordering::Relaxed);
    // SAFETY: Ps are never freed; an idle P is owned by the scheduler.
    unsafe {
        (*p).in_idle = false;
        (*p).status.store(pstatus::RUNNING, Ordering::Release);
    }
    Some(p)
}

/// An M gives up its P (running until now).
fn release_p(s: &mut Sched, p: *mut P) {
    if s.stw {
        // The stopper counted it as running: it is stopped now.
        // SAFETY: Ps are never freed; the caller held this one.
        unsafe {
            (*p).m.store(core::ptr::null_mut(), Ordering::Relaxed);
            (*p).status.store(pstatus::STOPPED, Ordering::Release);
        }
        s.stop_wait -= 1;
        if s.stop_wait == 0 {
            STW_NOTE.wake();
        }
        return;
    }
    push_idle_p(s, p);
}

fn push_idle_p(s: &mut Sched, p: *mut P) {
    // Its queued goroutines go to the global queue.
    // SAFETY: Ps are never freed.
    unsafe {
        let rn = (*p).runnext.swap(core::ptr::null_mut(), Ordering::AcqRel);
        if !rn.is_null() {
            s.runq_push(rn);
        }
        let local: Vec<*mut G> = (*p).runq.lock().drain(..).collect();
        for g in local {
            s.runq_push(g);
        }
    }
    // SAFETY: Ps are never freed; the caller gives this one up.
    unsafe {
        (*p).m.store(core::ptr::null_mut(), Ordering::Relaxed);
        if (*p).id >= s.gomaxprocs {
            // Beyond GOMAXPROCS: retired until it grows again.
            (*p).status.store(pstatus::IDLE, Ordering::Release);
            return;
        }
        (*p).status.store(pstatus::IDLE, Ordering::Release);
        if !(*p).in_idle {
            (*p).in_idle = true;
            s.idle_p.push(p);
            NPIDLE.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Gives P `p` to an idle M (or a new one) and wakes it.
fn startm(s: &mut Sched, p: *mut P, spinning: bool) {
    let m = match s.idle_m.pop() {
        Some(m) => m,
        None => newm(s),
    };
    // SAFETY: an idle M sleeps on its note and reads `next_p` after it.
    unsafe {
        (*m).next_p = p;
        (*m).spinning = spinning;
        (*p).m.store(m, Ordering::Relaxed);
        (*m).note.wake();
    }
}

fn alloc_m(s: &mut Sched) -> *mut M {
    let id = s.allm.len();
    let m = Box::into_raw(Box::new(M {
        g0_sp: 0,
        g0_hi: 0,
        curg: core::ptr::null_mut(),
        p: core::ptr::null_mut(),
        next_p: core::ptr::null_mut(),
        locked_g: core::ptr::null_mut(),
        next_g: core::ptr::null_mut(),
        waiting_locked: false,
        note: Note::new(),
        after: After::Nothing,
        tid: 0,
        spinning: false,
        rng: (sys::clock_ns(sys::CLOCK_MONOTONIC) as u64 ^ (id as u64) << 32) | 1,
        fault: [0; 4],
        stop_sp: AtomicUsize::new(0),
        cb_g: core::ptr::null_mut(),
        cb: (0, 0),
    }));
    s.allm.push(m);
    s.mcount += 1;
    m
}

/// A new M on a new thread; it sleeps until given a P.
fn newm(s: &mut Sched) -> *mut M {
    let m = alloc_m(s);
    if !sys::spawn_detached(mstart, m as usize) {
        crate::panic::fatal(b"newosproc: cannot create a thread");
    }
    m
}

extern "C" fn mstart(arg: *mut core::ffi::c_void) -> *mut core::ffi::c_void {
    let m = arg as *mut M;
    minit(m);
    // Wait for the P `startm` hands over.
    loop {
        // SAFETY: our own M.
        let mm = unsafe { &mut *m };
        mm.note.sleep(-1);
        mm.note.clear();
        let s = SCHED.lock();
        if !mm.next_p.is_null() {
            mm.p = core::mem::replace(&mut mm.next_p, core::ptr::null_mut());
            drop(s);
            break;
        }
    }
    schedule_loop(m)
}

/// Binds the calling thread to `m`.
fn minit(m: *mut M) {
    CUR_M.with(|c| c.set(m));
    crate::start::set_alt_stack();
    let here = 0usize;
    // SAFETY: the thread's own M.
    unsafe {
        (*m).tid = sys::pthread_self();
        (*m).g0_hi = (&here as *const usize as usize + 4096) & !4095;
    }
}

/// The scheduler of M `m`, on its own stack: runs goroutines until the
/// process exits.
fn schedule_loop(m: *mut M) -> ! {
    // SAFETY: the thread's own M; Ps and Gs are never freed.
    let mm = unsafe { &mut *m };
    loop {
        if mm.p.is_null() {
            acquire_p(mm);
            continue;
        }
        if STW.load(Ordering::Acquire) {
            stop_here();
            continue;
        }
        // SAFETY: held P.
        let p = unsafe { &*mm.p };
        if p.id >= GOMAXPROCS.load(Ordering::Relaxed) {
            let mut s = SCHED.lock();
            release_p(&mut s, mm.p);
            mm.p = core::ptr::null_mut();
            continue;
        }
        run_timers();
        match find_runnable(mm) {
            Some(g) => {
                if mm.spinning {
                    mm.spinning = false;
                    if NMSPINNING.fetch_sub(1, Ordering::AcqRel) == 1 {
                        wakep();
                    }
                }
                // SAFETY: a runnable G.
                let lm = unsafe { (*g).locked_m };
                if !lm.is_null() && lm != m {
                    start_locked_m(mm, lm, g);
                    continue;
                }
                execute(mm, g);
                if !mm.locked_g.is_null() {
                    stop_locked_m(mm);
                }
            }
            None => idle(mm),
        }
    }
}

/// `g`, locked to thread `lm`, is runnable: hands it and this M's P to
/// `lm`, then sleeps until given a P.
fn start_locked_m(mm: &mut M, lm: *mut M, g: *mut G) {
    let mut s = SCHED.lock();
    // SAFETY: Ms are never freed.
    if !unsafe { (*lm).waiting_locked } {
        // Its thread has not finished giving up its P yet: try again.
        s.runq_push(g);
        return;
    }
    // `lm` counts as running from here (not once it wakes: a deadlock
    // check in between must not take it for asleep).
    s.nmlocked -= 1;
    // SAFETY: Ms are never freed; `lm` sleeps in `stop_locked_m`.
    unsafe {
        (*lm).waiting_locked = false;
        (*lm).next_g = g;
        (*lm).next_p = mm.p;
        (*mm.p).m.store(lm, Ordering::Relaxed);
        (*lm).note.wake();
    }
    mm.p = core::ptr::null_mut();
    let me: *mut M = mm;
    s.idle_m.push(me);
    drop(s);
    sleep_for_p(mm);
}

/// This M's locked goroutine stopped running (blocked or yielded): the M
/// gives its P away and sleeps until the goroutine is handed back, then
/// runs it.
fn stop_locked_m(mm: &mut M) {
    loop {
        let g = mm.locked_g;
        // SAFETY: the locked G is live.
        let (st, owner) = unsafe { ((*g).status.load(Ordering::Acquire), (*g).locked_m) };
        if st == status::DEAD || !core::ptr::eq(owner, mm) {
            mm.locked_g = core::ptr::null_mut();
            return;
        }
        let mut s = SCHED.lock();
        if !mm.p.is_null() {
            release_p(&mut s, mm.p);
            mm.p = core::ptr::null_mut();
        }
        s.nmlocked += 1;
        mm.waiting_locked = true;
        let work = !s.runq.is_empty();
        check_dead(&s);
        drop(s);
        if work {
            wakep();
        }
        let handed = loop {
            mm.note.sleep(-1);
            mm.note.clear();
            let _s = SCHED.lock();
            if !mm.next_g.is_null() {
                mm.p = core::mem::replace(&mut mm.next_p, core::ptr::null_mut());
                break core::mem::replace(&mut mm.next_g, core::ptr::null_mut());
            }
        };
        execute(mm, handed);
        if mm.locked_g.is_null() {
            return;
        }
    }
}

/// Runs `g` until it switches back, then does what it asked for.
fn execute(mm: &mut M, g: *mut G) {
    // SAFETY: `g` is runnable and ours now; its `sp` was saved by a
    // switch or prepared by `init_stack`.
    unsafe {
        mm.curg = g;
        (*g).status.store(status::RUNNING, Ordering::Release);
        (*mm.p).schedtick.fetch_add(1, Ordering::Relaxed);
        stack::set_limit(stack::limit_for((*g).stack_lo));
        switch::rgo_ctx_switch(&mut mm.g0_sp, (*g).sp);
    }
    stack::set_limit(0);
    let g = core::mem::replace(&mut mm.curg, core::ptr::null_mut());
    match core::mem::replace(&mut mm.after, After::Nothing) {
        After::Nothing => {}
        After::Park(f, arg) => {
            if f != 0 {
                // SAFETY: set by `park_unlock` to a `fn(usize)`.
                let f: fn(usize) = unsafe { core::mem::transmute(f) };
                f(arg);
            }
        }
        After::Yield | After::NoP => SCHED.lock().runq_push(g),
        After::Exit => {
            if g == MAIN_G.load(Ordering::Relaxed) {
                return;
            }
            // SAFETY: a P is held (an exiting goroutine ran on it).
            let mut free = unsafe { (*mm.p).gfree.lock() };
            free.push(g);
            if free.len() > P_GFREE_MAX {
                let half: Vec<*mut G> = free.drain(..P_GFREE_MAX / 2).collect();
                drop(free);
                SCHED.lock().free.extend(half);
            }
        }
    }
}

/// The next goroutine for `mm`'s P: its `runnext`, the global queue, or
/// one stolen from another P.
fn find_runnable(mm: &mut M) -> Option<*mut G> {
    // SAFETY: held P.
    let p = unsafe { &*mm.p };
    if p.schedtick.load(Ordering::Relaxed) % GLOBAL_FAIRNESS == 0 {
        if let Some(g) = global_pop() {
            return Some(g);
        }
    }
    let g = p.runnext.swap(core::ptr::null_mut(), Ordering::AcqRel);
    if !g.is_null() {
        return Some(g);
    }
    if let Some(g) = p.runq.lock().pop_front() {
        return Some(g);
    }
    if let Some(g) = global_pop() {
        return Some(g);
    }
    // Spin a little (bounded by half the busy Ps, as gc), looking at the
    // other Ps' `runnext`: one that stays there while its P is busy is
    // taken.
    if !mm.spinning {
        let busy = GOMAXPROCS.load(Ordering::Relaxed) - NPIDLE.load(Ordering::Relaxed);
        if 2 * NMSPINNING.load(Ordering::Relaxed) >= busy {
            return None;
        }
        mm.spinning = true;
        NMSPINNING.fetch_add(1, Ordering::AcqRel);
    }
    let allp: Vec<*mut P> = SCHED.lock().allp.clone();
    // A goroutine in another P's `runnext` is taken only if that P has
    // not scheduled for the whole spin (about 50 µs): one that goroutines
    // hand work to in turn keeps its pipeline to itself.
    // SAFETY: Ps are never freed.
    let ticks: Vec<u64> = allp
        .iter()
        .map(|&q| unsafe { (*q).schedtick.load(Ordering::Relaxed) })
        .collect();
    for round in 0..50 {
        if STW.load(Ordering::Relaxed) {
            return None;
        }
        if let Some(g) = global_pop() {
            return Some(g);
        }
        if let Some(g) = steal(mm.p, &allp) {
            return Some(g);
        }
        if round >= 10 {
            for (i, &q) in allp.iter().enumerate() {
                if q == mm.p {
                    continue;
                }
                // SAFETY: Ps are never freed.
                let q = unsafe { &*q };
                if q.schedtick.load(Ordering::Relaxed) == ticks[i]
                    && !q.runnext.load(Ordering::Relaxed).is_null()
                {
                    let g = q.runnext.swap(core::ptr::null_mut(), Ordering::AcqRel);
                    if !g.is_null() {
                        return Some(g);
                    }
                }
            }
        }
        for _ in 0..100 {
            core::hint::spin_loop();
        }
    }
    None
}

/// Takes half of another P's queue: runs the first, queues the rest on
/// `mine`.
fn steal(mine: *mut P, allp: &[*mut P]) -> Option<*mut G> {
    for &q in allp {
        if q == mine {
            continue;
        }
        // SAFETY: Ps are never freed.
        let mut vq = unsafe { (*q).runq.lock() };
        let n = vq.len();
        if n == 0 {
            continue;
        }
        let take = n - n / 2;
        let mut got: Vec<*mut G> = vq.drain(..take).collect();
        drop(vq);
        let first = got.remove(0);
        if !got.is_empty() {
            // SAFETY: our own P.
            unsafe { (*mine).runq.lock().extend(got) };
        }
        return Some(first);
    }
    None
}

/// Gives up `mm`'s P and sleeps until handed one (or reports a deadlock
/// if nothing can ever run again).
fn idle(mm: &mut M) {
    let mut s = SCHED.lock();
    if let Some(g) = s.runq_pop() {
        // Found late: queue it on our own P.
        drop(s);
        // SAFETY: held P.
        unsafe { (*mm.p).runq.lock().push_back(g) };
        return;
    }
    // SAFETY: held P.
    unsafe {
        if !(*mm.p).runnext.load(Ordering::Acquire).is_null() || !(*mm.p).runq.lock().is_empty() {
            return;
        }
    }
    let was_spinning = core::mem::replace(&mut mm.spinning, false);
    if was_spinning {
        NMSPINNING.fetch_sub(1, Ordering::AcqRel);
    }
    release_p(&mut s, mm.p);
    mm.p = core::ptr::null_mut();
    let m: *mut M = mm;
    s.idle_m.push(m);
    check_dead(&s);
    drop(s);
    sleep_for_p(mm);
}

/// Sleeps until another thread hands `mm` a P.
fn sleep_for_p(mm: &mut M) {
    loop {
        mm.note.sleep(-1);
        mm.note.clear();
        let _s = SCHED.lock();
        if !mm.next_p.is_null() {
            mm.p = core::mem::replace(&mut mm.next_p, core::ptr::null_mut());
            return;
        }
    }
}

/// An M without a P (back from a system call): takes an idle one or
/// sleeps until given one.
fn acquire_p(mm: &mut M) {
    let mut s = SCHED.lock();
    if let Some(p) = pop_idle_p(&mut s) {
        // SAFETY: Ps are never freed.
        unsafe { (*p).m.store(mm, Ordering::Relaxed) };
        mm.p = p;
        return;
    }
    let m: *mut M = mm;
    s.idle_m.push(m);
    check_dead(&s);
    drop(s);
    sleep_for_p(mm);
}

/// gc's report when no goroutine can ever run again: every M sleeps,
/// none is in a system call, and no timer is pending.
fn check_dead(s: &Sched) {
    if callback::ISCGO.load(Ordering::Relaxed) {
        return;
    }
    if s.idle_m.len() + s.nmlocked < s.mcount || !s.runq.is_empty() || s.stw {
        return;
    }
    for &p in &s.allp {
        // SAFETY: Ps are never freed.
        if !unsafe { (*p).runq.lock() }.is_empty() {
            return;
        }
    }
    if s.timers
        .iter()
        .any(|Reverse((_, seq, g))| *g != 0 || s.funcs.contains_key(seq))
    {
        return;
    }
    for &p in &s.allp {
        // SAFETY: Ps are never freed.
        if !unsafe { (*p).runnext.load(Ordering::Acquire) }.is_null() {
            return;
        }
    }
    let out = &mut Stderr;
    let main = MAIN_G.load(Ordering::Relaxed);
    // SAFETY: Gs are never freed.
    if main.is_null() || unsafe { (*main).status.load(Ordering::Acquire) } == status::DEAD {
        out.put(b"fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
        sys::exit(2)
    }
    out.put(b"fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [");
    // SAFETY: main is live; its reason is a static or Go-constant string.
    let (p, n) = unsafe { (*main).reason };
    if !p.is_null() {
        // SAFETY: as above.
        out.put(unsafe { core::slice::from_raw_parts(p, n) });
    }
    out.put(b"]:\n");
    sys::exit(2)
}

/// Switches from the running goroutine to its M's scheduler, which does
/// `after`; returns when the goroutine runs again (maybe on another M).
fn switch_to_g0(after: After) {
    let m = this_m();
    // SAFETY: called on a goroutine, so `m` is this thread's M with a
    // current G.
    unsafe {
        let g = (*m).curg;
        (*m).after = after;
        switch::rgo_ctx_switch(&mut (*g).sp, (*m).g0_sp);
    }
}

/// Blocks the running goroutine until [`ready`] is called on it.
pub fn park(reason: &'static [u8]) {
    park_unlock(reason.as_ptr(), reason.len(), None);
}

/// Blocks the running goroutine; once it is off its stack, the scheduler
/// calls `unlock(arg)` (so that a waker, who must take the lock released
/// there, cannot find it before it has stopped running).
pub fn park_unlock(reason: *const u8, len: usize, unlock: Option<(fn(usize), usize)>) {
    let g = current();
    // SAFETY: the running G is live.
    unsafe {
        (*g).status.store(status::WAITING, Ordering::Release);
        (*g).reason = (reason, len);
    }
    let (f, a) = unlock.map_or((0, 0), |(f, a)| (f as usize, a));
    switch_to_g0(After::Park(f, a));
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

/// Wakes the goroutines whose sleep has ended and runs the functions of
/// the timers that fired (on the scheduler's stack: they never block).
fn run_timers() {
    let now = sys::clock_ns(sys::CLOCK_MONOTONIC);
    loop {
        let mut s = SCHED.lock();
        let Some(Reverse((when, seq, g))) = s.timers.peek().copied() else {
            return;
        };
        if when > now {
            return;
        }
        s.timers.pop();
        if g != 0 {
            drop(s);
            // SAFETY: a sleeping goroutine's entry: it is parked, live.
            // Queued at the tail: sleepers due together wake in deadline
            // order.
            unsafe { ready_to(g as *mut G, false) };
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
        s.firing.push(seq);
        drop(s);
        // SAFETY: `f` is a Go `func()` value (see `rgo_starttimer`).
        unsafe { call_func(f) };
        let mut s = SCHED.lock();
        if let Some(i) = s.firing.iter().position(|&q| q == seq) {
            s.firing.swap_remove(i);
        }
    }
}

/// When the earliest pending timer fires.
fn next_timer(s: &mut Sched) -> Option<i64> {
    while let Some(Reverse((when, seq, g))) = s.timers.peek().copied() {
        if g == 0 && !s.funcs.contains_key(&seq) {
            s.timers.pop();
            continue;
        }
        return Some(when);
    }
    None
}

/// Starts a timer running the `func()` value `f` after `delay` ns, then
/// every `period` ns if positive; returns its number for
/// [`rgo_stoptimer`]. `f` runs on the scheduler and must not block.
///
/// # Safety
/// `f` is a non-nil Go func value of type `func()`.
#[no_mangle]
pub unsafe extern "C" fn rgo_starttimer(delay: i64, period: i64, f: *mut u8) -> i64 {
    let when = sys::clock_ns(sys::CLOCK_MONOTONIC).saturating_add(delay.max(0));
    let mut s = SCHED.lock();
    s.timer_seq += 1;
    let seq = s.timer_seq;
    s.funcs.insert(seq, (f, period));
    s.timers.push(Reverse((when, seq, 0)));
    drop(s);
    preempt::timer_added(when);
    seq as i64
}

/// Stops timer `id`; whether it was pending. If its function is running
/// on another thread, waits for it to finish, so that nothing it sends
/// arrives after this returns (Go 1.23 timers).
#[no_mangle]
pub extern "C" fn rgo_stoptimer(id: i64) -> bool {
    let seq = id as u64;
    let mut s = SCHED.lock();
    let pending = s.funcs.remove(&seq).is_some();
    while s.firing.contains(&seq) {
        drop(s);
        // SAFETY: sched_yield has no preconditions.
        unsafe { sys::sched_yield() };
        s = SCHED.lock();
    }
    pending
}

/// First code of every new goroutine (on its own stack).
extern "C" fn goroutine_entry(g: usize) -> ! {
    let g = g as *mut G;
    // SAFETY: `g` is the live G this stack was made for; its closure is
    // taken off it (the stack holds it now).
    let clo = unsafe { core::mem::replace(&mut (*g).closure, core::ptr::null_mut()) };
    // SAFETY: `rgo_go` was given a `func()` value.
    unsafe { call_func(clo) };
    goexit()
}

/// Ends the running goroutine (its function returned, or `Goexit`).
pub fn goexit() -> ! {
    let g = current();
    // SAFETY: the running G is live.
    if !unsafe { (*g).coro }.is_null() {
        // SAFETY: the running goroutine is a coroutine's.
        unsafe { coro::exit(g) };
    }
    retire(g);
    switch_to_g0(After::Exit);
    unreachable!("a dead goroutine was scheduled")
}

/// Marks the running goroutine `g` dead, its state reset for reuse.
fn retire(g: *mut G) {
    // SAFETY: the running G is live.
    unsafe {
        if !(*g).system {
            NGOROUTINE.fetch_sub(1, Ordering::Relaxed);
        }
        crate::defer::reset(&mut (*g).defer_state);
        (*g).preempt.store(false, Ordering::Relaxed);
        (*g).locked = 0;
        (*g).cgo_locks = 0;
        (*g).locked_m = core::ptr::null_mut();
        (*this_m()).locked_g = core::ptr::null_mut();
        (*g).status.store(status::DEAD, Ordering::Release);
    }
}

/// `go f()`: starts a goroutine running the `func()` value `closure`.
///
/// # Safety
/// `closure` is a non-nil Go func value of type `func()`.
#[no_mangle]
pub unsafe extern "C" fn rgo_go(closure: *mut u8) {
    NGOROUTINE.fetch_add(1, Ordering::Relaxed);
    let g = new_g(closure, None);
    // SAFETY: the new goroutine is not queued anywhere yet.
    unsafe { ready(g) };
}

/// The next goroutine id.
pub fn take_goid() -> u64 {
    let mut s = SCHED.lock();
    s.next_id += 1;
    s.next_id - 1
}

/// Starts a runtime goroutine (gc's system goroutines): it has id `id`
/// and `NumGoroutine` does not count it.
///
/// # Safety
/// As `rgo_go`.
pub unsafe fn spawn_system(closure: *mut u8, id: u64) -> *mut G {
    let g = new_g(closure, Some(id));
    // SAFETY: as in `rgo_go`.
    unsafe { ready(g) };
    g
}

/// A new goroutine (not yet runnable) that will run `closure`.
fn new_g(closure: *mut u8, system_id: Option<u64>) -> *mut G {
    let mut s = SCHED.lock();
    let id = match system_id {
        Some(id) => id,
        None => {
            s.next_id += 1;
            s.next_id - 1
        }
    };
    let m = this_m();
    // SAFETY: Ms and Ps are never freed.
    let p = if m.is_null() {
        core::ptr::null_mut()
    } else {
        unsafe { (*m).p }
    };
    // SAFETY: as above.
    let local = if p.is_null() {
        None
    } else {
        unsafe { (*p).gfree.lock().pop() }
    };
    let g = match local.or_else(|| s.free.pop()) {
        Some(g) => g,
        None => {
            drop(s);
            let g = alloc_g(stack::STACK_SIZE, 0);
            s = SCHED.lock();
            s.allg.push(g);
            g
        }
    };
    drop(s);
    // SAFETY: `g` is a dead or fresh G no one else refers to; its stack
    // is writable and unused.
    unsafe {
        (*g).id = id;
        (*g).closure = closure;
        (*g).entry = goroutine_entry;
        (*g).param = 0;
        (*g).system = system_id.is_some();
        (*g).in_sigpanic = false;
        (*g).stack_used = true;
        (*g).coro = core::ptr::null_mut();
        (*g).sp = switch::init_stack((*g).stack_hi, g as usize, goroutine_entry);
        (*g).status.store(status::RUNNABLE, Ordering::Release);
    }
    g
}

/// A G with a fresh stack of `size` bytes above a `guard`-byte
/// inaccessible region.
fn alloc_g(size: usize, guard: usize) -> *mut G {
    let (guard_lo, lo, hi) = stack::alloc(size, guard);
    Box::into_raw(Box::new(G {
        sp: 0,
        id: 0,
        stack_lo: lo,
        stack_hi: hi,
        guard_lo,
        closure: core::ptr::null_mut(),
        entry: goroutine_entry,
        status: AtomicU32::new(status::DEAD),
        reason: (core::ptr::null(), 0),
        param: 0,
        select_done: AtomicU32::new(0),
        defer_state: 0,
        in_sigpanic: false,
        preempt: AtomicBool::new(false),
        system: false,
        locked: 0,
        locked_m: core::ptr::null_mut(),
        cgo_locks: 0,
        stack_used: false,
        coro: core::ptr::null_mut(),
    }))
}

/// Starts the scheduler on the calling thread (the process's main
/// thread, which becomes M0's scheduler): the main goroutine runs
/// `main_fn` on a 1 GB stack; never returns.
pub fn start(main_fn: extern "C" fn(usize) -> !) -> ! {
    let procs = initial_procs();
    let mut s = SCHED.lock();
    s.gomaxprocs = procs;
    GOMAXPROCS.store(procs, Ordering::Relaxed);
    for id in 0..procs {
        let p = new_p(id);
        s.allp.push(p);
    }
    let m0 = alloc_m(&mut s);
    let main = alloc_g(stack::MAX_STACK, stack::MAIN_GUARD);
    // SAFETY: fresh G and M, not shared yet.
    unsafe {
        (*main).id = 1;
        (*main).entry = main_fn;
        (*main).sp = switch::init_stack((*main).stack_hi, main as usize, main_fn);
        (*main).status.store(status::RUNNABLE, Ordering::Release);
    }
    NGOROUTINE.store(1, Ordering::Relaxed);
    s.allg.push(main);
    MAIN_G.store(main, Ordering::Relaxed);
    let p0 = s.allp[0];
    for &p in s.allp.clone().iter().skip(1).rev() {
        push_idle_p(&mut s, p);
    }
    // SAFETY: M0 and P0 are ours.
    unsafe {
        (*p0).status.store(pstatus::RUNNING, Ordering::Release);
        (*p0).m.store(m0, Ordering::Relaxed);
        (*p0).runnext.store(main, Ordering::Release);
        (*m0).p = p0;
    }
    drop(s);
    minit(m0);
    STARTED.store(true, Ordering::Release);
    preempt::start_sysmon();
    schedule_loop(m0)
}

fn new_p(id: usize) -> *mut P {
    Box::into_raw(Box::new(P {
        id,
        status: AtomicU32::new(pstatus::IDLE),
        runnext: AtomicPtr::new(core::ptr::null_mut()),
        m: AtomicPtr::new(core::ptr::null_mut()),
        schedtick: AtomicU64::new(0),
        syscalltick: AtomicU64::new(0),
        in_idle: false,
        runq: Lock::new(VecDeque::new()),
        gfree: Lock::new(Vec::new()),
    }))
}

/// `GOMAXPROCS` from the environment, else the CPUs we may use.
fn initial_procs() -> usize {
    let n = crate::mem::gc::pacer::env(b"GOMAXPROCS")
        .and_then(|v| core::str::from_utf8(&v).ok()?.parse::<usize>().ok())
        .filter(|&n| n > 0);
    n.unwrap_or_else(|| crate::os::rgo_ncpu() as usize)
        .clamp(1, 256)
}

/// The collector's roots held by the scheduler: every live goroutine's
/// stack (the collecting one's from `sp`, the others' from where they
/// were suspended, below the registers they saved), the stacks of Ms
/// stopped on their own stack, the `func()` of goroutines not yet
/// started, the coroutines goroutines run, the functions of pending
/// timers, and the panic machinery's per-goroutine state.
pub fn scan_roots(mk: &mut crate::mem::gc::mark::Marker, sp: usize) {
    if !STARTED.load(Ordering::Acquire) {
        return;
    }
    let me = this_m();
    let cur = current();
    let s = SCHED.lock();
    for &g in &s.allg {
        // SAFETY: Gs are never freed; the world is stopped.
        let g = unsafe { &*g };
        let st = g.status.load(Ordering::Acquire);
        // An exiting goroutine runs on its stack until it switches away.
        if st == status::DEAD && !core::ptr::eq(g, cur) {
            continue;
        }
        let lo = if core::ptr::eq(g, cur) { sp } else { g.sp };
        mk.scan_conservative(lo, g.stack_hi);
        mk.mark(g.closure as usize);
        mk.mark(g.coro as usize);
        crate::defer::scan_state(mk, g.defer_state);
    }
    for &m in &s.allm {
        // SAFETY: Ms are never freed.
        let m = unsafe { &*m };
        if core::ptr::eq(m, me) && cur.is_null() {
            mk.scan_conservative(sp, m.g0_hi);
            continue;
        }
        let stop = m.stop_sp.load(Ordering::Acquire);
        if stop != 0 {
            mk.scan_conservative(stop, m.g0_hi);
        }
    }
    for &(f, _) in s.funcs.values() {
        mk.mark(f as usize);
    }
}

/// Gives the stack pages of exited goroutines back to the kernel (their
/// Gs stay for reuse), as gc frees unused stacks at each collection.
/// Called with the world stopped, so no goroutine is being started.
pub fn release_dead_stacks() {
    if !STARTED.load(Ordering::Acquire) {
        return;
    }
    let cur = current();
    let s = SCHED.lock();
    for &g in &s.allg {
        // SAFETY: Gs are never freed; a dead G's stack is unused (the
        // running goroutine's excepted: it may be exiting on it).
        unsafe {
            if (*g).stack_used && g != cur && (*g).status.load(Ordering::Acquire) == status::DEAD {
                stack::release_below((*g).stack_lo, (*g).stack_hi);
                (*g).stack_used = false;
            }
        }
    }
}

/// `runtime.Gosched`: lets the other runnable goroutines run first.
#[no_mangle]
pub extern "C" fn rgo_gosched() {
    if !STARTED.load(Ordering::Relaxed) || current().is_null() {
        return;
    }
    safepoint();
    switch_to_g0(After::Yield);
}

/// Yields the processor because the monitor asked (see `preempt`).
pub fn preempted() {
    let g = current();
    if g.is_null() {
        return;
    }
    // SAFETY: the running G.
    unsafe {
        (*g).preempt.store(false, Ordering::Relaxed);
        (*g).status.store(status::RUNNABLE, Ordering::Release);
    }
    switch_to_g0(After::Yield);
}

/// Whether a goroutine waiting for a `sync.Mutex` may spin (round
/// `iter`) rather than sleep: only a few rounds, on a multiprocessor, with
/// another P busy (the holder may be running) and nothing waiting to run
/// here (gc's `sync_runtime_canSpin`).
#[no_mangle]
pub extern "C" fn rgo_canspin(iter: isize) -> bool {
    let procs = GOMAXPROCS.load(Ordering::Relaxed);
    if iter >= 4
        || procs <= 1
        || procs <= NPIDLE.load(Ordering::Relaxed) + NMSPINNING.load(Ordering::Relaxed) + 1
    {
        return false;
    }
    let m = this_m();
    // SAFETY: Ms and Ps are never freed.
    m.is_null()
        || unsafe { (*m).p.is_null() || (*(*m).p).runnext.load(Ordering::Relaxed).is_null() }
}

/// `n` rounds of the CPU's spin-wait hint.
#[no_mangle]
pub extern "C" fn rgo_procyield(n: isize) {
    for _ in 0..n {
        core::hint::spin_loop();
    }
}

/// `runtime.NumGoroutine`.
#[no_mangle]
pub extern "C" fn rgo_numgoroutine() -> isize {
    NGOROUTINE.load(Ordering::Relaxed).max(1) as isize
}

/// `runtime.GOMAXPROCS(n)`: the previous setting; changes it if n > 0.
#[no_mangle]
pub extern "C" fn rgo_gomaxprocs(n: isize) -> isize {
    let old = GOMAXPROCS.load(Ordering::Relaxed);
    if n <= 0 || n as usize == old || !STARTED.load(Ordering::Relaxed) {
        return old as isize;
    }
    let n = (n as usize).min(256);
    stop_the_world();
    let mut s = SCHED.lock();
    while s.allp.len() < n {
        let p = new_p(s.allp.len());
        // Counted as stopped: `start_the_world` makes it idle.
        // SAFETY: fresh P.
        unsafe { (*p).status.store(pstatus::STOPPED, Ordering::Release) };
        s.allp.push(p);
    }
    s.gomaxprocs = n;
    GOMAXPROCS.store(n, Ordering::Relaxed);
    // Idle Ps beyond the new count leave the idle list.
    let mut kept = Vec::new();
    for p in core::mem::take(&mut s.idle_p) {
        // SAFETY: Ps are never freed.
        unsafe {
            if (*p).id < n {
                kept.push(p);
            } else {
                (*p).in_idle = false;
                NPIDLE.fetch_sub(1, Ordering::Relaxed);
            }
        }
    }
    s.idle_p = kept;
    drop(s);
    start_the_world();
    old as isize
}

/// `time.Sleep`: blocks the running goroutine for `ns` nanoseconds,
/// letting the others run.
#[no_mangle]
pub extern "C" fn rgo_gosleep(ns: i64) {
    if ns <= 0 {
        return;
    }
    let when = sys::clock_ns(sys::CLOCK_MONOTONIC).saturating_add(ns);
    let g = current();
    let mut s = SCHED.lock();
    s.timer_seq += 1;
    let seq = s.timer_seq;
    s.timers.push(Reverse((when, seq, g as usize)));
    s.leak();
    preempt::timer_added(when);
    let r = b"sleep";
    park_unlock(r.as_ptr(), r.len(), Some((unlock_sched, 0)));
}

fn unlock_sched(_: usize) {
    SCHED.raw().unlock();
}

/// Takes one unit of the semaphore at `addr` (a `uint32` count),
/// blocking while it is zero; `reason` is the wait reason shown if the
/// program deadlocks there.
pub fn sema_acquire(addr: &AtomicU32, reason: &[u8]) {
    loop {
        if try_sema(addr) {
            return;
        }
        let mut s = SCHED.lock();
        // Checked again under the lock, which releases take too: a
        // release cannot slip between the check and the wait.
        if try_sema(addr) {
            return;
        }
        let key = addr.as_ptr() as usize;
        s.sema.entry(key).or_default().push_back(current());
        s.leak();
        park_unlock(reason.as_ptr(), reason.len(), Some((unlock_sched, 0)));
    }
}

fn try_sema(addr: &AtomicU32) -> bool {
    let mut n = addr.load(Ordering::Acquire);
    while n > 0 {
        match addr.compare_exchange(n, n - 1, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return true,
            Err(cur) => n = cur,
        }
    }
    false
}

/// Adds one unit to the semaphore at `addr`, waking its oldest waiter.
pub fn sema_release(addr: &AtomicU32) {
    addr.fetch_add(1, Ordering::AcqRel);
    let key = addr.as_ptr() as usize;
    let mut s = SCHED.lock();
    let Some(q) = s.sema.get_mut(&key) else {
        return;
    };
    let g = q.pop_front();
    if q.is_empty() {
        s.sema.remove(&key);
    }
    drop(s);
    if let Some(g) = g {
        // SAFETY: queued semaphore waiters are parked, live goroutines.
        unsafe { ready(g) };
    }
}

/// A notify list (gc's, under `sync.Cond`): `[wait, notify]`, the next
/// ticket to hand out and the next to wake. Tickets make a wake-up go to
/// a goroutine that was waiting when it was sent, never to a later one.
#[repr(C)]
pub struct NotifyList {
    wait: AtomicU32,
    notify: AtomicU32,
}

/// `a` was handed out before `b` (tickets wrap around).
fn ticket_before(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

/// Takes a ticket (before releasing the Cond's lock).
///
/// # Safety
/// `l` points to a live notify list.
#[no_mangle]
pub unsafe extern "C" fn rgo_notify_add(l: *mut NotifyList) -> u32 {
    // SAFETY: caller.
    unsafe { (*l).wait.fetch_add(1, Ordering::AcqRel) }
}

/// Waits until ticket `t` is notified.
///
/// # Safety
/// `l` points to a live notify list.
#[no_mangle]
pub unsafe extern "C" fn rgo_notify_wait(l: *mut NotifyList, t: u32) {
    let mut s = SCHED.lock();
    // SAFETY: caller.
    if ticket_before(t, unsafe { (*l).notify.load(Ordering::Acquire) }) {
        return;
    }
    s.notify
        .entry(l as usize)
        .or_default()
        .push_back((t, current()));
    s.leak();
    let r = b"sync.Cond.Wait";
    park_unlock(r.as_ptr(), r.len(), Some((unlock_sched, 0)));
}

/// Wakes every waiter (`Cond.Broadcast`).
///
/// # Safety
/// `l` points to a live notify list.
#[no_mangle]
pub unsafe extern "C" fn rgo_notify_all(l: *mut NotifyList) {
    // SAFETY: caller.
    let l = unsafe { &*l };
    if l.wait.load(Ordering::Acquire) == l.notify.load(Ordering::Acquire) {
        return;
    }
    let mut s = SCHED.lock();
    l.notify
        .store(l.wait.load(Ordering::Acquire), Ordering::Release);
    let woken = s.notify.remove(&(l as *const NotifyList as usize));
    drop(s);
    for (_, g) in woken.into_iter().flatten() {
        // SAFETY: queued waiters are parked, live goroutines.
        unsafe { ready(g) };
    }
}

/// Wakes the oldest waiter (`Cond.Signal`).
///
/// # Safety
/// `l` points to a live notify list.
#[no_mangle]
pub unsafe extern "C" fn rgo_notify_one(l: *mut NotifyList) {
    // SAFETY: caller.
    let l = unsafe { &*l };
    if l.wait.load(Ordering::Acquire) == l.notify.load(Ordering::Acquire) {
        return;
    }
    let mut s = SCHED.lock();
    let t = l.notify.load(Ordering::Acquire);
    if t == l.wait.load(Ordering::Acquire) {
        return;
    }
    l.notify.store(t.wrapping_add(1), Ordering::Release);
    let key = l as *const NotifyList as usize;
    let mut woken = None;
    if let Some(q) = s.notify.get_mut(&key) {
        if let Some(i) = q.iter().position(|&(tt, _)| tt == t) {
            woken = q.remove(i).map(|(_, g)| g);
        }
        if q.is_empty() {
            s.notify.remove(&key);
        }
    }
    drop(s);
    // A waiter not queued yet sees its ticket notified and does not wait.
    if let Some(g) = woken {
        // SAFETY: as above.
        unsafe { ready(g) };
    }
}

/// The safe point of runtime code: stops here if the world is being
/// stopped.
#[inline]
pub fn safepoint() {
    if STW.load(Ordering::Relaxed) {
        stop_here();
    }
}

/// Stops the calling thread for a stop-the-world until the world
/// restarts, with its registers saved on the stack it is on.
#[inline(never)]
pub fn stop_here() {
    if this_m().is_null() {
        return;
    }
    // SAFETY: `stop_cb` has the expected signature.
    unsafe { switch::rgo_save_regs_call(0, stop_cb) };
}

extern "C" fn stop_cb(_: usize, sp: usize) {
    let m = this_m();
    // SAFETY: the thread's own M.
    let mm = unsafe { &mut *m };
    let mut s = SCHED.lock();
    if !s.stw || mm.p.is_null() {
        return;
    }
    // SAFETY: held P; live G if any.
    unsafe {
        if (*mm.p).status.load(Ordering::Acquire) == pstatus::STOPPED {
            return;
        }
        if mm.curg.is_null() {
            mm.stop_sp.store(sp, Ordering::Release);
        } else {
            (*mm.curg).sp = sp;
        }
        (*mm.p).status.store(pstatus::STOPPED, Ordering::Release);
    }
    s.stop_wait -= 1;
    if s.stop_wait == 0 {
        STW_NOTE.wake();
    }
    drop(s);
    // Wait for `start_the_world` to hand the P back.
    loop {
        mm.note.sleep(-1);
        mm.note.clear();
        // SAFETY: held P.
        if unsafe { (*mm.p).status.load(Ordering::Acquire) } == pstatus::RUNNING {
            break;
        }
    }
    mm.stop_sp.store(0, Ordering::Release);
}

/// Stops every other P: returns once each is idle, in a system call, or
/// held by an M stopped at a safe point. The caller holds a P.
pub fn stop_the_world() {
    let me = this_m();
    let mut s = SCHED.lock();
    while s.stw {
        // Another stop is in progress: wait for it at a safe point.
        drop(s);
        stop_here();
        s = SCHED.lock();
    }
    s.stw = true;
    STW.store(true, Ordering::Release);
    STW_NOTE.clear();
    // SAFETY: `me` is this thread's M.
    let mine = if me.is_null() {
        core::ptr::null_mut()
    } else {
        unsafe { (*me).p }
    };
    let mut wait = 0;
    for &p in &s.allp {
        if p == mine {
            continue;
        }
        // SAFETY: Ps are never freed.
        let pp = unsafe { &*p };
        loop {
            let st = pp.status.load(Ordering::Acquire);
            match st {
                pstatus::IDLE | pstatus::STOPPED => {
                    pp.status.store(pstatus::STOPPED, Ordering::Release);
                    break;
                }
                pstatus::SYSCALL => {
                    if pp
                        .status
                        .compare_exchange(st, pstatus::STOPPED, Ordering::AcqRel, Ordering::Acquire)
                        .is_ok()
                    {
                        pp.m.store(core::ptr::null_mut(), Ordering::Relaxed);
                        break;
                    }
                }
                _ => {
                    wait += 1;
                    break;
                }
            }
        }
    }
    s.stop_wait = wait;
    drop(s);
    if wait == 0 {
        return;
    }
    // Signal the running Ms until they have all stopped.
    loop {
        {
            let s = SCHED.lock();
            if s.stop_wait == 0 {
                return;
            }
            for &p in &s.allp {
                // SAFETY: Ps and Ms are never freed.
                unsafe {
                    if p != mine && (*p).status.load(Ordering::Acquire) == pstatus::RUNNING {
                        let m = (*p).m.load(Ordering::Relaxed);
                        if !m.is_null() {
                            preempt::signal_m(m);
                        }
                    }
                }
            }
        }
        STW_NOTE.sleep(200_000);
    }
}

/// Restarts the world stopped by [`stop_the_world`].
pub fn start_the_world() {
    let mut s = SCHED.lock();
    s.stw = false;
    STW.store(false, Ordering::Release);
    let allp = s.allp.clone();
    let me = this_m();
    // SAFETY: `me` is this thread's M.
    let mine = if me.is_null() {
        core::ptr::null_mut()
    } else {
        unsafe { (*me).p }
    };
    let mut freed = 0;
    for p in allp {
        if p == mine {
            continue;
        }
        // SAFETY: Ps and Ms are never freed.
        unsafe {
            if (*p).status.load(Ordering::Acquire) != pstatus::STOPPED {
                continue;
            }
            let m = (*p).m.load(Ordering::Relaxed);
            if !m.is_null() && (*m).p == p {
                // Its M stopped in place: let it go on.
                (*p).status.store(pstatus::RUNNING, Ordering::Release);
                (*m).note.wake();
            } else {
                push_idle_p(&mut s, p);
                freed += 1;
            }
        }
    }
    let work = !s.runq.is_empty();
    drop(s);
    if freed > 0 && work {
        wakep();
    }
}

/// Runs `f` as a system call: the goroutine's P may be handed to another
/// thread while `f` blocks (see `preempt::sysmon`), and the collector
/// scans the goroutine's stack from here without waiting for it.
pub fn syscall<R>(f: impl FnOnce() -> R) -> R {
    let m = this_m();
    // SAFETY: Ms are never freed.
    if m.is_null() || unsafe { (*m).curg }.is_null() {
        return f();
    }
    let mut f = Some(f);
    let mut r: Option<R> = None;
    let mut call = || r = f.take().map(|f| f());
    let dynf: &mut dyn FnMut() = &mut call;
    let arg = &dynf as *const &mut dyn FnMut() as usize;
    // SAFETY: `syscall_cb` gets the address of `dynf`, live across the call.
    unsafe { switch::rgo_save_regs_call(arg, syscall_cb) };
    match r {
        Some(r) => r,
        None => unreachable!("system call closure did not run"),
    }
}

extern "C" fn syscall_cb(arg: usize, sp: usize) {
    let m = this_m();
    // SAFETY: the thread's own M, running a goroutine with a P.
    unsafe {
        let g = (*m).curg;
        let p = (*m).p;
        (*g).sp = sp;
        (*g).status.store(status::SYSCALL, Ordering::Release);
        (*p).syscalltick.fetch_add(1, Ordering::Relaxed);
        (*p).status.store(pstatus::SYSCALL, Ordering::Release);
        let f = &mut *(arg as *mut &mut dyn FnMut());
        f();
        // A call back into Go (cgo) may have left the M with another P.
        exit_syscall(&mut *m, g, (*m).p);
    }
}

/// Back from a system call: keeps the P if no one took it, else takes an
/// idle one, else queues the goroutine and lets the M sleep.
fn exit_syscall(mm: &mut M, g: *mut G, p: *mut P) {
    // SAFETY: Ps and Gs are never freed.
    unsafe {
        if (*p)
            .status
            .compare_exchange(
                pstatus::SYSCALL,
                pstatus::RUNNING,
                Ordering::AcqRel,
                Ordering::Acquire,
            )
            .is_ok()
        {
            (*g).status.store(status::RUNNING, Ordering::Release);
            return;
        }
        mm.p = core::ptr::null_mut();
        {
            let mut s = SCHED.lock();
            if let Some(np) = pop_idle_p(&mut s) {
                (*np).m.store(mm, Ordering::Relaxed);
                mm.p = np;
                (*g).status.store(status::RUNNING, Ordering::Release);
                return;
            }
        }
        (*g).status.store(status::RUNNABLE, Ordering::Release);
    }
    switch_to_g0(After::NoP);
    // Running again, on some M with a P.
    // SAFETY: the running G.
    unsafe {
        (*current())
            .status
            .store(status::RUNNING, Ordering::Release)
    };
}

/// Snapshot for the monitor: (P, status, schedtick, syscalltick, M).
fn p_states() -> Vec<(*mut P, u32, u64, u64, *mut M)> {
    let s = SCHED.lock();
    s.allp
        .iter()
        .map(|&p| {
            // SAFETY: Ps are never freed.
            let pp = unsafe { &*p };
            (
                p,
                pp.status.load(Ordering::Acquire),
                pp.schedtick.load(Ordering::Relaxed),
                pp.syscalltick.load(Ordering::Relaxed),
                pp.m.load(Ordering::Relaxed),
            )
        })
        .collect()
}

/// The monitor takes a P from an M blocked in a system call.
fn retake_syscall_p(p: *mut P) {
    // SAFETY: Ps are never freed.
    let pp = unsafe { &*p };
    if pp
        .status
        .compare_exchange(
            pstatus::SYSCALL,
            pstatus::IDLE,
            Ordering::AcqRel,
            Ordering::Acquire,
        )
        .is_err()
    {
        return;
    }
    let mut s = SCHED.lock();
    let local_work = !pp.runnext.load(Ordering::Acquire).is_null() || !pp.runq.lock().is_empty();
    if (local_work || !s.runq.is_empty()) && !s.stw {
        pp.status.store(pstatus::RUNNING, Ordering::Release);
        startm(&mut s, p, false);
    } else {
        push_idle_p(&mut s, p);
    }
}

/// The monitor starts an M for due timers if a P is idle.
fn kick_timers() -> Option<i64> {
    let mut s = SCHED.lock();
    let next = next_timer(&mut s)?;
    if next <= sys::clock_ns(sys::CLOCK_MONOTONIC) && NMSPINNING.load(Ordering::Relaxed) == 0 {
        if let Some(p) = pop_idle_p(&mut s) {
            NMSPINNING.fetch_add(1, Ordering::AcqRel);
            startm(&mut s, p, true);
        }
    }
    Some(next)
}

/// Stack bytes in use by goroutines (MemStats' StackInuse), counting
/// each goroutine's stack from its saved stack pointer.
pub fn stack_inuse() -> usize {
    if !STARTED.load(Ordering::Relaxed) {
        return 0;
    }
    let s = SCHED.lock();
    let mut n = 0;
    for &g in &s.allg {
        // SAFETY: Gs are never freed.
        let g = unsafe { &*g };
        if g.status.load(Ordering::Relaxed) == status::DEAD || g.sp == 0 {
            continue;
        }
        n += (g.stack_hi.saturating_sub(g.sp)).div_ceil(8192) * 8192;
    }
    n
}

/// `runtime.LockOSThread`: the running goroutine runs only on this
/// thread, and the thread runs nothing else, until as many
/// `UnlockOSThread` calls.
#[no_mangle]
pub extern "C" fn rgo_lockosthread() {
    let m = this_m();
    let g = current();
    if g.is_null() {
        return;
    }
    // SAFETY: the running G and its M.
    unsafe {
        (*g).locked += 1;
        (*g).locked_m = m;
        (*m).locked_g = g;
    }
}

/// `runtime.UnlockOSThread`.
#[no_mangle]
pub extern "C" fn rgo_unlockosthread() {
    let m = this_m();
    let g = current();
    if g.is_null() {
        return;
    }
    // SAFETY: the running G and its M.
    unsafe {
        (*g).locked = (*g).locked.saturating_sub(1);
        if (*g).locked == 0 {
            (*g).locked_m = core::ptr::null_mut();
            (*m).locked_g = core::ptr::null_mut();
        }
    }
}
