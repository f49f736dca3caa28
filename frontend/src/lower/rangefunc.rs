//! `for k, v := range f` over a function (Go 1.23 iterators): the loop
//! body becomes a closure, the `yield` function passed to `f`. It captures
//! the variables it uses by reference (they live on the heap, see
//! [`super::escape`]) and a state word shared with the enclosing code:
//!
//! - `continue` returns `true` from the body (the next iteration);
//! - `break` stores [`BREAK`] and returns `false`;
//! - `return` stores the results in slots of the enclosing function and
//!   [`RETURN`] (or [`BARE_RETURN`]), and returns `false`;
//! - `break L` / `continue L` to a loop outside, and `goto L` to a label
//!   outside, store that target's code (numbered from 1) and return
//!   `false`;
//! - `defer` pushes onto the enclosing function's list of deferred calls
//!   (the call belongs to that function, as the spec says), whose address
//!   the body captures.
//!
//! After `f` returns, the enclosing code reads the state and does what
//! the body asked. Bodies nested in other range-over-func bodies pass
//! returns and outer jumps on through their own state.
//!
//! A second word tracks the loop's life, so that an iterator that misuses
//! `yield` fails as the spec asks: it is [`READY`] while the body may be
//! called, [`RUNNING`] while it runs (and stays so if the body panics),
//! [`DONE`] once the body returned `false`, [`EXHAUSTED`] once `f`
//! returned. The body panics (`rgo_panic_rangestate`) when called in any
//! state but [`READY`]; the enclosing code panics when `f` returns while
//! the body is still [`RUNNING`] (`f` recovered the body's panic).

use std::collections::HashSet;

use super::escape;
use super::func::{FnLowerer, Storage};
use crate::ir::{BinOp, BlockId, Callee, Const, InstrKind, Terminator, ValueId};
use crate::syntax::ast::{Expr, RangeStmt, Stmt, StmtKind};
use crate::types::{BasicKind, TyId};

/// The loop was left by `break`.
const BREAK: i128 = -1;
/// The enclosing function returns the values in the result slots.
const RETURN: i128 = -2;
/// A `return` without values (named results, or none).
const BARE_RETURN: i128 = -3;

/// States of a loop's life (the codes `rgo_panic_rangestate` takes).
const DONE: i128 = 0;
const READY: i128 = 1;
const RUNNING: i128 = 2;
const EXHAUSTED: i128 = 3;
/// Not a state: `f` returned normally after the body panicked.
const MISSING_PANIC: i128 = 4;

/// What a range-over-func body knows about its loop.
#[derive(Clone)]
pub(super) struct YieldCtx {
    /// `*int`: the state word.
    pub state: ValueId,
    /// `*int`: the loop's life ([`READY`], [`RUNNING`], ...).
    pub life: ValueId,
    /// Pointers to the enclosing function's result slots.
    pub results: Vec<ValueId>,
    pub result_tys: Vec<TyId>,
    /// The label of the range statement.
    pub label: Option<String>,
    /// Labeled loops and switches outside the body: label, the code for
    /// `break`, the code for `continue` (loops only).
    pub outer: Vec<(String, i128, Option<i128>)>,
    /// `*[]func()`: the enclosing function's list of deferred calls, when
    /// the body has `defer`s (they belong to that function).
    pub defers: Option<ValueId>,
    /// Labels declared in the body (a `goto` to one stays inside).
    pub labels: HashSet<String>,
    /// Labels outside the body that its `goto`s target, with their codes.
    pub gotos: Vec<(String, i128)>,
}

/// The labels declared in statements, and the labels their `goto`s name
/// (function literals are other functions, so only statements are
/// walked).
fn labels_and_gotos(stmts: &[Stmt], labels: &mut HashSet<String>, gotos: &mut Vec<String>) {
    for s in stmts {
        label_walk(s, labels, gotos);
    }
}

