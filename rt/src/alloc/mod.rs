//! The Go heap: `rgo_alloc`, the single allocation entry point.
//!
//! Memory comes from large `mmap`'d arenas (64 MiB, reserved lazily by the
//! kernel) carved into 8 KiB pages. Small objects (up to 32 KiB) live in
//! spans of one of gc's size classes, with pointer-free ("noscan") objects
//! in spans of their own so the collector will never scan them; large
//! objects get a span each. Every span records its class, element size and
//! an allocation cursor, and every arena maps its pages back to their span,
//! which is what a mark phase needs to find an object from an interior
//! pointer. Scannable objects above 512 bytes carry gc's 8-byte header
//! holding their type, so they round to the same size class as under gc.
//!
//! There is no collection yet: memory is never reused, so fresh spans are
//! already zero (`needzero` is where sweeping will record otherwise).

pub mod pacer;
pub mod sizeclasses;

use core::ptr;
use core::sync::atomic::{AtomicBool, Ordering};

use crate::abi::Type;
use crate::sys;
use sizeclasses::*;

const ARENA_SHIFT: usize = 26;
/// Largest allocation (gc's `maxAlloc` on linux/amd64).
pub const MAX_ALLOC: usize = 1 << 48;
const ARENA_SIZE: usize = 1 << ARENA_SHIFT;
const PAGES_PER_ARENA: usize = ARENA_SIZE / PAGE_SIZE;

/// A run of pages holding objects of one size (or one large object).
pub struct Span {
    pub start: usize,
    pub npages: usize,
    /// Size class; 0 for a large object.
    pub class: u8,
    pub noscan: bool,
    /// Memory must be cleared before reuse (set by sweeping, later).
    pub needzero: bool,
    pub elem_size: usize,
    pub nelems: usize,
    /// Slots below this index have been handed out.
    pub free_index: usize,
    /// For a large object: its type (null if noscan).
    pub large_type: *const Type,
}

/// An arena: a 64 MiB-aligned mapping and the span of each of its pages.
struct Arena {
    base: usize,
    /// Pages handed to spans so far (bump allocation).
    used_pages: usize,
    npages: usize,
    spans: Vec<*mut Span>,
}

/// Counters behind `runtime.MemStats`.
#[derive(Clone, Copy)]
pub struct HeapStats {
    pub total_alloc: u64,
    pub mallocs: u64,
    pub frees: u64,
    pub heap_sys: u64,
    pub heap_inuse: u64,
    pub spans_inuse: u64,
    pub by_size_mallocs: [u64; NUM_SIZE_CLASSES],
    /// Collections run (so far only forced ones, which collect nothing).
    pub num_gc: u32,
    pub num_forced_gc: u32,
}

struct Heap {
    arenas: Vec<Arena>,
    /// Current span per size class, `[class][noscan]`.
    current: [[*mut Span; 2]; NUM_SIZE_CLASSES],
    stats: HeapStats,
}

struct HeapCell {
    lock: AtomicBool,
    heap: core::cell::UnsafeCell<Heap>,
}

// SAFETY: `heap` is only accessed while `lock` is held (see `with_heap`).
unsafe impl Sync for HeapCell {}

static HEAP: HeapCell = HeapCell {
    lock: AtomicBool::new(false),
    heap: core::cell::UnsafeCell::new(Heap {
        arenas: Vec::new(),
        current: [[ptr::null_mut(); 2]; NUM_SIZE_CLASSES],
        stats: HeapStats {
            total_alloc: 0,
            mallocs: 0,
            frees: 0,
            heap_sys: 0,
            heap_inuse: 0,
            spans_inuse: 0,
            by_size_mallocs: [0; NUM_SIZE_CLASSES],
            num_gc: 0,
            num_forced_gc: 0,
        },
    }),
};

static ALL_ONES: u8 = 1;

/// Type of runtime-internal objects that hold pointers (map headers, entry
/// arrays, iterators, `[]string` made by the runtime): any word may be a
/// pointer, so the collector will scan them conservatively.
pub static ALL_POINTERS: Type = Type {
    size: 8,
    ptr_bytes: 8,
    hash: 0,
    tflag: 0,
    align: 8,
    field_align: 8,
    kind: crate::abi::KIND_UNSAFE_POINTER,
    equal: ptr::null(),
    gc_data: &ALL_ONES,
    name: crate::abi::GoString::from_static("unsafe.Pointer"),
    elem: ptr::null(),
    key: ptr::null(),
    len: 0,
    fields: ptr::null(),
    methods: ptr::null(),
    num_methods: 0,
    pkg_path: crate::abi::GoString::EMPTY,
    ptr_to_this: ptr::null(),
    extra: 0,
};

