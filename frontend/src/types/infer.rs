//! Type argument inference for calls of generic functions: unification of
//! parameter types with argument types (typed arguments first, then the
//! default types of untyped constants), then inference from constraints'
//! core types, then constraint verification.

use std::collections::HashMap;

use super::operand::Operand;
use super::ty::{Sig, TParamId, TyId, TypeKind};
use super::{Checker, ObjId};
use crate::syntax::ast::{Expr, ExprKind};

impl<'a> Checker<'a> {
    /// Infers the type arguments of a call of generic function `obj` and
    /// returns the instantiated signature (`None` after an error).
    pub(super) fn infer_call(
        &mut self,
        call: &'a Expr,
        func: &'a Expr,
        obj: ObjId,
        sig: &Sig,
        args: &mut [Operand<'a>],
        dots: bool,
    ) -> Option<Sig> {
        let callee = match &func.unparen().kind {
            ExprKind::Index { x, .. } => &**x,
            _ => func,
        };
        let tparams = self
            .generic_callee(callee)
            .map(|(_, tps)| tps)
            .unwrap_or_else(|| self.objs.get(obj).tparams.clone());
        let ids: Vec<TParamId> = tparams
            .iter()
            .filter_map(|t| self.tcx.as_tparam(*t))
            .collect();
        let mut map: HashMap<TParamId, TyId> = HashMap::new();
        // Explicit leading type arguments `f[int](...)`.
        let fkey = match &func.unparen().kind {
            ExprKind::Index { x, .. } => x.unparen().id,
            _ => func.unparen().id,
        };
        if let Some(explicit) = self.partial_targs.get(&fkey).cloned() {
            for (i, t) in explicit.into_iter().enumerate() {
                if let Some(&p) = ids.get(i) {
                    map.insert(p, t);
                }
            }
        }
        // Parameter type for argument i.
        let param_for = |i: usize| -> Option<TyId> {
            let n = sig.params.len();
            if sig.variadic && !dots && i + 1 >= n {
                let last = *sig.params.last()?;
                return Some(last);
            }
            sig.params.get(i).copied()
        };
        let variadic_elem = |tcx: &super::TypeCtx, t: TyId| -> TyId {
            match tcx.kind(t) {
                TypeKind::Slice(e) => *e,
                _ => t,
            }
        };
        let fname = Self::expr_text(match &func.unparen().kind {
            ExprKind::Index { x, .. } => x,
            _ => func,
        });
        // Typed arguments (generic function arguments come last).
        let is_generic_arg = |ck: &Self, a: &Operand<'a>| a.expr.is_some_and(|e| ck.generic_callee(e).is_some());
        for (i, a) in args.iter().enumerate() {
            if a.is_invalid() || self.tcx.is_untyped(a.ty) || is_generic_arg(self, a) {
                continue;
            }
            let Some(mut p) = param_for(i) else { continue };
            if sig.variadic && !dots && i + 1 >= sig.params.len() {
                p = variadic_elem(&self.tcx, p);
            }
            if !self.unify(p, a.ty, &ids, &mut map, true) {
                let as_ = self.ts(a.ty);
                let ex = a.expr.map(Self::expr_text).unwrap_or_default();
                let ps = self.ts(p);
                let bound = self
                    .tcx
                    .as_tparam(p)
                    .filter(|x| ids.contains(x))
                    .and_then(|x| map.get(&x).copied());
                let msg = match bound {
                    Some(b) => {
                        let bs = self.ts(b);
                        format!("type {as_} of {ex} does not match inferred type {bs} for {ps}")
                    }
                    None => format!("type {as_} of {ex} does not match {ps}"),
                };
                self.error(a.pos(), format!("in call to {fname}, {msg}"));
                return None;
            }
        }
        // Core types of constraints, and methods of known type arguments.
        if !self.infer_from_constraints(&ids, &mut map, call, &fname, true) {
            return None;
        }
        // Untyped constants: the largest default type among the arguments
        // of each parameter that is a bare type parameter still unknown.
        let mut untyped_for: Vec<(TParamId, TyId)> = Vec::new();
        for (i, a) in args.iter().enumerate() {
            if a.is_invalid() || !self.tcx.is_untyped(a.ty) || a.is_nil() {
                continue;
            }
            let Some(mut p) = param_for(i) else { continue };
            if sig.variadic && !dots && i + 1 >= sig.params.len() {
                p = variadic_elem(&self.tcx, p);
            }
            let Some(pid) = self.tcx.as_tparam(p).filter(|x| ids.contains(x)) else { continue };
            if map.contains_key(&pid) {
                continue;
            }
            match untyped_for.iter().position(|(q, _)| *q == pid) {
                None => untyped_for.push((pid, a.ty)),
                Some(k) => {
                    let cur = untyped_for[k].1;
                    match max_untyped_kind(&self.tcx, cur, a.ty) {
                        Some(m) => untyped_for[k].1 = m,
                        None => {
                            let cs = self.ts(cur);
                            let as_ = self.ts(a.ty);
                            let ps = self.ts(p);
                            self.error(
                                a.pos(),
                                format!("in call to {fname}, mismatched types {cs} and {as_} (cannot infer {ps})"),
                            );
                            return None;
                        }
                    }
                }
            }
        }
        for (pid, t) in untyped_for {
            map.entry(pid).or_insert_with(|| self.tcx.default_type(t));
        }
        // Methods of default types are checked when instantiating.
        if !self.infer_from_constraints(&ids, &mut map, call, &fname, false) {
            return None;
        }
        // All inferred?
        if let Some(p) = ids.iter().copied().find(|p| !map.contains_key(p)) {
            let (name, obj) = self
                .tcx
                .tparam_info(p)
                .map(|i| (i.name.clone(), i.obj))
                .unwrap_or((String::new(), ObjId(0)));
            let at = self.pos_string(self.objs.get(obj).span);
            let fname = Self::expr_text(func);
            self.error(call.pos(), format!("in call to {fname}, cannot infer {name} (declared at {at})"));
            return None;
        }
        // Generic function arguments: instantiated from their parameter's
        // type once the callee's type arguments are known.
        for (i, a) in args.iter_mut().enumerate() {
            if a.is_invalid() || !is_generic_arg(self, a) {
                continue;
            }
            let Some(mut p) = param_for(i) else { continue };
            if sig.variadic && !dots && i + 1 >= sig.params.len() {
                p = variadic_elem(&self.tcx, p);
            }
            let p = self.subst(p, &map);
            if !self.mentions_any(p, &ids) {
                self.reverse_instantiate(a, p);
            }
        }
        let targs: Vec<TyId> = ids.iter().filter_map(|p| map.get(p).copied()).collect();
        let base = match &func.unparen().kind {
            ExprKind::Index { x, .. } => &**x,
            _ => func,
        };
        let fty = self.tcx.intern(TypeKind::Func(sig.clone()));
        let t = self.instantiate_func(call, base, &tparams, fty, targs, &[])?;
        self.tcx.sig(t).cloned()
    }

    /// Instantiates the generic function `x` denotes so that its type is
    /// (unifies with) the function type `target`; updates `x` and records
    /// the instance. `false` if its type arguments cannot be inferred.
    pub(super) fn reverse_instantiate(&mut self, x: &mut Operand<'a>, target: TyId) -> bool {
        let Some(e) = x.expr else { return false };
        let Some((_, tparams)) = self.generic_callee(e) else { return false };
        let ids: Vec<TParamId> = tparams.iter().filter_map(|t| self.tcx.as_tparam(*t)).collect();
        let mut map: HashMap<TParamId, TyId> = HashMap::new();
        if let Some(explicit) = self.partial_targs.get(&e.unparen().id).cloned() {
            for (i, t) in explicit.into_iter().enumerate() {
                if let Some(&p) = ids.get(i) {
                    map.insert(p, t);
                }
            }
        }
        if !self.unify(x.ty, target, &ids, &mut map, true) {
            return false;
        }
        let fname = Self::expr_text(e);
        if !self.infer_from_constraints(&ids, &mut map, e, &fname, false) {
            return false;
        }
        if ids.iter().any(|p| !map.contains_key(p)) {
            return false;
        }
        let targs: Vec<TyId> = ids.iter().filter_map(|p| map.get(p).copied()).collect();
        let Some(t) = self.instantiate_func(e, e, &tparams, x.ty, targs, &[]) else {
            return false;
        };
        x.ty = t;
        if let Some(tv) = self.info.types.get_mut(&e.id) {
            tv.ty = t;
        }
        true
    }

    /// Inference from constraints: a type parameter whose constraint has a
    /// single (core) term unifies with it; a known type argument must have
    /// the constraint's methods. `false` after reporting an error.
    pub(super) fn infer_from_constraints(
        &mut self,
        ids: &[TParamId],
        map: &mut HashMap<TParamId, TyId>,
        call: &'a Expr,
        fname: &str,
        check_methods: bool,
    ) -> bool {
        for _ in 0..4 {
            let before = map.len();
            for &p in ids {
                let Some(info) = self.tcx.tparam_info(p).cloned() else { continue };
                let Some(iface) = self.tcx.iface(info.constraint).cloned() else { continue };
                let core = iface.terms.as_ref().filter(|ts| ts.len() == 1).map(|ts| ts[0].clone());
                match map.get(&p).copied() {
                    Some(bound) => {
                        if let Some(core) = &core {
                            let target = if core.tilde { self.tcx.under(bound) } else { bound };
                            if !self.unify(core.ty, target, ids, map, true) {
                                let bs = self.ts(bound);
                                let cs = self.ts(info.constraint);
                                self.error(
                                    call.pos(),
                                    format!("in call to {fname}, {} (type {bs}) does not satisfy {cs}", info.name),
                                );
                                return false;
                            }
                        }
                        if check_methods && !iface.methods.is_empty() && !self.mentions_any(bound, ids) {
                            if let Some(cause) = self.missing_method_cause(bound, info.constraint, true) {
                                let bs = self.ts(bound);
                                let cs = self.ts(info.constraint);
                                self.error(
                                    call.pos(),
                                    format!("in call to {fname}, {} (type {bs}) does not satisfy {cs} {cause}", info.name),
                                );
                                return false;
                            }
                        }
                    }
                    None => {
                        // A single specific type without tilde is the
                        // argument.
                        if let Some(core) = core.filter(|c| !c.tilde) {
                            let t = self.subst(core.ty, map);
                            if !self.mentions_any(t, ids) {
                                map.insert(p, t);
                            }
                        }
                    }
                }
            }
            if map.len() == before {
                break;
            }
        }
        true
    }

    /// Whether `t` mentions one of the type parameters `ids`.
    fn mentions_any(&self, t: TyId, ids: &[TParamId]) -> bool {
        if !self.tcx.has_tparams(t) {
            return false;
        }
        match self.tcx.kind(t) {
            TypeKind::TypeParam(p) => ids.contains(p),
            TypeKind::Pointer(e)
            | TypeKind::Slice(e)
            | TypeKind::Array(_, e)
            | TypeKind::Chan(_, e) => self.mentions_any(*e, ids),
            TypeKind::Map(k, v) => self.mentions_any(*k, ids) || self.mentions_any(*v, ids),
            TypeKind::Func(s) => s
                .params
                .iter()
                .chain(s.results.iter())
                .any(|x| self.mentions_any(*x, ids)),
            TypeKind::Struct(fs) => fs.iter().any(|f| self.mentions_any(f.ty, ids)),
            TypeKind::Tuple(ts) => ts.iter().any(|x| self.mentions_any(*x, ids)),
            TypeKind::Named(n) => self
                .tcx
                .named_info(*n)
                .is_some_and(|i| i.targs.iter().any(|x| self.mentions_any(*x, ids))),
            _ => true,
        }
    }

    /// Unifies parameter type `p` (mentioning type parameters `ids`) with
    /// argument type `a`, extending `map`. `inexact` allows a defined type
    /// to match a type literal through its underlying type.
    pub(super) fn unify(
        &mut self,
        p: TyId,
        a: TyId,
        ids: &[TParamId],
        map: &mut HashMap<TParamId, TyId>,
        inexact: bool,
    ) -> bool {
        if let Some(pid) = self.tcx.as_tparam(p) {
            if ids.contains(&pid) {
                return match map.get(&pid).copied() {
                    Some(b) => {
                        if self.tcx.identical(b, a) {
                            true
                        } else if inexact
                            && self.tcx.identical(self.tcx.under(b), self.tcx.under(a))
                        {
                            // Prefer the defined type.
                            if self.tcx.is_named(a) && !self.tcx.is_named(b) {
                                map.insert(pid, a);
                            }
                            true
                        } else {
                            false
                        }
                    }
                    None => {
                        map.insert(pid, a);
                        true
                    }
                };
            }
        }
        if self.tcx.identical(p, a) && !self.mentions_any(p, ids) {
            return true;
        }
        // An argument of (the caller's) type parameter type unifies
        // through its core type when the parameter is a type literal.
        let a = if self.tcx.is_tparam(a) && !self.tcx.is_tparam(p) && !self.tcx.is_named(p) {
            match self.core_type(a) {
                Some(c) => c,
                None => return false,
            }
        } else {
            a
        };
        let pk = self.tcx.kind(p).clone();
        let mut ak = self.tcx.kind(a).clone();
        // A defined argument against a type literal parameter.
        if inexact && self.tcx.is_named(a) && !self.tcx.is_named(p) && !self.tcx.is_tparam(p) {
            ak = self.tcx.under_kind(a).clone();
        }
        match (pk, ak) {
            (TypeKind::Pointer(x), TypeKind::Pointer(y))
            | (TypeKind::Slice(x), TypeKind::Slice(y)) => self.unify(x, y, ids, map, inexact),
            (TypeKind::Array(n, x), TypeKind::Array(m, y)) => {
                n == m && self.unify(x, y, ids, map, inexact)
            }
            (TypeKind::Chan(_, x), TypeKind::Chan(_, y)) => self.unify(x, y, ids, map, inexact),
            (TypeKind::Map(k1, v1), TypeKind::Map(k2, v2)) => {
                self.unify(k1, k2, ids, map, inexact) && self.unify(v1, v2, ids, map, inexact)
            }
            (TypeKind::Func(s1), TypeKind::Func(s2)) => {
                s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.variadic == s2.variadic
                    && s1
                        .params
                        .iter()
                        .zip(s2.params.iter())
                        .chain(s1.results.iter().zip(s2.results.iter()))
                        .all(|(x, y)| self.unify(*x, *y, ids, map, inexact))
            }
            (TypeKind::Struct(f1), TypeKind::Struct(f2)) => {
                f1.len() == f2.len()
                    && f1.iter().zip(f2.iter()).all(|(x, y)| {
                        x.name == y.name
                            && x.embedded == y.embedded
                            && self.unify(x.ty, y.ty, ids, map, inexact)
                    })
            }
            (TypeKind::Named(n1), TypeKind::Named(n2)) => {
                let i1 = self.tcx.named_info(n1).cloned();
                let i2 = self.tcx.named_info(n2).cloned();
                match (i1, i2) {
                    (Some(i1), Some(i2)) => {
                        let o1 = i1.origin.unwrap_or(n1);
                        let o2 = i2.origin.unwrap_or(n2);
                        if o1 != o2 || i1.targs.len() != i2.targs.len() {
                            return false;
                        }
                        i1.targs
                            .iter()
                            .zip(i2.targs.iter())
                            .all(|(x, y)| self.unify(*x, *y, ids, map, inexact))
                    }
                    _ => false,
                }
            }
            (TypeKind::Interface(_), _) => {
                // An argument assigned to an interface parameter: nothing
                // to infer unless the interface mentions type parameters.
                true
            }
            _ => false,
        }
    }
}

/// The larger of two untyped constant types (`untyped int` < `rune` <
/// `float` < `complex`); `None` if they cannot meet.
fn max_untyped_kind(tcx: &super::TypeCtx, a: TyId, b: TyId) -> Option<TyId> {
    use super::BasicKind::*;
    let ka = tcx.basic_kind(a)?;
    let kb = tcx.basic_kind(b)?;
    if ka == kb {
        return Some(a);
    }
    let rank = |k: super::BasicKind| match k {
        UntypedInt => Some(0),
        UntypedRune => Some(1),
        UntypedFloat => Some(2),
        UntypedComplex => Some(3),
        _ => None,
    };
    let (ra, rb) = (rank(ka)?, rank(kb)?);
    Some(if ra >= rb { a } else { b })
}
