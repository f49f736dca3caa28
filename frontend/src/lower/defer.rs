//! `defer`: the deferred call's function and arguments are evaluated at the
//! `defer` statement and packed into a closure (`outer.deferwrapN`, whose
//! captures are those values), pushed on a per-function list (a local
//! `[]func()`). Every return stores its results, runs the list last in
//! first out, and returns the (possibly updated) results. A `defer` in
//! the body of a range-over-func loop pushes onto the list of the function
//! the loop is in (see [`super::rangefunc`]).
//!
//! For panics, the function registers the list with the runtime at entry
//! (`rgo_defer_push`, which hands back a `jmp_buf` filled right away by
//! `_setjmp`) and unregisters it as it returns (`rgo_defer_pop`). A panic
//! runs the registered lists; when a deferred call recovers, the runtime
//! `_longjmp`s back: `_setjmp` returns 1 and the function takes its
//! *landing* path, which runs the rest of the list and returns the results
//! as they are. `recover()` asks the runtime (`rgo_gorecover`).

use super::func::FnLowerer;
use crate::ir::{BinOp, Callee, InstrKind, Terminator, ValueId};
use crate::syntax::ast::{Expr, ExprKind, Stmt, StmtKind};
use crate::types::{BasicKind, Mode};

/// Whether statements contain a `defer` of this function (function
/// literals are other functions).
pub(super) fn contains_defer(stmts: &[Stmt]) -> bool {
    stmts.iter().any(stmt_has_defer)
}

fn stmt_has_defer(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Defer(_) => true,
        StmtKind::Labeled { stmt, .. } => stmt_has_defer(stmt),
        StmtKind::Block(b) => contains_defer(&b.stmts),
        StmtKind::If(i) => {
            contains_defer(&i.then.stmts) || i.els.as_deref().is_some_and(stmt_has_defer)
        }
        StmtKind::Switch(sw) => sw.clauses.iter().any(|c| contains_defer(&c.body)),
        StmtKind::TypeSwitch(ts) => ts.clauses.iter().any(|c| contains_defer(&c.body)),
        StmtKind::Select(sel) => sel.clauses.iter().any(|c| contains_defer(&c.body)),
        StmtKind::For(f) => contains_defer(&f.body.stmts),
        StmtKind::Range(r) => contains_defer(&r.body.stmts),
        _ => false,
    }
}

/// How the deferred closure makes its call: the captures hold the callee
/// (for func values and interfaces) and then the arguments.
enum Deferred {
    Direct(crate::ir::FuncId),
    Value,
    Interface(u32),
}

impl<'l, 'a> FnLowerer<'l, 'a> {
    /// Sets up the defer list and result slots at the function's entry.
    pub fn setup_defers(&mut self) {
        let fty = self.lw.ck.tcx.func(Vec::new(), Vec::new(), false);
        let list_t = self.lw.ck.tcx.slice(fty);
        let lt = self.ty(list_t);
        let lpt = self.ptr_to(list_t);
        let slot = self.temp("defers", lt);
        let a = self.b.local_addr(slot, lpt);
        let z = self.zero(lt);
        self.b.store(a, z);
        self.defers = Some(slot);
        if self.named_results.is_empty() {
            for t in self.result_tys.clone() {
                let it = self.ty(t);
                let l = self.temp("result", it);
                let pt = self.ptr_to(t);
                let ra = self.b.local_addr(l, pt);
                let z = self.zero(it);
                self.b.store(ra, z);
                self.ret_slots.push(l);
            }
        }
        let up = self.basic(BasicKind::UnsafePointer);
        let i32t = self.basic(BasicKind::Int32);
        let bool_t = self.bool_ty();
        // The landing path reads the results from memory: their addresses
        // go to the runtime so that LLVM keeps them there (it would
        // otherwise hold them in registers, which `_longjmp` restores to
        // their values at `_setjmp`).
        let keep = self.rt_extern("rgo_defer_keep", vec![up], Vec::new());
        let mut addrs = Vec::new();
        for r in self.named_results.clone() {
            addrs.push(self.var_addr(r));
        }
        for (i, l) in self.ret_slots.clone().into_iter().enumerate() {
            let t = self.result_tys[i];
            let pt = self.ptr_to(t);
            addrs.push(self.b.local_addr(l, pt));
        }
        for ra in addrs {
            let p = self.b.val(InstrKind::Convert(ra), up);
            self.b.call(Callee::Direct(keep), vec![p], None);
        }
        let push = self.rt_extern("rgo_defer_push", vec![lpt], vec![up]);
        let jb = self
            .b
            .call(Callee::Direct(push), vec![a], Some(up))
            .unwrap_or(ValueId(0));
        let sj = self.rt_extern("_setjmp", vec![up], vec![i32t]);
        let r = self
            .b
            .call(Callee::Direct(sj), vec![jb], Some(i32t))
            .unwrap_or(ValueId(0));
        let zero = self.const_int(0, i32t);
        let landed = self.b.binary(BinOp::Ne, r, zero, bool_t);
        let landing = self.b.new_block();
        let body = self.b.new_block();
        self.b.branch(landed, landing, body);
        self.b.set_block(landing);
        self.finish_return(slot);
        self.b.set_block(body);
    }

