//! Index and slice expressions (`a[i]`, `m[k]`, `s[lo:hi:max]`), index
//! validity and constant bounds, and explicit instantiation of generic
//! functions and types (`f[int]`, `List[string]`).

use super::constant::Value;
use super::operand::{Mode, Operand};
use super::ty::{BasicKind, TyId, TypeCtx, TypeKind};
use super::Checker;
use crate::syntax::ast::Expr;

impl<'a> Checker<'a> {
    pub(super) fn index_expr(
        &mut self,
        e: &'a Expr,
        base: &'a Expr,
        indices: &'a [Expr],
        hint: Option<TyId>,
    ) -> Operand<'a> {
        let _ = hint;
        let mut x = self.raw_expr(base, None, true);
        match x.mode {
            Mode::Invalid => {
                for i in indices {
                    self.use_expr(i);
                }
                return Operand::invalid(Some(e));
            }
            Mode::TypeExpr => {
                let t = self.type_expr(e);
                if self.tcx.is_invalid(t) {
                    return Operand::invalid(Some(e));
                }
                return Operand::new(Mode::TypeExpr, t, e);
            }
            _ => {}
        }
        if let Some(obj) = self.generic_func_of(base) {
            return self.func_inst(e, base, obj, &x, indices);
        }
        if let Mode::Builtin(_) | Mode::NoValue = x.mode {
            let s = self.op_string(&x);
            self.error(x.pos(), format!("invalid operation: cannot index {s}"));
            return Operand::invalid(Some(e));
        }
        self.single_value(&mut x);
        if x.is_invalid() {
            return Operand::invalid(Some(e));
        }
        let mut valid = false;
        let mut length: Option<u64> = None;
        let mut result = x.clone();
        result.expr = Some(e);
        let core = self.core_type(x.ty).unwrap_or(TypeCtx::INVALID);
        if self.tcx.is_tparam(x.ty) && self.tcx.is_invalid(core) {
            // No core type: every type of the set must be indexable with the
            // same element type (e.g. `string | []byte`).
            if let Some((elem, addressable)) = self.tparam_index_elem(x.ty) {
                valid = true;
                result.mode = if addressable {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                result.ty = elem;
            }
        }
        match self.tcx.kind(core).clone() {
            TypeKind::Basic(k) if k.is_string() => {
                valid = true;
                if let Some(Value::String(s)) = x.val() {
                    length = Some(s.len() as u64);
                }
                result.mode = Mode::Value;
                result.ty = TypeCtx::basic(BasicKind::Byte);
            }
            TypeKind::Array(n, elem) => {
                valid = true;
                length = Some(n);
                if x.mode != Mode::Variable {
                    result.mode = Mode::Value;
                }
                result.ty = elem;
            }
            TypeKind::Pointer(p) => {
                if let TypeKind::Array(n, elem) = self.tcx.under_kind(p).clone() {
                    valid = true;
                    length = Some(n);
                    result.mode = Mode::Variable;
                    result.ty = elem;
                }
            }
            TypeKind::Slice(elem) => {
                valid = true;
                result.mode = Mode::Variable;
                result.ty = elem;
            }
            TypeKind::Map(k, v) => {
                let Some(idx) = self.single_index(e, indices) else {
                    return Operand::invalid(Some(e));
                };
                let mut key = self.expr_with_hint(idx, Some(k));
                self.assignment(&mut key, Some(k), "map index");
                result.mode = Mode::MapIndex;
                result.ty = v;
                return result;
            }
            _ => {}
        }
        if !valid {
            let s = self.op_string(&x);
            self.error(e.pos(), format!("cannot index {s}"));
            for i in indices {
                self.use_expr(i);
            }
            return Operand::invalid(Some(e));
        }
        let Some(idx) = self.single_index(e, indices) else {
            return Operand::invalid(Some(e));
        };
        // A constant string indexed by a constant is still not a constant.
        if self.tcx.is_untyped(x.ty) && self.tcx.is_string(x.ty) {
            if let Some(bx) = x.expr {
                self.update_expr_type(bx, TypeCtx::basic(BasicKind::String), true);
            }
        }
        self.index_arg(idx, length, "index");
        result
    }

