//! Allocation caches (gc's `mcache`): each thread that runs Go code
//! allocates small objects from spans it holds for itself, one per size
//! class and scan kind, without taking the heap lock; only refilling a
//! full span goes to the heap. (Once goroutines run on several threads,
//! the cache belongs to the P a thread holds; today there is one.)
//!
//! A cached span counts as fully allocated for pacing (its free slots are
//! added to the heap's `live` when it is cached, and the unused ones taken
//! back when it is returned), as in gc. Caches are returned to the heap
//! at the start of every collection, with the world stopped.

use core::cell::Cell;
use core::ptr;

use super::sizeclasses::NUM_SIZE_CLASSES;
use super::span::Span;
use super::{gc, with_heap, Heap};

/// Counters kept per cache and summed by `ReadMemStats`.
#[derive(Clone, Copy)]
pub struct CacheStats {
    pub total_alloc: u64,
    pub mallocs: u64,
    /// Objects placed in tiny blocks (counted as both allocated and, as
    /// gc counts them, freed: the block is the heap object).
    pub tiny_allocs: u64,
    pub by_size_mallocs: [u64; NUM_SIZE_CLASSES],
}

pub struct Cache {
    spans: [[*mut Span; 2]; NUM_SIZE_CLASSES],
    /// The tiny block being filled (0: none) and the bytes used in it.
    tiny: usize,
    tiny_used: usize,
    pub stats: CacheStats,
}

/// Pointer-free objects smaller than this share 16-byte blocks (gc's
/// tiny allocator): a block is freed when none of them is reachable.
pub const TINY_SIZE: usize = 16;
/// The size class of 16-byte blocks.
const TINY_CLASS: usize = 2;

std::thread_local! {
    /// This thread's cache (leaked: the heap's list refers to it).
    static CACHE: Cell<*mut Cache> = const { Cell::new(ptr::null_mut()) };
}

/// The calling thread's cache, made and registered with the heap on
/// first use.
#[inline]
pub fn get() -> &'static mut Cache {
    let mut c = CACHE.with(Cell::get);
    if c.is_null() {
        c = Box::into_raw(Box::new(Cache {
            spans: [[ptr::null_mut(); 2]; NUM_SIZE_CLASSES],
            tiny: 0,
            tiny_used: 0,
            stats: CacheStats {
                total_alloc: 0,
                mallocs: 0,
                tiny_allocs: 0,
                by_size_mallocs: [0; NUM_SIZE_CLASSES],
            },
        }));
        with_heap(|h| h.caches.push(c));
        CACHE.with(|cell| cell.set(c));
    }
    // SAFETY: a cache is used only by its own thread (and by the
    // collector while the world is stopped), and never freed.
    unsafe { &mut *c }
}

impl Cache {
    /// A free slot of class `class`: its address, span and index.
    #[inline]
    pub fn alloc(&mut self, class: usize, noscan: bool) -> (*mut u8, *mut Span, usize) {
        let s = self.spans[class][noscan as usize];
        if !s.is_null() {
            // SAFETY: a cached span is live and only this thread uses it.
            if let Some(i) = unsafe { (*s).next_free() } {
                return self.take(s, i, class);
            }
        }
        self.refill(class, noscan)
    }

    /// A pointer-free object of `size` (< 16) bytes, in the current tiny
    /// block if it fits (aligned as gc aligns: to 8, 4 or 2 bytes when the
    /// size is a multiple of them), else at the start of a new block.
    #[inline]
    pub fn alloc_tiny(&mut self, size: usize) -> *mut u8 {
        let align = if size.is_multiple_of(8) {
            8
        } else if size.is_multiple_of(4) {
            4
        } else if size.is_multiple_of(2) {
            2
        } else {
            1
        };
        let off = self.tiny_used.next_multiple_of(align);
        if self.tiny != 0 && off + size <= TINY_SIZE {
            self.tiny_used = off + size;
            self.stats.tiny_allocs += 1;
            return (self.tiny + off) as *mut u8;
        }
        let (p, _, _) = self.alloc(TINY_CLASS, true);
        // Keep filling whichever block has more room left.
        if size < self.tiny_used || self.tiny == 0 {
            self.tiny = p as usize;
            self.tiny_used = size;
        }
        p
    }

    #[cold]
    fn refill(&mut self, class: usize, noscan: bool) -> (*mut u8, *mut Span, usize) {
        let old = self.spans[class][noscan as usize];
        let (s, due) = with_heap(|h| {
            uncache(h, old);
            let s = h.refill(class, noscan);
            // SAFETY: a live span with room, now this cache's.
            let span = unsafe { &*s };
            h.live += ((span.nelems - span.allocated) * span.elem_size) as u64;
            (s, gc::due(h))
        });
        if due {
            gc::request();
        }
        self.spans[class][noscan as usize] = s;
        // SAFETY: as in `alloc`; `refill` returns a span with a free slot.
        let i = unsafe { (*s).next_free() }.unwrap_or_else(|| super::out_of_memory());
        self.take(s, i, class)
    }

    #[inline]
    fn take(&mut self, s: *mut Span, i: usize, class: usize) -> (*mut u8, *mut Span, usize) {
        // SAFETY: as in `alloc`.
        let span = unsafe { &*s };
        let p = span.slot_addr(i) as *mut u8;
        if span.needzero {
            // SAFETY: a free slot of this span, ours to clear.
            unsafe { ptr::write_bytes(p, 0, span.elem_size) };
        }
        self.stats.total_alloc += span.elem_size as u64;
        self.stats.mallocs += 1;
        self.stats.by_size_mallocs[class] += 1;
        (p, s, i)
    }

    /// Gives every cached span back to the heap (at a collection's start).
    /// The tiny block is dropped too: nothing else may keep it alive.
    pub fn flush(&mut self, h: &mut Heap) {
        self.tiny = 0;
        self.tiny_used = 0;
        for class in self.spans.iter_mut() {
            for s in class.iter_mut() {
                uncache(h, *s);
                *s = ptr::null_mut();
            }
        }
    }
}

/// Takes back from `live` the slots of a formerly cached span that were
/// not used.
fn uncache(h: &mut Heap, s: *mut Span) {
    if s.is_null() {
        return;
    }
    // SAFETY: a live span that was cached.
    let span = unsafe { &*s };
    let unused = ((span.nelems - span.allocated) * span.elem_size) as u64;
    h.live = h.live.saturating_sub(unused);
}
