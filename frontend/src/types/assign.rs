//! Assignability and the assignment forms: variable initialisation,
//! `=` with one or several values, short variable declarations, and the
//! messages gc gives for each (`cannot use x (...) as T value in
//! assignment`, `assignment mismatch: 2 variables but f returns 1 value`).

use super::object::{ObjKind, VarKind};
use super::operand::{Mode, Operand};
use super::resolver::plural;
use super::ty::{ChanDir, TyId, TypeCtx, TypeKind};
use super::{Checker, ObjId};
use crate::syntax::ast::{Expr, ExprKind};

impl<'a> Checker<'a> {
    /// Whether `x` can be assigned to a variable of type `t`; the second
    /// value is gc's cause when there is one.
    pub(super) fn assignable_to(&mut self, x: &Operand<'a>, t: TyId) -> (bool, String) {
        if x.is_invalid() || self.tcx.is_invalid(t) || self.tcx.is_invalid(x.ty) {
            return (true, String::new());
        }
        let v = x.ty;
        if self.tcx.identical(v, t) {
            return (true, String::new());
        }
        let vu = self.tcx.under(v);
        let tu = self.tcx.under(t);
        let vp = self.tcx.is_tparam(v);
        let tp = self.tcx.is_tparam(t);
        if self.tcx.is_untyped(vu) {
            if tp {
                let ok = match self.tcx.tparam_terms(t) {
                    Some(ts) if !ts.is_empty() => ts
                        .iter()
                        .all(|&tt| self.implicit_type_and_value(x, tt).is_ok()),
                    _ => false,
                };
                return (ok, String::new());
            }
            return (self.implicit_type_and_value(x, t).is_ok(), String::new());
        }
        if self.tcx.identical(vu, tu)
            && (!self.tcx.has_name(v) || !self.tcx.has_name(t))
            && !vp
            && !tp
        {
            return (true, String::new());
        }
        let t_is_iface = self.tcx.is_interface(t) && !tp;
        let t_is_iface_ptr = self
            .tcx
            .pointer_elem(tu)
            .is_some_and(|e| self.tcx.is_interface(e));
        if t_is_iface || t_is_iface_ptr {
            match self.implements(v, t, false) {
                Ok(()) => return (true, String::new()),
                Err(cause) => {
                    if !vp {
                        return (false, cause);
                    }
                }
            }
        }
        if self.tcx.is_interface(v) && !vp && self.implements(t, v, false).is_ok() {
            return (false, "need type assertion".into());
        }
        if let TypeKind::Chan(ChanDir::Both, ve) = self.tcx.kind(vu).clone() {
            if let TypeKind::Chan(_, te) = self.tcx.kind(tu).clone() {
                if self.tcx.identical(ve, te) {
                    return (
                        !self.tcx.has_name(v) || !self.tcx.has_name(t),
                        String::new(),
                    );
                }
            }
        }
        if !vp && !tp {
            return (false, String::new());
        }
        if !self.tcx.has_name(v) && tp {
            let ok = match self.tcx.tparam_terms(t) {
                Some(ts) if !ts.is_empty() => ts.iter().all(|&tt| self.assignable_to(x, tt).0),
                _ => false,
            };
            return (ok, String::new());
        }
        if vp && !self.tcx.has_name(t) {
            let ok = match self.tcx.tparam_terms(v) {
                Some(ts) if !ts.is_empty() => ts.iter().all(|&vt| {
                    let y = Operand {
                        ty: vt,
                        ..x.clone()
                    };
                    self.assignable_to(&y, t).0
                }),
                _ => false,
            };
            return (ok, String::new());
        }
        (false, String::new())
    }

