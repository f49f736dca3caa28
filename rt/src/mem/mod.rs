//! The Go heap: `rgo_alloc`, the single allocation entry point, and the
//! collector behind it.
//!
//! Pages come from the page heap ([`pages`]); small objects (up to 32
//! KiB) live in spans of one of gc's size classes ([`span`]), with
//! pointer-free ("noscan") objects in spans of their own that the
//! collector never scans; large objects get a span each. Every allocation
//! records where its pointers are: scannable objects above 512 bytes carry
//! gc's 8-byte header holding their type (so they round to the same size
//! class as under gc), smaller ones set their span's pointer bits, large
//! ones keep their type in their span.
//!
//! Small objects come from the calling thread's allocation cache
//! ([`cache`]) without locking. Free slots are found from the span's alloc
//! bits, which sweeping ([`gc`]) rebuilds from the mark bits; sweeping is
//! lazy: a cache that finds its span of a class full gets the next span of
//! that class from the heap, sweeping it first, and fresh pages only when
//! none has room. An allocation that brings the live heap to the pacer's
//! trigger asks for a collection, which runs at the next allocation or
//! when the goroutine next waits, whichever comes first.
//!
//! The heap is one structure behind a lock; refills, large objects and
//! the collector take it.

pub mod cache;
pub mod gc;
pub mod pages;
pub mod sizeclasses;
pub mod span;
pub mod stats;

use core::cell::UnsafeCell;
use core::ptr;
use core::sync::atomic::{AtomicBool, Ordering};

use crate::abi::Type;
use pages::Pages;
use sizeclasses::*;
use span::Span;

/// Largest allocation (gc's `maxAlloc` on linux/amd64).
pub const MAX_ALLOC: usize = 1 << 48;

/// Counters behind `runtime.MemStats`.
#[derive(Clone, Copy)]
pub struct HeapStats {
    pub total_alloc: u64,
    pub mallocs: u64,
    pub frees: u64,
    pub freed_bytes: u64,
    pub spans_inuse: u64,
    pub by_size_mallocs: [u64; NUM_SIZE_CLASSES],
    pub by_size_frees: [u64; NUM_SIZE_CLASSES],
}

/// Spans of one size class and scan kind, in the order they are swept.
struct ClassSpans {
    spans: Vec<*mut Span>,
    /// `spans[..cursor]` have been swept (or were made) this cycle.
    cursor: usize,
}

pub struct Heap {
    pub pages: Pages,
    classes: [[ClassSpans; 2]; NUM_SIZE_CLASSES],
    large: Vec<*mut Span>,
    /// Incremented by each collection; a span whose `sweepgen` differs
    /// still has the last mark's bits to sweep.
    pub sweepgen: u32,
    pub stats: HeapStats,
    /// Bytes of objects live at the last mark plus those allocated since
    /// (what the pacer compares with its trigger).
    pub live: u64,
    pub gc: gc::State,
    /// Finalizers, cleanups and weak handles.
    pub specials: gc::finalizer::Specials,
    /// Every thread's allocation cache.
    pub caches: Vec<*mut cache::Cache>,
}

struct HeapCell {
    lock: AtomicBool,
    heap: UnsafeCell<Heap>,
}

// SAFETY: `heap` is only accessed while `lock` is held (see `with_heap`).
unsafe impl Sync for HeapCell {}

const EMPTY_CLASS: ClassSpans = ClassSpans {
    spans: Vec::new(),
    cursor: 0,
};

static HEAP: HeapCell = HeapCell {
    lock: AtomicBool::new(false),
    heap: UnsafeCell::new(Heap {
        pages: Pages::new(),
        classes: [const { [EMPTY_CLASS; 2] }; NUM_SIZE_CLASSES],
        large: Vec::new(),
        sweepgen: 1,
        stats: HeapStats {
            total_alloc: 0,
            mallocs: 0,
            frees: 0,
            freed_bytes: 0,
            spans_inuse: 0,
            by_size_mallocs: [0; NUM_SIZE_CLASSES],
            by_size_frees: [0; NUM_SIZE_CLASSES],
        },
        live: 0,
        gc: gc::State::new(),
        specials: gc::finalizer::Specials::new(),
        caches: Vec::new(),
    }),
};