fn label_walk(s: &Stmt, labels: &mut HashSet<String>, gotos: &mut Vec<String>) {
    match &s.kind {
        StmtKind::Labeled { label, stmt } => {
            labels.insert(label.name.clone());
            label_walk(stmt, labels, gotos);
        }
        StmtKind::Goto(l) if !gotos.contains(&l.name) => gotos.push(l.name.clone()),
        StmtKind::Block(b) => labels_and_gotos(&b.stmts, labels, gotos),
        StmtKind::If(i) => {
            labels_and_gotos(&i.then.stmts, labels, gotos);
            if let Some(e) = &i.els {
                label_walk(e, labels, gotos);
            }
        }
        StmtKind::Switch(sw) => {
            for c in &sw.clauses {
                labels_and_gotos(&c.body, labels, gotos);
            }
        }
        StmtKind::TypeSwitch(ts) => {
            for c in &ts.clauses {
                labels_and_gotos(&c.body, labels, gotos);
            }
        }
        StmtKind::Select(sel) => {
            for c in &sel.clauses {
                labels_and_gotos(&c.body, labels, gotos);
            }
        }
        StmtKind::For(f) => labels_and_gotos(&f.body.stmts, labels, gotos),
        StmtKind::Range(r) => labels_and_gotos(&r.body.stmts, labels, gotos),
        _ => {}
    }
}

/// What the enclosing code does for a state code.
enum Action {
    Jump(BlockId),
    /// Pass the code on to the next enclosing body.
    Propagate(i128),
    /// `break` / `continue` of the range-over-func loop whose body the
    /// enclosing code is.
    BreakOwn,
    ContinueOwn,
}

