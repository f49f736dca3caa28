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

use crate::abi::Type;
use crate::mem::pages::Pages;
use crate::mem::span::Span;

pub struct Marker<'h> {
    pages: &'h Pages,
    /// Grey objects: (span, slot).
    grey: Vec<(*mut Span, usize)>,
    /// Bytes of the objects marked (slot sizes).
    pub marked_bytes: u64,
    pub marked_objects: u64,
    /// Bytes scanned conservatively (stacks).
    pub conservative_bytes: u64,
}

impl<'h> Marker<'h> {
    pub fn new(pages: &'h Pages) -> Marker<'h> {
        Marker {
            pages,
            grey: Vec::new(),
            marked_bytes: 0,
            marked_objects: 0,
            conservative_bytes: 0,
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
        // the heap locked.
        let span = unsafe { &mut *s };
        if span.mark(i) {
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
fn for_each_object_pointer(span: &Span, i: usize, mut f: impl FnMut(usize)) {
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