/// Zero-size allocations all return the address of this (as gc's
/// `zerobase`).
pub static ZEROBASE: u64 = 0;

fn with_heap<R>(f: impl FnOnce(&mut Heap) -> R) -> R {
    while HEAP
        .lock
        .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
        .is_err()
    {
        core::hint::spin_loop();
    }
    // SAFETY: the lock is held, so this is the only live reference.
    let r = f(unsafe { &mut *HEAP.heap.get() });
    HEAP.lock.store(false, Ordering::Release);
    r
}

fn out_of_memory() -> ! {
    crate::panic::fatal(b"out of memory")
}

impl Heap {
    /// `npages` contiguous fresh pages, from an existing arena if one has
    /// room, otherwise from a new mapping.
    fn alloc_pages(&mut self, npages: usize) -> (usize, usize) {
        for (i, a) in self.arenas.iter_mut().enumerate().rev() {
            if a.npages - a.used_pages >= npages {
                let p = a.base + a.used_pages * PAGE_SIZE;
                a.used_pages += npages;
                return (p, i);
            }
        }
        let arena_pages = npages.max(PAGES_PER_ARENA);
        let len = arena_pages * PAGE_SIZE;
        let base = sys::map_zeroed(len, true);
        if base.is_null() {
            out_of_memory();
        }
        self.stats.heap_sys += len as u64;
        self.arenas.push(Arena {
            base: base as usize,
            used_pages: npages,
            npages: arena_pages,
            spans: vec![ptr::null_mut(); arena_pages],
        });
        (base as usize, self.arenas.len() - 1)
    }

    fn new_span(&mut self, npages: usize, class: u8, noscan: bool, elem_size: usize) -> *mut Span {
        let (start, ai) = self.alloc_pages(npages);
        let nelems = if class == 0 {
            1
        } else {
            npages * PAGE_SIZE / elem_size
        };
        let span = Box::into_raw(Box::new(Span {
            start,
            npages,
            class,
            noscan,
            needzero: false,
            elem_size,
            nelems,
            free_index: 0,
            large_type: ptr::null(),
        }));
        let a = &mut self.arenas[ai];
        let first = (start - a.base) / PAGE_SIZE;
        for s in &mut a.spans[first..first + npages] {
            *s = span;
        }
        self.stats.heap_inuse += (npages * PAGE_SIZE) as u64;
        self.stats.spans_inuse += 1;
        span
    }

    fn alloc_small(&mut self, class: usize, noscan: bool) -> *mut u8 {
        let mut s = self.current[class][noscan as usize];
        // SAFETY: spans are never freed; `s` is null or a live span.
        if s.is_null() || unsafe { (*s).free_index == (*s).nelems } {
            s = self.new_span(
                CLASS_TO_NPAGES[class] as usize,
                class as u8,
                noscan,
                CLASS_TO_SIZE[class] as usize,
            );
            self.current[class][noscan as usize] = s;
        }
        // SAFETY: as above; the heap lock serialises span updates.
        let span = unsafe { &mut *s };
        let p = span.start + span.free_index * span.elem_size;
        span.free_index += 1;
        self.stats.total_alloc += span.elem_size as u64;
        self.stats.mallocs += 1;
        self.stats.by_size_mallocs[class] += 1;
        p as *mut u8
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
        span.free_index = 1;
        self.stats.total_alloc += (npages * PAGE_SIZE) as u64;
        self.stats.mallocs += 1;
        span.start as *mut u8
    }
}

/// Allocates `size` zeroed bytes for a value of type `typ` (None: holds no
/// pointers). Never returns null.
pub fn alloc(size: usize, typ: Option<&Type>) -> *mut u8 {
    if size == 0 {
        return &ZEROBASE as *const u64 as *mut u8;
    }
    let noscan = typ.is_none_or(|t| t.ptr_bytes == 0);
    let typ: *const Type = typ.map_or(ptr::null(), |t| t);
    if size <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE {
        let header = has_header(size, noscan);
        let class = size_class(size + if header { MALLOC_HEADER_SIZE } else { 0 });
        let p = with_heap(|h| h.alloc_small(class, noscan));
        if header {
            // SAFETY: the slot is at least size + 8 bytes; its first word
            // is the header, the object follows.
            unsafe {
                *(p as *mut *const Type) = typ;
                return p.add(MALLOC_HEADER_SIZE);
            }
        }
        p
    } else {
        with_heap(|h| h.alloc_large(size, typ, noscan))
    }
}

