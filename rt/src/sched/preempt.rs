//! Preemption and the monitor thread (gc's `sysmon`).
//!
//! A goroutine is preempted by a signal (SIGURG, as gc): the handler
//! checks that the thread was interrupted in Go code (compiled code lives
//! in its own section, `rgo_text`; runtime code is never interrupted,
//! since it may hold locks) and makes it resume in `rgo_async_preempt`
//! as if the interrupted instruction had called it. That routine saves
//! every register on the goroutine's stack and calls
//! [`rgo_async_preempt_rust`], which stops for the collector or yields;
//! then it restores them and returns to the interrupted instruction.
//! Conservative stack scanning makes every instruction of Go code a safe
//! point, so this costs compiled code nothing (no polls in loops).
//!
//! The monitor wakes every 20 µs to 10 ms (backing off while nothing
//! happens, or sooner for the next timer) and preempts a goroutine that
//! has run for 10 ms, takes the P of a thread blocked in a system call,
//! and starts a thread for due timers when a P is idle.

use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicI64, Ordering};

use super::lock::Note;
use super::{pstatus, M};
use crate::sys;

/// A goroutine may run this long before it is asked to yield.
const TIME_SLICE_NS: i64 = 10_000_000;
/// A P in a system call this long goes to another thread.
const SYSCALL_GRACE_NS: i64 = 20_000;
const MIN_DELAY_NS: i64 = 20_000;
const MAX_DELAY_NS: i64 = 10_000_000;

static SYSMON_NOTE: Note = Note::new();
/// When the monitor next wakes (monotonic ns).
static SYSMON_DEADLINE: AtomicI64 = AtomicI64::new(0);

#[cfg(not(test))]
extern "C" {
    static __start_rgo_text: u8;
    static __stop_rgo_text: u8;
}

/// Whether `pc` is in compiled Go code.
fn in_go_code(pc: usize) -> bool {
    #[cfg(not(test))]
    {
        // SAFETY: only the addresses of the linker's section bounds are
        // taken.
        let (lo, hi) = unsafe {
            (
                &__start_rgo_text as *const u8 as usize,
                &__stop_rgo_text as *const u8 as usize,
            )
        };
        (lo..hi).contains(&pc)
    }
    #[cfg(test)]
    {
        let _ = pc;
        false
    }
}

/// Installs the preemption signal's handler.
pub fn install_handler() {
    let act = sys::sigaction_t {
        sa_sigaction: on_sigurg as *const () as usize,
        sa_mask: [0; 16],
        sa_flags: sys::SA_SIGINFO | sys::SA_ONSTACK | sys::SA_RESTART,
        sa_restorer: 0,
    };
    // SAFETY: `act` is a valid disposition with an SA_SIGINFO handler.
    unsafe { sys::sigaction(sys::SIGURG, &act, core::ptr::null_mut()) };
}

/// Asks thread `m` to come to a safe point.
///
/// # Safety
/// `m` is an M (Ms are never freed; their threads never exit).
pub unsafe fn signal_m(m: *mut M) {
    // SAFETY: caller.
    let tid = unsafe { (*m).tid };
    if tid != 0 {
        // SAFETY: a live thread of this process.
        unsafe { sys::pthread_kill(tid, sys::SIGURG) };
    }
}

extern "C" fn on_sigurg(_sig: c_int, _info: *mut sys::siginfo_t, uc: *mut c_void) {
    let m = super::this_m();
    if m.is_null() {
        return;
    }
    // SAFETY: our own M; Gs are never freed.
    let wanted = super::STW.load(Ordering::Relaxed)
        || unsafe {
            let g = (*m).curg;
            !g.is_null() && (*g).preempt.load(Ordering::Relaxed)
        };
    if !wanted {
        return;
    }
    // SAFETY: the kernel passes a valid ucontext to an SA_SIGINFO handler;
    // the offsets are those of x86-64 `ucontext_t`.
    unsafe {
        let rip = (uc as *mut u8).add(sys::UC_RIP_OFFSET) as *mut usize;
        let rsp = (uc as *mut u8).add(sys::UC_RSP_OFFSET) as *mut usize;
        let pc = *rip;
        if !in_go_code(pc) {
            return;
        }
        // Push the pc as a return address (Go code keeps nothing below
        // its stack pointer) and resume in the preemption routine.
        let sp = *rsp - 8;
        *(sp as *mut usize) = pc;
        *rsp = sp;
        *rip = super::switch::rgo_async_preempt as *const () as usize;
    }
}

/// Called by `rgo_async_preempt` with the interrupted code's registers
/// saved on its stack.
#[no_mangle]
pub extern "C" fn rgo_async_preempt_rust() {
    if super::STW.load(Ordering::Acquire) {
        super::stop_here();
        return;
    }
    let g = super::current();
    // SAFETY: the running G.
    if !g.is_null() && unsafe { (*g).preempt.load(Ordering::Relaxed) } {
        super::preempted();
    }
}

/// A timer was added for `when`: wake the monitor if it sleeps past it.
pub fn timer_added(when: i64) {
    if when < SYSMON_DEADLINE.load(Ordering::Relaxed) {
        SYSMON_NOTE.wake();
    }
}

/// Starts the monitor thread.
pub fn start_sysmon() {
    install_handler();
    if !sys::spawn_detached(sysmon, 0) {
        crate::panic::fatal(b"newosproc: cannot create the monitor thread");
    }
}

/// What the monitor last saw of a P: its counters and since when.
#[derive(Clone, Copy, Default)]
struct Seen {
    schedtick: u64,
    sched_since: i64,
    syscalltick: u64,
    sys_since: i64,
}

extern "C" fn sysmon(_: *mut c_void) -> *mut c_void {
    let mut seen: Vec<Seen> = Vec::new();
    let mut delay = MIN_DELAY_NS;
    loop {
        let now = sys::clock_ns(sys::CLOCK_MONOTONIC);
        let next_timer = super::kick_timers();
        let mut deadline = now + delay;
        if let Some(t) = next_timer {
            deadline = deadline.min(t.max(now));
        }
        SYSMON_NOTE.clear();
        SYSMON_DEADLINE.store(deadline, Ordering::Relaxed);
        SYSMON_NOTE.sleep(deadline - now);
        let now = sys::clock_ns(sys::CLOCK_MONOTONIC);
        let mut acted = false;
        let states = super::p_states();
        seen.resize(states.len(), Seen::default());
        for (i, &(p, st, tick, stick, m)) in states.iter().enumerate() {
            let s = &mut seen[i];
            if st == pstatus::RUNNING {
                if s.schedtick != tick {
                    s.schedtick = tick;
                    s.sched_since = now;
                } else if now - s.sched_since >= TIME_SLICE_NS && !m.is_null() {
                    // SAFETY: Ms and Gs are never freed.
                    unsafe {
                        let g = (*m).curg;
                        if !g.is_null() {
                            (*g).preempt.store(true, Ordering::Relaxed);
                            signal_m(m);
                            acted = true;
                        }
                    }
                    s.sched_since = now;
                }
            }
            if st == pstatus::SYSCALL {
                if s.syscalltick != stick {
                    s.syscalltick = stick;
                    s.sys_since = now;
                } else if now - s.sys_since >= SYSCALL_GRACE_NS {
                    super::retake_syscall_p(p);
                    acted = true;
                }
            }
        }
        delay = if acted {
            MIN_DELAY_NS
        } else {
            (delay * 2).min(MAX_DELAY_NS)
        };
    }
}