impl<'l, 'a> FnLowerer<'l, 'a> {
    pub fn range_func(&mut self, r: &'a RangeStmt, label: Option<String>) {
        let xt = self.tyof(&r.x);
        let Some(sig) = self.lw.ck.tcx.sig(xt).cloned() else {
            self.ice(r.range_span, "range over a non-function");
            return;
        };
        let Some(&yield_t) = sig.params.first() else {
            self.ice(
                r.range_span,
                "range over a function without a yield parameter",
            );
            return;
        };
        let yield_t = self.cty(yield_t);
        let Some(ysig) = self.lw.ck.tcx.sig(yield_t).cloned() else {
            self.ice(r.range_span, "yield parameter is not a function");
            return;
        };
        let f = self.expr(&r.x);
        self.set_span(r.range_span);
        let int = self.int_ty();
        let ipt = self.ptr_to(crate::types::TypeCtx::basic(BasicKind::Int));
        let state = self.b.val(InstrKind::New(int), ipt);
        let life = self.b.val(InstrKind::New(int), ipt);
        let ready = self.b.konst(Const::Int(READY), int);
        self.b.store(life, ready);
        let (res_ptrs, res_tys) = match &self.yield_ctx {
            Some(ctx) => (ctx.results.clone(), ctx.result_tys.clone()),
            None => {
                let tys = self.result_tys.clone();
                let mut ptrs = Vec::new();
                for &t in &tys {
                    let it = self.ty(t);
                    let pt = self.ptr_to(t);
                    ptrs.push(self.b.val(InstrKind::New(it), pt));
                }
                (ptrs, tys)
            }
        };
        // Labeled targets outside the body, with their codes.
        let mut outer = Vec::new();
        let mut actions: Vec<(i128, Action)> = Vec::new();
        let mut code: i128 = 1;
        for t in &self.targets {
            let Some(l) = &t.label else { continue };
            let cont = t.cont.map(|_| code + 1);
            outer.push((l.clone(), code, cont));
            actions.push((code, Action::Jump(t.brk)));
            if let Some(c) = t.cont {
                actions.push((code + 1, Action::Jump(c)));
            }
            code += 2;
        }
        if let Some(ctx) = &self.yield_ctx {
            if let Some(l) = &ctx.label {
                outer.push((l.clone(), code, Some(code + 1)));
                actions.push((code, Action::BreakOwn));
                actions.push((code + 1, Action::ContinueOwn));
                code += 2;
            }
            for (l, b, c) in ctx.outer.clone() {
                let cont = c.map(|_| code + 1);
                outer.push((l, code, cont));
                actions.push((code, Action::Propagate(b)));
                if let Some(c) = c {
                    actions.push((code + 1, Action::Propagate(c)));
                }
                code += 2;
            }
        }
        let (body_labels, gotos) = self.goto_codes(r, code, &mut actions);
        // The body's captures: the variables it uses from outside, the
        // state word, the result slots.
        let free = escape::range_func_free_vars(&self.lw.ck, r);
        let mut caps = Vec::new();
        let mut cap_tys = Vec::new();
        for &o in &free {
            caps.push(self.var_addr(o));
            let t = self.lw.ck.obj(o).ty;
            cap_tys.push(self.ptr_to(t));
        }
        caps.push(state);
        cap_tys.push(ipt);
        caps.push(life);
        cap_tys.push(ipt);
        for (i, &p) in res_ptrs.iter().enumerate() {
            caps.push(p);
            let t = res_tys[i];
            cap_tys.push(self.ptr_to(t));
        }
        let has_defers = super::defer::contains_defer(&r.body.stmts);
        if has_defers {
            match self.defer_list_addr() {
                Some(a) => {
                    caps.push(a);
                    let t = self.b.value_type(a);
                    cap_tys.push(t);
                }
                None => self.ice(r.range_span, "defer without a defer list"),
            }
        }
        let ysig_ir = {
            let subst = self.subst.clone();
            self.lw.func_sig(yield_t, &subst)
        };
        let name = self.lw.closure_name(&self.name);
        let span = r.range_span;
        let id = self.lw.reserve(name.clone(), ysig_ir.clone(), span);
        {
            let subst = self.subst.clone();
            let escapes = self.escapes.clone();
            let mut c = FnLowerer::new(&mut *self.lw, name, span, subst);
            c.escapes = escapes;
            let mut vals = Vec::new();
            for (i, &t) in cap_tys.iter().enumerate() {
                vals.push(c.b.val(InstrKind::Capture(i as u32), t));
            }
            for (i, &o) in free.iter().enumerate() {
                c.vars.insert(o, Storage::Addr(vals[i]));
            }
            let n = free.len();
            let nres = res_tys.len();
            c.yield_ctx = Some(YieldCtx {
                state: vals[n],
                life: vals[n + 1],
                results: vals[n + 2..n + 2 + nres].to_vec(),
                result_tys: res_tys,
                label,
                outer,
                defers: vals.get(n + 2 + nres).copied().filter(|_| has_defers),
                labels: body_labels,
                gotos,
            });
            c.result_tys = vec![crate::types::TypeCtx::basic(BasicKind::Bool)];
            c.enter_body(vals[n + 1]);
            let params: Vec<ValueId> = ysig_ir.params.iter().map(|t| c.b.param(*t)).collect();
            c.bind_iteration_vars(r, &params, &ysig.params);
            c.stmts(&r.body.stmts);
            if !c.b.is_terminated() {
                c.yield_return(true);
            }
            c.finish(id);
        }
        self.set_span(r.range_span);
        let yt = self.ty(yield_t);
        let clo = self.b.val(
            InstrKind::MakeClosure {
                func: id,
                captures: caps,
            },
            yt,
        );
        let ret = self.result_type(&sig.results);
        self.b.call(Callee::Value(f), vec![clo], ret);
        // `f` returned: not after recovering the body's panic.
        let l = self.b.load(life, int);
        let missing = self.b.new_block();
        let ok = self.b.new_block();
        let running = self.b.konst(Const::Int(RUNNING), int);
        let bool_t = self.bool_ty();
        let is_running = self.b.binary(BinOp::Eq, l, running, bool_t);
        self.b.branch(is_running, missing, ok);
        self.b.set_block(missing);
        let code = self.b.konst(Const::Int(MISSING_PANIC), int);
        self.panic_rangestate(code);
        self.b.set_block(ok);
        let exhausted = self.b.konst(Const::Int(EXHAUSTED), int);
        self.b.store(life, exhausted);
        // What the body asked for.
        let s = self.b.load(state, int);
        let done = self.b.new_block();
        let ret_vals = self.b.new_block();
        let ret_bare = self.b.new_block();
        self.branch_on(s, RETURN, ret_vals);
        self.branch_on(s, BARE_RETURN, ret_bare);
        let mut pending = Vec::new();
        for (code, action) in actions {
            let blk = self.b.new_block();
            self.branch_on(s, code, blk);
            pending.push((blk, action));
        }
        self.b.jump(done);
        for (blk, action) in pending {
            self.b.set_block(blk);
            match action {
                Action::Jump(b) => self.b.jump(b),
                Action::Propagate(c) => self.yield_exit(c),
                Action::BreakOwn => self.yield_exit(BREAK),
                Action::ContinueOwn => self.yield_return(true),
            }
        }
        self.b.set_block(ret_vals);
        if self.yield_ctx.is_some() {
            self.yield_exit(RETURN);
        } else {
            let mut vals = Vec::new();
            for (i, &p) in res_ptrs.iter().enumerate() {
                let t = self.result_tys[i];
                let it = self.ty(t);
                vals.push(self.b.load(p, it));
            }
            self.emit_return(vals);
        }
        self.b.set_block(ret_bare);
        if self.yield_ctx.is_some() {
            self.yield_exit(BARE_RETURN);
        } else if self.named_results.is_empty() && !self.result_tys.is_empty() {
            // A bare return needs named results: never happens here.
            self.b.terminate(Terminator::Unreachable);
        } else if self.named_results.is_empty() {
            self.emit_return(Vec::new());
        } else {
            self.return_named();
        }
        self.b.set_block(done);
    }

