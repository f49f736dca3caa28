//! Calls of the predeclared functions: `len`, `cap`, `append`, `copy`,
//! `delete`, `make`, `new`, `panic`, `print`, `println`, `min`, `max`,
//! `clear`, and `unsafe`'s. Constant calls (`len` of an array, `unsafe.Sizeof`)
//! never get here: they are folded.

use super::func::FnLowerer;
use crate::ir::{BinOp, Callee, InstrKind, Terminator, ValueId};
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::{BasicKind, Builtin, TyId, TypeKind};

impl<'l, 'a> FnLowerer<'l, 'a> {
    pub fn builtin(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        args: &'a [Expr],
        dots: bool,
    ) -> Option<ValueId> {
        let int = self.int_ty();
        match b {
            Builtin::Len | Builtin::Cap => {
                let x = args.first()?;
                let xt = self.tyof(x);
                let v = self.expr(x);
                self.set_span(e.pos());
                match self.under_kind(xt) {
                    TypeKind::Pointer(p) => {
                        // len(p) for *[N]T is N (p is evaluated).
                        if let TypeKind::Array(n, _) = self.under_kind(p) {
                            return Some(self.const_int(n as i64, int));
                        }
                        None
                    }
                    TypeKind::Array(n, _) => Some(self.const_int(n as i64, int)),
                    _ => {
                        let k = if b == Builtin::Len {
                            InstrKind::Len(v)
                        } else {
                            InstrKind::Cap(v)
                        };
                        Some(self.b.val(k, int))
                    }
                }
            }
            Builtin::Append => {
                let s = args.first()?;
                let st = self.tyof(e);
                let sit = self.ty(st);
                let elem = match self.under_kind(st) {
                    TypeKind::Slice(el) => el,
                    _ => {
                        self.ice(e.pos(), "append to a non-slice");
                        return Some(self.zero(sit));
                    }
                };
                let mut sv = self.expr_to(s, st);
                let stack_backed = match &s.unparen().kind {
                    ExprKind::Ident(_) => {
                        self.lw.ck.info.uses.get(&s.unparen().id).is_some_and(|o| {
                            self.stack_slices.contains(o)
                                && matches!(self.vars.get(o), Some(super::func::Storage::Local(_)))
                        })
                    }
                    _ => false,
                };
                if stack_backed && !dots {
                    sv = self.stack_buffer(sv, elem, sit, args.len() as i64 - 1);
                }
                if dots {
                    let src_e = args.get(1)?;
                    let src_t = self.tyof(src_e);
                    let src = if self.lw.ck.tcx.is_string(src_t) {
                        self.expr(src_e)
                    } else {
                        self.expr_to(src_e, st)
                    };
                    self.set_span(e.pos());
                    return Some(self.b.val(InstrKind::AppendSlice { dst: sv, src }, sit));
                }
                let mut elems = Vec::new();
                for a in &args[1..] {
                    elems.push(self.expr_to(a, elem));
                }
                self.set_span(e.pos());
                Some(self.b.val(InstrKind::Append { slice: sv, elems }, sit))
            }
            Builtin::Copy => {
                let dst = self.expr(args.first()?);
                let src = self.expr(args.get(1)?);
                self.set_span(e.pos());
                Some(self.b.val(InstrKind::Copy { dst, src }, int))
            }
            Builtin::Delete => {
                let m_e = args.first()?;
                let mt = self.tyof(m_e);
                let m = self.expr(m_e);
                let kt = match self.under_kind(mt) {
                    TypeKind::Map(k, _) => k,
                    _ => mt,
                };
                let k = self.expr_to(args.get(1)?, kt);
                self.set_span(e.pos());
                self.b.stmt(InstrKind::MapDelete { map: m, key: k });
                None
            }
            Builtin::Make => {
                let t = self.tyof(e);
                let it = self.ty(t);
                match self.under_kind(t) {
                    TypeKind::Slice(_) => {
                        let len = self.expr(args.get(1)?);
                        let len = self.int_index(len, &args[1]);
                        let cap = match args.get(2) {
                            Some(c) => {
                                let v = self.expr(c);
                                self.int_index(v, c)
                            }
                            None => len,
                        };
                        self.set_span(e.pos());
                        Some(self.b.val(InstrKind::MakeSlice { len, cap }, it))
                    }
                    TypeKind::Map(..) => {
                        let hint = match args.get(1) {
                            Some(h) => {
                                let v = self.expr(h);
                                Some(self.int_index(v, h))
                            }
                            None => None,
                        };
                        self.set_span(e.pos());
                        Some(self.b.val(InstrKind::MakeMap { hint }, it))
                    }
                    TypeKind::Chan(..) => Some(self.make_chan(e, t, args.get(1))),
                    _ => {
                        self.ice(e.pos(), "make of this type not supported yet");
                        Some(self.zero(it))
                    }
                }
            }
            Builtin::New => {
                let t = self.tyof(e);
                let elem = match self.lw.ck.tcx.kind(t) {
                    TypeKind::Pointer(el) => *el,
                    _ => t,
                };
                let et = self.ty(elem);
                let pt = self.ty(t);
                let arg = args.first()?;
                let is_type = self
                    .lw
                    .ck
                    .info
                    .types
                    .get(&arg.id)
                    .is_some_and(|tv| tv.is_type());
                if is_type {
                    self.set_span(e.pos());
                    return Some(self.b.val(InstrKind::New(et), pt));
                }
                // new(expr): a new variable initialised to the value.
                let v = self.expr_to(arg, elem);
                self.set_span(e.pos());
                let p = self.b.val(InstrKind::New(et), pt);
                self.b.store(p, v);
                Some(p)
            }
            Builtin::Panic => {
                let any = self.lw.ck.tcx.empty_iface;
                let v = self.expr_to(args.first()?, any);
                self.set_span(e.pos());
                self.b.stmt(InstrKind::Panic(v));
                self.b.terminate(Terminator::Unreachable);
                None
            }
            Builtin::Print | Builtin::Println => {
                let mut vals = Vec::new();
                for a in args {
                    vals.push(self.expr(a));
                }
                self.set_span(e.pos());
                self.b.stmt(InstrKind::Print {
                    args: vals,
                    newline: b == Builtin::Println,
                });
                None
            }
            Builtin::Min | Builtin::Max => {
                let t = self.tyof(e);
                let mut acc = self.expr_to(args.first()?, t);
                for a in &args[1..] {
                    let v = self.expr_to(a, t);
                    acc = self.min_max(acc, v, t, b == Builtin::Min);
                }
                Some(acc)
            }
            Builtin::Clear => {
                let x = args.first()?;
                let xt = self.tyof(x);
                let v = self.expr(x);
                match self.under_kind(xt) {
                    TypeKind::Slice(elem) => self.clear_slice(v, elem),
                    TypeKind::Map(..) => self.clear_map(v, xt),
                    _ => self.ice(e.pos(), "clear of a non-map, non-slice"),
                }
                None
            }
            Builtin::Add => {
                let p = self.expr(args.first()?);
                let n = self.expr(args.get(1)?);
                let n = self.int_index(n, &args[1]);
                let t = self.tyof(e);
                let it = self.ty(t);
                // unsafe.Pointer + n, through a byte pointer.
                let bt = self
                    .lw
                    .ck
                    .tcx
                    .pointer(crate::types::TypeCtx::basic(BasicKind::Uint8));
                let bp = self.ty(bt);
                let q = self.b.val(InstrKind::Convert(p), bp);
                let r = self.b.val(InstrKind::IndexAddr { base: q, index: n }, bp);
                Some(self.b.val(InstrKind::Convert(r), it))
            }
            Builtin::Slice => {
                let p = self.expr(args.first()?);
                let n = self.expr(args.get(1)?);
                let n = self.int_index(n, &args[1]);
                let t = self.tyof(e);
                let it = self.ty(t);
                Some(self.b.val(
                    InstrKind::MakeSliceHeader {
                        data: p,
                        len: n,
                        cap: n,
                    },
                    it,
                ))
            }
            Builtin::SliceData => {
                let s = self.expr(args.first()?);
                let t = self.tyof(e);
                let it = self.ty(t);
                Some(self.b.val(InstrKind::DataPtr(s), it))
            }
            Builtin::String => {
                let p = self.expr(args.first()?);
                let n = self.expr(args.get(1)?);
                let n = self.int_index(n, &args[1]);
                let t = self.tyof(e);
                let it = self.ty(t);
                Some(
                    self.b
                        .val(InstrKind::MakeStringHeader { data: p, len: n }, it),
                )
            }
            Builtin::StringData => {
                let s = self.expr(args.first()?);
                let t = self.tyof(e);
                let it = self.ty(t);
                Some(self.b.val(InstrKind::DataPtr(s), it))
            }
            Builtin::Complex => {
                // Built in memory: fields 0 and 1 of a complex are its
                // parts.
                let t = self.tyof(e);
                let it = self.ty(t);
                let part = if self.lw.ck.tcx.basic_kind(t) == Some(BasicKind::Complex64) {
                    crate::types::TypeCtx::basic(BasicKind::Float32)
                } else {
                    crate::types::TypeCtx::basic(BasicKind::Float64)
                };
                let re = self.expr_to(args.first()?, part);
                let im = self.expr_to(args.get(1)?, part);
                let pt = self.ptr_to(t);
                let ppt = self.ptr_to(part);
                let l = self.temp("complex", it);
                let a = self.b.local_addr(l, pt);
                let ra = self.b.val(InstrKind::FieldAddr { base: a, index: 0 }, ppt);
                self.b.store(ra, re);
                let ia = self.b.val(InstrKind::FieldAddr { base: a, index: 1 }, ppt);
                self.b.store(ia, im);
                Some(self.b.load(a, it))
            }
            Builtin::Real | Builtin::Imag => {
                let t = self.tyof(e);
                let it = self.ty(t);
                let x = self.expr(args.first()?);
                let index = u32::from(b == Builtin::Imag);
                Some(self.b.val(InstrKind::Field { base: x, index }, it))
            }
            Builtin::Recover => {
                // The runtime has the panic being handled (see `defer`);
                // it boxes runtime errors it cannot type as strings, whose
                // descriptor it gets here.
                let t = self.tyof(e);
                let it = self.ty(t);
                let up = self.basic(BasicKind::UnsafePointer);
                let st = self.basic(BasicKind::String);
                let desc = self.b.val(InstrKind::TypeDesc(st), up);
                let f = self.rt_extern("rgo_gorecover", vec![up], vec![it]);
                Some(
                    self.b
                        .call(Callee::Direct(f), vec![desc], Some(it))
                        .unwrap_or(ValueId(0)),
                )
            }
            Builtin::Close => {
                self.chan_close(e, args.first()?);
                None
            }
            Builtin::Sizeof | Builtin::Alignof => {
                // Constant except in generic code, where the type is known
                // only per instance.
                let t = self.tyof(args.first()?);
                let sizes = self.lw.ck.sizes();
                let n = if b == Builtin::Sizeof {
                    sizes.sizeof(t)
                } else {
                    sizes.alignof(t)
                };
                let ut = self.basic(BasicKind::Uintptr);
                Some(self.const_int(n as i64, ut))
            }
            Builtin::Offsetof => {
                self.ice(e.pos(), "unsafe.Offsetof in generic code not supported yet");
                Some(self.int(0))
            }
        }
    }

