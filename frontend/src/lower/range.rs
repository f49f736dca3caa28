//! `for range` loops over integers, slices, arrays (and pointers to them),
//! strings (decoding runes) and maps (through the runtime's iterator). The
//! range expression is evaluated once; iteration variables declared with
//! `:=` are fresh in each iteration.

use super::func::{FnLowerer, Target};
use super::stmt::LValue;
use crate::ir::{BinOp, InstrKind, ValueId};
use crate::syntax::ast::{Expr, RangeStmt};
use crate::types::{BasicKind, TyId, TypeKind};

/// An iteration variable's expression and the value it gets.
type IterVar<'a> = (Option<&'a Expr>, Option<(ValueId, TyId)>);

impl<'l, 'a> FnLowerer<'l, 'a> {
    pub fn range_stmt(&mut self, r: &'a RangeStmt) {
        let label = self.pending_label.take();
        let xt = self.tyof(&r.x);
        let kind = self.under_kind(xt);
        if let TypeKind::Func(_) = kind {
            self.range_func(r, label);
            return;
        }
        let int = self.int_ty();
        let bool_t = self.bool_ty();
        let ipt = self.ptr_to(crate::types::TypeCtx::basic(BasicKind::Int));
        // Assignment targets (`=` form) are evaluated per iteration as the
        // spec says ("as in an assignment statement").
        let head = self.b.new_block();
        let body = self.b.new_block();
        let post = self.b.new_block();
        let done = self.b.new_block();
        match kind {
            TypeKind::Basic(k) if k.is_integer() => {
                let n = self.expr(&r.x);
                // The counter has the type of the range value (or of the
                // key variable for untyped constants).
                let kt = match r.key.as_ref() {
                    Some(k) if r.define => match self.lw.ck.info.defs.get(&k.id).copied() {
                        Some(o) if k.as_ident() != Some("_") => {
                            let t = self.lw.ck.obj(o).ty;
                            self.cty(t)
                        }
                        _ => xt,
                    },
                    Some(k) if k.as_ident() != Some("_") => self.tyof(k),
                    _ => xt,
                };
                let kit = self.ty(kt);
                let kpt = self.ptr_to(kt);
                let n = self.convert_value(n, xt, kt);
                let slot = self.temp("i", kit);
                let sa = self.b.local_addr(slot, kpt);
                let z = self.zero(kit);
                self.b.store(sa, z);
                self.b.jump(head);
                self.b.set_block(head);
                let sa = self.b.local_addr(slot, kpt);
                let i = self.b.load(sa, kit);
                let c = self.b.binary(BinOp::Lt, i, n, bool_t);
                self.b.branch(c, body, done);
                self.b.set_block(body);
                self.assign_iter(r, Some((i, kt)), None);
                self.range_body(r, label, done, post);
                self.b.set_block(post);
                let sa = self.b.local_addr(slot, kpt);
                let i = self.b.load(sa, kit);
                let one = self.b.konst(crate::ir::Const::Int(1), kit);
                let i2 = self.b.binary(BinOp::Add, i, one, kit);
                self.b.store(sa, i2);
                self.b.jump(head);
            }
            TypeKind::Basic(_) => {
                // A string: decode runes.
                let s = self.expr(&r.x);
                let n = self.b.val(InstrKind::Len(s), int);
                let rune = self.basic(BasicKind::Int32);
                let slot = self.temp("i", int);
                let next_slot = self.temp("next", int);
                let sa = self.b.local_addr(slot, ipt);
                let z = self.int(0);
                self.b.store(sa, z);
                self.b.jump(head);
                self.b.set_block(head);
                let sa = self.b.local_addr(slot, ipt);
                let i = self.b.load(sa, int);
                let c = self.b.binary(BinOp::Lt, i, n, bool_t);
                self.b.branch(c, body, done);
                self.b.set_block(body);
                let tup_t = self.lw.tuple_type(vec![rune, int]);
                let tup = self.b.val(
                    InstrKind::DecodeRune {
                        string: s,
                        index: i,
                    },
                    tup_t,
                );
                let rv = self.b.val(
                    InstrKind::Extract {
                        tuple: tup,
                        index: 0,
                    },
                    rune,
                );
                let nx = self.b.val(
                    InstrKind::Extract {
                        tuple: tup,
                        index: 1,
                    },
                    int,
                );
                let na = self.b.local_addr(next_slot, ipt);
                self.b.store(na, nx);
                let int_t = crate::types::TypeCtx::basic(BasicKind::Int);
                let rune_t = crate::types::TypeCtx::basic(BasicKind::Rune);
                self.assign_iter(r, Some((i, int_t)), Some((rv, rune_t)));
                self.range_body(r, label, done, post);
                self.b.set_block(post);
                let na = self.b.local_addr(next_slot, ipt);
                let nx = self.b.load(na, int);
                let sa = self.b.local_addr(slot, ipt);
                self.b.store(sa, nx);
                self.b.jump(head);
            }
            TypeKind::Slice(_) | TypeKind::Array(..) | TypeKind::Pointer(_) => {
                let need_value = r.value.as_ref().is_some_and(|v| v.as_ident() != Some("_"));
                // Data pointer and length, evaluated once.
                let (data, n, elem) = match kind {
                    TypeKind::Slice(elem) => {
                        let s = self.expr(&r.x);
                        let pt = self.ptr_to(elem);
                        let data = self.b.val(InstrKind::DataPtr(s), pt);
                        let n = self.b.val(InstrKind::Len(s), int);
                        (Some(data), n, elem)
                    }
                    TypeKind::Array(len, elem) => {
                        let data = if need_value {
                            // Ranging over an array ranges over a copy.
                            let v = self.expr(&r.x);
                            let a = self.spill(v, xt);
                            let pt = self.ptr_to(elem);
                            let z = self.int(0);
                            Some(self.b.val(InstrKind::IndexAddr { base: a, index: z }, pt))
                        } else {
                            // Not evaluated when its length is constant,
                            // that is unless it calls functions.
                            if super::escape::has_call(&r.x) {
                                self.expr(&r.x);
                            }
                            None
                        };
                        let n = self.const_int(len as i64, int);
                        (data, n, elem)
                    }
                    TypeKind::Pointer(p) => {
                        let (len, elem) = match self.under_kind(p) {
                            TypeKind::Array(len, elem) => (len, elem),
                            _ => {
                                self.ice(r.range_span, "range over pointer to non-array");
                                return;
                            }
                        };
                        let pv = self.expr(&r.x);
                        let data = if need_value {
                            self.b.stmt(InstrKind::NilCheck(pv));
                            let pt = self.ptr_to(elem);
                            let z = self.int(0);
                            Some(self.b.val(InstrKind::IndexAddr { base: pv, index: z }, pt))
                        } else {
                            None
                        };
                        let n = self.const_int(len as i64, int);
                        (data, n, elem)
                    }
                    _ => return,
                };
                let slot = self.temp("i", int);
                let sa = self.b.local_addr(slot, ipt);
                let z = self.int(0);
                self.b.store(sa, z);
                self.b.jump(head);
                self.b.set_block(head);
                let sa = self.b.local_addr(slot, ipt);
                let i = self.b.load(sa, int);
                let c = self.b.binary(BinOp::Lt, i, n, bool_t);
                self.b.branch(c, body, done);
                self.b.set_block(body);
                let val = match data {
                    Some(d) if need_value => {
                        let pt = self.ptr_to(elem);
                        let it = self.ty(elem);
                        let p = self.b.val(InstrKind::IndexAddr { base: d, index: i }, pt);
                        Some((self.b.load(p, it), elem))
                    }
                    _ => None,
                };
                let int_t = crate::types::TypeCtx::basic(BasicKind::Int);
                self.assign_iter(r, Some((i, int_t)), val);
                self.range_body(r, label, done, post);
                self.b.set_block(post);
                let sa = self.b.local_addr(slot, ipt);
                let i = self.b.load(sa, int);
                let one = self.int(1);
                let i2 = self.b.binary(BinOp::Add, i, one, int);
                self.b.store(sa, i2);
                self.b.jump(head);
            }
            TypeKind::Map(k, v) => {
                let m = self.expr(&r.x);
                let up = self.basic(BasicKind::UnsafePointer);
                let kt = self.ty(k);
                let vt = self.ty(v);
                let it = self.b.val(InstrKind::MapIterStart(m), up);
                let tup_t = self.lw.tuple_type(vec![bool_t, kt, vt]);
                self.b.jump(head);
                self.b.set_block(head);
                let tup = self.b.val(InstrKind::MapIterNext(it), tup_t);
                let ok = self.b.val(
                    InstrKind::Extract {
                        tuple: tup,
                        index: 0,
                    },
                    bool_t,
                );
                self.b.branch(ok, body, done);
                self.b.set_block(body);
                let kv = self.b.val(
                    InstrKind::Extract {
                        tuple: tup,
                        index: 1,
                    },
                    kt,
                );
                let vv = self.b.val(
                    InstrKind::Extract {
                        tuple: tup,
                        index: 2,
                    },
                    vt,
                );
                self.assign_iter(r, Some((kv, k)), Some((vv, v)));
                self.range_body(r, label, done, post);
                self.b.set_block(post);
                self.b.jump(head);
            }
            TypeKind::Chan(..) => {
                let c = self.expr(&r.x);
                self.b.jump(head);
                self.b.set_block(head);
                let v = self.range_chan_head(xt, c, body, done);
                self.assign_iter(r, Some(v), None);
                self.range_body(r, label, done, post);
                self.b.set_block(post);
                self.b.jump(head);
            }
            _ => {
                self.ice(r.range_span, "range over this type not supported yet");
                return;
            }
        }
        self.b.set_block(done);
    }

