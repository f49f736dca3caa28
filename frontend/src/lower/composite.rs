//! Composite literals: built in memory (a zeroed stack slot, or a heap
//! object for `&T{...}`) element by element, then loaded. Slices get a
//! fresh backing array; maps are made and filled.

use super::func::FnLowerer;
use crate::ir::{InstrKind, ValueId};
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::{Mode, TyId, TypeKind};

impl<'l, 'a> FnLowerer<'l, 'a> {
    /// The value of a composite literal.
    pub fn composite(&mut self, e: &'a Expr) -> ValueId {
        let t = self.tyof(e);
        // An elided `&T` in `[]*T{{...}}`.
        if let TypeKind::Pointer(elem) = self.lw.ck.tcx.kind(t).clone() {
            if matches!(&e.kind, ExprKind::CompositeLit { ty: None, .. }) {
                return self.composite_at_new(e, elem);
            }
        }
        match self.under_kind(t) {
            TypeKind::Slice(elem) => self.slice_lit(e, t, elem),
            TypeKind::Map(k, v) => self.map_lit(e, t, k, v),
            _ => {
                let it = self.ty(t);
                let pt = self.ptr_to(t);
                let l = self.temp("lit", it);
                let a = self.b.local_addr(l, pt);
                let z = self.zero(it);
                self.b.store(a, z);
                self.fill(e, a, t);
                let a = self.b.local_addr(l, pt);
                self.b.load(a, it)
            }
        }
    }

    /// `&T{...}`: a new heap object.
    pub fn composite_addr(&mut self, e: &'a Expr) -> ValueId {
        let t = self.tyof(e);
        let elem = match self.lw.ck.tcx.kind(t).clone() {
            TypeKind::Pointer(el) if matches!(&e.kind, ExprKind::CompositeLit { ty: None, .. }) => {
                el
            }
            _ => t,
        };
        self.composite_at_new(e, elem)
    }

    fn composite_at_new(&mut self, e: &'a Expr, t: TyId) -> ValueId {
        let it = self.ty(t);
        let pt = self.ptr_to(t);
        self.set_span(e.pos());
        let p = self.b.val(InstrKind::New(it), pt);
        match self.under_kind(t) {
            TypeKind::Slice(elem) => {
                let v = self.slice_lit(e, t, elem);
                self.b.store(p, v);
            }
            TypeKind::Map(k, v) => {
                let m = self.map_lit(e, t, k, v);
                self.b.store(p, m);
            }
            _ => self.fill(e, p, t),
        }
        p
    }

    /// Stores the elements of a struct or array literal at `addr`
    /// (already zero).
    fn fill(&mut self, e: &'a Expr, addr: ValueId, t: TyId) {
        let ExprKind::CompositeLit { elts, .. } = &e.kind else {
            return;
        };
        match self.under_kind(t) {
            TypeKind::Struct(fields) => {
                for (i, el) in elts.iter().enumerate() {
                    let (idx, val) = match &el.kind {
                        ExprKind::KeyValue { key, value, .. } => {
                            let name = key.as_ident().unwrap_or("");
                            let Some(idx) = fields.iter().position(|f| f.name == name) else {
                                self.ice(key.pos(), "unknown field in struct literal");
                                continue;
                            };
                            (idx, &**value)
                        }
                        _ => (i, el),
                    };
                    let Some(f) = fields.get(idx) else { continue };
                    let fty = f.ty;
                    let pt = self.ptr_to(fty);
                    let fa = self.b.val(
                        InstrKind::FieldAddr {
                            base: addr,
                            index: idx as u32,
                        },
                        pt,
                    );
                    self.store_elem(fa, val, fty);
                }
            }
            TypeKind::Array(_, elem) => {
                let mut index: i64 = 0;
                let pt = self.ptr_to(elem);
                for el in elts {
                    let val = match &el.kind {
                        ExprKind::KeyValue { key, value, .. } => {
                            index = self.const_index(key);
                            &**value
                        }
                        _ => el,
                    };
                    let iv = self.int(index);
                    let ea = self.b.val(
                        InstrKind::IndexAddr {
                            base: addr,
                            index: iv,
                        },
                        pt,
                    );
                    self.store_elem(ea, val, elem);
                    index += 1;
                }
            }
            _ => self.ice(e.pos(), "composite literal of unexpected type"),
        }
    }