    /// The labels declared in the body of `r`, and codes from `code` on
    /// for the labels outside it that its `goto`s name, with what the
    /// enclosing code does for each: jump to its label, or pass the code
    /// on when that code is a body the label is outside of too.
    fn goto_codes(
        &mut self,
        r: &'a RangeStmt,
        mut code: i128,
        actions: &mut Vec<(i128, Action)>,
    ) -> (HashSet<String>, Vec<(String, i128)>) {
        let mut body_labels = HashSet::new();
        let mut targets = Vec::new();
        labels_and_gotos(&r.body.stmts, &mut body_labels, &mut targets);
        let mut gotos = Vec::new();
        for l in targets {
            if body_labels.contains(&l) {
                continue;
            }
            let passed = self
                .yield_ctx
                .as_ref()
                .filter(|ctx| !ctx.labels.contains(&l))
                .map(|ctx| ctx.gotos.iter().find(|(g, _)| *g == l).map(|&(_, c)| c));
            match passed {
                Some(Some(c)) => actions.push((code, Action::Propagate(c))),
                Some(None) => {
                    self.ice(r.range_span, &format!("goto {l}: label not found"));
                    continue;
                }
                None => {
                    let blk = self.label_block(&l);
                    actions.push((code, Action::Jump(blk)));
                }
            }
            gotos.push((l, code));
            code += 1;
        }
        (body_labels, gotos)
    }

    /// Continues in `target` if the state `s` is `code`.
    fn branch_on(&mut self, s: ValueId, code: i128, target: BlockId) {
        let int = self.int_ty();
        let bool_t = self.bool_ty();
        let c = self.b.konst(Const::Int(code), int);
        let eq = self.b.binary(BinOp::Eq, s, c, bool_t);
        let next = self.b.new_block();
        self.b.branch(eq, target, next);
        self.b.set_block(next);
    }

