//! Type argument inference, as gc does it. For calls of generic functions:
//! unification of parameter types with argument types (typed arguments
//! first, then the default types of untyped constants), then inference from
//! constraints' core terms (or, without one, from the methods a known type
//! argument must have), then constraint verification. Generic functions
//! passed as arguments have their type parameters inferred jointly with the
//! callee's. A generic function value assigned to a function-typed target
//! (variable, result, argument of a non-generic function, composite literal
//! element, send) is instantiated from that type ("reverse" inference).
//! Unification is inexact: a defined type matches a type literal through
//! its underlying type, channel directions are ignored, and an interface
//! mentioning type parameters unifies with the methods of the other type.

use std::collections::HashMap;

use super::operand::Operand;
use super::ty::{Sig, TParamId, TyId, TypeKind};
use super::{Checker, ObjId};
use crate::syntax::ast::{Expr, ExprKind};

/// A generic function passed as an argument, inferred jointly with the
/// callee: the argument, its type arguments so far, its type parameters.
type JointArg<'a> = (&'a Expr, Vec<TyId>, Vec<TParamId>);

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
        let saved = std::mem::take(&mut self.unify_rhs);
        let r = self.infer_call_inner(call, func, obj, sig, args, dots);
        self.unify_rhs = saved;
        r
    }

    fn infer_call_inner(
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
        // Explicit type arguments are substituted first: arguments whose
        // parameters then mention no unknown type parameter are checked by
        // assignment, not inference.
        let psig = if map.is_empty() {
            sig.clone()
        } else {
            let t = self.tcx.intern(TypeKind::Func(sig.clone()));
            let t = self.subst(t, &map);
            self.tcx.sig(t).cloned().unwrap_or_else(|| sig.clone())
        };
        // Parameter type for argument i.
        let param_for = |i: usize| -> Option<TyId> {
            let n = psig.params.len();
            if psig.variadic && !dots && i + 1 >= n {
                let last = *psig.params.last()?;
                return Some(last);
            }
            psig.params.get(i).copied()
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
        // Generic function arguments: their type parameters are inferred
        // together with the callee's (unless they are the callee's own, in
        // a recursive call; those are instantiated afterwards).
        let mut all_ids = ids.clone();
        let mut joint: Vec<Option<JointArg<'a>>> = vec![None; args.len()];
        for (i, a) in args.iter().enumerate() {
            if a.is_invalid() {
                continue;
            }
            let Some((base, tps)) = a.expr.and_then(|e| self.generic_value(e)) else {
                continue;
            };
            let aids: Vec<TParamId> = tps.iter().filter_map(|t| self.tcx.as_tparam(*t)).collect();
            if aids.iter().any(|p| all_ids.contains(p)) {
                continue;
            }
            if let Some(explicit) = self.partial_targs.get(&base.unparen().id).cloned() {
                for (k, t) in explicit.into_iter().enumerate() {
                    if let Some(&p) = aids.get(k) {
                        map.insert(p, t);
                    }
                }
            }
            all_ids.extend(aids.iter().copied());
            if let Some(slot) = joint.get_mut(i) {
                *slot = Some((base, tps, aids));
            }
        }
        let ext_ids: Vec<TParamId> = all_ids.get(ids.len()..).unwrap_or_default().to_vec();
        self.unify_rhs = ext_ids.clone();
        // Typed arguments, in order.
        for (i, a) in args.iter().enumerate() {
            let joint_arg = joint.get(i).and_then(|j| j.as_ref());
            if a.is_invalid() || self.tcx.is_untyped(a.ty) {
                continue;
            }
            if joint_arg.is_none() && a.expr.is_some_and(|e| self.generic_value(e).is_some()) {
                continue;
            }
            let Some(mut p) = param_for(i) else { continue };
            if sig.variadic && !dots && i + 1 >= sig.params.len() {
                p = variadic_elem(&self.tcx, p);
            }
            if joint_arg.is_none() && !self.mentions_any(p, &ids) {
                continue;
            }
            if !self.unify(p, a.ty, &all_ids, &mut map, true) {
                let targ = match joint_arg {
                    Some((_, tps, _)) => self.generic_sig_string(a.ty, tps),
                    None => self.ts(a.ty),
                };
                let ex = a.expr.map(Self::expr_text).unwrap_or_default();
                let msg = self.infer_mismatch(&all_ids, &map, p, &targ, &ex, false);
                self.error(a.pos(), format!("in call to {fname}, {msg}"));
                return None;
            }
        }
        // Core types of constraints, and methods of known type arguments.
        if !self.infer_from_constraints(&all_ids, &mut map, call, &fname, true) {
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
            let Some(mut pid) = self.tcx.as_tparam(p).filter(|x| ids.contains(x)) else {
                continue;
            };
            // Bound to a generic argument's type parameter that is still
            // unknown: the constant's type is that one's.
            for _ in 0..all_ids.len() {
                let next = map
                    .get(&pid)
                    .and_then(|b| self.tcx.as_tparam(*b))
                    .filter(|q| ext_ids.contains(q) && *q != pid);
                match next {
                    Some(q) => pid = q,
                    None => break,
                }
            }
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
        if !self.infer_from_constraints(&all_ids, &mut map, call, &fname, false) {
            return None;
        }
        self.resolve_inferred(&ids, &ext_ids, &mut map);
        self.unify_rhs.clear();
        // All inferred?
        let missing = all_ids.iter().copied().find(|p| match map.get(p) {
            None => true,
            Some(&t) => self.mentions_any(t, &ext_ids),
        });
        if let Some(p) = missing {
            let (name, obj) = self
                .tcx
                .tparam_info(p)
                .map(|i| (i.name.clone(), i.obj))
                .unwrap_or((String::new(), ObjId(0)));
            let at = self.pos_string(self.objs.get(obj).span);
            let fname = Self::expr_text(func);
            self.error(
                call.pos(),
                format!("in call to {fname}, cannot infer {name} (declared at {at})"),
            );
            return None;
        }
        // Generic function arguments inferred jointly: instantiated now.
        for (i, a) in args.iter_mut().enumerate() {
            let Some(Some((base, tps, aids))) = joint.get(i).cloned() else {
                continue;
            };
            let Some(e) = a.expr else { continue };
            let targs: Vec<TyId> = aids.iter().filter_map(|p| map.get(p).copied()).collect();
            let t = self.instantiate_func(e, base, &tps, a.ty, targs, &[])?;
            a.ty = t;
            self.update_instantiated_type(e, t);
        }
        // Other generic function arguments: instantiated from their
        // parameter's type once the callee's type arguments are known.
        for (i, a) in args.iter_mut().enumerate() {
            if a.is_invalid() || joint.get(i).is_some_and(|j| j.is_some()) {
                continue;
            }
            if a.expr.is_none_or(|e| self.generic_value(e).is_none()) {
                continue;
            }
            let Some(mut p) = param_for(i) else { continue };
            if sig.variadic && !dots && i + 1 >= sig.params.len() {
                p = variadic_elem(&self.tcx, p);
            }
            let p = self.subst(p, &map);
            if !self.mentions_any(p, &ids) {
                self.reverse_instantiate(a, p, InferSite::Arg(&fname));
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
    /// the instance. `false` if its type arguments cannot be inferred; the
    /// failure is reported (and `x` made invalid) unless `site` is
    /// [`InferSite::Silent`].
    pub(super) fn reverse_instantiate(
        &mut self,
        x: &mut Operand<'a>,
        target: TyId,
        site: InferSite<'_>,
    ) -> bool {
        let Some(e) = x.expr else { return false };
        let Some((base, tparams)) = self.generic_value(e) else {
            return false;
        };
        let ids: Vec<TParamId> = tparams
            .iter()
            .filter_map(|t| self.tcx.as_tparam(*t))
            .collect();
        let mut map: HashMap<TParamId, TyId> = HashMap::new();
        if let Some(explicit) = self.partial_targs.get(&base.unparen().id).cloned() {
            for (i, t) in explicit.into_iter().enumerate() {
                if let Some(&p) = ids.get(i) {
                    map.insert(p, t);
                }
            }
        }
        // The function's type with the explicit type arguments substituted.
        let gsig = if map.is_empty() {
            x.ty
        } else {
            self.subst(x.ty, &map)
        };
        if !self.unify(gsig, target, &ids, &mut map, true) {
            let msg = match site {
                InferSite::Silent => return false,
                InferSite::Target(desc) => {
                    let ts = self.ts(target);
                    (
                        e.pos(),
                        self.infer_mismatch(&ids, &map, gsig, &ts, desc, true),
                    )
                }
                InferSite::Arg(fname) => {
                    let targ = self.generic_sig_string(x.ty, &tparams);
                    let ex = Self::expr_text(e);
                    let m = self.infer_mismatch(&ids, &map, target, &targ, &ex, false);
                    (x.pos(), format!("in call to {fname}, {m}"))
                }
            };
            self.error(msg.0, msg.1);
            x.mode = super::operand::Mode::Invalid;
            return false;
        }
        let fname = Self::expr_text(base);
        if !self.infer_from_constraints(&ids, &mut map, e, &fname, false) {
            x.mode = super::operand::Mode::Invalid;
            return false;
        }
        self.resolve_inferred(&ids, &[], &mut map);
        if let Some(p) = ids.iter().copied().find(|p| !map.contains_key(p)) {
            if matches!(site, InferSite::Silent) {
                return false;
            }
            let msg = self.cannot_infer(p);
            let msg = match site {
                InferSite::Arg(fname) => format!("in call to {fname}, {msg}"),
                _ => msg,
            };
            self.error(e.pos(), msg);
            x.mode = super::operand::Mode::Invalid;
            return false;
        }
        let targs: Vec<TyId> = ids.iter().filter_map(|p| map.get(p).copied()).collect();
        let Some(t) = self.instantiate_func(e, base, &tparams, x.ty, targs, &[]) else {
            x.mode = super::operand::Mode::Invalid;
            return false;
        };
        x.ty = t;
        self.update_instantiated_type(e, t);
        true
    }

    /// Records the instantiated type of a generic function value `e`.
    fn update_instantiated_type(&mut self, e: &Expr, t: TyId) {
        let mut cur = e;
        loop {
            if let Some(tv) = self.info.types.get_mut(&cur.id) {
                tv.ty = t;
            }
            match &cur.kind {
                ExprKind::Paren(inner) => cur = inner,
                _ => break,
            }
        }
    }

    /// The generic function a function value denotes while (some of) its
    /// type arguments are still to be inferred: the uninstantiated
    /// expression (`f` in `f` or `f[int]`) and its type parameters.
    pub(super) fn generic_value(&self, e: &'a Expr) -> Option<(&'a Expr, Vec<TyId>)> {
        if let ExprKind::Index { x, .. } = &e.unparen().kind {
            if !self.partial_targs.contains_key(&x.unparen().id) {
                return None;
            }
            return self.generic_callee(x).map(|(_, tps)| (&**x, tps));
        }
        self.generic_callee(e).map(|(_, tps)| (e, tps))
    }

    /// `cannot infer P (declared at pos)`.
    pub(super) fn cannot_infer(&self, p: TParamId) -> String {
        let (name, obj) = self
            .tcx
            .tparam_info(p)
            .map(|i| (i.name.clone(), i.obj))
            .unwrap_or((String::new(), ObjId(0)));
        let at = self.pos_string(self.objs.get(obj).span);
        format!("cannot infer {name} (declared at {at})")
    }

    /// A generic function's type as gc prints it: `func[P, Q any](P) Q`.
    fn generic_sig_string(&self, fty: TyId, tparams: &[TyId]) -> String {
        let mut groups: Vec<(Vec<String>, String)> = Vec::new();
        for &t in tparams {
            let Some(info) = self.tcx.as_tparam(t).and_then(|p| self.tcx.tparam_info(p)) else {
                continue;
            };
            let c = self.ts(info.constraint);
            match groups.last_mut() {
                Some((names, last)) if *last == c => names.push(info.name.clone()),
                _ => groups.push((vec![info.name.clone()], c)),
            }
        }
        let list: Vec<String> = groups
            .into_iter()
            .map(|(names, c)| format!("{} {c}", names.join(", ")))
            .collect();
        let s = self.ts(fty);
        let rest = s.strip_prefix("func").unwrap_or(&s);
        format!("func[{}]{rest}", list.join(", "))
    }

    /// Type parameter names as gc lists them: `P`, `P and Q`, `P, Q, and R`.
    fn tparams_string(&self, ids: &[TParamId]) -> String {
        let names: Vec<String> = ids
            .iter()
            .map(|p| {
                self.tcx
                    .tparam_info(*p)
                    .map(|i| i.name.clone())
                    .unwrap_or_default()
            })
            .collect();
        match names.as_slice() {
            [] => String::new(),
            [a] => a.clone(),
            [a, b] => format!("{a} and {b}"),
            [init @ .., last] => format!("{}, and {last}", init.join(", ")),
        }
    }

    /// gc's message for a failed unification of parameter type `tpar` with
    /// an argument (or, `reverse`, an assignment target) of type `targ`.
    fn infer_mismatch(
        &mut self,
        ids: &[TParamId],
        map: &HashMap<TParamId, TyId>,
        tpar: TyId,
        targ: &str,
        arg: &str,
        reverse: bool,
    ) -> String {
        let first_known = ids.first().is_some_and(|p| map.contains_key(p));
        let any_known = ids.iter().any(|p| map.contains_key(p));
        let ps = self.ts(tpar);
        if !first_known && !any_known {
            let names = self.tparams_string(ids);
            return format!("type {targ} of {arg} does not match {ps} (cannot infer {names})");
        }
        let inferred = self.subst(tpar, map);
        if inferred != tpar {
            let is = self.ts(inferred);
            if reverse {
                format!("inferred type {is} for {ps} does not match type {targ} of {arg}")
            } else {
                format!("type {targ} of {arg} does not match inferred type {is} for {ps}")
            }
        } else {
            format!("type {targ} of {arg} does not match {ps}")
        }
    }

    /// Substitutes inferred types into each other: a type parameter of a
    /// generic argument (`ext`) may be inferred as a type mentioning the
    /// callee's (`callee`) or vice versa. A callee binding that mentions
    /// the callee's own parameters (a recursive call, where they denote
    /// the caller's) is not substituted.
    fn resolve_inferred(
        &mut self,
        callee: &[TParamId],
        ext: &[TParamId],
        map: &mut HashMap<TParamId, TyId>,
    ) {
        if ext.is_empty() {
            return;
        }
        let all: Vec<TParamId> = callee.iter().chain(ext.iter()).copied().collect();
        for _ in 0..=all.len() {
            let safe: HashMap<TParamId, TyId> = map
                .iter()
                .filter(|(k, v)| {
                    ext.contains(k) || (callee.contains(k) && !self.mentions_any(**v, callee))
                })
                .map(|(k, v)| (*k, *v))
                .collect();
            let mut changed = false;
            for p in &all {
                let Some(&t) = map.get(p) else { continue };
                let refers =
                    self.mentions_any(t, ext) || (ext.contains(p) && self.mentions_any(t, callee));
                if !refers {
                    continue;
                }
                let nt = self.subst(t, &safe);
                if nt != t {
                    map.insert(*p, nt);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
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
        for _ in 0..=ids.len() {
            let before = map.len();
            for &p in ids {
                let Some(info) = self.tcx.tparam_info(p).cloned() else {
                    continue;
                };
                let Some(iface) = self.tcx.iface(info.constraint).cloned() else {
                    continue;
                };
                let (core, single) = match self.core_term(&iface) {
                    Some((c, single)) => (Some(c), single),
                    None => (None, false),
                };
                match map.get(&p).copied() {
                    Some(bound) => {
                        if let Some(core) = &core {
                            let target = if core.tilde {
                                self.tcx.under(bound)
                            } else {
                                bound
                            };
                            if !self.unify(core.ty, target, ids, map, true) {
                                let bs = self.ts(bound);
                                let cs = self.ts(info.constraint);
                                self.error(
                                    call.pos(),
                                    format!(
                                        "in call to {fname}, {} (type {bs}) does not satisfy {cs}",
                                        info.name
                                    ),
                                );
                                return false;
                            }
                        } else if !iface.methods.is_empty() && !self.tcx.is_tparam(bound) {
                            // No core type: the argument's methods unify
                            // with the constraint's (which may mention
                            // type parameters still to infer).
                            for m in &iface.methods {
                                let found = match self.lookup_field_or_method(bound, &m.name, m.pkg)
                                {
                                    super::lookup::Lookup::Method { obj, on, .. } => {
                                        Some(self.method_sig(obj, on))
                                    }
                                    super::lookup::Lookup::IfaceMethod { sig, .. } => Some(sig),
                                    _ => None,
                                };
                                if let Some(sig) = found {
                                    if self.mentions_any(m.sig, ids) {
                                        self.unify(m.sig, sig, ids, map, false);
                                    }
                                }
                            }
                        }
                        if check_methods
                            && !iface.methods.is_empty()
                            && !self.mentions_any(bound, ids)
                        {
                            let c = self.subst(info.constraint, map);
                            if !self.mentions_any(c, ids) {
                                if let Some(cause) = self.missing_method_cause(bound, c, true) {
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
                    }
                    None => {
                        // A single specific type without tilde is the
                        // argument.
                        if let Some(core) = core.filter(|c| single && !c.tilde) {
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

    /// gc's `coreTerm`: a constraint's single specific term (`true`), or
    /// else a term for its core type (the common underlying type of its
    /// terms, channels combining directions), with a tilde if any term
    /// has one.
    fn core_term(&self, iface: &super::ty::Iface) -> Option<(super::ty::Term, bool)> {
        let terms = iface.terms.as_ref()?;
        if let [t] = terms.as_slice() {
            return Some((t.clone(), true));
        }
        let first = terms.first()?;
        let mut core = self.tcx.under(first.ty);
        for t in terms.iter().skip(1) {
            let u = self.tcx.under(t.ty);
            if self.tcx.identical(core, u) {
                continue;
            }
            match (self.tcx.kind(core), self.tcx.kind(u)) {
                (TypeKind::Chan(d1, e1), TypeKind::Chan(d2, e2))
                    if self.tcx.identical(*e1, *e2) =>
                {
                    use crate::syntax::ast::ChanDir;
                    if *d1 == ChanDir::Both {
                        core = u;
                    } else if *d2 != ChanDir::Both && d1 != d2 {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        let tilde = terms.iter().any(|t| t.tilde);
        Some((super::ty::Term { tilde, ty: core }, false))
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
        // Bindings may refer to each other (joint inference); a depth
        // limit stops cyclic ones.
        if self.unify_depth > 64 {
            return false;
        }
        self.unify_depth += 1;
        let r = self.unify_types(p, a, ids, map, inexact);
        self.unify_depth -= 1;
        r
    }

    fn unify_types(
        &mut self,
        p: TyId,
        a: TyId,
        ids: &[TParamId],
        map: &mut HashMap<TParamId, TyId>,
        inexact: bool,
    ) -> bool {
        if let Some(pid) = self.tcx.as_tparam(p).filter(|x| ids.contains(x)) {
            return self.unify_bind(pid, a, ids, map, inexact);
        }
        // Type parameters of generic function arguments (inferred jointly
        // with the callee's) may appear on the argument side.
        if let Some(aid) = self.tcx.as_tparam(a).filter(|x| self.unify_rhs.contains(x)) {
            return self.unify_bind(aid, p, ids, map, inexact);
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
        // An interface parameter mentioning type parameters and an argument
        // of another type: the argument's methods unify with the
        // interface's (inexact unification, as gc does).
        if inexact && self.mentions_any(p, ids) && !self.same_origin(p, a) {
            if let Some(pi) = self.tcx.iface(p).cloned() {
                if !pi.methods.is_empty() {
                    for m in &pi.methods {
                        let asig = match self.lookup_field_or_method(a, &m.name, m.pkg) {
                            super::lookup::Lookup::Method { obj, on, .. } => {
                                self.method_sig(obj, on)
                            }
                            super::lookup::Lookup::IfaceMethod { sig, .. } => sig,
                            _ => return false,
                        };
                        if !self.unify(m.sig, asig, ids, map, inexact) {
                            return false;
                        }
                    }
                    return true;
                }
            }
        }
        let pk = self.tcx.kind(p).clone();
        let mut ak = self.tcx.kind(a).clone();
        // A defined type against a type literal (or basic type): its
        // underlying type.
        let mut pk = pk;
        if inexact && self.tcx.is_named(a) && !self.tcx.is_named(p) && !self.tcx.is_tparam(p) {
            ak = self.tcx.under_kind(a).clone();
            if self.tcx.identical(p, self.tcx.under(a)) {
                return true;
            }
        } else if inexact && self.tcx.is_named(p) && !self.tcx.is_named(a) && !self.tcx.is_tparam(a)
        {
            pk = self.tcx.under_kind(p).clone();
            if !self.mentions_any(p, ids) && self.tcx.identical(self.tcx.under(p), a) {
                return true;
            }
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

    /// Whether `a` and `b` are instances of the same generic type.
    fn same_origin(&self, a: TyId, b: TyId) -> bool {
        let origin = |t: TyId| {
            let n = self.tcx.as_named(t)?;
            let i = self.tcx.named_info(n)?;
            Some(i.origin.unwrap_or(n))
        };
        matches!((origin(a), origin(b)), (Some(x), Some(y)) if x == y)
    }

    /// Binds type parameter `pid` to `a`, or unifies its binding with `a`
    /// (keeping a defined type, or a directed channel, over a type
    /// literal, as gc does).
    fn unify_bind(
        &mut self,
        pid: TParamId,
        a: TyId,
        ids: &[TParamId],
        map: &mut HashMap<TParamId, TyId>,
        inexact: bool,
    ) -> bool {
        let Some(b) = map.get(&pid).copied() else {
            map.insert(pid, a);
            return true;
        };
        if self.tcx.identical(b, a) {
            return true;
        }
        if !self.unify(b, a, ids, map, inexact) {
            return false;
        }
        let bi = self.tcx.is_interface(b) && !self.tcx.is_tparam(b);
        let ai = self.tcx.is_interface(a) && !self.tcx.is_tparam(a);
        let bn = self.tcx.is_named(b);
        let an = self.tcx.is_named(a);
        if bi && ai {
            if bn && an {
                return self.tcx.identical(b, a);
            }
            let nb = self.tcx.iface(b).map_or(0, |i| i.methods.len());
            let na = self.tcx.iface(a).map_or(0, |i| i.methods.len());
            if nb != na {
                return false;
            }
        } else if bi || ai {
            // Either could be the type argument: ambiguous.
            return false;
        }
        if inexact && !bn {
            let directed = matches!(self.tcx.under_kind(a), TypeKind::Chan(d, _) if *d != crate::syntax::ast::ChanDir::Both);
            if an || directed {
                map.insert(pid, a);
            }
        }
        true
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

/// Where a generic function value is instantiated by reverse inference,
/// for gc's messages when that fails.
#[derive(Clone, Copy)]
pub(super) enum InferSite<'s> {
    /// Failures are not reported (the caller reports its own error).
    Silent,
    /// An assignment to the target described (a variable's name, `s.f`,
    /// `result variable`, `struct literal`, ...).
    Target(&'s str),
    /// An argument of a call of the named function.
    Arg(&'s str),
}
