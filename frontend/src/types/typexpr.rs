//! Type expressions: names, literals (`[]T`, `map[K]V`, `struct{...}`,
//! `func(...)`, `interface{...}`), instantiations of generic types, and
//! function signatures with their parameter objects.

use std::collections::HashMap;

use super::object::{ObjKind, ScopeId, ScopeKind, VarKind};
use super::operand::{Mode, Operand};
use super::ty::{
    BasicKind, ChanDir, Field, IMethod, Iface, NamedId, Sig, Term, TyId, TypeCtx, TypeKind,
};
use super::{expr_string, Checker, ObjId};
use crate::source::Span;
use crate::syntax::ast::{self, BinaryOp, Expr, ExprKind, InterfaceElem, UnaryOp};

/// A checked signature and the objects of its parameters and results.
#[derive(Clone, Debug)]
pub(super) struct SigInfo {
    pub ty: TyId,
    pub params: Vec<ObjId>,
    pub results: Vec<ObjId>,
    pub named_results: bool,
}

impl<'a> Checker<'a> {
    /// A type expression; reports `x is not a type` and the like.
    pub(super) fn type_expr(&mut self, e: &'a Expr) -> TyId {
        let t = self.type_internal(e);
        self.record(e, &Operand::new(Mode::TypeExpr, t, e));
        // `G[P]` inside G's own declaration denotes G itself: not an error.
        let instantiated = matches!(e.unparen().kind, ExprKind::Index { .. });
        if self.is_generic_type(t) && !instantiated {
            let s = self.ts(t);
            self.error(
                e.pos(),
                format!("cannot use generic type {s} without instantiation"),
            );
            return TypeCtx::INVALID;
        }
        t
    }

    /// The type of a variable, parameter or field: constraint interfaces are
    /// not allowed.
    pub(super) fn var_type(&mut self, e: &'a Expr) -> TyId {
        let t = self.type_expr(e);
        if !self.tcx.is_tparam(t) {
            if let Some(i) = self.tcx.iface(t) {
                if !i.is_basic() {
                    let s = self.ts(t);
                    let why = if i.terms.is_some() {
                        "interface contains type constraints"
                    } else {
                        "interface is (or embeds) comparable"
                    };
                    self.error(
                        e.span.start(),
                        format!("cannot use type {s} outside a type constraint: {why}"),
                    );
                }
            }
        }
        t
    }

    fn type_internal(&mut self, e: &'a Expr) -> TyId {
        match &e.kind {
            ExprKind::Bad => TypeCtx::INVALID,
            ExprKind::Ident(name) => {
                let x = self.ident(e, name, true);
                self.want_type(x)
            }
            ExprKind::Selector { .. } => {
                let x = self.selector(e, true);
                self.want_type(x)
            }
            ExprKind::Paren(x) => self.type_expr(x),
            ExprKind::Star(x) => {
                let t = self.type_expr(x);
                if self.tcx.is_invalid(t) {
                    return t;
                }
                self.tcx.pointer(t)
            }
            ExprKind::ArrayType { len, elem } => {
                let Some(len) = len else {
                    self.error(
                        e.pos(),
                        "invalid use of [...] array (outside a composite literal)",
                    );
                    let _ = self.var_type(elem);
                    return TypeCtx::INVALID;
                };
                let n = self.array_length(len);
                let et = self.var_type(elem);
                match n {
                    Some(n) if !self.tcx.is_invalid(et) => self.tcx.intern(TypeKind::Array(n, et)),
                    _ => TypeCtx::INVALID,
                }
            }
            ExprKind::SliceType(elem) => {
                let et = self.var_type(elem);
                if self.tcx.is_invalid(et) {
                    return et;
                }
                self.tcx.slice(et)
            }
            ExprKind::MapType { key, value } => {
                let k = self.var_type(key);
                let v = self.var_type(value);
                if self.tcx.is_invalid(k) || self.tcx.is_invalid(v) {
                    return TypeCtx::INVALID;
                }
                // Key comparability can only be decided once named types
                // are complete; check now unless the key is still being
                // declared.
                let key_ready = !self.tcx.is_named(k)
                    || !self.tcx.is_invalid(self.tcx.under(k))
                    || self.tcx.is_tparam(k);
                if key_ready && !self.tcx.is_tparam(k) && !self.comparable(k) {
                    let s = self.ts(k);
                    let why = if self.tcx.is_tparam(k) {
                        " (missing comparable constraint)"
                    } else {
                        ""
                    };
                    self.error(key.pos(), format!("invalid map key type {s}{why}"));
                    return TypeCtx::INVALID;
                }
                if !key_ready {
                    self.delayed_map_keys.push((k, key.pos()));
                }
                self.tcx.intern(TypeKind::Map(k, v))
            }
            ExprKind::ChanType { dir, elem } => {
                let et = self.var_type(elem);
                if self.tcx.is_invalid(et) {
                    return et;
                }
                self.tcx.intern(TypeKind::Chan(*dir, et))
            }
            ExprKind::FuncType(ft) => {
                self.open_scope(ScopeKind::Func);
                let sig = self.signature(ft, None, false);
                self.close_scope();
                sig.ty
            }
            ExprKind::StructType(fields) => self.struct_type(fields),
            ExprKind::InterfaceType(elems) => self.interface_type(elems, e),
            ExprKind::Index { x, indices, .. } => self.instantiated_type(e, x, indices),
            ExprKind::Ellipsis(_) => {
                self.error(e.pos(), "invalid use of ...");
                TypeCtx::INVALID
            }
            _ => {
                let x = self.raw_expr(e, None, true);
                self.want_type(x)
            }
        }
    }

