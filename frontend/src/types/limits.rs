//! gc's size limits, checked once a package type-checks cleanly (gc finds
//! them while laying out types, after type checking): an array type may
//! not exceed the address space (2^50 bytes on amd64), and a channel's
//! element may not reach 64 kB.

use super::object::{ObjId, ObjKind, VarKind};
use super::sizes::Sizes;
use super::ty::{TyId, TypeKind};
use super::Checker;

/// The largest size gc lays out on amd64.
const MAX_WIDTH: u64 = 1 << 50;
/// A channel element must be smaller than this.
const MAX_CHAN_ELEM: u64 = 1 << 16;

impl Checker<'_> {
    /// Reports the first too-large type in each declaration made since
    /// object `first` of the package being checked. Type declarations
    /// come first: as in gc, a type's error hides those of its uses.
    pub(super) fn check_size_limits(&mut self, first: usize) {
        let made = std::mem::take(&mut self.made_chans);
        let ids: Vec<ObjId> = (first..self.objs.objs.len())
            .map(|i| ObjId(i as u32))
            .collect();
        let mut found = Vec::new();
        for types_only in [true, false] {
            for &o in &ids {
                let obj = self.objs.get(o);
                if obj.pkg != Some(self.pkg) {
                    continue;
                }
                let check = match obj.kind {
                    ObjKind::TypeName { alias } => types_only && !alias,
                    ObjKind::Var(VarKind::Global | VarKind::Local) | ObjKind::Func => !types_only,
                    _ => false,
                };
                if !check {
                    continue;
                }
                let ty = if types_only {
                    self.tcx.under(obj.ty)
                } else {
                    obj.ty
                };
                if let Some(msg) = self.too_large(ty, 0) {
                    found.push((obj.span, msg));
                }
            }
            if !types_only {
                for &(t, d) in &made {
                    if let Some(msg) = self.too_large(t, 0) {
                        found.push((self.objs.get(d).span, msg));
                    }
                }
            }
            if !found.is_empty() {
                break;
            }
        }
        for (span, msg) in found {
            self.error(span, msg);
        }
    }

    /// Why `t` (not looking into defined types, which are checked at
    /// their own declaration) cannot be laid out, if it cannot.
    fn too_large(&self, t: TyId, depth: u32) -> Option<String> {
        if depth > 32 {
            return None;
        }
        let sizes = Sizes::new(&self.tcx);
        match self.tcx.kind(t) {
            TypeKind::Array(n, e) => {
                if let Some(m) = self.too_large(*e, depth + 1) {
                    return Some(m);
                }
                let w = sizes.sizeof(*e);
                (w != 0 && *n > (MAX_WIDTH - 1) / w)
                    .then(|| format!("type {} larger than address space", self.ts(t)))
            }
            TypeKind::Chan(_, e) => {
                if sizes.sizeof(*e) >= MAX_CHAN_ELEM {
                    return Some("channel element type too large (>64kB)".into());
                }
                self.too_large(*e, depth + 1)
            }
            TypeKind::Pointer(e) | TypeKind::Slice(e) => self.too_large(*e, depth + 1),
            TypeKind::Map(k, v) => self
                .too_large(*k, depth + 1)
                .or_else(|| self.too_large(*v, depth + 1)),
            TypeKind::Struct(fs) => fs.iter().find_map(|f| self.too_large(f.ty, depth + 1)),
            TypeKind::Func(sig) => sig
                .params
                .iter()
                .chain(&sig.results)
                .find_map(|&p| self.too_large(p, depth + 1)),
            _ => None,
        }
    }
}
