//! Expressions: identifiers, literals, operators, and the handling of
//! untyped values (constant folding, implicit conversion to the type the
//! context requires, and updating the recorded types of untyped
//! sub-expressions once that type is known).

use super::constant::{self, BigInt, CmpOp, Op, Rat, UnOp, Value};
use super::object::{ObjKind, ScopeKind};
use super::operand::{Mode, Operand};
use super::ty::{BasicKind, TyId, TypeCtx, TypeKind};
use super::{Checker, ObjId};
use crate::syntax::ast::{self, BinaryOp, Expr, ExprKind, LitKind, UnaryOp};

/// Why an untyped value cannot take a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ConvCode {
    Truncated,
    Overflow,
    Invalid,
}

/// A check applied to each `(type, underlying)` of a type set by
/// [`Checker::common_under`]; `Some` is the reason the set is rejected.
pub(super) type UnderCheck<'a, 'f> =
    dyn Fn(&Checker<'a>, Option<TyId>, Option<TyId>) -> Option<String> + 'f;

impl<'a> Checker<'a> {
    // -----------------------------------------------------------------
    // Entry points
    // -----------------------------------------------------------------

    /// A single-valued expression (not a type, builtin or call without
    /// result).
    pub(super) fn expr(&mut self, e: &'a Expr) -> Operand<'a> {
        self.expr_with_hint(e, None)
    }

    /// As [`Checker::expr`]; `hint` is the type the context expects (used
    /// to infer type arguments of generic function values).
    pub(super) fn expr_with_hint(&mut self, e: &'a Expr, hint: Option<TyId>) -> Operand<'a> {
        self.expr_with_target(e, hint, None)
    }

    /// As [`Checker::expr_with_hint`], for a value assigned to a target
    /// described by `desc` (a variable's name, `result variable`, ...): a
    /// generic function's type arguments are inferred from the target's
    /// function type (reverse inference), reporting failures as gc does.
    pub(super) fn expr_with_target(
        &mut self,
        e: &'a Expr,
        hint: Option<TyId>,
        desc: Option<&str>,
    ) -> Operand<'a> {
        let mut x = self.raw_expr(e, hint, true);
        let generic =
            !x.is_invalid() && x.mode != Mode::TypeExpr && self.generic_value(e).is_some();
        if generic {
            let site = match desc {
                Some(d) => super::infer::InferSite::Target(d),
                None => super::infer::InferSite::Silent,
            };
            let target = hint.filter(|h| self.tcx.sig(*h).is_some());
            let done = match target {
                Some(h) => self.reverse_instantiate(&mut x, h, site),
                None => false,
            };
            if !done && !x.is_invalid() {
                self.non_generic(&mut x);
            }
        } else {
            self.non_generic(&mut x);
        }
        self.exclude_non_values(&mut x);
        self.single_value(&mut x);
        x
    }

    /// An expression or a type.
    pub(super) fn expr_or_type(&mut self, e: &'a Expr) -> Operand<'a> {
        self.expr_or_type_allow(e, false)
    }

    /// As [`Checker::expr_or_type`]; `allow_builtin` leaves a built-in
    /// function to the caller (which reports its misuse).
    pub(super) fn expr_or_type_allow(&mut self, e: &'a Expr, allow_builtin: bool) -> Operand<'a> {
        let mut x = self.raw_expr(e, None, false);
        match x.mode {
            Mode::Builtin(_) if allow_builtin => {}
            Mode::NoValue => {
                let s = self.op_string(&x);
                self.error(x.pos(), format!("{s} used as value or type"));
                x.mode = Mode::Invalid;
            }
            Mode::Builtin(_) => {
                let s = self.op_string(&x);
                self.error(x.pos(), format!("{s} must be called"));
                x.mode = Mode::Invalid;
            }
            _ => {}
        }
        self.single_value(&mut x);
        x
    }

    /// An expression that may have several values (a call): one operand
    /// per value.
    pub(super) fn multi_expr(&mut self, e: &'a Expr) -> Vec<Operand<'a>> {
        self.multi_expr_allow(e, false)
    }

    /// As [`Checker::multi_expr`]; `allow_generic` admits an uninstantiated
    /// generic function (a call argument, inferred at the call).
    pub(super) fn multi_expr_allow(
        &mut self,
        e: &'a Expr,
        allow_generic: bool,
    ) -> Vec<Operand<'a>> {
        let mut x = self.raw_expr(e, None, allow_generic);
        self.exclude_non_values(&mut x);
        if x.is_invalid() {
            return vec![x];
        }
        if let Some(ts) = self.tcx.tuple_elems(x.ty) {
            if matches!(x.mode, Mode::Value) {
                return ts
                    .iter()
                    .map(|&t| Operand {
                        mode: Mode::Value,
                        ty: t,
                        expr: Some(e),
                    })
                    .collect();
            }
        }
        vec![x]
    }

    fn exclude_non_values(&mut self, x: &mut Operand<'a>) {
        let msg = match x.mode {
            Mode::NoValue => "used as value",
            Mode::Builtin(_) => "must be called",
            Mode::TypeExpr => "is not an expression",
            _ => return,
        };
        let s = self.op_string(x);
        self.error(x.pos(), format!("{s} {msg}"));
        x.mode = Mode::Invalid;
    }

    pub(super) fn single_value(&mut self, x: &mut Operand<'a>) {
        if matches!(x.mode, Mode::Value) && self.tcx.tuple_elems(x.ty).is_some() {
            let s = self.op_string(x);
            self.error(
                x.pos(),
                format!("multiple-value {s} in single-value context"),
            );
            x.mode = Mode::Invalid;
        }
    }

    /// Evaluates expressions only to report their errors and mark the
    /// variables they use (after another error made them irrelevant).
    pub(super) fn use_expr(&mut self, e: &'a Expr) -> bool {
        let x = self.raw_expr(e, None, true);
        !x.is_invalid()
    }

    /// Checks any expression and records its type; the core dispatcher.
    pub(super) fn raw_expr(
        &mut self,
        e: &'a Expr,
        hint: Option<TyId>,
        allow_generic: bool,
    ) -> Operand<'a> {
        let mut x = self.expr_internal(e, hint);
        if !allow_generic {
            self.non_generic(&mut x);
        }
        self.record(e, &x);
        x
    }

    /// Reports uses of generic functions or types that are not
    /// instantiated.
    pub(super) fn non_generic(&mut self, x: &mut Operand<'a>) {
        if x.is_invalid() || x.mode == Mode::NoValue {
            return;
        }
        // A partially instantiated function: the first type argument
        // missing cannot be inferred.
        if x.mode != Mode::TypeExpr {
            if let Some(e) = x.expr {
                if let ExprKind::Index { x: base, .. } = &e.unparen().kind {
                    if let Some((_, tps)) = self.generic_value(e) {
                        let n = self
                            .partial_targs
                            .get(&base.unparen().id)
                            .map_or(0, |t| t.len());
                        if let Some(p) = tps.get(n).and_then(|t| self.tcx.as_tparam(*t)) {
                            let msg = self.cannot_infer(p);
                            self.error(e.unparen().pos(), msg);
                            x.mode = Mode::Invalid;
                            return;
                        }
                    }
                }
            }
        }
        let instantiated = x
            .expr
            .is_some_and(|e| matches!(e.unparen().kind, ExprKind::Index { .. }));
        let generic = match x.mode {
            Mode::TypeExpr => self.is_generic_type(x.ty) && !instantiated,
            _ => self.is_generic_func_operand(x),
        };
        if generic {
            let what = if x.mode == Mode::TypeExpr {
                "type"
            } else {
                "function"
            };
            let s = x.expr.map(Self::expr_text).unwrap_or_default();
            self.error(
                x.pos(),
                format!("cannot use generic {what} {s} without instantiation"),
            );
            x.mode = Mode::Invalid;
        }
    }

    fn is_generic_func_operand(&self, x: &Operand<'_>) -> bool {
        let Some(e) = x.expr else { return false };
        if self.info.instances.contains_key(&e.id) {
            return false;
        }
        self.generic_callee(e).is_some()
    }

    fn expr_internal(&mut self, e: &'a Expr, hint: Option<TyId>) -> Operand<'a> {
        match &e.kind {
            ExprKind::Bad => Operand::invalid(Some(e)),
            ExprKind::Ident(name) => self.ident(e, name, false),
            ExprKind::BasicLit(lit) => self.basic_lit(e, lit),
            ExprKind::CompositeLit { ty, elts, .. } => {
                self.composite_lit(e, ty.as_deref(), elts, hint)
            }
            ExprKind::FuncLit { ty, body } => self.func_lit(e, ty, body),
            ExprKind::Paren(inner) => {
                let x = self.raw_expr(inner, hint, true);
                Operand { expr: Some(e), ..x }
            }
            ExprKind::Selector { .. } => self.selector(e, false),
            ExprKind::Index { x, indices, .. } => self.index_expr(e, x, indices, hint),
            ExprKind::Slice {
                x,
                lo,
                hi,
                max,
                three,
                ..
            } => self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), *three),
            ExprKind::TypeAssert { x, ty, .. } => self.type_assert(e, x, ty.as_deref()),
            ExprKind::Call {
                func, args, dots, ..
            } => self.call_expr(e, func, args, *dots, hint),
            ExprKind::Star(inner) => {
                let x = self.expr_or_type_allow(inner, true);
                match x.mode {
                    Mode::Invalid => Operand::invalid(Some(e)),
                    Mode::Builtin(_) => {
                        let s = self.op_string(&x);
                        self.error(x.pos(), format!("invalid operation: cannot indirect {s}"));
                        Operand::invalid(Some(e))
                    }
                    Mode::TypeExpr => {
                        let t = self.tcx.pointer(x.ty);
                        Operand::new(Mode::TypeExpr, t, e)
                    }
                    Mode::Nil => {
                        self.error(x.pos(), "invalid operation: cannot indirect nil");
                        Operand::invalid(Some(e))
                    }
                    _ => {
                        let s = self.op_string(&x);
                        match self.pointer_base(x.ty, &s) {
                            Ok(b) => Operand::new(Mode::Variable, b, e),
                            Err(msg) => {
                                self.error(x.pos(), format!("invalid operation: {msg}"));
                                Operand::invalid(Some(e))
                            }
                        }
                    }
                }
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x),
            ExprKind::Binary { op, x, y, .. } => self.binary_op(Some(e), *op, x, y),
            ExprKind::KeyValue { .. } => {
                self.error(e.span.start(), "unexpected key:value expression");
                Operand::invalid(Some(e))
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType(_)
            | ExprKind::StructType(_)
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType(_)
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => {
                let t = self.type_expr(e);
                if self.tcx.is_invalid(t) {
                    return Operand::invalid(Some(e));
                }
                Operand::new(Mode::TypeExpr, t, e)
            }
            ExprKind::Ellipsis(_) => {
                self.error(e.span.start(), "invalid use of ...");
                Operand::invalid(Some(e))
            }
        }
    }

    /// The element type of a pointer (core type for type parameters).
    /// The base type of a pointer (or of every pointer in a type
    /// parameter's type set); the error is gc's message after
    /// `invalid operation: `, given the operand's description.
    fn pointer_base(&self, t: TyId, xs: &str) -> Result<TyId, String> {
        let mut base: Option<TyId> = None;
        for (_, u) in self.type_set(t) {
            let Some(b) = u.and_then(|u| self.tcx.pointer_elem(u)) else {
                return Err(format!("cannot indirect {xs}"));
            };
            if base.is_some_and(|p| !self.tcx.identical(p, b)) {
                return Err(format!("pointers of {xs} must have identical base types"));
            }
            base = Some(b);
        }
        base.ok_or_else(|| format!("cannot indirect {xs}"))
    }

    // -----------------------------------------------------------------
    // Identifiers and literals
    // -----------------------------------------------------------------

    pub(super) fn ident(&mut self, e: &'a Expr, name: &str, want_type: bool) -> Operand<'a> {
        let Some((scope, obj)) = self.objs.lookup(self.ctx.scope, name) else {
            if name == "_" {
                self.error(e.span.start(), "cannot use _ as value or type");
            } else {
                self.error(e.span.start(), format!("undefined: {name}"));
            }
            return Operand::invalid(Some(e));
        };
        self.record_use(e.id, obj);
        let is_type = matches!(self.objs.get(obj).kind, ObjKind::TypeName { .. });
        if !is_type && want_type {
            let what = self.object_kind(obj);
            self.error(e.span.start(), format!("{name} ({what}) is not a type"));
            if self.objs.get(obj).is_var() {
                self.objs.get_mut(obj).used = true;
            }
            return Operand::invalid(Some(e));
        }
        // Package-level objects of this package are declared on demand.
        if self.decls.contains_key(&obj) {
            self.obj_decl(obj);
        }
        if self.objs.scope(scope).kind == ScopeKind::File {
            self.mark_dot_use(obj);
        }
        let kind = self.objs.get(obj).kind.clone();
        let ty = self.objs.get(obj).ty;
        match kind {
            ObjKind::PkgName(_) => {
                self.objs.get_mut(obj).used = true;
                self.error(
                    e.span.start(),
                    format!("use of package {name} not in selector"),
                );
                Operand::invalid(Some(e))
            }
            ObjKind::Const(v) => {
                self.add_dep(obj);
                if self.tcx.is_invalid(ty) {
                    return Operand::invalid(Some(e));
                }
                let v = if self.objs.get(obj).pkg.is_none() && name == "iota" {
                    match self.ctx.iota {
                        Some(i) => Value::int(i as i64),
                        None => {
                            self.error(
                                e.span.start(),
                                "cannot use iota outside constant declaration",
                            );
                            return Operand::invalid(Some(e));
                        }
                    }
                } else {
                    v
                };
                Operand::new(Mode::Const(v), ty, e)
            }
            ObjKind::TypeName { .. } => {
                if self.tcx.is_invalid(ty) && self.local_aliases.contains(&obj) {
                    let span = self.objs.get(obj).span;
                    self.error(
                        span,
                        format!("invalid recursive type: {name} refers to itself"),
                    );
                    return Operand::invalid(Some(e));
                }
                if self.tcx.is_invalid(ty) && !self.decls.contains_key(&obj) {
                    return Operand::invalid(Some(e));
                }
                Operand::new(Mode::TypeExpr, ty, e)
            }
            ObjKind::Var(_) => {
                if self.objs.get(obj).pkg == Some(self.pkg) {
                    self.objs.get_mut(obj).used = true;
                }
                self.add_dep(obj);
                if self.tcx.is_invalid(ty) {
                    return Operand::invalid(Some(e));
                }
                Operand::new(Mode::Variable, ty, e)
            }
            ObjKind::Func => {
                self.add_dep(obj);
                if self.tcx.is_invalid(ty) {
                    return Operand::invalid(Some(e));
                }
                Operand::new(Mode::Value, ty, e)
            }
            ObjKind::Builtin(b) => Operand::new(Mode::Builtin(b), TypeCtx::INVALID, e),
            ObjKind::Nil => Operand::new(Mode::Nil, TypeCtx::basic(BasicKind::UntypedNil), e),
            ObjKind::Label => Operand::invalid(Some(e)),
        }
    }

    /// gc's description of an object kind (`package-level variable`...).
    pub(super) fn object_kind(&self, obj: ObjId) -> &'static str {
        let o = self.objs.get(obj);
        match &o.kind {
            ObjKind::PkgName(_) => "package name",
            ObjKind::Const(_) => "constant",
            ObjKind::TypeName { alias: true } => "type alias",
            ObjKind::TypeName { .. } if self.tcx.is_tparam(o.ty) => "type parameter",
            ObjKind::TypeName { .. } => "defined type",
            ObjKind::Var(k) => match k {
                super::VarKind::Global => "package-level variable",
                super::VarKind::Local => "local variable",
                super::VarKind::Recv => "receiver",
                super::VarKind::Param => "parameter",
                super::VarKind::Result => "result variable",
                super::VarKind::Field => "struct field",
            },
            ObjKind::Func if o.recv.is_some() => "method",
            ObjKind::Func => "func",
            ObjKind::Builtin(_) => "built-in function",
            ObjKind::Nil => "untyped nil",
            ObjKind::Label => "label",
        }
    }

    fn basic_lit(&mut self, e: &'a Expr, lit: &ast::BasicLit) -> Operand<'a> {
        if lit.bad {
            return Operand::invalid(Some(e));
        }
        let (v, k) = match lit.kind {
            LitKind::Int | LitKind::Float | LitKind::Imag => {
                let k = match lit.kind {
                    LitKind::Int => BasicKind::UntypedInt,
                    LitKind::Float => BasicKind::UntypedFloat,
                    _ => BasicKind::UntypedComplex,
                };
                match constant::parse_number(lit.kind, &lit.raw) {
                    Some(v) => (v, k),
                    None => {
                        self.error(e.span.start(), format!("malformed constant: {}", lit.raw));
                        return Operand::invalid(Some(e));
                    }
                }
            }
            LitKind::Rune => match constant::rune_value(&lit.raw) {
                Some(r) => (Value::int(r), BasicKind::UntypedRune),
                None => return Operand::invalid(Some(e)),
            },
            LitKind::String => match constant::string_value(&lit.raw) {
                Some(s) => (Value::String(s), BasicKind::UntypedString),
                None => return Operand::invalid(Some(e)),
            },
        };
        if let Value::Int(i) = &v {
            if i.bit_len() > 512 {
                self.error(
                    e.span.start(),
                    format!("integer constant overflow: {}", lit.raw),
                );
            }
        }
        Operand::new(Mode::Const(v), TypeCtx::basic(k), e)
    }

    fn func_lit(
        &mut self,
        e: &'a Expr,
        ft: &'a ast::FuncType,
        body: &'a ast::Block,
    ) -> Operand<'a> {
        self.open_scope(ScopeKind::Func);
        let saved_func = self.ctx.func.clone();
        self.ctx.func = Some(super::FuncCtx {
            sig: TypeCtx::INVALID,
            results: Vec::new(),
            named_results: false,
            owner: e.id,
        });
        let sig = self.signature(ft, None, true);
        if let Some(f) = self.ctx.func.as_mut() {
            f.sig = sig.ty;
            f.results = sig.results.clone();
            f.named_results = sig.named_results;
        }
        // `iota` stays usable in closures inside constant declarations.
        self.func_body(body, sig.ty, &sig.results);
        self.ctx.func = saved_func;
        self.close_scope();
        Operand::new(Mode::Value, sig.ty, e)
    }

    // -----------------------------------------------------------------
    // Operators
    // -----------------------------------------------------------------

    fn unary(&mut self, e: &'a Expr, op: UnaryOp, inner: &'a Expr) -> Operand<'a> {
        let mut x = self.expr(inner);
        x.expr = Some(e);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        match op {
            UnaryOp::Addr => {
                let is_lit = matches!(inner.unparen().kind, ExprKind::CompositeLit { .. });
                if !is_lit && x.mode != Mode::Variable {
                    let xi = Operand {
                        expr: Some(inner),
                        ..x.clone()
                    };
                    let s = self.op_string(&xi);
                    self.error(
                        inner.span.start(),
                        format!("invalid operation: cannot take address of {s}"),
                    );
                    return Operand::invalid(Some(e));
                }
                let t = self.tcx.pointer(x.ty);
                return Operand::new(Mode::Value, t, e);
            }
            UnaryOp::Recv => {
                // `len`/`cap` of an array are not constant with a receive.
                self.has_call_or_recv = true;
                let xi = Operand {
                    expr: Some(inner),
                    ..x.clone()
                };
                match self.chan_elem(&xi, true) {
                    Some(elem) => return Operand::new(Mode::CommaOk, elem, e),
                    None => return Operand::invalid(Some(e)),
                }
            }
            UnaryOp::Tilde => {
                if !self.tcx.is_integer(x.ty) {
                    self.error(
                        e.span.start(),
                        "cannot use ~ outside of interface or type constraint",
                    );
                    return Operand::invalid(Some(e));
                }
                // Reported, then checked as the `^` that was meant.
                self.error(
                    e.span.start(),
                    "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)",
                );
            }
            _ => {}
        }
        let ok = match op {
            UnaryOp::Pos | UnaryOp::Neg => self.tcx.is_numeric(x.ty),
            UnaryOp::Xor | UnaryOp::Tilde => self.tcx.is_integer(x.ty),
            UnaryOp::Not => self.tcx.is_boolean(x.ty),
            _ => false,
        };
        if !ok {
            let xi = Operand {
                expr: Some(inner),
                ..x.clone()
            };
            let s = self.op_string(&xi);
            self.error(
                inner.span.start(),
                format!(
                    "invalid operation: operator {} not defined on {s}",
                    op.as_str()
                ),
            );
            return Operand::invalid(Some(e));
        }
        if let Mode::Const(v) = &x.mode {
            if *v == Value::Unknown {
                return x;
            }
            let uop = match op {
                UnaryOp::Pos => UnOp::Pos,
                UnaryOp::Neg => UnOp::Neg,
                UnaryOp::Not => UnOp::Not,
                _ => UnOp::Complement,
            };
            let mut r = v.unary(uop).unwrap_or(Value::Unknown);
            if uop == UnOp::Complement && self.tcx.is_unsigned(x.ty) {
                let bits = self
                    .tcx
                    .basic_kind(x.ty)
                    .map(|b| b.int_bits())
                    .unwrap_or(64);
                let mask = BigInt::one().shl(bits as u64).sub(&BigInt::one());
                if let Value::Int(i) = &r {
                    r = Value::Int(i.and(&mask));
                }
            }
            x.mode = Mode::Const(r);
            self.overflow(&mut x, e.pos());
            return x;
        }
        x.mode = Mode::Value;
        x
    }

    /// The element type of a channel operand for a receive (`recv`) or
    /// send; reports misuse with gc's causes.
    pub(super) fn chan_elem(&mut self, x: &Operand<'a>, recv: bool) -> Option<TyId> {
        let r = self.common_under(x.ty, &|ck: &Self, t: Option<TyId>, u: Option<TyId>| {
            let (Some(t), Some(u)) = (t, u) else {
                return Some("no specific channel type".to_string());
            };
            match ck.tcx.kind(u) {
                TypeKind::Chan(d, _) => {
                    if recv && *d == ast::ChanDir::Send {
                        Some(format!("send-only channel {}", ck.ts(t)))
                    } else if !recv && *d == ast::ChanDir::Recv {
                        Some(format!("receive-only channel {}", ck.ts(t)))
                    } else {
                        None
                    }
                }
                _ => Some(format!("non-channel {}", ck.ts(t))),
            }
        });
        match r {
            Ok(u) => match self.tcx.kind(u) {
                TypeKind::Chan(_, elem) => Some(*elem),
                _ => None,
            },
            Err(cause) => {
                let s = self.op_string(x);
                let what = if recv { "receive from" } else { "send to" };
                let msg = if self.tcx.is_tparam(x.ty) {
                    format!("invalid operation: cannot {what} {s}: {cause}")
                } else {
                    format!("invalid operation: cannot {what} {cause} {s}")
                };
                self.error(x.pos(), msg);
                None
            }
        }
    }

    /// The (type, underlying type) pairs of `t`'s type set (gc's
    /// `typeset`): `t` itself, or the terms of a type parameter's
    /// constraint — one `(None, None)` when it has no specific types.
    pub(super) fn type_set(&self, t: TyId) -> Vec<(Option<TyId>, Option<TyId>)> {
        if self.tcx.is_tparam(t) {
            match self.tcx.tparam_terms(t) {
                Some(ts) => ts
                    .into_iter()
                    .map(|x| (Some(x), Some(self.tcx.under(x))))
                    .collect(),
                None => vec![(None, None)],
            }
        } else {
            vec![(Some(t), Some(self.tcx.under(t)))]
        }
    }

    /// The common underlying type of the types in `t`'s type set (gc's
    /// `commonUnder`): channels may differ in direction (the restricted
    /// one wins). `cond` vets each `(type, underlying)` first (`None, None`
    /// for a type set without specific types); the error is the cause.
    pub(super) fn common_under(&self, t: TyId, cond: &UnderCheck<'a, '_>) -> Result<TyId, String> {
        let set = self.type_set(t);
        let mut cur: Option<(TyId, TyId)> = None;
        for (t, u) in set {
            if let Some(err) = cond(self, t, u) {
                return Err(err);
            }
            let (Some(t), Some(u)) = (t, u) else {
                return Err("no specific type".to_string());
            };
            let Some((ct, cu)) = cur else {
                cur = Some((t, u));
                continue;
            };
            if let (TypeKind::Chan(d1, e1), TypeKind::Chan(d2, e2)) =
                (self.tcx.kind(cu), self.tcx.kind(u))
            {
                if !self.tcx.identical(*e1, *e2) {
                    return Err(format!(
                        "channels {} and {} have different element types",
                        self.ts(ct),
                        self.ts(t)
                    ));
                }
                if d1 == d2 {
                } else if *d1 == ast::ChanDir::Both {
                    cur = Some((t, u));
                } else if *d2 != ast::ChanDir::Both {
                    return Err(format!(
                        "channels {} and {} have conflicting directions",
                        self.ts(ct),
                        self.ts(t)
                    ));
                }
                continue;
            }
            if !self.tcx.identical(cu, u) {
                return Err(format!(
                    "{} and {} have different underlying types",
                    self.ts(ct),
                    self.ts(t)
                ));
            }
        }
        cur.map(|(_, u)| u)
            .ok_or_else(|| "no specific type".to_string())
    }

    /// The core type: the underlying type, or for a type parameter the
    /// single underlying type of all its terms.
    pub(super) fn core_type(&self, t: TyId) -> Option<TyId> {
        if self.tcx.is_tparam(t) {
            let ts = self.tcx.tparam_terms(t)?;
            let mut core: Option<TyId> = None;
            for x in ts {
                let u = self.tcx.under(x);
                let Some(c) = core else {
                    core = Some(u);
                    continue;
                };
                if self.tcx.identical(c, u) {
                    continue;
                }
                // Channels with identical element types: a directional
                // one wins, if they agree.
                match (self.tcx.kind(c), self.tcx.kind(u)) {
                    (TypeKind::Chan(d1, e1), TypeKind::Chan(d2, e2))
                        if self.tcx.identical(*e1, *e2) =>
                    {
                        if *d1 == ast::ChanDir::Both {
                            core = Some(u);
                        } else if *d2 != ast::ChanDir::Both && d1 != d2 {
                            return None;
                        }
                    }
                    _ => return None,
                }
            }
            return core;
        }
        Some(self.tcx.under(t))
    }

    /// `lhs op rhs`; `e` is the binary expression, `None` for the value
    /// of an assignment operation `lhs op= rhs`.
    pub(super) fn binary_op(
        &mut self,
        e: Option<&'a Expr>,
        op: BinaryOp,
        lhs: &'a Expr,
        rhs: &'a Expr,
    ) -> Operand<'a> {
        let res_expr = e.unwrap_or(lhs);
        let op_pos = e.map(|e| e.pos()).unwrap_or(lhs.span.start());
        let mut x = self.expr(lhs);
        let mut y = self.expr(rhs);
        if x.is_invalid() {
            return Operand::invalid(Some(res_expr));
        }
        if y.is_invalid() {
            return Operand::invalid(Some(res_expr));
        }
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(res_expr, op, x, y);
        }
        self.match_types(&mut x, &mut y);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid(Some(res_expr));
        }
        if op.is_comparison() {
            return self.comparison(res_expr, op, x, y, false);
        }
        if !self.tcx.identical(x.ty, y.ty) {
            if !self.tcx.is_invalid(x.ty) && !self.tcx.is_invalid(y.ty) {
                let xs = self.ts(x.ty);
                let ys = self.ts(y.ty);
                let es = match e {
                    Some(e) => Self::expr_text(e),
                    None => format!(
                        "{} {}= {}",
                        Self::expr_text(lhs),
                        op.as_str(),
                        Self::expr_text(rhs)
                    ),
                };
                self.error(
                    x.pos(),
                    format!("invalid operation: {es} (mismatched types {xs} and {ys})"),
                );
            }
            return Operand::invalid(Some(res_expr));
        }
        if !self.binary_op_ok(&x, op) {
            return Operand::invalid(Some(res_expr));
        }
        if matches!(op, BinaryOp::Div | BinaryOp::Rem) {
            let int_like = x.is_const() || self.tcx.is_integer(x.ty);
            if let Some(v) = y.val() {
                if int_like && v.is_zero() {
                    self.error(y.pos(), "invalid operation: division by zero");
                    return Operand::invalid(Some(res_expr));
                }
                if x.is_const() && self.tcx.is_complex(x.ty) && v.is_zero() {
                    self.error(y.pos(), "invalid operation: division by zero");
                    return Operand::invalid(Some(res_expr));
                }
            }
        }
        if let (Some(xv), Some(yv)) = (x.val().cloned(), y.val().cloned()) {
            if xv == Value::Unknown || yv == Value::Unknown {
                x.mode = Mode::Const(Value::Unknown);
                x.expr = Some(res_expr);
                return x;
            }
            let cop = match op {
                BinaryOp::Add => Op::Add,
                BinaryOp::Sub => Op::Sub,
                BinaryOp::Mul => Op::Mul,
                BinaryOp::Div if self.tcx.is_integer(x.ty) => Op::IntDiv,
                BinaryOp::Div => Op::Quo,
                BinaryOp::Rem => Op::Rem,
                BinaryOp::And => Op::And,
                BinaryOp::Or => Op::Or,
                BinaryOp::Xor => Op::Xor,
                BinaryOp::AndNot => Op::AndNot,
                BinaryOp::LAnd => Op::LAnd,
                _ => Op::LOr,
            };
            let r = match_kinds(&xv, &yv).and_then(|(a, b)| a.binary(cop, &b));
            x.mode = Mode::Const(r.unwrap_or(Value::Unknown));
            x.expr = Some(res_expr);
            self.overflow(&mut x, op_pos);
            return x;
        }
        x.mode = Mode::Value;
        x.expr = Some(res_expr);
        x
    }

    fn binary_op_ok(&mut self, x: &Operand<'a>, op: BinaryOp) -> bool {
        let t = x.ty;
        let ok = match op {
            BinaryOp::Add => self.tcx.all_basic(t, |b| b.is_numeric() || b.is_string()),
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => self.tcx.is_numeric(t),
            BinaryOp::Rem | BinaryOp::And | BinaryOp::Or | BinaryOp::Xor | BinaryOp::AndNot => {
                self.tcx.is_integer(t)
            }
            BinaryOp::LAnd | BinaryOp::LOr => self.tcx.is_boolean(t),
            _ => true,
        };
        if !ok {
            let s = self.op_string(x);
            self.error(
                x.pos(),
                format!(
                    "invalid operation: operator {} not defined on {s}",
                    op.as_str()
                ),
            );
        }
        ok
    }

    /// Converts an untyped operand to the other operand's type where the
    /// pairing allows it.
    pub(super) fn match_types(&mut self, x: &mut Operand<'a>, y: &mut Operand<'a>) {
        let tcx = &self.tcx;
        let may_convert = |x: &Operand<'_>, y: &Operand<'_>| -> bool {
            if !tcx.is_untyped(x.ty) && !tcx.is_untyped(y.ty) {
                return false;
            }
            if tcx.is_numeric(x.ty) != tcx.is_numeric(y.ty) {
                return false;
            }
            let xi = tcx.is_interface(x.ty);
            let yi = tcx.is_interface(y.ty);
            if xi || yi {
                return true;
            }
            if tcx.is_boolean(x.ty) != tcx.is_boolean(y.ty) {
                return false;
            }
            if tcx.is_string(x.ty) != tcx.is_string(y.ty) {
                return false;
            }
            if x.is_nil() {
                return has_nil(tcx, y.ty);
            }
            if y.is_nil() {
                return has_nil(tcx, x.ty);
            }
            if matches!(tcx.under_kind(x.ty), TypeKind::Pointer(_))
                || matches!(tcx.under_kind(y.ty), TypeKind::Pointer(_))
            {
                return false;
            }
            true
        };
        if may_convert(x, y) {
            let yt = y.ty;
            self.convert_untyped(x, yt);
            if x.is_invalid() {
                return;
            }
            let xt = x.ty;
            self.convert_untyped(y, xt);
            if y.is_invalid() {
                x.mode = Mode::Invalid;
            }
        }
    }

    /// A comparison `x op y` (also a switch case against its tag).
    pub(super) fn comparison(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        mut x: Operand<'a>,
        y: Operand<'a>,
        switch_case: bool,
    ) -> Operand<'a> {
        if self.tcx.is_invalid(x.ty) || self.tcx.is_invalid(y.ty) {
            return Operand::invalid(Some(e));
        }
        let op = if switch_case { BinaryOp::Eq } else { op };
        let mut err_on_y = false;
        let mut cause = String::new();
        let ok_assign = self.assignable_to(&x, y.ty).0 || self.assignable_to(&y, x.ty).0;
        let mut failed = false;
        if !ok_assign {
            err_on_y = true;
            let xs = self.ts(x.ty);
            let ys = self.ts(y.ty);
            cause = format!("mismatched types {xs} and {ys}");
            failed = true;
        } else {
            match op {
                BinaryOp::Eq | BinaryOp::Ne => {
                    if x.is_nil() || y.is_nil() {
                        let t = if x.is_nil() { y.ty } else { x.ty };
                        if !has_nil(&self.tcx, t) {
                            err_on_y = true;
                            failed = true;
                        }
                    } else if !self.comparable(x.ty) {
                        cause = self.incomparable_cause(x.ty);
                        failed = true;
                    } else if !self.comparable(y.ty) {
                        err_on_y = true;
                        cause = self.incomparable_cause(y.ty);
                        failed = true;
                    }
                }
                _ => {
                    if !self.tcx.is_ordered(x.ty) {
                        failed = true;
                    } else if !self.tcx.is_ordered(y.ty) {
                        err_on_y = true;
                        failed = true;
                    }
                }
            }
        }
        if failed {
            let err_op = if err_on_y { &y } else { &x };
            if cause.is_empty() {
                if self.tcx.is_tparam(x.ty) || self.tcx.is_tparam(y.ty) {
                    let t = if !self.tcx.is_tparam(x.ty) {
                        y.ty
                    } else {
                        err_op.ty
                    };
                    let ts = self.ts(t);
                    cause = format!("type parameter {ts} cannot use operator {}", op.as_str());
                } else {
                    let what = self.composite_kind(err_op.ty);
                    let what = if what.is_empty() {
                        self.ts(err_op.ty)
                    } else {
                        what.to_string()
                    };
                    cause = format!("operator {} not defined on {what}", op.as_str());
                }
            }
            let xs = x.expr.map(Self::expr_text).unwrap_or_default();
            let ys = y.expr.map(Self::expr_text).unwrap_or_default();
            if switch_case {
                self.error(
                    x.pos(),
                    format!("invalid case {xs} in switch on {ys} ({cause})"),
                );
            } else {
                let pos = err_op.pos();
                self.error(
                    pos,
                    format!("invalid operation: {xs} {} {ys} ({cause})", op.as_str()),
                );
            }
            return Operand::invalid(Some(e));
        }
        if let (Some(xv), Some(yv)) = (x.val().cloned(), y.val().cloned()) {
            let cop = match op {
                BinaryOp::Eq => CmpOp::Eq,
                BinaryOp::Ne => CmpOp::Ne,
                BinaryOp::Lt => CmpOp::Lt,
                BinaryOp::Le => CmpOp::Le,
                BinaryOp::Gt => CmpOp::Gt,
                _ => CmpOp::Ge,
            };
            let r = match_kinds(&xv, &yv)
                .and_then(|(a, b)| a.compare(cop, &b))
                .map(Value::Bool)
                .unwrap_or(Value::Unknown);
            return Operand::new(Mode::Const(r), TypeCtx::basic(BasicKind::UntypedBool), e);
        }
        if let Some(xe) = x.expr {
            let t = self.tcx.default_type(x.ty);
            self.update_expr_type(xe, t, true);
        }
        if let Some(ye) = y.expr {
            let t = self.tcx.default_type(y.ty);
            self.update_expr_type(ye, t, true);
        }
        x.mode = Mode::Value;
        x.ty = TypeCtx::basic(BasicKind::UntypedBool);
        x.expr = Some(e);
        x
    }

    pub(super) fn incomparable_cause(&self, t: TyId) -> String {
        if self.tcx.is_tparam(t) {
            if self.tcx.tparam_terms(t).is_some_and(|ts| ts.is_empty()) {
                return "empty type set".into();
            }
            return "incomparable types in type set".into();
        }
        match self.tcx.under_kind(t) {
            TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) => {
                format!("{} can only be compared to nil", self.composite_kind(t))
            }
            _ => self.incomparable_part(t).unwrap_or_default(),
        }
    }

    /// Why a struct or array type is not comparable, as gc words it.
    fn incomparable_part(&self, t: TyId) -> Option<String> {
        match self.tcx.under_kind(t) {
            TypeKind::Struct(fs) => fs
                .iter()
                .find(|f| !self.comparable(f.ty))
                .map(|f| format!("struct containing {} cannot be compared", self.ts(f.ty))),
            TypeKind::Array(_, e) if !self.comparable(*e) => {
                Some(format!("{} cannot be compared", self.ts(t)))
            }
            _ => None,
        }
    }

    fn shift(
        &mut self,
        e: &'a Expr,
        op: BinaryOp,
        mut x: Operand<'a>,
        mut y: Operand<'a>,
    ) -> Operand<'a> {
        let xval = x.val().and_then(|v| v.to_int());
        let x_ok = self.tcx.is_integer(x.ty) || (self.tcx.is_untyped(x.ty) && xval.is_some());
        if !x_ok {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!("invalid operation: shifted operand {s} must be integer"),
            );
            return Operand::invalid(Some(e));
        }
        let mut yval = None;
        if let Some(v) = y.val().cloned() {
            yval = v.to_int();
            if yval.as_ref().is_some_and(|i| i.is_neg()) {
                let s = self.op_string(&y);
                self.error(
                    y.pos(),
                    format!("invalid operation: negative shift count {s}"),
                );
                return Operand::invalid(Some(e));
            }
            if self.tcx.is_untyped(y.ty) {
                self.representable(&mut y, TypeCtx::basic(BasicKind::Uint));
                if y.is_invalid() {
                    return Operand::invalid(Some(e));
                }
            }
        } else if self.tcx.is_integer(y.ty) {
            // ok (signed counts are allowed since Go 1.13)
        } else if self.tcx.is_untyped(y.ty) {
            self.convert_untyped(&mut y, TypeCtx::basic(BasicKind::Uint));
            if y.is_invalid() {
                return Operand::invalid(Some(e));
            }
        } else {
            let s = self.op_string(&y);
            self.error(
                y.pos(),
                format!("invalid operation: shift count {s} must be integer"),
            );
            return Operand::invalid(Some(e));
        }
        if x.is_const() {
            if y.is_const() {
                if x.val() == Some(&Value::Unknown) || y.val() == Some(&Value::Unknown) {
                    if !self.tcx.is_integer(x.ty) {
                        x.ty = TypeCtx::basic(BasicKind::UntypedInt);
                    }
                    x.mode = Mode::Const(Value::Unknown);
                    x.expr = Some(e);
                    return x;
                }
                const SHIFT_BOUND: u64 = 1023 - 1 + 52;
                let s = yval.and_then(|i| i.to_u64());
                let Some(s) = s.filter(|s| *s <= SHIFT_BOUND) else {
                    let ys = self.op_string(&y);
                    self.error(
                        y.pos(),
                        format!("invalid operation: invalid shift count {ys}"),
                    );
                    return Operand::invalid(Some(e));
                };
                if !self.tcx.is_integer(x.ty) {
                    x.ty = TypeCtx::basic(BasicKind::UntypedInt);
                }
                let xi = xval.unwrap_or_default();
                let r = if op == BinaryOp::Shl {
                    xi.shl(s)
                } else {
                    xi.shr(s)
                };
                x.mode = Mode::Const(Value::Int(r));
                x.expr = Some(e);
                self.overflow(&mut x, e.pos());
                return x;
            }
            if self.tcx.is_untyped(x.ty) {
                // Non-constant shift of an untyped constant: the constant
                // takes the type it would have without the shift.
                if let Some(xe) = x.expr {
                    self.shift_lhs.insert(xe.id);
                }
                x.mode = Mode::Value;
                x.expr = Some(e);
                return x;
            }
        }
        if !self.tcx.is_integer(x.ty) {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!("invalid operation: shifted operand {s} must be integer"),
            );
            return Operand::invalid(Some(e));
        }
        x.mode = Mode::Value;
        x.expr = Some(e);
        x
    }

    /// Reports constant results that overflow their type (or 512 bits for
    /// untyped integers).
    pub(super) fn overflow(&mut self, x: &mut Operand<'a>, op_pos: crate::source::Span) {
        let Mode::Const(v) = &x.mode else { return };
        if *v == Value::Unknown {
            self.error(op_pos, "constant result is not representable");
            return;
        }
        if !self.tcx.is_untyped(x.ty) {
            let t = self.tcx.under(x.ty);
            self.representable(x, t);
            return;
        }
        if v.int_bit_len() > 512 {
            let op = x.expr.map(op_name).unwrap_or("");
            let op = if op.is_empty() {
                String::new()
            } else {
                format!("{op} ")
            };
            self.error(op_pos, format!("constant {op}overflow"));
            x.mode = Mode::Const(Value::Unknown);
        }
    }

    // -----------------------------------------------------------------
    // Untyped values
    // -----------------------------------------------------------------

    /// Checks that a constant operand is representable in basic type `t`
    /// (rounding floats), reporting `x overflows T` / `truncated`.
    pub(super) fn representable(&mut self, x: &mut Operand<'a>, t: TyId) {
        let Mode::Const(v) = &x.mode else { return };
        let Some(k) = self.tcx.basic_kind(t) else {
            return;
        };
        match representation(v, k, self.tcx.basic_kind(x.ty)) {
            Ok(nv) => x.mode = Mode::Const(nv),
            Err(code) => {
                self.invalid_conversion(code, x, t);
                x.mode = Mode::Invalid;
            }
        }
    }

    fn invalid_conversion(&mut self, code: ConvCode, x: &Operand<'a>, t: TyId) {
        let xs = self.op_string(x);
        let ts = self.ts(t);
        let msg = match code {
            ConvCode::Truncated => format!("{xs} truncated to {ts}"),
            ConvCode::Overflow => format!("{xs} overflows {ts}"),
            ConvCode::Invalid => format!("cannot convert {xs} to type {ts}"),
        };
        self.error(x.pos(), msg);
    }

    /// The type (and rounded value) an untyped operand takes in a context
    /// of type `target`; `Err` if it cannot.
    pub(super) fn implicit_type_and_value(
        &self,
        x: &Operand<'a>,
        target: TyId,
    ) -> Result<(TyId, Option<Value>), ConvCode> {
        if x.is_invalid() || !self.tcx.is_untyped(x.ty) || self.tcx.is_invalid(target) {
            return Ok((x.ty, None));
        }
        if self.tcx.is_untyped(target) {
            return match max_untyped(&self.tcx, x.ty, target) {
                Some(m) => Ok((m, None)),
                None => Err(ConvCode::Invalid),
            };
        }
        if x.is_nil() {
            return if has_nil(&self.tcx, target) {
                Ok((target, None))
            } else {
                Err(ConvCode::Invalid)
            };
        }
        if self.tcx.is_tparam(target) {
            let Some(terms) = self.tcx.tparam_terms(target) else {
                return Err(ConvCode::Invalid);
            };
            if terms.is_empty() {
                return Err(ConvCode::Invalid);
            }
            for t in terms {
                self.implicit_type_and_value(x, t)?;
            }
            return Ok((target, None));
        }
        match self.tcx.under_kind(target).clone() {
            TypeKind::Basic(k) => {
                if let Mode::Const(v) = &x.mode {
                    let v = representation(v, k, self.tcx.basic_kind(x.ty))?;
                    return Ok((target, Some(v)));
                }
                let xk = self.tcx.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
                let ok = match xk {
                    BasicKind::UntypedBool => k.is_boolean(),
                    BasicKind::UntypedInt
                    | BasicKind::UntypedRune
                    | BasicKind::UntypedFloat
                    | BasicKind::UntypedComplex => k.is_numeric(),
                    BasicKind::UntypedString => k.is_string(),
                    _ => false,
                };
                if !ok {
                    return Err(ConvCode::Invalid);
                }
                Ok((target, None))
            }
            TypeKind::Interface(i) => {
                if !i.methods.is_empty() || !i.is_basic() {
                    return Err(ConvCode::Invalid);
                }
                Ok((self.tcx.default_type(x.ty), None))
            }
            _ => Err(ConvCode::Invalid),
        }
    }

    /// Gives an untyped operand the type `target` (or reports why not).
    pub(super) fn convert_untyped(&mut self, x: &mut Operand<'a>, target: TyId) {
        match self.implicit_type_and_value(x, target) {
            Err(code) => {
                let t = if self.tcx.is_tparam(target) {
                    target
                } else {
                    self.tcx.under(target)
                };
                self.invalid_conversion(code, x, t);
                x.mode = Mode::Invalid;
            }
            Ok((nt, val)) => {
                if let Some(v) = val {
                    x.mode = Mode::Const(v.clone());
                    if let Some(e) = x.expr {
                        self.update_expr_val(e, v);
                    }
                }
                if nt != x.ty {
                    x.ty = nt;
                    if let Some(e) = x.expr {
                        self.update_expr_type(e, nt, false);
                    }
                }
            }
        }
    }

    pub(super) fn update_expr_val(&mut self, e: &Expr, v: Value) {
        if let Some(tv) = self.info.types.get_mut(&e.id) {
            if let Mode::Const(_) = tv.mode {
                tv.mode = Mode::Const(v);
            }
        }
    }

    /// Once an untyped expression's final type is known, records it for the
    /// expression and the untyped operands it was computed from.
    pub(super) fn update_expr_type(&mut self, e: &Expr, t: TyId, final_: bool) {
        let Some(old) = self.info.types.get(&e.id).cloned() else {
            return;
        };
        if !self.tcx.is_untyped(old.ty) {
            return;
        }
        let is_const = matches!(old.mode, Mode::Const(_));
        match &e.kind {
            ExprKind::Paren(x) => self.update_expr_type(x, t, final_),
            ExprKind::Unary { op, x }
                if !is_const && !matches!(op, UnaryOp::Addr | UnaryOp::Recv) =>
            {
                self.update_expr_type(x, t, final_);
            }
            // Comparison operands already have their final types.
            ExprKind::Binary { op, x, y, .. } if !is_const && !op.is_comparison() => {
                if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
                    self.update_expr_type(x, t, final_);
                } else {
                    self.update_expr_type(x, t, final_);
                    self.update_expr_type(y, t, final_);
                }
            }
            _ => {}
        }
        if !final_ && self.tcx.is_untyped(t) {
            if let Some(tv) = self.info.types.get_mut(&e.id) {
                tv.ty = t;
            }
            return;
        }
        if self.shift_lhs.remove(&e.id) && !self.tcx.is_integer(t) {
            let es = Self::expr_text(e);
            let ts = self.ts(t);
            self.error(
                e.span.start(),
                format!("invalid operation: shifted operand {es} (type {ts}) must be integer"),
            );
            return;
        }
        // A constant that gets a typed type is rounded to it, and must be
        // representable (a constant operand of a non-constant shift or
        // expression is only now known to become an `int8`, say).
        if let (Mode::Const(v), Some(k)) = (&old.mode, self.tcx.basic_kind(t)) {
            if !self.tcx.is_untyped(t) {
                match representation(v, k, self.tcx.basic_kind(old.ty)) {
                    Ok(nv) => {
                        if let Some(tv) = self.info.types.get_mut(&e.id) {
                            tv.mode = Mode::Const(nv);
                        }
                    }
                    Err(code) => {
                        let x = Operand::new(old.mode.clone(), old.ty, e);
                        let xs = self.op_string(&x);
                        let ts = self.ts(t);
                        let msg = match code {
                            ConvCode::Truncated => format!("{xs} truncated to {ts}"),
                            ConvCode::Overflow => format!("{xs} overflows {ts}"),
                            ConvCode::Invalid => format!("cannot convert {xs} to type {ts}"),
                        };
                        self.error(e.span.start(), msg);
                        return;
                    }
                }
            }
        }
        if let Some(tv) = self.info.types.get_mut(&e.id) {
            tv.ty = t;
        }
    }

    // -----------------------------------------------------------------
    // Type assertions
    // -----------------------------------------------------------------

    fn type_assert(&mut self, e: &'a Expr, inner: &'a Expr, ty: Option<&'a Expr>) -> Operand<'a> {
        let x = self.expr(inner);
        let Some(te) = ty else {
            self.error(
                e.span.start(),
                "invalid syntax tree: use of .(type) outside type switch",
            );
            return Operand::invalid(Some(e));
        };
        if x.is_invalid() {
            self.type_expr(te);
            return Operand::invalid(Some(e));
        }
        if self.tcx.is_tparam(x.ty) {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!("invalid operation: cannot use type assertion on type parameter value {s}"),
            );
            self.type_expr(te);
            return Operand::invalid(Some(e));
        }
        if !self.tcx.is_interface(x.ty) {
            let s = self.op_string(&x);
            self.error(
                x.pos(),
                format!("invalid operation: {s} is not an interface"),
            );
            self.type_expr(te);
            return Operand::invalid(Some(e));
        }
        let t = self.var_type(te);
        if self.tcx.is_invalid(t) {
            return Operand::invalid(Some(e));
        }
        self.type_assertion(e, &x, t, false);
        Operand::new(Mode::CommaOk, t, e)
    }

    /// Reports an impossible type assertion `x.(T)` (or type-switch case).
    pub(super) fn type_assertion(
        &mut self,
        e: &'a Expr,
        x: &Operand<'a>,
        t: TyId,
        type_switch: bool,
    ) {
        if self.tcx.is_interface(t) {
            return;
        }
        if let Some(cause) = self.missing_method_cause(t, x.ty, false) {
            let ts = self.ts(t);
            let xs = self.ts(x.ty);
            if type_switch {
                let xo = self.op_string(x);
                self.error(
                    e.span.start(),
                    format!("impossible type switch case: {ts}\n\t{xo} cannot have dynamic type {ts} {cause}"),
                );
            } else {
                let es = Self::expr_text(e);
                self.error(
                    e.span.start(),
                    format!(
                        "impossible type assertion: {es}\n\t{ts} does not implement {xs} {cause}"
                    ),
                );
            }
        }
    }
}

