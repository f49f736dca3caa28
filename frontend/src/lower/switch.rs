//! Switch statements: the tag is evaluated once, cases are compared in
//! order, `fallthrough` jumps to the next clause's body, the default
//! clause runs when no case matches. Type switches compare the dynamic
//! type descriptor (or assert to interface types).

use super::func::FnLowerer;
use crate::ir::{BinOp, BlockId, InstrKind, ValueId};
use crate::syntax::ast::{CaseClause, Expr, SwitchStmt, TypeSwitchStmt};
use crate::types::{BasicKind, ObjKind, TyId};

impl<'l, 'a> FnLowerer<'l, 'a> {
    /// `a == b` for values of types `at` and `bt` (one assignable to the
    /// other; interfaces compare as interfaces).
    pub fn equal_values(&mut self, a: ValueId, at: TyId, b: ValueId, bt: TyId) -> ValueId {
        let (ai, bi) = (self.is_iface(at), self.is_iface(bt));
        let (a, b) = if ai && !bi {
            (a, self.convert_value(b, bt, at))
        } else if bi && !ai {
            (self.convert_value(a, at, bt), b)
        } else {
            (a, self.convert_value(b, bt, at))
        };
        let bool_t = self.bool_ty();
        self.b.binary(BinOp::Eq, a, b, bool_t)
    }

    pub fn switch_stmt(&mut self, sw: &'a SwitchStmt) {
        let label = self.pending_label.take();
        if let Some(init) = &sw.init {
            self.stmt(init);
        }
        let tag = sw.tag.as_ref().map(|t| {
            let v = self.expr(t);
            (v, self.tyof(t))
        });
        let done = self.b.new_block();
        let bodies: Vec<BlockId> = sw.clauses.iter().map(|_| self.b.new_block()).collect();
        let mut default = None;
        for (i, c) in sw.clauses.iter().enumerate() {
            let Some(exprs) = &c.exprs else {
                default = Some(bodies[i]);
                continue;
            };
            for ce in exprs {
                let cv = self.expr(ce);
                let cond = match tag {
                    Some((tv, tt)) => {
                        let ct = self.tyof(ce);
                        self.set_span(ce.pos());
                        self.equal_values(tv, tt, cv, ct)
                    }
                    None => cv,
                };
                let next = self.b.new_block();
                self.b.branch(cond, bodies[i], next);
                self.b.set_block(next);
            }
        }
        self.b.jump(default.unwrap_or(done));
        self.targets.push(super::func::Target {
            label,
            brk: done,
            cont: None,
        });
        let saved_ft = self.fallthrough;
        for (i, c) in sw.clauses.iter().enumerate() {
            self.b.set_block(bodies[i]);
            self.fallthrough = bodies.get(i + 1).copied();
            self.stmts(&c.body);
            self.b.jump(done);
        }
        self.fallthrough = saved_ft;
        self.targets.pop();
        self.b.set_block(done);
    }

    pub fn type_switch_stmt(&mut self, ts: &'a TypeSwitchStmt) {
        let label = self.pending_label.take();
        if let Some(init) = &ts.init {
            self.stmt(init);
        }
        let x = self.expr(&ts.x);
        let xt = self.tyof(&ts.x);
        let up = self.basic(BasicKind::UnsafePointer);
        let bool_t = self.bool_ty();
        let desc = self.b.val(InstrKind::TypeDescOf(x), up);
        let done = self.b.new_block();
        let bodies: Vec<BlockId> = ts.clauses.iter().map(|_| self.b.new_block()).collect();
        let mut default = None;
        for (i, c) in ts.clauses.iter().enumerate() {
            let Some(types) = &c.exprs else {
                default = Some(bodies[i]);
                continue;
            };
            for te in types {
                self.set_span(te.pos());
                let cond = if self.is_nil_case(te) {
                    let z = self.zero(up);
                    self.b.binary(BinOp::Eq, desc, z, bool_t)
                } else {
                    let t = self.tyof(te);
                    let it = self.ty(t);
                    if self.is_iface(t) {
                        let tup_t = self.lw.tuple_type(vec![it, bool_t]);
                        let tup = self.b.val(
                            InstrKind::TypeAssert {
                                value: x,
                                asserted: it,
                                comma_ok: true,
                            },
                            tup_t,
                        );
                        self.b.val(
                            InstrKind::Extract {
                                tuple: tup,
                                index: 1,
                            },
                            bool_t,
                        )
                    } else {
                        let td = self.b.val(InstrKind::TypeDesc(it), up);
                        self.b.binary(BinOp::Eq, desc, td, bool_t)
                    }
                };
                let next = self.b.new_block();
                self.b.branch(cond, bodies[i], next);
                self.b.set_block(next);
            }
        }
        self.b.jump(default.unwrap_or(done));
        self.targets.push(super::func::Target {
            label,
            brk: done,
            cont: None,
        });
        for (i, c) in ts.clauses.iter().enumerate() {
            self.b.set_block(bodies[i]);
            self.bind_clause_var(c, x, xt);
            self.stmts(&c.body);
            self.b.jump(done);
        }
        self.targets.pop();
        self.b.set_block(done);
    }

    fn is_nil_case(&self, e: &Expr) -> bool {
        self.lw
            .ck
            .info
            .uses
            .get(&e.unparen().id)
            .is_some_and(|o| matches!(self.lw.ck.obj(*o).kind, ObjKind::Nil))
    }

    /// The type switch variable of a clause: the asserted value for a
    /// single-type case, the switch operand otherwise.
    fn bind_clause_var(&mut self, c: &'a CaseClause, x: ValueId, xt: TyId) {
        let Some(&obj) = self.lw.ck.info.implicits.get(&c.id) else {
            return;
        };
        let vt = self.lw.ck.obj(obj).ty;
        let vt = self.cty(vt);
        let single = c
            .exprs
            .as_ref()
            .filter(|ts| ts.len() == 1)
            .and_then(|ts| ts.first());
        let v = match single {
            Some(te) if !self.is_nil_case(te) && !self.lw.ck.tcx.identical(vt, xt) => {
                let it = self.ty(vt);
                self.b.val(
                    InstrKind::TypeAssert {
                        value: x,
                        asserted: it,
                        comma_ok: false,
                    },
                    it,
                )
            }
            _ => self.convert_value(x, xt, vt),
        };
        self.declare_var_with(obj, v);
    }
}
