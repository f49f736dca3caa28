//! Marking: the tricolor walk of the heap.
//!
//! White objects have a clear mark bit; grey ones are marked and on the
//! work list; black ones are marked and scanned. [`Marker::mark`] greys a
//! white object that an address points into (anywhere inside it: interior
//! pointers keep the whole object), [`Marker::drain`] blackens grey
//! objects until none is left, scanning each precisely: large objects and
//! those with a header by their type's pointer bitmap (repeated for
//! arrays), small ones by their span's pointer bits. Roots come in as
//! precise words or as conservatively scanned ranges (stacks).
//!
//! With more than one P and a heap worth it, [`Marker::drain_parallel`]
//! drains on GOMAXPROCS threads (the collecting one and mark workers that
//! sleep between cycles): mark bits are set atomically, and markers with
//! a long grey list hand half of it to a shared pool that idle ones take
//! from; the drain ends when every marker is idle and the pool is empty.

use core::sync::atomic::{AtomicPtr, AtomicU64, AtomicUsize, Ordering};

use crate::abi::Type;
use crate::mem::pages::Pages;
use crate::mem::span::Span;
use crate::sched::lock::{Lock, Note};

pub struct Marker<'h> {
    pages: &'h Pages,
    /// Grey objects: (span, slot).
    grey: Vec<(*mut Span, usize)>,
    /// Bytes of the objects marked (slot sizes).
    pub marked_bytes: u64,
    pub marked_objects: u64,
    /// Bytes scanned conservatively (stacks).
    pub conservative_bytes: u64,
    /// Other markers run at once (mark bits are then set atomically).
    shared: bool,
}

