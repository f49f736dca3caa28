//! Statements: assignments (all operands evaluated before any store, as
//! the spec orders them), declarations, `if`, `for` (with per-iteration
//! loop variables), labels, `goto`, `break`/`continue`, returns.

use super::func::{FnLowerer, Storage, Target};
use crate::ir::{BinOp, Const, InstrKind, ValueId};
use crate::syntax::ast::{AssignOp, BinaryOp, Expr, ExprKind, GenKind, Spec, Stmt, StmtKind};
use crate::types::{ObjId, TyId, TypeKind};

/// The target of an assignment.
pub(super) enum LValue {
    Addr(ValueId, TyId),
    Map {
        map: ValueId,
        key: ValueId,
        val: TyId,
    },
    Blank,
}

impl<'l, 'a> FnLowerer<'l, 'a> {
    pub fn stmts(&mut self, list: &'a [Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    pub fn stmt(&mut self, s: &'a Stmt) {
        self.set_span(s.pos());
        match &s.kind {
            StmtKind::Empty | StmtKind::Bad => {}
            StmtKind::Decl(g) => {
                if g.kind == GenKind::Var {
                    for spec in &g.specs {
                        if let Spec::Value(vs) = spec {
                            self.var_spec(vs);
                        }
                    }
                }
            }
            StmtKind::Labeled { label, stmt } => {
                self.labels_placed.insert(label.name.clone());
                let blk = self.label_block(&label.name);
                self.b.jump(blk);
                self.b.set_block(blk);
                self.pending_label = Some(label.name.clone());
                self.stmt(stmt);
                self.pending_label = None;
            }
            StmtKind::Expr(e) => {
                if let ExprKind::Call { .. } = &e.unparen().kind {
                    self.call(e.unparen());
                } else {
                    self.expr(e);
                }
            }
            StmtKind::Send { chan, value, .. } => self.chan_send(chan, value, s.pos()),
            StmtKind::Go(call) => self.go_stmt(call),
            StmtKind::Defer(call) => self.defer_stmt(call),
            StmtKind::Select(sel) => self.select_stmt(s, sel),
            StmtKind::IncDec { x, inc, .. } => {
                let op = if *inc { BinaryOp::Add } else { BinaryOp::Sub };
                self.op_assign(x, op, None);
            }
            StmtKind::Assign { lhs, op, rhs, .. } => match op {
                AssignOp::Assign => self.assign(lhs, rhs),
                AssignOp::Define => self.define(lhs, rhs),
                AssignOp::Op(bop) => {
                    if let (Some(l), Some(r)) = (lhs.first(), rhs.first()) {
                        self.op_assign(l, *bop, Some(r));
                    }
                }
            },
            StmtKind::Return(results) if self.yield_ctx.is_some() => {
                self.yield_return_stmt(results)
            }
            StmtKind::Return(results) => self.return_stmt(results),
            StmtKind::Break(label) => {
                let l = label.as_ref().map(|l| l.name.as_str());
                match self.find_target(l, false) {
                    Some(b) => self.b.jump(b),
                    None if self.yield_jump(l, false) => {}
                    None => self.ice(s.pos(), "break without target"),
                }
            }
            StmtKind::Continue(label) => {
                let l = label.as_ref().map(|l| l.name.as_str());
                match self.find_target(l, true) {
                    Some(b) => self.b.jump(b),
                    None if self.yield_jump(l, true) => {}
                    None => self.ice(s.pos(), "continue without target"),
                }
            }
            StmtKind::Goto(label) if self.yield_goto(&label.name) => {}
            StmtKind::Goto(label) => {
                let blk = self.label_block(&label.name);
                self.b.jump(blk);
            }
            StmtKind::Fallthrough => match self.fallthrough {
                Some(b) => self.b.jump(b),
                None => self.ice(s.pos(), "fallthrough without a next clause"),
            },
            StmtKind::Block(b) => self.stmts(&b.stmts),
            StmtKind::If(ifs) => {
                self.pending_label = None;
                if let Some(init) = &ifs.init {
                    self.stmt(init);
                }
                let c = self.expr(&ifs.cond);
                let then = self.b.new_block();
                let els = self.b.new_block();
                let done = self.b.new_block();
                self.b.branch(c, then, els);
                self.b.set_block(then);
                self.stmts(&ifs.then.stmts);
                self.b.jump(done);
                self.b.set_block(els);
                if let Some(e) = &ifs.els {
                    self.stmt(e);
                }
                self.b.jump(done);
                self.b.set_block(done);
            }
            StmtKind::For(f) => self.for_stmt(f),
            StmtKind::Range(r) => self.range_stmt(r),
            StmtKind::Switch(sw) => self.switch_stmt(sw),
            StmtKind::TypeSwitch(ts) => self.type_switch_stmt(ts),
        }
    }

    /// The block a label names (created on first mention, for forward
    /// `goto`s).
    pub(super) fn label_block(&mut self, name: &str) -> crate::ir::BlockId {
        if let Some(&b) = self.labels.get(name) {
            return b;
        }
        let cur = self.b.current();
        let b = self.b.new_block();
        self.b.set_block(cur);
        self.labels.insert(name.to_string(), b);
        b
    }

