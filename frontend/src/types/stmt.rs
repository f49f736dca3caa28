//! Statements and function bodies: scopes, control flow contexts
//! (`break`/`continue`/`fallthrough` validity), switches and type
//! switches, range clauses, `go`/`defer`, returns, and the end-of-body
//! checks (`missing return`, labels).

use std::collections::HashMap;

use super::constant::Value;
use super::object::{ObjKind, ScopeKind};
use super::operand::{Mode, Operand};
use super::ty::{BasicKind, ChanDir, TyId, TypeCtx, TypeKind};
use super::{Builtin, Checker, ObjId};
use crate::source::Span;
use crate::syntax::ast::{
    self, AssignOp, BinaryOp, Block, CaseClause, Expr, ExprKind, Stmt, StmtKind, UnaryOp,
};

const BREAK_OK: u8 = 1;
const CONTINUE_OK: u8 = 2;
const FALLTHROUGH_OK: u8 = 4;
const FINAL_SWITCH_CASE: u8 = 8;
const IN_TYPE_SWITCH: u8 = 16;

/// How an expression may be used as a statement.
#[derive(PartialEq, Eq)]
enum ExprKindStmt {
    Conversion,
    Expression,
    Statement,
}

impl<'a> Checker<'a> {
    /// Checks a function body in the current (function) scope.
    pub(super) fn func_body(&mut self, body: &'a Block, sig: TyId, results: &[ObjId]) {
        let _ = results;
        self.stmt_list(0, &body.stmts);
        let has_results = self.tcx.sig(sig).is_some_and(|s| !s.results.is_empty());
        if has_results && !self.is_terminating_list(&body.stmts, "") {
            self.error(body.rbrace(), "missing return");
        }
    }

    fn stmt_list(&mut self, ctxt: u8, list: &'a [Stmt]) {
        let ok = ctxt & FALLTHROUGH_OK != 0;
        let inner = ctxt & !FALLTHROUGH_OK;
        // Trailing empty statements are invisible to fallthrough analysis.
        let mut n = list.len();
        while n > 0 && matches!(list[n - 1].kind, StmtKind::Empty) {
            n -= 1;
        }
        for (i, s) in list[..n].iter().enumerate() {
            let mut c = inner;
            if ok && i + 1 == n {
                c |= FALLTHROUGH_OK;
            }
            self.stmt(c, s);
        }
    }

    fn simple_stmt(&mut self, s: Option<&'a Stmt>) {
        if let Some(s) = s {
            self.stmt(0, s);
        }
    }

