//! Spans: runs of pages holding objects of one size class, or one large
//! object, with the per-object bits the collector works from.
//!
//! A small span keeps three bitmaps, one bit per slot or per word:
//! `alloc_bits` (slots live after the last sweep; slots below
//! `free_index` count as allocated too, as in gc), `mark_bits` (set by
//! the marker) and, for scannable objects of up to 512 bytes, which carry
//! no header, `ptr_bits`, one bit per word saying where the pointers are
//! (gc's heap bits). Such spans are one page, so 1,024 bits always do.
//! Sweeping turns the mark bits into the next cycle's alloc bits.

use core::ptr;

use super::sizeclasses::{MALLOC_HEADER_SIZE, MIN_SIZE_FOR_MALLOC_HEADER, PAGE_SIZE};
use crate::abi::Type;

/// Most objects a span holds (8-byte objects in one page).
pub const MAX_OBJECTS: usize = PAGE_SIZE / 8;
const BITMAP_WORDS: usize = MAX_OBJECTS / 64;

/// A run of pages holding objects of one size (or one large object).
pub struct Span {
    pub start: usize,
    pub npages: usize,
    /// Size class; 0 for a large object.
    pub class: u8,
    pub noscan: bool,
    /// Slots must be cleared before they are handed out again.
    pub needzero: bool,
    pub elem_size: usize,
    pub nelems: usize,
    /// Slots below this index are allocated; above it, `alloc_bits` says.
    pub free_index: usize,
    /// Allocated slots (live at the last sweep, or handed out since).
    pub allocated: usize,
    /// The heap's `sweepgen` when this span was last swept (or created).
    pub sweepgen: u32,
    /// `(offset * div_mul) >> 32` is `offset / elem_size` within the span.
    div_mul: u64,
    pub alloc_bits: [u64; BITMAP_WORDS],
    pub mark_bits: [u64; BITMAP_WORDS],
    /// Pointer words of header-less scannable objects.
    pub ptr_bits: [u64; BITMAP_WORDS],
    /// For a large object: its type (null if noscan) and requested size.
    pub large_type: *const Type,
    pub large_size: usize,
    /// The last type whose pointer mask was computed for this span.
    mask_type: *const Type,
    mask: u64,
}

fn bit(bits: &[u64], i: usize) -> bool {
    bits[i / 64] >> (i % 64) & 1 != 0
}

impl Span {
    pub fn new(start: usize, npages: usize, class: u8, noscan: bool, elem_size: usize) -> Span {
        let nelems = if class == 0 {
            1
        } else {
            npages * PAGE_SIZE / elem_size
        };
        Span {
            start,
            npages,
            class,
            noscan,
            needzero: false,
            elem_size,
            nelems,
            free_index: 0,
            allocated: 0,
            sweepgen: 0,
            div_mul: (u32::MAX as u64 / elem_size as u64) + 1,
            alloc_bits: [0; BITMAP_WORDS],
            mark_bits: [0; BITMAP_WORDS],
            ptr_bits: [0; BITMAP_WORDS],
            large_type: ptr::null(),
            large_size: 0,
            mask_type: ptr::null(),
            mask: 0,
        }
    }

    pub fn end(&self) -> usize {
        self.start + self.npages * PAGE_SIZE
    }

    /// Whether objects here carry gc's malloc header (their type).
    pub fn has_header(&self) -> bool {
        !self.noscan && self.class != 0 && self.elem_size > MIN_SIZE_FOR_MALLOC_HEADER
    }

    /// The slot holding address `p` (inside the span), if `p` falls in a
    /// slot rather than in the unused tail.
    #[inline]
    pub fn slot_of(&self, p: usize) -> Option<usize> {
        if self.class == 0 {
            return Some(0);
        }
        let i = (((p - self.start) as u64 * self.div_mul) >> 32) as usize;
        (i < self.nelems).then_some(i)
    }

    pub fn slot_addr(&self, i: usize) -> usize {
        self.start + i * self.elem_size
    }

