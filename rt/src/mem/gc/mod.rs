//! The garbage collector: a stop-the-world tricolor mark, then lazy
//! sweeping (see `mem`), paced by `GOGC` and `GOMEMLIMIT` as gc paces.
//!
//! A cycle: finish sweeping the last cycle's spans (gc's sweep
//! termination), stop the world, mark from the roots ([`roots`],
//! [`mark`]), start the next sweep (large objects are freed at once, small
//! spans as allocation reaches them), set the next heap goal, record the
//! pause, and print the gctrace line if asked to. `runtime.GC()` also
//! finishes the sweep before it returns, as gc's does; free pages beyond
//! what the next heap goal needs go back to the kernel after each cycle
//! (all of them with `debug.FreeOSMemory`).
//!
//! Debug switches, read from the environment at start-up:
//! `RGO_GCSTRESS=N` collects at every N-th allocation and poisons freed
//! memory; `RGO_GCVERIFY=1` checks after each mark that every live object
//! points only to live objects.

pub mod finalizer;
pub mod mark;
pub mod pacer;
pub mod roots;
pub mod trace;

use core::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::{with_heap, Heap};
use crate::sys;

/// Why a cycle runs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The heap reached its trigger (or the stress mode's count).
    Heap,
    /// `runtime.GC()`.
    Forced,
}

/// The collector's record of past cycles (behind the heap lock).
pub struct State {
    pub num_gc: u32,
    pub num_forced: u32,
    /// Bytes marked by the last cycle.
    pub marked: u64,
    pub goal: u64,
    pub trigger: u64,
    /// Stack bytes scanned by the last cycle.
    pub stack_scan: u64,
    /// Wall-clock time of the end of the last cycle (ns since 1970).
    pub last_gc: u64,
    pub pause_total: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    /// Total time spent collecting (ns).
    pub busy_ns: u64,
}

impl Default for State {
    fn default() -> State {
        State::new()
    }
}

impl State {
    pub const fn new() -> State {
        State {
            num_gc: 0,
            num_forced: 0,
            marked: 0,
            goal: 0,
            trigger: u64::MAX,
            stack_scan: 0,
            last_gc: 0,
            pause_total: 0,
            pause_ns: [0; 256],
            pause_end: [0; 256],
            busy_ns: 0,
        }
    }
}

/// Set once the runtime has started and registered its roots: before
/// that (and in the runtime's unit tests) nothing is collected.
static ENABLED: AtomicBool = AtomicBool::new(false);
static COLLECTING: AtomicBool = AtomicBool::new(false);
/// A cycle is due at the next allocation.
static PENDING: AtomicBool = AtomicBool::new(false);
static STRESS_EVERY: AtomicU64 = AtomicU64::new(0);
/// Completed cycles, readable without the heap lock.
static CYCLES: core::sync::atomic::AtomicU32 = core::sync::atomic::AtomicU32::new(0);

/// The number of completed collections (`sync.Pool` drops what it held
/// two cycles ago, as gc's pools do).
#[no_mangle]
pub extern "C" fn rgo_gc_cycles() -> u32 {
    CYCLES.load(Ordering::Acquire)
}
static VERIFY: AtomicBool = AtomicBool::new(false);
static TRACE: AtomicBool = AtomicBool::new(false);
/// Monotonic time at start-up (gctrace's `@seconds`).
static START_NS: AtomicU64 = AtomicU64::new(0);

fn now() -> u64 {
    sys::clock_ns(sys::CLOCK_MONOTONIC) as u64
}

/// Reads the settings and turns the collector on (from `start`).
pub fn enable() {
    pacer::init();
    START_NS.store(now(), Ordering::Relaxed);
    let n = pacer::env(b"RGO_GCSTRESS")
        .and_then(|v| core::str::from_utf8(&v).ok()?.parse::<u64>().ok())
        .unwrap_or(0);
    STRESS_EVERY.store(n, Ordering::Relaxed);
    VERIFY.store(
        pacer::env(b"RGO_GCVERIFY").is_some_and(|v| v != b"0"),
        Ordering::Relaxed,
    );
    TRACE.store(godebug_gctrace(), Ordering::Relaxed);
    STRESS_LEFT.store(n, Ordering::Relaxed);
    with_heap(set_goal);
    ENABLED.store(true, Ordering::Release);
}