    /// gc gives a non-escaping slice that grows from capacity 0 a 32-byte
    /// stack buffer when the new elements fit, so its capacity becomes
    /// 32 / element size rather than what `growslice` would pick. The
    /// same capacity is made here (on the heap: only `cap` can tell).
    fn stack_buffer(
        &mut self,
        s: ValueId,
        elem: TyId,
        st: crate::ir::TypeId,
        extra: i64,
    ) -> ValueId {
        let size = self.lw.ck.sizes().sizeof(elem);
        if size == 0 || size > 32 || extra < 1 {
            return s;
        }
        let k = (32 / size) as i64;
        if extra > k {
            return s;
        }
        let int = self.int_ty();
        let bool_t = self.bool_ty();
        let pt = self.lw.intern_ir(crate::ir::Type::Pointer(st));
        let slot = self.temp("buf", st);
        let a = self.b.local_addr(slot, pt);
        self.b.store(a, s);
        let cap = self.b.val(InstrKind::Cap(s), int);
        let zero = self.int(0);
        let empty = self.b.binary(BinOp::Eq, cap, zero, bool_t);
        let grow = self.b.new_block();
        let done = self.b.new_block();
        self.b.branch(empty, grow, done);
        self.b.set_block(grow);
        let kv = self.int(k);
        let fresh = self.b.val(InstrKind::MakeSlice { len: zero, cap: kv }, st);
        let a = self.b.local_addr(slot, pt);
        self.b.store(a, fresh);
        self.b.jump(done);
        self.b.set_block(done);
        let a = self.b.local_addr(slot, pt);
        self.b.load(a, st)
    }