/// The two values converted to the larger of their numeric kinds.
pub(super) fn match_kinds(a: &Value, b: &Value) -> Option<(Value, Value)> {
    match (a.num_kind(), b.num_kind()) {
        (Some(ka), Some(kb)) => {
            let k = ka.max(kb);
            Some((a.to_kind(k)?, b.to_kind(k)?))
        }
        _ => Some((a.clone(), b.clone())),
    }
}

/// The larger of two untyped numeric types (`untyped int` < `rune` <
/// `float` < `complex`); `None` if not both numeric (or equal).
fn max_untyped(tcx: &TypeCtx, a: TyId, b: TyId) -> Option<TyId> {
    let ka = tcx.basic_kind(a)?;
    let kb = tcx.basic_kind(b)?;
    if ka == kb {
        return Some(a);
    }
    if ka.is_numeric() && kb.is_numeric() {
        let rank = |k: BasicKind| match k {
            BasicKind::UntypedInt => 0,
            BasicKind::UntypedRune => 1,
            BasicKind::UntypedFloat => 2,
            _ => 3,
        };
        return Some(if rank(ka) >= rank(kb) { a } else { b });
    }
    None
}

pub(super) fn has_nil(tcx: &TypeCtx, t: TyId) -> bool {
    if tcx.is_tparam(t) {
        return tcx
            .tparam_terms(t)
            .is_some_and(|ts| !ts.is_empty() && ts.iter().all(|&x| has_nil(tcx, x)));
    }
    matches!(
        tcx.under_kind(t),
        TypeKind::Pointer(_)
            | TypeKind::Slice(_)
            | TypeKind::Map(..)
            | TypeKind::Chan(..)
            | TypeKind::Func(_)
            | TypeKind::Interface(_)
            | TypeKind::Basic(BasicKind::UnsafePointer)
    )
}