    fn want_type(&mut self, x: Operand<'a>) -> TyId {
        match x.mode {
            Mode::TypeExpr => x.ty,
            Mode::Invalid => TypeCtx::INVALID,
            Mode::NoValue => {
                let s = self.op_string(&x);
                self.error(x.pos(), format!("{s} used as type"));
                TypeCtx::INVALID
            }
            _ => {
                let s = self.op_string(&x);
                self.error(x.start(), format!("{s} is not a type"));
                TypeCtx::INVALID
            }
        }
    }

    /// The constant length of an array type.
    fn array_length(&mut self, e: &'a Expr) -> Option<u64> {
        if let ExprKind::Ident(name) = &e.kind {
            match self.lookup(name) {
                None => {
                    self.error(
                        e.pos(),
                        format!("undefined array length {name} or missing type constraint"),
                    );
                    return None;
                }
                Some(o) if !matches!(self.objs.get(o).kind, ObjKind::Const(_)) => {
                    self.error(e.pos(), format!("invalid array length {name}"));
                    return None;
                }
                _ => {}
            }
        }
        let x = self.expr(e);
        let Mode::Const(v) = &x.mode else {
            if !x.is_invalid() {
                let s = self.op_string(&x);
                self.error(x.start(), format!("array length {s} must be constant"));
            }
            return None;
        };
        if self.tcx.is_untyped(x.ty) || self.tcx.is_integer(x.ty) {
            if let Some(i) = v.to_int() {
                if let Some(n) = i.to_i64() {
                    if n >= 0 {
                        return Some(n as u64);
                    }
                }
            }
        }
        let s = self.op_string(&x);
        if self.tcx.is_integer(x.ty) {
            self.error(x.start(), format!("invalid array length {s}"));
        } else {
            self.error(x.start(), format!("array length {s} must be integer"));
        }
        None
    }

    fn struct_type(&mut self, fields: &'a [ast::Field]) -> TyId {
        let mut out: Vec<Field> = Vec::new();
        let mut seen: HashMap<String, Span> = HashMap::new();
        for f in fields {
            let tag = f
                .tag
                .as_ref()
                .and_then(|t| super::constant::string_value(&t.raw))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            if f.names.is_empty() {
                // Embedded field: T, *T, pkg.T, T[args].
                let t = self.var_type(&f.ty);
                let name = embedded_name(&f.ty).unwrap_or("_").to_string();
                let pos = embedded_pos(&f.ty);
                if !self.tcx.is_invalid(t) {
                    self.check_embedded(t, pos);
                }
                if name != "_" {
                    if let Some(old) = seen.get(&name) {
                        let other = self.pos_string(*old);
                        self.error(
                            pos,
                            format!("{name} redeclared\n\t{other}: other declaration of {name}"),
                        );
                    } else {
                        seen.insert(name.clone(), pos);
                    }
                }
                let pkg = if super::object::is_exported(&name) {
                    None
                } else {
                    Some(self.pkg)
                };
                out.push(Field {
                    name,
                    ty: t,
                    embedded: true,
                    tag,
                    pkg,
                });
                continue;
            }
            let t = self.var_type(&f.ty);
            for n in &f.names {
                if n.name != "_" {
                    if let Some(old) = seen.get(&n.name) {
                        let other = self.pos_string(*old);
                        self.error(
                            n.span,
                            format!(
                                "{} redeclared\n\t{other}: other declaration of {}",
                                n.name, n.name
                            ),
                        );
                    } else {
                        seen.insert(n.name.clone(), n.span);
                    }
                }
                let o = self.new_obj(&n.name, ObjKind::Var(VarKind::Field), t, n.span);
                self.record_def(n, o);
                let pkg = if super::object::is_exported(&n.name) {
                    None
                } else {
                    Some(self.pkg)
                };
                out.push(Field {
                    name: n.name.clone(),
                    ty: t,
                    embedded: false,
                    tag: tag.clone(),
                    pkg,
                });
            }
        }
        self.tcx.intern(TypeKind::Struct(out))
    }