/// Allocates pointer-free memory (strings, byte buffers, noscan arrays).
#[inline]
pub fn alloc_noscan(size: usize) -> *mut u8 {
    alloc(size, None)
}

/// The span holding address `p`, if `p` is in the Go heap.
pub fn span_of(p: usize) -> Option<*mut Span> {
    with_heap(|h| {
        for a in &h.arenas {
            if p >= a.base && p < a.base + a.npages * PAGE_SIZE {
                let s = a.spans[(p - a.base) / PAGE_SIZE];
                return if s.is_null() { None } else { Some(s) };
            }
        }
        None
    })
}

/// A snapshot of the heap counters.
pub fn stats() -> HeapStats {
    with_heap(|h| h.stats)
}

/// `runtime.GC()`. There is no collector yet: the cycle is counted (as
/// gc counts a forced cycle) but nothing is freed.
#[no_mangle]
pub extern "C" fn rgo_gc() {
    with_heap(|h| {
        h.stats.num_gc += 1;
        h.stats.num_forced_gc += 1;
    });
}

/// # Safety
/// `typ` must be null or a valid descriptor.
#[no_mangle]
pub unsafe extern "C" fn rgo_alloc(size: usize, typ: *const Type) -> *mut u8 {
    // SAFETY: guaranteed by the caller.
    alloc(size, unsafe { typ.as_ref() })
}

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

/// The first heap goal, as gc's (4 MB).
const FIRST_NEXT_GC: u64 = 4 << 20;

/// `runtime.ReadMemStats(m)`.
///
/// # Safety
/// `out` must point to a writable `runtime.MemStats`.
#[no_mangle]
pub unsafe extern "C" fn rgo_readmemstats(out: *mut MemStats) {
    let s = stats();
    let span_meta = s.spans_inuse * core::mem::size_of::<Span>() as u64;
    let stack = crate::start::main_stack_inuse() as u64;
    // SAFETY: the caller passes a valid MemStats.
    let m = unsafe { &mut *out };
    let live = s.total_alloc; // nothing is freed before the collector exists
    m.alloc = live;
    m.total_alloc = s.total_alloc;
    m.lookups = 0;
    m.mallocs = s.mallocs;
    m.frees = s.frees;
    m.heap_alloc = live;
    m.heap_sys = s.heap_sys;
    m.heap_inuse = s.heap_inuse;
    m.heap_idle = s.heap_sys - s.heap_inuse;
    m.heap_released = m.heap_idle;
    m.heap_objects = s.mallocs - s.frees;
    m.stack_inuse = stack;
    m.stack_sys = stack;
    m.mspan_inuse = span_meta;
    m.mspan_sys = span_meta;
    m.mcache_inuse = 0;
    m.mcache_sys = 0;
    m.buck_hash_sys = 0;
    // Page-to-span tables of the arenas.
    m.gc_sys = s.heap_sys / PAGE_SIZE as u64 * 8;
    m.other_sys = 0;
    m.sys = m.heap_sys + m.stack_sys + m.mspan_sys + m.gc_sys;
    m.next_gc = FIRST_NEXT_GC;
    m.last_gc = 0;
    m.pause_total_ns = 0;
    m.pause_ns = [0; 256];
    m.pause_end = [0; 256];
    m.num_gc = s.num_gc;
    m.num_forced_gc = s.num_forced_gc;
    m.gc_cpu_fraction = 0.0;
    m.enable_gc = 1;
    m.debug_gc = 0;
    for (i, b) in m.by_size.iter_mut().enumerate() {
        b.size = CLASS_TO_SIZE[i] as u32;
        b.mallocs = s.by_size_mallocs[i];
        b.frees = 0;
    }
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
        // SAFETY: spans are never freed.
        unsafe {
            assert_eq!((*s).elem_size, 24);
            assert!((*s).noscan);
        }
    }

    #[test]
    fn large_objects_get_their_own_span() {
        let p = alloc(100_000, None);
        let s = span_of(p as usize + 50_000).unwrap();
        // SAFETY: spans are never freed.
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
}