    fn find_target(&self, label: Option<&str>, cont: bool) -> Option<crate::ir::BlockId> {
        for t in self.targets.iter().rev() {
            if let Some(l) = label {
                if t.label.as_deref() != Some(l) {
                    continue;
                }
            } else if cont && t.cont.is_none() {
                continue;
            }
            return if cont { t.cont } else { Some(t.brk) };
        }
        None
    }

    // -----------------------------------------------------------------
    // Assignments
    // -----------------------------------------------------------------

    pub fn lvalue(&mut self, e: &'a Expr) -> LValue {
        let u = e.unparen();
        if u.as_ident() == Some("_") {
            return LValue::Blank;
        }
        if let ExprKind::Index { x, indices, .. } = &u.kind {
            let xt = self.tyof(x);
            if let TypeKind::Map(k, v) = self.under_kind(xt) {
                let m = self.expr(x);
                let key = match indices.first() {
                    Some(i) => self.expr_to(i, k),
                    None => self.int(0),
                };
                return LValue::Map {
                    map: m,
                    key,
                    val: v,
                };
            }
        }
        let t = self.tyof(e);
        LValue::Addr(self.addr(e), t)
    }

    pub fn store_lvalue(&mut self, lv: &LValue, v: ValueId, from: TyId) {
        match lv {
            LValue::Addr(a, t) => {
                let cv = self.convert_value(v, from, *t);
                self.b.store(*a, cv);
            }
            LValue::Map { map, key, val } => {
                let cv = self.convert_value(v, from, *val);
                self.b.stmt(InstrKind::MapStore {
                    map: *map,
                    key: *key,
                    value: cv,
                });
            }
            LValue::Blank => {}
        }
    }

    fn load_lvalue(&mut self, lv: &LValue) -> ValueId {
        match lv {
            LValue::Addr(a, t) => {
                let it = self.ty(*t);
                self.b.load(*a, it)
            }
            LValue::Map { map, key, val } => {
                let it = self.ty(*val);
                self.b.val(
                    InstrKind::MapIndex {
                        map: *map,
                        key: *key,
                        comma_ok: false,
                    },
                    it,
                )
            }
            LValue::Blank => self.int(0),
        }
    }

    /// The values of right-hand sides: one per left-hand side (a single
    /// multi-valued expression is split).
    pub fn rhs_values(&mut self, rhs: &'a [Expr], n: usize) -> Vec<(ValueId, TyId)> {
        if rhs.len() == 1 && n > 1 {
            let t = self.tyof(&rhs[0]);
            let tup = self.expr(&rhs[0]);
            let ts = self
                .lw
                .ck
                .tcx
                .tuple_elems(t)
                .map(|x| x.to_vec())
                .unwrap_or_default();
            return ts
                .iter()
                .enumerate()
                .map(|(i, et)| {
                    let et = self.cty(*et);
                    let it = self.ty(et);
                    (
                        self.b.val(
                            InstrKind::Extract {
                                tuple: tup,
                                index: i as u32,
                            },
                            it,
                        ),
                        et,
                    )
                })
                .collect();
        }
        rhs.iter()
            .map(|r| {
                let v = self.expr(r);
                (v, self.tyof(r))
            })
            .collect()
    }

    fn assign(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) {
        let lvs: Vec<LValue> = lhs.iter().map(|l| self.lvalue(l)).collect();
        let vals = self.rhs_values(rhs, lhs.len());
        for (lv, (v, t)) in lvs.iter().zip(vals) {
            self.store_lvalue(lv, v, t);
        }
    }

    fn define(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) {
        let vals = self.rhs_values(rhs, lhs.len());
        for (l, (v, t)) in lhs.iter().zip(vals) {
            if l.as_ident() == Some("_") {
                continue;
            }
            if let Some(&o) = self.lw.ck.info.defs.get(&l.id) {
                let ot = self.lw.ck.obj(o).ty;
                let cv = self.convert_value(v, t, ot);
                self.declare_var_with(o, cv);
            } else if let Some(&o) = self.lw.ck.info.uses.get(&l.id) {
                let ot = self.lw.ck.obj(o).ty;
                let cv = self.convert_value(v, t, ot);
                let a = self.var_addr(o);
                self.b.store(a, cv);
            }
        }
    }

    fn var_spec(&mut self, vs: &'a crate::syntax::ast::ValueSpec) {
        let objs: Vec<Option<ObjId>> = vs
            .names
            .iter()
            .map(|n| {
                if n.name == "_" {
                    None
                } else {
                    self.lw.ck.info.defs.get(&n.id).copied()
                }
            })
            .collect();
        if vs.values.is_empty() {
            for o in objs.into_iter().flatten() {
                self.declare_var(o);
            }
            return;
        }
        let vals = self.rhs_values(&vs.values, vs.names.len());
        for (o, (v, t)) in objs.into_iter().zip(vals) {
            if let Some(o) = o {
                let ot = self.lw.ck.obj(o).ty;
                let cv = self.convert_value(v, t, ot);
                self.declare_var_with(o, cv);
            }
        }
    }

