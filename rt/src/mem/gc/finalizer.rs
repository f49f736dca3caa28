//! Finalizers, cleanups and weak pointers: what the collector does with
//! objects that are about to die.
//!
//! Each is a record kept beside the heap ([`Specials`], behind the heap
//! lock) that refers to its object *weakly*: the object's address is kept
//! as a number, which the marker never follows, while the functions to
//! run (Go closures) and weak handles are roots. After the mark:
//!
//! 1. everything a finalizable object refers to is marked (not the object
//!    itself), so a finalizer finds its object's referents intact, and
//!    objects with finalizers die in dependency order, as in gc;
//! 2. weak handles of unmarked objects are cleared (before any
//!    finalizer resurrects its object, as gc does);
//! 3. each unmarked object with a finalizer is marked again (resurrected
//!    for its finalizer) and its finalizer queued, once;
//! 4. cleanups of objects still unmarked are queued.
//!
//! Queued calls run one after another on the finalizer goroutine, a
//! runtime goroutine that `NumGoroutine` does not count.

use std::collections::{BTreeMap, VecDeque};

use super::mark::Marker;
use crate::abi::{Type, KIND_FUNC, KIND_INTERFACE, KIND_POINTER};
use crate::mem::{self, with_heap};
use crate::sched::{self, G};

/// How a finalizer takes its object.
#[derive(Clone, Copy)]
enum Arg {
    /// As a pointer (its parameter is `*T` or `unsafe.Pointer`-like).
    Pointer,
    /// As an interface value whose first word is this.
    Iface(*const u8),
}

struct Finalizer {
    /// The Go func value.
    func: usize,
    arg: Arg,
}

struct Cleanup {
    id: u64,
    obj: usize,
    /// A Go `func()` value.
    func: usize,
}

enum Job {
    Finalize { func: usize, arg: Arg, obj: usize },
    Cleanup { func: usize },
}

pub struct Specials {
    finalizers: BTreeMap<usize, Finalizer>,
    cleanups: Vec<Cleanup>,
    next_cleanup: u64,
    /// Weak pointer → its handle (an 8-byte pointer-free heap object
    /// holding the pointer, zeroed when the object dies).
    weak: BTreeMap<usize, usize>,
    queue: VecDeque<Job>,
    runner: *mut G,
    runner_waiting: bool,
}

impl Default for Specials {
    fn default() -> Specials {
        Specials::new()
    }
}

impl Specials {
    pub const fn new() -> Specials {
        Specials {
            finalizers: BTreeMap::new(),
            cleanups: Vec::new(),
            next_cleanup: 1,
            weak: BTreeMap::new(),
            queue: VecDeque::new(),
            runner: core::ptr::null_mut(),
            runner_waiting: false,
        }
    }

    /// Roots: the functions to run, the weak handles, the queue.
    pub fn mark_roots(&self, m: &mut Marker) {
        for f in self.finalizers.values() {
            m.mark(f.func);
        }
        for c in &self.cleanups {
            m.mark(c.func);
        }
        for &h in self.weak.values() {
            m.mark(h);
        }
        for j in &self.queue {
            match *j {
                Job::Finalize { func, obj, .. } => {
                    m.mark(func);
                    m.mark(obj);
                }
                Job::Cleanup { func } => m.mark(func),
            }
        }
    }

    /// Steps 1–4 of the module comment, after the roots are drained.
    pub fn after_mark(&mut self, m: &mut Marker) {
        for &obj in self.finalizers.keys() {
            m.scan_referents(obj);
        }
        m.drain();
        self.weak.retain(|&p, &mut h| {
            let live = m.is_live(p);
            if !live {
                // SAFETY: `h` is a live handle (a root): 8 writable bytes.
                unsafe { *(h as *mut usize) = 0 };
            }
            live
        });
        let dead: Vec<usize> = self
            .finalizers
            .keys()
            .copied()
            .filter(|&o| !m.is_live(o))
            .collect();
        for obj in dead {
            if let Some(f) = self.finalizers.remove(&obj) {
                m.mark(obj);
                self.queue.push_back(Job::Finalize {
                    func: f.func,
                    arg: f.arg,
                    obj,
                });
            }
        }
        m.drain();
        let queue = &mut self.queue;
        self.cleanups.retain(|c| {
            let live = m.is_live(c.obj);
            if !live {
                queue.push_back(Job::Cleanup { func: c.func });
            }
            live
        });
        if !self.queue.is_empty() && self.runner_waiting {
            self.runner_waiting = false;
            // SAFETY: the runner is parked (it said so under the lock).
            unsafe { sched::ready(self.runner) };
        }
    }
}