    fn stmt(&mut self, ctxt: u8, s: &'a Stmt) {
        let inner = ctxt & !(FALLTHROUGH_OK | FINAL_SWITCH_CASE | IN_TYPE_SWITCH);
        match &s.kind {
            StmtKind::Empty | StmtKind::Bad => {}
            StmtKind::Decl(g) => self.local_decl(g),
            StmtKind::Labeled { stmt, .. } => self.stmt(ctxt, stmt),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { chan, value, .. } => {
                let ch = self.expr(chan);
                // The element type guides a generic function value (reverse
                // inference); errors about the channel come below.
                let elem = if ch.is_invalid() {
                    None
                } else {
                    match self.core_type(ch.ty).map(|u| self.tcx.kind(u).clone()) {
                        Some(TypeKind::Chan(_, e)) => Some(e),
                        _ => None,
                    }
                };
                let mut val = self.expr_with_target(value, elem, Some("send"));
                if ch.is_invalid() || val.is_invalid() {
                    return;
                }
                if let Some(elem) = self.chan_elem(&ch, false) {
                    self.assignment(&mut val, Some(elem), "send");
                }
            }
            StmtKind::IncDec { x, inc, op_span } => {
                let xo = self.expr(x);
                if xo.is_invalid() {
                    return;
                }
                if !self.tcx.is_numeric(xo.ty) {
                    let op = if *inc { "++" } else { "--" };
                    let xs = Self::expr_text(x);
                    let ts = self.ts(xo.ty);
                    self.error(
                        x.span.start(),
                        format!("invalid operation: {xs}{op} (non-numeric type {ts})"),
                    );
                    return;
                }
                let _ = op_span;
                self.assign_var(x, None, Some(xo), "assignment");
            }
            StmtKind::Assign {
                lhs,
                op,
                rhs,
                op_span,
            } => match op {
                AssignOp::Assign => self.assign_vars(lhs, rhs),
                AssignOp::Define => self.short_var_decl(*op_span, lhs, rhs),
                AssignOp::Op(bop) => {
                    if lhs.len() != 1 || rhs.len() != 1 {
                        self.error(
                            s.span.start(),
                            format!(
                                "assignment operation {}= requires single-valued expressions",
                                bop.as_str()
                            ),
                        );
                        return;
                    }
                    let x = self.op_assign_value(*bop, &lhs[0], &rhs[0]);
                    self.assign_var(&lhs[0], None, Some(x), "assignment");
                }
            },
            StmtKind::Go(e) => self.suspended_call("go", e),
            StmtKind::Defer(e) => self.suspended_call("defer", e),
            StmtKind::Return(results) => self.return_stmt(s, results),
            // Branch and label errors are reported by the parser
            // (`syntax::branches`), as gc's are.
            StmtKind::Break(_)
            | StmtKind::Continue(_)
            | StmtKind::Goto(_)
            | StmtKind::Fallthrough => {}
            StmtKind::Block(b) => {
                self.open_scope(ScopeKind::Block);
                self.stmt_list(inner, &b.stmts);
                self.close_scope();
            }
            StmtKind::If(ifs) => {
                self.open_scope(ScopeKind::Block);
                self.simple_stmt(ifs.init.as_deref());
                let x = self.expr(&ifs.cond);
                if !x.is_invalid() && !self.tcx.is_boolean(x.ty) {
                    self.error(
                        ifs.cond.span.start(),
                        "non-boolean condition in if statement",
                    );
                }
                self.open_scope(ScopeKind::Block);
                self.stmt_list(inner, &ifs.then.stmts);
                self.close_scope();
                if let Some(els) = &ifs.els {
                    self.stmt(inner, els);
                }
                self.close_scope();
            }
            StmtKind::Switch(sw) => {
                let inner = inner | BREAK_OK;
                self.open_scope(ScopeKind::Block);
                self.simple_stmt(sw.init.as_deref());
                self.switch_stmt(inner, sw);
                self.close_scope();
            }
            StmtKind::TypeSwitch(ts) => {
                let inner = inner | BREAK_OK;
                self.open_scope(ScopeKind::Block);
                self.simple_stmt(ts.init.as_deref());
                self.type_switch_stmt(inner | IN_TYPE_SWITCH, ts);
                self.close_scope();
            }
            StmtKind::Select(sel) => {
                let inner = inner | BREAK_OK;
                let mut first: Option<Span> = None;
                for c in &sel.clauses {
                    if c.comm.is_none() {
                        match first {
                            Some(f) => {
                                let fp = self.pos_string(f);
                                self.error(
                                    c.span.start(),
                                    format!("multiple defaults (first at {fp})"),
                                );
                            }
                            None => first = Some(c.span.start()),
                        }
                    }
                }
                for c in &sel.clauses {
                    let mut valid = c.comm.is_none();
                    if let Some(comm) = &c.comm {
                        let rhs: Option<&Expr> = match &comm.kind {
                            StmtKind::Send { .. } => {
                                valid = true;
                                None
                            }
                            StmtKind::Assign { rhs, .. } if rhs.len() == 1 => Some(&rhs[0]),
                            StmtKind::Expr(e) => Some(e),
                            _ => None,
                        };
                        if let Some(r) = rhs {
                            if matches!(
                                r.unparen().kind,
                                ExprKind::Unary {
                                    op: UnaryOp::Recv,
                                    ..
                                }
                            ) {
                                valid = true;
                            }
                        }
                        if !valid {
                            self.error(
                                comm.span.start(),
                                "select case must be send or receive (possibly with assignment)",
                            );
                            continue;
                        }
                    }
                    self.open_scope(ScopeKind::Block);
                    if let Some(comm) = &c.comm {
                        self.stmt(inner, comm);
                    }
                    self.stmt_list(inner, &c.body);
                    self.close_scope();
                }
            }
            StmtKind::For(f) => {
                let inner = inner | BREAK_OK | CONTINUE_OK;
                self.open_scope(ScopeKind::Block);
                self.simple_stmt(f.init.as_deref());
                if let Some(c) = &f.cond {
                    let x = self.expr(c);
                    if !x.is_invalid() && !self.tcx.is_boolean(x.ty) {
                        self.error(c.span.start(), "non-boolean condition in for statement");
                    }
                }
                self.simple_stmt(f.post.as_deref());
                self.open_scope(ScopeKind::Block);
                self.stmt_list(inner, &f.body.stmts);
                self.close_scope();
                self.close_scope();
            }
            StmtKind::Range(r) => {
                let inner = inner | BREAK_OK | CONTINUE_OK;
                self.range_stmt(inner, s, r);
            }
        }
    }