impl<'h> Marker<'h> {
    pub fn new(pages: &'h Pages) -> Marker<'h> {
        Marker {
            pages,
            grey: Vec::new(),
            marked_bytes: 0,
            marked_objects: 0,
            conservative_bytes: 0,
            shared: false,
        }
    }

    /// The allocated object `p` points into, as (span, slot).
    #[inline]
    fn find(&self, p: usize) -> Option<(*mut Span, usize)> {
        let s = self.pages.span_of(p)?;
        // SAFETY: `span_of` returns only live spans.
        let span = unsafe { &*s };
        let i = span.slot_of(p)?;
        span.is_allocated(i).then_some((s, i))
    }

    /// Greys the object `p` points into, if `p` is a heap address.
    #[inline]
    pub fn mark(&mut self, p: usize) {
        let Some((s, i)) = self.find(p) else {
            return;
        };
        // SAFETY: a live span; marking runs with the world stopped and
        // the heap locked; markers share it only through atomics.
        if unsafe { Span::mark(s, i, self.shared) } {
            // SAFETY: as above.
            let span = unsafe { &*s };
            self.marked_bytes += span.elem_size as u64;
            self.marked_objects += 1;
            if !span.noscan {
                self.grey.push((s, i));
            }
        }
    }

    /// Whether the object `p` points into is marked (addresses outside
    /// the heap count as live: they are never collected).
    pub fn is_live(&self, p: usize) -> bool {
        match self.find(p) {
            // SAFETY: a live span.
            Some((s, i)) => unsafe { (*s).is_marked(i) },
            None => true,
        }
    }

    /// Greys what the object `p` points into refers to, not the object.
    pub fn scan_referents(&mut self, p: usize) {
        if let Some((s, i)) = self.find(p) {
            // SAFETY: a live span.
            let span = unsafe { &*s };
            if !span.noscan {
                for_each_object_pointer(span, i, |w| self.mark(w));
            }
        }
    }

    /// Treats every aligned word of `[lo, hi)` as a possible pointer.
    pub fn scan_conservative(&mut self, lo: usize, hi: usize) {
        let mut p = (lo + 7) & !7;
        self.conservative_bytes += hi.saturating_sub(p) as u64;
        while p + 8 <= hi {
            // SAFETY: the caller passes a readable range (a stack in use,
            // a root variable).
            let w = unsafe { *(p as *const usize) };
            if w >= self.pages.lo && w < self.pages.hi {
                self.mark(w);
            }
            p += 8;
        }
    }

    /// Marks from the pointer words of a `size`-byte value at `p` made of
    /// values of type `typ` one after another.
    pub fn scan_typed(&mut self, p: usize, size: usize, typ: &Type) {
        for_each_typed_pointer(p, size, typ, |w| self.mark(w));
    }

    /// Scans grey objects until none is left.
    pub fn drain(&mut self) {
        while let Some((s, i)) = self.grey.pop() {
            // SAFETY: grey objects are in live spans.
            let span = unsafe { &*s };
            for_each_object_pointer(span, i, |w| self.mark(w));
        }
    }

    /// As [`Marker::drain`], on `workers` threads when that is worth it
    /// (the calling thread is one of them): when the last cycle marked
    /// `last_marked` bytes or more.
    pub fn drain_parallel(&mut self, workers: usize, last_marked: u64) {
        if workers <= 1 || last_marked.max(self.marked_bytes) < PARALLEL_MIN_BYTES {
            self.drain();
            return;
        }
        let helpers = start_helpers(workers - 1, self.pages);
        let pool = pool();
        self.shared = true;
        self.drain_shared(pool, workers);
        finish_helpers(helpers);
        self.shared = false;
        self.marked_bytes += pool.marked_bytes.swap(0, Ordering::AcqRel);
        self.marked_objects += pool.marked_objects.swap(0, Ordering::AcqRel);
    }

    /// The shared drain loop of every marker.
    fn drain_shared(&mut self, pool: &Pool, workers: usize) {
        loop {
            while let Some((s, i)) = self.grey.pop() {
                // SAFETY: grey objects are in live spans.
                let span = unsafe { &*s };
                for_each_object_pointer(span, i, |w| self.mark(w));
                // Share half when the list is long, or when a marker is
                // idle and nothing is queued for it.
                let n = self.grey.len();
                if n >= 2
                    && pool.queued.load(Ordering::Relaxed) < workers
                    && (n >= SHARE_AT
                        || (pool.idle.load(Ordering::Relaxed) != 0
                            && pool.queued.load(Ordering::Relaxed) == 0))
                {
                    let half = self.grey.split_off(self.grey.len() / 2);
                    let mut bufs = pool.bufs.lock();
                    bufs.push(half.into_iter().map(|(s, i)| (s as usize, i)).collect());
                    pool.queued.store(bufs.len(), Ordering::Release);
                }
            }
            if self.take(pool) {
                continue;
            }
            // Idle: wait for work or for every marker to be idle.
            let mut spins = 0u32;
            let idle = pool.idle.fetch_add(1, Ordering::AcqRel) + 1;
            if idle == workers && pool.queued.load(Ordering::Acquire) == 0 {
                return;
            }
            loop {
                if pool.queued.load(Ordering::Acquire) != 0 {
                    pool.idle.fetch_sub(1, Ordering::AcqRel);
                    if self.take(pool) {
                        break;
                    }
                    if pool.idle.fetch_add(1, Ordering::AcqRel) + 1 == workers
                        && pool.queued.load(Ordering::Acquire) == 0
                    {
                        return;
                    }
                    continue;
                }
                if pool.idle.load(Ordering::Acquire) == workers {
                    return;
                }
                spins += 1;
                if spins.is_multiple_of(64) {
                    // SAFETY: sched_yield has no preconditions.
                    unsafe { crate::sys::sched_yield() };
                } else {
                    core::hint::spin_loop();
                }
            }
        }
    }

    /// Takes a buffer of grey objects from the pool.
    fn take(&mut self, pool: &Pool) -> bool {
        let mut bufs = pool.bufs.lock();
        let Some(buf) = bufs.pop() else {
            return false;
        };
        pool.queued.store(bufs.len(), Ordering::Release);
        drop(bufs);
        self.grey
            .extend(buf.into_iter().map(|(s, i)| (s as *mut Span, i)));
        true
    }

    /// Checks that every pointer in a marked object leads to a marked
    /// object (the stress mode's heap verification); the first failure
    /// is a fatal error.
    pub fn verify(&self, spans: &[*mut Span]) {
        for &s in spans {
            // SAFETY: live spans.
            let span = unsafe { &*s };
            if span.noscan {
                continue;
            }
            for i in 0..span.nelems {
                if !span.is_allocated(i) || !span.is_marked(i) {
                    continue;
                }
                for_each_object_pointer(span, i, |w| {
                    if let Some((t, j)) = self.find(w) {
                        // SAFETY: a live span.
                        if !unsafe { (*t).is_marked(j) } {
                            crate::panic::fatal(
                                b"gc verify: a live object points to an unmarked one",
                            );
                        }
                    }
                });
            }
        }
    }
}

/// Calls `f` with every heap-pointer-sized word that slot `i` of `span`
/// holds in a pointer position.
pub fn for_each_object_pointer(span: &Span, i: usize, mut f: impl FnMut(usize)) {
    let (p, size, typ) = span.object(i);
    if !typ.is_null() {
        // SAFETY: a header or large span type is a valid descriptor.
        for_each_typed_pointer(p, size, unsafe { &*typ }, f);
        return;
    }
    if span.class == 0 {
        return;
    }
    let mut m = span.ptr_mask(i);
    while m != 0 {
        let j = m.trailing_zeros() as usize;
        m &= m - 1;
        // SAFETY: word j of an allocated object.
        let w = unsafe { *((p + j * 8) as *const usize) };
        if w != 0 {
            f(w);
        }
    }
}

/// Calls `f` with the non-zero pointer words of `size` bytes at `p` laid
/// out as values of `typ` one after another.
pub fn for_each_typed_pointer(p: usize, size: usize, typ: &Type, mut f: impl FnMut(usize)) {
    let step = typ.size;
    let nptr = typ.ptr_bytes / 8;
    if step == 0 || nptr == 0 {
        return;
    }
    let mut off = 0;
    while off + typ.ptr_bytes <= size {
        for b in 0..nptr.div_ceil(8) {
            // SAFETY: `gc_data` holds `ptr_bytes / 8` bits (rt/ABI.md).
            let mut bits = unsafe { *typ.gc_data.add(b) };
            while bits != 0 {
                let j = b * 8 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if j >= nptr {
                    break;
                }
                // SAFETY: word j of element `off / step` lies inside the
                // object (`off + ptr_bytes <= size`).
                let w = unsafe { *((p + off + j * 8) as *const usize) };
                if w != 0 {
                    f(w);
                }
            }
        }
        off += step;
    }
}

/// A parallel drain is worth it from a heap of this much live data.
const PARALLEL_MIN_BYTES: u64 = 4 << 20;
/// A marker shares half of its grey list once it is this long.
const SHARE_AT: usize = 512;

/// The work shared by the markers of one drain.
struct Pool {
    /// Buffers of grey objects: (span address, slot).
    bufs: Lock<Vec<Vec<(usize, usize)>>>,
    /// `bufs.len()`, read without the lock.
    queued: AtomicUsize,
    /// Markers with nothing to do.
    idle: AtomicUsize,
    /// The helpers' marked bytes and objects.
    marked_bytes: AtomicU64,
    marked_objects: AtomicU64,
}

static POOL: Pool = Pool {
    bufs: Lock::new(Vec::new()),
    queued: AtomicUsize::new(0),
    idle: AtomicUsize::new(0),
    marked_bytes: AtomicU64::new(0),
    marked_objects: AtomicU64::new(0),
};

fn pool() -> &'static Pool {
    &POOL
}