/// The finalizer goroutine's `func()` value: a closure object whose only
/// word is the code (it lives outside the heap, like a static closure).
static RUNNER_FUNC: [extern "C" fn(*mut u8); 1] = [run_queue];

/// Starts the finalizer goroutine if it is not running yet.
fn ensure_runner(s: &mut Specials) {
    if s.runner.is_null() {
        let f = RUNNER_FUNC.as_ptr() as *mut u8;
        // SAFETY: `f` is a func() value whose code is `run_queue`.
        // Its id comes from the user goroutines' sequence, as gc makes its
        // finalizer goroutine on first use (`os` makes it at start-up).
        s.runner = unsafe { sched::spawn_system(f, sched::take_goid()) };
    }
}

extern "C" fn run_queue(_ctx: *mut u8) {
    loop {
        if !run_one() {
            // `run_one` left the heap locked: released once parked, so
            // the collector cannot wake the runner before it sleeps.
            let r = b"finalizer wait";
            sched::park_unlock(r.as_ptr(), r.len(), Some((unlock_heap, 0)));
        }
        // The job's pointers stayed in `run_one`'s frame, below this one:
        // clear them, or the conservative scan of this goroutine's stack
        // would keep a finalized object (and all it refers to) alive.
        super::clear_stack();
    }
}

fn unlock_heap(_: usize) {
    crate::mem::unlock_heap();
}

/// Runs the next queued call; false if there is none, with the runner
/// marked as waiting and the heap left locked.
#[inline(never)]
fn run_one() -> bool {
    let h = crate::mem::lock_heap();
    let job = h.specials.queue.pop_front();
    if job.is_none() {
        h.specials.runner_waiting = true;
        return false;
    }
    crate::mem::unlock_heap();
    match job {
        None => return false,
        Some(Job::Cleanup { func }) => {
            // SAFETY: a Go `func()` value (from `rgo_addcleanup`).
            unsafe { sched::call_func(func as *mut u8) }
        }
        Some(Job::Finalize { func, arg, obj }) => {
            // SAFETY: `func` is a Go func value taking one argument of the
            // shape `arg` says, with at most two words of results (checked
            // by `rgo_setfinalizer`), which are ignored.
            unsafe {
                let code = *(func as *const usize);
                match arg {
                    Arg::Pointer => {
                        let f: extern "C" fn(usize, usize) = core::mem::transmute(code);
                        f(func, obj);
                    }
                    Arg::Iface(tab) => {
                        let f: extern "C" fn(usize, *const u8, usize) = core::mem::transmute(code);
                        f(func, tab, obj);
                    }
                }
            }
        }
    }
    true
}

fn throw(parts: &[&[u8]]) -> ! {
    crate::panic::fatal(&parts.concat())
}

/// The start of the heap object `p` points to, if `p` is in the heap.
fn object_base(p: usize) -> Option<usize> {
    let s = mem::span_of(p)?;
    // SAFETY: a live span (the caller holds a reference to the object).
    let span = unsafe { &*s };
    let i = span.slot_of(p)?;
    Some(span.object(i).0)
}

/// Whether results of these types come back in registers (at most two
/// words), so a call that ignores them is sound.
fn results_in_registers(ft: &Type) -> bool {
    let fields = ft.fields as *const *const Type;
    let mut total = 0;
    for i in 0..ft.extra {
        // SAFETY: a func descriptor lists `len` params then `extra`
        // results (rt/ABI.md).
        total += unsafe { (**fields.add(ft.len + i)).size };
    }
    total <= 16
}