    fn check_embedded(&mut self, t: TyId, pos: Span) {
        let (base, is_ptr) = match self.tcx.kind(t) {
            TypeKind::Pointer(b) => (*b, true),
            _ => (t, false),
        };
        if self.tcx.is_tparam(base) {
            self.error(
                pos,
                "embedded field type cannot be a (pointer to a) type parameter",
            );
            return;
        }
        if matches!(
            self.tcx.kind(base),
            TypeKind::Basic(BasicKind::UnsafePointer)
        ) {
            self.error(pos, "embedded field type cannot be unsafe.Pointer");
            return;
        }
        if is_ptr {
            match self.tcx.under_kind(base) {
                TypeKind::Pointer(_) => self.error(pos, "embedded field type cannot be a pointer"),
                TypeKind::Interface(_) => self.error(
                    pos,
                    "embedded field type cannot be a pointer to an interface",
                ),
                _ => {}
            }
        } else if matches!(self.tcx.under_kind(base), TypeKind::Pointer(_))
            && self.tcx.is_named(base)
        {
            self.error(pos, "embedded field type cannot be a pointer");
        }
    }

    /// An interface type literal: its complete method set and type set.
    fn interface_type(&mut self, elems: &'a [InterfaceElem], e: &'a Expr) -> TyId {
        let _ = e;
        let mut methods: Vec<(IMethod, Span)> = Vec::new();
        let mut terms: Option<Vec<Term>> = None;
        let mut comparable = false;
        // Explicit methods first: their signatures may refer to the
        // interface being declared only through a name, so this is safe.
        for el in elems {
            if let InterfaceElem::Method { name, ty } = el {
                if name.name == "_" {
                    self.error(name.span, "methods must have a unique non-blank name");
                    continue;
                }
                self.open_scope(ScopeKind::Func);
                // Embedding an interface still being declared is fine
                // from inside a method signature (see `embedded_elem`).
                self.method_sig_marks.push(self.obj_path.len());
                let sig = self.signature(ty, None, false);
                self.method_sig_marks.pop();
                self.close_scope();
                let o = self.new_obj(&name.name, ObjKind::Func, sig.ty, name.span);
                self.record_def(name, o);
                let m = IMethod {
                    name: name.name.clone(),
                    pkg: if super::object::is_exported(&name.name) {
                        None
                    } else {
                        Some(self.pkg)
                    },
                    sig: sig.ty,
                };
                if let Some((_, old)) = methods.iter().find(|(x, _)| x.name == m.name) {
                    let other = self.pos_string(*old);
                    self.error(
                        name.span,
                        format!(
                            "duplicate method {}\n\t{other}: other declaration of method {}",
                            name.name, name.name
                        ),
                    );
                    continue;
                }
                methods.push((m, name.span));
            }
        }
        for el in elems {
            let InterfaceElem::Embed(x) = el else {
                continue;
            };
            let (tset, emb_methods, emb_cmp) = self.embedded_elem(x);
            comparable |= emb_cmp;
            for m in emb_methods {
                match methods.iter().find(|(y, _)| y.name == m.name) {
                    Some((y, old)) => {
                        if !self.tcx.identical(y.sig, m.sig) {
                            let other = self.pos_string(*old);
                            self.error(x.span.start(), format!("duplicate method {}\n\t{other}: other declaration of method {}", m.name, m.name));
                        }
                    }
                    None => methods.push((m, x.span)),
                }
            }
            if let Some(ts) = tset {
                terms = Some(match terms {
                    None => ts,
                    Some(prev) => self.intersect_terms(&prev, &ts),
                });
            }
        }
        let mut ms: Vec<IMethod> = methods.into_iter().map(|(m, _)| m).collect();
        ms.sort_by(|a, b| a.name.cmp(&b.name));
        self.tcx.intern(TypeKind::Interface(Iface {
            methods: ms,
            terms,
            comparable,
            any: false,
            implicit: false,
        }))
    }

