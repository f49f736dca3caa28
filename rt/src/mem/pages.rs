//! The page heap: 64 MiB arenas of 8 KiB pages, which pages belong to
//! which span, and the runs of free pages.
//!
//! Arenas are reserved (not committed) near gc's heap address, one after
//! another when the kernel agrees. Free pages are kept as maximal runs in
//! address order and handed out first-fit, so the heap stays compact.
//! A run remembers whether its pages were touched since the kernel last
//! zeroed them (`needzero`) and whether they were given back to the
//! kernel (`released`, counted in `HeapReleased`); a fresh arena is one
//! released run.

use std::collections::BTreeMap;

use super::sizeclasses::{PAGE_SHIFT, PAGE_SIZE};
use super::span::Span;
use crate::sys;

const ARENA_SHIFT: usize = 26;
pub const ARENA_SIZE: usize = 1 << ARENA_SHIFT;
const PAGES_PER_ARENA: usize = ARENA_SIZE / PAGE_SIZE;
/// Where the first arena is asked for (gc's heap starts there too).
const ARENA_HINT: usize = 0xc0_0000_0000;
/// Entries of the arena index: 64 MiB chunks of a 47-bit address space.
const INDEX_LEN: usize = 1 << (47 - ARENA_SHIFT);

struct Arena {
    base: usize,
    npages: usize,
    /// The span each page belongs to (null: free).
    spans: Vec<*mut Span>,
}

#[derive(Clone, Copy)]
struct Run {
    npages: usize,
    needzero: bool,
    released: bool,
}

pub struct Pages {
    /// Sorted by address.
    arenas: Vec<Arena>,
    /// For each 64 MiB of the address space (47 bits), the page map of
    /// the arena part there, or null: an O(1) `span_of` (gc's arena
    /// index). Reserved address space, committed only where written.
    index: *mut *mut *mut Span,
    /// Free runs by start address.
    free: BTreeMap<usize, Run>,
    next_hint: usize,
    /// Lowest and highest heap address (quick "not in the heap" test).
    pub lo: usize,
    pub hi: usize,
    /// Bytes reserved for arenas (`HeapSys`).
    pub sys: u64,
    /// Free bytes that are released to the kernel (`HeapReleased`).
    pub released: u64,
    /// Bytes in spans (`HeapInuse`).
    pub inuse: u64,
}

/// Pages for a span: where, and whether they must be zeroed.
pub struct Grant {
    pub start: usize,
    pub needzero: bool,
}

impl Default for Pages {
    fn default() -> Pages {
        Pages::new()
    }
}

impl Pages {
    pub const fn new() -> Pages {
        Pages {
            arenas: Vec::new(),
            index: core::ptr::null_mut(),
            free: BTreeMap::new(),
            next_hint: ARENA_HINT,
            lo: usize::MAX,
            hi: 0,
            sys: 0,
            released: 0,
            inuse: 0,
        }
    }

    /// `npages` contiguous pages, or None when the system has no memory.
    pub fn alloc(&mut self, npages: usize) -> Option<Grant> {
        let found = self
            .free
            .iter()
            .find(|(_, r)| r.npages >= npages)
            .map(|(&s, &r)| (s, r));
        let (start, run) = match found {
            Some(x) => x,
            None => {
                self.grow(npages)?;
                return self.alloc(npages);
            }
        };
        self.free.remove(&start);
        if run.npages > npages {
            let rest = Run {
                npages: run.npages - npages,
                ..run
            };
            self.free.insert(start + npages * PAGE_SIZE, rest);
        }
        if run.released {
            self.released -= (npages * PAGE_SIZE) as u64;
        }
        self.inuse += (npages * PAGE_SIZE) as u64;
        Some(Grant {
            start,
            needzero: run.needzero && !run.released,
        })
    }

    /// Reserves a new arena big enough for `npages`.
    fn grow(&mut self, npages: usize) -> Option<()> {
        let arena_pages = npages.next_multiple_of(PAGES_PER_ARENA);
        let len = arena_pages * PAGE_SIZE;
        let base = reserve_aligned(self.next_hint, len)?;
        if self.index.is_null() {
            self.index = sys::map_zeroed(INDEX_LEN * 8, true) as *mut *mut *mut Span;
            if self.index.is_null() {
                return None;
            }
        }
        self.next_hint = base + len;
        let i = self.arenas.partition_point(|a| a.base < base);
        self.arenas.insert(
            i,
            Arena {
                base,
                npages: arena_pages,
                spans: vec![core::ptr::null_mut(); arena_pages],
            },
        );
        let a = &mut self.arenas[i];
        for c in 0..arena_pages / PAGES_PER_ARENA {
            let chunk = (base >> ARENA_SHIFT) + c;
            // SAFETY: `chunk` < INDEX_LEN (user addresses are below
            // 2^47) and the index is a live mapping of INDEX_LEN entries;
            // the arena's page map is never reallocated.
            unsafe {
                *self.index.add(chunk) = a.spans.as_mut_ptr().add(c * PAGES_PER_ARENA);
            }
        }
        self.lo = self.lo.min(base);
        self.hi = self.hi.max(base + len);
        self.sys += len as u64;
        self.released += len as u64;
        self.insert_free(
            base,
            Run {
                npages: arena_pages,
                needzero: false,
                released: true,
            },
        );
        Some(())
    }

