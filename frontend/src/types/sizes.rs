//! Sizes, alignments and field offsets as gc computes them for amd64
//! (`unsafe.Sizeof`, `Alignof`, `Offsetof` are constants).

use super::ty::{BasicKind, TyId, TypeCtx, TypeKind};

pub struct Sizes<'t> {
    tcx: &'t TypeCtx,
}

fn align_up(x: u64, a: u64) -> u64 {
    if a <= 1 {
        x
    } else {
        x.div_ceil(a) * a
    }
}

impl<'t> Sizes<'t> {
    pub fn new(tcx: &'t TypeCtx) -> Sizes<'t> {
        Sizes { tcx }
    }

    pub fn alignof(&self, t: TyId) -> u64 {
        self.alignof_depth(t, 0)
    }

    fn alignof_depth(&self, t: TyId, depth: u32) -> u64 {
        if depth > 64 {
            return 1;
        }
        match self.tcx.under_kind(t) {
            TypeKind::Array(_, e) => self.alignof_depth(*e, depth + 1),
            TypeKind::Struct(fs) => fs
                .iter()
                .map(|f| self.alignof_depth(f.ty, depth + 1))
                .max()
                .unwrap_or(1)
                .max(1),
            TypeKind::Basic(b) => match b.canon() {
                BasicKind::Bool | BasicKind::Int8 | BasicKind::Uint8 => 1,
                BasicKind::Int16 | BasicKind::Uint16 => 2,
                BasicKind::Int32 | BasicKind::Uint32 | BasicKind::Float32 => 4,
                BasicKind::Complex64 => 4,
                _ => 8,
            },
            _ => 8,
        }
    }

    pub fn sizeof(&self, t: TyId) -> u64 {
        self.sizeof_depth(t, 0)
    }

    fn sizeof_depth(&self, t: TyId, depth: u32) -> u64 {
        if depth > 64 {
            return 0;
        }
        match self.tcx.under_kind(t) {
            TypeKind::Basic(b) => match b.canon() {
                BasicKind::Bool | BasicKind::Int8 | BasicKind::Uint8 => 1,
                BasicKind::Int16 | BasicKind::Uint16 => 2,
                BasicKind::Int32 | BasicKind::Uint32 | BasicKind::Float32 => 4,
                BasicKind::Complex128 | BasicKind::String => 16,
                BasicKind::Invalid => 1,
                _ => 8,
            },
            TypeKind::Array(n, e) => n.saturating_mul(self.sizeof_depth(*e, depth + 1)),
            TypeKind::Slice(_) => 24,
            TypeKind::Interface(_) => 16,
            TypeKind::Struct(fs) => {
                if fs.is_empty() {
                    return 0;
                }
                let tys: Vec<TyId> = fs.iter().map(|f| f.ty).collect();
                let offs = self.offsets(&tys);
                let last = offs.last().copied().unwrap_or(0);
                let mut size = tys
                    .last()
                    .map(|&t| self.sizeof_depth(t, depth + 1))
                    .unwrap_or(0);
                if last > 0 && size == 0 {
                    size = 1;
                }
                align_up(last + size, self.alignof_depth(t, depth))
            }
            TypeKind::Tuple(ts) => {
                let ts = ts.clone();
                let offs = self.offsets(&ts);
                let last = offs.last().copied().unwrap_or(0);
                let size = ts.last().map(|&t| self.sizeof(t)).unwrap_or(0);
                last + size
            }
            _ => 8,
        }
    }

    /// Offsets of consecutive fields of the given types.
    pub fn offsets(&self, tys: &[TyId]) -> Vec<u64> {
        let mut off = 0u64;
        let mut out = Vec::with_capacity(tys.len());
        for &t in tys {
            off = align_up(off, self.alignof(t));
            out.push(off);
            off += self.sizeof(t);
        }
        out
    }

    /// Offsets of a struct type's fields.
    pub fn field_offsets(&self, t: TyId) -> Vec<u64> {
        match self.tcx.under_kind(t) {
            TypeKind::Struct(fs) => {
                let tys: Vec<TyId> = fs.iter().map(|f| f.ty).collect();
                self.offsets(&tys)
            }
            _ => Vec::new(),
        }
    }
}