/// `runtime.SetFinalizer(obj, finalizer)`, with gc's checks and messages.
///
/// # Safety
/// Both pairs are interface values (type descriptor, data word).
#[no_mangle]
pub unsafe extern "C" fn rgo_setfinalizer(
    ot: *const Type,
    obj: usize,
    ft: *const Type,
    func: usize,
) {
    // SAFETY: null or valid descriptors (caller).
    let Some(otyp) = (unsafe { ot.as_ref() }) else {
        throw(&[b"runtime.SetFinalizer: first argument is nil"]);
    };
    if otyp.kind != KIND_POINTER {
        throw(&[
            b"runtime.SetFinalizer: first argument is ",
            otyp.name_bytes(),
            b", not pointer",
        ]);
    }
    let Some(base) = object_base(obj) else {
        // Globals, constants, zero-size values: never collected.
        return;
    };
    // Inside a tiny block is fine for a small pointer-free object (gc's
    // rule too).
    // SAFETY: a pointer type's `elem` is a valid descriptor.
    let elem = unsafe { otyp.elem.as_ref() };
    let tiny = elem.is_some_and(|e| e.noscan() && e.size < crate::mem::cache::TINY_SIZE);
    if base != obj && !tiny {
        throw(&[b"runtime.SetFinalizer: pointer not at beginning of allocated block"]);
    }
    // SAFETY: as above.
    let Some(ftyp) = (unsafe { ft.as_ref() }) else {
        with_heap(|h| h.specials.finalizers.remove(&obj));
        return;
    };
    if ftyp.kind != KIND_FUNC {
        throw(&[
            b"runtime.SetFinalizer: second argument is ",
            ftyp.name_bytes(),
            b", not a function",
        ]);
    }
    let cannot = || -> ! {
        throw(&[
            b"runtime.SetFinalizer: cannot pass ",
            otyp.name_bytes(),
            b" to finalizer ",
            ftyp.name_bytes(),
        ])
    };
    if ftyp.len != 1 || ftyp.name_bytes().windows(3).any(|w| w == b"...") {
        cannot();
    }
    // SAFETY: a func descriptor's params (rt/ABI.md).
    let pt = unsafe { &**(ftyp.fields as *const *const Type) };
    // The same type, or both pointers to the same type, one unnamed.
    let assignable_pointer = core::ptr::eq(pt, otyp)
        || (pt.kind == KIND_POINTER
            && (!pt.is_named() || !otyp.is_named())
            && core::ptr::eq(pt.elem, otyp.elem));
    let arg = if assignable_pointer {
        Arg::Pointer
    } else if pt.kind == KIND_INTERFACE {
        if pt.len == 0 {
            Arg::Iface(otyp as *const Type as *const u8)
        } else {
            // SAFETY: valid descriptors; may fail (null) without panicking.
            let tab = unsafe { crate::iface::rgo_getitab(pt, otyp, 1) };
            if tab.is_null() {
                cannot();
            }
            Arg::Iface(tab as *const u8)
        }
    } else {
        cannot()
    };
    if !results_in_registers(ftyp) {
        throw(&[
            b"runtime.SetFinalizer: finalizer ",
            ftyp.name_bytes(),
            b" has results rgo cannot ignore (more than two words)",
        ]);
    }
    with_heap(|h| {
        let s = &mut h.specials;
        if s.finalizers.contains_key(&obj) {
            throw(&[b"runtime.SetFinalizer: finalizer already set"]);
        }
        s.finalizers.insert(obj, Finalizer { func, arg });
        ensure_runner(s);
    });
}

/// `runtime.AddCleanup`: `func` (a `func()` calling the cleanup with its
/// argument) runs after `ptr`'s object becomes unreachable. Returns the
/// cleanup's id (0: `ptr` is not in the heap, and nothing will run).
#[no_mangle]
pub extern "C" fn rgo_addcleanup(ptr: usize, func: usize) -> u64 {
    if object_base(ptr).is_none() {
        return 0;
    }
    with_heap(|h| {
        let s = &mut h.specials;
        let id = s.next_cleanup;
        s.next_cleanup += 1;
        s.cleanups.push(Cleanup { id, obj: ptr, func });
        ensure_runner(s);
        id
    })
}

/// `Cleanup.Stop`.
#[no_mangle]
pub extern "C" fn rgo_stopcleanup(id: u64) {
    with_heap(|h| h.specials.cleanups.retain(|c| c.id != id));
}

/// `weak.Make(p)`: the handle for pointer `p` (the same one while `p`'s
/// object lives), whose word reads as `p` until the object is collected
/// and as nil after.
#[no_mangle]
pub extern "C" fn rgo_weak_make(p: usize) -> usize {
    if p == 0 {
        return 0;
    }
    if let Some(h) = with_heap(|h| h.specials.weak.get(&p).copied()) {
        return h;
    }
    let handle = mem::alloc_noscan(8) as usize;
    // SAFETY: a fresh 8-byte allocation.
    unsafe { *(handle as *mut usize) = p };
    // `p` stays live on this stack while the handle is made.
    core::hint::black_box(p);
    with_heap(|h| *h.specials.weak.entry(p).or_insert(handle))
}