static ALL_ONES: u8 = 1;

/// Type of runtime-internal objects whose every word may be a pointer
/// (iterators, `[]string` made by the runtime): scanned word by word.
pub static ALL_POINTERS: Type = Type::internal("unsafe.Pointer", 8, 8, &ALL_ONES);

static FIRST_WORD: u8 = 1;

/// Type of runtime-made strings headers (`[N]string`): the first word of
/// every 16 bytes is a pointer.
pub static STRINGS: Type = Type::internal("string", 16, 8, &FIRST_WORD);

/// Zero-size allocations all return the address of this (as gc's
/// `zerobase`).
pub static ZEROBASE: u64 = 0;

/// Runs `f` with the heap locked.
pub fn with_heap<R>(f: impl FnOnce(&mut Heap) -> R) -> R {
    let r = f(lock_heap());
    unlock_heap();
    r
}

/// Takes the heap lock and returns the heap; [`unlock_heap`] ends the
/// borrow. For code that must release the lock elsewhere (a goroutine
/// parking under it); everything else uses [`with_heap`].
#[allow(clippy::mut_from_ref)]
pub fn lock_heap() -> &'static mut Heap {
    let mut spins = 0u32;
    while HEAP
        .lock
        .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
        .is_err()
    {
        spins += 1;
        if spins < 100 {
            core::hint::spin_loop();
        } else {
            // SAFETY: sched_yield has no preconditions.
            unsafe { crate::sys::sched_yield() };
        }
    }
    // SAFETY: the lock is held, so this is the only live reference.
    unsafe { &mut *HEAP.heap.get() }
}

/// Releases the heap lock taken by [`lock_heap`]; the reference it gave
/// must not be used any more.
pub fn unlock_heap() {
    HEAP.lock.store(false, Ordering::Release);
}

fn out_of_memory() -> ! {
    crate::panic::fatal(b"out of memory")
}

impl Heap {
    /// A new span of `npages` pages registered in the page map.
    fn new_span(&mut self, npages: usize, class: u8, noscan: bool, elem_size: usize) -> *mut Span {
        let Some(g) = self.pages.alloc(npages) else {
            out_of_memory()
        };
        let mut s = Span::new(g.start, npages, class, noscan, elem_size);
        s.needzero = g.needzero;
        s.sweepgen = self.sweepgen;
        let span = Box::into_raw(Box::new(s));
        self.pages.set_span(g.start, npages, span);
        self.stats.spans_inuse += 1;
        span
    }

    /// Returns a span's pages to the page heap and forgets the span.
    ///
    /// # Safety
    /// `s` is an in-use span that no list refers to any more.
    unsafe fn free_span(&mut self, s: *mut Span) {
        // SAFETY: caller; the box was made by `new_span`.
        let span = unsafe { Box::from_raw(s) };
        self.pages.free(span.start, span.npages);
        self.stats.spans_inuse -= 1;
    }

    /// Sweeps the next unswept span of a class; returns it if it still
    /// holds objects (an empty one goes back to the page heap), None when
    /// every span of the class has been swept.
    fn sweep_next(&mut self, class: usize, noscan: bool) -> Option<Option<*mut Span>> {
        let poison = gc::stress_poison();
        let sweepgen = self.sweepgen;
        let cs = &mut self.classes[class][noscan as usize];
        let s = *cs.spans.get(cs.cursor)?;
        // SAFETY: spans in the lists are live.
        let span = unsafe { &mut *s };
        if span.sweepgen != sweepgen {
            let freed = span.sweep(sweepgen, poison);
            if span.allocated == 0 {
                cs.spans.swap_remove(cs.cursor);
            } else {
                cs.cursor += 1;
            }
            self.stats.frees += freed as u64;
            self.stats.freed_bytes += (freed * span.elem_size) as u64;
            self.stats.by_size_frees[class] += freed as u64;
            if span.allocated == 0 {
                // SAFETY: just removed from its only list.
                unsafe { self.free_span(s) };
                return Some(None);
            }
        } else {
            cs.cursor += 1;
        }
        Some(Some(s))
    }