    /// The address of the list `defer` statements here push to: the
    /// function's own, or in a range-over-func body the enclosing
    /// function's.
    pub fn defer_list_addr(&mut self) -> Option<ValueId> {
        if let Some(ctx) = &self.yield_ctx {
            return ctx.defers;
        }
        let slot = self.defers?;
        let fty = self.lw.ck.tcx.func(Vec::new(), Vec::new(), false);
        let list_t = self.lw.ck.tcx.slice(fty);
        let lpt = self.ptr_to(list_t);
        Some(self.b.local_addr(slot, lpt))
    }

    /// `defer f(args)`.
    pub fn defer_stmt(&mut self, call: &'a Expr) {
        let e = call.unparen();
        let has_list = match &self.yield_ctx {
            Some(ctx) => ctx.defers.is_some(),
            None => self.defers.is_some(),
        };
        if !has_list {
            self.ice(e.pos(), "defer without a defer list");
            return;
        }
        let ExprKind::Call { func, args, .. } = &e.kind else {
            self.ice(e.pos(), "defer of a non-call");
            return;
        };
        let fmode = self.lw.ck.info.types.get(&func.id).map(|t| t.mode.clone());
        if let Some(Mode::Builtin(b)) = fmode {
            let clo = self.builtin_thunk(e, b, args, "deferwrap");
            self.push_deferred(clo);
            return;
        }
        let Some((callee, argv, ret)) = self.prepare_call(e) else {
            return;
        };
        let mut caps = Vec::new();
        let kind = match callee {
            Callee::Direct(f) => Deferred::Direct(f),
            Callee::Value(v) => {
                caps.push(v);
                Deferred::Value
            }
            Callee::Interface { iface, index } => {
                caps.push(iface);
                Deferred::Interface(index)
            }
        };
        caps.extend(argv);
        self.set_span(e.pos());
        let clo = self.wrapper_closure("deferwrap", e.pos(), caps, |f, vals| {
            // The deferred function may `recover`: the runtime learns
            // where the stack is at the call (its return address goes
            // just below).
            let up = f.basic(BasicKind::UnsafePointer);
            let save = f.rt_extern("llvm.stacksave.p0", Vec::new(), vec![up]);
            let sp =
                f.b.call(Callee::Direct(save), Vec::new(), Some(up))
                    .unwrap_or(ValueId(0));
            let note = f.rt_extern("rgo_defer_call", vec![up], Vec::new());
            f.b.call(Callee::Direct(note), vec![sp], None);
            let split = |vals: Vec<ValueId>| match vals.split_first() {
                Some((a, rest)) => (*a, rest.to_vec()),
                None => (ValueId(0), Vec::new()),
            };
            match kind {
                Deferred::Direct(fid) => {
                    f.b.call(Callee::Direct(fid), vals, ret);
                }
                Deferred::Value => {
                    let (fv, rest) = split(vals);
                    f.b.call(Callee::Value(fv), rest, ret);
                }
                Deferred::Interface(index) => {
                    let (iv, rest) = split(vals);
                    f.b.call(Callee::Interface { iface: iv, index }, rest, ret);
                }
            }
        });
        self.push_deferred(clo);
    }

