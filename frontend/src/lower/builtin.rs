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
        if let Some(vals) = self.spread_args(b, args, dots) {
            return self.builtin_values(e, b, &vals);
        }
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
                let part = self.complex_part(t);
                let re = self.expr_to(args.first()?, part);
                let im = self.expr_to(args.get(1)?, part);
                Some(self.make_complex(t, part, re, im))
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
                // descriptor it gets here. It recovers only if this
                // function was called directly by the deferred call the
                // panic made, which it tells from where this function's
                // return address is.
                self.calls_recover = true;
                let t = self.tyof(e);
                let it = self.ty(t);
                let up = self.basic(BasicKind::UnsafePointer);
                let st = self.basic(BasicKind::String);
                let desc = self.b.val(InstrKind::TypeDesc(st), up);
                let ra = self.rt_extern("llvm.addressofreturnaddress.p0", Vec::new(), vec![up]);
                let ra = self
                    .b
                    .call(Callee::Direct(ra), Vec::new(), Some(up))
                    .unwrap_or(ValueId(0));
                let f = self.rt_extern("rgo_gorecover", vec![up, up], vec![it]);
                Some(
                    self.b
                        .call(Callee::Direct(f), vec![desc, ra], Some(it))
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
    /// The results of the single multi-value call that is the whole
    /// argument list of a built-in taking several values (`copy(f())`,
    /// `println(g())`), each with its type; `None` otherwise.
    fn spread_args(
        &mut self,
        b: Builtin,
        args: &'a [Expr],
        dots: bool,
    ) -> Option<Vec<(ValueId, TyId)>> {
        let multi = matches!(
            b,
            Builtin::Append
                | Builtin::Copy
                | Builtin::Delete
                | Builtin::Complex
                | Builtin::Min
                | Builtin::Max
                | Builtin::Print
                | Builtin::Println
        );
        let [arg] = args else {
            return None;
        };
        if !multi || dots {
            return None;
        }
        let at = self.tyof(arg);
        let ts = self.lw.ck.tcx.tuple_elems(at)?.to_vec();
        let tup = self.expr(arg);
        let mut vals = Vec::new();
        for (i, t) in ts.into_iter().enumerate() {
            let it = self.ty(t);
            let v = self.b.val(
                InstrKind::Extract {
                    tuple: tup,
                    index: i as u32,
                },
                it,
            );
            vals.push((v, self.cty(t)));
        }
        Some(vals)
    }

    /// Built-in `b` applied to arguments already evaluated (`vals`, each
    /// with its type): for multi-value arguments and for the function
    /// values that `defer` and `go` of a built-in make. `e` is the call,
    /// for the result type.
    pub(super) fn builtin_values(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        vals: &[(ValueId, TyId)],
    ) -> Option<ValueId> {
        self.set_span(e.pos());
        let arg = |i: usize| vals.get(i).copied();
        match b {
            Builtin::Append => {
                let st = self.tyof(e);
                let sit = self.ty(st);
                let (s, s_t) = arg(0)?;
                let elem = match self.under_kind(st) {
                    TypeKind::Slice(el) => el,
                    _ => st,
                };
                let slice = self.convert_value(s, s_t, st);
                let elems = vals[1..]
                    .iter()
                    .map(|&(v, t)| self.convert_value(v, t, elem))
                    .collect();
                Some(self.b.val(InstrKind::Append { slice, elems }, sit))
            }
            Builtin::Copy => {
                let int = self.int_ty();
                let (dst, _) = arg(0)?;
                let (src, _) = arg(1)?;
                Some(self.b.val(InstrKind::Copy { dst, src }, int))
            }
            Builtin::Delete => {
                let (m, mt) = arg(0)?;
                let (k, k_t) = arg(1)?;
                let kt = match self.under_kind(mt) {
                    TypeKind::Map(k, _) => k,
                    _ => mt,
                };
                let key = self.convert_value(k, k_t, kt);
                self.b.stmt(InstrKind::MapDelete { map: m, key });
                None
            }
            Builtin::Complex => {
                let t = self.tyof(e);
                let part = self.complex_part(t);
                let (re, re_t) = arg(0)?;
                let (im, im_t) = arg(1)?;
                let re = self.convert_value(re, re_t, part);
                let im = self.convert_value(im, im_t, part);
                Some(self.make_complex(t, part, re, im))
            }
            Builtin::Min | Builtin::Max => {
                let t = self.tyof(e);
                let (first, first_t) = arg(0)?;
                let mut acc = self.convert_value(first, first_t, t);
                for &(v, vt) in &vals[1..] {
                    let v = self.convert_value(v, vt, t);
                    acc = self.min_max(acc, v, t, b == Builtin::Min);
                }
                Some(acc)
            }
            Builtin::Print | Builtin::Println => {
                self.b.stmt(InstrKind::Print {
                    args: vals.iter().map(|&(v, _)| v).collect(),
                    newline: b == Builtin::Println,
                });
                None
            }
            Builtin::Panic => {
                let any = self.lw.ck.tcx.empty_iface;
                let (v, t) = arg(0)?;
                let v = self.convert_value(v, t, any);
                self.b.stmt(InstrKind::Panic(v));
                self.b.terminate(Terminator::Unreachable);
                None
            }
            Builtin::Close => {
                let (c, t) = arg(0)?;
                let cit = self.ty(t);
                let f = self.rt_extern("rgo_closechan", vec![cit], Vec::new());
                self.b.call(Callee::Direct(f), vec![c], None);
                None
            }
            Builtin::Clear => {
                let (v, t) = arg(0)?;
                match self.under_kind(t) {
                    TypeKind::Slice(elem) => self.clear_slice(v, elem),
                    TypeKind::Map(..) => self.clear_map(v, t),
                    _ => self.ice(e.pos(), "clear of a non-map, non-slice"),
                }
                None
            }
            // Called by neither a deferred function nor a panicking
            // goroutine's deferred call: recovers nothing.
            Builtin::Recover => None,
            _ => {
                self.ice(e.pos(), &format!("{}() on evaluated arguments", b.name()));
                None
            }
        }
    }

    /// A `func()` value applying built-in `b` to `args` evaluated now:
    /// what `defer b(args)` defers and `go b(args)` runs. `kind` names the
    /// wrapper (`deferwrap`, `gowrap`).
    pub(super) fn builtin_thunk(
        &mut self,
        e: &'a Expr,
        b: Builtin,
        args: &'a [Expr],
        kind: &str,
    ) -> ValueId {
        let vals = match self.spread_args(b, args, false) {
            Some(v) => v,
            None => args
                .iter()
                .map(|a| {
                    let t = self.tyof(a);
                    (self.expr(a), t)
                })
                .collect(),
        };
        self.set_span(e.pos());
        let tys: Vec<TyId> = vals.iter().map(|&(_, t)| t).collect();
        let caps: Vec<ValueId> = vals.iter().map(|&(v, _)| v).collect();
        self.wrapper_closure(kind, e.pos(), caps, |f, inner| {
            let vals: Vec<(ValueId, TyId)> = inner.into_iter().zip(tys).collect();
            f.builtin_values(e, b, &vals);
        })
    }

    /// The float type of `t`'s parts (a complex type).
    fn complex_part(&self, t: TyId) -> TyId {
        if self.lw.ck.tcx.basic_kind(t) == Some(BasicKind::Complex64) {
            crate::types::TypeCtx::basic(BasicKind::Float32)
        } else {
            crate::types::TypeCtx::basic(BasicKind::Float64)
        }
    }

    /// The complex number of type `t` with parts `re` and `im` (of type
    /// `part`), built in memory: fields 0 and 1 of a complex are its parts.
    fn make_complex(&mut self, t: TyId, part: TyId, re: ValueId, im: ValueId) -> ValueId {
        let it = self.ty(t);
        let pt = self.ptr_to(t);
        let ppt = self.ptr_to(part);
        let l = self.temp("complex", it);
        let a = self.b.local_addr(l, pt);
        let ra = self.b.val(InstrKind::FieldAddr { base: a, index: 0 }, ppt);
        self.b.store(ra, re);
        let ia = self.b.val(InstrKind::FieldAddr { base: a, index: 1 }, ppt);
        self.b.store(ia, im);
        self.b.load(a, it)
    }

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
        if self.lw.ck.tcx.is_float(t) {
            // LLVM's minimum/maximum are Go's: NaN wins, -0 < +0.
            let bits = if self.lw.ck.tcx.basic_kind(t) == Some(BasicKind::Float32) {
                32
            } else {
                64
            };
            let op = if is_min { "minimum" } else { "maximum" };
            let f = self.rt_extern(&format!("llvm.{op}.f{bits}"), vec![it, it], vec![it]);
            return self
                .b
                .call(Callee::Direct(f), vec![a, b], Some(it))
                .unwrap_or(a);
        }
        let pt = self.ptr_to(t);
        let bool_t = self.bool_ty();
        let slot = self.temp("minmax", it);
        let addr = self.b.local_addr(slot, pt);
        self.b.store(addr, a);
        let take_b = self.b.new_block();
        let done = self.b.new_block();
        // b wins if it is strictly better.
        let op = if is_min { BinOp::Lt } else { BinOp::Gt };
        let better = self.b.binary(op, b, a, bool_t);
        self.b.branch(better, take_b, done);
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

    /// `clear(m)`: every entry goes, NaN keys included.
    fn clear_map(&mut self, m: ValueId, mt: TyId) {
        let up = self.basic(BasicKind::UnsafePointer);
        let mit = self.ty(mt);
        let desc = self.b.val(InstrKind::TypeDesc(mit), up);
        let f = self.rt_extern("rgo_mapclear", vec![up, mit], Vec::new());
        self.b.call(Callee::Direct(f), vec![desc, m], None);
    }
}