    /// A span of class `class` with a free slot: the next one to sweep
    /// that has room, or a new one.
    fn refill(&mut self, class: usize, noscan: bool) -> *mut Span {
        while let Some(next) = self.sweep_next(class, noscan) {
            if let Some(s) = next {
                // SAFETY: a live span.
                if unsafe { (*s).allocated < (*s).nelems } {
                    return s;
                }
            }
        }
        let s = self.new_span(
            CLASS_TO_NPAGES[class] as usize,
            class as u8,
            noscan,
            CLASS_TO_SIZE[class] as usize,
        );
        let cs = &mut self.classes[class][noscan as usize];
        cs.spans.push(s);
        cs.cursor = cs.spans.len();
        s
    }

    fn alloc_large(&mut self, size: usize, typ: *const Type, noscan: bool) -> *mut u8 {
        if size > MAX_ALLOC {
            out_of_memory();
        }
        let npages = size.div_ceil(PAGE_SIZE);
        let s = self.new_span(npages, 0, noscan, npages * PAGE_SIZE);
        // SAFETY: freshly created span.
        let span = unsafe { &mut *s };
        span.large_type = if noscan { ptr::null() } else { typ };
        span.large_size = size;
        span.free_index = 1;
        span.allocated = 1;
        if span.needzero {
            // SAFETY: the span's pages are ours.
            unsafe { ptr::write_bytes(span.start as *mut u8, 0, size) };
        }
        self.large.push(s);
        let bytes = (npages * PAGE_SIZE) as u64;
        self.stats.total_alloc += bytes;
        self.stats.mallocs += 1;
        self.live += bytes;
        span.start as *mut u8
    }

    /// Sweeps every span not yet swept this cycle.
    pub fn finish_sweep(&mut self) {
        for class in 1..NUM_SIZE_CLASSES {
            for noscan in [false, true] {
                while self.sweep_next(class, noscan).is_some() {}
            }
        }
    }

    /// After a mark: every span is to be swept again. Large objects are
    /// swept at once (each is one span, and freeing them early matters).
    pub fn start_sweep(&mut self) {
        self.sweepgen = self.sweepgen.wrapping_add(1);
        let sweepgen = self.sweepgen;
        let poison = gc::stress_poison();
        for class in self.classes.iter_mut() {
            for cs in class.iter_mut() {
                cs.cursor = 0;
            }
        }
        let mut i = 0;
        while i < self.large.len() {
            let s = self.large[i];
            // SAFETY: spans in the list are live.
            let span = unsafe { &mut *s };
            let bytes = (span.npages * PAGE_SIZE) as u64;
            if span.sweep(sweepgen, false) > 0 {
                self.stats.frees += 1;
                self.stats.freed_bytes += bytes;
                self.large.swap_remove(i);
                if poison {
                    // SAFETY: the dead object's pages are ours.
                    unsafe { ptr::write_bytes(span.start as *mut u8, 0xde, span.large_size) };
                }
                // SAFETY: just removed from its only list.
                unsafe { self.free_span(s) };
            } else {
                i += 1;
            }
        }
    }

    /// Calls `f` on every in-use span.
    pub fn for_each_span(&self, mut f: impl FnMut(&Span)) {
        for class in &self.classes {
            for cs in class {
                for &s in &cs.spans {
                    // SAFETY: spans in the lists are live.
                    f(unsafe { &*s });
                }
            }
        }
        for &s in &self.large {
            // SAFETY: as above.
            f(unsafe { &*s });
        }
    }
}