    /// The element type of indexing a value of type parameter type `t`
    /// whose type set has no core type, and whether the result is
    /// addressable.
    fn tparam_index_elem(&self, t: TyId) -> Option<(TyId, bool)> {
        let terms = self.tcx.tparam_terms(t)?;
        let mut elem: Option<TyId> = None;
        let mut addressable = true;
        for term in terms {
            let u = self.tcx.under(term);
            let e = match self.tcx.kind(u).clone() {
                TypeKind::Basic(k) if k.is_string() => {
                    addressable = false;
                    TypeCtx::basic(BasicKind::Byte)
                }
                TypeKind::Slice(e) => e,
                TypeKind::Array(_, e) => {
                    addressable = false;
                    e
                }
                TypeKind::Pointer(p) => match self.tcx.under_kind(p) {
                    TypeKind::Array(_, e) => *e,
                    _ => return None,
                },
                _ => return None,
            };
            if elem.is_some_and(|x| !self.tcx.identical(x, e)) {
                return None;
            }
            elem = Some(e);
        }
        elem.map(|e| (e, addressable))
    }

    fn single_index(&mut self, e: &'a Expr, indices: &'a [Expr]) -> Option<&'a Expr> {
        match indices.len() {
            0 => {
                self.error(
                    e.pos(),
                    "invalid operation: index expression requires an index",
                );
                None
            }
            1 => Some(&indices[0]),
            _ => {
                self.error(
                    indices[1].span.start(),
                    "invalid operation: more than one index",
                );
                None
            }
        }
    }

    /// Checks an index (or size) expression; returns its constant value.
    /// `max` is the exclusive upper bound of constant indices.
    pub(super) fn index_arg(&mut self, e: &'a Expr, max: Option<u64>, what: &str) -> Option<i64> {
        let mut x = self.expr(e);
        if !self.valid_index(&mut x, what, false) {
            return None;
        }
        let v = self.const_int(&x)?;
        if let Some(m) = max {
            if v as u64 >= m {
                let vs = x.val().map(|v| v.to_string()).unwrap_or_default();
                self.error(
                    x.pos(),
                    format!("invalid argument: index {vs} out of bounds [0:{m}]"),
                );
                return None;
            }
        }
        Some(v)
    }

    /// An index must be an integer (untyped constants become `int`),
    /// non-negative and representable as `int` when constant.
    pub(super) fn valid_index(
        &mut self,
        x: &mut Operand<'a>,
        what: &str,
        allow_negative: bool,
    ) -> bool {
        if x.is_invalid() {
            return false;
        }
        self.convert_untyped(x, TypeCtx::basic(BasicKind::Int));
        if x.is_invalid() {
            return false;
        }
        if !self.tcx.is_integer(x.ty) {
            let s = self.op_string(x);
            self.error(
                x.pos(),
                format!("invalid argument: {what} {s} must be integer"),
            );
            return false;
        }
        if let Some(v) = x.val() {
            if !allow_negative && v.to_int().is_some_and(|i| i.is_neg()) {
                let s = self.op_string(x);
                self.error(
                    x.pos(),
                    format!("invalid argument: {what} {s} must not be negative"),
                );
                return false;
            }
            if v.to_int().and_then(|i| i.to_i64()).is_none() {
                let s = self.op_string(x);
                self.error(
                    x.pos(),
                    format!("invalid argument: {what} {s} overflows int"),
                );
                return false;
            }
        }
        true
    }

    pub(super) fn slice_expr(
        &mut self,
        e: &'a Expr,
        base: &'a Expr,
        lo: Option<&'a Expr>,
        hi: Option<&'a Expr>,
        max: Option<&'a Expr>,
        three: bool,
    ) -> Operand<'a> {
        let mut x = self.expr(base);
        if x.is_invalid() {
            for i in [lo, hi, max].into_iter().flatten() {
                self.use_expr(i);
            }
            return Operand::invalid(Some(e));
        }
        let mut valid = false;
        let mut length: Option<u64> = None;
        // The common underlying type of the operand's type set, strings
        // counting as byte slices.
        let mut cu: Option<(TyId, TyId)> = None;
        let mut has_string = false;
        for (t, u) in self.type_set(x.ty) {
            let (Some(t), Some(u)) = (t, u) else {
                let xs = self.op_string(&x);
                let ts = self.ts(x.ty);
                self.error(
                    x.pos(),
                    format!("cannot slice {xs}: no specific type in {ts}"),
                );
                return Operand::invalid(Some(e));
            };
            let u = if self.tcx.is_string(u) {
                has_string = true;
                self.tcx.slice(TypeCtx::basic(BasicKind::Byte))
            } else {
                u
            };
            match cu {
                None => cu = Some((t, u)),
                Some((ct, c)) if !self.tcx.identical(c, u) => {
                    let xs = self.op_string(&x);
                    let cts = self.ts(ct);
                    let ts = self.ts(t);
                    self.error(
                        x.pos(),
                        format!(
                            "cannot slice {xs}: {cts} and {ts} have different underlying types"
                        ),
                    );
                    return Operand::invalid(Some(e));
                }
                Some(_) => {}
            }
        }
        let mut core = cu.map(|(_, u)| u).unwrap_or(TypeCtx::INVALID);
        if has_string {
            core = if self.tcx.is_tparam(x.ty) {
                TypeCtx::basic(BasicKind::String)
            } else {
                self.tcx.under(x.ty)
            };
        }
        let mut result_ty = x.ty;
        match self.tcx.kind(core).clone() {
            TypeKind::Basic(k) if k.is_string() => {
                if three {
                    let at = max.map(|m| m.span.start()).unwrap_or(e.span.start());
                    self.error(at, "invalid operation: 3-index slice of string");
                    return Operand::invalid(Some(e));
                }
                valid = true;
                if let Some(Value::String(s)) = x.val() {
                    length = Some(s.len() as u64);
                }
                if self.tcx.is_untyped(x.ty) {
                    result_ty = TypeCtx::basic(BasicKind::String);
                    if let Some(bx) = x.expr {
                        self.update_expr_type(bx, result_ty, true);
                    }
                }
            }
            TypeKind::Array(n, elem) => {
                valid = true;
                length = Some(n);
                if x.mode != Mode::Variable {
                    let xs = self.op_string(&x);
                    self.error(x.pos(), format!("cannot slice unaddressable value {xs}"));
                    return Operand::invalid(Some(e));
                }
                result_ty = self.tcx.slice(elem);
            }
            TypeKind::Pointer(p) => {
                if let TypeKind::Array(n, elem) = self.tcx.under_kind(p).clone() {
                    valid = true;
                    length = Some(n);
                    result_ty = self.tcx.slice(elem);
                }
            }
            TypeKind::Slice(_) => valid = true,
            _ => {}
        }
        if !valid {
            let s = self.op_string(&x);
            self.error(x.pos(), format!("cannot slice {s}"));
            return Operand::invalid(Some(e));
        }
        x.mode = Mode::Value;
        x.ty = result_ty;
        x.expr = Some(e);
        let bound = length.map(|l| l + 1);
        let mut ind: Vec<(i64, Option<&'a Expr>)> = Vec::new();
        for i in [lo, hi, max] {
            match i {
                Some(ie) => {
                    let v = self.index_arg(ie, bound, "index").unwrap_or(-1);
                    ind.push((v, Some(ie)));
                }
                None => ind.push((-1, None)),
            }
        }
        // Constant indices must be in order.
        'outer: for i in 0..ind.len().saturating_sub(1) {
            let xv = ind[i].0;
            if xv > 0 {
                for &(yv, ye) in &ind[i + 1..] {
                    if yv >= 0 && yv < xv {
                        if let Some(ye) = ye {
                            self.error(
                                ye.span.start(),
                                format!("invalid slice indices: {yv} < {xv}"),
                            );
                        }
                        break 'outer;
                    }
                }
            }
        }
        x
    }

    /// The generic function (not yet instantiated) an expression names.
    fn generic_func_of(&self, e: &'a Expr) -> Option<super::ObjId> {
        self.generic_callee(e).map(|(o, _)| o)
    }

    /// `f[T1, T2]`: explicit (possibly partial) instantiation.
    fn func_inst(
        &mut self,
        e: &'a Expr,
        base: &'a Expr,
        obj: super::ObjId,
        x: &Operand<'a>,
        indices: &'a [Expr],
    ) -> Operand<'a> {
        let targs: Vec<TyId> = indices.iter().map(|i| self.var_type(i)).collect();
        if targs.iter().any(|t| self.tcx.is_invalid(*t)) {
            return Operand::invalid(Some(e));
        }
        let tparams = self
            .generic_callee(base)
            .map(|(_, tps)| tps)
            .unwrap_or_else(|| self.objs.get(obj).tparams.clone());
        if targs.len() > tparams.len() {
            self.error(
                indices[tparams.len()].span.start(),
                format!(
                    "got {} type arguments but want {}",
                    targs.len(),
                    tparams.len()
                ),
            );
            return Operand::invalid(Some(e));
        }
        let mut targs = targs;
        if targs.len() < tparams.len() {
            // The others may follow from the constraints' core types;
            // otherwise inference at the call completes them.
            let ids: Vec<super::TParamId> = tparams
                .iter()
                .filter_map(|t| self.tcx.as_tparam(*t))
                .collect();
            let mut map: std::collections::HashMap<super::TParamId, TyId> =
                ids.iter().copied().zip(targs.iter().copied()).collect();
            let fname = Self::expr_text(base);
            if !self.infer_from_constraints(&ids, &mut map, e, &fname, false) {
                return Operand::invalid(Some(e));
            }
            if ids.iter().any(|p| !map.contains_key(p)) {
                self.partial_targs.insert(base.unparen().id, targs);
                return Operand::new(Mode::Value, x.ty, e);
            }
            targs = ids.iter().filter_map(|p| map.get(p).copied()).collect();
        }
        let sig = self.instantiate_func(e, base, &tparams, x.ty, targs, indices);
        match sig {
            Some(t) => Operand::new(Mode::Value, t, e),
            None => Operand::invalid(Some(e)),
        }
    }

    /// Instantiates a generic function (or method) of type `fty` with
    /// type parameters `tparams` with `targs`, verifying constraints;
    /// records the instance on `base`.
    pub(super) fn instantiate_func(
        &mut self,
        e: &'a Expr,
        base: &'a Expr,
        tparams: &[TyId],
        fty: TyId,
        targs: Vec<TyId>,
        indices: &'a [Expr],
    ) -> Option<TyId> {
        let tparams = tparams.to_vec();
        self.record_mono(&tparams, &targs, &|i| {
            indices.get(i).map_or(e.pos(), |x| x.span.start())
        });
        let map = self.tparam_map(&tparams, &targs);
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
                // Inferred type arguments are reported at the call.
                let at = indices.get(i).map(|x| x.span.start()).unwrap_or(e.pos());
                self.error(at, msg);
                return None;
            }
        }
        let t = self.subst(fty, &map);
        let inner = base.unparen();
        let key = match &inner.kind {
            crate::syntax::ast::ExprKind::Selector { .. }
            | crate::syntax::ast::ExprKind::Ident(_) => inner.id,
            _ => inner.id,
        };
        self.info
            .instances
            .insert(key, super::Instance { targs, ty: t });
        Some(t)
    }
}