/// Whether `GODEBUG` has `gctrace=N` with N > 0.
fn godebug_gctrace() -> bool {
    pacer::godebug(b"gctrace")
        .and_then(|n| core::str::from_utf8(&n).ok()?.parse::<i64>().ok())
        .is_some_and(|n| n > 0)
}

/// Asks for a cycle at the next allocation.
pub fn request() {
    PENDING.store(true, Ordering::Relaxed);
}

#[inline]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Whether the stress mode poisons freed memory.
pub fn stress_poison() -> bool {
    STRESS_EVERY.load(Ordering::Relaxed) != 0
}

/// Whether the heap has reached the pacer's trigger.
#[inline]
pub fn due(h: &Heap) -> bool {
    h.live >= h.gc.trigger && ENABLED.load(Ordering::Relaxed)
}

/// Allocations left before the stress mode's next cycle (0: off).
static STRESS_LEFT: AtomicU64 = AtomicU64::new(0);

/// Counts an allocation for the stress mode, asking for a cycle at
/// every N-th.
#[inline]
pub fn stress_tick() {
    if STRESS_LEFT.load(Ordering::Relaxed) == 0 {
        return;
    }
    if STRESS_LEFT.fetch_sub(1, Ordering::Relaxed) == 1 {
        STRESS_LEFT.store(STRESS_EVERY.load(Ordering::Relaxed), Ordering::Relaxed);
        if ENABLED.load(Ordering::Relaxed) {
            request();
        }
    }
}

/// gc's minimum heap goal (4 MB at GOGC=100, scaled by GOGC).
const HEAP_MINIMUM: u64 = 4 << 20;

/// Sets the next cycle's heap goal and trigger from the last mark and the
/// settings (gc's `gcControllerState.commit` and `trigger`).
pub fn set_goal(h: &mut Heap) {
    let pct = pacer::gc_percent();
    let marked = h.gc.marked;
    let mut goal = if pct < 0 {
        u64::MAX
    } else {
        let pct = pct as u64;
        let base = marked + h.gc.stack_scan + roots::globals_bytes();
        (marked + base * pct / 100).max(HEAP_MINIMUM * pct / 100)
    };
    let limit = pacer::memory_limit();
    if limit != i64::MAX {
        // The heap may use what the limit leaves after the runtime's
        // other memory.
        let other = super::stats::non_heap_sys(h);
        let room = (limit as u64).saturating_sub(other);
        goal = goal.min(room.max(marked + (64 << 10)));
    }
    // gc's sweep distance: the heap may grow at least 1 MB past the mark
    // before the next cycle (which is what keeps GOGC=1 from collecting
    // at every span).
    let min_trigger = if limit == i64::MAX || goal > marked + SWEEP_MIN_DISTANCE {
        marked + SWEEP_MIN_DISTANCE
    } else {
        marked
    };
    goal = goal.max(min_trigger);
    h.gc.goal = goal;
    h.gc.trigger = if goal == u64::MAX {
        u64::MAX
    } else {
        // At 95% of the runway (where gc's first cycles start), or 4 MB
        // before the goal for large heaps; never below the sweep distance.
        let mut t = marked + (goal - marked) / 20 * 19;
        if goal > HEAP_MINIMUM && goal - HEAP_MINIMUM > t {
            t = goal - HEAP_MINIMUM;
        }
        t.max(min_trigger)
    };
}

/// gc's `sweepMinHeapDistance`.
const SWEEP_MIN_DISTANCE: u64 = 1 << 20;

/// Re-paces after `debug.SetGCPercent` / `SetMemoryLimit`.
pub fn settings_changed() {
    with_heap(set_goal);
}

