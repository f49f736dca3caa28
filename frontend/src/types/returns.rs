//! Terminating statements (the spec's definition), for the
//! `missing return` check.

use super::object::Builtin;
use super::operand::Mode;
use super::Checker;
use crate::syntax::ast::{ExprKind, Stmt, StmtKind};

impl Checker<'_> {
    pub(super) fn is_terminating_list(&self, list: &[Stmt], label: &str) -> bool {
        // Trailing empty statements are permitted.
        let mut n = list.len();
        while n > 0 && matches!(list[n - 1].kind, StmtKind::Empty) {
            n -= 1;
        }
        n > 0 && self.is_terminating(&list[n - 1], label)
    }

    fn is_terminating(&self, s: &Stmt, label: &str) -> bool {
        match &s.kind {
            StmtKind::Return(_) | StmtKind::Goto(_) => true,
            StmtKind::Expr(e) => {
                if let ExprKind::Call { func, .. } = &e.unparen().kind {
                    return matches!(
                        self.info.types.get(&func.unparen().id).map(|t| &t.mode),
                        Some(Mode::Builtin(Builtin::Panic))
                    );
                }
                false
            }
            StmtKind::Labeled { label: l, stmt } => self.is_terminating(stmt, &l.name),
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts, ""),
            StmtKind::If(i) => match &i.els {
                Some(els) => {
                    self.is_terminating_list(&i.then.stmts, "") && self.is_terminating(els, "")
                }
                None => false,
            },
            StmtKind::Switch(sw) => {
                let mut has_default = false;
                for c in &sw.clauses {
                    if c.exprs.is_none() {
                        has_default = true;
                    }
                    if !self.is_terminating_list(&c.body, "") && !ends_in_fallthrough(&c.body) {
                        return false;
                    }
                    if has_break_list(&c.body, label, true) {
                        return false;
                    }
                }
                has_default
            }
            StmtKind::TypeSwitch(sw) => {
                let mut has_default = false;
                for c in &sw.clauses {
                    if c.exprs.is_none() {
                        has_default = true;
                    }
                    if !self.is_terminating_list(&c.body, "")
                        || has_break_list(&c.body, label, true)
                    {
                        return false;
                    }
                }
                has_default
            }
            StmtKind::Select(sel) => {
                for c in &sel.clauses {
                    if !self.is_terminating_list(&c.body, "")
                        || has_break_list(&c.body, label, true)
                    {
                        return false;
                    }
                }
                true
            }
            StmtKind::For(f) => f.cond.is_none() && !has_break_list(&f.body.stmts, label, true),
            _ => false,
        }
    }
}

fn ends_in_fallthrough(list: &[Stmt]) -> bool {
    let mut n = list.len();
    while n > 0 && matches!(list[n - 1].kind, StmtKind::Empty) {
        n -= 1;
    }
    n > 0 && matches!(list[n - 1].kind, StmtKind::Fallthrough)
}

/// Whether `list` contains a `break` that targets the enclosing statement:
/// an unlabeled one (when `implicit`) not inside a nested breakable
/// statement, or one with `label`.
fn has_break_list(list: &[Stmt], label: &str, implicit: bool) -> bool {
    list.iter().any(|s| has_break(s, label, implicit))
}

fn has_break(s: &Stmt, label: &str, implicit: bool) -> bool {
    match &s.kind {
        StmtKind::Break(None) => implicit,
        StmtKind::Break(Some(l)) => l.name == label,
        StmtKind::Labeled { stmt, .. } => has_break(stmt, label, implicit),
        StmtKind::Block(b) => has_break_list(&b.stmts, label, implicit),
        StmtKind::If(i) => {
            has_break_list(&i.then.stmts, label, implicit)
                || i.els
                    .as_deref()
                    .is_some_and(|e| has_break(e, label, implicit))
        }
        StmtKind::Switch(sw) => {
            !label.is_empty()
                && sw
                    .clauses
                    .iter()
                    .any(|c| has_break_list(&c.body, label, false))
        }
        StmtKind::TypeSwitch(sw) => {
            !label.is_empty()
                && sw
                    .clauses
                    .iter()
                    .any(|c| has_break_list(&c.body, label, false))
        }
        StmtKind::Select(sel) => {
            !label.is_empty()
                && sel
                    .clauses
                    .iter()
                    .any(|c| has_break_list(&c.body, label, false))
        }
        StmtKind::For(f) => !label.is_empty() && has_break_list(&f.body.stmts, label, false),
        StmtKind::Range(r) => !label.is_empty() && has_break_list(&r.body.stmts, label, false),
        _ => false,
    }
}