    /// Stores one element; nested literals are built in place.
    fn store_elem(&mut self, addr: ValueId, val: &'a Expr, t: TyId) {
        let is_lit = matches!(val.unparen().kind, ExprKind::CompositeLit { .. });
        let vt = self.tyof(val);
        let ct = self.cty(t);
        if is_lit && self.lw.ck.tcx.identical(vt, ct) {
            if let TypeKind::Struct(_) | TypeKind::Array(..) = self.under_kind(t) {
                self.fill(val.unparen(), addr, t);
                return;
            }
        }
        let v = self.expr_to(val, t);
        self.b.store(addr, v);
    }

    /// The constant value of an index key.
    fn const_index(&mut self, key: &Expr) -> i64 {
        match self.lw.ck.info.types.get(&key.id).map(|t| t.mode.clone()) {
            Some(Mode::Const(v)) => v.to_int().and_then(|i| i.to_i64()).unwrap_or(0),
            _ => {
                self.ice(key.pos(), "non-constant index in literal");
                0
            }
        }
    }

    fn slice_lit(&mut self, e: &'a Expr, t: TyId, elem: TyId) -> ValueId {
        let ExprKind::CompositeLit { elts, .. } = &e.kind else {
            return self.int(0);
        };
        // Length: highest index + 1.
        let mut n: i64 = 0;
        let mut index: i64 = 0;
        for el in elts {
            if let ExprKind::KeyValue { key, .. } = &el.kind {
                index = self.const_index(key);
            }
            index += 1;
            n = n.max(index);
        }
        let st = self.ty(t);
        let arr_t = self.lw.ck.tcx.intern(TypeKind::Array(n as u64, elem));
        let at = self.ty(arr_t);
        let apt = self.ptr_to(arr_t);
        let ept = self.ptr_to(elem);
        self.set_span(e.pos());
        let arr = self.b.val(InstrKind::New(at), apt);
        let mut index: i64 = 0;
        for el in elts {
            let val = match &el.kind {
                ExprKind::KeyValue { key, value, .. } => {
                    index = self.const_index(key);
                    &**value
                }
                _ => el,
            };
            let iv = self.int(index);
            let ea = self.b.val(
                InstrKind::IndexAddr {
                    base: arr,
                    index: iv,
                },
                ept,
            );
            self.store_elem(ea, val, elem);
            index += 1;
        }
        let zero = self.int(0);
        let data = self.b.val(
            InstrKind::IndexAddr {
                base: arr,
                index: zero,
            },
            ept,
        );
        let len = self.int(n);
        self.b.val(
            InstrKind::MakeSliceHeader {
                data,
                len,
                cap: len,
            },
            st,
        )
    }

    fn map_lit(&mut self, e: &'a Expr, t: TyId, k: TyId, v: TyId) -> ValueId {
        let ExprKind::CompositeLit { elts, .. } = &e.kind else {
            return self.int(0);
        };
        let mt = self.ty(t);
        let hint = if elts.is_empty() {
            None
        } else {
            Some(self.int(elts.len() as i64))
        };
        self.set_span(e.pos());
        let m = self.b.val(InstrKind::MakeMap { hint }, mt);
        for el in elts {
            if let ExprKind::KeyValue { key, value, .. } = &el.kind {
                let kv = self.expr_to(key, k);
                let vv = self.expr_to(value, v);
                self.set_span(el.pos());
                self.b.stmt(InstrKind::MapStore {
                    map: m,
                    key: kv,
                    value: vv,
                });
            }
        }
        m
    }
}