    pub fn is_allocated(&self, i: usize) -> bool {
        i < self.free_index || bit(&self.alloc_bits, i)
    }

    /// Sets slot `i`'s mark bit of span `s`; whether it was clear.
    /// `shared`: other markers run at once (see `gc::mark`), so the bit
    /// is set atomically.
    ///
    /// # Safety
    /// `s` is a live span; during marking its mark bits are only set, by a
    /// lone marker or, when `shared`, only with atomics.
    #[inline]
    pub unsafe fn mark(s: *mut Span, i: usize, shared: bool) -> bool {
        let (w, b) = (i / 64, 1u64 << (i % 64));
        // SAFETY: caller; `w` is within the bitmap for a slot of the span.
        unsafe {
            let word = core::ptr::addr_of_mut!((*s).mark_bits[w]);
            if *word & b != 0 {
                return false;
            }
            if !shared {
                *word |= b;
                return true;
            }
            let a = core::sync::atomic::AtomicU64::from_ptr(word);
            a.fetch_or(b, core::sync::atomic::Ordering::Relaxed) & b == 0
        }
    }

    pub fn is_marked(&self, i: usize) -> bool {
        bit(&self.mark_bits, i)
    }

    /// The next free slot, advancing `free_index` past it.
    #[inline]
    pub fn next_free(&mut self) -> Option<usize> {
        while self.free_index < self.nelems {
            let w = self.free_index / 64;
            let free = !self.alloc_bits[w] >> (self.free_index % 64);
            if free != 0 {
                let i = self.free_index + free.trailing_zeros() as usize;
                if i >= self.nelems {
                    break;
                }
                self.free_index = i + 1;
                self.allocated += 1;
                return Some(i);
            }
            self.free_index = (w + 1) * 64;
        }
        self.free_index = self.nelems;
        None
    }

    /// Records where the pointers of the object in slot `i`, of type `typ`
    /// (repeated to fill the slot, as for arrays), are.
    pub fn set_ptr_bits(&mut self, i: usize, typ: &Type) {
        let nwords = self.elem_size / 8;
        if !ptr::eq(self.mask_type, typ) {
            self.mask = pointer_mask(typ, nwords);
            self.mask_type = typ;
        }
        let w0 = i * nwords;
        let keep = if nwords == 64 {
            0
        } else {
            !((1u64 << nwords) - 1)
        };
        let (w, b) = (w0 / 64, w0 % 64);
        self.ptr_bits[w] = (self.ptr_bits[w] & !(!keep << b)) | self.mask << b;
        if b + nwords > 64 {
            let rest = b + nwords - 64;
            let lo = (1u64 << rest) - 1;
            self.ptr_bits[w + 1] = (self.ptr_bits[w + 1] & !lo) | self.mask >> (64 - b);
        }
    }

    /// The pointer mask of the header-less object in slot `i` (bit j:
    /// word j is a pointer).
    pub fn ptr_mask(&self, i: usize) -> u64 {
        let nwords = self.elem_size / 8;
        let w0 = i * nwords;
        let (w, b) = (w0 / 64, w0 % 64);
        let mut m = self.ptr_bits[w] >> b;
        if b + nwords > 64 {
            m |= self.ptr_bits[w + 1] << (64 - b);
        }
        if nwords < 64 {
            m &= (1u64 << nwords) - 1;
        }
        m
    }

    /// Sweeps the span: slots allocated but not marked are freed (and
    /// poisoned if `poison`). Returns the number of objects freed.
    pub fn sweep(&mut self, sweepgen: u32, poison: bool) -> usize {
        self.sweepgen = sweepgen;
        if self.class == 0 {
            let dead = self.allocated == 1 && self.mark_bits[0] & 1 == 0;
            self.mark_bits[0] = 0;
            if dead {
                self.allocated = 0;
                return 1;
            }
            return 0;
        }
        let live: usize = self.mark_bits.iter().map(|w| w.count_ones() as usize).sum();
        let freed = self.allocated - live;
        if freed > 0 {
            self.needzero = true;
            if poison {
                for i in 0..self.nelems {
                    if self.is_allocated(i) && !self.is_marked(i) {
                        let p = self.slot_addr(i);
                        // SAFETY: a dead slot of this span: no live
                        // object refers to it, and it is ours to write.
                        unsafe { ptr::write_bytes(p as *mut u8, 0xde, self.elem_size) };
                    }
                }
            }
        }
        self.alloc_bits = self.mark_bits;
        self.mark_bits = [0; BITMAP_WORDS];
        self.free_index = 0;
        self.allocated = live;
        freed
    }

