//! `runtime.ReadMemStats`: every field from counters the allocator and
//! the collector keep as they go, so reading costs the same on any heap.

use super::sizeclasses::{CLASS_TO_SIZE, PAGE_SIZE};
use super::span::Span;
use super::{with_heap, Heap, HeapStats};

/// `runtime.MemStats`, field for field as gc declares it.
#[repr(C)]
pub struct MemStats {
    pub alloc: u64,
    pub total_alloc: u64,
    pub sys: u64,
    pub lookups: u64,
    pub mallocs: u64,
    pub frees: u64,
    pub heap_alloc: u64,
    pub heap_sys: u64,
    pub heap_idle: u64,
    pub heap_inuse: u64,
    pub heap_released: u64,
    pub heap_objects: u64,
    pub stack_inuse: u64,
    pub stack_sys: u64,
    pub mspan_inuse: u64,
    pub mspan_sys: u64,
    pub mcache_inuse: u64,
    pub mcache_sys: u64,
    pub buck_hash_sys: u64,
    pub gc_sys: u64,
    pub other_sys: u64,
    pub next_gc: u64,
    pub last_gc: u64,
    pub pause_total_ns: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    pub num_gc: u32,
    pub num_forced_gc: u32,
    pub gc_cpu_fraction: f64,
    pub enable_gc: u8,
    pub debug_gc: u8,
    pub by_size: [BySize; 61],
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct BySize {
    pub size: u32,
    pub mallocs: u64,
    pub frees: u64,
}

/// Memory the runtime holds besides the heap's spans: span records and
/// the page map (for `MSpanSys`, `GCSys` and the memory limit).
fn span_meta(h: &Heap) -> u64 {
    h.stats.spans_inuse * core::mem::size_of::<Span>() as u64
}

fn page_map(h: &Heap) -> u64 {
    h.pages.sys / PAGE_SIZE as u64 * 8
}

pub fn non_heap_sys(h: &Heap) -> u64 {
    span_meta(h) + page_map(h) + crate::sched::stack_inuse() as u64
}

/// The heap's counters with every allocation cache's added.
pub fn totals(h: &Heap) -> HeapStats {
    let mut t = h.stats;
    for &c in &h.caches {
        // SAFETY: caches live forever; their counters are read while the
        // heap is locked (and, once there are several threads, the world
        // stopped).
        let cs = unsafe { &(*c).stats };
        t.total_alloc += cs.total_alloc;
        t.mallocs += cs.mallocs + cs.tiny_allocs;
        t.frees += cs.tiny_allocs;
        for (a, b) in t.by_size_mallocs.iter_mut().zip(cs.by_size_mallocs.iter()) {
            *a += b;
        }
    }
    t
}

/// `runtime.ReadMemStats(m)`.
///
/// # Safety
/// `out` must point to a writable `runtime.MemStats`.
#[no_mangle]
pub unsafe extern "C" fn rgo_readmemstats(out: *mut MemStats) {
    // SAFETY: the caller passes a valid MemStats.
    let m = unsafe { &mut *out };
    let stack = crate::sched::stack_inuse() as u64;
    with_heap(|h| {
        let s = totals(h);
        let s = &s;
        let live = s.total_alloc - s.freed_bytes;
        m.alloc = live;
        m.total_alloc = s.total_alloc;
        m.lookups = 0;
        m.mallocs = s.mallocs;
        m.frees = s.frees;
        m.heap_alloc = live;
        m.heap_sys = h.pages.sys;
        m.heap_inuse = h.pages.inuse;
        m.heap_idle = h.pages.sys - h.pages.inuse;
        m.heap_released = h.pages.released;
        m.heap_objects = s.mallocs - s.frees;
        m.stack_inuse = stack;
        m.stack_sys = stack;
        m.mspan_inuse = span_meta(h);
        m.mspan_sys = span_meta(h);
        m.mcache_inuse = 0;
        m.mcache_sys = 0;
        m.buck_hash_sys = 0;
        m.gc_sys = page_map(h);
        m.other_sys = 0;
        m.sys = m.heap_sys + m.stack_sys + m.mspan_sys + m.gc_sys;
        let g = &h.gc;
        m.next_gc = if g.goal == u64::MAX { 0 } else { g.goal };
        m.last_gc = g.last_gc;
        m.pause_total_ns = g.pause_total;
        m.pause_ns = g.pause_ns;
        m.pause_end = g.pause_end;
        m.num_gc = g.num_gc;
        m.num_forced_gc = g.num_forced;
        m.gc_cpu_fraction = super::gc::cpu_fraction(g);
        m.enable_gc = 1;
        m.debug_gc = 0;
        for (i, b) in m.by_size.iter_mut().enumerate() {
            b.size = CLASS_TO_SIZE[i] as u32;
            b.mallocs = s.by_size_mallocs[i];
            b.frees = s.by_size_frees[i];
        }
    });
}