    /// Binds the yield function's parameters to the iteration variables.
    fn bind_iteration_vars(&mut self, r: &'a RangeStmt, params: &[ValueId], ptys: &[TyId]) {
        let lhs: [Option<&'a Expr>; 2] = [r.key.as_ref(), r.value.as_ref()];
        for (i, l) in lhs.into_iter().enumerate() {
            let (Some(l), Some(&v), Some(&t)) = (l, params.get(i), ptys.get(i)) else {
                continue;
            };
            if l.as_ident() == Some("_") {
                continue;
            }
            let t = self.cty(t);
            if r.define {
                if let Some(&o) = self.lw.ck.info.defs.get(&l.id) {
                    let ot = self.lw.ck.obj(o).ty;
                    let cv = self.convert_value(v, t, ot);
                    self.declare_var_with(o, cv);
                }
            } else {
                let lv = self.lvalue(l);
                self.store_lvalue(&lv, v, t);
            }
        }
    }

    /// The body starts: it may run only when the loop is [`READY`].
    fn enter_body(&mut self, life: ValueId) {
        let int = self.int_ty();
        let bool_t = self.bool_ty();
        let l = self.b.load(life, int);
        let ready = self.b.konst(Const::Int(READY), int);
        let ok = self.b.binary(BinOp::Eq, l, ready, bool_t);
        let run = self.b.new_block();
        let bad = self.b.new_block();
        self.b.branch(ok, run, bad);
        self.b.set_block(bad);
        self.panic_rangestate(l);
        self.b.set_block(run);
        let running = self.b.konst(Const::Int(RUNNING), int);
        self.b.store(life, running);
    }

    /// Panics with the runtime error for state `code` (an `int`).
    fn panic_rangestate(&mut self, code: ValueId) {
        let int = self.int_ty();
        let f = self.rt_extern("rgo_panic_rangestate", vec![int], Vec::new());
        self.b.call(Callee::Direct(f), vec![code], None);
        self.b.terminate(Terminator::Unreachable);
    }

    /// Returns `more` from the yield function.
    pub fn yield_return(&mut self, more: bool) {
        if let Some(life) = self.yield_ctx.as_ref().map(|c| c.life) {
            let int = self.int_ty();
            let next = self
                .b
                .konst(Const::Int(if more { READY } else { DONE }), int);
            self.b.store(life, next);
        }
        let bool_t = self.bool_ty();
        let v = self.b.konst(Const::Bool(more), bool_t);
        self.b.terminate(Terminator::Return(vec![v]));
    }

    /// Leaves the body with state `code` (iteration stops).
    pub fn yield_exit(&mut self, code: i128) {
        let Some(state) = self.yield_ctx.as_ref().map(|c| c.state) else {
            self.ice(self.b.span, "range-over-func exit outside a loop body");
            return;
        };
        let int = self.int_ty();
        let c = self.b.konst(Const::Int(code), int);
        self.b.store(state, c);
        self.yield_return(false);
    }

    /// `break`/`continue` that leave a range-over-func body; false if the
    /// statement targets nothing outside the body.
    pub fn yield_jump(&mut self, label: Option<&str>, cont: bool) -> bool {
        let Some(ctx) = self.yield_ctx.clone() else {
            return false;
        };
        if label.is_none() || label == ctx.label.as_deref() {
            if cont {
                self.yield_return(true);
            } else {
                self.yield_exit(BREAK);
            }
            return true;
        }
        let Some((_, brk, c)) = ctx.outer.iter().find(|(l, _, _)| Some(l.as_str()) == label) else {
            return false;
        };
        let code = if cont { *c } else { Some(*brk) };
        match code {
            Some(code) => {
                self.yield_exit(code);
                true
            }
            None => false,
        }
    }

    /// `goto label` leaving a range-over-func body; false if the label is
    /// in the body (or there is no body).
    pub fn yield_goto(&mut self, label: &str) -> bool {
        let Some(code) = self.yield_ctx.as_ref().and_then(|ctx| {
            if ctx.labels.contains(label) {
                return None;
            }
            ctx.gotos.iter().find(|(l, _)| l == label).map(|&(_, c)| c)
        }) else {
            return false;
        };
        self.yield_exit(code);
        true
    }

    /// `return` inside a range-over-func body.
    pub fn yield_return_stmt(&mut self, results: &'a [Expr]) {
        let Some(ctx) = self.yield_ctx.clone() else {
            return;
        };
        if results.is_empty() {
            self.yield_exit(BARE_RETURN);
            return;
        }
        let vals = self.rhs_values(results, ctx.result_tys.len());
        for (i, (v, t)) in vals.into_iter().enumerate() {
            let (Some(&p), Some(&rt)) = (ctx.results.get(i), ctx.result_tys.get(i)) else {
                continue;
            };
            let cv = self.convert_value(v, t, rt);
            self.b.store(p, cv);
        }
        self.yield_exit(RETURN);
    }
}