    /// Address and size of the object in slot `i` as the program sees it
    /// (after any header), and its type if it has a header or is large.
    pub fn object(&self, i: usize) -> (usize, usize, *const Type) {
        let slot = self.slot_addr(i);
        if self.class == 0 {
            (slot, self.large_size, self.large_type)
        } else if self.has_header() {
            // SAFETY: the first word of an allocated header slot is the
            // object's type, written by `alloc`.
            let t = unsafe { *(slot as *const *const Type) };
            (
                slot + MALLOC_HEADER_SIZE,
                self.elem_size - MALLOC_HEADER_SIZE,
                t,
            )
        } else {
            (slot, self.elem_size, ptr::null())
        }
    }
}

/// Bit j set: word j of an `nwords`-word object made of values of type
/// `typ` one after another holds a pointer.
pub fn pointer_mask(typ: &Type, nwords: usize) -> u64 {
    let tw = typ.size / 8;
    let one = first_bits(typ, 64);
    if tw == 0 {
        return 0;
    }
    let mut m = 0u64;
    let mut off = 0;
    while off < nwords {
        m |= one << off;
        off += tw;
    }
    if nwords < 64 {
        m &= (1u64 << nwords) - 1;
    }
    m
}

/// The first `n` (at most 64) bits of `typ`'s pointer bitmap.
fn first_bits(typ: &Type, n: usize) -> u64 {
    let nptr = (typ.ptr_bytes / 8).min(n);
    let mut m = 0u64;
    for i in 0..nptr {
        // SAFETY: `gc_data` holds `ptr_bytes / 8` bits (rt/ABI.md).
        if unsafe { *typ.gc_data.add(i / 8) } >> (i % 8) & 1 != 0 {
            m |= 1 << i;
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(size: usize, bits: &'static [u8], ptr_bytes: usize) -> Type {
        Type::internal("test", size, ptr_bytes, bits.as_ptr())
    }

    #[test]
    fn masks_repeat_per_element() {
        // struct { p *int; n int }: word 0 of every 2.
        let t = desc(16, &[0b01], 8);
        assert_eq!(pointer_mask(&t, 6), 0b010101);
        let all = desc(8, &[1], 8);
        assert_eq!(pointer_mask(&all, 64), u64::MAX);
    }

    #[test]
    fn ptr_bits_straddle_words() {
        // 48-byte objects: 6 words each, slot 10 starts at word 60.
        let mut s = Span::new(0x10000, 1, 5, false, 48);
        let t = desc(48, &[0b100001], 48);
        s.set_ptr_bits(10, &t);
        assert_eq!(s.ptr_mask(10), 0b100001);
        assert_eq!(s.ptr_mask(9), 0);
        assert_eq!(s.ptr_mask(11), 0);
    }

    #[test]
    fn sweep_frees_unmarked() {
        let mut s = Span::new(0x10000, 1, 2, true, 16);
        for _ in 0..10 {
            s.next_free().unwrap();
        }
        // SAFETY: `s` is a live span only this test uses.
        unsafe {
            assert!(Span::mark(&mut s, 3, false));
            assert!(Span::mark(&mut s, 7, true));
            assert!(!Span::mark(&mut s, 7, false));
        }
        assert_eq!(s.sweep(1, false), 8);
        assert_eq!(s.allocated, 2);
        assert_eq!(s.next_free(), Some(0));
        assert!(s.is_allocated(3));
        assert_eq!(s.next_free(), Some(1));
        assert_eq!(s.slot_of(0x10000 + 7 * 16 + 5), Some(7));
    }
}