    fn range_body(
        &mut self,
        r: &'a RangeStmt,
        label: Option<String>,
        done: crate::ir::BlockId,
        post: crate::ir::BlockId,
    ) {
        self.targets.push(Target {
            label,
            brk: done,
            cont: Some(post),
        });
        self.stmts(&r.body.stmts);
        self.targets.pop();
        self.b.jump(post);
    }

    /// Assigns (or declares) the iteration variables.
    fn assign_iter(
        &mut self,
        r: &'a RangeStmt,
        key: Option<(ValueId, TyId)>,
        val: Option<(ValueId, TyId)>,
    ) {
        let pairs: [IterVar<'a>; 2] = [(r.key.as_ref(), key), (r.value.as_ref(), val)];
        if r.define {
            for (lhs, v) in pairs {
                let (Some(l), Some((v, t))) = (lhs, v) else {
                    continue;
                };
                if l.as_ident() == Some("_") {
                    continue;
                }
                if let Some(&o) = self.lw.ck.info.defs.get(&l.id) {
                    let ot = self.lw.ck.obj(o).ty;
                    let cv = self.convert_value(v, t, ot);
                    self.declare_var_with(o, cv);
                }
            }
        } else {
            for (lhs, v) in pairs {
                let (Some(l), Some((v, t))) = (lhs, v) else {
                    continue;
                };
                let lv = self.lvalue(l);
                if let LValue::Blank = lv {
                    continue;
                }
                self.store_lvalue(&lv, v, t);
            }
        }
    }
}
