//! Checks of labels and branch statements in one function body, as gc
//! makes them while parsing: `break`/`continue` outside a loop, misplaced
//! `fallthrough`, undefined or unused labels, and `goto` jumping into a
//! block or over a variable declaration.
//!
//! The parser runs this on each function body (literals included) that
//! parsed without errors. Function literals inside the body are separate
//! functions and are not entered.

use super::ast::*;
use super::printer::expr_string;
use crate::diag::Diagnostic;
use crate::source::{SourceMap, Span};
use std::collections::HashMap;

/// Diagnostics for the labels and branches of one function body.
pub fn check(sources: &SourceMap, body: &Block) -> Vec<Diagnostic> {
    let mut ls = LabelScope {
        sources,
        labels: HashMap::new(),
        blocks: Vec::new(),
        diags: Vec::new(),
    };
    let fwd = ls.block_branches(
        None,
        Targets::default(),
        None,
        body.span.start(),
        &body.stmts,
    );
    for g in fwd {
        let msg = match ls.labels.get_mut(&g.name) {
            Some(l) => {
                l.used = true;
                let start = ls.blocks[l.parent].start;
                format!(
                    "goto {} jumps into block starting at {}",
                    g.name,
                    sources.position(start)
                )
            }
            None => format!("label {} not defined", g.name),
        };
        ls.diags.push(Diagnostic::error(g.span, msg));
    }
    let mut unused: Vec<&Label> = ls.labels.values().filter(|l| !l.used).collect();
    unused.sort_by_key(|l| l.span.lo);
    let unused: Vec<Diagnostic> = unused
        .into_iter()
        .map(|l| Diagnostic::error(l.span, format!("label {} defined and not used", l.name)))
        .collect();
    ls.diags.extend(unused);
    ls.diags
}

/// What a labeled statement labels, as far as `break`/`continue` care.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Labeled {
    For,
    Switch,
    Select,
    Other,
}

struct Label {
    name: String,
    span: Span,
    /// The block the label is declared in.
    parent: usize,
    /// Identity of the labeled statement (the label's node id).
    stmt: NodeId,
    kind: Labeled,
    used: bool,
}

struct BlockInfo {
    parent: Option<usize>,
    start: Span,
    /// The labeled statement this block belongs to.
    labeled: Option<NodeId>,
}

/// A `goto` whose label has not been seen yet.
#[derive(Clone)]
struct Goto {
    name: String,
    span: Span,
    id: NodeId,
}

#[derive(Clone, Copy, Default)]
struct Targets {
    /// The innermost statement a plain `break` leaves.
    breaks: Option<BreakTarget>,
    /// A plain `continue` is valid.
    continues: bool,
    /// Index of the case clause whose body this is (directly).
    case_index: Option<usize>,
}

#[derive(Clone, Copy)]
enum BreakTarget {
    For,
    Select,
    Switch { type_switch: bool, clauses: usize },
}

struct LabelScope<'a> {
    sources: &'a SourceMap,
    labels: HashMap<String, Label>,
    blocks: Vec<BlockInfo>,
    diags: Vec<Diagnostic>,
}

fn labeled_kind(s: &Stmt) -> Labeled {
    match s.kind {
        StmtKind::For(_) | StmtKind::Range(_) => Labeled::For,
        StmtKind::Switch(_) | StmtKind::TypeSwitch(_) => Labeled::Switch,
        StmtKind::Select(_) => Labeled::Select,
        _ => Labeled::Other,
    }
}

enum Enclosing {
    Found(Labeled),
    Invalid,
    Undefined,
}