    /// `min(a, b)` / `max(a, b)` as Go defines them (a NaN wins; for
    /// floats, -0 is less than +0).
    fn min_max(&mut self, a: ValueId, b: ValueId, t: TyId, is_min: bool) -> ValueId {
        let it = self.ty(t);
        let pt = self.ptr_to(t);
        let bool_t = self.bool_ty();
        let slot = self.temp("minmax", it);
        let addr = self.b.local_addr(slot, pt);
        self.b.store(addr, a);
        let is_float = self.lw.ck.tcx.is_float(t);
        let take_b = self.b.new_block();
        let done = self.b.new_block();
        // b wins if it is strictly better, or (floats) if it is NaN.
        let op = if is_min { BinOp::Lt } else { BinOp::Gt };
        let better = self.b.binary(op, b, a, bool_t);
        if is_float {
            let b_nan = self.b.binary(BinOp::Ne, b, b, bool_t);
            let a_nan = self.b.binary(BinOp::Ne, a, a, bool_t);
            let not_a_nan = self
                .b
                .val(InstrKind::Unary(crate::ir::UnOp::Not, a_nan), bool_t);
            let better_ok = self.b.binary(BinOp::And, better, not_a_nan, bool_t);
            let c = self.b.binary(BinOp::Or, better_ok, b_nan, bool_t);
            self.b.branch(c, take_b, done);
        } else {
            self.b.branch(better, take_b, done);
        }
        self.b.set_block(take_b);
        let addr = self.b.local_addr(slot, pt);
        self.b.store(addr, b);
        self.b.jump(done);
        self.b.set_block(done);
        let addr = self.b.local_addr(slot, pt);
        self.b.load(addr, it)
    }