    /// The value of `lhs op rhs` for `lhs op= rhs`.
    fn op_assign_value(&mut self, op: BinaryOp, lhs: &'a Expr, rhs: &'a Expr) -> Operand<'a> {
        self.binary_op(None, op, lhs, rhs)
    }

    fn expr_stmt(&mut self, e: &'a Expr) {
        let (x, kind) = self.raw_expr_kind(e);
        let msg = match x.mode {
            Mode::Invalid => return,
            Mode::Builtin(_) => "must be called",
            Mode::TypeExpr => "is not an expression",
            _ => {
                if kind == ExprKindStmt::Statement {
                    return;
                }
                "is not used"
            }
        };
        let s = self.op_string(&x);
        self.error(x.pos(), format!("{s} {msg}"));
    }

    /// Checks an expression and classifies it for statement use.
    fn raw_expr_kind(&mut self, e: &'a Expr) -> (Operand<'a>, ExprKindStmt) {
        let x = self.raw_expr(e, None, false);
        let inner = e.unparen();
        let kind = match &inner.kind {
            ExprKind::Call { func, .. } => {
                match self.info.types.get(&func.id).map(|t| t.mode.clone()) {
                    Some(Mode::TypeExpr) => ExprKindStmt::Conversion,
                    Some(Mode::Builtin(b)) => {
                        use Builtin::*;
                        match b {
                            Append | Cap | Complex | Imag | Len | Make | Max | Min | New | Real
                            | Add | Alignof | Offsetof | Sizeof | Slice | SliceData | String
                            | StringData => ExprKindStmt::Expression,
                            _ => ExprKindStmt::Statement,
                        }
                    }
                    _ => ExprKindStmt::Statement,
                }
            }
            ExprKind::Unary {
                op: UnaryOp::Recv, ..
            } => ExprKindStmt::Statement,
            _ => ExprKindStmt::Expression,
        };
        (x, kind)
    }

    fn suspended_call(&mut self, keyword: &str, call: &'a Expr) {
        if !matches!(call.kind, ExprKind::Call { .. }) {
            self.error(
                call.span.start(),
                format!("expression in {keyword} must be function call"),
            );
            self.use_expr(call);
            return;
        }
        let (x, kind) = self.raw_expr_kind(call);
        let msg = match kind {
            ExprKindStmt::Conversion => "requires function call, not conversion",
            ExprKindStmt::Expression => "discards result of",
            ExprKindStmt::Statement => return,
        };
        if x.is_invalid() {
            return;
        }
        let s = self.op_string(&x);
        self.error(x.pos(), format!("{keyword} {msg} {s}"));
    }

    fn return_stmt(&mut self, s: &'a Stmt, results: &'a [Expr]) {
        let Some(f) = self.ctx.func.clone() else {
            return;
        };
        if results.is_empty() && !f.results.is_empty() && f.named_results {
            for &r in &f.results {
                let name = self.objs.get(r).name.clone();
                if let Some(alt) = self.lookup(&name) {
                    if alt != r {
                        let ap = self.pos_string(self.objs.get(alt).span);
                        let at = self.ts(self.objs.get(alt).ty);
                        self.error(
                            s.span.start(),
                            format!("result parameter {name} not in scope at return\n\t{ap}: inner declaration of var {name} {at}"),
                        );
                    }
                }
            }
            return;
        }
        if results.is_empty() && f.results.is_empty() {
            return;
        }
        self.init_vars(&f.results, results, Some(s.span.start()), true);
    }

    fn switch_stmt(&mut self, inner: u8, sw: &'a ast::SwitchStmt) {
        let mut x = match &sw.tag {
            Some(tag) => {
                let mut x = self.expr(tag);
                self.assignment(&mut x, None, "switch expression");
                if !x.is_invalid()
                    && !self.comparable(x.ty)
                    && !super::expr::has_nil(&self.tcx, x.ty)
                {
                    let s = self.op_string(&x);
                    let ts = self.ts(x.ty);
                    self.error(
                        x.pos(),
                        format!("cannot switch on {s} ({ts} is not comparable)"),
                    );
                    x.mode = Mode::Invalid;
                }
                x
            }
            None => Operand {
                mode: Mode::Const(Value::Bool(true)),
                ty: TypeCtx::basic(BasicKind::Bool),
                expr: None,
            },
        };
        if sw.tag.is_none() {
            x.expr = None;
        }
        self.multiple_defaults(&sw.clauses);
        let mut seen: HashMap<Value, Vec<(Span, TyId)>> = HashMap::new();
        let n = sw.clauses.len();
        for (i, c) in sw.clauses.iter().enumerate() {
            let mut ci = inner;
            if i + 1 < n {
                ci |= FALLTHROUGH_OK;
            } else {
                ci |= FINAL_SWITCH_CASE;
            }
            if let Some(exprs) = &c.exprs {
                self.case_values(&x, exprs, &mut seen);
            }
            self.open_scope(ScopeKind::Block);
            self.stmt_list(ci, &c.body);
            self.close_scope();
        }
    }

    fn multiple_defaults(&mut self, clauses: &'a [CaseClause]) {
        let mut first: Option<Span> = None;
        for c in clauses {
            if c.exprs.is_none() {
                match first {
                    Some(f) => {
                        let fp = self.pos_string(f);
                        self.error(c.span.start(), format!("multiple defaults (first at {fp})"));
                    }
                    None => first = Some(c.span.start()),
                }
            }
        }
    }

    fn case_values(
        &mut self,
        x: &Operand<'a>,
        values: &'a [Expr],
        seen: &mut HashMap<Value, Vec<(Span, TyId)>>,
    ) {
        for e in values {
            let mut v = self.expr(e);
            if x.is_invalid() || v.is_invalid() {
                continue;
            }
            self.convert_untyped(&mut v, x.ty);
            if v.is_invalid() {
                continue;
            }
            // The tag of `switch {` is the constant `true`.
            let tag = match x.expr {
                Some(_) => x.clone(),
                None => Operand {
                    mode: x.mode.clone(),
                    ty: x.ty,
                    expr: None,
                },
            };
            let res = self.case_comparison(e, v.clone(), tag);
            if res.is_invalid() {
                continue;
            }
            let Some(val) = v.val().cloned() else {
                continue;
            };
            let key = match &val {
                Value::Int(_) | Value::Float(_) | Value::String(_) => val.clone(),
                _ => continue,
            };
            let entry = seen.entry(key).or_default();
            if let Some((pos, _)) = entry.iter().find(|(_, t)| self.tcx.identical(*t, v.ty)) {
                let p = self.pos_string(*pos);
                let vs = self.op_string(&v);
                self.error(
                    v.pos(),
                    format!("duplicate case {vs} in expression switch\n\t{p}: previous case"),
                );
                continue;
            }
            entry.push((v.pos(), v.ty));
        }
    }

    /// A case value compared with the switch tag (errors at the value).
    fn case_comparison(&mut self, e: &'a Expr, v: Operand<'a>, x: Operand<'a>) -> Operand<'a> {
        if x.expr.is_none() {
            // `switch {`: the case must be a boolean.
            if !self.assignable_to(&v, x.ty).0 {
                let vs = Self::expr_text(e);
                let vt = self.ts(v.ty);
                self.error(
                    v.pos(),
                    format!("invalid case {vs} in switch (mismatched types {vt} and bool)"),
                );
                return Operand::invalid(Some(e));
            }
            return v;
        }
        self.comparison(e, BinaryOp::Eq, v, x, true)
    }

    fn type_switch_stmt(&mut self, inner: u8, ts: &'a ast::TypeSwitchStmt) {
        let mut lhs = ts.binding.as_ref();
        if let Some(l) = lhs {
            if l.name == "_" {
                self.error(l.span, "no new variable on left side of :=");
                lhs = None;
            }
        }
        let x = self.expr(&ts.x);
        let mut sx: Option<Operand<'a>> = None;
        if !x.is_invalid() {
            if self.tcx.is_tparam(x.ty) {
                let s = self.op_string(&x);
                self.error(
                    x.pos(),
                    format!("cannot use type switch on type parameter value {s}"),
                );
            } else if self.tcx.is_interface(x.ty) {
                sx = Some(x.clone());
            } else {
                let s = self.op_string(&x);
                self.error(x.pos(), format!("{s} is not an interface"));
            }
        }
        self.multiple_defaults(&ts.clauses);
        let mut vars: Vec<ObjId> = Vec::new();
        let mut seen: Vec<(Option<TyId>, Span)> = Vec::new();
        for c in &ts.clauses {
            let t = match &c.exprs {
                Some(types) => self.case_types(sx.as_ref(), types, &mut seen),
                None => sx.as_ref().map(|x| x.ty).unwrap_or(TypeCtx::INVALID),
            };
            self.open_scope(ScopeKind::Block);
            if let Some(l) = lhs {
                let o = self.new_obj(&l.name, ObjKind::Var(super::VarKind::Local), t, l.span);
                let scope = self.ctx.scope;
                let _ = self.objs.insert(scope, o);
                self.info.implicits.insert(c.id, o);
                vars.push(o);
            }
            self.stmt_list(inner, &c.body);
            self.close_scope();
        }
        if let Some(l) = lhs {
            self.record_def(l, vars.first().copied().unwrap_or(ObjId(0)));
            let used = vars.iter().any(|v| self.objs.get(*v).used);
            for v in &vars {
                self.objs.get_mut(*v).used = true;
            }
            if !used {
                self.error(l.span, format!("{} declared and not used", l.name));
            }
        }
    }

    fn case_types(
        &mut self,
        x: Option<&Operand<'a>>,
        types: &'a [Expr],
        seen: &mut Vec<(Option<TyId>, Span)>,
    ) -> TyId {
        let mut last: Option<TyId> = None;
        for e in types {
            let t = if self.is_nil_expr(e) {
                self.expr(e);
                None
            } else {
                let t = self.var_type(e);
                if self.tcx.is_invalid(t) {
                    // A clause with just an invalid type: its variable is
                    // invalid too (no follow-on errors).
                    if types.len() == 1 {
                        return TypeCtx::INVALID;
                    }
                    continue;
                }
                Some(t)
            };
            last = t;
            let dup = seen.iter().find(|(s, _)| match (s, t) {
                (None, None) => true,
                (Some(a), Some(b)) => self.tcx.identical(*a, b),
                _ => false,
            });
            if let Some((_, other)) = dup {
                let ts = t.map(|t| self.ts(t)).unwrap_or_else(|| "nil".into());
                let p = self.pos_string(*other);
                self.error(
                    e.span.start(),
                    format!("duplicate case {ts} in type switch\n\t{p}: previous case"),
                );
                continue;
            }
            seen.push((t, e.span.start()));
            if let (Some(x), Some(t)) = (x, t) {
                self.type_assertion(e, x, t, true);
            }
        }
        if types.len() != 1 || last.is_none() {
            return x.map(|x| x.ty).unwrap_or(TypeCtx::INVALID);
        }
        last.unwrap_or(TypeCtx::INVALID)
    }

    fn is_nil_expr(&self, e: &Expr) -> bool {
        match &e.unparen().kind {
            ExprKind::Ident(n) => self
                .lookup(n)
                .is_some_and(|o| matches!(self.objs.get(o).kind, ObjKind::Nil)),
            _ => false,
        }
    }

    fn range_stmt(&mut self, inner: u8, s: &'a Stmt, r: &'a ast::RangeStmt) {
        self.has_call_or_recv = false;
        if let Some(at) = r.extra_var {
            self.error(at, "range clause permits at most two iteration variables");
        }
        let mut x = self.expr(&r.x);
        let mut key: Option<TyId> = None;
        let mut val: Option<TyId> = None;
        if !x.is_invalid() {
            match self.range_key_val(x.ty) {
                Err(cause) => {
                    let xs = self.op_string(&x);
                    if cause.is_empty() {
                        self.error(x.pos(), format!("cannot range over {xs}"));
                    } else {
                        self.error(x.pos(), format!("cannot range over {xs}: {cause}"));
                    }
                }
                Ok((k, v)) => {
                    if k.is_none() && r.key.is_some() {
                        let xs = self.op_string(&x);
                        if let Some(ke) = &r.key {
                            self.error(
                                ke.span.start(),
                                format!("range over {xs} permits no iteration variables"),
                            );
                        }
                    } else if v.is_none() && r.value.is_some() {
                        let xs = self.op_string(&x);
                        if let Some(ve) = &r.value {
                            self.error(
                                ve.span.start(),
                                format!("range over {xs} permits only one iteration variable"),
                            );
                        }
                    }
                    key = k;
                    val = v;
                }
            }
        }
        self.open_scope(ScopeKind::Block);
        let lhs = [r.key.as_ref(), r.value.as_ref()];
        let rhs = [key, val];
        let over_int = self.tcx.is_integer(x.ty);
        if r.define {
            let mut vars: Vec<ObjId> = Vec::new();
            for (i, l) in lhs.iter().enumerate() {
                let Some(l) = l else { continue };
                let obj = match &l.kind {
                    ExprKind::Ident(name) => {
                        let ident = ast::Ident {
                            id: l.id,
                            span: l.span,
                            name: name.clone(),
                        };
                        let o = self.new_local(&ident, TypeCtx::INVALID);
                        self.info.defs.insert(l.id, o);
                        if name != "_" {
                            vars.push(o);
                        }
                        o
                    }
                    _ => {
                        let ls = Self::expr_text(l);
                        self.error(l.span.start(), format!("cannot declare {ls}"));
                        self.new_obj(
                            "_",
                            ObjKind::Var(super::VarKind::Local),
                            TypeCtx::INVALID,
                            l.span,
                        )
                    }
                };
                let Some(t) = rhs[i].filter(|t| !self.tcx.is_invalid(*t)) else {
                    self.objs.get_mut(obj).ty = TypeCtx::INVALID;
                    self.objs.get_mut(obj).used = true;
                    continue;
                };
                if over_int {
                    let mut xx = x.clone();
                    self.init_var(obj, &mut xx, "range clause", false);
                    x = xx;
                } else {
                    let mut y = Operand {
                        mode: Mode::Value,
                        ty: t,
                        expr: Some(l),
                    };
                    self.init_var(obj, &mut y, "assignment", false);
                }
            }
            if vars.is_empty() {
                self.error(s.span.start(), "no new variables on left side of :=");
            } else {
                let scope = self.ctx.scope;
                for o in vars {
                    self.declare(scope, None, o);
                }
            }
        } else if r.key.is_some() {
            for (i, l) in lhs.iter().enumerate() {
                let Some(l) = l else { continue };
                let Some(t) = rhs[i].filter(|t| !self.tcx.is_invalid(*t)) else {
                    continue;
                };
                if over_int {
                    let xx = x.clone();
                    self.assign_var(l, None, Some(xx), "range clause");
                    if let Some(tv) = self.info.types.get(&r.x.id) {
                        if !self.tcx.is_integer(tv.ty) {
                            let ts = self.ts(tv.ty);
                            self.error(
                                l.span.start(),
                                format!("cannot use iteration variable of type {ts}"),
                            );
                        }
                    }
                } else {
                    let y = Operand {
                        mode: Mode::Value,
                        ty: t,
                        expr: Some(l),
                    };
                    self.assign_var(l, None, Some(y), "assignment");
                }
            }
        } else if over_int {
            self.assignment(&mut x, None, "range clause");
        }
        self.open_scope(ScopeKind::Block);
        self.stmt_list(inner, &r.body.stmts);
        self.close_scope();
        self.close_scope();
    }

    /// Key and value types of a range clause over `t`.
    fn range_key_val(&mut self, t: TyId) -> Result<(Option<TyId>, Option<TyId>), String> {
        // A channel must permit receiving.
        let core = self.common_under(t, &|ck: &Self, t: Option<TyId>, u: Option<TyId>| {
            let (Some(t), Some(u)) = (t, u) else {
                return None;
            };
            match ck.tcx.kind(u) {
                TypeKind::Chan(ChanDir::Send, _) => {
                    Some(format!("receive from send-only channel {}", ck.ts(t)))
                }
                _ => None,
            }
        })?;
        let core = match self.tcx.kind(core).clone() {
            TypeKind::Pointer(p) if matches!(self.tcx.under_kind(p), TypeKind::Array(..)) => {
                self.tcx.under(p)
            }
            _ => core,
        };
        let int = TypeCtx::basic(BasicKind::Int);
        match self.tcx.kind(core).clone() {
            TypeKind::Basic(k) if k.is_string() => {
                Ok((Some(int), Some(TypeCtx::basic(BasicKind::Rune))))
            }
            TypeKind::Basic(k) if k.is_integer() => Ok((Some(t), None)),
            TypeKind::Array(_, e) | TypeKind::Slice(e) => Ok((Some(int), Some(e))),
            TypeKind::Map(k, v) => Ok((Some(k), Some(v))),
            TypeKind::Chan(dir, e) => {
                if dir == ChanDir::Send {
                    let ts = self.ts(t);
                    return Err(format!("receive from send-only channel {ts}"));
                }
                Ok((Some(e), None))
            }
            TypeKind::Func(sig) => {
                if sig.params.len() != 1 {
                    return Err(
                        "func must be func(yield func(...) bool): wrong argument count".into(),
                    );
                }
                if !sig.results.is_empty() {
                    return Err(
                        "func must be func(yield func(...) bool): unexpected results".into(),
                    );
                }
                let yt = self.common_under(sig.params[0], &|_: &Self, _, _| None);
                let Some(cb) = yt.as_ref().ok().and_then(|u| self.tcx.sig(*u)).cloned() else {
                    return Err(match yt {
                        Err(e) => {
                            format!("func must be func(yield func(...) bool): in yield type, {e}")
                        }
                        Ok(_) => {
                            "func must be func(yield func(...) bool): argument is not func".into()
                        }
                    });
                };
                if cb.params.len() > 2 {
                    return Err("func must be func(yield func(...) bool): yield func has too many parameters".into());
                }
                let b = TypeCtx::basic(BasicKind::Bool);
                if cb.results.len() != 1 || !self.tcx.identical(cb.results[0], b) {
                    if cb.results.len() == 1 && self.tcx.is_boolean(cb.results[0]) {
                        return Err(
                            "func must be func(yield func(...) bool): yield func returns user-defined boolean, not bool"
                                .into(),
                        );
                    }
                    return Err(
                        "func must be func(yield func(...) bool): yield func does not return bool"
                            .into(),
                    );
                }
                if cb.variadic {
                    let s = self.ts(sig.params[0]);
                    return Err(format!("yield func of type {s} cannot be variadic"));
                }
                Ok((cb.params.first().copied(), cb.params.get(1).copied()))
            }
            _ => Err(String::new()),
        }
    }
}