/// Runs a whole collection cycle. Its callers are small frames that
/// clear the stack below themselves first ([`clear_stack`]), so the
/// cycle's own frames start on clean memory.
#[inline(never)]
pub fn collect(reason: Reason) {
    if !ENABLED.load(Ordering::Acquire) {
        return;
    }
    if COLLECTING.swap(true, Ordering::AcqRel) {
        // Another thread collects: stop for it if it is stopping us.
        crate::sched::safepoint();
        return;
    }
    PENDING.store(false, Ordering::Relaxed);
    let t0 = now();
    crate::sched::stop_the_world();
    with_heap(|h| {
        for i in 0..h.caches.len() {
            let c = h.caches[i];
            // SAFETY: caches live forever; the world is stopped, so no
            // thread is allocating from its cache.
            unsafe { (*c).flush(h) };
        }
        h.finish_sweep();
        let t1 = now();
        let heap0 = h.live;
        let mut m = mark::Marker::new(&h.pages);
        roots::mark_roots(&mut m);
        h.specials.mark_roots(&mut m);
        m.drain_parallel(crate::sched::rgo_gomaxprocs(0) as usize, h.gc.marked);
        h.specials.after_mark(&mut m);
        if VERIFY.load(Ordering::Relaxed) {
            let mut spans = Vec::new();
            h.for_each_span(|s| spans.push(s as *const _ as *mut _));
            m.verify(&spans);
        }
        let (marked, stack_scan) = (m.marked_bytes, m.conservative_bytes);
        let t2 = now();
        h.gc.marked = marked;
        h.gc.stack_scan = stack_scan;
        h.live = marked;
        h.start_sweep();
        let goal = h.gc.goal;
        set_goal(h);
        if reason == Reason::Forced {
            h.finish_sweep();
            h.gc.num_forced += 1;
        }
        // Keep what the next cycle's heap will need committed, and a tenth
        // more (gc's scavenger goal); give the rest back.
        let next = h.gc.goal.min(h.pages.sys);
        let keep = (next + next / 10).saturating_sub(h.pages.inuse);
        h.pages.scavenge(keep);
        let t3 = now();
        let g = &mut h.gc;
        let pause = t3 - t0;
        let slot = g.num_gc as usize % 256;
        g.num_gc += 1;
        CYCLES.store(g.num_gc, Ordering::Release);
        g.pause_ns[slot] = pause;
        let wall = sys::clock_ns(sys::CLOCK_REALTIME) as u64;
        g.pause_end[slot] = wall;
        g.last_gc = wall;
        g.pause_total += pause;
        g.busy_ns += pause;
        if TRACE.load(Ordering::Relaxed) {
            trace::print(&trace::Cycle {
                num: g.num_gc,
                start: t0 - START_NS.load(Ordering::Relaxed),
                util: cpu_fraction(g),
                phases: [t1 - t0, t2 - t1, t3 - t2],
                heap: [heap0, heap0, marked],
                goal,
                stacks: stack_scan,
                globals: roots::globals_bytes(),
                procs: crate::os::rgo_ncpu() as u64,
                forced: reason == Reason::Forced,
            });
        }
    });
    crate::sched::release_dead_stacks();
    crate::sched::start_the_world();
    COLLECTING.store(false, Ordering::Release);
}

/// Zeroes the stack just below the caller's frame, where the frames of
/// calls that returned (allocations among them) left stale pointers that
/// the conservative stack scan would otherwise take for live ones. The
/// collector's own frames then reuse that memory.
#[inline(never)]
pub fn clear_stack() {
    let mut junk = [0usize; 2048];
    core::hint::black_box(&mut junk);
}

/// The fraction of the program's time spent collecting.
pub fn cpu_fraction(g: &State) -> f64 {
    let elapsed = now().saturating_sub(START_NS.load(Ordering::Relaxed));
    if elapsed == 0 {
        return 0.0;
    }
    g.busy_ns as f64 / elapsed as f64
}

/// `runtime.GC()`.
#[no_mangle]
pub extern "C" fn rgo_gc() {
    clear_stack();
    collect(Reason::Forced);
}

/// `debug.FreeOSMemory()`: a forced cycle, then every free page goes back
/// to the kernel.
#[no_mangle]
pub extern "C" fn rgo_freeosmemory() {
    clear_stack();
    collect(Reason::Forced);
    with_heap(|h| h.pages.scavenge(0));
}

/// `runtime.KeepAlive(x)`: does nothing, out of the optimiser's sight, so
/// that `x` stays live (on the stack or in a register the collector
/// scans) until the call.
#[no_mangle]
pub extern "C" fn rgo_keepalive(_typ: *const u8, _data: *mut u8) {}
