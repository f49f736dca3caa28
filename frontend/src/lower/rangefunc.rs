//! `for k, v := range f` over a function (Go 1.23 iterators): the loop
//! body becomes a closure, the `yield` function passed to `f`. It captures
//! the variables it uses by reference (they live on the heap, see
//! [`super::escape`]) and a state word shared with the enclosing code:
//!
//! - `continue` returns `true` from the body (the next iteration);
//! - `break` stores [`BREAK`] and returns `false`;
//! - `return` stores the results in slots of the enclosing function and
//!   [`RETURN`] (or [`BARE_RETURN`]), and returns `false`;
//! - `break L` / `continue L` to a loop outside stores that target's code
//!   (numbered from 1) and returns `false`.
//!
//! After `f` returns, the enclosing code reads the state and does what
//! the body asked. Bodies nested in other range-over-func bodies pass
//! returns and outer jumps on through their own state.

use super::escape;
use super::func::{FnLowerer, Storage};
use crate::ir::{BinOp, BlockId, Callee, Const, InstrKind, Terminator, ValueId};
use crate::syntax::ast::{Expr, RangeStmt};
use crate::types::{BasicKind, TyId};

/// The loop was left by `break`.
const BREAK: i128 = -1;
/// The enclosing function returns the values in the result slots.
const RETURN: i128 = -2;
/// A `return` without values (named results, or none).
const BARE_RETURN: i128 = -3;

/// What a range-over-func body knows about its loop.
#[derive(Clone)]
pub(super) struct YieldCtx {
    /// `*int`: the state word.
    pub state: ValueId,
    /// Pointers to the enclosing function's result slots.
    pub results: Vec<ValueId>,
    pub result_tys: Vec<TyId>,
    /// The label of the range statement.
    pub label: Option<String>,
    /// Labeled loops and switches outside the body: label, the code for
    /// `break`, the code for `continue` (loops only).
    pub outer: Vec<(String, i128, Option<i128>)>,
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
        for (i, &p) in res_ptrs.iter().enumerate() {
            caps.push(p);
            let t = res_tys[i];
            cap_tys.push(self.ptr_to(t));
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
            c.yield_ctx = Some(YieldCtx {
                state: vals[n],
                results: vals[n + 1..].to_vec(),
                result_tys: res_tys,
                label,
                outer,
            });
            c.result_tys = vec![crate::types::TypeCtx::basic(BasicKind::Bool)];
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

    /// Returns `more` from the yield function.
    pub fn yield_return(&mut self, more: bool) {
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