/// A constant's representation in basic type `k`: the value (rounded for
/// floats) or why it does not fit. `from` is the constant's current kind.
pub(super) fn representation(
    v: &Value,
    k: BasicKind,
    from: Option<BasicKind>,
) -> Result<Value, ConvCode> {
    if *v == Value::Unknown {
        return Ok(v.clone());
    }
    let fail = || -> ConvCode {
        let from_numeric = from.is_some_and(|f| f.is_numeric());
        if from_numeric && k.is_numeric() {
            if !from.is_some_and(|f| f.is_integer()) && k.is_integer() {
                ConvCode::Truncated
            } else {
                ConvCode::Overflow
            }
        } else {
            ConvCode::Invalid
        }
    };
    if k.is_integer() {
        let Some(i) = v.to_int() else {
            return Err(fail());
        };
        let fits = match k.canon() {
            BasicKind::UntypedInt | BasicKind::UntypedRune => true,
            kk if kk.is_unsigned() => !i.is_neg() && i.bit_len() <= kk.int_bits() as u64,
            kk => {
                let bits = kk.int_bits() as u64;
                let min = BigInt::one().shl(bits - 1).neg();
                let max = BigInt::one().shl(bits - 1).sub(&BigInt::one());
                i.cmp(&min) != std::cmp::Ordering::Less
                    && i.cmp(&max) != std::cmp::Ordering::Greater
            }
        };
        return if fits { Ok(Value::Int(i)) } else { Err(fail()) };
    }
    if k.is_float() {
        let Some(r) = v.to_rat() else {
            return Err(fail());
        };
        return match k {
            BasicKind::Float32 => match r.to_f32().and_then(|f| Rat::from_f64(f as f64)) {
                Some(x) => Ok(Value::Float(x)),
                None => Err(fail()),
            },
            BasicKind::Float64 => match r.to_f64().and_then(Rat::from_f64) {
                Some(x) => Ok(Value::Float(x)),
                None => Err(fail()),
            },
            _ => Ok(Value::Float(r)),
        };
    }
    if k.is_complex() {
        let Some((re, im)) = v.to_complex() else {
            return Err(fail());
        };
        let round = |r: &Rat| -> Option<Rat> {
            match k {
                BasicKind::Complex64 => r.to_f32().and_then(|f| Rat::from_f64(f as f64)),
                BasicKind::Complex128 => r.to_f64().and_then(Rat::from_f64),
                _ => Some(r.clone()),
            }
        };
        return match (round(&re), round(&im)) {
            (Some(a), Some(b)) => Ok(Value::Complex(a, b)),
            _ => Err(fail()),
        };
    }
    if k.is_string() {
        return if matches!(v, Value::String(_)) {
            Ok(v.clone())
        } else {
            Err(fail())
        };
    }
    if k.is_boolean() {
        return if matches!(v, Value::Bool(_)) {
            Ok(v.clone())
        } else {
            Err(fail())
        };
    }
    Err(fail())
}

/// gc's name of an operation that may overflow (`addition`, `shift`...).
fn op_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Unary {
            op: UnaryOp::Xor, ..
        } => "bitwise complement",
        ExprKind::Binary { op, .. } => match op {
            BinaryOp::Add => "addition",
            BinaryOp::Sub => "subtraction",
            BinaryOp::Xor => "bitwise XOR",
            BinaryOp::Mul => "multiplication",
            BinaryOp::Shl => "shift",
            _ => "",
        },
        _ => "",
    }
}
