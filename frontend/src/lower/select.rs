//! `select`: the channel operands and send values of every case are
//! evaluated in source order, then the runtime's `rgo_select` picks a
//! ready case (uniformly at random among ready ones) or blocks, and the
//! lowering dispatches on the index it returns.
//!
//! The cases are passed as a stack struct laid out like
//! `[n]struct{ ch, elem unsafe.Pointer }` (sends first, then receives, see
//! `rt/ABI.md`), each field at its Go type (`chan T`, `*T`); every case
//! gets a stack slot for its element.

use super::func::{FnLowerer, Target};
use crate::ir::{self, BinOp, Callee, Const, InstrKind, ValueId};
use crate::syntax::ast::{
    AssignOp, CommClause, Expr, ExprKind, SelectStmt, Stmt, StmtKind, UnaryOp,
};
use crate::types::{BasicKind, TyId, TypeCtx};

/// One communication clause, classified.
struct Case<'a> {
    clause: &'a CommClause,
    /// Position among the clauses (source order).
    src: usize,
    send: bool,
    /// The channel expression.
    chan: &'a Expr,
    /// Send: the value; receive: the whole `<-ch` expression.
    value: &'a Expr,
    /// Receive: the assignment targets and whether they are declared.
    lhs: &'a [Expr],
    define: bool,
}

/// The receive expression `<-ch` of `e`, if it is one.
fn recv_operand(e: &Expr) -> Option<&Expr> {
    match &e.unparen().kind {
        ExprKind::Unary {
            op: UnaryOp::Recv,
            x,
        } => Some(x),
        _ => None,
    }
}