/// Allocates `size` zeroed bytes for a value of type `typ` (None: holds no
/// pointers), repeated as an array if `size` exceeds the type's size.
/// Never returns null.
pub fn alloc(size: usize, typ: Option<&Type>) -> *mut u8 {
    if size == 0 {
        return &ZEROBASE as *const u64 as *mut u8;
    }
    if gc::pending() || crate::sched::stw_requested() {
        // The allocation before this one reached the trigger. Collecting
        // now rather than then lets that object go if it is already dead,
        // as gc's precise stack maps would. (Or another thread is
        // stopping the world: this is a safe point.)
        gc::clear_stack();
        crate::sched::safepoint();
        if gc::pending() {
            gc::collect(gc::Reason::Heap);
        }
    }
    let typ = typ.filter(|t| t.ptr_bytes != 0);
    let noscan = typ.is_none();
    gc::stress_tick();
    if noscan && size < cache::TINY_SIZE {
        return cache::get().alloc_tiny(size);
    }
    if size <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE {
        let header = has_header(size, noscan);
        let class = size_class(size + if header { MALLOC_HEADER_SIZE } else { 0 });
        let (p, s, i) = cache::get().alloc(class, noscan);
        return match typ {
            Some(t) if header => {
                // SAFETY: the slot is at least size + 8 bytes; its first
                // word is the header, the object follows.
                unsafe {
                    *(p as *mut *const Type) = t;
                    p.add(MALLOC_HEADER_SIZE)
                }
            }
            Some(t) => {
                // SAFETY: the span of the slot just allocated, this
                // thread's own.
                unsafe { (*s).set_ptr_bits(i, t) };
                p
            }
            None => p,
        };
    }
    let (p, due) = with_heap(|h| {
        let p = h.alloc_large(size, typ.map_or(ptr::null(), |t| t), noscan);
        (p, gc::due(h))
    });
    if due {
        gc::request();
    }
    p
}

/// Allocates pointer-free memory (strings, byte buffers, noscan arrays).
#[inline]
pub fn alloc_noscan(size: usize) -> *mut u8 {
    alloc(size, None)
}

/// The span holding address `p`, if `p` is in the Go heap.
pub fn span_of(p: usize) -> Option<*mut Span> {
    with_heap(|h| h.pages.span_of(p))
}

/// A snapshot of the heap counters.
pub fn stats() -> HeapStats {
    with_heap(|h| stats::totals(h))
}

/// # Safety
/// `typ` must be null or a valid descriptor.
#[no_mangle]
pub unsafe extern "C" fn rgo_alloc(size: usize, typ: *const Type) -> *mut u8 {
    // SAFETY: guaranteed by the caller.
    alloc(size, unsafe { typ.as_ref() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_objects_are_zeroed_and_distinct() {
        let a = alloc(24, None);
        let b = alloc(24, None);
        assert_ne!(a, b);
        // SAFETY: both are 24-byte allocations.
        unsafe {
            assert!(core::slice::from_raw_parts(a, 24).iter().all(|&x| x == 0));
            *a = 1;
            assert_eq!(*b, 0);
        }
        let s = span_of(a as usize).unwrap();
        // SAFETY: the collector does not run in unit tests, so spans live.
        unsafe {
            assert_eq!((*s).elem_size, 24);
            assert!((*s).noscan);
        }
    }

    #[test]
    fn large_objects_get_their_own_span() {
        let p = alloc(100_000, None);
        let s = span_of(p as usize + 50_000).unwrap();
        // SAFETY: as above.
        unsafe {
            assert_eq!((*s).start, p as usize);
            assert_eq!((*s).npages, 13);
            assert_eq!((*s).class, 0);
        }
    }

    #[test]
    fn zero_size_is_zerobase() {
        assert_eq!(alloc(0, None), &ZEROBASE as *const u64 as *mut u8);
    }

    #[test]
    fn stats_count() {
        let before = stats();
        alloc(100, None);
        let after = stats();
        assert!(after.mallocs > before.mallocs);
        assert!(after.total_alloc >= before.total_alloc + 112);
    }

    #[test]
    fn pointer_bits_follow_the_type() {
        let p = alloc(32, Some(&ALL_POINTERS));
        let s = span_of(p as usize).unwrap();
        // SAFETY: as above.
        unsafe {
            let i = (*s).slot_of(p as usize).unwrap();
            assert_eq!((*s).ptr_mask(i), 0b1111);
        }
    }
}
