//! Synthesised functions: promoted methods (calling the embedded field's
//! method, for method tables), method values (`x.M`: a closure whose
//! capture is the receiver) and method expressions (`T.M`: the receiver
//! becomes the first parameter).

use std::collections::HashMap;

use super::func::FnLowerer;
use super::{FuncKey, Job, Lowerer};
use crate::ir::{Callee, FuncId, InstrKind, Terminator, TypeId, ValueId};
use crate::types::{Lookup, PkgId, TyId, TypeKind};

impl<'a> Lowerer<'a> {
    /// The package declaring the named type (or pointed-to named type) `t`.
    fn type_pkg(&self, t: TyId) -> Option<PkgId> {
        let base = match self.ck.tcx.kind(t) {
            TypeKind::Pointer(b) => *b,
            _ => t,
        };
        self.ck
            .tcx
            .as_named(base)
            .and_then(|n| self.ck.tcx.named_info(n))
            .and_then(|i| i.pkg)
    }

    /// The signature of method `name` of `recv_t` (without receiver).
    fn method_sig_of(&mut self, recv_t: TyId, name: &str) -> Option<crate::types::ty::Sig> {
        let pkg = self.type_pkg(recv_t);
        match self.ck.lookup(recv_t, name, pkg) {
            Lookup::Method { obj, on, .. } => {
                let map = self.ck.instance_subst(on);
                let t = self.ck.obj(obj).ty;
                let t = self.concrete(t, &map);
                self.ck.tcx.sig(t).cloned()
            }
            Lookup::IfaceMethod { sig, .. } => self.ck.tcx.sig(sig).cloned(),
            _ => None,
        }
    }

    /// The function behind a method value: its context's capture 0 is the
    /// receiver (of type `recv_t`).
    pub(super) fn bound_func(&mut self, recv_t: TyId, name: &str) -> FuncId {
        let recv_t = self.ck.tcx.canon(recv_t);
        let key = FuncKey::Bound(recv_t, name.to_string());
        if let Some(&id) = self.funcs.get(&key) {
            return id;
        }
        let sig = self.method_sig_of(recv_t, name);
        let isig = match &sig {
            Some(s) => self.ir_sig(s),
            None => crate::ir::Signature {
                params: Vec::new(),
                results: Vec::new(),
                variadic: false,
            },
        };
        let pkg = self.type_pkg(recv_t);
        let fname = format!(
            "{}.{}.{}-fm",
            self.pkg_path(pkg),
            self.recv_name(recv_t),
            name
        );
        let id = self.reserve(fname, isig, self.cur_span);
        self.funcs.insert(key, id);
        self.queue.push_back(Job::Bound {
            id,
            recv: recv_t,
            name: name.to_string(),
        });
        id
    }

    /// The function behind a method expression `T.M`.
    pub(super) fn method_expr_func(&mut self, recv_t: TyId, name: &str) -> FuncId {
        let recv_t = self.ck.tcx.canon(recv_t);
        let key = FuncKey::MethodExpr(recv_t, name.to_string());
        if let Some(&id) = self.funcs.get(&key) {
            return id;
        }
        let sig = self.method_sig_of(recv_t, name);
        let mut isig = match &sig {
            Some(s) => self.ir_sig(s),
            None => crate::ir::Signature {
                params: Vec::new(),
                results: Vec::new(),
                variadic: false,
            },
        };
        let rt = self.ir_type(recv_t, &HashMap::new());
        isig.params.insert(0, rt);
        let pkg = self.type_pkg(recv_t);
        let fname = format!(
            "{}.{}.{}-fn",
            self.pkg_path(pkg),
            self.recv_name(recv_t),
            name
        );
        let id = self.reserve(fname, isig, self.cur_span);
        self.funcs.insert(key, id);
        self.queue.push_back(Job::MethodExpr {
            id,
            recv: recv_t,
            name: name.to_string(),
        });
        id
    }

    /// Forwards the parameters of function `id` (after `skip` leading
    /// ones) to method `name` of `recv` (of type `recv_t`) and returns its
    /// results.
    fn forward(&mut self, id: FuncId, recv_t: TyId, name: &str, recv_from_capture: bool) {
        let Some(func) = self.prog.funcs.get(id.0 as usize).cloned() else {
            return;
        };
        let fname = func.name.clone();
        let span = func.span;
        let mut f = FnLowerer::new(self, fname, span, HashMap::new());
        let rit = f.ty(recv_t);
        let mut params = func.sig.params.clone();
        let recv_v = if recv_from_capture {
            f.b.val(InstrKind::Capture(0), rit)
        } else {
            if !params.is_empty() {
                params.remove(0);
            }
            f.b.param(rit)
        };
        let args: Vec<ValueId> = params.iter().map(|t| f.b.param(*t)).collect();
        let ret = match func.sig.results.len() {
            0 => None,
            1 => Some(func.sig.results[0]),
            _ => {
                let rs = func.sig.results.clone();
                Some(f.lw.tuple_type(rs))
            }
        };
        let r = f.call_method_on(recv_v, recv_t, name, args, ret);
        match (r, func.sig.results.len()) {
            (None, _) | (_, 0) => f.b.terminate(Terminator::Return(Vec::new())),
            (Some(v), 1) => f.b.terminate(Terminator::Return(vec![v])),
            (Some(v), n) => {
                let mut vs = Vec::new();
                for i in 0..n {
                    let t = func.sig.results[i];
                    vs.push(f.b.val(
                        InstrKind::Extract {
                            tuple: v,
                            index: i as u32,
                        },
                        t,
                    ));
                }
                f.b.terminate(Terminator::Return(vs));
            }
        }
        f.result_tys = Vec::new();
        f.finish(id);
    }