    /// An embedded interface element: an interface (its methods and type
    /// set) or a union of terms. Returns (type set, methods, comparable).
    fn embedded_elem(&mut self, x: &'a Expr) -> (Option<Vec<Term>>, Vec<IMethod>, bool) {
        match &x.kind {
            ExprKind::Binary {
                op: BinaryOp::Or, ..
            }
            | ExprKind::Unary {
                op: UnaryOp::Tilde, ..
            } => (Some(self.union_terms(x)), Vec::new(), false),
            _ => {
                let t = self.type_internal_no_generic_check(x);
                if self.tcx.is_invalid(t) {
                    return (None, Vec::new(), false);
                }
                if let Some(n) = self.tcx.as_named(t) {
                    if self.tcx.is_invalid(self.tcx.under(t)) {
                        // Embedding an interface still being declared: a
                        // cycle through embedding.
                        let obj = self.tcx.named_info(n).map(|i| i.obj);
                        if let Some(o) = obj {
                            if let Some(start) = self.obj_path.iter().position(|&p| p == o) {
                                if self.method_sig_marks.iter().any(|&m| m > start) {
                                    // Reached through a method signature of the
                                    // interface itself: not a cycle; the method
                                    // set is completed once it is declared.
                                    self.iface_incomplete = true;
                                } else {
                                    let cycle: Vec<ObjId> = self.obj_path[start..].to_vec();
                                    self.cycle_error(&cycle);
                                }
                            }
                        }
                        return (None, Vec::new(), false);
                    }
                }
                if self.tcx.is_tparam(t) {
                    self.error(x.span.start(), "term cannot be a type parameter");
                    return (None, Vec::new(), false);
                }
                match self.tcx.iface(t).cloned() {
                    Some(i) => (i.terms, i.methods, i.comparable),
                    None => (
                        Some(vec![Term {
                            tilde: false,
                            ty: t,
                        }]),
                        Vec::new(),
                        false,
                    ),
                }
            }
        }
    }

    fn type_internal_no_generic_check(&mut self, e: &'a Expr) -> TyId {
        let t = self.type_internal(e);
        self.record(e, &Operand::new(Mode::TypeExpr, t, e));
        t
    }

    /// The terms of a union `A | ~B | C`.
    fn union_terms(&mut self, x: &'a Expr) -> Vec<Term> {
        self.union_term_list(x)
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }

    /// The terms of a union with the position of each written term (`None`
    /// for terms of an embedded interface, which may overlap); reports
    /// overlapping terms.
    fn union_term_list(&mut self, x: &'a Expr) -> Vec<(Term, Option<Span>)> {
        match &x.kind {
            ExprKind::Binary {
                op: BinaryOp::Or,
                x: l,
                y: r,
                ..
            } => {
                let mut a = self.union_term_list(l);
                let b = self.union_term_list(r);
                for (t, at) in &b {
                    let Some(at) = at else { continue };
                    let other = a
                        .iter()
                        .find(|(o, oat)| oat.is_some() && !self.disjoint_terms(o, t))
                        .map(|(o, _)| o.clone());
                    if let Some(o) = other {
                        let ts = self.term_string(t);
                        let os = self.term_string(&o);
                        self.error(*at, format!("overlapping terms {ts} and {os}"));
                    }
                }
                a.extend(b);
                a
            }
            ExprKind::Paren(inner) => self.union_term_list(inner),
            ExprKind::Unary {
                op: UnaryOp::Tilde,
                x: inner,
            } => {
                let t = self.type_expr(inner);
                if self.tcx.is_invalid(t) {
                    return Vec::new();
                }
                if self.tcx.is_interface(t) {
                    let s = self.ts(t);
                    self.error(
                        x.span.start(),
                        format!("invalid use of ~ ({s} is an interface)"),
                    );
                    return Vec::new();
                }
                let u = self.tcx.under(t);
                if !self.tcx.identical(u, t) {
                    let s = self.ts(t);
                    let us = self.ts(u);
                    self.error(
                        x.span.start(),
                        format!("invalid use of ~ (underlying type of {s} is {us})"),
                    );
                    return Vec::new();
                }
                vec![(Term { tilde: true, ty: t }, Some(x.span.start()))]
            }
            _ => {
                let t = self.type_expr(x);
                if self.tcx.is_invalid(t) {
                    return Vec::new();
                }
                if self.tcx.is_tparam(t) {
                    self.error(x.span.start(), "term cannot be a type parameter");
                    return Vec::new();
                }
                if let Some(i) = self.tcx.iface(t).cloned() {
                    if !i.methods.is_empty() {
                        let s = self.ts(t);
                        self.error(
                            x.span.start(),
                            format!("cannot use {s} in union ({s} contains methods)"),
                        );
                        return Vec::new();
                    }
                    if i.comparable {
                        self.error(x.span.start(), "cannot use comparable in union");
                        return Vec::new();
                    }
                    return i
                        .terms
                        .unwrap_or_default()
                        .into_iter()
                        .map(|t| (t, None))
                        .collect();
                }
                vec![(
                    Term {
                        tilde: false,
                        ty: t,
                    },
                    Some(x.span.start()),
                )]
            }
        }
    }