/// A mark helper thread: sleeps on its note until a drain needs it.
struct Helper {
    go: Note,
    done: Note,
}

/// The helpers made so far (they live for the rest of the process).
static HELPERS: Lock<Vec<&'static Helper>> = Lock::new(Vec::new());
/// The page index of the drain in progress, for the helpers.
static DRAIN_PAGES: AtomicPtr<Pages> = AtomicPtr::new(core::ptr::null_mut());
/// Markers taking part in the drain in progress.
static DRAIN_WORKERS: AtomicUsize = AtomicUsize::new(0);

/// Wakes `n` helpers (making any that do not exist yet) for a drain over
/// `pages`; returns them.
fn start_helpers(n: usize, pages: &Pages) -> Vec<&'static Helper> {
    POOL.idle.store(0, Ordering::Release);
    DRAIN_PAGES.store(pages as *const Pages as *mut Pages, Ordering::Release);
    DRAIN_WORKERS.store(n + 1, Ordering::Release);
    let mut hs = HELPERS.lock();
    while hs.len() < n {
        let h: &'static Helper = Box::leak(Box::new(Helper {
            go: Note::new(),
            done: Note::new(),
        }));
        // The helper is leaked: it lives as long as its thread.
        if !crate::sys::spawn_detached(helper_main, h as *const Helper as usize) {
            break;
        }
        hs.push(h);
    }
    let chosen: Vec<&'static Helper> = hs.iter().take(n).copied().collect();
    drop(hs);
    // Markers that could not be started count as idle from the start.
    POOL.idle.store(n - chosen.len(), Ordering::Release);
    for h in &chosen {
        h.done.clear();
        h.go.wake();
    }
    chosen
}

fn finish_helpers(hs: Vec<&'static Helper>) {
    for h in hs {
        h.done.sleep(-1);
    }
}

extern "C" fn helper_main(arg: *mut core::ffi::c_void) -> *mut core::ffi::c_void {
    // SAFETY: a leaked helper, ours for the process's life.
    let h = unsafe { &*(arg as *const Helper) };
    loop {
        h.go.sleep(-1);
        h.go.clear();
        let pages = DRAIN_PAGES.load(Ordering::Acquire);
        // SAFETY: the collector keeps the heap (and its page index) locked
        // and the world stopped until every helper reports done.
        let mut m = Marker::new(unsafe { &*pages });
        m.shared = true;
        m.drain_shared(pool(), DRAIN_WORKERS.load(Ordering::Acquire));
        POOL.marked_bytes
            .fetch_add(m.marked_bytes, Ordering::AcqRel);
        POOL.marked_objects
            .fetch_add(m.marked_objects, Ordering::AcqRel);
        h.done.wake();
    }
}