    /// `clear(s)`: zero every element.
    fn clear_slice(&mut self, s: ValueId, elem: TyId) {
        let int = self.int_ty();
        let bool_t = self.bool_ty();
        let et = self.ty(elem);
        let pt = self.ptr_to(elem);
        let n = self.b.val(InstrKind::Len(s), int);
        let data = self.b.val(InstrKind::DataPtr(s), pt);
        let ipt = self.ptr_to(crate::types::TypeCtx::basic(BasicKind::Int));
        let i_slot = self.temp("i", int);
        let ia = self.b.local_addr(i_slot, ipt);
        let zero = self.int(0);
        self.b.store(ia, zero);
        let head = self.b.new_block();
        let body = self.b.new_block();
        let done = self.b.new_block();
        self.b.jump(head);
        self.b.set_block(head);
        let ia = self.b.local_addr(i_slot, ipt);
        let i = self.b.load(ia, int);
        let c = self.b.binary(BinOp::Lt, i, n, bool_t);
        self.b.branch(c, body, done);
        self.b.set_block(body);
        let p = self.b.val(
            InstrKind::IndexAddr {
                base: data,
                index: i,
            },
            pt,
        );
        let z = self.zero(et);
        self.b.store(p, z);
        let one = self.int(1);
        let i2 = self.b.binary(BinOp::Add, i, one, int);
        let ia = self.b.local_addr(i_slot, ipt);
        self.b.store(ia, i2);
        self.b.jump(head);
        self.b.set_block(done);
    }

    /// `clear(m)`: delete every key.
    fn clear_map(&mut self, m: ValueId, mt: TyId) {
        let (k, v) = match self.under_kind(mt) {
            TypeKind::Map(k, v) => (k, v),
            _ => return,
        };
        let kt = self.ty(k);
        let vt = self.ty(v);
        let bool_t = self.bool_ty();
        let up = self.basic(BasicKind::UnsafePointer);
        let it = self.b.val(InstrKind::MapIterStart(m), up);
        let tup = self.lw.tuple_type(vec![bool_t, kt, vt]);
        let head = self.b.new_block();
        let body = self.b.new_block();
        let done = self.b.new_block();
        self.b.jump(head);
        self.b.set_block(head);
        let next = self.b.val(InstrKind::MapIterNext(it), tup);
        let ok = self.b.val(
            InstrKind::Extract {
                tuple: next,
                index: 0,
            },
            bool_t,
        );
        self.b.branch(ok, body, done);
        self.b.set_block(body);
        let key = self.b.val(
            InstrKind::Extract {
                tuple: next,
                index: 1,
            },
            kt,
        );
        self.b.stmt(InstrKind::MapDelete { map: m, key });
        self.b.jump(head);
        self.b.set_block(done);
    }
}