    /// Whether two union terms have no type in common.
    fn disjoint_terms(&self, x: &Term, y: &Term) -> bool {
        let ux = if y.tilde { self.tcx.under(x.ty) } else { x.ty };
        let uy = if x.tilde { self.tcx.under(y.ty) } else { y.ty };
        // A type still being declared has no underlying type yet.
        self.tcx.is_invalid(ux) || self.tcx.is_invalid(uy) || !self.tcx.identical(ux, uy)
    }

    /// A term as gc prints it in messages (package-qualified).
    fn term_string(&self, t: &Term) -> String {
        let s = super::typestring::TypeWriter::new(&self.tcx, &self.pkgs, None).write(t.ty);
        if t.tilde {
            format!("~{s}")
        } else {
            s
        }
    }

    pub(super) fn intersect_terms(&self, a: &[Term], b: &[Term]) -> Vec<Term> {
        let mut out: Vec<Term> = Vec::new();
        for x in a {
            for y in b {
                let r = match (x.tilde, y.tilde) {
                    (true, true) => self.tcx.identical(x.ty, y.ty).then(|| x.clone()),
                    (true, false) => self
                        .tcx
                        .identical(self.tcx.under(y.ty), x.ty)
                        .then(|| y.clone()),
                    (false, true) => self
                        .tcx
                        .identical(self.tcx.under(x.ty), y.ty)
                        .then(|| x.clone()),
                    (false, false) => self.tcx.identical(x.ty, y.ty).then(|| x.clone()),
                };
                if let Some(t) = r {
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
        }
        out
    }

    /// A constraint: an interface, or a type/union used as an implicit
    /// `interface{ T }`.
    pub(super) fn constraint_type(&mut self, e: &'a Expr) -> TyId {
        match &e.kind {
            ExprKind::Binary {
                op: BinaryOp::Or, ..
            }
            | ExprKind::Unary {
                op: UnaryOp::Tilde, ..
            } => {
                let terms = self.union_terms(e);
                self.tcx.intern(TypeKind::Interface(Iface {
                    methods: Vec::new(),
                    terms: Some(terms),
                    comparable: false,
                    any: false,
                    implicit: true,
                }))
            }
            _ => {
                let t = self.type_expr(e);
                if self.tcx.is_invalid(t) {
                    return self.tcx.any_ty;
                }
                if self.tcx.is_tparam(t) {
                    self.error(e.span.start(), "cannot use a type parameter as constraint");
                    return self.tcx.any_ty;
                }
                // A type still being declared (a generic type in its own
                // constraints) is taken to be an interface.
                if self.tcx.is_interface(t)
                    || (self.tcx.is_named(t) && self.tcx.is_invalid(self.tcx.under(t)))
                {
                    return t;
                }
                self.tcx.intern(TypeKind::Interface(Iface {
                    methods: Vec::new(),
                    terms: Some(vec![Term {
                        tilde: false,
                        ty: t,
                    }]),
                    comparable: false,
                    any: false,
                    implicit: true,
                }))
            }
        }
    }

    /// Declares type parameters in the current scope and checks their
    /// constraints.
    pub(super) fn declare_type_params(&mut self, fields: &'a [ast::Field]) -> Vec<TyId> {
        self.declare_type_params_of(fields, None)
    }

    /// As [`Checker::declare_type_params`] for generic type `owner`, whose
    /// type parameters are known before the constraints are checked (they
    /// may refer to the type itself).
    pub(super) fn declare_type_params_of(
        &mut self,
        fields: &'a [ast::Field],
        owner: Option<NamedId>,
    ) -> Vec<TyId> {
        let mut tps = Vec::new();
        let mut idx = 0u32;
        for f in fields {
            for n in &f.names {
                let o = self.new_obj(
                    &n.name,
                    ObjKind::TypeName { alias: false },
                    TypeCtx::INVALID,
                    n.span,
                );
                let t = self.tcx.new_tparam(o, &n.name, idx);
                idx += 1;
                self.objs.get_mut(o).ty = t;
                let scope = self.ctx.scope;
                self.declare(scope, Some(n), o);
                tps.push(t);
            }
        }
        if let Some(m) = owner.and_then(|n| self.tcx.named_mut(n)) {
            m.tparams = tps.clone();
        }
        let saved = self.deferred_verify.replace(Vec::new());
        let mut k = 0;
        for f in fields {
            let c = self.constraint_type(&f.ty);
            for _ in &f.names {
                if let Some(p) = tps.get(k).and_then(|t| self.tcx.as_tparam(*t)) {
                    if let Some(info) = self.tcx.tparams.get_mut(p.0 as usize) {
                        info.constraint = c;
                    }
                }
                k += 1;
            }
        }
        let pending = std::mem::replace(&mut self.deferred_verify, saved).unwrap_or_default();
        if owner.is_some() {
            // The generic type's own instances need its underlying type:
            // verified once the declarations are complete.
            self.later_verify.extend(pending);
        } else {
            for (n, targs, indices, e) in pending {
                self.verify_instance(n, &targs, indices, e);
            }
        }
        tps
    }

    /// Verifies the instances deferred while declaring generic types.
    pub(super) fn flush_later_verify(&mut self) {
        self.flush_pending_instances();
        for (n, targs, indices, e) in std::mem::take(&mut self.later_verify) {
            self.verify_instance(n, &targs, indices, e);
        }
    }

    /// Checks a signature, declaring parameters and results in the current
    /// scope when `declare` is set (function declarations and literals).
    /// `recv` is the receiver's type for methods.
    pub(super) fn signature(
        &mut self,
        ft: &'a ast::FuncType,
        recv: Option<ObjId>,
        declare: bool,
    ) -> SigInfo {
        let _ = recv;
        let mut params = Vec::new();
        let mut ptys = Vec::new();
        let mut names = Vec::new();
        let mut variadic = false;
        let nparams = ft.params.len();
        for (i, f) in ft.params.iter().enumerate() {
            let (te, is_dots) = match &f.ty.kind {
                ExprKind::Ellipsis(inner) => (&**inner, true),
                _ => (&f.ty, false),
            };
            let mut t = self.var_type(te);
            if is_dots {
                if i + 1 != nparams || f.names.len() > 1 {
                    self.error(
                        f.ty.span.start(),
                        "can only use ... with final parameter in list",
                    );
                } else {
                    variadic = true;
                }
                if !self.tcx.is_invalid(t) {
                    t = self.tcx.slice(t);
                }
                self.record(&f.ty, &Operand::new(Mode::TypeExpr, t, &f.ty));
            }
            if f.names.is_empty() {
                let o = self.new_obj("", ObjKind::Var(VarKind::Param), t, f.ty.span);
                params.push(o);
                ptys.push(t);
                names.push(String::new());
            }
            for n in &f.names {
                let o = self.new_obj(&n.name, ObjKind::Var(VarKind::Param), t, n.span);
                if declare {
                    let scope = self.ctx.scope;
                    self.declare(scope, Some(n), o);
                } else {
                    self.record_def(n, o);
                }
                params.push(o);
                ptys.push(t);
                names.push(n.name.clone());
            }
        }
        let mut results = Vec::new();
        let mut rtys = Vec::new();
        let mut named_results = false;
        for f in &ft.results {
            let t = self.var_type(&f.ty);
            if f.names.is_empty() {
                let o = self.new_obj("", ObjKind::Var(VarKind::Result), t, f.ty.span);
                results.push(o);
                rtys.push(t);
                names.push(String::new());
            }
            for n in &f.names {
                named_results = true;
                let o = self.new_obj(&n.name, ObjKind::Var(VarKind::Result), t, n.span);
                if declare {
                    let scope = self.ctx.scope;
                    self.declare(scope, Some(n), o);
                } else {
                    self.record_def(n, o);
                }
                results.push(o);
                rtys.push(t);
                names.push(n.name.clone());
            }
        }
        if names.iter().all(|n| n.is_empty()) {
            names.clear();
        }
        let ty = self.tcx.intern(TypeKind::Func(Sig {
            params: ptys,
            results: rtys,
            variadic,
            names,
        }));
        SigInfo {
            ty,
            params,
            results,
            named_results,
        }
    }

    /// `G[A, B]` in a type position.
    fn instantiated_type(&mut self, e: &'a Expr, x: &'a Expr, indices: &'a [Expr]) -> TyId {
        let g = self.type_internal_no_generic_check(x);
        if self.tcx.is_invalid(g) {
            for i in indices {
                self.type_expr(i);
            }
            return TypeCtx::INVALID;
        }
        let Some(n) = self.tcx.as_named(g).filter(|_| self.is_generic_type(g)) else {
            let s = self.ts(g);
            self.error(x.span.start(), format!("{s} is not a generic type"));
            return TypeCtx::INVALID;
        };
        let targs: Vec<TyId> = indices.iter().map(|i| self.var_type(i)).collect();
        if targs.iter().any(|t| self.tcx.is_invalid(*t)) {
            return TypeCtx::INVALID;
        }
        let ntp = self.tcx.named_info(n).map(|i| i.tparams.len()).unwrap_or(0);
        if targs.len() != ntp {
            let s = self.ts(g);
            let name = self
                .tcx
                .named_info(n)
                .map(|i| i.name.clone())
                .unwrap_or_default();
            let _ = s;
            let what = if targs.len() < ntp {
                "not enough"
            } else {
                "too many"
            };
            self.error(
                x.span.start(),
                format!(
                    "{what} type arguments for type {name}: have {}, want {ntp}",
                    targs.len()
                ),
            );
            return TypeCtx::INVALID;
        }
        let inst = self.instantiate_named(n, targs.clone());
        let tparams = self
            .tcx
            .named_info(n)
            .map(|i| i.tparams.clone())
            .unwrap_or_default();
        self.record_mono(&tparams, &targs, &|i| {
            indices.get(i).map_or(e.pos(), |x| x.span.start())
        });
        match &mut self.deferred_verify {
            Some(list) => list.push((n, targs.clone(), indices, e)),
            // At package level the types involved (and their methods) may
            // still be being declared: verified once they all are.
            None if self.ctx.func.is_none() => {
                self.later_verify.push((n, targs.clone(), indices, e))
            }
            None => self.verify_instance(n, &targs, indices, e),
        }
        self.info
            .instances
            .insert(x.id, super::Instance { targs, ty: inst });
        inst
    }

    /// Checks that type arguments satisfy their constraints.
    fn verify_instance(&mut self, n: NamedId, targs: &[TyId], indices: &'a [Expr], e: &'a Expr) {
        let tparams = self
            .tcx
            .named_info(n)
            .map(|i| i.tparams.clone())
            .unwrap_or_default();
        let map = self.tparam_map(&tparams, targs);
        for (i, (&tp, &ta)) in tparams.iter().zip(targs.iter()).enumerate() {
            let Some(p) = self.tcx.as_tparam(tp) else {
                continue;
            };
            let c = self
                .tcx
                .tparam_info(p)
                .map(|x| x.constraint)
                .unwrap_or(self.tcx.any_ty);
            let c = self.subst(c, &map);
            if let Some(msg) = self.satisfies(ta, c) {
                let at = indices.get(i).map(|x| x.span.start()).unwrap_or(e.pos());
                self.error(at, msg);
            }
        }
    }

    pub(super) fn tparam_map(
        &self,
        tparams: &[TyId],
        targs: &[TyId],
    ) -> HashMap<super::TParamId, TyId> {
        tparams
            .iter()
            .zip(targs.iter())
            .filter_map(|(p, a)| self.tcx.as_tparam(*p).map(|p| (p, *a)))
            .collect()
    }

    /// Substitutes type parameters, instantiating generic types as needed.
    pub(super) fn subst(&mut self, t: TyId, map: &HashMap<super::TParamId, TyId>) -> TyId {
        subst_types(&mut self.tcx, t, map, &mut self.pending_instances)
    }

    /// The instance `origin[targs]` (created on first use).
    pub(super) fn instantiate_named(&mut self, origin: NamedId, targs: Vec<TyId>) -> TyId {
        let (id, new) = instance_of(&mut self.tcx, origin, targs);
        if new {
            self.expand_instance(id);
        }
        self.tcx.intern(TypeKind::Named(id))
    }

    /// Computes an instance's underlying type from its origin's (or defers
    /// until the origin's declaration is complete).
    pub(super) fn expand_instance(&mut self, n: NamedId) {
        expand_instance_in(&mut self.tcx, n, &mut self.pending_instances);
    }

    /// Re-expands instances whose origin was incomplete when they were made.
    pub(super) fn flush_pending_instances(&mut self) {
        // Defined types whose underlying type is an instance's, once known.
        for _ in 0..4 {
            let waiting = std::mem::take(&mut self.pending_underlying);
            let mut progress = false;
            for (n, rhs) in waiting {
                let u = self.tcx.under(rhs);
                if self.tcx.is_invalid(u) {
                    self.pending_underlying.push((n, rhs));
                } else {
                    if let Some(m) = self.tcx.named_mut(n) {
                        m.underlying = u;
                    }
                    progress = true;
                }
            }
            if !progress {
                break;
            }
            self.flush_instances_once();
        }
        self.flush_instances_once();
    }

    fn flush_instances_once(&mut self) {
        let pending = std::mem::take(&mut self.pending_instances);
        let mut still = Vec::new();
        for n in pending {
            let origin = self.tcx.named_info(n).and_then(|i| i.origin);
            let ready = origin
                .and_then(|o| self.tcx.named_info(o))
                .is_some_and(|o| !self.tcx.is_invalid(o.underlying));
            if ready {
                self.expand_instance(n);
            } else {
                still.push(n);
            }
        }
        self.pending_instances.extend(still);
    }

    /// A scope for a function's parameters whose parent is `parent`.
    pub(super) fn func_scope(&mut self, parent: ScopeId) -> ScopeId {
        self.objs.new_scope(Some(parent), ScopeKind::Func)
    }

    /// Returns the constant value of an integer constant operand.
    pub(super) fn const_int(&self, x: &Operand<'_>) -> Option<i64> {
        match &x.mode {
            Mode::Const(v) => v.to_int().and_then(|i| i.to_i64()),
            _ => None,
        }
    }

    pub(super) fn expr_text(e: &Expr) -> String {
        expr_string(e)
    }
}

/// Substitutes type parameters in `t`, creating (and expanding) instances
/// of generic types; instances of generic types whose declaration is not
/// complete yet are added to `pending`.
pub(crate) fn subst_types(
    tcx: &mut TypeCtx,
    t: TyId,
    map: &HashMap<super::TParamId, TyId>,
    pending: &mut Vec<NamedId>,
) -> TyId {
    let mut new_instances = Vec::new();
    let r = {
        let mut inst = |tcx: &mut TypeCtx, origin: NamedId, args: Vec<TyId>| -> TyId {
            let (id, new) = instance_of(tcx, origin, args);
            if new {
                new_instances.push(id);
            }
            tcx.intern(TypeKind::Named(id))
        };
        tcx.subst(t, map, &mut inst)
    };
    for n in new_instances {
        expand_instance_in(tcx, n, pending);
    }
    r
}

/// Computes an instance's underlying type (and methods) from its origin.
pub(crate) fn expand_instance_in(tcx: &mut TypeCtx, n: NamedId, pending: &mut Vec<NamedId>) {
    let Some(info) = tcx.named_info(n).cloned() else {
        return;
    };
    let Some(origin) = info.origin else { return };
    let Some(oinfo) = tcx.named_info(origin).cloned() else {
        return;
    };
    if tcx.is_invalid(oinfo.underlying) {
        pending.push(n);
        return;
    }
    let map: HashMap<super::TParamId, TyId> = oinfo
        .tparams
        .iter()
        .zip(info.targs.iter())
        .filter_map(|(p, a)| tcx.as_tparam(*p).map(|p| (p, *a)))
        .collect();
    if tcx.expand_depth > 64 {
        return;
    }
    tcx.expand_depth += 1;
    let u = subst_types(tcx, oinfo.underlying, &map, pending);
    tcx.expand_depth -= 1;
    if let Some(m) = tcx.named_mut(n) {
        m.underlying = u;
        m.methods = oinfo.methods.clone();
    }
}

/// The instance of `origin` with `targs`; `true` if newly created.
pub(super) fn instance_of(tcx: &mut TypeCtx, origin: NamedId, targs: Vec<TyId>) -> (NamedId, bool) {
    let Some(oinfo) = tcx.named_info(origin).cloned() else {
        return (origin, false);
    };
    // `List[T]` inside List's own methods, with its own parameters, is the
    // generic type itself.
    if targs == oinfo.tparams {
        return (origin, false);
    }
    let key: Vec<TyId> = targs.iter().map(|t| tcx.canon(*t)).collect();
    if let Some(&n) = tcx.instances.get(&(origin, key.clone())) {
        return (n, false);
    }
    let t = tcx.new_named(oinfo.obj, &oinfo.name, oinfo.pkg);
    let Some(n) = tcx.as_named(t) else {
        return (origin, false);
    };
    if let Some(m) = tcx.named_mut(n) {
        m.targs = targs;
        m.origin = Some(origin);
        m.methods = oinfo.methods.clone();
        m.local = oinfo.local;
    }
    tcx.instances.insert((origin, key), n);
    (n, true)
}

/// The name an embedded field gets from its type expression.
fn embedded_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Ident(n) => Some(n),
        ExprKind::Star(x) | ExprKind::Paren(x) => embedded_name(x),
        ExprKind::Selector { sel, .. } => Some(&sel.name),
        ExprKind::Index { x, .. } => embedded_name(x),
        _ => None,
    }
}

fn embedded_pos(e: &Expr) -> Span {
    match &e.kind {
        ExprKind::Star(x) | ExprKind::Paren(x) => embedded_pos(x),
        ExprKind::Selector { sel, .. } => sel.span,
        ExprKind::Index { x, .. } => embedded_pos(x),
        _ => e.span.start(),
    }
}

#[allow(dead_code)]
fn chan_dir_name(d: ChanDir) -> &'static str {
    match d {
        ChanDir::Both => "chan",
        ChanDir::Send => "chan<-",
        ChanDir::Recv => "<-chan",
    }
}