    /// `x op= y`, and `x++`/`x--` (`y` absent: 1).
    fn op_assign(&mut self, x: &'a Expr, op: BinaryOp, y: Option<&'a Expr>) {
        let lv = self.lvalue(x);
        let t = self.tyof(x);
        let it = self.ty(t);
        let old = self.load_lvalue(&lv);
        let r = match y {
            Some(y) => self.expr(y),
            None => {
                let one = if self.lw.ck.tcx.is_float(t) {
                    Const::Float(1.0)
                } else if self.lw.ck.tcx.is_complex(t) {
                    Const::Complex(1.0, 0.0)
                } else {
                    Const::Int(1)
                };
                self.b.konst(one, it)
            }
        };
        let is_string = self.lw.ck.tcx.is_string(t);
        let bop = match op {
            BinaryOp::Add if is_string => BinOp::Concat,
            BinaryOp::Add => BinOp::Add,
            BinaryOp::Sub => BinOp::Sub,
            BinaryOp::Mul => BinOp::Mul,
            BinaryOp::Div => BinOp::Div,
            BinaryOp::Rem => BinOp::Rem,
            BinaryOp::And => BinOp::And,
            BinaryOp::Or => BinOp::Or,
            BinaryOp::Xor => BinOp::Xor,
            BinaryOp::AndNot => BinOp::AndNot,
            BinaryOp::Shl => BinOp::Shl,
            BinaryOp::Shr => BinOp::Shr,
            _ => {
                self.ice(x.pos(), "unexpected assignment operator");
                BinOp::Add
            }
        };
        let v = self.b.binary(bop, old, r, it);
        self.store_lvalue(&lv, v, t);
    }

    fn return_stmt(&mut self, results: &'a [Expr]) {
        if results.is_empty() {
            if self.named_results.is_empty() {
                self.emit_return(Vec::new());
            } else {
                self.return_named();
            }
            return;
        }
        let n = self.result_tys.len();
        let vals = self.rhs_values(results, n);
        let mut out = Vec::new();
        for (i, (v, t)) in vals.into_iter().enumerate() {
            let rt = self.result_tys.get(i).copied().unwrap_or(t);
            out.push(self.convert_value(v, t, rt));
        }
        self.emit_return(out);
    }

    // -----------------------------------------------------------------
    // Loops
    // -----------------------------------------------------------------

    fn for_stmt(&mut self, f: &'a crate::syntax::ast::ForStmt) {
        let label = self.pending_label.take();
        if let Some(init) = &f.init {
            self.stmt(init);
        }
        // Go 1.22: each iteration has its own copy of the loop variables;
        // it only matters for those that escape (closures, addresses).
        let loop_vars: Vec<ObjId> = match f.init.as_deref().map(|s| &s.kind) {
            Some(StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                ..
            }) => lhs
                .iter()
                .filter_map(|l| self.lw.ck.info.defs.get(&l.id).copied())
                .filter(|o| self.escapes.contains(o))
                .collect(),
            _ => Vec::new(),
        };
        for &v in &loop_vars {
            // Move the variable's address into a slot that can change.
            if let Some(Storage::Addr(a)) = self.vars.get(&v).copied() {
                let t = self.lw.ck.obj(v).ty;
                let pt = self.lw.ck.tcx.pointer(t);
                let pit = self.ty(pt);
                let ppt = self.ptr_to(pt);
                let slot = self.temp("loopvar", pit);
                let sa = self.b.local_addr(slot, ppt);
                self.b.store(sa, a);
                self.vars.insert(v, Storage::Slot(slot));
            }
        }
        let head = self.b.new_block();
        let body = self.b.new_block();
        let post = self.b.new_block();
        let done = self.b.new_block();
        self.b.jump(head);
        self.b.set_block(head);
        match &f.cond {
            Some(c) => {
                let cv = self.expr(c);
                self.b.branch(cv, body, done);
            }
            None => self.b.jump(body),
        }
        self.b.set_block(body);
        self.targets.push(Target {
            label,
            brk: done,
            cont: Some(post),
        });
        self.stmts(&f.body.stmts);
        self.targets.pop();
        self.b.jump(post);
        self.b.set_block(post);
        for &v in &loop_vars {
            if let Some(Storage::Slot(slot)) = self.vars.get(&v).copied() {
                let t = self.lw.ck.obj(v).ty;
                let it = self.ty(t);
                let pt = self.ptr_to(t);
                let ptr_t = self.lw.ck.tcx.pointer(t);
                let ppt = self.ptr_to(ptr_t);
                let sa = self.b.local_addr(slot, ppt);
                let old = self.b.load(sa, pt);
                let val = self.b.load(old, it);
                let new = self.b.val(InstrKind::New(it), pt);
                self.b.store(new, val);
                let sa = self.b.local_addr(slot, ppt);
                self.b.store(sa, new);
            }
        }
        if let Some(p) = &f.post {
            self.stmt(p);
        }
        self.b.jump(head);
        self.b.set_block(done);
    }
}