impl<'l, 'a> FnLowerer<'l, 'a> {
    pub(super) fn select_stmt(&mut self, s: &'a Stmt, sel: &'a SelectStmt) {
        let label = self.pending_label.take();
        let mut cases: Vec<Case<'a>> = Vec::new();
        let mut default = None;
        for (src, cl) in sel.clauses.iter().enumerate() {
            let Some(comm) = cl.comm.as_deref() else {
                default = Some(cl);
                continue;
            };
            let case = match &comm.kind {
                StmtKind::Send { chan, value, .. } => Some(Case {
                    clause: cl,
                    src,
                    send: true,
                    chan,
                    value,
                    lhs: &[],
                    define: false,
                }),
                StmtKind::Expr(e) => recv_operand(e).map(|ch| Case {
                    clause: cl,
                    src,
                    send: false,
                    chan: ch,
                    value: e.unparen(),
                    lhs: &[],
                    define: false,
                }),
                StmtKind::Assign { lhs, op, rhs, .. }
                    if matches!(op, AssignOp::Assign | AssignOp::Define) && rhs.len() == 1 =>
                {
                    recv_operand(&rhs[0]).map(|ch| Case {
                        clause: cl,
                        src,
                        send: false,
                        chan: ch,
                        value: rhs[0].unparen(),
                        lhs,
                        define: matches!(op, AssignOp::Define),
                    })
                }
                _ => None,
            };
            let Some(case) = case else {
                self.ice(comm.pos(), "select case not supported yet");
                return;
            };
            cases.push(case);
        }
        // Sends first, then receives, each in source order.
        cases.sort_by_key(|c| !c.send);
        let nsends = cases.iter().filter(|c| c.send).count();
        let n = cases.len();

        // Evaluate the operands in source order.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| cases[i].src);
        let mut chans: Vec<Option<(ValueId, TyId)>> = vec![None; n];
        let mut slots: Vec<Option<(ValueId, ir::TypeId, TyId)>> = vec![None; n];
        for &i in &order {
            let ct = self.tyof(cases[i].chan);
            let c = self.expr(cases[i].chan);
            let Some(elem) = self.chan_elem(ct) else {
                self.ice(cases[i].chan.pos(), "select on a non-channel");
                return;
            };
            let et = self.ty(elem);
            let pt = self.ptr_to(elem);
            let slot = self.temp("selelem", et);
            let a = self.b.local_addr(slot, pt);
            if cases[i].send {
                let v = self.expr_to(cases[i].value, elem);
                self.b.store(a, v);
            }
            chans[i] = Some((c, ct));
            slots[i] = Some((a, et, elem));
        }

        // The case array.
        let mut fields = Vec::new();
        for i in 0..n {
            let (Some((c, _)), Some((a, _, _))) = (chans[i], slots[i]) else {
                return;
            };
            for (k, v) in [(0, c), (1, a)] {
                fields.push(ir::Field {
                    name: format!("f{}", 2 * i + k),
                    ty: self.b.value_type(v),
                    embedded: false,
                    tag: String::new(),
                    pkg: String::new(),
                });
            }
        }
        let arr_t = self.lw.intern_ir(ir::Type::Struct(fields.clone()));
        let arr_pt = self.lw.intern_ir(ir::Type::Pointer(arr_t));
        let arr = self.temp("selcases", arr_t);
        let arr_a = self.b.local_addr(arr, arr_pt);
        for i in 0..n {
            let (Some((c, _)), Some((a, _, _))) = (chans[i], slots[i]) else {
                return;
            };
            for (k, v) in [(0u32, c), (1, a)] {
                let idx = 2 * i as u32 + k;
                let ft = fields[idx as usize].ty;
                let fpt = self.lw.intern_ir(ir::Type::Pointer(ft));
                let fa = self.b.val(
                    InstrKind::FieldAddr {
                        base: arr_a,
                        index: idx,
                    },
                    fpt,
                );
                self.b.store(fa, v);
            }
        }
        let int = self.int_ty();
        let bool_t = self.bool_ty();
        let ns = self.int(nsends as i64);
        let nr = self.int((n - nsends) as i64);
        let block = self.b.konst(Const::Bool(default.is_none()), bool_t);
        self.set_span(s.pos());
        let f = self.rt_extern("rgo_select", vec![arr_pt, int, int, bool_t], vec![int]);
        let r = self
            .b
            .call(Callee::Direct(f), vec![arr_a, ns, nr, block], Some(int))
            .unwrap_or(ValueId(0));

        // Dispatch: -1 is `default`, else index << 1 | ok.
        let done = self.b.new_block();
        self.targets.push(Target {
            label,
            brk: done,
            cont: None,
        });
        let one = self.int(1);
        let idx = self.b.binary(BinOp::Shr, r, one, int);
        let okbit = self.b.binary(BinOp::And, r, one, int);
        let zero = self.int(0);
        let ok = self.b.binary(BinOp::Ne, okbit, zero, bool_t);
        if let Some(d) = default {
            let minus1 = self.int(-1);
            let is_def = self.b.binary(BinOp::Eq, r, minus1, bool_t);
            let dblk = self.b.new_block();
            let next = self.b.new_block();
            self.b.branch(is_def, dblk, next);
            self.b.set_block(dblk);
            self.stmts(&d.body);
            self.b.jump(done);
            self.b.set_block(next);
        }
        for i in 0..n {
            let iv = self.int(i as i64);
            let hit = self.b.binary(BinOp::Eq, idx, iv, bool_t);
            let cblk = self.b.new_block();
            let next = self.b.new_block();
            self.b.branch(hit, cblk, next);
            self.b.set_block(cblk);
            if !cases[i].send && !cases[i].lhs.is_empty() {
                let Some((a, et, elem)) = slots[i] else {
                    return;
                };
                let v = self.b.load(a, et);
                let bt = TypeCtx::basic(BasicKind::Bool);
                let vals = [(v, elem), (ok, bt)];
                self.set_span(cases[i].value.pos());
                for (l, (v, t)) in cases[i].lhs.iter().zip(vals) {
                    if cases[i].define {
                        if l.as_ident() == Some("_") {
                            continue;
                        }
                        if let Some(&o) = self.lw.ck.info.defs.get(&l.id) {
                            let ot = self.lw.ck.obj(o).ty;
                            let cv = self.convert_value(v, t, ot);
                            self.declare_var_with(o, cv);
                        }
                    } else {
                        let lv = self.lvalue(l);
                        if let super::stmt::LValue::Blank = lv {
                            continue;
                        }
                        self.store_lvalue(&lv, v, t);
                    }
                }
            }
            self.stmts(&cases[i].clause.body);
            self.b.jump(done);
            self.b.set_block(next);
        }
        // No case matched: impossible (the runtime returned a valid index).
        self.b.terminate(ir::Terminator::Unreachable);
        self.targets.pop();
        self.b.set_block(done);
    }
}