impl LabelScope<'_> {
    fn error(&mut self, span: Span, msg: String) {
        self.diags.push(Diagnostic::error(span, msg));
    }

    /// The labeled statement `name` if it encloses block `b`.
    fn enclosing_target(&mut self, b: usize, name: &str) -> Enclosing {
        let Some(l) = self.labels.get_mut(name) else {
            return Enclosing::Undefined;
        };
        l.used = true; // even if not a valid target
        let (stmt, kind) = (l.stmt, l.kind);
        let mut cur = Some(b);
        while let Some(i) = cur {
            if self.blocks[i].labeled == Some(stmt) {
                return Enclosing::Found(kind);
            }
            cur = self.blocks[i].parent;
        }
        Enclosing::Invalid
    }

    /// Whether the label `name` is declared in block `b` or around it.
    fn goto_target(&mut self, b: usize, name: &str) -> bool {
        let Some(l) = self.labels.get_mut(name) else {
            return false;
        };
        l.used = true;
        let parent = l.parent;
        let mut cur = Some(b);
        while let Some(i) = cur {
            if i == parent {
                return true;
            }
            cur = self.blocks[i].parent;
        }
        false
    }

    fn block_branches(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets,
        labeled: Option<NodeId>,
        start: Span,
        body: &[Stmt],
    ) -> Vec<Goto> {
        let b = self.blocks.len();
        self.blocks.push(BlockInfo {
            parent,
            start,
            labeled,
        });
        let mut var_decl: Option<(Span, String)> = None;
        let mut fwd: Vec<Goto> = Vec::new();
        let mut bad: Vec<NodeId> = Vec::new();

        let mut n = body.len();
        while n > 0 && matches!(body[n - 1].kind, StmtKind::Empty) {
            n -= 1;
        }
        let list = &body[..n];

        for (index, s0) in list.iter().enumerate() {
            let mut lstmt: Option<NodeId> = None;
            let mut s = s0;
            // Look through labels.
            while let StmtKind::Labeled { label, stmt } = &s.kind {
                if label.name != "_" {
                    self.declare(b, label, stmt);
                    let mut kept = Vec::new();
                    for g in std::mem::take(&mut fwd) {
                        if g.name == label.name {
                            if let Some(l) = self.labels.get_mut(&label.name) {
                                l.used = true;
                            }
                            if let Some((pos, name)) = &var_decl {
                                if bad.contains(&g.id) {
                                    let msg = format!(
                                        "goto {} jumps over declaration of {} at {}",
                                        g.name,
                                        name,
                                        self.sources.position(*pos)
                                    );
                                    self.error(g.span, msg);
                                }
                            }
                        } else {
                            kept.push(g);
                        }
                    }
                    fwd = kept;
                    lstmt = Some(label.id);
                }
                s = stmt;
            }

            let mut record_var = |pos: Span, name: String, fwd: &Vec<Goto>| {
                var_decl = Some((pos, name));
                bad = fwd.iter().map(|g| g.id).collect();
            };

            let inner_targets = |breaks, continues| Targets {
                breaks,
                continues,
                case_index: None,
            };

            match &s.kind {
                StmtKind::Decl(d) if d.kind == GenKind::Var => {
                    if let Some(Spec::Value(v)) = d.specs.first() {
                        if let Some(n) = v.names.first() {
                            record_var(n.span, n.name.clone(), &fwd);
                        }
                    }
                }
                StmtKind::Assign {
                    op: AssignOp::Define,
                    lhs,
                    op_span,
                    ..
                } => {
                    let name = lhs.iter().map(expr_string).collect::<Vec<_>>().join(", ");
                    record_var(*op_span, name, &fwd);
                }
                StmtKind::Break(None) if ctxt.breaks.is_none() => {
                    self.error(s.span, "break is not in a loop, switch, or select".into());
                }
                StmtKind::Continue(None) if !ctxt.continues => {
                    self.error(s.span, "continue is not in a loop".into());
                }
                StmtKind::Fallthrough => {
                    let mut msg = Some("fallthrough statement out of place");
                    if let Some(BreakTarget::Switch {
                        type_switch,
                        clauses,
                    }) = ctxt.breaks
                    {
                        if type_switch {
                            msg = Some("cannot fallthrough in type switch");
                        } else if ctxt.case_index.is_none() || index + 1 < list.len() {
                            // Nested in a block, or not the last statement.
                        } else if ctxt.case_index.map(|i| i + 1) == Some(clauses) {
                            msg = Some("cannot fallthrough final case in switch");
                        } else {
                            msg = None;
                        }
                    }
                    if let Some(m) = msg {
                        self.error(s.span, m.into());
                    }
                }
                StmtKind::Break(Some(label)) => match self.enclosing_target(b, &label.name) {
                    Enclosing::Found(Labeled::For | Labeled::Switch | Labeled::Select) => {}
                    Enclosing::Found(Labeled::Other) | Enclosing::Invalid => {
                        self.error(label.span, format!("invalid break label {}", label.name));
                    }
                    Enclosing::Undefined => {
                        self.error(
                            label.span,
                            format!("break label not defined: {}", label.name),
                        );
                    }
                },
                StmtKind::Continue(Some(label)) => match self.enclosing_target(b, &label.name) {
                    Enclosing::Found(Labeled::For) => {}
                    Enclosing::Found(_) | Enclosing::Invalid => {
                        self.error(label.span, format!("invalid continue label {}", label.name));
                    }
                    Enclosing::Undefined => {
                        self.error(
                            label.span,
                            format!("continue label not defined: {}", label.name),
                        );
                    }
                },
                StmtKind::Goto(label) if !self.goto_target(b, &label.name) => {
                    fwd.push(Goto {
                        name: label.name.clone(),
                        span: label.span,
                        id: label.id,
                    });
                }
                StmtKind::Block(blk) => {
                    let t = inner_targets(ctxt.breaks, ctxt.continues);
                    let inner =
                        self.block_branches(Some(b), t, lstmt, blk.span.start(), &blk.stmts);
                    fwd.extend(inner);
                }
                StmtKind::If(ifs) => {
                    let t = inner_targets(ctxt.breaks, ctxt.continues);
                    let inner = self.block_branches(
                        Some(b),
                        t,
                        lstmt,
                        ifs.then.span.start(),
                        &ifs.then.stmts,
                    );
                    fwd.extend(inner);
                    if let Some(els) = &ifs.els {
                        let inner = self.block_branches(
                            Some(b),
                            t,
                            lstmt,
                            els.span.start(),
                            std::slice::from_ref(els.as_ref()),
                        );
                        fwd.extend(inner);
                    }
                }
                StmtKind::For(f) => {
                    let t = inner_targets(Some(BreakTarget::For), true);
                    let inner =
                        self.block_branches(Some(b), t, lstmt, f.body.span.start(), &f.body.stmts);
                    fwd.extend(inner);
                }
                StmtKind::Range(r) => {
                    let t = inner_targets(Some(BreakTarget::For), true);
                    let inner =
                        self.block_branches(Some(b), t, lstmt, r.body.span.start(), &r.body.stmts);
                    fwd.extend(inner);
                }
                StmtKind::Switch(sw) => {
                    let target = BreakTarget::Switch {
                        type_switch: false,
                        clauses: sw.clauses.len(),
                    };
                    for (i, cc) in sw.clauses.iter().enumerate() {
                        let t = Targets {
                            breaks: Some(target),
                            continues: ctxt.continues,
                            case_index: Some(i),
                        };
                        let inner =
                            self.block_branches(Some(b), t, lstmt, cc.span.start(), &cc.body);
                        fwd.extend(inner);
                    }
                }
                StmtKind::TypeSwitch(sw) => {
                    let target = BreakTarget::Switch {
                        type_switch: true,
                        clauses: sw.clauses.len(),
                    };
                    for (i, cc) in sw.clauses.iter().enumerate() {
                        let t = Targets {
                            breaks: Some(target),
                            continues: ctxt.continues,
                            case_index: Some(i),
                        };
                        let inner =
                            self.block_branches(Some(b), t, lstmt, cc.span.start(), &cc.body);
                        fwd.extend(inner);
                    }
                }
                StmtKind::Select(sel) => {
                    let t = inner_targets(Some(BreakTarget::Select), ctxt.continues);
                    for cc in &sel.clauses {
                        let inner =
                            self.block_branches(Some(b), t, lstmt, cc.span.start(), &cc.body);
                        fwd.extend(inner);
                    }
                }
                _ => {}
            }
        }
        fwd
    }

    fn declare(&mut self, b: usize, label: &Ident, stmt: &Stmt) {
        if let Some(prev) = self.labels.get(&label.name) {
            let msg = format!(
                "label {} already defined at {}",
                label.name,
                self.sources.position(prev.span)
            );
            self.error(label.span, msg);
            return;
        }
        self.labels.insert(
            label.name.clone(),
            Label {
                name: label.name.clone(),
                span: label.span,
                parent: b,
                stmt: label.id,
                kind: labeled_kind(stmt),
                used: false,
            },
        );
    }
}