    /// An IR tuple type of IR types.
    pub(super) fn tuple_type(&mut self, ts: Vec<TypeId>) -> TypeId {
        let t = crate::ir::Type::Tuple(ts);
        if let Some(&id) = self.type_dedup.get(&t) {
            return id;
        }
        let id = TypeId(self.prog.types.len() as u32);
        self.prog.types.push(t.clone());
        self.type_dedup.insert(t, id);
        id
    }

    pub(super) fn lower_promoted(&mut self, id: FuncId, recv: TyId, name: &str) {
        self.forward(id, recv, name, false);
    }

    pub(super) fn lower_bound(&mut self, id: FuncId, recv: TyId, name: &str) {
        self.forward(id, recv, name, true);
    }

    pub(super) fn lower_method_expr(&mut self, id: FuncId, recv: TyId, name: &str) {
        self.forward(id, recv, name, false);
    }
}

impl<'l, 'a> FnLowerer<'l, 'a> {
    /// Calls method `name` on receiver value `recv_v` of type `recv_t`,
    /// following embedded fields and adjusting the receiver.
    pub fn call_method_on(
        &mut self,
        recv_v: ValueId,
        recv_t: TyId,
        name: &str,
        args: Vec<ValueId>,
        ret: Option<TypeId>,
    ) -> Option<ValueId> {
        let (callee, recv) = self.method_on(recv_v, recv_t, name)?;
        let mut argv: Vec<ValueId> = recv.into_iter().collect();
        argv.extend(args);
        self.b.call(callee, argv, ret)
    }

    /// The callee and receiver argument for method `name` of a receiver
    /// value `recv_v` of (concrete) type `recv_t`, found by name (for
    /// wrappers, and for methods of type parameters once instantiated).
    pub fn method_on(
        &mut self,
        recv_v: ValueId,
        recv_t: TyId,
        name: &str,
    ) -> Option<(Callee, Option<ValueId>)> {
        let recv_t = self.cty(recv_t);
        let pkg = self.lw.type_pkg(recv_t);
        let look = self.lw.ck.lookup(recv_t, name, pkg);
        let recv_is_ptr = matches!(self.lw.ck.tcx.kind(recv_t), TypeKind::Pointer(_));
        let base_t = match self.lw.ck.tcx.kind(recv_t) {
            TypeKind::Pointer(b) => *b,
            _ => recv_t,
        };
        // The address of the embedded field on `path`, as a pointer to
        // what holds the method.
        let path_target = |f: &mut Self, path: &[u32]| -> (ValueId, TyId) {
            let base_ptr = if recv_is_ptr {
                recv_v
            } else {
                f.spill(recv_v, recv_t)
            };
            let p = f.field_path_addr(base_ptr, base_t, path, recv_is_ptr);
            let mut t = base_t;
            for &i in path {
                let b = match f.lw.ck.tcx.kind(t) {
                    TypeKind::Pointer(b) => *b,
                    _ => t,
                };
                t =
                    f.lw.ck
                        .tcx
                        .struct_fields(b)
                        .and_then(|fs| fs.get(i as usize))
                        .map(|x| x.ty)
                        .unwrap_or(t);
            }
            if let TypeKind::Pointer(inner) = f.lw.ck.tcx.kind(t).clone() {
                let it = f.ty(t);
                let q = f.b.load(p, it);
                f.b.stmt(InstrKind::NilCheck(q));
                return (q, inner);
            }
            (p, t)
        };
        match look {
            Lookup::Method {
                path,
                obj,
                ptr_recv,
                on,
                ..
            } => {
                let targs = self
                    .lw
                    .ck
                    .tcx
                    .as_named(on)
                    .and_then(|n| self.lw.ck.tcx.named_info(n))
                    .map(|i| i.targs.clone())
                    .unwrap_or_default();
                let fid = self.lw.func_id(obj, targs);
                let recv = if path.is_empty() {
                    match (ptr_recv, recv_is_ptr) {
                        (true, true) | (false, false) => recv_v,
                        (true, false) => self.spill(recv_v, recv_t),
                        (false, true) => {
                            self.b.stmt(InstrKind::NilCheck(recv_v));
                            let it = self.ty(base_t);
                            self.b.load(recv_v, it)
                        }
                    }
                } else {
                    let (p, t) = path_target(self, &path);
                    if ptr_recv {
                        p
                    } else {
                        let it = self.ty(t);
                        self.b.load(p, it)
                    }
                };
                Some((Callee::Direct(fid), Some(recv)))
            }
            Lookup::IfaceMethod {
                path, iface, index, ..
            } => {
                let iv = if path.is_empty() {
                    if recv_is_ptr {
                        let it = self.ty(base_t);
                        self.b.load(recv_v, it)
                    } else {
                        recv_v
                    }
                } else {
                    let (p, _) = path_target(self, &path);
                    let it = self.ty(iface);
                    self.b.load(p, it)
                };
                Some((Callee::Interface { iface: iv, index }, None))
            }
            _ => {
                self.ice(
                    self.b.span,
                    &format!("method {name} not found for a wrapper"),
                );
                None
            }
        }
    }
}