    /// Gives back the pages of a span (their contents are garbage now).
    pub fn free(&mut self, start: usize, npages: usize) {
        self.set_span(start, npages, core::ptr::null_mut());
        self.inuse -= (npages * PAGE_SIZE) as u64;
        self.insert_free(
            start,
            Run {
                npages,
                needzero: true,
                released: false,
            },
        );
    }

    /// Adds a free run, merging it with free neighbours in the same state.
    fn insert_free(&mut self, mut start: usize, mut run: Run) {
        if let Some((&ps, &pr)) = self.free.range(..start).next_back() {
            if ps + pr.npages * PAGE_SIZE == start && pr.released == run.released {
                self.free.remove(&ps);
                start = ps;
                run.npages += pr.npages;
                run.needzero |= pr.needzero;
            }
        }
        let end = start + run.npages * PAGE_SIZE;
        if let Some(&nr) = self.free.get(&end) {
            if nr.released == run.released {
                self.free.remove(&end);
                run.npages += nr.npages;
                run.needzero |= nr.needzero;
            }
        }
        self.free.insert(start, run);
    }

    /// Records that pages `[start, start + npages)` belong to `span` (a
    /// run may cross from one arena into the next when they adjoin).
    pub fn set_span(&mut self, start: usize, npages: usize, span: *mut Span) {
        let end = start + npages * PAGE_SIZE;
        let mut p = start;
        while p < end {
            let i = self
                .arenas
                .partition_point(|a| a.base + a.npages * PAGE_SIZE <= p);
            let a = &mut self.arenas[i];
            let first = (p - a.base) / PAGE_SIZE;
            let n = (a.npages - first).min((end - p) / PAGE_SIZE);
            for s in &mut a.spans[first..first + n] {
                *s = span;
            }
            p += n * PAGE_SIZE;
        }
    }

    /// The span holding address `p`, if `p` is in an in-use span.
    #[inline]
    pub fn span_of(&self, p: usize) -> Option<*mut Span> {
        if p < self.lo || p >= self.hi {
            return None;
        }
        // SAFETY: `lo..hi` lies inside arenas' chunks or gaps between
        // them, all below 2^47, so the index entry exists (null in gaps).
        let map = unsafe { *self.index.add(p >> ARENA_SHIFT) };
        if map.is_null() {
            return None;
        }
        // SAFETY: a chunk's page map has PAGES_PER_ARENA entries.
        let s = unsafe { *map.add((p >> PAGE_SHIFT) & (PAGES_PER_ARENA - 1)) };
        (!s.is_null()).then_some(s)
    }

    /// Free bytes not yet given back to the kernel.
    pub fn free_unreleased(&self) -> u64 {
        self.sys - self.inuse - self.released
    }

    /// Gives free pages back to the kernel until at most `keep` free bytes
    /// stay committed, largest runs first.
    pub fn scavenge(&mut self, keep: u64) {
        let mut over = self.free_unreleased().saturating_sub(keep);
        if over == 0 {
            return;
        }
        let mut runs: Vec<(usize, Run)> = self
            .free
            .iter()
            .filter(|(_, r)| !r.released)
            .map(|(&s, &r)| (s, r))
            .collect();
        runs.sort_by_key(|(_, r)| core::cmp::Reverse(r.npages));
        for (start, run) in runs {
            if over == 0 {
                break;
            }
            let len = run.npages * PAGE_SIZE;
            sys::release_pages(start, len);
            self.free.remove(&start);
            self.released += len as u64;
            over = over.saturating_sub(len as u64);
            self.insert_free(
                start,
                Run {
                    npages: run.npages,
                    needzero: false,
                    released: true,
                },
            );
        }
    }
}

/// Reserves `len` bytes at a 64 MiB-aligned address, at `hint` if the
/// kernel agrees.
fn reserve_aligned(hint: usize, len: usize) -> Option<usize> {
    let p = sys::map_zeroed_at(hint, len, true) as usize;
    if p == 0 {
        return None;
    }
    if p.is_multiple_of(ARENA_SIZE) {
        return Some(p);
    }
    // SAFETY: our own fresh mapping, unused.
    unsafe { sys::munmap(p as *mut core::ffi::c_void, len) };
    let p = sys::map_zeroed(len + ARENA_SIZE, true) as usize;
    if p == 0 {
        return None;
    }
    let base = p.next_multiple_of(ARENA_SIZE);
    // SAFETY: unmaps the unaligned head and the tail of our own mapping.
    unsafe {
        if base > p {
            sys::munmap(p as *mut core::ffi::c_void, base - p);
        }
        let end = base + len;
        let map_end = p + len + ARENA_SIZE;
        if map_end > end {
            sys::munmap(end as *mut core::ffi::c_void, map_end - end);
        }
    }
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_and_merge() {
        let mut p = Pages::new();
        let a = p.alloc(3).unwrap();
        let b = p.alloc(2).unwrap();
        assert_eq!(b.start, a.start + 3 * PAGE_SIZE);
        assert!(!a.needzero);
        p.free(a.start, 3);
        let c = p.alloc(1).unwrap();
        assert_eq!(c.start, a.start);
        assert!(c.needzero);
        p.free(c.start, 1);
        p.free(b.start, 2);
        assert_eq!(p.inuse, 0);
        p.scavenge(0);
        assert_eq!(p.released, p.sys);
        let d = p.alloc(5).unwrap();
        assert_eq!(d.start, a.start);
        assert!(!d.needzero);
    }
}