    /// Appends the `func()` value `clo` to the list `defer` pushes to here.
    fn push_deferred(&mut self, clo: ValueId) {
        let fty = self.lw.ck.tcx.func(Vec::new(), Vec::new(), false);
        let list_t = self.lw.ck.tcx.slice(fty);
        let lt = self.ty(list_t);
        let Some(a) = self.defer_list_addr() else {
            return;
        };
        let list = self.b.load(a, lt);
        let list = self.b.val(
            InstrKind::Append {
                slice: list,
                elems: vec![clo],
            },
            lt,
        );
        self.b.store(a, list);
    }

    /// Returns `vals`, running the deferred calls first.
    pub fn emit_return(&mut self, vals: Vec<ValueId>) {
        let Some(slot) = self.defers else {
            self.b.terminate(Terminator::Return(vals));
            return;
        };
        // The results are set before deferred calls run (they may change
        // named results).
        if !self.named_results.is_empty() {
            for (r, v) in self.named_results.clone().into_iter().zip(vals) {
                let a = self.var_addr(r);
                self.b.store(a, v);
            }
        } else {
            for (i, v) in vals.into_iter().enumerate() {
                let Some(&l) = self.ret_slots.get(i) else {
                    continue;
                };
                let t = self.result_tys[i];
                let pt = self.ptr_to(t);
                let a = self.b.local_addr(l, pt);
                self.b.store(a, v);
            }
        }
        self.finish_return(slot);
    }

    /// Runs the deferred calls, unregisters the defer frame and returns
    /// the results as they are then.
    fn finish_return(&mut self, slot: crate::ir::LocalId) {
        self.run_defers(slot);
        let mut out = Vec::new();
        if !self.named_results.is_empty() {
            for r in self.named_results.clone() {
                let t = self.lw.ck.obj(r).ty;
                let it = self.ty(t);
                let a = self.var_addr(r);
                out.push(self.b.load(a, it));
            }
        } else {
            for (i, l) in self.ret_slots.clone().into_iter().enumerate() {
                let t = self.result_tys[i];
                let it = self.ty(t);
                let pt = self.ptr_to(t);
                let a = self.b.local_addr(l, pt);
                out.push(self.b.load(a, it));
            }
        }
        let pop = self.rt_extern("rgo_defer_pop", Vec::new(), Vec::new());
        self.b.call(Callee::Direct(pop), Vec::new(), None);
        self.b.terminate(Terminator::Return(out));
    }

    /// Pops and calls the deferred closures, last first.
    fn run_defers(&mut self, slot: crate::ir::LocalId) {
        let fty = self.lw.ck.tcx.func(Vec::new(), Vec::new(), false);
        let ft = self.ty(fty);
        let list_t = self.lw.ck.tcx.slice(fty);
        let lt = self.ty(list_t);
        let lpt = self.ptr_to(list_t);
        let ept = self.ptr_to(fty);
        let int = self.int_ty();
        let bool_t = self.bool_ty();
        let head = self.b.new_block();
        let body = self.b.new_block();
        let done = self.b.new_block();
        self.b.jump(head);
        self.b.set_block(head);
        let a = self.b.local_addr(slot, lpt);
        let list = self.b.load(a, lt);
        let n = self.b.val(InstrKind::Len(list), int);
        let zero = self.int(0);
        let more = self.b.binary(BinOp::Gt, n, zero, bool_t);
        self.b.branch(more, body, done);
        self.b.set_block(body);
        let one = self.int(1);
        let last = self.b.binary(BinOp::Sub, n, one, int);
        let data = self.b.val(InstrKind::DataPtr(list), ept);
        let p = self.b.val(
            InstrKind::IndexAddr {
                base: data,
                index: last,
            },
            ept,
        );
        let f = self.b.load(p, ft);
        let cap = self.b.val(InstrKind::Cap(list), int);
        let shorter = self.b.val(
            InstrKind::MakeSliceHeader {
                data,
                len: last,
                cap,
            },
            lt,
        );
        self.b.store(a, shorter);
        self.b.call(Callee::Value(f), Vec::new(), None);
        self.b.jump(head);
        self.b.set_block(done);
    }
}