    /// Checks that `x` can be assigned to a variable of type `t` (`None`:
    /// the blank identifier), converting untyped values; reports gc's
    /// message mentioning `context` otherwise.
    pub(super) fn assignment(&mut self, x: &mut Operand<'a>, t: Option<TyId>, context: &str) {
        self.single_value(x);
        match x.mode {
            Mode::Invalid => return,
            Mode::Nil
            | Mode::Const(_)
            | Mode::Variable
            | Mode::MapIndex
            | Mode::Value
            | Mode::CommaOk => {}
            _ => {
                let s = self.op_string(x);
                let ts = t.map(|t| self.ts(t)).unwrap_or_default();
                self.error(x.pos(), format!("cannot assign {s} to {ts} in {context}"));
                x.mode = Mode::Invalid;
                return;
            }
        }
        if self.tcx.is_untyped(x.ty) {
            let mut target = t;
            if x.is_nil() {
                if t.is_none() {
                    self.error(x.pos(), format!("use of untyped nil in {context}"));
                    x.mode = Mode::Invalid;
                    return;
                }
            } else if t.is_none_or(|t| self.tcx.is_interface(t) && !self.tcx.is_tparam(t)) {
                target = Some(self.tcx.default_type(x.ty));
            }
            let Some(target_t) = target else { return };
            match self.implicit_type_and_value(x, target_t) {
                Err(code) => {
                    let s = self.op_string(x);
                    let ts = self.ts(target_t);
                    let mut msg = format!("cannot use {s} as {ts} value in {context}");
                    match code {
                        super::expr::ConvCode::Truncated => msg.push_str(" (truncated)"),
                        super::expr::ConvCode::Overflow => msg.push_str(" (overflows)"),
                        super::expr::ConvCode::Invalid => {}
                    }
                    self.error(x.pos(), msg);
                    x.mode = Mode::Invalid;
                    return;
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
        // A generic function value must be instantiated: from the target's
        // function type if possible.
        if x.expr.is_some_and(|e| self.generic_value(e).is_some()) {
            let done = t.is_some_and(|t| {
                self.tcx.sig(t).is_some()
                    && self.reverse_instantiate(x, t, super::infer::InferSite::Silent)
            });
            if !done {
                self.non_generic(x);
                if x.is_invalid() {
                    return;
                }
            }
        }
        let Some(t) = t else { return };
        let (ok, cause) = self.assignable_to(x, t);
        if !ok {
            let s = self.op_string(x);
            let ts = self.ts(t);
            if cause.is_empty() {
                self.error(
                    x.pos(),
                    format!("cannot use {s} as {ts} value in {context}"),
                );
            } else {
                self.error(
                    x.pos(),
                    format!("cannot use {s} as {ts} value in {context}: {cause}"),
                );
            }
            x.mode = Mode::Invalid;
        }
    }

    /// `var v [T] = x` for one variable.
    pub(super) fn init_var(&mut self, v: ObjId, x: &mut Operand<'a>, context: &str, typed: bool) {
        let vt = self.objs.get(v).ty;
        if x.is_invalid() || self.tcx.is_invalid(x.ty) || (typed && self.tcx.is_invalid(vt)) {
            if !typed {
                self.objs.get_mut(v).ty = TypeCtx::INVALID;
            }
            x.mode = Mode::Invalid;
            return;
        }
        if !typed {
            let mut t = x.ty;
            if self.tcx.is_untyped(t) {
                if x.is_nil() {
                    self.error(x.pos(), format!("use of untyped nil in {context}"));
                    self.objs.get_mut(v).ty = TypeCtx::INVALID;
                    x.mode = Mode::Invalid;
                    return;
                }
                t = self.tcx.default_type(t);
            }
            self.objs.get_mut(v).ty = t;
        }
        let t = self.objs.get(v).ty;
        self.assignment(x, Some(t), context);
    }

    /// Initialises variables `lhs` from `rhs` (several values, or one
    /// multi-valued expression); `ret` is set for return statements.
    pub(super) fn init_vars(
        &mut self,
        lhs: &[ObjId],
        rhs: &'a [Expr],
        ret: Option<crate::source::Span>,
        typed: bool,
    ) {
        let l = lhs.len();
        let r = rhs.len();
        let context = if ret.is_some() {
            "return statement"
        } else if l > 1 {
            "multiple assignment"
        } else {
            "assignment"
        };
        let is_call = r == 1 && matches!(rhs[0].unparen().kind, ExprKind::Call { .. });
        if l == r && !is_call {
            for (i, &v) in lhs.iter().enumerate() {
                let hint = if typed || ret.is_some() {
                    Some(self.objs.get(v).ty)
                } else {
                    None
                };
                let desc = self.target_desc(v);
                let mut x = self.expr_with_target(&rhs[i], hint, Some(&desc));
                self.init_var(v, &mut x, context, typed || ret.is_some());
            }
            return;
        }
        if r != 1 {
            let mut ok = true;
            let mut ops = Vec::new();
            for e in rhs {
                let x = self.raw_expr(e, None, false);
                ok &= !x.is_invalid();
                ops.push(x);
            }
            if ok {
                match ret {
                    Some(at) => self.return_error(at, lhs, &ops),
                    None => self.assign_error(rhs, l, r),
                }
            }
            for &v in lhs {
                if !typed && self.tcx.is_invalid(self.objs.get(v).ty) {
                    self.objs.get_mut(v).ty = TypeCtx::INVALID;
                }
            }
            return;
        }
        self.cgo_two_results = l == 2 && ret.is_none() && Self::is_cgo_call(&rhs[0]);
        let (ops, comma_ok) = self.multi_expr_comma_ok(&rhs[0], l == 2 && ret.is_none());
        self.cgo_two_results = false;
        if ops.len() == l {
            let mut ops = ops;
            for (i, &v) in lhs.iter().enumerate() {
                let mut x = ops[i].clone();
                self.init_var(v, &mut x, context, typed || ret.is_some());
                ops[i] = x;
            }
            if comma_ok && !ops[0].is_invalid() && !ops[1].is_invalid() {
                self.record_comma_ok(&rhs[0], &ops);
            }
            return;
        }
        if !ops.first().is_some_and(|o| o.is_invalid()) {
            match ret {
                Some(at) => self.return_error(at, lhs, &ops),
                None => self.assign_error(rhs, l, ops.len()),
            }
        }
        for &v in lhs {
            if !typed {
                self.objs.get_mut(v).ty = TypeCtx::INVALID;
            }
        }
    }

    /// Evaluates a possibly multi-valued expression; with `allow_comma_ok`,
    /// a comma-ok expression gives two operands (the value and a bool).
    pub(super) fn multi_expr_comma_ok(
        &mut self,
        e: &'a Expr,
        allow_comma_ok: bool,
    ) -> (Vec<Operand<'a>>, bool) {
        let ops = self.multi_expr(e);
        if allow_comma_ok && ops.len() == 1 {
            let x = &ops[0];
            if matches!(x.mode, Mode::MapIndex | Mode::CommaOk) {
                let ok = Operand {
                    mode: Mode::Value,
                    ty: TypeCtx::basic(super::BasicKind::UntypedBool),
                    expr: x.expr,
                };
                let v = Operand {
                    mode: Mode::Value,
                    ..x.clone()
                };
                return (vec![v, ok], true);
            }
        }
        (ops, false)
    }

    /// Records `(T, bool)` as the type of a comma-ok expression.
    pub(super) fn record_comma_ok(&mut self, e: &'a Expr, ops: &[Operand<'a>]) {
        let t0 = ops[0].ty;
        // The `ok` value is a bool (untyped until assigned).
        let t1 = self.tcx.default_type(ops[1].ty);
        let tup = self.tcx.tuple(vec![t0, t1]);
        let mut cur = e;
        loop {
            if let Some(tv) = self.info.types.get_mut(&cur.id) {
                tv.ty = tup;
            }
            match &cur.kind {
                ExprKind::Paren(inner) => cur = inner,
                _ => break,
            }
        }
    }

    /// Whether `e` is a call `C.f(...)` (whose two-value form returns errno).
    fn is_cgo_call(e: &Expr) -> bool {
        let ExprKind::Call { func, .. } = &e.unparen().kind else {
            return false;
        };
        matches!(&func.kind, ExprKind::Selector { x, .. }
            if matches!(&x.kind, ExprKind::Ident(n) if n == "C"))
    }

    pub(super) fn assign_error(&mut self, rhs: &'a [Expr], l: usize, r: usize) {
        let vars = plural(l, "variable");
        let vals = plural(r, "value");
        let Some(rhs0) = rhs.first() else { return };
        if rhs.len() == 1 {
            if let ExprKind::Call { func, .. } = &rhs0.unparen().kind {
                let f = Self::expr_text(func);
                self.error(
                    rhs0.span.start(),
                    format!("assignment mismatch: {vars} but {f} returns {vals}"),
                );
                return;
            }
        }
        self.error(
            rhs0.span.start(),
            format!("assignment mismatch: {vars} but {vals}"),
        );
    }

    pub(super) fn return_error(
        &mut self,
        at: crate::source::Span,
        lhs: &[ObjId],
        rhs: &[Operand<'a>],
    ) {
        let l = lhs.len();
        let r = rhs.len();
        let (qual, pos) = if r > l {
            ("too many", rhs[l].pos())
        } else if r > 0 {
            ("not enough", rhs[r - 1].pos())
        } else {
            ("not enough", at)
        };
        let have: Vec<TyId> = rhs.iter().map(|x| x.ty).collect();
        let want: Vec<TyId> = lhs.iter().map(|v| self.objs.get(*v).ty).collect();
        let hs = self.types_summary(&have, false, false);
        let ws = self.types_summary(&want, false, false);
        self.error(
            pos,
            format!("{qual} return values\n\thave {hs}\n\twant {ws}"),
        );
    }

    /// `(int, string)` as gc lists types in call and return messages
    /// (untyped numbers are `number`).
    pub(super) fn types_summary(&self, list: &[TyId], variadic: bool, has_dots: bool) -> String {
        let mut res = Vec::new();
        for (i, &t) in list.iter().enumerate() {
            let mut s = if self.tcx.is_invalid(t) {
                "unknown type".to_string()
            } else if self.tcx.is_untyped(t) {
                if self.tcx.is_numeric(t) {
                    "number".to_string()
                } else {
                    self.ts(t).replace("untyped ", "")
                }
            } else {
                self.ts(t)
            };
            if i + 1 == list.len() {
                if variadic {
                    if let TypeKind::Slice(e) = self.tcx.kind(t) {
                        s = self.ts(*e);
                    }
                    s = format!("...{s}");
                } else if has_dots {
                    s.push_str("...");
                }
            }
            res.push(s);
        }
        format!("({})", res.join(", "))
    }

    /// The type of an assignment's left-hand side (`None` for `_`);
    /// `Some(INVALID)` after an error.
    pub(super) fn lhs_var(&mut self, lhs: &'a Expr) -> Option<TyId> {
        if let ExprKind::Ident(name) = &lhs.unparen().kind {
            if name == "_" {
                self.record(lhs, &Operand::new(Mode::Variable, TypeCtx::INVALID, lhs));
                return None;
            }
        }
        // Assigning to a variable is not a use of it.
        let mut restore: Option<(ObjId, bool)> = None;
        if let ExprKind::Ident(name) = &lhs.unparen().kind {
            if let Some(o) = self.lookup(name) {
                let ob = self.objs.get(o);
                if matches!(ob.kind, ObjKind::Var(_)) && ob.pkg == Some(self.pkg) {
                    restore = Some((o, ob.used));
                }
            }
        }
        let x = self.expr(lhs);
        if let Some((o, used)) = restore {
            self.objs.get_mut(o).used = used;
        }
        if x.is_invalid() || self.tcx.is_invalid(x.ty) {
            return Some(TypeCtx::INVALID);
        }
        match x.mode {
            Mode::Variable | Mode::MapIndex => Some(x.ty),
            _ => {
                if let ExprKind::Selector { x: base, .. } = &lhs.unparen().kind {
                    if let Some(tv) = self.info.types.get(&base.id) {
                        if tv.mode == Mode::MapIndex {
                            let s = Self::expr_text(lhs);
                            self.error(
                                x.pos(),
                                format!("cannot assign to struct field {s} in map"),
                            );
                            return Some(TypeCtx::INVALID);
                        }
                    }
                }
                let s = Self::expr_text(lhs);
                self.error(
                    x.pos(),
                    format!(
                        "cannot assign to {s} (neither addressable nor a map index expression)"
                    ),
                );
                Some(TypeCtx::INVALID)
            }
        }
    }

    /// `lhs = rhs` (or `lhs = x` when the value is already evaluated).
    pub(super) fn assign_var(
        &mut self,
        lhs: &'a Expr,
        rhs: Option<&'a Expr>,
        x: Option<Operand<'a>>,
        context: &str,
    ) {
        let t = self.lhs_var(lhs);
        if t.is_some_and(|t| self.tcx.is_invalid(t)) {
            if x.is_none() {
                if let Some(r) = rhs {
                    self.use_expr(r);
                }
            }
            return;
        }
        let mut x = match x {
            Some(x) => x,
            None => match rhs {
                Some(r) => {
                    let desc = Self::expr_text(lhs);
                    self.expr_with_target(r, t, Some(&desc))
                }
                None => return,
            },
        };
        let context = if t.is_none() && context == "assignment" {
            "assignment to _ identifier"
        } else {
            context
        };
        self.assignment(&mut x, t, context);
    }

    /// `a, b = x, y` and `a, b = f()`.
    pub(super) fn assign_vars(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) {
        let l = lhs.len();
        let r = rhs.len();
        let context = if l > 1 {
            "multiple assignment"
        } else {
            "assignment"
        };
        let is_call = r == 1 && matches!(rhs[0].unparen().kind, ExprKind::Call { .. });
        if l == r && !is_call {
            for i in 0..l {
                self.assign_var(&lhs[i], Some(&rhs[i]), None, context);
            }
            return;
        }
        if r != 1 {
            let ok_l = lhs.iter().all(|e| self.use_lhs(e));
            let mut ok_r = true;
            for e in rhs {
                ok_r &= self.use_expr(e);
            }
            if ok_l && ok_r {
                self.assign_error(rhs, l, r);
            }
            return;
        }
        self.cgo_two_results = l == 2 && Self::is_cgo_call(&rhs[0]);
        let (ops, comma_ok) = self.multi_expr_comma_ok(&rhs[0], l == 2);
        self.cgo_two_results = false;
        if ops.len() == l {
            for (i, x) in ops.iter().enumerate() {
                self.assign_var(&lhs[i], None, Some(x.clone()), context);
            }
            if comma_ok && !ops[0].is_invalid() && !ops[1].is_invalid() {
                self.record_comma_ok(&rhs[0], &ops);
            }
            return;
        }
        if !ops.first().is_some_and(|o| o.is_invalid()) {
            self.assign_error(rhs, l, ops.len());
        }
        for e in lhs {
            self.use_lhs(e);
        }
    }

    /// Evaluates a left-hand side without counting it as a use.
    pub(super) fn use_lhs(&mut self, e: &'a Expr) -> bool {
        if let ExprKind::Ident(name) = &e.unparen().kind {
            if name == "_" {
                return true;
            }
            if let Some(o) = self.lookup(name) {
                let used = self.objs.get(o).used;
                let r = self.use_expr(e);
                self.objs.get_mut(o).used = used;
                return r;
            }
        }
        self.use_expr(e)
    }

    /// `a, b := x, y`.
    pub(super) fn short_var_decl(
        &mut self,
        pos: crate::source::Span,
        lhs: &'a [Expr],
        rhs: &'a [Expr],
    ) {
        let scope = self.ctx.scope;
        let mut seen: Vec<&str> = Vec::new();
        let mut lhs_vars: Vec<Option<ObjId>> = Vec::new();
        let mut new_vars: Vec<ObjId> = Vec::new();
        let mut has_err = false;
        let mut idents: Vec<Option<crate::syntax::ast::Ident>> = Vec::new();
        for e in lhs {
            let ExprKind::Ident(name) = &e.kind else {
                self.use_lhs(e);
                let s = Self::expr_text(e);
                self.error(e.span.start(), format!("non-name {s} on left side of :="));
                has_err = true;
                lhs_vars.push(None);
                idents.push(None);
                continue;
            };
            let ident = crate::syntax::ast::Ident {
                id: e.id,
                span: e.span,
                name: name.clone(),
            };
            if name != "_" {
                if seen.contains(&name.as_str()) {
                    self.error(
                        e.span.start(),
                        format!("{name} repeated on left side of :="),
                    );
                    has_err = true;
                    lhs_vars.push(None);
                    idents.push(None);
                    continue;
                }
                seen.push(name);
            }
            if let Some(alt) = self.objs.lookup_local(scope, name) {
                self.record_use(e.id, alt);
                if matches!(self.objs.get(alt).kind, ObjKind::Var(_)) {
                    lhs_vars.push(Some(alt));
                } else {
                    self.error(e.span.start(), format!("cannot assign to {name}"));
                    has_err = true;
                    lhs_vars.push(None);
                }
                idents.push(None);
                continue;
            }
            let o = self.new_local(&ident, TypeCtx::INVALID);
            self.info.defs.insert(e.id, o);
            lhs_vars.push(Some(o));
            idents.push(Some(ident));
        }
        let vars: Vec<ObjId> = lhs_vars
            .iter()
            .map(|v| match v {
                Some(o) => *o,
                None => self.new_obj("_", ObjKind::Var(VarKind::Local), TypeCtx::INVALID, pos),
            })
            .collect();
        // Redeclared variables keep their types; new ones take the values'.
        let typed_mask: Vec<bool> = vars
            .iter()
            .enumerate()
            .map(|(i, _)| lhs_vars[i].is_some() && idents[i].is_none())
            .collect();
        self.init_vars_mixed(&vars, rhs, &typed_mask);
        for (i, id) in idents.iter().enumerate() {
            if let (Some(ident), Some(o)) = (id, lhs_vars[i]) {
                if ident.name != "_" {
                    new_vars.push(o);
                }
            }
        }
        if new_vars.is_empty() && !has_err {
            let any_new_blank = idents.iter().any(|i| i.is_some());
            let _ = any_new_blank;
            self.error(pos, "no new variables on left side of :=");
            return;
        }
        for o in new_vars {
            let _ = self.objs.insert(scope, o);
        }
    }

    /// Variable initialisation where some variables already have a type
    /// (redeclared in `:=`) and others take the value's type.
    fn init_vars_mixed(&mut self, vars: &[ObjId], rhs: &'a [Expr], typed: &[bool]) {
        let l = vars.len();
        let r = rhs.len();
        let is_call = r == 1 && matches!(rhs[0].unparen().kind, ExprKind::Call { .. });
        let context = if l > 1 {
            "multiple assignment"
        } else {
            "assignment"
        };
        if l == r && !is_call {
            for (i, &v) in vars.iter().enumerate() {
                let hint = if typed[i] {
                    Some(self.objs.get(v).ty)
                } else {
                    None
                };
                let desc = self.target_desc(v);
                let mut x = self.expr_with_target(&rhs[i], hint, Some(&desc));
                self.init_var(v, &mut x, context, typed[i]);
            }
            return;
        }
        if r != 1 {
            let mut ok = true;
            for e in rhs {
                ok &= self.use_expr(e);
            }
            if ok {
                self.assign_error(rhs, l, r);
            }
            for (i, &v) in vars.iter().enumerate() {
                if !typed[i] {
                    self.objs.get_mut(v).ty = TypeCtx::INVALID;
                }
            }
            return;
        }
        self.cgo_two_results = l == 2 && Self::is_cgo_call(&rhs[0]);
        let (ops, comma_ok) = self.multi_expr_comma_ok(&rhs[0], l == 2);
        self.cgo_two_results = false;
        if ops.len() == l {
            let mut ops = ops;
            for (i, &v) in vars.iter().enumerate() {
                let mut x = ops[i].clone();
                self.init_var(v, &mut x, context, typed[i]);
                ops[i] = x;
            }
            if comma_ok && !ops[0].is_invalid() && !ops[1].is_invalid() {
                self.record_comma_ok(&rhs[0], &ops);
            }
            return;
        }
        if !ops.first().is_some_and(|o| o.is_invalid()) {
            self.assign_error(rhs, l, ops.len());
        }
        for (i, &v) in vars.iter().enumerate() {
            if !typed[i] {
                self.objs.get_mut(v).ty = TypeCtx::INVALID;
            }
        }
    }

    /// How gc names an assignment target variable in messages: its name,
    /// or `result variable` for an unnamed result.
    pub(super) fn target_desc(&self, v: ObjId) -> String {
        let name = &self.objs.get(v).name;
        if name.is_empty() {
            "result variable".to_string()
        } else {
            name.clone()
        }
    }
}
