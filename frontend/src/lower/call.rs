//! Calls: direct calls of functions and methods (with receiver
//! adjustment: automatic `&` and `*`, embedded-field paths), calls through
//! interfaces and func values, argument passing (variadic packing,
//! multi-value spreading, implicit conversions), conversions, and method
//! values / method expressions as func values.

use super::func::FnLowerer;
use crate::ir::{Callee, InstrKind, TypeId, ValueId};
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::{Mode, ObjKind, Selection, SelectionKind, TyId, TypeKind};

impl<'l, 'a> FnLowerer<'l, 'a> {
    /// A call expression; `None` for calls without results.
    pub fn call(&mut self, e: &'a Expr) -> Option<ValueId> {
        let ExprKind::Call {
            func, args, dots, ..
        } = &e.kind
        else {
            return None;
        };
        let fmode = self.lw.ck.info.types.get(&func.id).map(|t| t.mode.clone());
        match fmode {
            Some(Mode::TypeExpr) => return Some(self.conversion(e, args)),
            Some(Mode::Builtin(b)) => return self.builtin(e, b, args, *dots),
            _ => {}
        }
        let (callee, argv, ret) = self.prepare_call(e)?;
        self.set_span(e.pos());
        self.b.call(callee, argv, ret)
    }

    /// Evaluates the callee and the arguments of a call of a function or
    /// method (not a builtin or conversion), in the spec's order, without
    /// making the call: the callee, the arguments (receiver first for
    /// methods) and the result type.
    pub fn prepare_call(&mut self, e: &'a Expr) -> Option<(Callee, Vec<ValueId>, Option<TypeId>)> {
        let ExprKind::Call {
            func, args, dots, ..
        } = &e.kind
        else {
            return None;
        };
        let fty = self.tyof(func);
        let sig = self.lw.ck.tcx.sig(fty).cloned();
        let Some(sig) = sig else {
            self.ice(e.pos(), "call of a non-function");
            return None;
        };
        let ret = self.result_type(&sig.results);
        // Method calls.
        let inner = func.unparen();
        // `x.M[T](...)`: a generic method instantiated explicitly.
        let method_sel = match &inner.kind {
            ExprKind::Index { x, .. } if matches!(x.unparen().kind, ExprKind::Selector { .. }) => {
                x.unparen()
            }
            _ => inner,
        };
        if let ExprKind::Selector { x, sel, .. } = &method_sel.kind {
            if let Some(s) = self.lw.ck.info.selections.get(&method_sel.id).cloned() {
                if s.kind == SelectionKind::MethodVal {
                    let (callee, recv) = self.method_callee(method_sel, x, &s, &sel.name);
                    let mut argv = Vec::new();
                    if let Some(r) = recv {
                        argv.push(r);
                    }
                    argv.extend(self.args(args, *dots, &sig));
                    return Some((callee, argv, ret));
                }
            }
        }
        // Direct calls of declared functions.
        let direct = match &inner.kind {
            ExprKind::Ident(_) => self.lw.ck.info.uses.get(&inner.id).copied(),
            ExprKind::Selector { sel, .. } => self.lw.ck.info.uses.get(&sel.id).copied(),
            ExprKind::Index { x, .. }
                if self.lw.ck.info.instances.contains_key(&x.unparen().id) =>
            {
                match &x.unparen().kind {
                    ExprKind::Ident(_) => self.lw.ck.info.uses.get(&x.unparen().id).copied(),
                    ExprKind::Selector { sel, .. } => self.lw.ck.info.uses.get(&sel.id).copied(),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(obj) = direct.filter(|o| matches!(self.lw.ck.obj(*o).kind, ObjKind::Func)) {
            let targs = match &inner.kind {
                ExprKind::Index { x, .. } => self.instance_targs(x),
                _ => self.instance_targs(inner),
            };
            let f = self.lw.func_id(obj, targs);
            let argv = self.args(args, *dots, &sig);
            return Some((Callee::Direct(f), argv, ret));
        }
        // A func value.
        let fv = self.expr(func);
        let argv = self.args(args, *dots, &sig);
        Some((Callee::Value(fv), argv, ret))
    }

    /// The IR result type of a call: none, the single result, or a tuple.
    pub fn result_type(&mut self, results: &[TyId]) -> Option<TypeId> {
        match results.len() {
            0 => None,
            1 => Some(self.ty(results[0])),
            _ => {
                let t = self.lw.ck.tcx.tuple(results.to_vec());
                Some(self.ty(t))
            }
        }
    }

    /// Argument values for a call with signature `sig`.
    pub fn args(
        &mut self,
        args: &'a [Expr],
        dots: bool,
        sig: &crate::types::ty::Sig,
    ) -> Vec<ValueId> {
        let params: Vec<TyId> = sig.params.iter().map(|t| self.cty(*t)).collect();
        // f(g()) with g multi-valued.
        let mut vals: Vec<(ValueId, TyId)> = Vec::new();
        if args.len() == 1 && !dots {
            let at = self.tyof(&args[0]);
            if let Some(ts) = self.lw.ck.tcx.tuple_elems(at).map(|x| x.to_vec()) {
                let tup = self.expr(&args[0]);
                for (i, t) in ts.iter().enumerate() {
                    let it = self.ty(*t);
                    let v = self.b.val(
                        InstrKind::Extract {
                            tuple: tup,
                            index: i as u32,
                        },
                        it,
                    );
                    vals.push((v, *t));
                }
                return self.pass_values(vals, &params, sig.variadic, false);
            }
        }
        for a in args {
            let v = self.expr(a);
            let t = self.tyof(a);
            vals.push((v, t));
        }
        self.pass_values(vals, &params, sig.variadic, dots)
    }

    /// Converts evaluated arguments to the parameter types, packing the
    /// variadic tail into a slice.
    fn pass_values(
        &mut self,
        vals: Vec<(ValueId, TyId)>,
        params: &[TyId],
        variadic: bool,
        dots: bool,
    ) -> Vec<ValueId> {
        let mut out = Vec::new();
        let fixed = if variadic && !dots {
            params.len().saturating_sub(1)
        } else {
            params.len()
        };
        for (i, (v, t)) in vals.iter().enumerate().take(fixed) {
            let p = params.get(i).copied().unwrap_or(*t);
            out.push(self.convert_value(*v, *t, p));
        }
        if variadic && !dots {
            let Some(&slice_t) = params.last() else {
                return out;
            };
            let elem = match self.lw.ck.tcx.kind(slice_t) {
                TypeKind::Slice(e) => *e,
                _ => slice_t,
            };
            let rest: Vec<(ValueId, TyId)> = vals.iter().skip(fixed).copied().collect();
            let packed = self.pack_slice(&rest, elem, slice_t);
            out.push(packed);
        }
        out
    }

    /// A new slice of type `slice_t` holding `vals` (converted to `elem`);
    /// nil when empty.
    pub fn pack_slice(&mut self, vals: &[(ValueId, TyId)], elem: TyId, slice_t: TyId) -> ValueId {
        let st = self.ty(slice_t);
        if vals.is_empty() {
            return self.zero(st);
        }
        let n = vals.len() as u64;
        let arr_t = self.lw.ck.tcx.intern(TypeKind::Array(n, elem));
        let at = self.ty(arr_t);
        let apt = self.ptr_to(arr_t);
        let ept = self.ptr_to(elem);
        let arr = self.b.val(InstrKind::New(at), apt);
        for (i, (v, t)) in vals.iter().enumerate() {
            let cv = self.convert_value(*v, *t, elem);
            let idx = self.int(i as i64);
            let p = self.b.val(
                InstrKind::IndexAddr {
                    base: arr,
                    index: idx,
                },
                ept,
            );
            self.b.store(p, cv);
        }
        let zero = self.int(0);
        let data = self.b.val(
            InstrKind::IndexAddr {
                base: arr,
                index: zero,
            },
            ept,
        );
        let len = self.int(n as i64);
        self.b.val(
            InstrKind::MakeSliceHeader {
                data,
                len,
                cap: len,
            },
            st,
        )
    }

    /// The callee and receiver argument of a method selected on `x` by
    /// the selector expression `sel_expr`.
    pub fn method_callee(
        &mut self,
        sel_expr: &'a Expr,
        x: &'a Expr,
        s: &Selection,
        name: &str,
    ) -> (Callee, Option<ValueId>) {
        let recv_t = self.cty(s.recv);
        if s.iface_method.is_some() && s.path.is_empty() && !self.lw.ck.tcx.is_interface(recv_t) {
            // A method of a type parameter's constraint, now that the type
            // argument is known: a static call on the concrete type.
            let v = self.expr(x);
            if let Some(r) = self.method_on(v, recv_t, name) {
                return r;
            }
            self.ice(x.span, &format!("method {name} not found"));
            return (Callee::Value(ValueId(0)), None);
        }
        if let Some((iface_t, index)) = s.iface_method {
            // An interface method, possibly through embedded fields.
            let iv = if s.path.is_empty() {
                self.expr(x)
            } else {
                let a = self.recv_path_addr(x, recv_t, &s.path);
                let it = self.cty(iface_t);
                let t = self.ty(it);
                self.b.load(a, t)
            };
            return (Callee::Interface { iface: iv, index }, None);
        }
        let Some(m) = s.method else {
            self.ice(x.span, "method selection without a method");
            return (Callee::Value(ValueId(0)), None);
        };
        let mo = self.lw.ck.obj(m).clone();
        let ptr_recv = mo
            .recv
            .is_some_and(|r| matches!(self.lw.ck.tcx.kind(r), TypeKind::Pointer(_)));
        // The type that declares the method, for generic instances.
        let owner = self.method_owner_type(recv_t, &s.path);
        let targs = self
            .lw
            .ck
            .tcx
            .as_named(owner)
            .and_then(|n| self.lw.ck.tcx.named_info(n))
            .map(|i| i.targs.clone())
            .unwrap_or_default();
        let mut targs = targs;
        if !mo.method_tparams.is_empty() {
            // A generic method: its own type arguments, recorded for the
            // selector.
            targs.extend(self.instance_targs(sel_expr));
        }
        let f = self.lw.func_id(m, targs);
        let recv_is_ptr = matches!(self.lw.ck.tcx.kind(recv_t), TypeKind::Pointer(_));
        let r = if ptr_recv {
            // Need a pointer to the receiver.
            if s.path.is_empty() {
                if recv_is_ptr {
                    self.expr(x)
                } else {
                    self.addr(x)
                }
            } else {
                self.recv_path_addr(x, recv_t, &s.path)
            }
        } else if s.path.is_empty() {
            if recv_is_ptr {
                let p = self.expr(x);
                self.b.stmt(InstrKind::NilCheck(p));
                let ot = self.ty(owner);
                self.b.load(p, ot)
            } else {
                self.expr(x)
            }
        } else {
            let a = self.recv_path_addr(x, recv_t, &s.path);
            let ot = self.ty(owner);
            self.b.load(a, ot)
        };
        (Callee::Direct(f), Some(r))
    }

    /// The address of the embedded field reached by `path` from `x`.
    fn recv_path_addr(&mut self, x: &'a Expr, recv_t: TyId, path: &[u32]) -> ValueId {
        let (base_ptr, base_t, from_pointer) = match self.lw.ck.tcx.kind(recv_t).clone() {
            TypeKind::Pointer(b) => (self.expr(x), b, true),
            _ => {
                if self.is_addressable(x) {
                    (self.addr(x), recv_t, false)
                } else {
                    let v = self.expr(x);
                    (self.spill(v, recv_t), recv_t, false)
                }
            }
        };
        let p = self.field_path_addr(base_ptr, base_t, path, from_pointer);
        // An embedded pointer field: the method's receiver is what it
        // points to.
        let last_t = self.field_type_at(base_t, path);
        if let TypeKind::Pointer(_) = self.lw.ck.tcx.kind(last_t) {
            let it = self.ty(last_t);
            let q = self.b.load(p, it);
            self.b.stmt(InstrKind::NilCheck(q));
            return q;
        }
        p
    }

    /// The type of the field at the end of `path` from struct type `t`.
    fn field_type_at(&mut self, t: TyId, path: &[u32]) -> TyId {
        let mut cur = self.cty(t);
        for &i in path {
            let base = match self.lw.ck.tcx.kind(cur) {
                TypeKind::Pointer(b) => *b,
                _ => cur,
            };
            let Some(f) = self
                .lw
                .ck
                .tcx
                .struct_fields(base)
                .and_then(|fs| fs.get(i as usize))
                .map(|f| f.ty)
            else {
                return cur;
            };
            cur = self.cty(f);
        }
        cur
    }

    /// The named type declaring a method reached through `path`.
    fn method_owner_type(&mut self, recv_t: TyId, path: &[u32]) -> TyId {
        let base = match self.lw.ck.tcx.kind(recv_t) {
            TypeKind::Pointer(b) => *b,
            _ => recv_t,
        };
        let t = self.field_type_at(base, path);
        match self.lw.ck.tcx.kind(t) {
            TypeKind::Pointer(b) => *b,
            _ => t,
        }
    }

    /// `T(x)`.
    fn conversion(&mut self, e: &'a Expr, args: &'a [Expr]) -> ValueId {
        let t = self.tyof(e);
        let Some(arg) = args.first() else {
            self.ice(e.pos(), "conversion without argument");
            return self.int(0);
        };
        let from = self.tyof(arg);
        let v = self.expr(arg);
        self.set_span(e.pos());
        let it = self.ty(t);
        if self.is_iface(t) {
            return self.convert_value(v, from, t);
        }
        if self.ty(from) == it {
            return v;
        }
        self.b.val(InstrKind::Convert(v), it)
    }

    /// `x.M` not called: a closure binding the receiver.
    pub fn method_value(&mut self, e: &'a Expr, x: &'a Expr, s: &Selection) -> ValueId {
        let recv_t = self.cty(s.recv);
        // Evaluate the receiver now (value or pointer as the method
        // needs), then bind it.
        let (bound_t, v) = if s.iface_method.is_some() {
            let iv = if s.path.is_empty() {
                self.expr(x)
            } else {
                let (iface_t, _) = s.iface_method.unwrap_or((recv_t, 0));
                let a = self.recv_path_addr(x, recv_t, &s.path);
                let t = self.ty(iface_t);
                self.b.load(a, t)
            };
            let it = s.iface_method.map(|(t, _)| self.cty(t)).unwrap_or(recv_t);
            (it, iv)
        } else {
            let name = match &e.kind {
                ExprKind::Selector { sel, .. } => sel.name.clone(),
                _ => String::new(),
            };
            let (callee, recv) = self.method_callee(e, x, s, &name);
            let _ = callee;
            let Some(r) = recv else {
                return self.int(0);
            };
            let rt = self.b.value_type(r);
            // Find the checker type of the receiver value.
            let owner = self.method_owner_type(recv_t, &s.path);
            let ptr_recv = s
                .method
                .and_then(|m| self.lw.ck.obj(m).recv)
                .is_some_and(|r| matches!(self.lw.ck.tcx.kind(r), TypeKind::Pointer(_)));
            let bt = if ptr_recv {
                self.lw.ck.tcx.pointer(owner)
            } else {
                owner
            };
            let _ = rt;
            (bt, r)
        };
        let name = self
            .lw
            .ck
            .info
            .selections
            .get(&e.id)
            .map(|_| match &e.kind {
                ExprKind::Selector { sel, .. } => sel.name.clone(),
                _ => String::new(),
            })
            .unwrap_or_default();
        let f = self.lw.bound_func(bound_t, &name);
        let t = self.tyof(e);
        let it = self.ty(t);
        self.b.val(
            InstrKind::MakeClosure {
                func: f,
                captures: vec![v],
            },
            it,
        )
    }

    /// `T.M` / `(*T).M` as a func value.
    pub fn method_expr_value(&mut self, e: &'a Expr, s: &Selection) -> ValueId {
        let recv_t = self.cty(s.recv);
        let name = match &e.kind {
            ExprKind::Selector { sel, .. } => sel.name.clone(),
            _ => String::new(),
        };
        let f = self.lw.method_expr_func(recv_t, &name);
        let t = self.tyof(e);
        let it = self.ty(t);
        self.b.val(InstrKind::FuncValue(f), it)
    }
}
